/**
 * What the library stores for one article, and the small summary the list shows.
 *
 * A saved article is everything the core's `Article` holds (sanitized `content`, `textContent`,
 * the metadata, `removed`), with `markdown` always a plain string (the core's may be a lazy
 * getter, or null when extraction skipped it; then it is made here with `toMarkdown`), plus:
 *
 * - `savedAt`: when the article was first saved, epoch milliseconds (UTC). Saving the same URL
 *   again keeps it. Numbers sort and index cheaply, and survive JSON unchanged.
 * - `updatedAt`: when the record last changed, epoch milliseconds (UTC). Import merges keep the
 *   record with the larger one.
 *
 * The key is `url`, normalised by keys.ts (no #fragment). Records are plain data (structured
 * clone and JSON safe): `toSavedArticle` copies, so nothing of the caller's object (getters,
 * extra fields, shared arrays) reaches the database.
 */
import { toMarkdown } from "../core/markdown.ts";
import type { Article, LeadImage, Removal } from "../core/types.ts";
import { siteOf } from "./keys.ts";

export interface SavedArticle extends Omit<Article, "markdown"> {
  markdown: string;
  /** First saved, epoch ms (UTC). */
  savedAt: number;
  /** Last changed, epoch ms (UTC). */
  updatedAt: number;
}

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
  savedAt: number;
  updatedAt: number;
}

export const SUMMARY_EXCERPT_MAX = 280;

/** The article fields, copied as plain data. Runs no validation (validate.ts does). */
export function copyArticleFields(article: Omit<Article, "markdown">): Omit<Article, "markdown"> {
  const lead: LeadImage | null = article.leadImage
    ? {
        url: article.leadImage.url,
        alt: article.leadImage.alt ?? null,
        caption: article.leadImage.caption ?? null,
      }
    : null;
  return {
    url: article.url,
    ...(typeof article.pageUrl === "string" ? { pageUrl: article.pageUrl } : {}),
    title: article.title,
    subtitle: article.subtitle ?? null,
    byline: article.byline ?? null,
    authors: Array.isArray(article.authors) ? [...article.authors] : article.authors,
    siteName: article.siteName ?? null,
    publishedTime: article.publishedTime ?? null,
    modifiedTime: article.modifiedTime ?? null,
    lang: article.lang ?? null,
    dir: article.dir ?? null,
    excerpt: article.excerpt ?? null,
    leadImage: lead,
    content: article.content,
    textContent: article.textContent,
    wordCount: article.wordCount,
    readingTimeMinutes: article.readingTimeMinutes,
    readerable: article.readerable,
    removed: Array.isArray(article.removed)
      ? article.removed.map((r: Removal) => ({ kind: r?.kind, reason: r?.reason, text: r?.text }) as Removal)
      : article.removed,
  };
}

/**
 * The article's Markdown as a string: the core's (reading its lazy getter computes it), else
 * made now. Making it needs turndown's DOM (the page's, or domino in Node).
 */
export function markdownOf(article: Article | SavedArticle): string {
  const md = article.markdown;
  return typeof md === "string" ? md : toMarkdown(article);
}

/** The record to store for `article`, first saved at `savedAt` and changed at `updatedAt`. */
export function toSavedArticle(article: Article, savedAt: number, updatedAt = savedAt): SavedArticle {
  return { ...copyArticleFields(article), markdown: markdownOf(article), savedAt, updatedAt };
}

function firstText(text: string, max: number): string {
  const squashed = text.replace(/\s+/g, " ").trim();
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
    savedAt: record.savedAt,
    updatedAt: record.updatedAt,
  };
}
