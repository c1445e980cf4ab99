/**
 * extractMetadata(doc, documentUrl): what a page says about itself, before Readability.
 * Pure: reads `doc`, never mutates it, touches no globals. Works on jsdom and live documents.
 *
 * PRECEDENCE — one list per field; the first source giving a usable value wins.
 * Principle: social tags (OpenGraph/Twitter) lead for presentation fields (title, description,
 * image, site name) because they are what the publisher shows when sharing; JSON-LD leads for
 * structured facts (authors, dates) because it is typed and lists every author.
 *
 * title        Among these candidates, each with a known site name stripped ("Headline | Site"):
 *                og:title, JSON-LD headline, JSON-LD name (Article types only), twitter:title,
 *                dc:title, parsely-title, sailthru.title, itemprop=headline,
 *                <title> (site-name suffix/prefix heuristics: " | ", " - ", " – ", " — ", " :: "...)
 *              the first that equals the page's visible <h1> (social titles are sometimes
 *              rewritten for sharing); else the first one (a "…"-truncated one yields to the
 *              full candidate it abbreviates); else the first <h1>.
 * subtitle     explicit dek element in the page (see dek.ts: itemprop=alternativeHeadline,
 *              class/id standfirst|dek|subtitle|sub-headline|article-summary|lede... near the h1,
 *              header h1 + h2/p) > JSON-LD alternativeHeadline > JSON-LD description >
 *              og:description > meta description. The description fallbacks are skipped when
 *              truncated ("…"), longer than 300 characters, or equal to the title. The page's body
 *              is unknown here, so the pipeline should drop a subtitle that merely repeats the
 *              start of the body text.
 * description  og:description > meta description > twitter:description > dc:description >
 *              JSON-LD description > itemprop=description (meta).
 * authors      the first source that yields at least one clean name (authors.ts cleaning):
 *              JSON-LD author (creator) > article:author (profile URLs dropped) > dc:creator
 *              ("Last, First" kept whole) > meta author > parsely-author > sailthru.author >
 *              byl > itemprop=author (nested itemprop=name preferred) > a[rel=author] text.
 * siteName     og:site_name > JSON-LD publisher.name > JSON-LD Organization/WebSite name >
 *              application-name > twitter:site without "@" (last resort).
 * publishedTime (normalised, dates.ts) JSON-LD datePublished > article:published_time >
 *              itemprop=datePublished > dc:date.issued / dc:date / dc:created > parsely-pub-date >
 *              sailthru.date > pubdate / publishdate / publish-date / date meta > <time datetime>
 *              (pubdate/itemprop/header first, then the first in the page).
 * modifiedTime JSON-LD dateModified > article:modified_time > og:updated_time >
 *              itemprop=dateModified > dc:modified > last-modified meta.
 * canonicalUrl link[rel=canonical] > og:url > JSON-LD url / mainEntityOfPage; resolved against
 *              <base href> (itself against documentUrl), http(s) only; a canonical pointing at
 *              the site root from a deeper page is ignored (a common CMS mistake).
 * lang         <html lang> > <html xml:lang> > meta http-equiv=content-language (first entry) >
 *              JSON-LD inLanguage; as written.
 * dir          <html dir> > <body dir>; "ltr" / "rtl" only.
 * leadImage    url: og:image (og:image:url, og:image:secure_url) > twitter:image (:src) >
 *              JSON-LD image > itemprop=image > link[rel=image_src]; absolute http(s).
 *              alt: og:image:alt > twitter:image:alt > JSON-LD image description/name (same
 *              image) > alt of the same image in the page's figure.
 *              caption: figcaption of the <figure> showing the same file (lead-image.ts), else null.
 */

import { cleanAuthors } from "./authors.ts";
import { normalizeDate } from "./dates.ts";
import { readDek } from "./dek.ts";
import { type JsonLdArticle, readJsonLd } from "./json-ld.ts";
import { findFigure, imageKey } from "./lead-image.ts";
import {
  type MetaTags,
  readBaseHref,
  readCanonicalHref,
  readItemprop,
  readItempropAuthors,
  readMetaTags,
  readRelAuthors,
  readTimeElement,
} from "./meta-tags.ts";
import { cleanDocumentTitle, headingTexts, pickTitle, stripKnownSiteName } from "./title.ts";
import { clean, comparable, resolveUrl } from "./text.ts";
import type { PageMetadata } from "./types.ts";

