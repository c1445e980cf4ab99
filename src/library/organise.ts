/**
 * The reader's own entries of a saved article changed from the library page: its tags, its
 * read state and whether it is a favourite. One transaction writes the article, its summary and
 * its search words (tags are searched) together; the new values pass the one schema.
 */
import { ALL_STORES } from "./db.ts";
import { normalizeUrl } from "./keys.ts";
import { fail, type LibraryResult } from "./result.ts";
import { type ReaderFields, readRecord, type SavedArticle } from "./schema.ts";
import { type SearchEntry, searchEntry } from "./search-terms.ts";
import type { LibraryStore } from "./store.ts";
import { type ArticleSummary, toSummary } from "./summary.ts";

export type ReaderChange = Partial<Pick<ReaderFields, "tags" | "state" | "favourite">>;

export interface Organised {
  summary: ArticleSummary;
  entry: SearchEntry;
}

/** Applies `change` to the article at `url`; `updatedAt` moves on, so a backup's older copy loses. */
export async function organise(
  library: LibraryStore,
  url: string,
  change: ReaderChange,
  now: number = Date.now(),
): Promise<LibraryResult<Organised>> {
  const key = normalizeUrl(url);
  if (!key) return fail("invalid", "This is not an article's address.");
  return library.transact("readwrite", ALL_STORES, "change the article", async (tx) => {
    const articles = tx.objectStore("articles");
    const here = await articles.get(key);
    if (!here) throw new Error("this article is no longer in your library");
    const read = readRecord({ ...here, ...change, updatedAt: Math.max(now, here.updatedAt + 1) });
    if (!read.ok) throw new Error(read.message);
    const record: SavedArticle = read.record;
    const summary = toSummary(record);
    const entry = searchEntry(record);
    await articles.put(record);
    await tx.objectStore("summaries").put(summary);
    await tx.objectStore("terms").put(entry);
    return { summary, entry };
  });
}

/** `tags` with `added` (comma-separated names) and without `removed`, no repeats in any case. */
export function editTags(tags: readonly string[], added: string, removed: readonly string[] = []): string[] {
  const gone = new Set(removed.map((t) => t.toLowerCase()));
  const out: string[] = [];
  const seen = new Set<string>();
  for (const tag of [...tags, ...added.split(",")]) {
    const name = tag.replace(/\s+/g, " ").trim().slice(0, 100);
    const lower = name.toLowerCase();
    if (!name || gone.has(lower) || seen.has(lower)) continue;
    seen.add(lower);
    out.push(name);
  }
  return out.slice(0, 100);
}
