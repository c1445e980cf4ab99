/** Shared set-up of the library tests: articles as the core returns them, and a fresh library. */
import "fake-indexeddb/auto";
import type { Article } from "../../../src/core/types.ts";
import { READER_DEFAULTS, type SavedArticle } from "../../../src/library/schema.ts";
import { type LibraryOptions, type LibraryStore, openLibrary } from "../../../src/library/store.ts";

let counter = 0;

/** A core-shaped article; `markdown` defaults to a string with the core's front matter. */
export function makeArticle(fields: Partial<Article> = {}): Article {
  counter++;
  const title = fields.title ?? `Article ${counter}`;
  const url = fields.url ?? `https://news.example/story-${counter}`;
  return {
    url,
    title,
    subtitle: null,
    byline: "Ada Lovelace",
    authors: ["Ada Lovelace"],
    siteName: "The Example Times",
    publishedTime: "2024-06-18T14:30:00+02:00",
    modifiedTime: null,
    lang: "en",
    dir: "ltr",
    excerpt: "A short excerpt.",
    leadImage: null,
    content: '<p>The body of the article, with <a href="https://news.example/x">a link</a>.</p>',
    textContent: "The body of the article, with a link.",
    markdown: `---\ntitle: ${JSON.stringify(title)}\nsource: ${JSON.stringify(url)}\n---\n\n# ${title}\n\nThe body.\n`,
    wordCount: 8,
    readingTimeMinutes: 1,
    readerable: true,
    removed: [{ kind: "ad", reason: "ad slot (class ad-slot)", text: "ADVERTISEMENT" }],
    ...fields,
  };
}

/** A stored-shaped record (for search and export tests that need no database). */
export function makeRecord(fields: Partial<SavedArticle> = {}): SavedArticle {
  const { savedAt = Date.UTC(2025, 2, 14, 12), updatedAt, ...rest } = fields;
  const article = makeArticle(rest as Partial<Article>);
  return {
    ...article,
    markdown: article.markdown ?? "",
    ...READER_DEFAULTS,
    savedAt,
    updatedAt: updatedAt ?? savedAt,
    ...rest,
  };
}

/** A clock the test moves: each read is 1 s after the last unless set. */
export function testClock(start = Date.UTC(2025, 0, 1, 12)) {
  let time = start;
  const now = () => {
    time += 1000;
    return time;
  };
  /** The next `now()` returns `t`. */
  const set = (t: number) => {
    time = t - 1000;
  };
  return { now, set };
}

let dbCount = 0;

/** A library in a fresh in-memory IndexedDB (fake-indexeddb), with its own factory. */
export async function freshLibrary(
  options: LibraryOptions = {},
): Promise<{ library: LibraryStore; factory: IDBFactory; name: string }> {
  const factory = new IDBFactory();
  const name = `library-test-${++dbCount}`;
  const opened = await openLibrary(factory, { name, ...options });
  if (!opened.ok) throw new Error(opened.error.message);
  return { library: opened.library, factory, name };
}

/** Unwraps a successful library result, failing the test with the message otherwise. */
export function ok<T extends { ok: boolean }>(result: T): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result)}`);
  return result as Extract<T, { ok: true }>;
}
