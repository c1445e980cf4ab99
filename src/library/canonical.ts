/**
 * Which URL an article is saved under. A page names its canonical URL itself, so a page on one
 * site could name another site's article and, saved, replace it in the library. The canonical
 * URL is trusted only when it is on the page's own site: the same registrable domain
 * ("news.example.co.uk" for "www.news.example.co.uk" and "m.news.example.co.uk"), decided with the
 * public suffix list, private suffixes included ("alice.github.io" and "bob.github.io" are two
 * sites), by `tldts`; hosts without one (IP addresses, "localhost") must match exactly, and
 * so must the scheme family (http or https). Otherwise the article keeps the address it was read from.
 *
 * This runs where articles are saved (the background), not in the core: the public suffix list
 * is about 130 kB, and the core runs in every page Folio reads, where its size is paid on every
 * first open.
 */
import { getDomain } from "tldts";
import type { Article } from "../core/types.ts";

const WEB = new Set(["http:", "https:"]);

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** The site of a host: its registrable domain, else the host itself. */
function siteOfHost(host: string): string {
  return getDomain(host, { allowPrivateDomains: true }) ?? host;
}

/** Whether `a` and `b` are web addresses on the same site (registrable domain). */
export function sameSite(a: string, b: string): boolean {
  const x = parse(a);
  const y = parse(b);
  if (!x || !y || !WEB.has(x.protocol) || !WEB.has(y.protocol)) return false;
  if (x.hostname === y.hostname) return true;
  return siteOfHost(x.hostname) === siteOfHost(y.hostname);
}

/** The URL to save `article` under: its canonical URL when on the page's own site, else the page's. */
export function trustedUrl(article: Pick<Article, "url" | "pageUrl">): string {
  const page = article.pageUrl;
  if (!page || page === article.url) return article.url;
  return sameSite(article.url, page) ? article.url : page;
}

/** The `source` line of the core's front matter (src/core/markdown.ts `frontMatter`). */
const SOURCE_LINE = /^(---\n(?:[^\n]*\n)*?)source: "(?:[^"\\]|\\.)*"\n/;

/**
 * `article` as it may be saved: a canonical URL from another site is replaced by the page's
 * URL, in the record and in its Markdown's front matter. Anything else is returned as it is.
 */
export function withTrustedUrl<T extends Pick<Article, "url" | "pageUrl" | "markdown">>(article: T): T {
  const url = trustedUrl(article);
  if (url === article.url) return article;
  const markdown =
    typeof article.markdown === "string"
      ? article.markdown.replace(
          SOURCE_LINE,
          (_all, head: string) => `${head}source: ${JSON.stringify(url)}\n`,
        )
      : article.markdown;
  return { ...article, url, markdown };
}
