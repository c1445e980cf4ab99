/**
 * The words an article is found by: its headline, standfirst, byline, site, tags and body, folded
 * (fold.ts: any case, diacritics, ß = ss) and de-duplicated into one `SearchEntry`, which the
 * store persists beside the article and the library page's index (search.ts) loads. Han,
 * Hiragana and Katakana, written without spaces, are one character per word. The query is cut
 * into words by the same `words`, so text and query always agree.
 */
import { fold } from "./fold.ts";
import { siteOf } from "./keys.ts";
import type { SavedArticle } from "./schema.ts";
import type { ArticleSummary } from "./summary.ts";

/** One article as the search index (and the `terms` store) holds it. */
export interface SearchEntry {
  /** The article's key (normalised URL). */
  url: string;
  /** Display site (keys.ts `siteOf`), for the filter. */
  site: string;
  savedAt: number;
  /** Folded, de-duplicated words separated by single spaces. */
  terms: string;
}

const WORD_RE = /[\p{L}\p{N}]+/gu;
const IDEOGRAPHIC_RE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const IDEOGRAPHIC_SPLIT_RE =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[^\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+/gu;
/** Longer runs are hashes, URLs or base64, never typed: they are not indexed. */
export const MAX_WORD_LENGTH = 40;

/** The words of already-folded text, in order, duplicates kept. */
export function words(folded: string): string[] {
  const out: string[] = [];
  for (const match of folded.matchAll(WORD_RE)) {
    const word = match[0];
    if (word.length > MAX_WORD_LENGTH) continue;
    if (IDEOGRAPHIC_RE.test(word)) {
      for (const part of word.matchAll(IDEOGRAPHIC_SPLIT_RE)) out.push(part[0]);
    } else {
      out.push(word);
    }
  }
  return out;
}

/** The folded words of `text`, in order, duplicates kept. */
export function tokenize(text: string): string[] {
  return words(fold(text));
}

type Searchable = Pick<
  SavedArticle,
  "url" | "title" | "subtitle" | "byline" | "siteName" | "textContent" | "savedAt"
> &
  Partial<Pick<SavedArticle, "tags">>;

/** The search entry of an article: what the store persists and the index takes. */
export function searchEntry(article: Searchable): SearchEntry {
  const site = siteOf(article);
  const unique = new Set<string>();
  const tags = article.tags?.join(" ") ?? "";
  for (const part of [article.title, article.subtitle, article.byline, site, tags, article.textContent]) {
    if (part) for (const word of tokenize(part)) unique.add(word);
  }
  return { url: article.url, site, savedAt: article.savedAt, terms: [...unique].join(" ") };
}

/**
 * The search entry a summary alone gives: its headline, byline, site and tags. A link to read
 * (imported without its page) is found by nothing more, so an import stores no `terms` record
 * for a link whose entry this gives exactly (`derivableEntry`): a third fewer records to write
 * (IndexedDB takes some 0.3 ms a record on this machine, 30,000 links 90,000 records), and the
 * search worker makes the entry from the summary it reads anyway (`completeEntries`).
 */
export function summaryEntry(summary: ArticleSummary): SearchEntry {
  return searchEntry({
    url: summary.url,
    title: summary.title,
    subtitle: null,
    byline: summary.byline,
    siteName: summary.site,
    textContent: "",
    savedAt: summary.savedAt,
    tags: summary.tags,
  });
}

/** Whether `entry` is what the summary alone gives, so that it need not be stored. */
export function derivableEntry(entry: SearchEntry, summary: ArticleSummary): boolean {
  const derived = summaryEntry(summary);
  return derived.terms === entry.terms && derived.site === entry.site && derived.savedAt === entry.savedAt;
}

/**
 * The stored entries, and for each summary without one (a link stored without its words) the
 * entry its summary gives. `entries` and `summaries` cover the same articles.
 */
export function completeEntries(entries: SearchEntry[], summaries: readonly ArticleSummary[]): SearchEntry[] {
  if (entries.length >= summaries.length) return entries;
  const stored = new Set(entries.map((e) => e.url));
  const all = [...entries];
  for (const summary of summaries) if (!stored.has(summary.url)) all.push(summaryEntry(summary));
  return all;
}

const ENDS_IN_WORD_RE = /[\p{L}\p{N}]$/u;

export interface ParsedQuery {
  /** Words that must match whole. */
  whole: string[];
  /** The word being typed, matched as a prefix; null when the query ends after a word. */
  prefix: string | null;
}

export function parseQuery(query: string): ParsedQuery {
  const folded = fold(query).trimStart();
  const all = [...new Set(words(folded))];
  const typing = ENDS_IN_WORD_RE.test(folded);
  const prefix = typing ? (all.pop() ?? null) : null;
  return { whole: all, prefix };
}
