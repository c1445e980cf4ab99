/**
 * Which format an imported file is, by its content (the name only breaks ties), and its
 * items. A zip is an Omnivore export; JSON is a Folio backup (by its `format` field) or a
 * Wallabag export (a list of entries); HTML is a Pocket export (links with `time_added`) or a
 * bookmark file; CSV is Pocket's or Instapaper's, told apart by the header's names.
 *
 * HTML is parsed by the caller's `parseHtml` (the browser's DOMParser on the library page,
 * jsdom in tests) into an inert document: nothing runs, nothing loads.
 */
import { BACKUP_FORMAT, checkBackupSize } from "../export/backup.ts";
import { bookmarksOrPocket } from "./html-formats.ts";
import { csvTable } from "./csv.ts";
import { isInstapaperHeader, readInstapaperCsv } from "./instapaper-csv.ts";
import type { ParsedImport } from "./item.ts";
import { isZip, readOmnivoreZip } from "./omnivore-zip.ts";
import { isPocketHeader, readPocketCsv } from "./pocket-csv.ts";
import { readWallabagJson } from "./wallabag-json.ts";

export type ReadImport = ParsedImport | { ok: true; format: "folio-backup"; text: string };

export const UNKNOWN_FORMAT =
  "Folio cannot read this file. It reads Folio backups (.json), Pocket exports (.csv or .html), Instapaper exports (.csv), Omnivore exports (.zip), Wallabag exports (.json) and browser bookmarks (.html).";

/** The file's text: UTF-8, a byte-order mark dropped. */
function decode(bytes: Uint8Array): string {
  return new TextDecoder("utf-8").decode(bytes);
}

export function readImport(
  file: { name: string; bytes: Uint8Array },
  parseHtml: (html: string) => Document,
): ReadImport {
  const tooLarge = checkBackupSize(file.bytes.length);
  if (tooLarge) return { ok: false, message: tooLarge.replace("a Folio backup", "imported") };
  if (isZip(file.bytes)) return readOmnivoreZip(file.bytes);
  const text = decode(file.bytes);
  const start = text.slice(0, 2000).trimStart();
  const name = file.name.toLowerCase();

  if (start.startsWith("{") || start.startsWith("[")) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      // A backup's own parser says what is wrong with it.
      return start.startsWith("{")
        ? { ok: true, format: "folio-backup", text }
        : { ok: false, message: UNKNOWN_FORMAT };
    }
    if (Array.isArray(value)) return readWallabagJson(value);
    const format = (value as { format?: unknown } | null)?.format;
    if (format === BACKUP_FORMAT || format !== undefined || name.endsWith(".json")) {
      return { ok: true, format: "folio-backup", text };
    }
    return { ok: false, message: UNKNOWN_FORMAT };
  }
  if (start.startsWith("<") || name.endsWith(".html") || name.endsWith(".htm")) {
    return bookmarksOrPocket(text, parseHtml);
  }
  const table = csvTable(text);
  if (table && isPocketHeader(table.header)) return readPocketCsv(table);
  if (table && isInstapaperHeader(table.header)) return readInstapaperCsv(table);
  return { ok: false, message: UNKNOWN_FORMAT };
}
