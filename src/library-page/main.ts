/**
 * The library page: every saved article, newest first, with search as you type, a site filter,
 * opening in the reader, delete with Undo, selection, exports and import. This file paints the
 * first rows; features.ts then puts the features together, each in its own module over one
 * state object (page.ts):
 *
 * - listing.ts: the rows, a screen at a time, the count, the empty list;
 * - search-index.ts: search, in a Worker (search.worker.ts, search-service.ts), and other
 *   pages' changes;
 * - selection.ts, deleting.ts (with Undo), row-actions.ts, transfer.ts (backup, .zip, import);
 * - fetching.ts: fetching the pages of links to read (the queue runs in the background).
 * - images.ts: each article's images not kept offline, and fetching them.
 * - organising.ts and tag-rename.ts: tags, state and favourite; a tag renamed everywhere.
 * - thumbnails.ts (the kept copy of each row's image, loaded as rows come near the window) and
 *   reading-progress.ts (how far each article was read), both on rows as listing.ts shows them.
 *
 * First screen fast: the page loads only what draws the list (the features' code, the extension
 * API and the stored settings' sync come after: fewer files to fetch before the first rows, each
 * of which costs the page's thread its request), the first 20 rows come from one short cursor
 * walk on the store's summaries (`list`), and only then, after the browser has painted them, does
 * the page wire the rest and start its search worker, which reads every article's search words and summary itself and builds the
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
import type { AnnotationStore } from "../library/annotations.ts";
import type { ImageDb } from "../library/image-store.ts";
import { type LibraryStore, openLibrary } from "../library/store.ts";
import { READER_PAGE, savedReaderQuery } from "../platform/pages.ts";
import { afterPaint } from "../ui/paint.ts";
import { applySettings, cachedSettings } from "../ui/settings.ts";
import { listing } from "./listing.ts";
import { messages } from "./messages.ts";
import { type LibraryPage, pageElements, showFatal } from "./page.ts";
import { browseSource, SummaryCache } from "./sources.ts";
import { shortDate } from "./text.ts";

/** Performance mark (read by `npm run bench:library`): the first rows painted. */
const FIRST_ROWS_MARK = "library-first-rows";

const doc = document;
const root = doc.documentElement;

// The settings as this page last saw them (the stored ones are read after the first rows).
applySettings(root, cachedSettings());

const ui = pageElements(doc);
// What `runtime.getURL` answers for the reader, without the extension API before the first rows.
const readerBase = new URL(`/${READER_PAGE}`, location.href).href;

const { alert, info } = messages(doc, ui);

const opening = openLibrary(indexedDB, {
  onClosed: () =>
    alert("The library was closed by the browser or updated by Folio in another tab. Reload this page."),
  onBlocked: () => info("Waiting for other Folio pages to close their library…"),
});
// While the database opens: the rows' date format, whose first making costs some milliseconds
// (the locale's data), made now rather than in the first rows' way.
shortDate(Date.now(), navigator.language || undefined);
const opened = await opening;
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
      annotations ??= import("../library/annotations.ts").then((m) => m.openAnnotations(indexedDB));
      return annotations;
    },
    images: () => {
      images ??= import("../library/image-store.ts").then((m) => m.openImages(indexedDB)).catch(() => null);
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
  // First screen: the newest rows, painted; then the features, the count, the search index.
  void (async () => {
    await list.show();
    await afterPaint(window);
    performance.mark(FIRST_ROWS_MARK);
    ui.query.focus();
    const { wire } = await import("./features.ts");
    await wire(page, list);
  })();
}
