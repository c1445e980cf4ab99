/**
 * The JSON backup: made and read back unchanged; foreign, broken or oversized files refused
 * with a message naming the problem; import merges by URL (newer wins) and a refused file
 * leaves the library exactly as it was.
 */
import { describe, expect, it, vi } from "vitest";
import {
  BACKUP_FORMAT,
  backupFileName,
  backupPieces,
  checkBackupSize,
  MAX_BACKUP_ARTICLES,
  makeBackup,
  parseBackup,
  validateBackup,
} from "../../../src/library/export/backup.ts";
import type { SavedArticle } from "../../../src/library/schema.ts";
import type { LibraryStore } from "../../../src/library/store.ts";
import { freshLibrary, makeArticle, makeRecord, ok, testClock } from "./helpers.ts";
import { importBackup } from "../../../src/library/merge.ts";

const EXPORTED = Date.UTC(2025, 5, 1, 9, 30);

function backupOf(articles: unknown[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    format: BACKUP_FORMAT,
    version: 1,
    exportedAt: "2025-06-01T09:30:00.000Z",
    articles,
    ...extra,
  });
}

describe("making a backup", () => {
  it("is the documented JSON, in pieces that join to one document", () => {
    const records = [makeRecord({ url: "https://b.example/1" }), makeRecord({ url: "https://b.example/2" })];
    const pieces = backupPieces(records, EXPORTED);
    expect(pieces).toHaveLength(records.length + 2);
    const parsed = JSON.parse(pieces.join(""));
    expect(parsed).toEqual({
      format: "folio-library",
      version: 1,
      exportedAt: "2025-06-01T09:30:00.000Z",
      articles: records,
    });
    expect(JSON.parse(makeBackup([], EXPORTED)).articles).toEqual([]);
    expect(backupFileName(new Date(2025, 5, 1, 23).getTime())).toBe("folio-library-2025-06-01.json");
  });

  it("reads back exactly what was written", () => {
    const records = [
      makeRecord({
        url: "https://b.example/1",
        title: 'Ünïcödé "quotes" \n newline',
        leadImage: { url: "https://i.example/x.jpg", alt: null, caption: "c" },
      }),
      makeRecord({ url: "https://b.example/2", removed: [], authors: [], dir: "rtl", lang: "ar" }),
    ];
    const parsed = parseBackup(makeBackup(records, EXPORTED));
    expect(parsed).toEqual({
      ok: true,
      backup: {
        format: "folio-library",
        version: 1,
        exportedAt: "2025-06-01T09:30:00.000Z",
        articles: records,
        annotations: [],
        images: [],
      },
    });
  });
});

