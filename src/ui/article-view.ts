/**
 * The article view shared by the popup and the reader tab: header, lead image, the quiet
 * "Cleaned: …" line, and the body.
 *
 * Safety: metadata goes in as text (`textContent`), URLs the UI sets itself must be http(s),
 * and page HTML reaches this page's DOM only through core/sanitize.ts (`htmlSanitizer`, one
 * per render), right before insertion, although the core sanitized it already (the article crossed a boundary to get here).
 *
 * Images kept offline (a saved article in the reader tab): `localImage` gives the local
 * address (a `blob:` URL this page made) of a kept image, which replaces its web address after
 * the sanitizer has seen the HTML (library/image-sources.ts `swapImages`): the sanitizer only
 * ever sees web addresses, and only Folio's own local addresses are put in their place.
 *
 * Speed: the body is parsed once into an inert document and split at its top-level blocks; the
 * blocks that fill the first screen are sanitized and inserted at once, the rest after the
 * browser has painted, in slices that keep the page responsive.
 */
import { parseFragment, serializeElement } from "../core/html.ts";
import { htmlSanitizer } from "../core/sanitize.ts";
import type { Article, Removal } from "../core/types.ts";
import { formatDate, formatReading, hostOf, safeHttpUrl } from "../library/format.ts";
import { imageUrl, swapImages } from "../library/image-sources.ts";
import { cleanedGroups, cleanedSummary } from "./cleaned.ts";
import { el, originalLink } from "./elements.ts";
import { afterPaint } from "./paint.ts";
import { resolveUrls } from "./resolve-urls.ts";

export { afterPaint };

/** Characters of text that surely fill the first screen of the popup or a reader tab. */
const FIRST_SCREEN_CHARS = 2_500;
/** Characters of text per later slice. */
const SLICE_CHARS = 30_000;

/** A kept image's local address (a `blob:` URL of this page) by its web address, or null. */
export type LocalImage = (url: string) => string | null;

export interface RenderOptions {
  /** Images kept offline (a saved article): see above. */
  localImage?: LocalImage;
}

export interface RenderedArticle {
  element: HTMLElement;
  /** Resolves once the whole body is in the DOM. */
  complete: Promise<void>;
}

function renderHeader(doc: Document, article: Article, locale: string | undefined): HTMLElement {
  const header = el(doc, "header", "folio-header");
  const site = article.siteName ?? hostOf(article.url);
  if (site) header.append(el(doc, "p", "folio-site", site));
  header.append(el(doc, "h1", "folio-title", article.title || "Untitled"));
  if (article.subtitle) header.append(el(doc, "p", "folio-standfirst", article.subtitle));

  const meta = el(doc, "p", "folio-meta");
  const parts: Node[] = [];
  if (article.byline) {
    const byline = el(doc, "span", "folio-byline");
    byline.append("By ", el(doc, "span", "folio-author", article.byline));
    parts.push(byline);
  }
  const date = formatDate(article.publishedTime, locale);
  if (date && article.publishedTime) {
    const time = el(doc, "time", "folio-date", date);
    time.dateTime = article.publishedTime;
    parts.push(time);
  }
  parts.push(
    el(doc, "span", "folio-reading", formatReading(article.readingTimeMinutes, article.wordCount, locale)),
  );
  const link = originalLink(doc, article.url, "folio-original");
  if (link) parts.push(link);
  parts.forEach((part, i) => {
    if (i > 0) meta.append(el(doc, "span", "folio-sep", " · "));
    // Each part keeps its own direction (English UI words beside a right-to-left name).
    (part as HTMLElement).dir = "auto";
    meta.append(part);
  });
  header.append(meta);
  return header;
}

function renderCleaned(
  doc: Document,
  removed: readonly Removal[],
  locale: string | undefined,
): HTMLElement | null {
  const summary = cleanedSummary(removed, locale);
  if (!summary) return null;
  const details = el(doc, "details", "folio-cleaned");
  details.dir = "auto"; // UI words: their own direction inside a right-to-left article
  details.append(el(doc, "summary", undefined, summary));
  const list = el(doc, "ul");
  for (const group of cleanedGroups(removed, locale)) {
    const item = el(doc, "li");
    item.append(el(doc, "span", "folio-kind", group.label));
    group.previews.forEach((text, i) => {
      item.append(i === 0 ? ": " : ", ", el(doc, "q", "folio-removed-text", text));
    });
    list.append(item);
  }
  details.append(list);
  return details;
}

/** A URL reduced to what identifies the image file (no query, no fragment). */
function imageKey(src: string | null, base: string): string | null {
  if (!src) return null;
  try {
    const url = new URL(src, base);
    return `${url.host}${url.pathname}`;
  } catch {
    return null;
  }
}

