/**
 * The library page's search, and keeping it true as the library changes.
 *
 * The index lives in a Worker (search.worker.ts, its work in search-service.ts), started after
 * the first rows are painted: it reads every article's search words and summary from the
 * library itself, a batch at a time, builds the index and keeps the summaries, so none of that
 * crosses to the page and the page's thread stays free while it is built. The page then asks it
 * for the rows it shows (listing.ts). Changes (this page's, or another page's on the library
 * channel, src/library/changes.ts) go to the worker in the order they happen, before any query
 * sent after them; it answers with the site and tag filters' entries, which the page shows. A
 * change too large to carry makes the worker read the library again.
 */
import { announceChange, type LibraryChange, libraryChange, watchChanges } from "../library/changes.ts";
import type { SearchEntry } from "../library/search-terms.ts";
import type { Listing } from "./listing.ts";
import type { LibraryPage } from "./page.ts";
import { SearchClient } from "./search-client.ts";
import type { BuildReply, Facets } from "./search-protocol.ts";
import { showTags } from "./views.ts";

/** More entries than this in one change of this page's make the worker read the library again. */
const MAX_SENT_ENTRIES = 2_000;
/** Performance mark (read by `npm run bench:library`): the search index ready. */
export const INDEX_MARK = "library-index-ready";
/** Performance mark (read by `npm run bench:library`): the first build of the index started. */
export const BUILD_MARK = "library-index-build";

export interface Search {
  /** Has the worker read the whole library and build the index (again). */
  build(): Promise<void>;
  /** A change made on this page: applied here, and announced to the other pages. */
  changed(saved: SearchEntry[], deleted?: string[]): void;
}

/** The worker, bundled by Vite as a module worker of the extension's own origin. */
function startWorker(): SearchClient {
  const worker = new Worker(new URL("./search.worker.ts", import.meta.url), {
    type: "module",
    name: "folio-search",
  });
  return new SearchClient(worker as unknown as ConstructorParameters<typeof SearchClient>[0]);
}

export interface SearchHooks {
  /** Another page changed the library (after the list was told). */
  outsideChange(): void;
  /** The worker's counts, after each build and change. */
  facets?(facets: Facets): void;
  /** The worker could not be started or could not read the library. */
  failed?(): void;
}

export function searchIndex(
  page: LibraryPage,
  list: Listing,
  hooks: SearchHooks,
  start: () => SearchClient = startWorker,
): Search {
  const { ui, state, cache, locale, root } = page;
  let client: SearchClient | null = null;
  let builds = 0;

  const fillFilters = (facets: Facets) => {
    hooks.facets?.(facets);
    showTags(page, facets.tags);
    const current = ui.site.value;
    const options = [new Option("All sites", "")];
    for (const { site, count } of facets.sites) {
      options.push(new Option(`${site} (${count.toLocaleString(locale)})`, site));
    }
    ui.site.replaceChildren(...options);
    ui.site.value = options.some((o) => o.value === current) ? current : "";
  };

  const build = async () => {
    const mine = ++builds;
    if (!performance.getEntriesByName(BUILD_MARK).length) performance.mark(BUILD_MARK);
    state.index = null;
    root.dataset.search = "building";
    if (!client) {
      try {
        client = start();
      } catch (error) {
        client = null;
        root.dataset.search = "failed";
        page.alert(`Search is not available: ${String(error)}`);
        hooks.failed?.();
        return;
      }
    }
    const worker = client;
    const built = await worker
      .request("build", {})
      .catch((error: unknown): BuildReply => ({ ok: false, message: String(error) }));
    if (mine !== builds) return;
    if (!built.ok) {
      if (built.superseded) return;
      root.dataset.search = "failed";
      page.alert(`Search is not available: ${built.message}`);
      hooks.failed?.();
      return;
    }
    state.index = worker;
    root.dataset.search = "ready";
    if (!performance.getEntriesByName(INDEX_MARK).length) {
      performance.mark(INDEX_MARK, { detail: { ...built.timing, size: built.size } });
    }
    fillFilters(built.facets);
    if (page.filtered() || page.sorted()) await list.show(state.rendered);
    else list.prepareTyping();
  };

  /** Brings the worker and the page's summaries up to date with a change, this page's or another's. */
  const applyChange = (change: LibraryChange) => {
    cache.forget(change.deleted);
    cache.forget(change.saved.map((e) => e.url));
    for (const url of change.deleted) state.selected.delete(url);
    if (change.reload) {
      cache.clear();
      void build();
      return;
    }
    // Before the first build there is no worker yet: the build reads the change with the rest.
    if (!client) return;
    void client
      .request("change", { change })
      .then(({ facets, latest }) => {
        if (facets && state.index) fillFilters(facets);
        if (latest && state.results?.id === latest.id && state.results.total !== latest.total) {
          state.results = latest;
          list.updateCount();
        }
      })
      .catch(() => {
        // The worker failed: the next query says so.
      });
  };

  // Another page saved, deleted or imported.
  watchChanges((change) => {
    applyChange(change);
    hooks.outsideChange();
    void list.refreshTotal();
    void list.show(state.rendered);
  });

  return {
    build,
    changed(saved, deleted = []) {
      // The other pages are told to read everything again when the change is large; this page's
      // worker takes it whole up to a point (an Undo of a large delete), beyond which copying
      // the words to it would hold the page longer than reading them there.
      const change = libraryChange(saved, deleted);
      applyChange(
        saved.length > MAX_SENT_ENTRIES ? change : { type: "library-changed", saved, deleted, reload: false },
      );
      announceChange(change);
    },
  };
}
