/**
 * Articles handed to reader tabs, in `storage.session` (memory only, gone when the browser
 * closes). The newest few are kept so a reader tab survives a reload.
 *
 * The hand-off never fails on the area's quota (10 MB in Chrome; three long articles can fill
 * it): older hand-offs are pruned before the write, and when the browser still refuses it, the
 * oldest are dropped one by one until it fits. An article too large for the area on its own is
 * not stored (`storeArticle` answers null): the reader tab then reads the page again.
 */
import type Browser from "webextension-polyfill";
import type { Article } from "../core/types.ts";

const PREFIX = "reader:";
const KEEP = 10;

export interface StoredArticle {
  article: Article;
  /** Epoch ms when it was stored. */
  at: number;
}

export const readerKey = (id: string): string => `${PREFIX}${id}`;

export function isStoredArticle(value: unknown): value is StoredArticle {
  const v = value as StoredArticle | undefined;
  return (
    typeof v === "object" && v !== null && typeof v.at === "number" && typeof v.article?.content === "string"
  );
}

/** The stored hand-offs, newest first (anything else under the prefix is junk, oldest). */
async function handOffs(session: Browser.Storage.StorageArea): Promise<{ key: string; at: number }[]> {
  const all = await session.get(null);
  return Object.entries(all)
    .filter(([key]) => key.startsWith(PREFIX))
    .map(([key, value]) => ({ key, at: isStoredArticle(value) ? value.at : 0 }))
    .sort((a, b) => b.at - a.at);
}

/**
 * Stores `article` and returns its id, keeping at most the newest KEEP hand-offs; null when the
 * article does not fit in the area even alone.
 */
export async function storeArticle(
  session: Browser.Storage.StorageArea,
  article: Article,
): Promise<string | null> {
  const id = crypto.randomUUID();
  const older = await handOffs(session);
  // Later than every other, even within the same millisecond: the order decides what is pruned.
  const at = Math.max(Date.now(), (older[0]?.at ?? 0) + 1);
  // Prune first: room for this one is made before it is written.
  const beyond = older.splice(KEEP - 1).map((h) => h.key);
  if (beyond.length) await session.remove(beyond);
  for (;;) {
    try {
      await session.set({ [readerKey(id)]: { article, at } satisfies StoredArticle });
      return id;
    } catch (error) {
      // The area is full (or the write is refused): drop the oldest hand-off and try again.
      const oldest = older.pop()?.key;
      if (oldest === undefined) {
        console.warn(`Folio: the article does not fit in session storage (${String(error)}).`);
        return null;
      }
      await session.remove(oldest);
    }
  }
}
