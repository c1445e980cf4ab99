/**
 * What every feature of the library page shares: its elements, the open library, the one
 * state object the features read and change, and the two lines that tell the reader what
 * happened. The features (listing.ts, search-index.ts, selection.ts, deleting.ts,
 * transfer.ts, row-actions.ts, fetching.ts) each take this and wire their own part; main.ts puts them
 * together.
 */
import type { AnnotationStore } from "../library/annotations.ts";
import type { ImageDb } from "../library/image-store.ts";
import type { LibraryStore } from "../library/store.ts";
import type { SearchClient } from "./search-client.ts";
import type { ResultsRef } from "./search-protocol.ts";
import type { Source, SummaryCache } from "./sources.ts";

function byId<T extends HTMLElement>(doc: Document, id: string): T {
  const node = doc.getElementById(id);
  if (!node) throw new Error(`#${id} missing from the page`);
  return node as T;
}

/** The page's elements, by role. */
export function pageElements(doc: Document) {
  const el = <T extends HTMLElement = HTMLElement>(id: string) => byId<T>(doc, id);
  return {
    main: el("lib-main"),
    list: el<HTMLOListElement>("lib-list"),
    empty: el("lib-empty"),
    more: el<HTMLButtonElement>("lib-more"),
    count: el("lib-count"),
    query: el<HTMLInputElement>("lib-query"),
    site: el<HTMLSelectElement>("lib-site"),
    tag: el<HTMLSelectElement>("lib-tag"),
    tagRename: el<HTMLButtonElement>("lib-tag-rename"),
    readState: el<HTMLSelectElement>("lib-state"),
    sort: el<HTMLSelectElement>("lib-sort"),
    alert: el("lib-alert"),
    alertBox: el("lib-alert-box"),
    alertClose: el<HTMLButtonElement>("lib-alert-close"),
    info: el("lib-info"),
    infoBox: el("lib-info-box"),
    infoClose: el<HTMLButtonElement>("lib-info-close"),
    report: el<HTMLDetailsElement>("lib-report"),
    reportSummary: el("lib-report-summary"),
    reportList: el<HTMLUListElement>("lib-report-list"),
    exportJson: el<HTMLButtonElement>("lib-export-json"),
    backupImages: el<HTMLInputElement>("lib-backup-images"),
    exportZip: el<HTMLButtonElement>("lib-export-zip"),
    importButton: el<HTMLButtonElement>("lib-import-button"),
    importInput: el<HTMLInputElement>("lib-import"),
    selection: el("lib-selection"),
    selectedCount: el("lib-selected-count"),
    selectAll: el<HTMLButtonElement>("lib-select-all"),
    exportSelected: el<HTMLButtonElement>("lib-export-selected"),
    deleteSelected: el<HTMLButtonElement>("lib-delete-selected"),
    clearSelection: el<HTMLButtonElement>("lib-clear-selection"),
    toast: el("lib-toast"),
    toastText: el("lib-toast-text"),
    undo: el<HTMLButtonElement>("lib-undo"),
    toastClose: el<HTMLButtonElement>("lib-toast-close"),
    fetch: el<HTMLButtonElement>("lib-fetch"),
    fetchBox: el("lib-fetch-box"),
    fetchText: el("lib-fetch-text"),
    fetchProgress: el<HTMLProgressElement>("lib-fetch-progress"),
    fetchReport: el<HTMLDetailsElement>("lib-fetch-report"),
    fetchSummary: el("lib-fetch-summary"),
    fetchList: el<HTMLUListElement>("lib-fetch-list"),
    fetchCancel: el<HTMLButtonElement>("lib-fetch-cancel"),
    fetchClose: el<HTMLButtonElement>("lib-fetch-close"),
  };
}

export type PageElements = ReturnType<typeof pageElements>;

/** What the features change as the reader works: one object, no module-level variables. */
export interface PageState {
  /** The URLs the reader ticked. */
  selected: Set<string>;
  /**
   * The search worker, once its index is built (null while it is being built, or when it
   * failed): search-index.ts.
   */
  index: SearchClient | null;
  /** Articles in the library, once counted. */
  total: number | null;
  /** Where the list's next rows come from. */
  source: Source;
  /** The current view's rows in the worker (their id and count), once the index is built. */
  results: ResultsRef | null;
  /** Rows in the list. */
  rendered: number;
  /** The latest showing of the list: an older one that finishes late paints nothing. */
  run: number;
}

export interface LibraryPage {
  doc: Document;
  win: Window;
  root: HTMLElement;
  ui: PageElements;
  locale: string | undefined;
  library: LibraryStore;
  cache: SummaryCache;
  state: PageState;
  /** The reader page's address for a saved article. */
  readerUrl(url: string): string;
  /** The highlights and notes (their own database), opened on first use. */
  annotations(): Promise<AnnotationStore>;
  /** The images kept offline (their own database), opened on first use; null when it cannot be. */
  images(): Promise<ImageDb | null>;
  /** A failure the reader must read (role=alert); null clears it. */
  alert(text: string | null): void;
  /**
   * A result worth keeping on screen (role=status) until the reader dismisses it, with details
   * (a list under a summary line) when given; null clears it.
   */
  info(text: string | null, details?: { summary: string; lines: string[] }): void;
  /** Whether a search or a filter (site, tag, state) narrows the list. */
  filtered(): boolean;
  /** Whether the list is in another order than newest saved first. */
  sorted(): boolean;
}

/** Runs `work` with `button` disabled; an error it throws is shown, not lost. */
export async function busy(page: LibraryPage, button: HTMLButtonElement, work: () => Promise<void>) {
  if (button.disabled) return;
  button.disabled = true;
  page.alert(null);
  try {
    await work();
  } catch (error) {
    page.alert(`Something went wrong: ${String(error)}`);
  } finally {
    button.disabled = false;
  }
}

/** The whole page replaced by an error: the library could not be opened. */
export function showFatal(doc: Document, main: HTMLElement, title: string, message: string): void {
  doc.documentElement.dataset.state = "error";
  main.setAttribute("aria-busy", "false");
  const box = doc.createElement("div");
  box.className = "folio-state folio-error";
  box.setAttribute("role", "alert");
  const h = doc.createElement("h2");
  h.className = "folio-state-title";
  h.textContent = title;
  const p = doc.createElement("p");
  p.textContent = message;
  box.append(h, p);
  main.replaceChildren(box);
}
