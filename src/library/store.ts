/**
 * `LibraryStore`: the saved-articles library on IndexedDB (schema in db.ts). The one place that
 * reads or writes the library database; the UI talks to this, never to IndexedDB.
 *
 * Guarantees:
 * - Every write is one transaction over the three stores: an article, its summary and its
 *   search words are stored together or not at all. A failure (storage full, database closed,
 *   an invalid record) aborts the transaction, so nothing partial remains.
 * - Expected failures are returned, never thrown: each method answers `{ ok: true, ... }` or
 *   `{ ok: false, error: { kind, message } }` with a message a person can act on.
 * - Nothing is lost silently: saving a URL again updates that record in place (keeping its
 *   `savedAt`); `delete` hands back the deleted records so the UI can offer Undo (merge.ts
 *   `restoreArticles`); `importBackup` and `restoreArticles` only add or replace with newer
 *   versions, never delete.
 *
 * The store takes the `IDBFactory` to use (`indexedDB` in the extension, fake-indexeddb's in
 * tests). idb needs the IndexedDB globals (`IDBRequest`, `IDBKeyRange`...) of the same
 * implementation: the browser's, or fake-indexeddb's `auto` entry in tests.
 */
import type { IDBPTransaction } from "idb";
import type { Article } from "../core/types.ts";
import {
  ALL_STORES,
  type LibraryDb,
  type LibrarySchema,
  type OpenHandlers,
  openLibraryDb,
  type StoreName,
} from "./db.ts";
import { normalizeUrl } from "./keys.ts";
import { newestFirst, type PageCursor, type SummaryPage } from "./newest-first.ts";
import { errorMessage, errorName, fail, type LibraryFailure, type LibraryResult } from "./result.ts";
import { readRecord, type SavedArticle } from "./schema.ts";
import { completeEntries, type SearchEntry, searchEntry } from "./search-terms.ts";
import { type ArticleSummary, toSummary } from "./summary.ts";

export type { PageCursor, SummaryPage } from "./newest-first.ts";

export interface SaveSuccess {
  status: "added" | "updated";
  article: SavedArticle;
  summary: ArticleSummary;
  /** For `SearchIndex.add`. */
  entry: SearchEntry;
}

export interface LibraryOptions {
  /** Database name (default "folio-library"); tests use one per case. */
  name?: string;
  /** The clock, epoch ms (default `Date.now`). */
  now?: () => number;
  /** Called when another tab holding the old library version keeps this one waiting. */
  onBlocked?: () => void;
  /** Called when the connection closes under the page; the page should offer to reload. */
  onClosed?: (reason: "version-change" | "terminated") => void;
}

const DEFAULT_PAGE = 50;

/** Opens the library. Never throws: a browser that cannot open it gives `unavailable`. */
export async function openLibrary(
  factory: IDBFactory,
  options: LibraryOptions = {},
): Promise<LibraryResult<{ library: LibraryStore }>> {
  let store: LibraryStore | undefined;
  const handlers: OpenHandlers = {
    blocked: options.onBlocked,
    closed: (reason) => {
      store?.markClosed(reason);
      options.onClosed?.(reason);
    },
  };
  try {
    const db = await openLibraryDb(factory, options.name, handlers);
    store = new LibraryStore(db, options.now ?? Date.now);
    return { ok: true, library: store };
  } catch (error) {
    if (errorName(error) === "VersionError") {
      return fail(
        "unavailable",
        "Your library was saved by a newer version of Folio. Update Folio to open it; nothing was changed.",
      );
    }
    return fail("unavailable", `The library cannot be opened in this browser (${errorMessage(error)}).`);
  }
}

type Tx<Mode extends IDBTransactionMode> = IDBPTransaction<LibrarySchema, StoreName[], Mode>;

export class LibraryStore {
  private closedReason: "closed" | "version-change" | "terminated" | null = null;

  /** Use `openLibrary`. */
  constructor(
    private readonly db: LibraryDb,
    private readonly now: () => number = Date.now,
  ) {}

  /** @internal Called by the connection's close handlers. */
  markClosed(reason: "version-change" | "terminated"): void {
    this.closedReason ??= reason;
  }

