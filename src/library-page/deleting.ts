/**
 * Deleting articles, with Undo for a few seconds. The rows go where they are (the list keeps
 * its place); the toast that offers Undo takes the focus, so the keyboard can reach it, and is
 * never withdrawn under the reader's pointer or focus (WCAG 2.2.1): it waits for them.
 *
 * A deleted article's highlights go with it, and its images kept offline are released
 * (library/image-store.ts): Undo brings both back; once Undo is no longer offered, the images
 * no article holds are deleted.
 */
import type { Annotation } from "../library/annotations.ts";
import { type ReleasedImages, releaseImages, restoreImages, sweepImages } from "../library/image-store.ts";
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
  /** What the deleted articles' images were, held again on Undo. */
  let undoImages: ReleasedImages | null = null;
  let toastHeld = false;
  let toastExpired = false;

  const closeToast = () => {
    clearTimeout(undoTimer);
    const released = undoImages !== null;
    undoRecords = null;
    undoImages = null;
    ui.toast.hidden = true;
    // No Undo now: the images no article holds any more go.
    if (released) void page.images().then((db) => db && sweepImages(db, Date.now()).catch(() => 0));
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
    let images: ReleasedImages | null = null;
    const releasedAt = Date.now();
    try {
      const db = await page.images();
      if (db) images = await releaseImages(db, [...gone], releasedAt);
    } catch {
      images = null;
    }
    // The count follows once the search worker has them out of the current view.
    search.changed([], [...gone]);
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
    // The previous delete can no longer be undone: what it released goes (not what this one did).
    if (undoImages) void page.images().then((db) => db && sweepImages(db, releasedAt - 1).catch(() => 0));
    undoRecords = deleted;
    undoNotes = notes;
    undoImages = images;
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
    const images = undoImages;
    undoImages = null; // not swept by closing the toast: they are held again below
    closeToast();
    if (!records) return;
    const restored = await restoreArticles(library, records);
    if (!restored.ok) {
      page.alert(`Could not undo: ${restored.error.message}`);
      return;
    }
    if (notes.length) await (await page.annotations()).merge(notes);
    const db = images ? await page.images() : null;
    if (db && images) await restoreImages(db, images).catch(() => undefined);
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
