/**
 * LibraryStore on fake-indexeddb: save and update in place, transactional failures that leave
 * nothing partial, list order and paging, delete and Undo, and migrations.
 */
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { extractArticle } from "../../../src/core/extract.ts";
import { toMarkdown } from "../../../src/core/markdown.ts";
import { DB_VERSION, MIGRATIONS, type Migration, openLibraryDb } from "../../../src/library/db.ts";
import { READER_DEFAULTS } from "../../../src/library/schema.ts";
import { toSummary } from "../../../src/library/summary.ts";
import { openLibrary, type PageCursor, type SummaryPage } from "../../../src/library/store.ts";
import { parseDocument } from "../../../src/node/jsdom.ts";
import { freshLibrary, makeArticle, makeRecord, ok, testClock } from "./helpers.ts";
import { restoreArticles } from "../../../src/library/merge.ts";

afterEach(() => {
  vi.restoreAllMocks();
});

/** Makes every `put` into `storeName` throw as a full disk does. */
function failPutsInto(storeName: string, errorName = "QuotaExceededError") {
  const original = IDBObjectStore.prototype.put;
  return vi.spyOn(IDBObjectStore.prototype, "put").mockImplementation(function (
    this: IDBObjectStore,
    ...args
  ) {
    if (this.name === storeName) throw new DOMException("The quota has been exceeded.", errorName);
    return original.apply(this, args);
  });
}