export { cleanAuthors, splitAuthor } from "./authors.ts";
export { normalizeDate } from "./dates.ts";
export type { PageMetadata } from "./types.ts";

const SUBTITLE_MAX = 300;

function firstNonNull<T>(...values: (T | null | undefined)[]): T | null {
  for (const v of values) if (v !== null && v !== undefined) return v;
  return null;
}

function firstDate(...values: unknown[]): string | null {
  for (const v of values) {
    const d = normalizeDate(v);
    if (d) return d;
  }
  return null;
}

function baseUrl(doc: Document, documentUrl: string): string {
  const href = readBaseHref(doc);
  return (href && resolveUrl(href, documentUrl)) || documentUrl;
}

function readSiteName(meta: MetaTags, article: JsonLdArticle | null, ldSite: string | null): string | null {
  const twitter = meta.first("twitter:site");
  return firstNonNull(
    meta.first("og:site_name"),
    article?.publisherName,
    ldSite,
    meta.first("application-name"),
    twitter && !/^https?:/i.test(twitter) ? clean(twitter.replace(/^@/, "")) : null,
  );
}

function readTitle(
  doc: Document,
  meta: MetaTags,
  article: JsonLdArticle | null,
  siteNames: string[],
): string | null {
  const strip = (t: string | null | undefined) => (t ? stripKnownSiteName(t, siteNames) : null);
  const docTitle = clean(doc.querySelector("title")?.textContent);
  const candidates = [
    strip(meta.first("og:title")),
    strip(article?.headline),
    article?.strength === "article" ? strip(article.name) : null,
    strip(meta.first("twitter:title")),
    strip(meta.first("dc:title")),
    strip(meta.first("parsely-title")),
    strip(meta.first("sailthru.title")),
    strip(meta.first("itemprop:headline") ?? readItemprop(doc, "headline")[0]),
    docTitle ? cleanDocumentTitle(docTitle, siteNames) : null,
  ];
  return pickTitle(candidates, headingTexts(doc));
}

function readAuthors(doc: Document, meta: MetaTags, article: JsonLdArticle | null): string[] {
  const sources: (() => string[])[] = [
    () => cleanAuthors(article?.authors ?? []),
    () => cleanAuthors(meta.all("article:author")),
    () => cleanAuthors(meta.all("dc:creator"), { lastFirst: true }),
    () => cleanAuthors(meta.all("author")),
    () => cleanAuthors(meta.all("parsely-author")),
    () => cleanAuthors(meta.all("sailthru.author")),
    () => cleanAuthors(meta.all("byl")),
    () => cleanAuthors([...meta.all("itemprop:author"), ...readItempropAuthors(doc)]),
    () => cleanAuthors(readRelAuthors(doc)),
  ];
  for (const source of sources) {
    const names = source();
    if (names.length > 0) return names;
  }
  return [];
}

function readCanonical(doc: Document, meta: MetaTags, article: JsonLdArticle | null, base: string) {
  const docPath = (() => {
    try {
      return new URL(base).pathname;
    } catch {
      return "/";
    }
  })();
  for (const href of [readCanonicalHref(doc), meta.first("og:url"), article?.url]) {
    const url = resolveUrl(href, base);
    if (!url) continue;
    if (new URL(url).pathname === "/" && docPath !== "/") continue;
    return url;
  }
  return null;
}

function readLang(doc: Document, article: JsonLdArticle | null, meta: MetaTags): string | null {
  const html = doc.documentElement;
  const contentLanguage = meta.first("http-equiv:content-language");
  return firstNonNull(
    clean(html?.getAttribute("lang")),
    clean(html?.getAttribute("xml:lang")),
    contentLanguage ? clean(contentLanguage.split(",")[0]) : null,
    article?.inLanguage,
  );
}

