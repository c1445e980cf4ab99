/**
 * The library's IndexedDB schema and its migrations, and opening the database.
 *
 * Three object stores, all keyed by the article's normalised URL, always written together in
 * one transaction (store.ts):
 *
 * - `articles`: the full records (record.ts `SavedArticle`): read when one article is opened,
 *   exported or deleted, never to draw the list.
 * - `summaries`: the list's small records (`ArticleSummary`), with the index `bySaved` on
 *   [savedAt, url], so the first screen of a 10,000-article library is one short cursor walk
 *   (newest first) instead of a read of every body.
 * - `terms`: each article's folded, de-duplicated search words as one string (search.ts
 *   `SearchEntry`), so the library page builds its in-memory search index from one `getAll` of
 *   small strings instead of re-reading and re-tokenising every body.
 *
 * Migrations: `MIGRATIONS[n]` upgrades a database at version n to version n + 1, and
 * `DB_VERSION` is their count. Opening runs every step from the database's version to the
 * current one, in order, inside the one `versionchange` transaction (a failed step aborts the
 * whole upgrade and leaves the old version intact). Version 2 is one more function, e.g.
 *
 *     // v1 -> v2: an index on the site, filled for existing records by IndexedDB itself
 *     (_db, tx) => { tx.objectStore("summaries").createIndex("bySite", "site"); },
 *
 * with `LibrarySchema` extended to match. A step that rewrites records walks a cursor on `tx`
 * (v1 -> v2 does).
 */
import {
  type DBSchema,
  type IDBPCursorWithValue,
  type IDBPDatabase,
  type IDBPTransaction,
  type StoreNames,
  wrap,
} from "idb";
import type { ArticleSummary } from "./summary.ts";
import type { ReaderFields, SavedArticle } from "./schema.ts";
import type { SearchEntry } from "./search-terms.ts";

export const DB_NAME = "folio-library";

export interface LibrarySchema extends DBSchema {
  articles: { key: string; value: SavedArticle };
  summaries: { key: string; value: ArticleSummary; indexes: { bySaved: [number, string] } };
  terms: { key: string; value: SearchEntry };
}

export type LibraryDb = IDBPDatabase<LibrarySchema>;
export type StoreName = StoreNames<LibrarySchema>;
export const ALL_STORES: StoreName[] = ["articles", "summaries", "terms"];

type UpgradeTx = IDBPTransaction<LibrarySchema, StoreName[], "versionchange">;
export type Migration = (db: LibraryDb, tx: UpgradeTx) => void;

export const MIGRATIONS: readonly Migration[] = [
  // v0 -> v1: the three stores.
  (db) => {
    db.createObjectStore("articles", { keyPath: "url" });
    const summaries = db.createObjectStore("summaries", { keyPath: "url" });
    summaries.createIndex("bySaved", ["savedAt", "url"]);
    db.createObjectStore("terms", { keyPath: "url" });
  },
  // v1 -> v2: the reader's own entries (tags, read state, favourite, link only), given their
  // defaults in every article and summary, so that what is read back is always a whole record.
  (_db, tx) => {
    const withDefaults = <T extends Partial<ReaderFields>>(value: T): T & ReaderFields => ({
      ...value,
      tags: value.tags ?? [],
      state: value.state ?? "unread",
      favourite: value.favourite ?? false,
      linkOnly: value.linkOnly ?? false,
    });
    for (const name of ["articles", "summaries"] as const) {
      const walk = (
        cursor: IDBPCursorWithValue<LibrarySchema, StoreName[], typeof name, unknown, "versionchange"> | null,
      ): void => {
        if (!cursor) return;
        void cursor.update(withDefaults(cursor.value) as never);
        void cursor.continue().then(walk);
      };
      void tx.objectStore(name).openCursor().then(walk);
    }
  },
];

export const DB_VERSION = MIGRATIONS.length;

export interface OpenHandlers {
  /** Another tab holds an older version open and has not closed it yet. */
  blocked?: () => void;
  /** This connection was closed: another tab upgrades the database, or the browser closed it. */
  closed?: (reason: "version-change" | "terminated") => void;
}

/**
 * Opens (creating or upgrading) the library database through `factory`: `indexedDB` in the
 * extension, fake-indexeddb's factory in tests. (idb's `openDB` always uses the global
 * `indexedDB`; this is the same few lines with the factory passed in.) Rejects with the
 * browser's error (e.g. `VersionError` when a newer Folio made the database).
 */
export function openLibraryDb(
  factory: IDBFactory,
  name: string = DB_NAME,
  handlers: OpenHandlers = {},
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<LibraryDb> {
  const request = factory.open(name, migrations.length);
  let upgradeError: unknown;
  request.addEventListener("upgradeneeded", (event) => {
    const db = wrap(request.result) as unknown as LibraryDb;
    const tx = wrap(request.transaction!) as unknown as UpgradeTx;
    // The open request reports a failed upgrade; its transaction's own promise need not.
    tx.done.catch(() => {});
    try {
      for (let version = event.oldVersion; version < (event.newVersion ?? migrations.length); version++) {
        migrations[version]!(db, tx);
      }
    } catch (error) {
      // A failed step leaves the database at its old version; the open rejects with its error.
      upgradeError = error;
      request.transaction?.abort();
    }
  });
  if (handlers.blocked) request.addEventListener("blocked", () => handlers.blocked?.());
  const opened = wrap(request) as unknown as Promise<LibraryDb>;
  return opened.then(
    (db) => {
      db.addEventListener("versionchange", () => {
        // Let the other tab's upgrade go ahead; this page must reload to use the new schema.
        db.close();
        handlers.closed?.("version-change");
      });
      db.addEventListener("close", () => handlers.closed?.("terminated"));
      return db;
    },
    (error: unknown) => {
      throw upgradeError ?? error;
    },
  );
}
