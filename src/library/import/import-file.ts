/**
 * Importing one file into the library, whatever its format: read it (read-import.ts), make its
 * items records (to-records.ts), merge them (merge.ts `importRecords`; a Folio backup through
 * `importBackup`), and say what happened: added, updated, kept, skipped with reasons. A file
 * that cannot be read changes nothing; a bad row is skipped, never stopping the rest.
 */
import type { Annotation } from "../annotations.ts";
import type { BackupImage } from "../image-backup.ts";
import { importBackup, importRecords, type MergeProgress, type MergeReport } from "../merge.ts";
import { fail, type LibraryResult } from "../result.ts";
import type { LibraryStore } from "../store.ts";
import type { ImportFormat, Skipped } from "./item.ts";
import { readImport } from "./read-import.ts";
import { type ToRecordsOptions, toRecords } from "./to-records.ts";

export interface ImportReport extends MergeReport {
  format: ImportFormat;
  /** Rows or items not imported, with the reason. */
  skipped: Skipped[];
  /** Items whose content gave no article, imported as links to read. */
  asLinks: Skipped[];
  /** Highlights in the other app that could not be imported, with the reason. */
  highlightsLeft: Skipped[];
}

export async function importFile(
  library: LibraryStore,
  file: { name: string; bytes: Uint8Array },
  options: Omit<ToRecordsOptions, "now"> & { now?: number; writing?: MergeProgress },
): Promise<LibraryResult<{ report: ImportReport; annotations: Annotation[]; images: BackupImage[] }>> {
  const read = readImport(file, options.parseHtml);
  if (!read.ok) return fail("not-a-backup", read.message);
  if ("text" in read) {
    const merged = await importBackup(library, read.text);
    if (!merged.ok) return merged;
    return {
      ok: true,
      report: { ...merged.report, format: "folio-backup", skipped: [], asLinks: [], highlightsLeft: [] },
      annotations: merged.annotations,
      images: merged.images,
    };
  }
  const made = await toRecords(read.items, { ...options, now: options.now ?? Date.now() });
  const skipped = [...read.skipped, ...made.skipped];
  if (made.records.length === 0 && skipped.length > 0 && read.items.length === 0) {
    return fail(
      "not-a-backup",
      `Nothing in this file could be imported (${skipped[0]!.where}: ${skipped[0]!.reason}).`,
    );
  }
  const merged = await importRecords(library, made.records, options.writing);
  if (!merged.ok) return merged;
  return {
    ok: true,
    report: {
      ...merged.report,
      format: read.format,
      skipped,
      asLinks: made.asLinks,
      highlightsLeft: made.highlightsLeft,
    },
    annotations: made.annotations,
    images: [],
  };
}