describe("reading a backup refuses what it cannot trust", () => {
  const good = makeRecord({ url: "https://b.example/good" });
  const cases: [string, string, string][] = [
    ["not JSON", "PK\u0003\u0004 zip bytes", "This is not a Folio backup: the file is not JSON."],
    ["a JSON list", "[1,2]", "This is not a Folio backup: the file does not hold a backup object."],
    [
      "no format",
      JSON.stringify({ version: 1, articles: [] }),
      "This is not a Folio backup: missing format field.",
    ],
    [
      "another format",
      JSON.stringify({ format: "pocket-export", version: 1, articles: [] }),
      'This is not a Folio backup: its format is "pocket-export", not "folio-library".',
    ],
    [
      "no version",
      JSON.stringify({ format: "folio-library", articles: [] }),
      "This Folio backup has no version field.",
    ],
    [
      "a newer version",
      backupOf([], { version: 2 }),
      "This backup was made by a newer Folio (backup version 2; this Folio reads version 1). Update Folio to import it.",
    ],
    [
      "version as text",
      backupOf([], { version: "1" }),
      "This Folio backup's version is not a version number.",
    ],
    [
      "articles not a list",
      backupOf([], { articles: {} }),
      "This Folio backup's articles field must be a list.",
    ],
    [
      "no articles",
      JSON.stringify({ format: "folio-library", version: 1 }),
      "This Folio backup has no articles field.",
    ],
    ["a title that is a number", backupOf([good, { ...good, title: 12 }]), "Article 2: title must be text."],
    ["a missing URL", backupOf([{ ...good, url: undefined }]), "Article 1: url is missing."],
    ["a bad URL", backupOf([{ ...good, url: "javascript" }]), "Article 1: url is not a valid web address."],
    [
      "a string savedAt",
      backupOf([{ ...good, savedAt: "yesterday" }]),
      "Article 1: savedAt must be a number.",
    ],
    [
      "a negative word count",
      backupOf([{ ...good, wordCount: -1 }]),
      "Article 1: wordCount is out of range (-1).",
    ],
    ["an unknown dir", backupOf([{ ...good, dir: "up" }]), 'Article 1: dir must be "ltr" or "rtl".'],
    [
      "an unknown removal kind",
      backupOf([{ ...good, removed: [{ kind: "virus", reason: "r", text: "t" }] }]),
      "Article 1: removed[0].kind must be one of ad, ad-label, caption, credit, promo, lazy-image, headline, hidden, empty.",
    ],
    [
      "an author that is not text",
      backupOf([{ ...good, authors: ["A", {}] }]),
      "Article 1: authors[1] must be text.",
    ],
    [
      "a lead image without URL",
      backupOf([{ ...good, leadImage: { alt: "x" } }]),
      "Article 1: leadImage.url is missing.",
    ],
    ["an article that is text", backupOf([good, good, "hello"]), "Article 3: it is not an article object."],
    [
      "an overlong title",
      backupOf([{ ...good, title: "t".repeat(2001) }]),
      "Article 1: title is too long (2,001 characters; at most 2,000).",
    ],
  ];

  for (const [what, text, message] of cases) {
    it(`: ${what}`, () => {
      expect(parseBackup(text)).toEqual({ ok: false, message });
    });
  }

  it(": too many articles, before reading any", () => {
    const result = validateBackup({
      format: BACKUP_FORMAT,
      version: 1,
      articles: new Array(MAX_BACKUP_ARTICLES + 1),
    });
    expect(result).toEqual({
      ok: false,
      message: "This backup holds too many articles (100,001; at most 100,000).",
    });
  });

  it(": a file too large, by its size", () => {
    expect(checkBackupSize(10 * 1024 * 1024)).toBeNull();
    expect(checkBackupSize(600 * 1024 * 1024)).toBe(
      "This file is too large to be a Folio backup (600 MB; at most 500 MB).",
    );
  });

  it("accepts a byte-order mark and drops unknown fields", () => {
    const parsed = parseBackup(`\ufeff${backupOf([{ ...good, extra: "ignored" }])}`);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.backup.articles).toEqual([good]);
  });
});

async function snapshot(library: LibraryStore) {
  return {
    articles: ok(await library.all()).articles,
    list: ok(await library.list({ limit: 1000 })).items,
    terms: ok(await library.searchEntries()).entries,
  };
}

