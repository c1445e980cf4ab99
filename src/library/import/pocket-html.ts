/**
 * Pocket's HTML export (`ril_export.html`): an `<h1>` "Unread" and an `<h1>` "Read Archive",
 * each followed by a list of links `<a href time_added="…" tags="a,b">title</a>`. The section
 * an item is in is the last `<h1>` before it; `time_added` is Unix seconds.
 */
import { LIMITS } from "../schema.ts";
import { eachElement } from "./html-walk.ts";
import { cleanTags, cleanText, fromUnixSeconds, ItemList, item, type ParsedImport, webUrl } from "./item.ts";

/** Whether a parsed document is Pocket's export. */
export function isPocketHtml(doc: Document): boolean {
  let found = false;
  eachElement(doc, (element, tag) => {
    if (!found && tag === "a" && element.hasAttribute("time_added")) found = true;
  });
  return found;
}

export function readPocketHtml(doc: Document): ParsedImport {
  if (!isPocketHtml(doc)) {
    return { ok: false, message: "This is not a Pocket HTML export: it has no links with a time_added." };
  }
  const list = new ItemList();
  let section = "";
  let seen = 0;
  let full = false;
  eachElement(doc, (element, tag) => {
    if (full) return;
    if (tag === "h1") {
      section = (element.textContent ?? "").trim().toLowerCase();
      return;
    }
    if (tag !== "a") return;
    seen++;
    const where = `link ${seen}`;
    const address = webUrl(element.getAttribute("href"));
    if (!address.ok) {
      list.skip(where, address.reason);
      return;
    }
    const next = item(address.url, where, {
      title: cleanText(element.textContent, LIMITS.title) ?? "",
      tags: cleanTags((element.getAttribute("tags") ?? "").split(",")),
      state: section.includes("archive") ? "archived" : "unread",
      savedAt: fromUnixSeconds(element.getAttribute("time_added")),
    });
    full = !list.add(next);
  });
  return list.done("pocket-html", seen);
}
