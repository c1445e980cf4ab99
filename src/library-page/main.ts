/**
 * The library page: every saved article, newest first, with search as you type, a site filter,
 * opening in the reader, delete with Undo, selection, exports and import.
 *
 * First screen fast: the first 20 rows come from one short cursor walk on the store's summaries
 * (`list`), and only then, after the browser has painted them, does the page read every
 * article's search words and summary and build the in-memory `SearchIndex`, in slices that keep
 * the page responsive. Rows are added 50 at a time as the reader scrolls ("Show more"), never
 * 10,000 at once, and rows below the window are neither laid out nor painted
 * (`content-visibility`). A search runs on the index and shows summaries already in memory, and
 * rows already built are reused, so a keystroke costs a few milliseconds before the paint.
 *
 * Other pages change the library too (the popup saves through the background): their changes
 * arrive on the library channel (src/library/changes.ts) and update the index and the list.
 *
 * Safety: everything shown is data from web pages or an imported file; rows are built with
 * `textContent` only (rows.ts), and an article's HTML is only ever shown by the reader page,
 * through the sanitizer.
 */
import { browser } from "../platform/extension.ts";
import { announceChange, type LibraryChange, libraryChange, watchChanges } from "../library/changes.ts";
import type { ArticleSummary } from "../library/summary.ts";
import type { SavedArticle } from "../library/schema.ts";
import { type SearchEntry, SearchIndex } from "../library/search.ts";
import { type LibraryStore, openLibrary } from "../library/store.ts";
import { READER_PAGE, savedReaderQuery } from "../platform/pages.ts";
import { afterPaint } from "../ui/paint.ts";
import { applySettings, cachedSettings, loadSettings, watchSettings } from "../ui/settings.ts";
import { downloadBlob, downloadText } from "./download.ts";
import { type RowAction, renderRow } from "./rows.ts";
import { browseSource, type Source, SummaryCache, urlSource } from "./sources.ts";
import { articlesText, countText, deletedText, importText, selectedText } from "./text.ts";

/** Rows on the first screen of a list or a search (a tall window shows about ten). */
const FIRST_ROWS = 20;
/** Rows added at a time as the reader scrolls. */
const PAGE = 50;
/** Row elements kept for reuse (typing a longer word mostly shows the same rows again). */
const ROW_CACHE = 600;
/** Search entries indexed per slice while the index is built (the page stays responsive). */
const INDEX_SLICE = 250;
/** How long Undo is offered after a delete. */
const UNDO_MS = 8_000;
/** Performance marks (read by `npm run bench:library`): the first rows painted, each search's
 * results painted, the search index ready. */
const FIRST_ROWS_MARK = "library-first-rows";
const RESULTS_MARK = "library-results";
const INDEX_MARK = "library-index-ready";

const doc = document;
const root = doc.documentElement;
const locale = navigator.language || undefined;

applySettings(root, cachedSettings());
void loadSettings(browser.storage).then((s) => applySettings(root, s));
watchSettings(browser.storage, (s) => applySettings(root, s));

function byId<T extends HTMLElement>(id: string): T {
  const node = doc.getElementById(id);
  if (!node) throw new Error(`#${id} missing from the page`);
  return node as T;
}

const ui = {
  main: byId("lib-main"),
  list: byId<HTMLOListElement>("lib-list"),
  empty: byId("lib-empty"),
  more: byId<HTMLButtonElement>("lib-more"),
  count: byId("lib-count"),
  query: byId<HTMLInputElement>("lib-query"),
  site: byId<HTMLSelectElement>("lib-site"),
  alert: byId("lib-alert"),
  info: byId("lib-info"),
  exportJson: byId<HTMLButtonElement>("lib-export-json"),
  exportZip: byId<HTMLButtonElement>("lib-export-zip"),
  importButton: byId<HTMLButtonElement>("lib-import-button"),
  importInput: byId<HTMLInputElement>("lib-import"),
  selection: byId("lib-selection"),
  selectedCount: byId("lib-selected-count"),
  selectAll: byId<HTMLButtonElement>("lib-select-all"),
  exportSelected: byId<HTMLButtonElement>("lib-export-selected"),
  deleteSelected: byId<HTMLButtonElement>("lib-delete-selected"),
  clearSelection: byId<HTMLButtonElement>("lib-clear-selection"),
  toast: byId("lib-toast"),
  toastText: byId("lib-toast-text"),
  undo: byId<HTMLButtonElement>("lib-undo"),
  toastClose: byId<HTMLButtonElement>("lib-toast-close"),
};

