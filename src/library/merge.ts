/**
 * Putting records into the library that come from elsewhere: Undo of a delete
 * (`restoreArticles`), a JSON backup (`importBackup`) and another app's export
 * (`importRecords`). All merge by URL in one transaction, the larger `updatedAt` winning;
 * nothing is deleted, a record the library holds in a newer version is kept, a link to read
 * never replaces an article saved with its page, and an article with its page replaces a link. The background never needs this (it only saves), so it is not part of
 * store.ts.
 */
import { ALL_STORES } from "./db.ts";
import type { Annotation } from "./annotations.ts";
import { parseBackup } from "./export/backup.ts";
import type { BackupImage } from "./image-backup.ts";
import { fail, type LibraryResult } from "./result.ts";
import { readRecord, type SavedArticle, TAG_LIMITS } from "./schema.ts";
import { derivableEntry, type SearchEntry, searchEntry } from "./search-terms.ts";
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
  /** The added and updated records that are articles with their page (not links to read):
   * those whose images kept offline may need their status (image-backup.ts `importImages`). */
  withPages: string[];
}

/** Told while the records are written: records written, of all that are written. */
export type MergeProgress = (written: number, total: number) => void;

/** Records whose writes are queued before the page may paint again (see `merge`). */
const WRITE_CHUNK = 1000;

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
): Promise<LibraryResult<{ report: MergeReport; annotations: Annotation[]; images: BackupImage[] }>> {
  const parsed = parseBackup(text);
  if (!parsed.ok) return fail("not-a-backup", parsed.message);
  const merged = await merge(library, parsed.backup.articles, "import the backup");
  // The highlights and the images live in their own databases (annotations.ts,
  // image-store.ts): the caller puts them back (image-backup.ts `importImages`).
  return merged.ok
    ? { ...merged, annotations: parsed.backup.annotations, images: parsed.backup.images }
    : merged;
}

/** Both lists of tags, the first's order first, without repeats (any case). */
export function mergeTags(a: readonly string[], b: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const tag of [...a, ...b]) {
    if (seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    out.push(tag);
  }
  return out.slice(0, TAG_LIMITS.tags);
}

/**
 * Puts imported records (import/to-records.ts) into the library by the same rules as a
 * backup: one per URL, the newer version winning, a link never replacing a saved page.
 */
export async function importRecords(
  library: LibraryStore,
  records: readonly SavedArticle[],
  progress?: MergeProgress,
): Promise<LibraryResult<{ report: MergeReport }>> {
  return merge(library, records, "import the file", progress);
}

async function merge(
  library: LibraryStore,
  incoming: readonly SavedArticle[],
  doing: string,
  progress?: MergeProgress,
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
    // Which of them the library holds: every key in one read, then only those read in full
    // (an import of 30,000 new links into an empty library reads no record).
    const keys = new Set(await summaries.getAllKeys());
    const existing = await Promise.all(
      records.map((record) => (keys.has(record.url) ? summaries.get(record.url) : undefined)),
    );
    const report: MergeReport = {
      added: 0,
      updated: 0,
      kept: 0,
      unchanged: 0,
      changed: [],
      withPages: [],
    };
    const writes: Promise<unknown>[] = [];
    const write = (p: Promise<unknown>) => {
      // Handled here so that an abort's rejections are not reported as unhandled.
      p.catch(() => {});
      writes.push(p);
    };
    const toWrite: SavedArticle[] = [];
    for (const [i, incomingRecord] of records.entries()) {
      const here = existing[i];
      let record = incomingRecord;
      if (here) {
        // A link to read never replaces an article saved with its page; an article with its
        // page always replaces a link (the reader's tags, state and favourite kept with it).
        const hereIsLink = here.linkOnly ?? false;
        if (record.linkOnly && !hereIsLink) {
          report.kept++;
          continue;
        }
        if (!record.linkOnly && hereIsLink) {
          record = {
            ...record,
            tags: mergeTags(here.tags ?? [], record.tags),
            favourite: record.favourite || (here.favourite ?? false),
            savedAt: Math.min(record.savedAt, here.savedAt),
          };
          report.updated++;
          toWrite.push(record);
          continue;
        }
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
      toWrite.push(record);
    }
    // The writes go out a chunk at a time, all in this one transaction (so all or nothing):
    // the next chunk is queued once the one before it is written, which keeps the transaction
    // busy while the page gets to paint (and say how far it is) between chunks.
    for (let start = 0; start < toWrite.length; start += WRITE_CHUNK) {
      const before = writes.length;
      for (const record of toWrite.slice(start, start + WRITE_CHUNK)) {
        const entry = searchEntry(record);
        report.changed.push(entry);
        if (!record.linkOnly) report.withPages.push(record.url);
        const summary = toSummary(record);
        write(tx.objectStore("articles").put(record));
        write(summaries.put(summary));
        // A link's words are its summary's: not stored (search-terms.ts `summaryEntry`); the
        // entry of an earlier version, if any, goes.
        if (!record.linkOnly || !derivableEntry(entry, summary)) write(tx.objectStore("terms").put(entry));
        else if (keys.has(record.url)) write(tx.objectStore("terms").delete(record.url));
      }
      // The chunk before this one written (its last write), this one still pending.
      if (before > 0) await writes[before - 1];
      progress?.(Math.min(start, toWrite.length), toWrite.length);
    }
    await Promise.all(writes);
    progress?.(toWrite.length, toWrite.length);
    return { report };
  });
}
