/**
 * One set of field limits for an article: the core applies them when it builds the article,
 * and the library checks saved and imported records against the same numbers
 * (src/library/validate.ts), so everything Folio shows it can also save. Lengths are in
 * characters (UTF-16 code units), generous for real articles; a hostile or broken page
 * (a 12,000-character first paragraph used as the excerpt, a 2,500-character title) gets its
 * text cut at a word boundary, with an ellipsis.
 */
import type { Article, LeadImage, Removal } from "./types.ts";

export const FIELD_LIMITS = {
  url: 8_192,
  title: 2_000,
  subtitle: 5_000,
  byline: 2_000,
  author: 500,
  authors: 200,
  siteName: 500,
  time: 100,
  lang: 100,
  excerpt: 10_000,
  imageText: 5_000,
  content: 10_000_000,
  textContent: 5_000_000,
  markdown: 10_000_000,
  removed: 20_000,
  removalText: 2_000,
} as const;

const ELLIPSIS = "…";

/**
 * `text` cut to at most `max` characters: at the last space when there is one in the last
 * two fifths, else where it must (scripts without spaces), ending with an ellipsis; never
 * half of a surrogate pair.
 */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - ELLIPSIS.length));
  const space = cut.search(/\s\S*$/);
  const atBoundary = /^\s/.test(text.slice(cut.length));
  if (!atBoundary && space > max * 0.6) cut = cut.slice(0, space);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}${ELLIPSIS}`;
}

const cap = (value: string | null, max: number): string | null =>
  value === null ? null : truncateText(value, max);
/** Values that cannot be cut (dates, language tags, URLs) are dropped when too long. */
const fits = (value: string | null, max: number): string | null =>
  value !== null && value.length > max ? null : value;

function leadImage(image: LeadImage | null): LeadImage | null {
  if (!image || image.url.length > FIELD_LIMITS.url) return null;
  return {
    url: image.url,
    alt: cap(image.alt, FIELD_LIMITS.imageText),
    caption: cap(image.caption, FIELD_LIMITS.imageText),
  };
}

function removals(removed: Removal[]): Removal[] {
  return removed.slice(0, FIELD_LIMITS.removed).map((r) => ({
    kind: r.kind,
    reason: truncateText(r.reason, FIELD_LIMITS.removalText),
    text: truncateText(r.text, FIELD_LIMITS.removalText),
  }));
}

/** Which of the article's own texts is beyond what can be kept (the caller refuses the page). */
export function oversized(
  article: Pick<Article, "content" | "textContent">,
): "content" | "textContent" | null {
  if (article.content.length > FIELD_LIMITS.content) return "content";
  if (article.textContent.length > FIELD_LIMITS.textContent) return "textContent";
  return null;
}

/**
 * The article's metadata within the limits. `url` falls back to `pageUrl` when the canonical
 * URL is too long; `content` and `textContent` are checked by `oversized`, not cut (cutting
 * HTML is not Folio's to do).
 */
export function withinLimits<T extends Omit<Article, "markdown">>(article: T): T {
  const authors = article.authors
    .slice(0, FIELD_LIMITS.authors)
    .map((a) => truncateText(a, FIELD_LIMITS.author));
  return {
    ...article,
    url: article.url.length > FIELD_LIMITS.url && article.pageUrl ? article.pageUrl : article.url,
    title: truncateText(article.title, FIELD_LIMITS.title),
    subtitle: cap(article.subtitle, FIELD_LIMITS.subtitle),
    byline: cap(article.byline, FIELD_LIMITS.byline),
    authors,
    siteName: cap(article.siteName, FIELD_LIMITS.siteName),
    publishedTime: fits(article.publishedTime, FIELD_LIMITS.time),
    modifiedTime: fits(article.modifiedTime, FIELD_LIMITS.time),
    lang: fits(article.lang, FIELD_LIMITS.lang),
    excerpt: cap(article.excerpt, FIELD_LIMITS.excerpt),
    leadImage: leadImage(article.leadImage),
    removed: removals(article.removed),
  };
}
