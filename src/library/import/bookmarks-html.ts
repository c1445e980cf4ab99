/**
 * The Netscape bookmark file every browser exports (`<!DOCTYPE NETSCAPE-Bookmark-file-1>`):
 * nested `<DL>` lists, a folder being a `<DT><H3>name</H3><DL>…</DL>`, a bookmark a
 * `<DT><A HREF ADD_DATE="…">title</A>`. Each folder a bookmark is in becomes one of its tags,
 * except the browsers' own top folders (the bookmarks bar, the menu, "Other bookmarks");
 * `ADD_DATE` is the date it was saved (Unix seconds). Every bookmark is a link to read.
 */
import { LIMITS } from "../schema.ts";
import { eachElement, MAX_ANCESTORS } from "./html-walk.ts";
import { cleanTags, cleanText, ItemList, item, type ParsedImport, webUrl } from "./item.ts";

/** The browsers' own folders, which say where a bookmark sat, not what it is about. */
const ROOT_FOLDERS = new Set([
  "bookmarks",
  "bookmarks bar",
  "bookmarks toolbar",
  "bookmarks menu",
  "other bookmarks",
  "mobile bookmarks",
  "favorites bar",
  "other favorites",
  "favourites bar",
]);

/** Whether a parsed document is a bookmark file (the doctype, or a DL of DT/A with ADD_DATE). */
export function isBookmarksHtml(doc: Document, text: string): boolean {
  if (/<!DOCTYPE\s+NETSCAPE-Bookmark-file/i.test(text.slice(0, 1000))) return true;
  let found = false;
  eachElement(doc, (element, tag) => {
    if (!found && tag === "a" && element.hasAttribute("add_date") && element.closest("dl")) found = true;
  });
  return found;
}

/** ADD_DATE: Unix seconds (some tools write milliseconds or microseconds). */
function addDate(value: string | null): number | null {
  if (!value || !/^\d{1,20}$/.test(value.trim())) return null;
  let n = Number(value.trim());
  if (n > 1e14) n /= 1000; // microseconds
  if (n > 1e11) n /= 1000; // milliseconds
  const ms = n * 1000;
  return ms >= Date.UTC(1990, 0, 1) && ms < Date.UTC(2200, 0, 1) ? Math.round(ms) : null;
}

/** The folder names a bookmark is in, outermost first, the browsers' own left out. */
function folders(link: Element): string[] {
  const names: string[] = [];
  let node = link.parentElement;
  for (let steps = 0; node && steps < MAX_ANCESTORS; steps++, node = node.parentElement) {
    if (node.localName !== "dl") continue;
    const heading = node.previousElementSibling;
    if (heading?.localName !== "h3") continue;
    if (heading.hasAttribute("personal_toolbar_folder") || heading.hasAttribute("unfiled_bookmarks_folder")) {
      continue;
    }
    const name = cleanText(heading.textContent, 100);
    if (name && !ROOT_FOLDERS.has(name.toLowerCase())) names.unshift(name);
  }
  return names;
}

export function readBookmarksHtml(doc: Document, text: string): ParsedImport {
  if (!isBookmarksHtml(doc, text)) {
    return { ok: false, message: "This is not a bookmarks file: it has no bookmark list." };
  }
  const list = new ItemList();
  let seen = 0;
  let full = false;
  eachElement(doc, (element, tag) => {
    if (full || tag !== "a") return;
    seen++;
    const where = `bookmark ${seen}`;
    const address = webUrl(element.getAttribute("href"));
    if (!address.ok) {
      list.skip(where, address.reason);
      return;
    }
    const next = item(address.url, where, {
      title: cleanText(element.textContent, LIMITS.title) ?? "",
      tags: cleanTags(folders(element)),
      savedAt: addDate(element.getAttribute("add_date")),
    });
    full = !list.add(next);
  });
  return list.done("bookmarks-html", seen);
}