function readDir(doc: Document): "ltr" | "rtl" | null {
  for (const el of [doc.documentElement, doc.body]) {
    const dir = el?.getAttribute("dir")?.trim().toLowerCase();
    if (dir === "ltr" || dir === "rtl") return dir;
  }
  return null;
}

function readLeadImage(
  doc: Document,
  meta: MetaTags,
  article: JsonLdArticle | null,
  base: string,
): PageMetadata["leadImage"] {
  const ldImage = article?.images[0];
  const raw = firstNonNull(
    meta.first("og:image", "og:image:url", "og:image:secure_url"),
    meta.first("twitter:image", "twitter:image:src"),
    ldImage?.url,
    meta.first("itemprop:image") ?? readItemprop(doc, "image")[0],
    clean(doc.querySelector('link[rel~="image_src"][href]')?.getAttribute("href")),
  );
  const url = resolveUrl(raw, base);
  if (!url) return null;
  const key = imageKey(url, base);
  const sameLd = article?.images.find((img) => key !== null && imageKey(img.url, base) === key);
  const figure = findFigure(doc, url, base);
  return {
    url,
    alt: firstNonNull(
      meta.first("og:image:alt"),
      meta.first("twitter:image:alt"),
      sameLd?.alt,
      figure?.alt,
    ),
    caption: figure?.caption ?? null,
  };
}

function usableAsSubtitle(text: string | null | undefined, title: string | null): string | null {
  if (!text) return null;
  if (text.length > SUBTITLE_MAX || /(?:…|\.\.\.)$/.test(text)) return null;
  if (title && comparable(text) === comparable(title)) return null;
  return text;
}

/** What the page says about itself. See the precedence list at the top of this file. */
export function extractMetadata(doc: Document, documentUrl: string): PageMetadata {
  const meta = readMetaTags(doc);
  const { article, siteName: ldSite } = readJsonLd(doc);
  const base = baseUrl(doc, documentUrl);

  const siteName = readSiteName(meta, article, ldSite);
  const siteNames = [
    siteName,
    meta.first("og:site_name"),
    article?.publisherName,
    ldSite,
    meta.first("application-name"),
    meta.first("twitter:site")?.replace(/^@/, ""),
  ].filter((s): s is string => !!s);

  const title = readTitle(doc, meta, article, siteNames);
  const description = firstNonNull(
    meta.first("og:description"),
    meta.first("description"),
    meta.first("twitter:description"),
    meta.first("dc:description"),
    article?.description,
    meta.first("itemprop:description"),
  );
  const subtitle = firstNonNull(
    readDek(doc, title),
    usableAsSubtitle(article?.alternativeHeadline, title),
    usableAsSubtitle(article?.description, title),
    usableAsSubtitle(meta.first("og:description"), title),
    usableAsSubtitle(meta.first("description"), title),
  );

  return {
    canonicalUrl: readCanonical(doc, meta, article, base),
    title,
    subtitle,
    authors: readAuthors(doc, meta, article),
    siteName,
    publishedTime: firstDate(
      article?.datePublished,
      meta.first("article:published_time"),
      meta.first("itemprop:datepublished"),
      readItemprop(doc, "datePublished")[0],
      meta.first("dc:date.issued", "dc:issued", "dc:date", "dc:created"),
      meta.first("parsely-pub-date"),
      meta.first("sailthru.date"),
      meta.first("pubdate", "publishdate", "publish-date", "publish_date", "date"),
      readTimeElement(doc),
    ),
    modifiedTime: firstDate(
      article?.dateModified,
      meta.first("article:modified_time"),
      meta.first("og:updated_time"),
      meta.first("itemprop:datemodified"),
      readItemprop(doc, "dateModified")[0],
      meta.first("dc:modified", "dc:date.modified"),
      meta.first("last-modified"),
    ),
    lang: readLang(doc, article, meta),
    dir: readDir(doc),
    description,
    leadImage: readLeadImage(doc, meta, article, base),
  };
}
