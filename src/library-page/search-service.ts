/**
 * The search worker's work (search.worker.ts is only the `onmessage` glue): it reads the
 * library itself, a batch at a time (`readBatch`: every article's search words and summary),
 * builds the `SearchIndex`, keeps every summary, and answers the page's requests
 * (search-protocol.ts) with the few rows it shows. The library's words and summaries never
 * cross to the page: a keystroke costs the page one small message each way.
 *
 * Requests are handled one at a time, in the order they came, so a query sent after a change
 * sees that change, and changes that come while the index is being built wait for it (the
 * build may have read the library before or after them; applying them after is right either
 * way). A new `build` stops one still going at its next batch.
 *
 * No DOM and no worker API here: Node tests drive it with fake-indexeddb.
 */
import type { LibraryChange } from "../library/changes.ts";
import type { OpenedLibrary } from "../library/connection.ts";
import { type Matches, SearchIndex } from "../library/search.ts";
import { guessKey, guessQueries } from "../library/search-guesses.ts";
import { completeEntries } from "../library/search-terms.ts";
import type { LibraryStore } from "../library/store.ts";
import type { ArticleSummary } from "../library/summary.ts";
import {
  type BuildReply,
  dispatchSearch,
  type Facets,
  type Guesses,
  isSearchMessage,
  type ResultsRef,
  type SearchHandlers,
  type SearchView,
} from "./search-protocol.ts";
import { applyView, tagCounts } from "./views.ts";

/** Guessing works this long at most before it lets a request that came meanwhile stop it. */
const GUESS_SLICE_MS = 4;
/** Requests after which guesses still being made are of no use. */
const OBSOLETING: ReadonlySet<string> = new Set(["build", "change", "query", "guess"]);

/** Articles read per batch while the index is built. */
export const BUILD_BATCH = 500;

/**
 * The search words and summaries of up to `limit` articles after the URL `after` (URL order),
 * in one transaction of the store's (a 50,000-article library's words are some 250 MB of text:
 * never read at once). `last` is the URL to pass as `after` next, null after the last batch.
 */
export function readBatch(library: LibraryStore, after: string | null, limit: number) {
  return library.transact("readonly", ["terms", "summaries"], "read the search index", async (tx) => {
    const range = after === null ? null : IDBKeyRange.lowerBound(after, true);
    const [entries, summaries] = await Promise.all([
      tx.objectStore("terms").getAll(range, limit),
      tx.objectStore("summaries").getAll(range, limit),
    ]);
    // Both stores hold the same URLs (but links, whose words are their summary's: fewer in
    // `terms`). A store that gave a whole batch may hold more beyond its last URL: the batch
    // ends at the smallest such last URL, and what the other read beyond it comes again in the
    // next batch. A store that gave less was read to its end.
    const ends = [entries, summaries]
      .filter((read) => read.length === limit)
      .map((read) => read.at(-1)!.url)
      .sort();
    const last = ends[0] ?? null;
    const kept = last === null ? summaries : summaries.filter((s) => s.url <= last);
    return {
      // A link stored without its words is found by its summary's (search-terms.ts).
      entries: completeEntries(last === null ? entries : entries.filter((e) => e.url <= last), kept),
      summaries: kept,
      last,
    };
  });
}

export interface SearchServiceOptions {
  /** The worker's own library connection (connection.ts `libraryConnection`). */
  open: () => Promise<OpenedLibrary>;
  batch?: number;
}

/** The last query's rows: the index's lazy answer, or (filtered or sorted by the summaries) URLs. */
interface Latest {
  id: number;
  matches: Matches | null;
  urls: string[] | null;
}

export interface SearchService {
  handlers: SearchHandlers;
  /** Handles one request after those before it; what the handler answers, or its error. */
  receive(message: unknown): Promise<unknown>;
}

