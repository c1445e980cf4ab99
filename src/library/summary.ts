/**
 * The list's view of a saved article: the small summary the library page shows a page of at a
 * time (the record itself is defined in schema.ts).
 */
import { squash } from "../core/whitespace.ts";
import { siteOf } from "./keys.ts";
import type { ReadState, SavedArticle } from "./schema.ts";

/** The list's view of an article: small, so a page of the list reads fast. */
export interface ArticleSummary {
  url: string;
  title: string;
  byline: string | null;
  /** Declared site name, else the host (keys.ts `siteOf`). */
  site: string;
  publishedTime: string | null;
  /** At most {@link SUMMARY_EXCERPT_MAX} characters: the article's excerpt, else its first text. */
  excerpt: string;
  readingTimeMinutes: number;
  wordCount: number;
  leadImageUrl: string | null;
  lang: string | null;
  dir: "ltr" | "rtl" | null;
  /** The reader's own entries (schema.ts `ReaderFields`). */
  tags: string[];
  state: ReadState;
  favourite: boolean;
  /** A link to read, not read yet: the list opens the original instead of the reader. */
  linkOnly: boolean;
  savedAt: number;
  updatedAt: number;
}

export const SUMMARY_EXCERPT_MAX = 280;

function firstText(text: string, max: number): string {
  const squashed = squash(text);
  if (squashed.length <= max) return squashed;
  const cut = squashed.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

export function toSummary(record: SavedArticle): ArticleSummary {
  return {
    url: record.url,
    title: record.title,
    byline: record.byline,
    site: siteOf(record),
    publishedTime: record.publishedTime,
    excerpt: firstText(record.excerpt || record.subtitle || record.textContent, SUMMARY_EXCERPT_MAX),
    readingTimeMinutes: record.readingTimeMinutes,
    wordCount: record.wordCount,
    leadImageUrl: record.leadImage?.url ?? null,
    lang: record.lang,
    dir: record.dir,
    tags: record.tags,
    state: record.state,
    favourite: record.favourite,
    linkOnly: record.linkOnly,
    savedAt: record.savedAt,
    updatedAt: record.updatedAt,
  };
}
