/**
 * Putting records into the library that come from elsewhere: Undo of a delete
 * (`restoreArticles`) and a JSON backup (`importBackup`). Both merge by URL in one transaction,
 * the larger `updatedAt` winning; nothing is deleted, and a record the library holds in a newer
 * version is kept. The background never needs this (it only saves), so it is not part of
 * store.ts.
 */
import { ALL_STORES } from "./db.ts";
import { parseBackup } from "./export/backup.ts";
import { fail, type LibraryResult } from "./result.ts";
import { readRecord, type SavedArticle } from "./schema.ts";
import { type SearchEntry, searchEntry } from "./search-terms.ts";
import type { LibraryStore } from "./store.ts";
import { toSummary } from "./summary.ts";

export interface MergeReport {
  /** Not in the library before. */
  added: number;
  /** Replaced by a newer version (larger `updatedAt`). */
  updated: number;
  /** Left as they were because the library's version is newer. */
  kept: number;
  /** The same version was already in the library. */
  unchanged: number;
  /** Search entries of the added and updated articles, for `SearchIndex.add`. */
  changed: SearchEntry[];
}

/**
 * Puts records back (Undo of `delete`) exactly as they were, `savedAt` included. A URL saved
 * again since keeps its newer version.
 */
export async function restoreArticles(
  library: LibraryStore,
  articles: readonly SavedArticle[],
): Promise<LibraryResult<{ report: MergeReport }>> {
  const records: SavedArticle[] = [];
  for (const [i, value] of articles.entries()) {
    const read = readRecord(value);
    if (!read.ok) return fail("invalid", `Article ${i + 1} cannot be restored: ${read.message}.`);
    records.push(read.record);
  }
  return merge(library, records, "restore the articles");
}

/**
 * Imports a JSON backup (export/backup.ts). A file that is not a valid backup is refused with
 * a message naming the problem, and changes nothing. Articles are merged by URL in one
 * transaction, the larger `updatedAt` winning; nothing is deleted.
 */
export async function importBackup(
  library: LibraryStore,
  text: string,
): Promise<LibraryResult<{ report: MergeReport }>> {
  const parsed = parseBackup(text);
  if (!parsed.ok) return fail("not-a-backup", parsed.message);
  return merge(library, parsed.backup.articles, "import the backup");
}

async function merge(
  library: LibraryStore,
  incoming: readonly SavedArticle[],
  doing: string,
): Promise<LibraryResult<{ report: MergeReport }>> {
  // One version per URL: the newest in the input.
  const byUrl = new Map<string, SavedArticle>();
  for (const record of incoming) {
    const other = byUrl.get(record.url);
    if (!other || record.updatedAt > other.updatedAt) byUrl.set(record.url, record);
  }
  const records = [...byUrl.values()];
  return library.transact("readwrite", ALL_STORES, doing, async (tx) => {
    const summaries = tx.objectStore("summaries");
    const existing = await Promise.all(records.map((record) => summaries.get(record.url)));
    const report: MergeReport = { added: 0, updated: 0, kept: 0, unchanged: 0, changed: [] };
    const writes: Promise<unknown>[] = [];
    const write = (p: Promise<unknown>) => {
      // Handled here so that an abort's rejections are not reported as unhandled.
      p.catch(() => {});
      writes.push(p);
    };
    for (const [i, incomingRecord] of records.entries()) {
      const here = existing[i];
      let record = incomingRecord;
      if (here) {
        if (record.updatedAt < here.updatedAt) {
          report.kept++;
          continue;
        }
        if (record.updatedAt === here.updatedAt) {
          report.unchanged++;
          continue;
        }
        // The earliest save date is when the reader first saved it.
        record = { ...record, savedAt: Math.min(record.savedAt, here.savedAt) };
        report.updated++;
      } else {
        report.added++;
      }
      const entry = searchEntry(record);
      report.changed.push(entry);
      write(tx.objectStore("articles").put(record));
      write(summaries.put(toSummary(record)));
      write(tx.objectStore("terms").put(entry));
    }
    await Promise.all(writes);
    return { report };
  });
}
