/**
 * What the list shows of a search's results: the tag and state filters ("Unread", "Archived",
 * "Favourites", "Links to read") and the order (newest saved, newest published, title, site).
 * Both work on the summaries the search worker holds (search-service.ts), so they cost no
 * database read; a summary not held (just changed on another page) is kept, in place. The tag
 * filter's list is the library's tags with their counts, which the worker counts.
 */
import type { ArticleSummary } from "../library/summary.ts";
import type { LibraryPage } from "./page.ts";

export type SortKey = "saved" | "published" | "title" | "site";

/** The published time as a number for sorting (unknown dates last). */
function publishedMs(summary: ArticleSummary): number {
  const t = summary.publishedTime ? Date.parse(summary.publishedTime) : Number.NaN;
  return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t;
}

/** Whether a summary passes the state filter. */
export function inState(summary: ArticleSummary, state: string): boolean {
  switch (state) {
    case "unread":
    case "read":
    case "archived":
      return (summary.state ?? "unread") === state;
    case "favourite":
      return summary.favourite === true;
    case "link":
      return summary.linkOnly === true;
    default:
      return true;
  }
}

/** `urls` (newest saved first) filtered by tag and state and put in `sort` order. */
export function applyView(
  urls: readonly string[],
  lookup: (url: string) => ArticleSummary | undefined,
  view: { tag: string; state: string; sort: SortKey },
  locale?: string,
): string[] {
  const tag = view.tag.toLowerCase();
  const kept: { url: string; summary: ArticleSummary | undefined }[] = [];
  for (const url of urls) {
    const summary = lookup(url);
    if (summary && tag && !summary.tags?.some((t) => t.toLowerCase() === tag)) continue;
    if (summary && view.state && !inState(summary, view.state)) continue;
    kept.push({ url, summary });
  }
  if (view.sort === "saved") return kept.map((k) => k.url);
  const collator = new Intl.Collator(locale, { sensitivity: "base", numeric: true });
  const text = (s: ArticleSummary | undefined) => (view.sort === "title" ? s?.title : s?.site) ?? "";
  // A stable sort: equal keys keep the newest-saved order.
  kept.sort((a, b) =>
    view.sort === "published"
      ? (b.summary ? publishedMs(b.summary) : 0) - (a.summary ? publishedMs(a.summary) : 0) || 0
      : collator.compare(text(a.summary), text(b.summary)),
  );
  return kept.map((k) => k.url);
}

/** The library's tags with how many articles carry each, most used first. */
export function tagCounts(summaries: Iterable<ArticleSummary>): { tag: string; count: number }[] {
  const counts = new Map<string, { tag: string; count: number }>();
  for (const summary of summaries) {
    for (const tag of summary.tags ?? []) {
      const key = tag.toLowerCase();
      const entry = counts.get(key);
      if (entry) entry.count++;
      else counts.set(key, { tag, count: 1 });
    }
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}

/** Fills the tag filter with tags and their counts (`tagCounts`), keeping the current choice. */
export function showTags(page: LibraryPage, counts: readonly { tag: string; count: number }[]): void {
  const { ui, locale } = page;
  const current = ui.tag.value;
  const options = [new Option("All tags", "")];
  for (const { tag, count } of counts) {
    options.push(new Option(`${tag} (${count.toLocaleString(locale)})`, tag));
  }
  ui.tag.replaceChildren(...options);
  ui.tag.value = options.some((o) => o.value === current) ? current : "";
  // "Rename tag…" is offered while a tag is chosen (and its field is not open).
  if (!ui.tagRename.nextElementSibling?.classList.contains("lib-rename-input"))
    ui.tagRename.hidden = !ui.tag.value;
}
