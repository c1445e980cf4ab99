/**
 * The in-memory search index of the library page, and keeping it true as the library changes.
 *
 * Built after the first rows are painted: every article's search words and summary are read,
 * and indexed in slices that keep the page responsive. Changes (this page's, or another page's
 * on the library channel, src/library/changes.ts) update the index and the summary cache;
 * changes that arrive while it is being built wait, and are applied once it is.
 */
import { announceChange, type LibraryChange, libraryChange, watchChanges } from "../library/changes.ts";
import { SearchIndex } from "../library/search.ts";
import type { SearchEntry } from "../library/search-terms.ts";
import type { Listing } from "./listing.ts";
import type { LibraryPage } from "./page.ts";
import { fillTags } from "./views.ts";

/** Search entries indexed per slice while the index is built. */
const INDEX_SLICE = 250;
/** Performance mark (read by `npm run bench:library`): the search index ready. */
export const INDEX_MARK = "library-index-ready";

export interface Search {
  /** Reads the whole library and builds the index (again). */
  build(): Promise<void>;
  /** A change made on this page: applied here, and announced to the other pages. */
  changed(saved: SearchEntry[], deleted?: string[]): void;
}

export function searchIndex(page: LibraryPage, list: Listing, onOutsideChange: () => void): Search {
  const { ui, state, cache, library, locale, root } = page;
  let builds = 0;

  const fillSites = () => {
    if (!state.index) return;
    fillTags(page, cache.values());
    const current = ui.site.value;
    const options = [new Option("All sites", "")];
    for (const { site, count } of state.index.sites()) {
      options.push(new Option(`${site} (${count.toLocaleString(locale)})`, site));
    }
    ui.site.replaceChildren(...options);
    ui.site.value = options.some((o) => o.value === current) ? current : "";
  };

  const applyToIndex = (change: LibraryChange) => {
    if (!state.index) return;
    for (const url of change.deleted) state.index.remove(url);
    state.index.addAll(change.saved);
  };

  const forget = (change: LibraryChange) => {
    cache.forget(change.deleted);
    cache.forget(change.saved.map((e) => e.url));
  };

  const build = async () => {
    const mine = ++builds;
    state.index = null;
    state.queued = [];
    root.dataset.search = "building";
    // Every summary too (a few MB for 10,000): then a search's rows need no database read.
    const [read, summaries] = await Promise.all([library.searchEntries(), library.allSummaries()]);
    if (mine !== builds) return;
    if (!read.ok) {
      state.queued = null;
      root.dataset.search = "failed";
      page.alert(`Search is not available: ${read.error.message}`);
      return;
    }
    if (summaries.ok) cache.remember(summaries.items);
    // What changed while they were read may be older in what was read: read it again when shown.
    for (const change of state.queued) forget(change);
    const next = new SearchIndex();
    const entries = read.entries;
    for (let i = 0; i < entries.length; i += INDEX_SLICE) {
      next.addAll(entries.slice(i, i + INDEX_SLICE));
      if (i + INDEX_SLICE < entries.length) await new Promise((r) => setTimeout(r, 0));
      if (mine !== builds) return;
    }
    state.index = next;
    for (const change of state.queued) applyToIndex(change);
    state.queued = null;
    state.index.prepare();
    root.dataset.search = "ready";
    if (!performance.getEntriesByName(INDEX_MARK).length) performance.mark(INDEX_MARK);
    fillSites();
    if (page.filtered()) await list.show(state.rendered);
  };

  /** Brings the index and the caches up to date with a change, this page's or another's. */
  const applyChange = (change: LibraryChange) => {
    forget(change);
    for (const url of change.deleted) state.selected.delete(url);
    if (change.reload) {
      cache.clear();
      void build();
    } else if (state.queued) {
      state.queued.push(change);
    } else if (state.index) {
      applyToIndex(change);
      state.index.prepare();
      fillSites();
    }
  };

  // Another page saved, deleted or imported.
  watchChanges((change) => {
    applyChange(change);
    onOutsideChange();
    void list.refreshTotal();
    void list.show(state.rendered);
    // The changed articles' summaries read again, so that the tag filter counts them.
    if (change.saved.length) void cache.of(change.saved.map((e) => e.url)).then(fillSites);
  });

  return {
    build,
    changed(saved, deleted = []) {
      applyChange({ type: "library-changed", saved, deleted, reload: false });
      announceChange(libraryChange(saved, deleted));
    },
  };
}
