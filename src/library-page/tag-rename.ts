/**
 * "Rename tag…" beside the tag filter, shown while a tag is chosen: a field in its place with
 * the tag's name (Enter renames it on every article that carries it, Escape leaves). A name of
 * an existing tag merges the two. One transaction writes every changed article
 * (library/rename-tag.ts); the index, the list and the tag filter follow, and other open library
 * pages are told. A name that cannot be a tag is refused with why, and the field stays open.
 */
import { renameTag } from "../library/rename-tag.ts";
import type { Listing } from "./listing.ts";
import type { LibraryPage } from "./page.ts";
import type { Search } from "./search-index.ts";

export function tagRenaming(page: LibraryPage, list: Listing, search: Search): void {
  const { doc, ui, cache, library, locale } = page;
  const button = ui.tagRename;
  const follow = () => {
    button.hidden =
      ui.tag.value === "" || button.nextElementSibling?.classList.contains("lib-rename-input") === true;
  };
  ui.tag.addEventListener("change", follow);

  const rename = async (from: string, to: string): Promise<boolean> => {
    const done = await renameTag(library, from, to);
    if (!done.ok) {
      page.alert(done.error.message);
      return false;
    }
    page.alert(null);
    // The filter shows the renamed tag (by the name the library lists it under, in any case);
    // the search worker's counts follow the change and fill the filter again, keeping it.
    const lower = done.name.toLowerCase();
    let option = [...ui.tag.options].find((o) => o.value.toLowerCase() === lower && o.value !== "");
    if (!option && done.summaries.length) {
      option = new Option(done.name, done.name);
      ui.tag.add(option);
    }
    ui.tag.value = option?.value ?? "";
    if (done.entries.length) {
      search.changed(done.entries);
      cache.remember(done.summaries);
    }
    const n = done.summaries.length;
    page.info(
      n > 0
        ? `Renamed the tag “${from}” to “${done.name}” on ${n.toLocaleString(locale)} ${n === 1 ? "article" : "articles"}.`
        : from === done.name
          ? `The tag is already called “${done.name}”: nothing changed.`
          : `No article carries the tag “${from}” any more: nothing changed.`,
    );
    await list.show();
    return true;
  };

  button.addEventListener("click", () => {
    const from = ui.tag.value;
    if (!from) return;
    const field = doc.createElement("input");
    field.type = "text";
    field.className = "lib-rename-input";
    field.value = from;
    field.maxLength = 100;
    field.setAttribute("aria-label", `New name for the tag “${from}” (Enter renames it, Escape leaves)`);
    button.hidden = true;
    button.after(field);
    field.focus();
    field.select();
    let working = false;
    const close = (focus: boolean) => {
      if (!field.isConnected) return;
      field.remove();
      follow();
      if (focus) (button.hidden ? ui.tag : button).focus();
    };
    field.addEventListener("keydown", (event) => {
      if (event.key === "Escape") {
        event.preventDefault();
        page.alert(null);
        close(true);
      } else if (event.key === "Enter" && !working) {
        event.preventDefault();
        working = true;
        field.readOnly = true;
        void rename(from, field.value).then((renamed) => {
          working = false;
          field.readOnly = false;
          if (renamed) close(true);
          else field.focus();
        });
      }
    });
    field.addEventListener("blur", () =>
      setTimeout(() => {
        if (!working && doc.activeElement !== field) close(false);
      }, 0),
    );
  });
}