export function searchService(options: SearchServiceOptions): SearchService {
  const batch = options.batch ?? BUILD_BATCH;
  let index: SearchIndex | null = null;
  let summaries = new Map<string, ArticleSummary>();
  let latest: Latest | null = null;
  /** The last guesses' rows, by id (search-guesses.ts), until the next guess, query or change. */
  let guessed = new Map<number, Latest>();
  let queries = 0;
  /** Counts the requests received that make guesses of no use (`OBSOLETING`). */
  let obsoleting = 0;
  /** `obsoleting` as each guess request came, taken in order by the guesses as they start. */
  const guessTickets: number[] = [];
  /** Bumped as a build request arrives: a build still going sees it and stops. */
  let builds = 0;
  /** Each build request's number, taken in order by the builds as they start. */
  const tickets: number[] = [];
  let queue: Promise<unknown> = Promise.resolve();

  const library = async (): Promise<LibraryStore | string> => {
    const opened = await options.open();
    return opened.ok ? opened.library : opened.error.message;
  };

  const facets = (): Facets => {
    let links = 0;
    for (const summary of summaries.values()) if (summary.linkOnly) links++;
    return { sites: index?.sites() ?? [], tags: tagCounts(summaries.values()), links };
  };

  const rows = (urls: readonly string[]): ArticleSummary[] => {
    const items: ArticleSummary[] = [];
    for (const url of urls) {
      const summary = summaries.get(url);
      if (summary) items.push(summary);
    }
    return items;
  };

  const length = (rows: Latest) => (rows.urls ? rows.urls.length : rows.matches!.count);
  const slice = (rows: Latest, from: number, n: number) =>
    rows.urls ? rows.urls.slice(from, from + n) : rows.matches!.slice(from, n);
  const everyUrl = (rows: Latest) => (rows.urls ? rows.urls : rows.matches!.all());

  const build = async (): Promise<BuildReply> => {
    const mine = tickets.shift() ?? builds;
    const superseded = { ok: false, superseded: true } as const;
    const opened = await library();
    if (typeof opened === "string") return { ok: false, message: opened };
    // The count (to size the index once) and the first batch are read together; each next
    // batch is read while the one before is indexed.
    const counting = opened.count();
    let pending = readBatch(opened, null, batch);
    const next = new SearchIndex();
    const counted = await counting;
    if (counted.ok) next.reserve(counted.count);
    const read = new Map<string, ArticleSummary>();
    const timing = { read: 0, index: 0 };
    for (;;) {
      const waited = performance.now();
      const got = await pending;
      const indexing = performance.now();
      timing.read += indexing - waited;
      if (mine !== builds) return superseded;
      if (!got.ok) return { ok: false, message: got.error.message };
      if (got.last !== null) pending = readBatch(opened, got.last, batch);
      next.addAll(got.entries);
      for (const summary of got.summaries) read.set(summary.url, summary);
      timing.index += performance.now() - indexing;
      if (got.last === null) break;
    }
    const preparing = performance.now();
    next.prepare();
    index = next;
    summaries = read;
    latest = null;
    guessed = new Map();
    const answer = { ok: true as const, size: next.size, facets: facets(), timing };
    timing.index += performance.now() - preparing;
    return answer;
  };

  const change = async (change: LibraryChange) => {
    guessed = new Map();
    if (!index) return { facets: null, latest: null };
    // The rows the page shows stay as they were, less what is deleted.
    latest?.matches?.freeze();
    for (const url of change.deleted) {
      index.remove(url);
      summaries.delete(url);
    }
    index.addAll(change.saved);
    if (change.saved.length) {
      const opened = await library();
      const read = typeof opened === "string" ? null : await opened.summaries(change.saved.map((e) => e.url));
      if (read?.ok) for (const summary of read.items) summaries.set(summary.url, summary);
    }
    index.prepare();
    let rows: ResultsRef | null = null;
    if (latest) rows = { id: latest.id, total: everyUrl(latest).filter((url) => summaries.has(url)).length };
    return { facets: facets(), latest: rows };
  };

  const query = (view: SearchView, count: number) => {
    if (!index) throw new Error("the search index is not built");
    const matches = index.match(view.query, { site: view.site });
    const id = ++queries;
    guessed = new Map();
    if (!view.tag && !view.state && view.sort === "saved") {
      latest = { id, matches, urls: null };
    } else {
      latest = {
        id,
        matches: null,
        urls: applyView(matches.all(), (url) => summaries.get(url), view, view.locale),
      };
    }
    const total = length(latest);
    return { id, total, items: rows(slice(latest, 0, count)), done: count >= total };
  };

  /**
   * The guesses for `view` (search-guesses.ts). A few milliseconds at a time: a query, change or
   * build that comes meanwhile stops it (its guesses are then of no use), so that it never waits
   * long behind them.
   */
  const guess = async (view: SearchView, count: number): Promise<Guesses> => {
    if (!index) throw new Error("the search index is not built");
    guessed = new Map();
    const mine = guessTickets.shift() ?? obsoleting;
    const answer: Guesses = { base: guessKey(view.query), empty: false, items: [], next: [] };
    if (mine !== obsoleting) return answer; // a query or change came after it: no use
    // Only the plain list: a tag or state filter, or another order, goes through every match.
    if (view.tag || view.state || view.sort !== "saved") return answer;
    const options = { site: view.site };
    if (index.match(view.query, options).count === 0) return { ...answer, empty: true };
    const places = new Map<string, number>();
    let since = performance.now();
    for (const query of guessQueries(index, view.query)) {
      if (performance.now() - since > GUESS_SLICE_MS) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        if (mine !== obsoleting || !index) break;
        since = performance.now();
      }
      const matches = index.match(query, options);
      const id = ++queries;
      guessed.set(id, { id, matches, urls: null });
      const picked: number[] = [];
      for (const summary of rows(matches.slice(0, count))) {
        let at = places.get(summary.url);
        if (at === undefined) {
          at = answer.items.push(summary) - 1;
          places.set(summary.url, at);
        }
        picked.push(at);
      }
      answer.next.push({ query, id, total: matches.count, done: count >= matches.count, rows: picked });
    }
    return answer;
  };

  const handlers: SearchHandlers = {
    build: () => build(),
    change: ({ change: c }) => change(c),
    query: ({ view, count }) => query(view, count),
    more: ({ id, from, count }) => {
      if (!latest || latest.id !== id) return { items: [], done: true };
      return { items: rows(slice(latest, from, count)), done: from + count >= length(latest) };
    },
    urls: ({ id }) => ({
      urls: latest && latest.id === id ? everyUrl(latest).filter((url) => summaries.has(url)) : [],
    }),
    guess: ({ view, count }) => guess(view, count),
    adopt: ({ id }) => {
      const chosen = guessed.get(id);
      if (chosen) latest = chosen;
      return { ok: chosen !== undefined };
    },
  };

  return {
    handlers,
    receive(message) {
      if (isSearchMessage(message) && message.type === "build") tickets.push(++builds);
      if (isSearchMessage(message) && OBSOLETING.has(message.type)) obsoleting++;
      if (isSearchMessage(message) && message.type === "guess") guessTickets.push(obsoleting);
      const run = queue.then(() => dispatchSearch(handlers, message));
      queue = run.catch(() => {});
      return run;
    },
  };
}