describe("save", () => {
  it("adds, then updates the same URL in place: no duplicate, savedAt kept, updatedAt moved", async () => {
    const clock = testClock();
    const { library } = await freshLibrary({ now: clock.now });
    const first = ok(
      await library.save(makeArticle({ url: "https://news.example/a", title: "First title" })),
    );
    expect(first.status).toBe("added");

    const again = ok(
      await library.save(makeArticle({ url: "https://news.example/a#comments", title: "New title" })),
    );
    expect(again.status).toBe("updated");
    expect(again.article.savedAt).toBe(first.article.savedAt);
    expect(again.article.updatedAt).toBeGreaterThan(first.article.updatedAt);

    expect(ok(await library.count()).count).toBe(1);
    const stored = ok(await library.get("https://news.example/a")).article!;
    expect(stored.title).toBe("New title");
    expect(stored.savedAt).toBe(first.article.savedAt);
    const page = ok(await library.list());
    expect(page.items.map((s) => [s.url, s.title])).toEqual([["https://news.example/a", "New title"]]);
    expect(ok(await library.searchEntries()).entries).toHaveLength(1);
  });

  it("keys by the URL without its fragment", async () => {
    const { library } = await freshLibrary();
    const saved = ok(await library.save(makeArticle({ url: "https://news.example/b#top" })));
    expect(saved.article.url).toBe("https://news.example/b");
    expect(ok(await library.get("https://news.example/b#elsewhere")).article?.url).toBe(
      "https://news.example/b",
    );
    expect(ok(await library.get("https://news.example/c")).article).toBeNull();
  });

  it("stores everything the core returned, as plain data, and refuses an article without its Markdown", async () => {
    const html = readFileSync(new URL("../../fixtures/pages/seed-deccan.html", import.meta.url), "utf8");
    const page = parseDocument(html, "https://www.deccanherald.com/story");
    const lazy = extractArticle(page.document, { url: "https://www.deccanherald.com/story", force: true });
    const skipped = extractArticle(page.document, {
      url: "https://www.deccanherald.com/story",
      force: true,
      markdown: false,
    });
    if (!lazy.ok) throw new Error(`the fixture did not extract: ${lazy.error.message}`);
    if (!skipped.ok) throw new Error(`the fixture did not extract: ${skipped.error.message}`);
    expect(skipped.article.markdown).toBeNull();

    const { library } = await freshLibrary();
    // The library makes no Markdown (the service worker carries no converter): an article
    // without it is refused, and the one with it is stored with the core's Markdown.
    expect(await library.save(skipped.article)).toEqual({
      ok: false,
      error: { kind: "invalid", message: "This article cannot be saved: its Markdown was not made." },
    });
    const saved = ok(await library.save(lazy.article)).article;
    expect(saved.markdown).toBe(toMarkdown(skipped.article));
    const stored = ok(await library.get(saved.url)).article!;
    const { markdown: _m, ...core } = skipped.article;
    const { markdown, savedAt, updatedAt, ...rest } = stored;
    expect(rest).toEqual({ ...core, url: saved.url, ...READER_DEFAULTS });
    expect(typeof markdown).toBe("string");
    expect(savedAt).toBeTypeOf("number");
    expect(updatedAt).toBe(savedAt);
    expect(stored.removed.length).toBeGreaterThan(0);
  });

  it("refuses an invalid article with a message naming the field, storing nothing", async () => {
    const { library } = await freshLibrary();
    const bad = makeArticle({ authors: [(() => "x") as unknown as string] });
    const result = await library.save(bad);
    expect(result).toEqual({
      ok: false,
      error: { kind: "invalid", message: "This article cannot be saved: authors[0] must be text." },
    });
    const noUrl = await library.save(makeArticle({ url: "not a url" }));
    expect(noUrl.ok).toBe(false);
    if (!noUrl.ok) expect(noUrl.error.message).toMatch(/url is not a valid web address/);
    expect(ok(await library.count()).count).toBe(0);
  });

  it("drops fields the library does not know, so an uncloneable extra cannot break a save", async () => {
    const { library } = await freshLibrary();
    const article = Object.assign(makeArticle(), { callback: () => 1, node: { self: null as unknown } });
    const saved = ok(await library.save(article));
    expect(Object.keys(ok(await library.get(saved.article.url)).article!)).not.toContain("callback");
  });

  it("a failed write (quota) leaves no partial record and says what happened", async () => {
    const { library } = await freshLibrary();
    const spy = failPutsInto("terms");
    const result = await library.save(makeArticle({ url: "https://news.example/q" }));
    expect(spy).toHaveBeenCalled();
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.kind).toBe("quota");
      expect(result.error.message).toMatch(/no more storage space/);
      expect(result.error.message).toMatch(/Nothing was changed/);
    }
    spy.mockRestore();
    // The article and summary puts ran before the failing one: the abort rolled them back.
    expect(ok(await library.get("https://news.example/q")).article).toBeNull();
    expect(ok(await library.count()).count).toBe(0);
    expect(ok(await library.list()).items).toEqual([]);
  });

  it("a failed update keeps the previous version whole", async () => {
    const { library } = await freshLibrary();
    const before = ok(await library.save(makeArticle({ url: "https://news.example/u", title: "Old" })));
    const spy = failPutsInto("summaries", "UnknownError");
    const result = await library.save(makeArticle({ url: "https://news.example/u", title: "New" }));
    spy.mockRestore();
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.kind).toBe("error");
    expect(ok(await library.get("https://news.example/u")).article).toEqual(before.article);
    expect(ok(await library.list()).items[0]!.title).toBe("Old");
    expect(ok(await library.searchEntries()).entries[0]!.terms).toContain("old");
  });

  it("a closed library answers with a typed failure instead of throwing", async () => {
    const { library } = await freshLibrary();
    ok(await library.save(makeArticle()));
    library.close();
    const result = await library.save(makeArticle());
    expect(result).toMatchObject({ ok: false, error: { kind: "closed" } });
    expect((await library.list()).ok).toBe(false);
    expect((await library.delete(["https://news.example/x"])).ok).toBe(false);
  });

  it("closes itself when another tab upgrades the database, and says to reload", async () => {
    const onClosed = vi.fn();
    const { library, factory, name } = await freshLibrary({ onClosed });
    const upgrade = factory.open(name, DB_VERSION + 1);
    await new Promise((resolve, reject) => {
      upgrade.onsuccess = resolve;
      upgrade.onerror = reject;
    });
    upgrade.result.close();
    expect(onClosed).toHaveBeenCalledWith("version-change");
    const result = await library.save(makeArticle());
    expect(result).toMatchObject({
      ok: false,
      error: { kind: "closed", message: expect.stringMatching(/another tab/) },
    });
  });
});

