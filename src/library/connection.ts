/**
 * The library connection of one extension context (the background, a reader tab): opened on
 * first use and then shared, and opened again when the browser closed it or another tab
 * upgraded the database. A failed open is not remembered, so the next call tries again.
 */
import type { LibraryResult } from "./result.ts";
import { type LibraryOptions, type LibraryStore, openLibrary } from "./store.ts";

export type OpenedLibrary = LibraryResult<{ library: LibraryStore }>;

/** A function that returns the context's open library, opening it when needed. */
export function libraryConnection(
  factory: () => IDBFactory = () => indexedDB,
  options: LibraryOptions = {},
): () => Promise<OpenedLibrary> {
  let current: LibraryStore | null = null;
  let pending: Promise<OpenedLibrary> | null = null;
  return () => {
    if (current && !current.closed) return Promise.resolve({ ok: true, library: current });
    pending ??= openLibrary(factory(), options).then((opened) => {
      pending = null;
      current = opened.ok ? opened.library : null;
      return opened;
    });
    return pending;
  };
}
