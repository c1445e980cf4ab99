/**
 * Selecting articles: the rows' checkboxes, Select all (every article of the current view once
 * the index knows it, else the rows on screen), Clear, and the bar that says how many are
 * selected. What is done with a selection (delete, export) is given by the caller.
 */
import { busy, type LibraryPage } from "./page.ts";
import { selectedText } from "./text.ts";

export interface Selection {
  /** Shows the selection bar as the selection now is. */
  update(): void;
}

export function selection(
  page: LibraryPage,
  actions: { remove(urls: string[]): Promise<void>; exportUrls(urls: string[]): Promise<void> },
): Selection {
  const { ui, state, locale } = page;
  const { selected } = state;

  const update = () => {
    ui.selection.hidden = selected.size === 0;
    ui.selectedCount.textContent = selectedText(selected.size, locale);
  };

  ui.list.addEventListener("change", (event) => {
    const box = event.target as HTMLInputElement;
    if (!box.classList.contains("lib-check")) return;
    const url = box.closest<HTMLElement>(".lib-row")?.dataset.url;
    if (!url) return;
    if (box.checked) selected.add(url);
    else selected.delete(url);
    update();
  });
  ui.clearSelection.addEventListener("click", () => {
    selected.clear();
    for (const box of ui.list.querySelectorAll<HTMLInputElement>(".lib-check")) box.checked = false;
    update();
    ui.query.focus();
  });
  ui.selectAll.addEventListener("click", async () => {
    const { index, results } = state;
    if (index && results) {
      const every = await index.request("urls", { id: results.id }).catch(() => ({ urls: [] }));
      for (const url of every.urls) selected.add(url);
    }
    for (const box of ui.list.querySelectorAll<HTMLInputElement>(".lib-check")) {
      box.checked = true;
      const url = box.closest<HTMLElement>(".lib-row")?.dataset.url;
      if (url) selected.add(url);
    }
    update();
  });
  ui.deleteSelected.addEventListener(
    "click",
    () => void busy(page, ui.deleteSelected, () => actions.remove([...selected])),
  );
  ui.exportSelected.addEventListener("click", () =>
    busy(page, ui.exportSelected, () => actions.exportUrls([...selected])),
  );

  return { update };
}
