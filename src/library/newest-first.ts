/**
 * One page of the library's summaries, newest saved first, from the `bySaved` index: what the
 * library page's first screen and its "Show more" read (store.ts `list`).
 *
 * Where the browser has IndexedDB 3.0's `getAllRecords` (Chrome 141+), the page is one request
 * (and one record more, to know whether there is a next page): a cursor walk asks the database
 * once per row, 4-14 ms for the first 20 rows where this takes 1-3. Elsewhere, the cursor.
 */
import { type IDBPIndex, unwrap, wrap } from "idb";
import type { LibrarySchema } from "./db.ts";
import type { ArticleSummary } from "./summary.ts";

export interface PageCursor {
  savedAt: number;
  url: string;
}

export interface SummaryPage {
  items: ArticleSummary[];
  /** Where the next page starts; null after the last page. */
  next: PageCursor | null;
}

/** IndexedDB 3.0's `getAllRecords`, which TypeScript's DOM types do not have yet. */
interface RecordsIndex {
  getAllRecords(options: {
    query?: IDBKeyRange | null;
    count?: number;
    direction?: IDBCursorDirection;
  }): IDBRequest<{ value: ArticleSummary }[]>;
}

// biome-ignore lint/suspicious/noExplicitAny: the index of any transaction's mode
type BySaved = IDBPIndex<LibrarySchema, any, "summaries", "bySaved", any>;

const cursorOf = (last: ArticleSummary | undefined): PageCursor | null =>
  last ? { savedAt: last.savedAt, url: last.url } : null;

export async function newestFirst(
  index: BySaved,
  after: PageCursor | null,
  limit: number,
): Promise<SummaryPage> {
  const range = after ? IDBKeyRange.upperBound([after.savedAt, after.url], true) : null;
  const raw = unwrap(index) as IDBIndex & Partial<RecordsIndex>;
  if (typeof raw.getAllRecords === "function") {
    const request = raw.getAllRecords({ query: range, count: limit + 1, direction: "prev" });
    const records = (await wrap(request)) as unknown as { value: ArticleSummary }[];
    const items = records.slice(0, limit).map((r) => r.value);
    return { items, next: records.length > limit ? cursorOf(items.at(-1)) : null };
  }
  const items: ArticleSummary[] = [];
  let cursor = await index.openCursor(range, "prev");
  while (cursor && items.length < limit) {
    items.push(cursor.value);
    cursor = await cursor.continue();
  }
  return { items, next: cursor ? cursorOf(items.at(-1)) : null };
}
