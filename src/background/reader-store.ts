/**
 * Articles handed to reader tabs, in `storage.session` (memory only, gone when the browser
 * closes). The newest few are kept so a reader tab survives a reload.
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
  return typeof v === "object" && v !== null && typeof v.at === "number" && typeof v.article?.content === "string";
}

/** Stores `article` and returns its id; drops the oldest beyond the newest KEEP. */
export async function storeArticle(session: Browser.Storage.StorageArea, article: Article): Promise<string> {
  const id = crypto.randomUUID();
  await session.set({ [readerKey(id)]: { article, at: Date.now() } satisfies StoredArticle });
  const all = await session.get(null);
  const old = Object.entries(all)
    .filter(([key, value]) => key.startsWith(PREFIX) && isStoredArticle(value))
    .sort(([, a], [, b]) => (b as StoredArticle).at - (a as StoredArticle).at)
    .slice(KEEP)
    .map(([key]) => key);
  if (old.length) await session.remove(old);
  return id;
}
