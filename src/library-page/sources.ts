/**
 * Where the list's rows come from, a page at a time: the whole library newest first (a cursor
 * on the store's `bySaved` index: the first screen of a 50,000-article library is one short
 * walk), or, once search is ready, the search worker's view (search-client.ts `resultSource`).
 * The summaries shown are remembered (`SummaryCache`), for the rows' own actions.
 */
import type { ArticleSummary } from "../library/summary.ts";
import type { LibraryFailure } from "../library/result.ts";
import type { LibraryStore, PageCursor } from "../library/store.ts";

export type Page = { ok: true; items: ArticleSummary[] } | LibraryFailure;

export interface Source {
  /** How many rows this source has in all; null when not known (the whole library). */
  readonly total: number | null;
  /** No more rows after those given. */
  readonly done: boolean;
  /** The next (at most) `n` rows. */
  next(n: number): Promise<Page>;
}

/** The whole library, newest saved first. */
export function browseSource(library: Pick<LibraryStore, "list">): Source {
  let after: PageCursor | null = null;
  let done = false;
  return {
    total: null,
    get done() {
      return done;
    },
    async next(n) {
      if (done) return { ok: true, items: [] };
      const page = await library.list({ limit: n, after });
      if (!page.ok) return page;
      after = page.next;
      done = page.next === null;
      return { ok: true, items: page.items };
    },
  };
}

/** Summaries by URL, remembered. `forget` drops changed or deleted ones. */
export class SummaryCache {
  private map = new Map<string, ArticleSummary>();

  constructor(private readonly library: Pick<LibraryStore, "summaries">) {}

  remember(items: readonly ArticleSummary[]): void {
    for (const item of items) this.map.set(item.url, item);
  }

  forget(urls: Iterable<string>): void {
    for (const url of urls) this.map.delete(url);
  }

  clear(): void {
    this.map.clear();
  }

  get(url: string): ArticleSummary | undefined {
    return this.map.get(url);
  }

  /** The summaries of `urls` in that order (those no longer stored are left out). */
  async of(urls: readonly string[]): Promise<Page> {
    const missing = urls.filter((url) => !this.map.has(url));
    if (missing.length) {
      const read = await this.library.summaries(missing);
      if (!read.ok) return read;
      this.remember(read.items);
    }
    const items: ArticleSummary[] = [];
    for (const url of urls) {
      const item = this.map.get(url);
      if (item) items.push(item);
    }
    return { ok: true, items };
  }
}
