/**
 * Pocket's CSV export (`part_000000.csv` in the zip Pocket handed out before it closed in
 * 2025): a header `title,url,time_added,tags,status` (newer files add `cursor`), `time_added`
 * in Unix seconds, `tags` separated by `|`, `status` "unread" or "archive". Read by the
 * header's names, so any column order and any extra column read the same.
 */
import { type CsvTable, cell, column } from "./csv.ts";
import { cleanTags, cleanText, fromUnixSeconds, ItemList, item, type ParsedImport, webUrl } from "./item.ts";
import { LIMITS } from "../schema.ts";

/** Whether a CSV header is Pocket's. */
export function isPocketHeader(header: readonly string[]): boolean {
  const names = new Set(header.map((h) => h.toLowerCase()));
  return names.has("url") && names.has("time_added") && names.has("status");
}

export function readPocketCsv(table: CsvTable): ParsedImport {
  if (!isPocketHeader(table.header)) {
    return {
      ok: false,
      message: "This is not a Pocket CSV export: it has no url, time_added and status columns.",
    };
  }
  const at = {
    title: column(table, "title"),
    url: column(table, "url"),
    time: column(table, "time_added"),
    tags: column(table, "tags"),
    status: column(table, "status"),
  };
  const list = new ItemList();
  for (const [i, row] of table.rows.entries()) {
    const where = `line ${table.lines[i]}`;
    const address = webUrl(cell(row, at.url));
    if (!address.ok) {
      list.skip(where, address.reason);
      continue;
    }
    const status = cell(row, at.status).trim().toLowerCase();
    const next = item(address.url, where, {
      title: cleanText(cell(row, at.title), LIMITS.title) ?? "",
      tags: cleanTags(cell(row, at.tags).split("|")),
      state: status === "archive" || status === "archived" ? "archived" : "unread",
      savedAt: fromUnixSeconds(cell(row, at.time)),
    });
    if (!list.add(next)) break;
  }
  return list.done("pocket-csv", table.rows.length);
}