describe("list", () => {
  it("is newest saved first, pages without gaps or repeats, and an update keeps the place", async () => {
    const clock = testClock();
    const { library } = await freshLibrary({ now: clock.now });
    const urls: string[] = [];
    for (let i = 0; i < 7; i++) {
      const url = `https://news.example/list-${i}`;
      urls.push(url);
      ok(await library.save(makeArticle({ url })));
    }
    // Re-saving an old article does not move it to the top: the list is by first save.
    ok(await library.save(makeArticle({ url: urls[0]!, title: "Updated" })));

    const seen: string[] = [];
    let after: PageCursor | null = null;
    let pages = 0;
    do {
      const page: SummaryPage = ok(await library.list({ limit: 3, after }));
      seen.push(...page.items.map((s) => s.url));
      after = page.next;
      pages++;
    } while (after);
    expect(pages).toBe(3);
    expect(seen).toEqual([...urls].reverse());
  });

  it("orders articles saved in the same millisecond by URL, and pages through them", async () => {
    const { library } = await freshLibrary({ now: () => 1_700_000_000_000 });
    for (const url of ["https://a.example/1", "https://a.example/2", "https://a.example/3"]) {
      ok(await library.save(makeArticle({ url })));
    }
    const first = ok(await library.list({ limit: 2 }));
    const second = ok(await library.list({ limit: 2, after: first.next }));
    expect([...first.items, ...second.items].map((s) => s.url)).toEqual([
      "https://a.example/3",
      "https://a.example/2",
      "https://a.example/1",
    ]);
    expect(second.next).toBeNull();
  });

  it("pages the same with getAllRecords and with a cursor (browsers without IndexedDB 3.0)", async () => {
    const clock = testClock();
    const { library } = await freshLibrary({ now: clock.now });
    for (let i = 0; i < 7; i++) ok(await library.save(makeArticle({ url: `https://both.example/${i}` })));
    const pages = async () => {
      const seen: { urls: string[]; next: PageCursor | null }[] = [];
      let after: PageCursor | null = null;
      do {
        const page: SummaryPage = ok(await library.list({ limit: 3, after }));
        seen.push({ urls: page.items.map((s) => s.url), next: page.next });
        after = page.next;
      } while (after);
      return seen;
    };
    const proto = globalThis.IDBIndex.prototype as { getAllRecords?: unknown };
    expect(typeof proto.getAllRecords).toBe("function");
    const withRecords = await pages();
    const getAllRecords = proto.getAllRecords;
    delete proto.getAllRecords;
    try {
      expect(await pages()).toEqual(withRecords);
    } finally {
      proto.getAllRecords = getAllRecords;
    }
    expect(withRecords.map((p) => p.urls.length)).toEqual([3, 3, 1]);
    expect(withRecords.at(-1)!.next).toBeNull();
  });

  it("allSummaries reads every summary at once, in the list's order", async () => {
    const { library } = await freshLibrary({ now: () => 1_700_000_000_000 });
    expect(ok(await library.allSummaries()).items).toEqual([]);
    const clock = testClock();
    const { library: other } = await freshLibrary({ now: clock.now });
    for (let i = 0; i < 5; i++) ok(await other.save(makeArticle({ url: `https://all.example/${i}` })));
    ok(await other.save(makeArticle({ url: "https://all.example/0", title: "Updated" })));
    const all = ok(await other.allSummaries()).items;
    const listed = ok(await other.list({ limit: 10 })).items;
    expect(all).toEqual(listed);
    expect(all.map((s) => s.url).at(-1)).toBe("https://all.example/0");
  });

  it("summaries are small and fetched in the order asked", async () => {
    const { library } = await freshLibrary({ now: testClock().now });
    const long = "word ".repeat(5000);
    ok(await library.save(makeArticle({ url: "https://s.example/1", excerpt: null, textContent: long })));
    ok(await library.save(makeArticle({ url: "https://s.example/2", siteName: null })));
    const { items } = ok(
      await library.summaries(["https://s.example/2", "https://s.example/none", "https://s.example/1"]),
    );
    expect(items.map((s) => s.url)).toEqual(["https://s.example/2", "https://s.example/1"]);
    expect(items[0]!.site).toBe("s.example");
    expect(items[1]!.excerpt.length).toBeLessThanOrEqual(280);
    expect(items[1]!.excerpt.endsWith("…")).toBe(true);
    expect(JSON.stringify(items[1]).length).toBeLessThan(1000);
  });
});

describe("delete and restore", () => {
  it("returns the deleted records, and restore puts them back exactly", async () => {
    const { library } = await freshLibrary({ now: testClock().now });
    const a = ok(await library.save(makeArticle({ url: "https://d.example/a" }))).article;
    const b = ok(await library.save(makeArticle({ url: "https://d.example/b" }))).article;
    ok(await library.save(makeArticle({ url: "https://d.example/c" })));

    const { deleted } = ok(
      await library.delete(["https://d.example/a", "https://d.example/b#x", "https://d.example/none"]),
    );
    expect(deleted).toEqual([a, b]);
    expect(ok(await library.count()).count).toBe(1);
    expect(ok(await library.get(a.url)).article).toBeNull();
    expect(ok(await library.searchEntries()).entries.map((e) => e.url)).toEqual(["https://d.example/c"]);

    const { report } = ok(await restoreArticles(library, deleted));
    expect(report).toMatchObject({ added: 2, updated: 0, kept: 0, unchanged: 0 });
    expect(report.changed.map((e) => e.url).sort()).toEqual([a.url, b.url]);
    expect(ok(await library.get(a.url)).article).toEqual(a);
    expect(ok(await library.get(b.url)).article).toEqual(b);
    expect(ok(await library.list()).items.map((s) => s.url)).toEqual([
      "https://d.example/c",
      "https://d.example/b",
      "https://d.example/a",
    ]);
  });

  it("restore does not overwrite an article saved again since the delete", async () => {
    const { library } = await freshLibrary({ now: testClock().now });
    ok(await library.save(makeArticle({ url: "https://d.example/r", title: "Old" })));
    const { deleted } = ok(await library.delete(["https://d.example/r"]));
    ok(await library.save(makeArticle({ url: "https://d.example/r", title: "Saved again" })));
    const { report } = ok(await restoreArticles(library, deleted));
    expect(report).toMatchObject({ added: 0, updated: 0, kept: 1 });
    expect(ok(await library.get("https://d.example/r")).article?.title).toBe("Saved again");
  });
});

