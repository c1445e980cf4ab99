/**
 * One saved article as a standalone HTML file: one document with inline CSS, readable offline
 * and printable. Its images kept offline (image-store.ts) are in the file, as `data:` URLs
 * (`images`); the others load by URL from their site (no referrer), as the reader shows them.
 *
 * Safety: the file is opened later, from disk, by a browser, so it is built as hostile input
 * would require. The body goes through the core's one sanitizer again (src/core/sanitize.ts;
 * it needs a Window: the page's own, or jsdom's in Node), because a record may come from an
 * imported backup. Every piece of metadata is escaped as text; the only URLs written by this
 * module (source link, lead image) must be http(s). A Content-Security-Policy in the document
 * forbids every script, frame, form and plugin even if something slipped through.
 */
import { htmlHasUrl, parseFragment, serializeChildren } from "../../core/html.ts";
import { sanitizeHtml } from "../../core/sanitize.ts";
import { formatDate, formatReading, safeHttpUrl } from "../format.ts";
import { imageUrl, swapImages } from "../image-sources.ts";
import { siteOf } from "../keys.ts";
import type { SavedArticle } from "../schema.ts";
import { articleFileName } from "./filename.ts";

const ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Text safe in HTML content and in double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const LANG_RE = /^[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*$/;

const CSP =
  "default-src 'none'; img-src http: https: data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

const STYLE = `
:root { color-scheme: light dark; --bg: #fff; --fg: #1d1d1f; --muted: #5c5c63; --line: #e3e3e6; --link: #0b57d0; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #18181b; --fg: #e8e8ea; --muted: #a7a7ae; --line: #33333a; --link: #8ab4f8; }
}
html { background: var(--bg); color: var(--fg); }
body { margin: 0; padding: 2rem 1.25rem 4rem; font: 18px/1.6 Charter, "Iowan Old Style", "Source Serif Pro", Georgia, "Noto Serif", serif; }
article { max-width: 36em; margin: 0 auto; }
header { margin-bottom: 2rem; }
.site, .byline, .meta, footer, figcaption { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: var(--muted); }
.site { font-size: 0.8rem; letter-spacing: 0.06em; text-transform: uppercase; margin: 0 0 0.5rem; }
h1 { font-size: 2rem; line-height: 1.2; margin: 0 0 0.75rem; }
.standfirst { font-size: 1.15rem; line-height: 1.45; margin: 0 0 1rem; }
.byline, .meta { font-size: 0.9rem; margin: 0.25rem 0; }
a { color: var(--link); }
img, video, picture { max-width: 100%; height: auto; }
figure { margin: 1.5rem 0; }
figcaption { font-size: 0.85rem; line-height: 1.45; margin-top: 0.4rem; }
blockquote { margin: 1.5rem 0; padding-left: 1rem; border-left: 3px solid var(--line); }
pre { overflow-x: auto; padding: 0.75rem; border: 1px solid var(--line); font-size: 0.85rem; line-height: 1.45; }
code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 0.9em; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
th, td { border: 1px solid var(--line); padding: 0.35rem 0.5rem; text-align: start; vertical-align: top; }
hr { border: 0; border-top: 1px solid var(--line); margin: 2rem 0; }
footer { margin-top: 3rem; padding-top: 1rem; border-top: 1px solid var(--line); font-size: 0.8rem; }
@media print { body { padding: 0; font-size: 12pt; } a { color: inherit; } }
`;

export interface HtmlExportOptions {
  /** Locale for the dates shown (default: the runtime's). The machine-readable dates stay ISO. */
  locale?: string;
  /**
   * The article's images kept offline, as `data:` URLs by their web address
   * (image-data.ts `imageDataUrl`): they go into the file in place of their addresses, after
   * the sanitizer (which sees web addresses only).
   */
  images?: ReadonlyMap<string, string>;
}

const DATA_IMAGE = /^data:image\/(?:png|jpeg|gif|webp|avif|svg\+xml);base64,[A-Za-z0-9+/]*={0,2}$/;

/** The sanitized body with the kept images in it (only well-formed image `data:` URLs). */
function withImages(
  html: string,
  article: SavedArticle,
  win: Window,
  images: ReadonlyMap<string, string>,
): string {
  const body = parseFragment(win.document, html);
  const local = (url: string) => {
    const data = images.get(url);
    return data && DATA_IMAGE.test(data) ? data : null;
  };
  return swapImages(body, local, article.url) ? serializeChildren(body) : html;
}

/** The article as a complete HTML document. `win` does the sanitizer's parsing. */
export function articleHtml(article: SavedArticle, win: Window, options: HtmlExportOptions = {}): string {
  const { locale } = options;
  const e = escapeHtml;
  const lang = article.lang && LANG_RE.test(article.lang) ? ` lang="${e(article.lang)}"` : "";
  const dir = article.dir === "rtl" || article.dir === "ltr" ? ` dir="${article.dir}"` : "";
  const source = safeHttpUrl(article.url);
  const site = siteOf(article);

  const head: string[] = [];
  if (site) head.push(`<p class="site">${e(site)}</p>`);
  head.push(`<h1>${e(article.title)}</h1>`);
  if (article.subtitle) head.push(`<p class="standfirst">${e(article.subtitle)}</p>`);
  if (article.byline) head.push(`<p class="byline">${e(article.byline)}</p>`);
  const meta: string[] = [];
  const published = formatDate(article.publishedTime, locale);
  if (published && article.publishedTime) {
    meta.push(`<time datetime="${e(article.publishedTime)}">${e(published)}</time>`);
  }
  meta.push(e(formatReading(article.readingTimeMinutes, article.wordCount, locale)));
  if (source) meta.push(`<a href="${e(source)}" rel="noopener noreferrer">Original</a>`);
  head.push(`<p class="meta">${meta.join(" · ")}</p>`);

  let lead = "";
  const leadUrl = safeHttpUrl(article.leadImage?.url);
  if (article.leadImage && leadUrl && !htmlHasUrl(article.content, article.leadImage.url)) {
    const alt = article.leadImage.alt ?? "";
    const caption = article.leadImage.caption
      ? `<figcaption>${e(article.leadImage.caption)}</figcaption>`
      : "";
    const key = imageUrl(leadUrl, article.url);
    const kept = key ? options.images?.get(key) : undefined;
    const src = kept && DATA_IMAGE.test(kept) ? kept : leadUrl;
    lead = `<figure><img src="${e(src)}" alt="${e(alt)}">${caption}</figure>\n`;
  }

  const savedIso = new Date(article.savedAt).toISOString();
  const saved = formatDate(savedIso, locale) ?? savedIso;
  const footer = `<footer>Saved with Folio on <time datetime="${savedIso}">${e(saved)}</time>${
    source ? ` from <a href="${e(source)}" rel="noopener noreferrer">${e(source)}</a>` : ""
  }.</footer>`;

  return `<!DOCTYPE html>
<html${lang}${dir}>
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Folio">
<title>${e(article.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<article>
<header>
${head.join("\n")}
</header>
${lead}<div class="content">
${options.images?.size ? withImages(sanitizeHtml(article.content, win), article, win, options.images) : sanitizeHtml(article.content, win)}
</div>
${footer}
</article>
</body>
</html>
`;
}

/** The article's HTML file: name (`YYYY-MM-DD-headline.html`) and text. */
export function htmlFile(
  article: SavedArticle,
  win: Window,
  options?: HtmlExportOptions,
): { name: string; text: string } {
  return { name: articleFileName(article, "html"), text: articleHtml(article, win, options) };
}