/** A failure the reader must read (role=alert); null clears it. */
function alertText(text: string | null): void {
  ui.alert.textContent = text ?? "";
}

/** A result worth keeping on screen (role=status); null clears it. */
function infoText(text: string | null): void {
  ui.info.textContent = text ?? "";
}

function fatal(title: string, message: string): void {
  root.dataset.state = "error";
  ui.main.setAttribute("aria-busy", "false");
  const box = doc.createElement("div");
  box.className = "folio-state folio-error";
  box.setAttribute("role", "alert");
  const h = doc.createElement("h2");
  h.className = "folio-state-title";
  h.textContent = title;
  const p = doc.createElement("p");
  p.textContent = message;
  box.append(h, p);
  ui.main.replaceChildren(box);
}

const readerBase = browser.runtime.getURL(READER_PAGE);
const readerUrl = (url: string) => `${readerBase}${savedReaderQuery(url)}`;

const opened = await openLibrary(indexedDB, {
  onClosed: () =>
    alertText("The library was closed by the browser or updated by Folio in another tab. Reload this page."),
  onBlocked: () => infoText("Waiting for other Folio pages to close their library…"),
});
if (!opened.ok) {
  fatal("Your library could not be opened", opened.error.message);
} else {
  start(opened.library);
}

function start(library: LibraryStore): void {
  const cache = new SummaryCache(library);
  const selected = new Set<string>();
  let index: SearchIndex | null = null;
  /** Changes announced while the index was being built, applied once it is. */
  let queued: LibraryChange[] | null = null;
  let total: number | null = null;
  let source: Source = browseSource(library);
  /** The URLs of the current view, newest first, once the index is built (else null). */
  let results: string[] | null = null;
  let rendered = 0;
  let run = 0;
  let loadingMore = false;

  const filtered = () => ui.query.value.trim() !== "" || ui.site.value !== "";

  const updateCount = () => {
    ui.count.textContent = countText(
      { filtered: filtered(), matches: filtered() ? (results?.length ?? null) : null, total },
      locale,
    );
  };

  const updateSelection = () => {
    ui.selection.hidden = selected.size === 0;
    ui.selectedCount.textContent = selectedText(selected.size, locale);
  };

  const rows = new Map<string, { updatedAt: number; row: HTMLLIElement }>();
  const rowFor = (summary: ArticleSummary): HTMLLIElement => {
    const kept = rows.get(summary.url);
    if (kept && kept.updatedAt === summary.updatedAt) {
      const box = kept.row.querySelector<HTMLInputElement>(".lib-check");
      if (box) box.checked = selected.has(summary.url);
      return kept.row;
    }
    const row = renderRow(doc, summary, { locale, selected: selected.has(summary.url), readerUrl });
    rows.delete(summary.url);
    rows.set(summary.url, { updatedAt: summary.updatedAt, row });
    if (rows.size > ROW_CACHE) rows.delete(rows.keys().next().value!);
    return row;
  };

  const showEmpty = () => {
    const empty = rendered === 0;
    ui.empty.hidden = !empty;
    if (!empty) return;
    ui.empty.replaceChildren();
    const title = doc.createElement("h2");
    title.className = "folio-state-title";
    const text = doc.createElement("p");
    if (filtered()) {
      const q = ui.query.value.trim();
      title.textContent = q ? `Nothing in your library matches “${q}”` : "No articles from this site";
      text.textContent = "Try other words, or another site.";
    } else {
      title.textContent = "Your library is empty";
      text.textContent =
        "Save an article with the Save button in Folio's popup or reader, or right-click a page and choose Save to Folio. Or import a backup.";
    }
    ui.empty.append(title, text);
  };

  /** Replaces the list with the first `keep` (at least a page of) rows of the current view. */
  const show = async (keep = 0): Promise<void> => {
    const mine = ++run;
    const isFiltered = filtered();
    if (isFiltered && !index) {
      // The index is still being built: the search runs when it is ready.
      ui.count.textContent =
        root.dataset.search === "failed" ? "Search is not available" : "Preparing search…";
      return;
    }
    const q = ui.query.value;
    const site = ui.site.value || null;
    let next: Source;
    if (index) {
      // The index knows the whole list too, in the same order, and the summaries are in memory.
      results = index.search(q, { site });
      next = urlSource(cache, results);
    } else {
      results = null;
      next = browseSource(library);
    }
    const page = await next.next(Math.max(FIRST_ROWS, keep));
    if (mine !== run) return;
    if (!page.ok) {
      alertText(page.error.message);
      return;
    }
    cache.remember(page.items);
    source = next;
    const fragment = doc.createDocumentFragment();
    for (const item of page.items) fragment.append(rowFor(item));
    ui.list.replaceChildren(fragment);
    rendered = page.items.length;
    ui.more.hidden = next.done;
    root.dataset.state = rendered || isFiltered ? "ready" : "empty";
    ui.main.setAttribute("aria-busy", "false");
    showEmpty();
    updateCount();
    if (isFiltered) {
      const detail = { query: q, site, matches: results?.length ?? 0 };
      void afterPaint(window).then(() => {
        if (mine === run) performance.mark(RESULTS_MARK, { detail });
      });
    }
  };

  const loadMore = async () => {
    if (loadingMore || source.done) return;
    loadingMore = true;
    const mine = run;
    const from = source;
    const page = await from.next(PAGE);
    loadingMore = false;
    if (mine !== run || from !== source) return;
    if (!page.ok) {
      alertText(page.error.message);
      return;
    }
    cache.remember(page.items);
    const fragment = doc.createDocumentFragment();
    for (const item of page.items) fragment.append(rowFor(item));
    ui.list.append(fragment);
    rendered += page.items.length;
    ui.more.hidden = from.done;
  };

  const refreshTotal = async () => {
    const counted = await library.count();
    if (counted.ok) total = counted.count;
    updateCount();
  };

  const fillSites = () => {
    if (!index) return;
    const current = ui.site.value;
    const options = [new Option("All sites", "")];
    for (const { site, count } of index.sites()) {
      options.push(new Option(`${site} (${count.toLocaleString(locale)})`, site));
    }
    ui.site.replaceChildren(...options);
    ui.site.value = options.some((o) => o.value === current) ? current : "";
  };

  const applyToIndex = (change: LibraryChange) => {
    if (!index) return;
    for (const url of change.deleted) index.remove(url);
    index.addAll(change.saved);
  };

  let builds = 0;
  const buildIndex = async () => {
    const mine = ++builds;
    index = null;
    queued = [];
    root.dataset.search = "building";
    // Every summary too (a few MB for 10,000): then a search's rows need no database read.
    const [read, summaries] = await Promise.all([library.searchEntries(), library.allSummaries()]);
    if (mine !== builds) return;
    if (!read.ok) {
      queued = null;
      root.dataset.search = "failed";
      alertText(`Search is not available: ${read.error.message}`);
      return;
    }
    if (summaries.ok) cache.remember(summaries.items);
    // What changed while they were read may be older in what was read: read it again when shown.
    for (const change of queued) forget(change);
    const next = new SearchIndex();
    const entries = read.entries;
    for (let i = 0; i < entries.length; i += INDEX_SLICE) {
      next.addAll(entries.slice(i, i + INDEX_SLICE));
      if (i + INDEX_SLICE < entries.length) await new Promise((r) => setTimeout(r, 0));
      if (mine !== builds) return;
    }
    index = next;
    for (const change of queued) applyToIndex(change);
    queued = null;
    index.prepare();
    root.dataset.search = "ready";
    if (!performance.getEntriesByName(INDEX_MARK).length) performance.mark(INDEX_MARK);
    fillSites();
    if (filtered()) await show(rendered);
  };

  const forget = (change: LibraryChange) => {
    cache.forget(change.deleted);
    cache.forget(change.saved.map((e) => e.url));
  };

  /** Brings the index and the caches up to date with a change, this page's or another's. */
  const applyChange = (change: LibraryChange) => {
    forget(change);
    for (const url of change.deleted) selected.delete(url);
    if (change.reload) {
      cache.clear();
      void buildIndex();
    } else if (queued) {
      queued.push(change);
    } else if (index) {
      applyToIndex(change);
      index.prepare();
      fillSites();
    }
  };

  /** A change made here: applied, and announced to the other pages. */
  const changed = (saved: SearchEntry[], deleted: string[] = []) => {
    applyChange({ type: "library-changed", saved, deleted, reload: false });
    announceChange(libraryChange(saved, deleted));
  };

  // Another page saved, deleted or imported.
  watchChanges((change) => {
    applyChange(change);
    updateSelection();
    void refreshTotal();
    void show(rendered);
  });

  // Search as you type; the site filter.
  ui.query.addEventListener("input", () => void show());
  ui.site.addEventListener("change", () => void show());

  // More rows: when "Show more" scrolls into view, or when it is pressed.
  ui.more.addEventListener("click", () => void loadMore());
  new IntersectionObserver(
    (entries) => {
      if (entries.some((e) => e.isIntersecting)) void loadMore();
    },
    { rootMargin: "600px" },
  ).observe(ui.more);

  // Row checkboxes and buttons, handled once on the list.
  ui.list.addEventListener("change", (event) => {
    const box = event.target as HTMLInputElement;
    if (!box.classList.contains("lib-check")) return;
    const url = box.closest<HTMLElement>(".lib-row")?.dataset.url;
    if (!url) return;
    if (box.checked) selected.add(url);
    else selected.delete(url);
    updateSelection();
  });
  ui.list.addEventListener("click", (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>("button[data-action]");
    const url = button?.closest<HTMLElement>(".lib-row")?.dataset.url;
    if (!button || !url) return;
    void rowAction(button.dataset.action as RowAction, url, button);
  });

  const busy = async (button: HTMLButtonElement, work: () => Promise<void>) => {
    if (button.disabled) return;
    button.disabled = true;
    alertText(null);
    try {
      await work();
    } catch (error) {
      alertText(`Something went wrong: ${String(error)}`);
    } finally {
      button.disabled = false;
    }
  };

  const getArticle = async (url: string): Promise<SavedArticle | null> => {
    const read = await library.get(url);
    if (!read.ok) {
      alertText(read.error.message);
      return null;
    }
    if (!read.article) alertText("This article is no longer in your library.");
    return read.article;
  };

  const rowAction = async (action: RowAction, url: string, button: HTMLButtonElement) => {
    if (action === "delete") {
      await busy(button, () => remove([url]));
      return;
    }
    await busy(button, async () => {
      const article = await getArticle(url);
      if (!article) return;
      if (action === "markdown") {
        const { markdownFile } = await import("../library/export/markdown.ts");
        const file = markdownFile(article);
        downloadText(doc, file.text, file.name, "text/markdown;charset=utf-8");
      } else {
        const { htmlFile } = await import("../library/export/html.ts");
        const file = htmlFile(article, window, { locale });
        downloadText(doc, file.text, file.name, "text/html;charset=utf-8");
      }
    });
  };

  // Delete, with Undo for a few seconds.
  let undoTimer = 0;
  let undoRecords: SavedArticle[] | null = null;
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
    undoTimer = window.setTimeout(() => {
      toastExpired = true;
      // Never withdrawn under the reader's pointer or focus (WCAG 2.2.1): it waits for them.
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
      alertText(result.error.message);
      return;
    }
    const deleted = result.deleted;
    if (deleted.length === 0) return;
    const gone = new Set(deleted.map((d) => d.url));
    changed([], [...gone]);
    if (results) results = results.filter((url) => !gone.has(url));
    // Take the rows out where they are: the list keeps its place.
    for (const row of [...ui.list.children] as HTMLElement[]) {
      if (!gone.has(row.dataset.url ?? "")) continue;
      row.remove();
      rendered--;
    }
    if (total !== null) total = Math.max(0, total - deleted.length);
    if (rendered === 0 && !source.done) await loadMore();
    if (!filtered() && rendered === 0) root.dataset.state = "empty";
    showEmpty();
    updateCount();
    updateSelection();
    undoRecords = deleted;
    ui.toastText.textContent = deletedText(
      deleted.map((d) => d.title),
      locale,
    );
    ui.toast.hidden = false;
    armToast();
    // Focus goes to Undo (its description is the toast's text), so the keyboard can reach it.
    ui.undo.focus();
  };

  ui.undo.addEventListener("click", async () => {
    const records = undoRecords;
    closeToast();
    if (!records) return;
    const restored = await library.restore(records);
    if (!restored.ok) {
      alertText(`Could not undo: ${restored.error.message}`);
      return;
    }
    changed(restored.report.changed);
    await refreshTotal();
    await show(rendered + records.length);
    infoText(`Restored ${articlesText(restored.report.added + restored.report.updated, locale)}.`);
    const first = ui.list.querySelector<HTMLElement>(`.lib-row .lib-open`);
    (
      [...ui.list.querySelectorAll<HTMLElement>(".lib-row")]
        .find((row) => row.dataset.url === records[0]?.url)
        ?.querySelector<HTMLElement>(".lib-open") ?? first
    )?.focus();
  });

  // Selection.
  ui.clearSelection.addEventListener("click", () => {
    selected.clear();
    for (const box of ui.list.querySelectorAll<HTMLInputElement>(".lib-check")) box.checked = false;
    updateSelection();
    ui.query.focus();
  });
  ui.selectAll.addEventListener("click", () => {
    // Every article of the current view once the index knows it, else the rows on screen.
    if (results) for (const url of results) selected.add(url);
    for (const box of ui.list.querySelectorAll<HTMLInputElement>(".lib-check")) {
      box.checked = true;
      const url = box.closest<HTMLElement>(".lib-row")?.dataset.url;
      if (url) selected.add(url);
    }
    updateSelection();
  });
  ui.deleteSelected.addEventListener(
    "click",
    () => void busy(ui.deleteSelected, () => remove([...selected])),
  );
  ui.exportSelected.addEventListener("click", () =>
    busy(ui.exportSelected, async () => {
      const urls = [...selected];
      infoText(`Preparing ${articlesText(urls.length, locale)}…`);
      const read = await Promise.all(urls.map((url) => library.get(url)));
      const articles: SavedArticle[] = [];
      for (const r of read) {
        if (!r.ok) {
          alertText(r.error.message);
          return;
        }
        if (r.article) articles.push(r.article);
      }
      articles.sort((a, b) => b.savedAt - a.savedAt);
      await zipDownload(articles, "-selection");
    }),
  );

  // Exports of the whole library, and import.
  const zipDownload = async (articles: SavedArticle[], suffix = "") => {
    const { markdownZip, zipFileName } = await import("../library/export/zip.ts");
    const { bytes } = markdownZip(articles);
    downloadBlob(
      doc,
      new Blob([bytes as BlobPart], { type: "application/zip" }),
      zipFileName().replace(/\.zip$/, `${suffix}.zip`),
    );
    infoText(`Exported ${articlesText(articles.length, locale)} as Markdown files in one .zip.`);
  };
  const readAll = async (): Promise<SavedArticle[] | null> => {
    const all = await library.all();
    if (!all.ok) {
      alertText(all.error.message);
      return null;
    }
    return all.articles;
  };
  ui.exportJson.addEventListener("click", () =>
    busy(ui.exportJson, async () => {
      infoText("Preparing the backup…");
      const articles = await readAll();
      if (!articles) return;
      const { backupFileName, backupPieces } = await import("../library/export/backup.ts");
      downloadText(doc, backupPieces(articles), backupFileName(), "application/json");
      infoText(`Backed up ${articlesText(articles.length, locale)}.`);
    }),
  );
  ui.exportZip.addEventListener("click", () =>
    busy(ui.exportZip, async () => {
      infoText("Preparing the Markdown files…");
      const articles = await readAll();
      if (articles) await zipDownload(articles);
    }),
  );
  ui.importButton.addEventListener("click", () => ui.importInput.click());
  ui.importInput.addEventListener("change", () =>
    busy(ui.importButton, async () => {
      const file = ui.importInput.files?.[0];
      ui.importInput.value = "";
      if (!file) return;
      infoText(null);
      const { checkBackupSize } = await import("../library/export/backup.ts");
      const tooLarge = checkBackupSize(file.size);
      if (tooLarge) {
        alertText(`Nothing was imported. ${tooLarge}`);
        return;
      }
      infoText(`Reading ${file.name}…`);
      const result = await library.importBackup(await file.text());
      if (!result.ok) {
        infoText(null);
        alertText(`Nothing was imported. ${result.error.message}`);
        return;
      }
      const { report } = result;
      changed(report.changed);
      await refreshTotal();
      await show(rendered);
      infoText(importText(report, locale));
    }),
  );

  // First screen: the newest rows, painted; then the count, the search index and the sites.
  void (async () => {
    await show();
    await afterPaint(window);
    performance.mark(FIRST_ROWS_MARK);
    ui.query.focus();
    await refreshTotal();
    await buildIndex();
  })();
}
