/**
 * The library page's words: counts, a row's meta line, the import report, the Undo toast.
 * Pure (no DOM, no extension APIs), for unit tests.
 */
import { FORMAT_NAMES } from "../library/import/item.ts";
import type { ImportReport } from "../library/import/import-file.ts";
import type { MergeReport } from "../library/merge.ts";
import { formatDate, formatNumber } from "../library/format.ts";

/** "14 Mar 2024" in the reader's locale; null when `value` is not a date. */
export function shortDate(value: string | number | null, locale?: string): string | null {
  return formatDate(value, locale, "medium");
}

const plural = (n: number, one: string, many: string, locale?: string) =>
  `${formatNumber(n, locale)} ${n === 1 ? one : many}`;

export function articlesText(n: number, locale?: string): string {
  return plural(n, "article", "articles", locale);
}

/** "1 image", "3 images". */
export function imagesText(n: number, locale?: string): string {
  return plural(n, "image", "images", locale);
}

/** "1 highlight", "3 highlights" (a highlight's note goes with it). */
export function highlightsText(n: number, locale?: string): string {
  return plural(n, "highlight", "highlights", locale);
}

/**
 * The count beside the search box: the library's size, or how many articles match the search
 * and the site filter. `null` total: not known yet.
 */
export function countText(
  view: { filtered: boolean; matches: number | null; total: number | null },
  locale?: string,
): string {
  if (!view.filtered) return view.total === null ? "" : articlesText(view.total, locale);
  if (view.matches === null) return "Searching…";
  if (view.matches === 0) return "No matches";
  return `${plural(view.matches, "match", "matches", locale)}${
    view.total !== null ? ` of ${formatNumber(view.total, locale)}` : ""
  }`;
}

/** The reading time as a list shows it: "6 min read". */
export function readingText(minutes: number, locale?: string): string {
  return minutes < 1 ? "under 1 min read" : `${formatNumber(Math.round(minutes), locale)} min read`;
}

/** The parts of a row's meta line after the site: published date, reading time, saved date. */
export function metaParts(
  summary: { publishedTime: string | null; readingTimeMinutes: number; savedAt: number },
  locale?: string,
): { published: string | null; reading: string; saved: string } {
  return {
    published: shortDate(summary.publishedTime, locale),
    reading: readingText(summary.readingTimeMinutes, locale),
    saved: `saved ${shortDate(summary.savedAt, locale) ?? "at an unknown date"}`,
  };
}

/**
 * What an import did: "Imported: 3 added, 1 updated, 2 kept (your copy was newer)." A foreign
 * format is named ("Imported from Pocket export (CSV): …") and its skipped rows counted.
 */
export function importText(
  report: Pick<MergeReport, "added" | "updated" | "kept" | "unchanged"> &
    Partial<Pick<ImportReport, "format" | "skipped" | "asLinks">>,
  locale?: string,
): string {
  const parts = [
    `${formatNumber(report.added, locale)} added`,
    `${formatNumber(report.updated, locale)} updated`,
    `${formatNumber(report.kept, locale)} kept (your copy was newer)`,
  ];
  if (report.unchanged) parts.push(`${formatNumber(report.unchanged, locale)} already there`);
  if (report.skipped?.length) parts.push(`${formatNumber(report.skipped.length, locale)} skipped`);
  const from =
    report.format && report.format !== "folio-backup" ? ` from ${FORMAT_NAMES[report.format]}` : "";
  return `Imported${from}: ${parts.join(", ")}.`;
}

/** The import's details: each skipped row with its reason, links kept as links, highlights left out. */
export function importDetails(
  report: Pick<ImportReport, "skipped" | "asLinks" | "highlightsLeft">,
  locale?: string,
): { summary: string; lines: string[] } {
  const lines = [
    ...report.skipped.map((s) => `Skipped ${s.where}: ${s.reason}.`),
    ...report.asLinks.map((s) => `Kept ${s.where} as a link to read: ${s.reason}.`),
    ...report.highlightsLeft.map((s) => `Highlights of ${s.where} not imported: ${s.reason}.`),
  ];
  return { summary: `Details (${formatNumber(lines.length, locale)})`, lines };
}

/** The Undo toast's text for the articles just deleted. */
export function deletedText(titles: readonly string[], locale?: string): string {
  if (titles.length === 1) return `Deleted “${titles[0]}”.`;
  return `Deleted ${articlesText(titles.length, locale)}.`;
}

/** The selection bar's text. */
export function selectedText(n: number, locale?: string): string {
  return `${formatNumber(n, locale)} selected`;
}
