/**
 * Links to read stored without their search words (fake-indexeddb): an import writes no `terms`
 * record for a link whose words are its summary's, and every reader of the words (the search
 * worker's batches, `searchEntries`) gets exactly the entry the link would have had stored.
 */
import { describe, expect, it } from "vitest";
import { importRecords } from "../../../src/library/merge.ts";
import { organise } from "../../../src/library/organise.ts";
import type { SavedArticle } from "../../../src/library/schema.ts";
import {
  derivableEntry,
  type SearchEntry,
  searchEntry,
  summaryEntry,
} from "../../../src/library/search-terms.ts";
import type { LibraryStore } from "../../../src/library/store.ts";
import { type ArticleSummary, toSummary } from "../../../src/library/summary.ts";
import { readBatch } from "../../../src/library-page/search-service.ts";
import { freshLibrary, makeArticle, makeRecord, ok, testClock } from "./helpers.ts";

const NOW = Date.UTC(2026, 10, 30, 12);

function link(i: number, fields: Partial<SavedArticle> = {}): SavedArticle {
  return makeRecord({
    url: `https://links.example/story-${i}`,
    title: `Story ${i} about Zürich`,
    siteName: null,
    byline: null,
    subtitle: null,
    excerpt: "",
    content: "",
    textContent: "",
    markdown: "",
    linkOnly: true,
    tags: i % 2 ? ["later"] : [],
    savedAt: NOW - 1000 * i,
    ...fields,
  });
}

const storedTerms = async (library: LibraryStore) =>
  ok(
    await library.transact("readonly", ["terms"], "count", async (tx) => ({
      urls: (await tx.objectStore("terms").getAllKeys()) as string[],
    })),
  ).urls;

const byUrl = <T extends { url: string }>(items: T[]) => [...items].sort((a, b) => (a.url < b.url ? -1 : 1));

describe("a link's search words", () => {
  it("are its summary's: the same entry as the one stored for it", () => {
    const record = link(1, { byline: "Ada Lovelace", siteName: "Links Daily" });
    expect(summaryEntry(toSummary(record))).toEqual(searchEntry(record));
    expect(derivableEntry(searchEntry(record), toSummary(record))).toBe(true);
    // A standfirst is searched, and a summary holds it only cut short: stored.
    const described = link(2, { subtitle: "A long standfirst with its own words" });
    expect(derivableEntry(searchEntry(described), toSummary(described))).toBe(false);
  });

  it("are not stored on import, and every reader gets them as if stored", async () => {
    const { library } = await freshLibrary({ now: testClock(NOW).now });
    ok(await library.save(makeArticle({ url: "https://links.example/read", title: "Read with its page" })));
    // The last link's address sorts after every stored entry's.
    const links = [...[1, 2, 3, 4, 5].map((i) => link(i)), link(7, { url: "https://zz.example/last" })];
    const described = link(6, { subtitle: "A standfirst the summary cuts" });
    const { report } = ok(await importRecords(library, [...links, described]));
    expect(report.added).toBe(7);
    // The article and the described link keep their words; the plain links do not need any.
    expect((await storedTerms(library)).sort()).toEqual([
      "https://links.example/read",
      "https://links.example/story-6",
    ]);
    // What the store would have held, for every article.
    const expected = byUrl([
      ...[...links, described].map((r) => searchEntry(r)),
      ...ok(await library.searchEntries()).entries.filter((e) => e.url.endsWith("/read")),
    ]);
    expect(byUrl(ok(await library.searchEntries()).entries)).toEqual(expected);
    // The search worker's batches (two, three or 500 articles a batch): the same entries, each
    // once, whichever store ends first.
    for (const size of [2, 3, 500]) {
      const seen: SearchEntry[] = [];
      let after: string | null = null;
      do {
        const batch: { entries: SearchEntry[]; summaries: ArticleSummary[]; last: string | null } = ok(
          await readBatch(library, after, size),
        );
        seen.push(...batch.entries);
        expect(batch.entries.map((e) => e.url).sort()).toEqual(batch.summaries.map((s) => s.url).sort());
        after = batch.last;
      } while (after !== null);
      expect(byUrl(seen)).toEqual(expected);
    }
  });

  it("are written again when the reader tags a link, and a stored entry goes when an import makes it needless", async () => {
    const clock = testClock(NOW);
    const { library } = await freshLibrary({ now: clock.now });
    ok(await importRecords(library, [link(1)]));
    expect(await storedTerms(library)).toEqual([]);
    // The test's clock, not the machine's: the newer copy below is a minute after NOW.
    ok(await organise(library, "https://links.example/story-1", { tags: ["harbour"] }, clock.now()));
    expect(await storedTerms(library)).toEqual(["https://links.example/story-1"]);
    const tagged = ok(await library.searchEntries()).entries[0]!;
    expect(tagged.terms.split(" ")).toContain("harbour");
    // A newer version of the link from a file: its words are its summary's again.
    const newer = link(1, { tags: ["harbour", "ships"], updatedAt: NOW + 60_000 });
    expect(ok(await importRecords(library, [newer])).report.updated).toBe(1);
    expect(await storedTerms(library)).toEqual([]);
    expect(ok(await library.searchEntries()).entries).toEqual([searchEntry(newer)]);
  });
});
