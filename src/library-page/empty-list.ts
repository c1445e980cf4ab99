/**
 * What an empty list says: that the library is empty (and how to fill it), or that nothing
 * matches the query or the filters (and what to try). Hidden while the list has rows.
 */
import type { LibraryPage } from "./page.ts";

export function showEmptyList(page: LibraryPage): void {
  const { doc, ui, state } = page;
  const empty = state.rendered === 0;
  ui.empty.hidden = !empty;
  if (!empty) return;
  ui.empty.replaceChildren();
  const title = doc.createElement("h2");
  title.className = "folio-state-title";
  const text = doc.createElement("p");
  if (page.filtered()) {
    const q = ui.query.value.trim();
    title.textContent = q ? `Nothing in your library matches “${q}”` : "No articles here";
    text.textContent = "Try other words, another site, tag or view.";
  } else {
    title.textContent = "Your library is empty";
    text.textContent =
      "Save an article with the Save button in Folio's popup or reader, or right-click a page and choose Save to Folio. Or import a backup.";
  }
  ui.empty.append(title, text);
}