describe("migrations", () => {
  it("creates version 1 with its stores and the list index", async () => {
    const factory = new IDBFactory();
    const db = await openLibraryDb(factory, "schema-v1", {}, MIGRATIONS.slice(0, 1));
    expect(db.version).toBe(1);
    expect([...db.objectStoreNames].sort()).toEqual(["articles", "summaries", "terms"]);
    expect([...db.transaction("summaries").store.indexNames]).toEqual(["bySaved"]);
    db.close();
  });

  it("runs a further step on the current database, keeping its records", async () => {
    const factory = new IDBFactory();
    const opened = await openLibrary(factory, { name: "schema-up" });
    if (!opened.ok) throw new Error(opened.error.message);
    ok(await opened.library.save(makeArticle({ url: "https://m.example/1", siteName: "Site" })));
    opened.library.close();

    const next: Migration = (_db, tx) => {
      tx.objectStore("summaries").createIndex("bySite" as never, "site");
    };
    const db = await openLibraryDb(factory, "schema-up", {}, [...MIGRATIONS, next]);
    expect(db.version).toBe(DB_VERSION + 1);
    const index = db.transaction("summaries").store.index("bySite" as never);
    expect(await index.count("Site" as never)).toBe(1);
    db.close();

    // An older Folio meeting the newer database refuses to open it rather than damaging it.
    const old = await openLibrary(factory, { name: "schema-up" });
    expect(old).toMatchObject({
      ok: false,
      error: { kind: "unavailable", message: expect.stringMatching(/newer version/) },
    });
  });

  it("a failing step leaves the database at its old version with its records", async () => {
    const factory = new IDBFactory();
    const opened = await openLibrary(factory, { name: "schema-fail" });
    if (!opened.ok) throw new Error(opened.error.message);
    ok(await opened.library.save(makeArticle({ url: "https://m.example/kept" })));
    opened.library.close();

    const broken: Migration = (db) => {
      db.createObjectStore("extra" as never);
      throw new Error("step failed");
    };
    await expect(openLibraryDb(factory, "schema-fail", {}, [...MIGRATIONS, broken])).rejects.toThrow(
      "step failed",
    );
    const again = await openLibrary(factory, { name: "schema-fail" });
    if (!again.ok) throw new Error(again.error.message);
    expect(ok(await again.library.get("https://m.example/kept")).article).not.toBeNull();
    again.library.close();
  });

  it("v1 -> v2 gives every article and summary of an old library its tags, state, favourite and link flag", async () => {
    const factory = new IDBFactory();
    const v1 = await openLibraryDb(factory, "schema-v1-old", {}, MIGRATIONS.slice(0, 1));
    // A record as version 1 stored it: none of the reader's own entries.
    const {
      tags: _t,
      state: _s,
      favourite: _f,
      linkOnly: _l,
      ...old
    } = makeRecord({
      url: "https://m.example/old",
      title: "Saved by an older Folio",
    });
    const oldSummary: Record<string, unknown> = { ...toSummary({ ...old, ...READER_DEFAULTS }) };
    for (const key of ["tags", "state", "favourite", "linkOnly"]) delete oldSummary[key];
    const tx = v1.transaction(["articles", "summaries"], "readwrite");
    await tx.objectStore("articles").put(old as never);
    await tx.objectStore("summaries").put(oldSummary as never);
    await tx.done;
    v1.close();

    const opened = await openLibrary(factory, { name: "schema-v1-old" });
    if (!opened.ok) throw new Error(opened.error.message);
    const article = ok(await opened.library.get("https://m.example/old")).article!;
    expect(article).toMatchObject({ title: "Saved by an older Folio", ...READER_DEFAULTS });
    const [summary] = ok(await opened.library.list()).items;
    expect(summary).toMatchObject({ url: "https://m.example/old", ...READER_DEFAULTS });
    expect(DB_VERSION).toBe(2);
    opened.library.close();
  });
});
