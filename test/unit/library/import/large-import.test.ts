/**
 * A large import (fake-indexeddb): thousands of links written in chunks of one transaction,
 * every row kept, the progress told, the merge rules still holding, and a failure midway
 * leaving the library exactly as it was (all or nothing).
 */
import { describe, expect, it } from "vitest";
import { importFile } from "../../../../src/library/import/import-file.ts";
import { importRecords } from "../../../../src/library/merge.ts";
import type { SavedArticle } from "../../../../src/library/schema.ts";
import { freshLibrary, makeArticle, makeRecord, ok, testClock } from "../helpers.ts";
import { parseHtml } from "./helpers.ts";

const NOW = Date.UTC(2026, 10, 29, 12);
const ROWS = 2_500;

function pocketCsv(rows: number): Uint8Array {
  const lines = ["title,url,time_added,tags,status"];
  for (let i = 0; i < rows; i++) {
    lines.push(
      `"Story ${i}",https://many.example/story-${i},${1_700_000_000 + i},${i % 3 ? "" : "later"},unread`,
    );
  }
  return new TextEncoder().encode(lines.join("\n"));
}

function link(i: number, fields: Partial<SavedArticle> = {}): SavedArticle {
  return makeRecord({
    url: `https://many.example/story-${i}`,
    title: `Story ${i}`,
    content: "",
    textContent: "",
    markdown: "",
    linkOnly: true,
    savedAt: NOW - 1000 * i,
    ...fields,
  });
}

describe("a large import", () => {
  it("keeps every row of a 2,500-row Pocket file, tells how far the writing is, and keeps a newer local copy", async () => {
    const { library } = await freshLibrary({ now: testClock(NOW + 60_000).now });
    // Saved here with its page: a link of the file never replaces it.
    ok(await library.save(makeArticle({ url: "https://many.example/story-7", title: "Read here" })));
    const writing: [number, number][] = [];
    const { report } = ok(
      await importFile(
        library,
        { name: "part_000000.csv", bytes: pocketCsv(ROWS) },
        { parseHtml, now: NOW, pause: async () => {}, writing: (done, total) => writing.push([done, total]) },
      ),
    );
    expect(report).toMatchObject({ added: ROWS - 1, updated: 0, kept: 1, unchanged: 0 });
    expect(report.changed).toHaveLength(ROWS - 1);
    // Links show no images: none is named for an image status.
    expect(report.withPages).toEqual([]);
    expect(ok(await library.count()).count).toBe(ROWS);
    expect(ok(await library.searchEntries()).entries).toHaveLength(ROWS);
    expect(ok(await library.all()).articles).toHaveLength(ROWS);
    expect(ok(await library.get("https://many.example/story-7")).article?.title).toBe("Read here");
    expect(ok(await library.get("https://many.example/story-2499")).article).toMatchObject({
      linkOnly: true,
      savedAt: (1_700_000_000 + 2499) * 1000,
    });
    // Told after each chunk, in order, ending with everything written.
    expect(writing.length).toBeGreaterThanOrEqual(3);
    expect(writing.every(([, total]) => total === ROWS - 1)).toBe(true);
    expect(writing.map(([done]) => done)).toEqual([...writing.map(([done]) => done)].sort((a, b) => a - b));
    expect(writing.at(-1)).toEqual([ROWS - 1, ROWS - 1]);
  });

  it("names the articles that came with their page, and not the links, for their images", async () => {
    const { library } = await freshLibrary();
    const records = [link(1), makeRecord({ url: "https://many.example/with-page", savedAt: NOW }), link(2)];
    const { report } = ok(await importRecords(library, records));
    expect(report.added).toBe(3);
    expect(report.withPages).toEqual(["https://many.example/with-page"]);
  });

  it("leaves the library as it was when a write fails after the first chunks were written", async () => {
    const { library } = await freshLibrary({ now: testClock(NOW).now });
    const mine = ok(
      await library.save(makeArticle({ url: "https://many.example/story-5", title: "Mine" })),
    ).article;
    const records = Array.from({ length: ROWS }, (_, i) => link(i + 10));
    // A value IndexedDB cannot store, in the third chunk: the first is written by then.
    (records[2_200] as unknown as { tags: unknown }).tags = [() => "not data"];
    records.push(link(5, { linkOnly: false, title: "Theirs", updatedAt: NOW + 1e9 }));
    const writing: number[] = [];
    const result = await importRecords(library, records, (done) => writing.push(done));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/Nothing was changed/);
    expect(writing).toContain(1000);
    expect(ok(await library.count()).count).toBe(1);
    expect(ok(await library.searchEntries()).entries.map((e) => e.url)).toEqual([mine.url]);
    expect(ok(await library.get(mine.url)).article).toEqual(mine);
    expect(ok(await library.get("https://many.example/story-10")).article).toBeNull();
  });
});
