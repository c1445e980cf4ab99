/**
 * The data Folio's core hands to everything else: the article, the failure, and the record
 * of what cleanup removed. Plain data (no DOM nodes, no methods) so that it survives structured
 * cloning between the content script, the popup and storage, with one exception: in an
 * article the core returns, `markdown` may be a getter that makes the Markdown on first read
 * (cloning reads it, or the content script asks for none: see `markdown` below).
 */

/** Which cleanup pass removed something. */
export type RemovalKind =
  | "ad"
  | "ad-label"
  | "caption"
  | "credit"
  | "promo"
  | "lazy-image"
  | "headline"
  | "hidden"
  | "empty";

/** One thing a cleanup pass took out of the article, and why. */
export interface Removal {
  kind: RemovalKind;
  /** A short human-readable reason, e.g. "ad slot (class ad-slot)". */
  reason: string;
  /** The removed text, cut to at most {@link REMOVAL_TEXT_MAX} characters. */
  text: string;
}

export const REMOVAL_TEXT_MAX = 120;

export interface LeadImage {
  url: string;
  alt: string | null;
  caption: string | null;
}

export interface Article {
  /** The canonical URL when the page declares one, else the document URL. */
  url: string;
  /**
   * The document URL the article was read from. The library saves under `url` only when it is
   * on this page's own site (src/library/canonical.ts). Absent in articles saved before.
   */
  pageUrl?: string;
  title: string;
  /** Standfirst / dek. */
  subtitle: string | null;
  /** Authors joined with ", " (no "By", no dates). */
  byline: string | null;
  authors: string[];
  siteName: string | null;
  /** ISO 8601; the page's offset is kept when it gives one. */
  publishedTime: string | null;
  modifiedTime: string | null;
  lang: string | null;
  dir: "ltr" | "rtl" | null;
  excerpt: string | null;
  leadImage: LeadImage | null;
  /** Sanitized article HTML (not yet sanitized only when extracted with `sanitize: false`). */
  content: string;
  /** Plain text, blocks separated by blank lines. */
  textContent: string;
  /**
   * Markdown with YAML front matter, computed on first read. `null` only when extraction was
   * told not to offer it (`markdown: false`, as the content script does); `toMarkdown(article)`
   * makes it later.
   */
  markdown: string | null;
  wordCount: number;
  readingTimeMinutes: number;
  /** Whether the page looked like an article before extraction (Readability's check). */
  readerable: boolean;
  removed: Removal[];
}

/**
 * `not-article`: the page does not look like an article (extract with `force` to try anyway);
 * `empty`: no article text was found; `too-large`: the article is beyond what can be shown or
 * saved (a body over 10 million characters);
 * `not-html`: the document is not a web page (a PDF, an image, plain text...);
 * `error`: something unexpected went wrong while reading the page (a bug, reported as data).
 */
export type FailureKind = "not-article" | "empty" | "too-large" | "not-html" | "error";

export interface ExtractFailure {
  kind: FailureKind;
  /** Human-readable, says what to do when there is something to do. */
  message: string;
}

export type ExtractResult = { ok: true; article: Article } | { ok: false; error: ExtractFailure };

export interface ExtractOptions {
  /** The document URL (used for resolving links and as fallback article URL). */
  url?: string;
  /** Extract even when the page does not look like an article. */
  force?: boolean;
  /** Offer `article.markdown` (default true; computed on first read). The popup passes false. */
  markdown?: boolean;
  /**
   * Tells whether an element of the input document is visible. The content script passes one
   * that reads computed styles of the live page; Node has no layout and passes none.
   */
  isVisible?: (element: Element) => boolean;
  /**
   * Sanitize the article's HTML (default true). False leaves `content` as Readability and the
   * passes made it, not yet safe, for a caller that puts every block through the sanitizer
   * itself before anything uses it (the popup and the reader tab: they render the first screen
   * before the rest, and sanitize each block right before insertion). Every other field is the
   * same either way. Markdown is then not offered.
   */
  sanitize?: boolean;
  /** The window used to sanitize (DOMPurify needs one). Default: the document's own window. */
  window?: Window;
}
