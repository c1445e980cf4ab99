/**
 * "The library changed": every writer (the background saving an article, a library page
 * deleting, restoring or importing) announces its change to every other open extension page
 * on one BroadcastChannel. IndexedDB is shared by all the extension's contexts, so a library
 * page only needs to know what to refresh: the search entries saved (to add to its index) and
 * the URLs deleted. A change too large to carry (a big import) says `reload`: read everything
 * again.
 *
 * A BroadcastChannel object does not receive its own messages: each context uses one, so a
 * page is not told about its own changes.
 */
import type { SearchEntry } from "./search-terms.ts";

export const LIBRARY_CHANNEL = "folio-library";
/** More saved entries than this are announced as `reload` instead of carried. */
export const MAX_CARRIED_ENTRIES = 200;

export interface LibraryChange {
  type: "library-changed";
  /** Search entries of the articles added or updated. */
  saved: SearchEntry[];
  /** URLs (store keys) of the articles deleted. */
  deleted: string[];
  /** Too much changed to list: read the library again. */
  reload: boolean;
}

export function libraryChange(saved: readonly SearchEntry[], deleted: readonly string[] = []): LibraryChange {
  return saved.length > MAX_CARRIED_ENTRIES
    ? { type: "library-changed", saved: [], deleted: [...deleted], reload: true }
    : { type: "library-changed", saved: [...saved], deleted: [...deleted], reload: false };
}

export function isLibraryChange(value: unknown): value is LibraryChange {
  const v = value as Partial<LibraryChange> | null;
  return (
    typeof v === "object" &&
    v !== null &&
    v.type === "library-changed" &&
    Array.isArray(v.saved) &&
    Array.isArray(v.deleted) &&
    typeof v.reload === "boolean"
  );
}

let channel: BroadcastChannel | null = null;

function theChannel(): BroadcastChannel | null {
  if (typeof BroadcastChannel !== "function") return null;
  if (!channel) {
    channel = new BroadcastChannel(LIBRARY_CHANNEL);
    // Node (unit tests): an open channel must not keep the process alive.
    (channel as { unref?: () => void }).unref?.();
  }
  return channel;
}

/** Tells the other open extension pages. Never throws: a page that misses it refreshes on load. */
export function announceChange(change: LibraryChange): void {
  if (change.saved.length === 0 && change.deleted.length === 0 && !change.reload) return;
  try {
    theChannel()?.postMessage(change);
  } catch {
    // Nothing listens, or the context is closing: nothing to do.
  }
}

/** Calls `onChange` for each change another context announces; returns the unsubscribe. */
export function watchChanges(onChange: (change: LibraryChange) => void): () => void {
  const ch = theChannel();
  if (!ch) return () => {};
  const listener = (event: MessageEvent) => {
    if (isLibraryChange(event.data)) onChange(event.data);
  };
  ch.addEventListener("message", listener);
  return () => ch.removeEventListener("message", listener);
}
