/** An HTML import: Pocket's export or a bookmark file, told apart by their elements. */
import { isBookmarksHtml, readBookmarksHtml } from "./bookmarks-html.ts";
import type { ParsedImport } from "./item.ts";
import { isPocketHtml, readPocketHtml } from "./pocket-html.ts";

export function bookmarksOrPocket(text: string, parseHtml: (html: string) => Document): ParsedImport {
  let doc: Document;
  try {
    doc = parseHtml(text);
  } catch {
    return { ok: false, message: "This HTML file could not be read." };
  }
  if (isPocketHtml(doc)) return readPocketHtml(doc);
  if (isBookmarksHtml(doc, text)) return readBookmarksHtml(doc, text);
  return {
    ok: false,
    message:
      "This HTML file is neither a Pocket export nor a bookmarks file: it has no saved links to import.",
  };
}