describe("importing a backup", () => {
  it("round-trips a whole library into an empty one", async () => {
    const source = await freshLibrary({ now: testClock().now });
    for (let i = 0; i < 5; i++) ok(await source.library.save(makeArticle({ url: `https://r.example/${i}` })));
    const before = await snapshot(source.library);
    const text = makeBackup(before.articles, EXPORTED);

    const target = await freshLibrary();
    const { report } = ok(await importBackup(target.library, text));
    expect(report).toMatchObject({ added: 5, updated: 0, kept: 0, unchanged: 0 });
    expect(await snapshot(target.library)).toEqual(before);

    // Importing the same file again changes nothing.
    const again = ok(await importBackup(target.library, text)).report;
    expect(again).toMatchObject({ added: 0, updated: 0, kept: 0, unchanged: 5, changed: [] });
  });

  it("merges by URL: the newer updatedAt wins, nothing is deleted", async () => {
    const clock = testClock(Date.UTC(2025, 0, 1));
    const { library } = await freshLibrary({ now: clock.now });
    clock.set(1_000_000);
    const olderHere = ok(
      await library.save(makeArticle({ url: "https://m.example/older-here", title: "Here v1" })),
    ).article;
    clock.set(9_000_000);
    const newerHere = ok(
      await library.save(makeArticle({ url: "https://m.example/newer-here", title: "Here v2" })),
    ).article;
    clock.set(2_000_000);
    const untouched = ok(await library.save(makeArticle({ url: "https://m.example/untouched" }))).article;

    const incoming: SavedArticle[] = [
      { ...olderHere, title: "From backup (newer)", savedAt: 500_000, updatedAt: 5_000_000 },
      { ...newerHere, title: "From backup (older)", updatedAt: 5_000_000 },
      makeRecord({ url: "https://m.example/new#frag", title: "Brand new", savedAt: 3_000_000 }),
      // The same URL twice in one file: its newer version counts.
      makeRecord({
        url: "https://m.example/new",
        title: "Brand new, older copy",
        savedAt: 1_000,
        updatedAt: 1_000,
      }),
    ];
    const { report } = ok(await importBackup(library, makeBackup(incoming, EXPORTED)));
    expect(report).toMatchObject({ added: 1, updated: 1, kept: 1, unchanged: 0 });
    expect(report.changed.map((e) => e.url).sort()).toEqual([
      "https://m.example/new",
      "https://m.example/older-here",
    ]);

    const updated = ok(await library.get(olderHere.url)).article!;
    expect(updated.title).toBe("From backup (newer)");
    expect(updated.updatedAt).toBe(5_000_000);
    expect(updated.savedAt).toBe(500_000); // the earlier first save
    expect(ok(await library.get(newerHere.url)).article).toEqual(newerHere);
    expect(ok(await library.get(untouched.url)).article).toEqual(untouched);
    expect(ok(await library.get("https://m.example/new")).article?.title).toBe("Brand new");
    expect(ok(await library.count()).count).toBe(4);
    // The summary and the search words follow the winning version.
    const terms = ok(await library.searchEntries()).entries.find((e) => e.url === olderHere.url)!;
    expect(terms.terms.split(" ")).toContain("backup");
  });

  it("refuses a bad file and changes nothing, even when its first articles are fine", async () => {
    const { library } = await freshLibrary({ now: testClock().now });
    ok(await library.save(makeArticle({ url: "https://x.example/1" })));
    ok(await library.save(makeArticle({ url: "https://x.example/2" })));
    const before = await snapshot(library);

    const good = makeRecord({ url: "https://x.example/new", updatedAt: Date.UTC(2030, 0, 1) });
    const newer = { ...before.articles[0]!, title: "Changed", updatedAt: Date.UTC(2030, 0, 1) };
    const files = [
      backupOf([good, newer, { ...good, url: "https://x.example/bad", wordCount: "many" }]),
      "{ not json",
      JSON.stringify({ articles: [good] }),
      backupOf([good], { version: 99 }),
    ];
    const messages: string[] = [];
    for (const text of files) {
      const result = await importBackup(library, text);
      if (result.ok) throw new Error("a bad file was imported");
      expect(result.error.kind).toBe("not-a-backup");
      messages.push(result.error.message);
      expect(await snapshot(library)).toEqual(before);
    }
    expect(messages[0]).toBe("Article 3: wordCount must be a number.");
    expect(messages[2]).toBe("This is not a Folio backup: missing format field.");
  });

  it("a write failure during import rolls the whole import back", async () => {
    const { library } = await freshLibrary({ now: testClock().now });
    ok(await library.save(makeArticle({ url: "https://y.example/1" })));
    const before = await snapshot(library);
    const incoming = Array.from({ length: 5 }, (_, i) => makeRecord({ url: `https://y.example/new-${i}` }));
    // The disk fills up at the fourth article: the three before it must not stay.
    const original = IDBObjectStore.prototype.put;
    let puts = 0;
    const spy = vi.spyOn(IDBObjectStore.prototype, "put").mockImplementation(function (
      this: IDBObjectStore,
      ...args
    ) {
      if (this.name === "articles" && ++puts === 4) throw new DOMException("full", "QuotaExceededError");
      return original.apply(this, args);
    });
    const result = await importBackup(library, makeBackup(incoming, EXPORTED));
    spy.mockRestore();
    expect(puts).toBe(4);
    expect(result).toMatchObject({ ok: false, error: { kind: "quota" } });
    expect(await snapshot(library)).toEqual(before);
  });
});