  get closed(): boolean {
    return this.closedReason !== null;
  }

  close(): void {
    this.closedReason ??= "closed";
    this.db.close();
  }

  /**
   * Saves an article as the core returned it. A URL already in the library is updated in place
   * (its `savedAt` kept): `status` says which happened.
   */
  async save(article: Article): Promise<LibraryResult<SaveSuccess>> {
    let markdown: unknown;
    try {
      markdown = article?.markdown; // the core's lazy getter makes it on first read
    } catch (error) {
      return fail(
        "error",
        `This article cannot be saved: its Markdown could not be made (${errorMessage(error)}).`,
      );
    }
    if (article && typeof article === "object" && (markdown === null || markdown === undefined)) {
      // The library makes no Markdown itself (the service worker carries no converter): the
      // page that read the article does.
      return fail("invalid", "This article cannot be saved: its Markdown was not made.");
    }
    const now = this.now();
    const read = readRecord(
      article && typeof article === "object"
        ? { ...article, markdown, savedAt: now, updatedAt: now }
        : article,
    );
    if (!read.ok) return fail("invalid", `This article cannot be saved: ${read.message}.`);
    const fresh = read.record;
    // Tokenising the body is the slow part: done before the transaction, not inside it.
    const words = searchEntry(fresh);
    return this.transact("readwrite", ALL_STORES, "save the article", async (tx) => {
      const previous = await tx.objectStore("summaries").get(fresh.url);
      // Saving again keeps what the reader decided (tags, state, favourite); a link to read
      // that is saved with its page is a link no more.
      const record: SavedArticle = previous
        ? {
            ...fresh,
            tags: previous.tags ?? [],
            state: previous.state ?? "unread",
            favourite: previous.favourite ?? false,
            savedAt: previous.savedAt,
            updatedAt: Math.max(now, previous.updatedAt + 1),
          }
        : fresh;
      const summary = toSummary(record);
      const entry: SearchEntry = { ...words, savedAt: record.savedAt };
      await tx.objectStore("articles").put(record);
      await tx.objectStore("summaries").put(summary);
      await tx.objectStore("terms").put(entry);
      return {
        status: previous ? ("updated" as const) : ("added" as const),
        article: record,
        summary,
        entry,
      };
    });
  }

  /** One article by URL (any #fragment ignored); `article` is null when it is not saved. */
  async get(url: string): Promise<LibraryResult<{ article: SavedArticle | null }>> {
    const key = normalizeUrl(url);
    if (!key) return { ok: true, article: null };
    return this.transact("readonly", ["articles"], "read the article", async (tx) => ({
      article: (await tx.objectStore("articles").get(key)) ?? null,
    }));
  }

  /** A page of summaries, newest saved first. Pass the previous page's `next` as `after`. */
  async list(
    options: { limit?: number; after?: PageCursor | null } = {},
  ): Promise<LibraryResult<SummaryPage>> {
    const limit = Math.max(1, Math.floor(options.limit ?? DEFAULT_PAGE));
    const after = options.after ?? null;
    return this.transact("readonly", ["summaries"], "read the library", (tx) =>
      newestFirst(tx.objectStore("summaries").index("bySaved"), after, limit),
    );
  }

  /** The summaries of `urls`, in that order (e.g. search results); URLs not saved are skipped. */
  async summaries(urls: readonly string[]): Promise<LibraryResult<{ items: ArticleSummary[] }>> {
    return this.transact("readonly", ["summaries"], "read the library", async (tx) => {
      const store = tx.objectStore("summaries");
      const found = await Promise.all(urls.map((url) => store.get(normalizeUrl(url) ?? url)));
      return { items: found.filter((s): s is ArticleSummary => s !== undefined) };
    });
  }

  /**
   * Every summary, newest saved first, in one read: for a page that keeps the list in memory
   * so that showing a search's results needs no database read (10,000 summaries are a few MB).
   */
  async allSummaries(): Promise<LibraryResult<{ items: ArticleSummary[] }>> {
    return this.transact("readonly", ["summaries"], "read the library", async (tx) => {
      const items = await tx.objectStore("summaries").index("bySaved").getAll();
      items.reverse();
      return { items };
    });
  }

