/**
 * The library page: every saved article, newest first, with search as you type, a site filter,
 * opening in the reader, delete with Undo, selection, exports and import. This file puts the
 * features together; each lives in its own module over one state object (page.ts):
 *
 * - listing.ts: the rows, a screen at a time, the count, the empty list;
 * - search-index.ts: search, in a Worker (search.worker.ts, search-service.ts), and other
 *   pages' changes;
 * - selection.ts, deleting.ts (with Undo), row-actions.ts, transfer.ts (backup, .zip, import);
 * - fetching.ts: fetching the pages of links to read (the queue runs in the background).
 * - images.ts: each article's images not kept offline, and fetching them.
 *
 * First screen fast: the first 20 rows come from one short cursor walk on the store's summaries
 * (`list`), and only then, after the browser has painted them, does the page start its search
 * worker, which reads every article's search words and summary itself and builds the
 * `SearchIndex` off the page's thread (at 50,000 articles that is some 250 MB of words, which
 * never cross to the page). Rows are added 50 at a time as the reader scrolls ("Show more"),
 * never 50,000 at once, and rows below the window are neither laid out nor painted
 * (`content-visibility`). A keystroke is one small message to the worker and back (the first
 * rows and the count), and rows already on screen stay where they are, so it costs a few
 * milliseconds before the paint.
 *
 * Other pages change the library too (the popup saves through the background): their changes
 * arrive on the library channel (src/library/changes.ts) and update the index and the list.
 *
 * Safety: everything shown is data from web pages or an imported file; rows are built with
 * `textContent` only (rows.ts), and an article's HTML is only ever shown by the reader page,
 * through the sanitizer.
 */
import { type AnnotationStore, openAnnotations } from "../library/annotations.ts";
import { type ImageDb, openImages } from "../library/image-store.ts";
import { type LibraryStore, openLibrary } from "../library/store.ts";
import { browser } from "../platform/extension.ts";
import { READER_PAGE, savedReaderQuery } from "../platform/pages.ts";
import { afterPaint } from "../ui/paint.ts";
import { applySettings, cachedSettings, loadSettings, watchSettings } from "../ui/settings.ts";
import { deleting } from "./deleting.ts";
import { type Fetching, fetching } from "./fetching.ts";
import { listing } from "./listing.ts";
import { messages } from "./messages.ts";
import { type LibraryPage, pageElements, showFatal } from "./page.ts";
import { organising } from "./organising.ts";
import { rowActions } from "./row-actions.ts";
import { searchIndex } from "./search-index.ts";
import { selection } from "./selection.ts";
import { browseSource, SummaryCache } from "./sources.ts";
import { transfer } from "./transfer.ts";

/** Performance mark (read by `npm run bench:library`): the first rows painted. */
const FIRST_ROWS_MARK = "library-first-rows";

const doc = document;
const root = doc.documentElement;

applySettings(root, cachedSettings());
void loadSettings(browser.storage).then((s) => applySettings(root, s));
watchSettings(browser.storage, (s) => applySettings(root, s));

const ui = pageElements(doc);
const readerBase = browser.runtime.getURL(READER_PAGE);

const { alert, info } = messages(doc, ui);

const opened = await openLibrary(indexedDB, {
  onClosed: () =>
    alert("The library was closed by the browser or updated by Folio in another tab. Reload this page."),
  onBlocked: () => info("Waiting for other Folio pages to close their library…"),
});
if (!opened.ok) {
  showFatal(doc, ui.main, "Your library could not be opened", opened.error.message);
} else {
  start(opened.library);
}

function start(library: LibraryStore): void {
  let annotations: Promise<AnnotationStore> | undefined;
  let images: Promise<ImageDb | null> | undefined;
  const page: LibraryPage = {
    doc,
    win: window,
    root,
    ui,
    locale: navigator.language || undefined,
    library,
    cache: new SummaryCache(library),
    state: {
      selected: new Set(),
      index: null,
      total: null,
      source: browseSource(library),
      results: null,
      rendered: 0,
      run: 0,
    },
    readerUrl: (url) => `${readerBase}${savedReaderQuery(url)}`,
    annotations: () => {
      annotations ??= openAnnotations(indexedDB);
      return annotations;
    },
    images: () => {
      images ??= openImages(indexedDB).catch(() => null);
      return images;
    },
    alert,
    info,
    filtered: () =>
      ui.query.value.trim() !== "" ||
      ui.site.value !== "" ||
      ui.tag.value !== "" ||
      ui.readState.value !== "",
    sorted: () => ui.sort.value !== "saved",
  };

  const list = listing(page);
  // The selection bar is told of changes made elsewhere (a deleted article leaves it), and the
  // Fetch button of how many links to read the search worker counted.
  let selectionChanged = () => {};
  let fetches: Fetching | null = null;
  const search = searchIndex(page, list, {
    outsideChange: () => selectionChanged(),
    facets: (facets) => fetches?.linksCounted(facets.links),
    failed: () => void fetches?.countLinks(),
  });
  const removing = deleting(page, list, search, () => selectionChanged());
  const moving = transfer(page, list, search);
  const selecting = selection(page, { remove: removing.remove, exportUrls: moving.exportUrls });
  selectionChanged = selecting.update;
  rowActions(page, removing.remove);
  organising(page, list, search);
  fetches = fetching(page);

  // First screen: the newest rows, painted; then the count, the search index and the sites.
  void (async () => {
    await list.show();
    await afterPaint(window);
    performance.mark(FIRST_ROWS_MARK);
    ui.query.focus();
    await list.refreshTotal();
    // The image notes meanwhile (their code loaded now, not before the first rows): a small
    // read, not in search's way.
    void import("./images.ts").then(({ imageNotes }) => imageNotes(page).load());
    await search.build();
  })();
}
