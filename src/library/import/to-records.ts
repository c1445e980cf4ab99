/**
 * Imported items made library records. An item that carries its article's HTML (Omnivore,
 * Wallabag) is read by the core, as a page would be: the HTML is parsed into an inert document
 * by the caller's parser (DOMParser in the library page, jsdom in tests), `extractArticle`
 * reads and sanitizes it (src/core/sanitize.ts) and makes its Markdown, and the item's own
 * title, author, dates, tags and state go with it. An item without content, or whose content
 * gives no article, becomes a link to read (`linkOnly`): title, address, tags, dates, state.
 * Every record then passes the library's one schema (schema.ts), as a saved article does.
 *
 * The work is sliced: the page stays responsive and shows progress while hundreds of articles
 * are read.
 */
import { extractArticle } from "../../core/extract.ts";
import type { ExtractOptions } from "../../core/types.ts";
import type { Annotation } from "../annotations.ts";
import { readRecord, type SavedArticle } from "../schema.ts";
import type { ImportItem, Skipped } from "./item.ts";
import { omnivoreAnnotations } from "./omnivore-highlights.ts";

export interface ToRecordsOptions {
  /** The import's clock, epoch ms: the saved date of items that have none. */
  now: number;
  /** An inert document of `html` (the caller's HTML parser). */
  parseHtml: (html: string) => Document;
  /** More options for `extractArticle` (a parsed document without a window of its own needs
   * `window`, for the sanitizer). */
  extract?: ExtractOptions;
  /** Told after each slice: items done, of all. */
  progress?: (done: number, total: number) => void;
  /** Waits between slices (default: a macrotask). */
  pause?: () => Promise<void>;
}

export interface Records {
  records: SavedArticle[];
  /** Items the schema refused, with the reason. */
  skipped: Skipped[];
  /** Items whose content gave no article: kept as links, with the reason. */
  asLinks: Skipped[];
  /** The items' highlights in the other app, anchored in the articles' text. */
  annotations: Annotation[];
  /** Highlights that could not be imported, with the reason. */
  highlightsLeft: Skipped[];
}

/** Work between two pauses: five articles read, or 500 links. */
const SLICE_COST = 500;

/** The item as a link to read: nothing of its page yet. */
function linkRecord(item: ImportItem, savedAt: number): unknown {
  return {
    url: item.url,
    title: item.title || item.url,
    subtitle: null,
    byline: item.author,
    authors: item.author ? [item.author] : [],
    siteName: item.siteName,
    publishedTime: item.publishedTime,
    modifiedTime: null,
    lang: null,
    dir: null,
    excerpt: item.excerpt,
    leadImage: null,
    content: "",
    textContent: "",
    markdown: "",
    wordCount: 0,
    readingTimeMinutes: 0,
    readerable: true,
    removed: [],
    tags: item.tags,
    state: item.state,
    favourite: item.favourite,
    linkOnly: true,
    savedAt,
    updatedAt: savedAt,
  };
}

/** The item's content read by the core, or why it gave no article. */
function contentRecord(
  item: ImportItem,
  savedAt: number,
  options: ToRecordsOptions,
): { ok: true; value: unknown } | { ok: false; reason: string } {
  let doc: Document;
  try {
    doc = options.parseHtml(item.content ?? "");
  } catch {
    return { ok: false, reason: "its content could not be parsed" };
  }
  if (item.title) doc.title = item.title;
  const read = extractArticle(doc, { ...options.extract, url: item.url, force: true, markdown: true });
  if (!read.ok) return { ok: false, reason: `its content gave no article (${read.error.message})` };
  const article = read.article;
  let markdown: string;
  try {
    markdown = article.markdown ?? "";
  } catch {
    return { ok: false, reason: "its Markdown could not be made" };
  }
  return {
    ok: true,
    value: {
      ...article,
      markdown,
      url: item.url,
      pageUrl: undefined,
      title: item.title || article.title || item.url,
      byline: article.byline ?? item.author,
      authors: article.authors.length ? article.authors : item.author ? [item.author] : [],
      siteName: article.siteName ?? item.siteName,
      publishedTime: item.publishedTime ?? article.publishedTime,
      excerpt: item.excerpt ?? article.excerpt,
      tags: item.tags,
      state: item.state,
      favourite: item.favourite,
      linkOnly: false,
      savedAt,
      updatedAt: savedAt,
    },
  };
}

/** The item's highlights, anchored in the text of the article's body as the reader shows it. */
function highlightsOf(item: ImportItem, record: SavedArticle, options: ToRecordsOptions, out: Records): void {
  if (record.linkOnly) {
    out.highlightsLeft.push({
      where: item.where,
      reason: "its highlights need the article's text, which the file does not hold",
    });
    return;
  }
  let bodyText: string;
  try {
    bodyText = options.parseHtml(record.content).body?.textContent ?? "";
  } catch {
    bodyText = record.textContent;
  }
  const made = omnivoreAnnotations(
    item.highlights ?? "",
    { url: record.url, bodyText, at: record.updatedAt },
    item.where,
  );
  out.annotations.push(...made.annotations);
  out.highlightsLeft.push(...made.left);
}

export async function toRecords(items: readonly ImportItem[], options: ToRecordsOptions): Promise<Records> {
  const out: Records = { records: [], skipped: [], asLinks: [], annotations: [], highlightsLeft: [] };
  const pause = options.pause ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
  // Reading an article costs about as much as checking a few hundred links.
  let cost = 0;
  for (const [i, item] of items.entries()) {
    const savedAt = item.savedAt ?? options.now;
    let value: unknown = null;
    if (item.content) {
      const read = contentRecord(item, savedAt, options);
      if (read.ok) value = read.value;
      else out.asLinks.push({ where: item.where, reason: read.reason });
    }
    value ??= linkRecord(item, savedAt);
    const checked = readRecord(value);
    if (checked.ok) {
      out.records.push(checked.record);
      if (item.highlights?.trim()) highlightsOf(item, checked.record, options, out);
    } else out.skipped.push({ where: item.where, reason: checked.message });
    cost += item.content ? 100 : 1;
    if (cost >= SLICE_COST) {
      cost = 0;
      options.progress?.(i + 1, items.length);
      await pause();
    }
  }
  options.progress?.(items.length, items.length);
  return out;
}
