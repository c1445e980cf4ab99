/**
 * Instapaper's CSV export: `URL,Title,Selection,Folder` and the newer
 * `URL,Title,Selection,Folder,Timestamp,Tags`. `Folder` is "Unread", "Archive", "Starred" or
 * the name of one of the reader's folders (which becomes a tag); `Timestamp` is Unix seconds;
 * `Tags` a JSON list of names. `Selection` is the text the reader selected when saving, kept
 * as the excerpt. Read by the header's names, never by position.
 */
import { type CsvTable, cell, column } from "./csv.ts";
import { cleanTags, cleanText, fromUnixSeconds, ItemList, item, type ParsedImport, webUrl } from "./item.ts";
import { LIMITS } from "../schema.ts";

/** Whether a CSV header is Instapaper's. */
export function isInstapaperHeader(header: readonly string[]): boolean {
  const names = new Set(header.map((h) => h.toLowerCase()));
  return names.has("url") && names.has("folder") && names.has("selection");
}

/** The names in a Tags cell: a JSON list of strings; anything else gives none. */
function tagsCell(text: string): string[] {
  const trimmed = text.trim();
  if (!trimmed) return [];
  if (trimmed.startsWith("[") && trimmed.length < 100_000) {
    try {
      const value: unknown = JSON.parse(trimmed);
      if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string");
    } catch {
      // Not JSON: fall through to a comma list.
    }
  }
  return trimmed.split(",");
}

export function readInstapaperCsv(table: CsvTable): ParsedImport {
  if (!isInstapaperHeader(table.header)) {
    return {
      ok: false,
      message: "This is not an Instapaper CSV export: it has no URL, Selection and Folder columns.",
    };
  }
  const at = {
    url: column(table, "url"),
    title: column(table, "title"),
    selection: column(table, "selection"),
    folder: column(table, "folder"),
    time: column(table, "timestamp"),
    tags: column(table, "tags"),
  };
  const list = new ItemList();
  for (const [i, row] of table.rows.entries()) {
    const where = `line ${table.lines[i]}`;
    const address = webUrl(cell(row, at.url));
    if (!address.ok) {
      list.skip(where, address.reason);
      continue;
    }
    const folder = cleanText(cell(row, at.folder), 200) ?? "";
    const kind = folder.toLowerCase();
    const tags = tagsCell(cell(row, at.tags));
    if (folder && kind !== "unread" && kind !== "archive" && kind !== "starred") tags.unshift(folder);
    const next = item(address.url, where, {
      title: cleanText(cell(row, at.title), LIMITS.title) ?? "",
      excerpt: cleanText(cell(row, at.selection), LIMITS.excerpt),
      tags: cleanTags(tags),
      state: kind === "archive" ? "archived" : "unread",
      favourite: kind === "starred",
      savedAt: fromUnixSeconds(cell(row, at.time)),
    });
    if (!list.add(next)) break;
  }
  return list.done("instapaper-csv", table.rows.length);
}