/** The element whose children are the article's blocks: through lone wrapper divs. */
function blockRoot(body: HTMLElement): Element {
  let root: Element = body;
  for (;;) {
    const only = root.firstElementChild;
    if (!only || only !== root.lastElementChild || !/^(?:DIV|SECTION|ARTICLE|MAIN)$/.test(only.tagName))
      break;
    const looseText = [...root.childNodes].some((n) => n.nodeType === 3 && n.textContent?.trim());
    if (looseText) break;
    root = only;
  }
  return root;
}

/** Whether the body shows the lead image itself (then it is not shown above it again). */
function bodyHasImage(body: HTMLElement, lead: string | null, base: string): boolean {
  if (!lead) return false;
  for (const img of body.querySelectorAll("img")) {
    if (imageKey(img.getAttribute("src"), base) === lead) return true;
  }
  return false;
}

function renderLead(doc: Document, article: Article, localImage?: LocalImage): HTMLElement | null {
  const lead = article.leadImage;
  const src = lead ? safeHttpUrl(lead.url, article.url) : null;
  if (!lead || !src) return null;
  const figure = el(doc, "figure", "folio-lead");
  const img = el(doc, "img");
  const key = imageUrl(src, article.url);
  img.src = (key && localImage?.(key)) || src;
  img.alt = lead.alt ?? "";
  img.decoding = "async";
  img.referrerPolicy = "no-referrer";
  figure.append(img);
  if (lead.caption) figure.append(el(doc, "figcaption", undefined, lead.caption));
  return figure;
}

function nodeHtml(node: Node): string {
  if (node.nodeType === 1) return serializeElement(node as Element);
  if (node.nodeType === 3) return (node.textContent ?? "").replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`);
  return "";
}

/**
 * Resolves the URLs of `nodes` (of the inert copy), sanitizes them and appends the result to
 * `target`, kept images in place of their web addresses.
 */
function insertBlocks(
  target: HTMLElement,
  nodes: readonly Node[],
  sanitize: (html: string) => string,
  local: { image?: LocalImage; base: string },
): void {
  resolveUrls(nodes, local.base);
  const html = nodes.map(nodeHtml).join("");
  const safe = parseFragment(target.ownerDocument, sanitize(html));
  if (local.image) swapImages(safe, local.image, local.base);
  target.append(...safe.childNodes);
}

/**
 * The end of the slice of `blocks` that starts at `start`: blocks until about `limit`
 * characters of text, at least one. A block that alone would take the slice far past the
 * limit (a long table, say) starts the next slice instead, so it does not hold up what
 * comes before it.
 */
function takeSlice(blocks: readonly Node[], start: number, limit: number): number {
  let end = start;
  let chars = 0;
  while (end < blocks.length && chars < limit) {
    const size = blocks[end].textContent?.length ?? 0;
    if (end > start && chars + size > 2 * limit) break;
    chars += size;
    end++;
  }
  return Math.max(end, start + 1);
}

/**
 * Renders `article` into `container` (replacing its children). The header and the first screen
 * of the body are in the DOM when this returns; `complete` resolves when the rest is.
 */
export function renderArticle(
  container: HTMLElement,
  article: Article,
  win: Window = window,
  options: RenderOptions = {},
): RenderedArticle {
  const local = { image: options.localImage, base: article.url };
  const doc = container.ownerDocument;
  const locale = win.navigator.language || undefined;

  const root = el(doc, "article", "folio-article");
  if (article.lang) root.lang = article.lang;
  if (article.dir) root.dir = article.dir;

  const header = renderHeader(doc, article, locale);
  const cleaned = renderCleaned(doc, article.removed, locale);
  if (cleaned) header.append(cleaned);
  root.append(header);

  const inert = parseFragment(doc, article.content);
  const blocks = [...blockRoot(inert).childNodes];
  const leadKey = article.leadImage ? imageKey(article.leadImage.url, article.url) : null;
  if (!bodyHasImage(inert, leadKey, article.url)) {
    const lead = renderLead(doc, article, options.localImage);
    if (lead) root.append(lead);
  }

  const body = el(doc, "div", "folio-body");
  root.append(body);
  // One purifier for the whole render: the body goes in slice by slice.
  const sanitize = htmlSanitizer(win);
  const first = takeSlice(blocks, 0, FIRST_SCREEN_CHARS);
  insertBlocks(body, blocks.slice(0, first), sanitize, local);
  container.replaceChildren(root);

  const complete = (async () => {
    let start = first;
    while (start < blocks.length) {
      await afterPaint(win);
      const end = takeSlice(blocks, start, SLICE_CHARS);
      insertBlocks(body, blocks.slice(start, end), sanitize, local);
      start = end;
    }
  })();
  return { element: root, complete };
}
