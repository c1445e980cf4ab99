/**
 * Deleting articles, with Undo for a few seconds. The rows go where they are (the list keeps
 * its place); the toast that offers Undo takes the focus, so the keyboard can reach it, and is
 * never withdrawn under the reader's pointer or focus (WCAG 2.2.1): it waits for them.
 */
import type { Annotation } from "../library/annotations.ts";
import type { SavedArticle } from "../library/schema.ts";
import type { Listing } from "./listing.ts";
import type { LibraryPage } from "./page.ts";
import type { Search } from "./search-index.ts";
import { articlesText, deletedText } from "./text.ts";
import { restoreArticles } from "../library/merge.ts";

/** How long Undo is offered after a delete. */
const UNDO_MS = 8_000;

export interface Deleting {
  remove(urls: string[]): Promise<void>;
}

export function deleting(
  page: LibraryPage,
  list: Listing,
  search: Search,
  selectionChanged: () => void,
): Deleting {
  const { doc, ui, state, library, locale, root } = page;
  let undoTimer = 0;
  let undoRecords: SavedArticle[] | null = null;
  /** The deleted articles' highlights and notes, put back with them on Undo. */
  let undoNotes: Annotation[] = [];
  let toastHeld = false;
  let toastExpired = false;

  const closeToast = () => {
    clearTimeout(undoTimer);
    undoRecords = null;
    ui.toast.hidden = true;
  };
  const armToast = () => {
    clearTimeout(undoTimer);
    toastExpired = false;
    undoTimer = page.win.setTimeout(() => {
      toastExpired = true;
      if (!toastHeld) closeToast();
    }, UNDO_MS);
  };
  const hold = (held: boolean) => {
    toastHeld = held;
    if (!held && toastExpired) closeToast();
  };
  ui.toast.addEventListener("pointerenter", () => hold(true));
  ui.toast.addEventListener("pointerleave", () => hold(ui.toast.contains(doc.activeElement)));
  ui.toast.addEventListener("focusin", () => hold(true));
  ui.toast.addEventListener("focusout", (e) => hold(ui.toast.contains(e.relatedTarget as Node | null)));
  ui.toast.addEventListener("keydown", (e) => {
    if (e.key === "Escape") {
      closeToast();
      ui.query.focus();
    }
  });
  ui.toastClose.addEventListener("click", () => {
    closeToast();
    ui.query.focus();
  });

  const remove = async (urls: string[]) => {
    const result = await library.delete(urls);
    if (!result.ok) {
      page.alert(result.error.message);
      return;
    }
    const deleted = result.deleted;
    if (deleted.length === 0) return;
    const gone = new Set(deleted.map((d) => d.url));
    // An article's highlights and notes go with it (and come back with it on Undo). Should their
    // database fail, they stay where they are: nothing of the reader's is lost.
    let notes: Annotation[] = [];
    try {
      const store = await page.annotations();
      notes = (await Promise.all([...gone].map((url) => store.forArticle(url)))).flat();
      await Promise.all([...gone].map((url) => store.removeArticle(url)));
    } catch {
      notes = [];
    }
    search.changed([], [...gone]);
    if (state.results) state.results = state.results.filter((url) => !gone.has(url));
    for (const row of [...ui.list.children] as HTMLElement[]) {
      if (!gone.has(row.dataset.url ?? "")) continue;
      row.remove();
      state.rendered--;
    }
    if (state.total !== null) state.total = Math.max(0, state.total - deleted.length);
    if (state.rendered === 0 && !state.source.done) await list.loadMore();
    if (!page.filtered() && state.rendered === 0) root.dataset.state = "empty";
    list.showEmpty();
    list.updateCount();
    selectionChanged();
    undoRecords = deleted;
    undoNotes = notes;
    ui.toastText.textContent = deletedText(
      deleted.map((d) => d.title),
      locale,
    );
    ui.toast.hidden = false;
    armToast();
    ui.undo.focus();
  };

  ui.undo.addEventListener("click", async () => {
    const records = undoRecords;
    const notes = undoNotes;
    closeToast();
    if (!records) return;
    const restored = await restoreArticles(library, records);
    if (!restored.ok) {
      page.alert(`Could not undo: ${restored.error.message}`);
      return;
    }
    if (notes.length) await (await page.annotations()).merge(notes);
    search.changed(restored.report.changed);
    await list.refreshTotal();
    await list.show(state.rendered + records.length);
    page.info(`Restored ${articlesText(restored.report.added + restored.report.updated, locale)}.`);
    const first = ui.list.querySelector<HTMLElement>(`.lib-row .lib-open`);
    (
      [...ui.list.querySelectorAll<HTMLElement>(".lib-row")]
        .find((row) => row.dataset.url === records[0]?.url)
        ?.querySelector<HTMLElement>(".lib-open") ?? first
    )?.focus();
  });

  return { remove };
}