  async count(): Promise<LibraryResult<{ count: number }>> {
    return this.transact("readonly", ["summaries"], "read the library", async (tx) => ({
      count: await tx.objectStore("summaries").count(),
    }));
  }

  /** Every article's search words (a link's made from its summary: search-terms.ts). */
  async searchEntries(): Promise<LibraryResult<{ entries: SearchEntry[] }>> {
    return this.transact("readonly", ["terms", "summaries"], "read the search index", async (tx) => ({
      entries: completeEntries(
        await tx.objectStore("terms").getAll(),
        await tx.objectStore("summaries").getAll(),
      ),
    }));
  }

  /** Every full article, newest saved first (for a backup or a zip). */
  async all(): Promise<LibraryResult<{ articles: SavedArticle[] }>> {
    return this.transact("readonly", ["articles"], "read the library", async (tx) => {
      const articles = await tx.objectStore("articles").getAll();
      articles.sort((a, b) => b.savedAt - a.savedAt || (a.url < b.url ? 1 : a.url > b.url ? -1 : 0));
      return { articles };
    });
  }

  /**
   * Deletes articles by URL, all or none, and returns the records deleted (URLs not saved are
   * skipped) so the UI can undo with `restore(deleted)`.
   */
  async delete(urls: readonly string[]): Promise<LibraryResult<{ deleted: SavedArticle[] }>> {
    const keys = [...new Set(urls.map((url) => normalizeUrl(url) ?? url))];
    return this.transact("readwrite", ALL_STORES, "delete", async (tx) => {
      const articles = tx.objectStore("articles");
      const deleted: SavedArticle[] = [];
      for (const key of keys) {
        const record = await articles.get(key);
        if (!record) continue;
        deleted.push(record);
        await articles.delete(key);
        await tx.objectStore("summaries").delete(key);
        await tx.objectStore("terms").delete(key);
      }
      return { deleted };
    });
  }

  /**
   * Runs `body` in one transaction over `stores`. Any error aborts the transaction (so a write
   * either completes whole or leaves nothing) and becomes a typed failure; `doing` says what
   * was being done in its message ("Could not import the backup: ..."). For the library's own
   * modules (merge.ts); the pages use the operations.
   */
  async transact<Mode extends IDBTransactionMode, T extends object>(
    mode: Mode,
    stores: StoreName[],
    doing: string,
    body: (tx: Tx<Mode>) => Promise<T>,
  ): Promise<LibraryResult<T>> {
    if (this.closedReason) return this.closedFailure();
    let tx: Tx<Mode>;
    try {
      tx = this.db.transaction(stores, mode);
    } catch (error) {
      return this.failure(error, doing);
    }
    try {
      const result = await body(tx);
      await tx.done;
      return { ok: true, ...result };
    } catch (error) {
      try {
        tx.abort();
      } catch {
        // Already aborted by the failed request, or finished.
      }
      await tx.done.catch(() => {});
      return this.failure(error, doing);
    }
  }

  private closedFailure(): LibraryFailure {
    return fail(
      "closed",
      this.closedReason === "version-change"
        ? "The library was updated by Folio in another tab. Reload this page to go on."
        : "The library is closed. Reload this page to go on.",
    );
  }

  private failure(error: unknown, doing: string): LibraryFailure {
    const name = errorName(error);
    if (name === "QuotaExceededError") {
      return fail(
        "quota",
        `Could not ${doing}: the browser has no more storage space for Folio. Free some disk space or delete articles you no longer need, then try again. Nothing was changed.`,
      );
    }
    if (name === "InvalidStateError" || this.closedReason) {
      this.closedReason ??= "terminated";
      return this.closedFailure();
    }
    if (name === "DataCloneError" || name === "DataError") {
      return fail("invalid", `Could not ${doing}: it holds data that cannot be stored. Nothing was changed.`);
    }
    return fail(
      "error",
      `Could not ${doing}: ${errorMessage(error) || name || "unknown error"}. Nothing was changed.`,
    );
  }
}
