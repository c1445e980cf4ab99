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
 *              og:description > meta description. Everything after the dek element is used only
 *              on article pages (og:type=article or a JSON-LD Article), an alternativeHeadline
 *              only when written as a sentence (NYT/NBC put a second headline there), and a
 *              description only when it ends like a sentence (truncated ones don't), is at most
 *              300 characters and is not the title. The page's body is unknown here, so the
 *              pipeline should drop a subtitle that merely repeats the start of the body text.
 * description  og:description > meta description > twitter:description > dc:description >
 *              JSON-LD description > itemprop=description (meta).
 * authors      the first source that yields at least one clean name (authors.ts cleaning):
 *              JSON-LD author (creator) that is a Person or untyped > article:author (profile
 *              URLs dropped) > dc:creator ("Last, First" kept whole) > meta author >
 *              parsely-author > sailthru.author > byl > itemprop=author (nested itemprop=name
 *              preferred) > a[rel=author] text > byline element in the article header (byline.ts)
 *              > a plain-text byline line under the headline ("von Jane Roe") > a link to an
 *              author's page ("/autor/jane-roe") whose text is a name > JSON-LD author
 *              typed as an Organization (author-sources.ts). A source naming only the site itself
 *              (author "BBC News" on BBC News) is skipped while a later source names a person,
 *              and used when none does (`authorsWeak`); a user name ("CC7567", "mcupdate") is
 *              used only when the page prints it as the byline, never from meta tags.
 * siteName     og:site_name > JSON-LD publisher.name > JSON-LD Organization/WebSite name >
 *              application-name. A twitter:site handle ("@nytimes") is not a site's name and is
 *              only used to cut the site from titles. When og:site_name is
 *              the publisher name plus a suffix ("Libération.fr", "Spiceworks Inc",
 *              "Aktuálně.cz - Víte, co se právě děje"), the publisher name is used.
 * publishedTime (normalised, dates.ts) JSON-LD datePublished > article:published_time >
 *              itemprop=datePublished (its value; else the date its words print) > dc:date.issued / dc:date / dc:created > parsely-pub-date >
 *              sailthru.date > pubdate / publishdate / publish-date / date meta > <time datetime>
 *              (pubdate/itemprop/header first, then the first in the page) > the date the
 *              article's header prints, a day without a time > the date an element named
 *              for it prints, outside the page's furniture (both printed-date.ts).
 * modifiedTime JSON-LD dateModified > article:modified_time > og:updated_time >
 *              itemprop=dateModified > dc:modified > last-modified meta.
 * canonicalUrl link[rel=canonical] > og:url > JSON-LD url / mainEntityOfPage; resolved against
 *              <base href> (itself against documentUrl), http(s) only; a canonical pointing at
 *              the site root from a deeper page is ignored (a common CMS mistake).
 * lang         <html lang> > <html xml:lang> > meta http-equiv=content-language (first entry) >
 *              JSON-LD inLanguage; as written.
 * dir          the nearest declared dir of the content: that of the single main region
 *              (main / [role=main] / lone article) > <body dir> > <html dir>; "ltr" / "rtl" only
 *              (HTML inheritance: an inner declaration overrides the outer one).
 * leadImage    url: og:image (og:image:url, og:image:secure_url) > twitter:image (:src) >
 *              JSON-LD image > itemprop=image > link[rel=image_src]; absolute http(s); site-wide
 *              share images (logo, "default" promo, generic social card) are skipped.
 *              alt: og:image:alt > twitter:image:alt > JSON-LD image description/name (same
 *              image) > alt of the same image in the page's figure.
 *              caption: figcaption of the <figure> showing the same file (lead-image.ts), else null.
 */

import { readDir } from "./direction.ts";
import { readAuthors } from "./author-sources.ts";
import { readItempropPrintedDate, readNamedDate, readPrintedDate } from "./printed-date.ts";
import { normalizeDate } from "./dates.ts";
import { endsLikeSentence, isHeadlineLike, printedAfterHeadline, readDek } from "./dek.ts";
import { type JsonLdArticle, readJsonLd } from "./json-ld.ts";
import { readMicrodataRecipe } from "./recipe.ts";
import { findFigure, imageKey, isGenericShareImage } from "./lead-image.ts";
import {
  type MetaTags,
  readBaseHref,
  readItemprop,
  readLinkHref,
  readMetaTags,
  readTimeElement,
} from "./meta-tags.ts";
import { indexPage, type PageIndex } from "./page-index.ts";
import { cleanDocumentTitle, headingTexts, pickTitle, stripKnownSiteName } from "./title.ts";
import { comparable, decodedText, resolveUrl } from "./text.ts";
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

function baseUrl(index: PageIndex, documentUrl: string): string {
  const href = readBaseHref(index);
  return (href && resolveUrl(href, documentUrl)) || documentUrl;
}

function readSiteName(meta: MetaTags, article: JsonLdArticle | null, ldSite: string | null): string | null {
  const og = meta.first("og:site_name");
  const publisher = article?.publisherName ?? null;
  // "Libération.fr", "Spiceworks Inc", "Aktuálně.cz - Víte, co se právě děje": when the
  // publisher's name is the start of og:site_name, it is the same name without the suffix.
  const ogTrimmed =
    og && publisher && og !== publisher && comparable(og).startsWith(comparable(publisher)) ? publisher : og;
  return firstNonNull(ogTrimmed, publisher, ldSite, meta.first("application-name"));
}

function readTitle(
  index: PageIndex,
  meta: MetaTags,
  article: JsonLdArticle | null,
  declaredSiteNames: string[],
): { title: string | null; printed: boolean } {
  const docTitle = decodedText(index.titleElement?.textContent);
  // The declared titles as written: "Topic: Headline" tells a kicker printed in the h1.
  const headings = headingTexts(index, [meta.first("og:title"), article?.headline ?? null, docTitle]);
  const siteNames = [...declaredSiteNames, ...headings.siteNames];
  const strip = (t: string | null | undefined) => (t ? stripKnownSiteName(t, siteNames) : null);
  const candidates = [
    strip(meta.first("og:title")),
    strip(article?.headline),
    article?.strength === "article" ? strip(article.name) : null,
    strip(meta.first("twitter:title")),
    strip(meta.first("dc:title")),
    strip(meta.first("parsely-title")),
    strip(meta.first("sailthru.title")),
    strip(meta.first("itemprop:headline") ?? readItemprop(index, "headline")[0]),
    docTitle ? cleanDocumentTitle(docTitle, siteNames) : null,
    // Whole, after its cleaned form: the page's h1 may print the dash or colon too.
    docTitle,
  ];
  return pickTitle(candidates, headings.headlines, headings.sole);
}

function readCanonical(index: PageIndex, meta: MetaTags, article: JsonLdArticle | null, base: string) {
  const docPath = (() => {
    try {
      return new URL(base).pathname;
    } catch {
      return "/";
    }
  })();
  for (const href of [readLinkHref(index, "canonical"), meta.first("og:url"), article?.url]) {
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
    decodedText(html?.getAttribute("lang")),
    decodedText(html?.getAttribute("xml:lang")),
    contentLanguage ? decodedText(contentLanguage.split(",")[0]) : null,
    article?.inLanguage,
  );
}

function readLeadImage(
  index: PageIndex,
  meta: MetaTags,
  article: JsonLdArticle | null,
  base: string,
): PageMetadata["leadImage"] {
  const ldImage = article?.images[0];
  const candidates = [
    meta.first("og:image", "og:image:url", "og:image:secure_url"),
    meta.first("twitter:image", "twitter:image:src"),
    ldImage?.url,
    meta.first("itemprop:image") ?? readItemprop(index, "image")[0],
    readLinkHref(index, "image_src"),
  ]
    .map((raw) => resolveUrl(raw, base))
    .filter((u): u is string => u !== null);
  const url = candidates.find((u) => !isGenericShareImage(u));
  if (!url) return null;
  const key = imageKey(url, base);
  const sameLd = article?.images.find((img) => key !== null && imageKey(img.url, base) === key);
  const figure = findFigure(index, url, base);
  return {
    url,
    alt: firstNonNull(meta.first("og:image:alt"), meta.first("twitter:image:alt"), sameLd?.alt, figure?.alt),
    caption: figure?.caption ?? null,
  };
}

/**
 * A declared description or alternative headline used as subtitle: only on article pages
 * (site-wide descriptions sit on home and section pages), only when it reads as a complete
 * sentence (ends with sentence punctuation: truncated descriptions don't), not too long,
 * not the title again.
 */
function usableAsSubtitle(text: string | null | undefined, title: string | null, isArticle: boolean) {
  if (!text || !isArticle) return null;
  if (text.length > SUBTITLE_MAX || !endsLikeSentence(text)) return null;
  if (title && comparable(text) === comparable(title)) return null;
  return text;
}

/** What the page says about itself. See the precedence list at the top of this file. */
export function extractMetadata(doc: Document, documentUrl: string): PageMetadata {
  const index = indexPage(doc);
  const meta = readMetaTags(index);
  const { article, siteName: ldSite, recipe } = readJsonLd(index);
  const base = baseUrl(index, documentUrl);

  const siteName = readSiteName(meta, article, ldSite);
  const siteNames = [
    siteName,
    meta.first("og:site_name"),
    article?.publisherName,
    ldSite,
    meta.first("application-name"),
    meta.first("twitter:site")?.replace(/^@/, ""),
  ].filter((s): s is string => !!s);

  const { title, printed: titlePrinted } = readTitle(index, meta, article, siteNames);
  const authors = readAuthors(index, meta, article, title, siteNames, base);
  const description = firstNonNull(
    meta.first("og:description"),
    meta.first("description"),
    meta.first("twitter:description"),
    meta.first("dc:description"),
    article?.description,
    meta.first("itemprop:description"),
  );
  const isArticle = article?.strength === "article" || /^article\b/i.test(meta.first("og:type") ?? "");
  const ldAlternative = article?.alternativeHeadline;
  const dek = readDek(index, title);
  const subtitle = firstNonNull(
    dek?.text,
    ldAlternative && !isHeadlineLike(ldAlternative) && isArticle ? ldAlternative : null,
    usableAsSubtitle(article?.strength === "article" ? article.description : null, title, isArticle),
    usableAsSubtitle(meta.first("og:description"), title, isArticle),
    usableAsSubtitle(meta.first("description"), title, isArticle),
  );

  return {
    canonicalUrl: readCanonical(index, meta, article, base),
    title,
    titlePrinted,
    subtitle,
    subtitlePrinted: dek ? dek.printed : subtitle !== null && printedAfterHeadline(index, title, subtitle),
    authors: authors.names,
    authorsKind: authors.kind,
    siteName,
    publishedTime: firstDate(
      article?.datePublished,
      meta.first("article:published_time"),
      meta.first("itemprop:datepublished"),
      readItemprop(index, "datePublished")[0],
      readItempropPrintedDate(index),
      meta.first("dc:date.issued", "dc:issued", "dc:date", "dc:created"),
      meta.first("parsely-pub-date"),
      meta.first("sailthru.date"),
      meta.first("pubdate", "publishdate", "publish-date", "publish_date", "date"),
      readTimeElement(index),
      readPrintedDate(index, title),
      readNamedDate(index),
    ),
    modifiedTime: firstDate(
      article?.dateModified,
      meta.first("article:modified_time"),
      meta.first("og:updated_time"),
      meta.first("itemprop:datemodified"),
      readItemprop(index, "dateModified")[0],
      meta.first("dc:modified", "dc:date.modified"),
      meta.first("last-modified"),
    ),
    lang: readLang(doc, article, meta),
    dir: readDir(index),
    description,
    declaresArticle: isArticle,
    recipe: recipe ?? readMicrodataRecipe(index),
    leadImage: readLeadImage(index, meta, article, base),
  };
}
