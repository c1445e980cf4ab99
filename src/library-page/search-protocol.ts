/**
 * What the library page and its search worker (search.worker.ts) say to each other. Every
 * request is listed in `SearchProtocol` with what it carries and what the worker answers; the
 * worker registers a handler map (one function per request, search-service.ts) and the page
 * asks through `SearchClient` (search-client.ts), so both sides are checked together.
 *
 * On the wire a request is `{ id, message }` (`message` is `{ type, ...fields }`) and its answer
 * `{ id, reply }`, or `{ id, error }` when the handler threw.
 *
 * The worker holds the library's search index and every summary; the page asks for what it
 * shows: the first rows of a view and their count, more rows, and (for Select all) every URL
 * of the view. A view's rows are kept in the worker under an id until the next query. Between
 * two keys it also answers, ahead, the queries the next key could make (`guess`), which the page
 * shows without asking when that key comes (`adopt` then tells the worker).
 */
import type { LibraryChange } from "../library/changes.ts";
import type { SiteCount } from "../library/search.ts";
import type { ArticleSummary } from "../library/summary.ts";
import type { SortKey } from "./views.ts";

/** What the list shows: the query, the filters and the order. */
export interface SearchView {
  query: string;
  /** A site's key (`SiteCount.key`), or null for every site. */
  site: string | null;
  /** A tag (any case), or "" for every tag. */
  tag: string;
  /** A state filter (views.ts `inState`), or "". */
  state: string;
  sort: SortKey;
  /** For sorting by title or site (the page's language). */
  locale?: string;
}

/** The site and tag filters' entries, with their counts, and how many links to read there are. */
export interface Facets {
  sites: SiteCount[];
  tags: { tag: string; count: number }[];
  links: number;
}

/** A view's rows as the worker keeps them: `id`, and how many rows there are. */
export interface ResultsRef {
  id: number;
  total: number;
}

/**
 * The answers to the queries one more typed character would make of a view's query
 * (library/search-guesses.ts), each kept by the worker under its id until the next guess,
 * query, change or build. `items` holds each summary once; a guess lists its first rows as
 * places in it.
 */
export interface Guesses {
  /** The folded query guessed from. */
  base: string;
  /**
   * The base view matches nothing: then nothing typed after it can match either (every word
   * more, or a longer last word, only narrows), and no guess is listed.
   */
  empty: boolean;
  items: ArticleSummary[];
  next: { query: string; id: number; total: number; done: boolean; rows: number[] }[];
}

/** Where a build's time went (milliseconds): waiting for the library's reads, indexing. */
export interface BuildTiming {
  read: number;
  index: number;
}

export type BuildReply =
  | { ok: true; size: number; facets: Facets; timing: BuildTiming }
  | { ok: false; superseded: true }
  | { ok: false; superseded?: false; message: string };

// biome-ignore lint/complexity/noBannedTypes: a request that carries nothing but its type
type NoFields = {};

export interface SearchProtocol {
  /** Reads the whole library and builds the index (again). An older build still going stops. */
  build: { request: NoFields; response: BuildReply };
  /**
   * A change to the library (this page's, or another's heard on the library channel): the index
   * and the summaries follow it. `facets` are the filters' entries now (null before the first
   * build); `latest` the rows of the last query still in the library.
   */
  change: {
    request: { change: LibraryChange };
    response: { facets: Facets | null; latest: ResultsRef | null };
  };
  /** A view's first `count` rows, and how many there are. */
  query: {
    request: { view: SearchView; count: number };
    response: ResultsRef & { items: ArticleSummary[]; done: boolean };
  };
  /**
   * The rows `from` to `from + count` of the view `id` (those deleted since left out); `done`
   * when there are no more. Nothing when `id` is no longer the last query.
   */
  more: {
    request: { id: number; from: number; count: number };
    response: { items: ArticleSummary[]; done: boolean };
  };
  /** Every URL of the view `id` still in the library ([] when it is not the last query). */
  urls: { request: { id: number }; response: { urls: string[] } };
  /**
   * The first `count` rows of the views one more typed character would make of `view` (only
   * for the plain list: no tag or state filter, newest saved first), kept until the next
   * guess, query, change or build.
   */
  guess: { request: { view: SearchView; count: number }; response: Guesses };
  /** The page shows the guess `id`: it becomes the last query (`ok` false when it was not kept). */
  adopt: { request: { id: number }; response: { ok: boolean } };
}

export type SearchRequestType = keyof SearchProtocol;
export type SearchMessage<K extends SearchRequestType = SearchRequestType> = {
  [T in K]: { type: T } & SearchProtocol[T]["request"];
}[K];
export type SearchReply<K extends SearchRequestType> = SearchProtocol[K]["response"];

/** The worker's handlers: one per request. */
export type SearchHandlers = {
  [T in SearchRequestType]: (message: SearchMessage<T>) => SearchReply<T> | Promise<SearchReply<T>>;
};

/** A request on the wire. */
export interface SearchEnvelope {
  id: number;
  message: SearchMessage;
}

/** An answer on the wire. */
export type SearchAnswer = { id: number; reply: unknown } | { id: number; error: string };

export function isSearchMessage(value: unknown): value is SearchMessage {
  return (
    typeof value === "object" && value !== null && typeof (value as { type?: unknown }).type === "string"
  );
}

/** Routes `message` to its handler; rejects a message of no known type. */
export async function dispatchSearch(handlers: SearchHandlers, message: unknown): Promise<unknown> {
  if (!isSearchMessage(message) || !Object.hasOwn(handlers, message.type)) {
    throw new Error(`not a search request: ${JSON.stringify(message)?.slice(0, 80)}`);
  }
  const handler = handlers[message.type] as (m: unknown) => unknown;
  return handler(message);
}
