/**
 * The search index's sets (search.ts): posting lists that become bitsets and lists again as
 * the library grows and shrinks, the short-prefix sets kept current, the date order kept
 * through changes, and `match` (a count, rows a page at a time, `freeze`). Checked against a
 * plain model of the same rules over thousands of random changes and queries.
 */
import { describe, expect, it } from "vitest";
import { seededRandom } from "../../../bench/stats.ts";
import { type Matches, SearchIndex } from "../../../src/library/search.ts";
import { parseQuery, type SearchEntry } from "../../../src/library/search-terms.ts";

const random = seededRandom;

/** Words from very common to rare, sharing prefixes ("ca", "cab", "cabin"...). */
const VOCABULARY = [
  "a",
  "ca",
  "cab",
  "cabin",
  "cable",
  "cafe",
  "car",
  "card",
  "care",
  "cart",
  "zeta",
  "zebra",
  "zen",
  "mu",
  "munich",
  "muse",
  "river",
  "rivet",
  "road",
  "東",
  "京",
  ...Array.from({ length: 60 }, (_, i) => `rare${i}`),
];

/** The rules, plainly: every whole word, some word with the prefix, the site, newest first. */
function expected(entries: Map<string, SearchEntry>, query: string, site: string | null): string[] {
  const { whole, prefix } = parseQuery(query);
  return [...entries.values()]
    .filter((e) => {
      const words = e.terms.split(" ");
      if (site && e.site.toLowerCase() !== site) return false;
      if (!whole.every((w) => words.includes(w))) return false;
      return prefix === null || words.some((w) => w.startsWith(prefix));
    })
    .sort((a, b) => b.savedAt - a.savedAt || (a.url < b.url ? 1 : a.url > b.url ? -1 : 0))
    .map((e) => e.url);
}

function entry(rand: () => number, url: string, clock: number): SearchEntry {
  const words = new Set<string>();
  // Zipf-like: the first words in most entries, the rare ones in few.
  for (const [rank, word] of VOCABULARY.entries()) if (rand() < 1.5 / (rank + 1.5)) words.add(word);
  return {
    url,
    site: rand() < 0.5 ? "Site A" : "Site B",
    // Ties on purpose: then by URL.
    savedAt: Math.floor(clock / 3),
    terms: [...words].join(" "),
  };
}

const QUERIES = [
  "",
  "c",
  "ca",
  "cab",
  "cabin ",
  "car c",
  "z",
  "ze",
  "mu",
  "munich r",
  "a c",
  "rare1",
  "東",
  "x",
];

describe("SearchIndex sets", () => {
  it("answers as the plain rules do through thousands of random adds, replacements and removals", () => {
    const rand = random(7);
    const index = new SearchIndex();
    const model = new Map<string, SearchEntry>();
    let clock = 0;
    let urls = 0;
    for (let step = 0; step < 150; step++) {
      const roll = rand();
      if (roll < 0.45) {
        // A batch: new articles, and some saved again (replaced).
        const batch: SearchEntry[] = [];
        const n = 1 + Math.floor(rand() * (rand() < 0.2 ? 200 : 20));
        for (let i = 0; i < n; i++) {
          const known = [...model.keys()];
          const url =
            known.length && rand() < 0.2
              ? known[Math.floor(rand() * known.length)]!
              : `https://x.example/${++urls}`;
          const e = entry(rand, url, ++clock);
          batch.push(e);
          model.set(url, e);
        }
        if (rand() < 0.1) index.reserve(model.size + 100);
        index.addAll(batch);
      } else if (roll < 0.75) {
        // Removals, many at once now and then (the postings become lists again).
        const known = [...model.keys()];
        const n = Math.floor(rand() * (rand() < 0.2 ? known.length : 8));
        for (let i = 0; i < n && known.length; i++) {
          const url = known.splice(Math.floor(rand() * known.length), 1)[0]!;
          expect(index.remove(url)).toBe(true);
          model.delete(url);
        }
      } else if (roll < 0.85) {
        index.prepare();
      }
      expect(index.size).toBe(model.size);
      for (const query of QUERIES) {
        for (const site of [null, "site a"]) {
          const want = expected(model, query, site);
          const matches = index.match(query, { site });
          expect(matches.count, `${query} ${site}`).toBe(want.length);
          expect(matches.slice(0, 5)).toEqual(want.slice(0, 5));
          expect(matches.slice(5, 7)).toEqual(want.slice(5, 12));
          if (step % 10 === 0) expect(index.search(query, { site })).toEqual(want);
        }
      }
    }
  }, 60_000);

  it("gives a count and rows a page at a time, and keeps a frozen answer through changes", () => {
    const entries = Array.from({ length: 100 }, (_, i) => ({
      url: `https://p.example/${String(i).padStart(3, "0")}`,
      site: "P",
      savedAt: i,
      terms: i % 2 ? "odd story" : "even story",
    }));
    const index = new SearchIndex(entries);
    const stories = index.match("stor");
    expect(stories.count).toBe(100);
    expect(stories.slice(0, 3)).toEqual([
      "https://p.example/099",
      "https://p.example/098",
      "https://p.example/097",
    ]);
    expect(stories.slice(98, 5)).toEqual(["https://p.example/001", "https://p.example/000"]);
    expect(stories.slice(0, 2)).toEqual(["https://p.example/099", "https://p.example/098"]);
    const odd: Matches = index.match("odd ");
    expect(odd.count).toBe(50);
    odd.freeze();
    index.remove("https://p.example/099");
    index.add({ url: "https://p.example/new", site: "P", savedAt: 1000, terms: "odd" });
    // Frozen: the rows as they were found (the page skips the deleted one itself).
    expect(odd.slice(0, 2)).toEqual(["https://p.example/099", "https://p.example/097"]);
    expect(odd.all()).toHaveLength(50);
    // Not frozen: out of date, and says so rather than answer with other articles.
    expect(() => stories.slice(0, 3)).toThrow(/changed/);
    expect(index.match("odd ").slice(0, 2)).toEqual(["https://p.example/new", "https://p.example/097"]);
    expect(index.match("nothing-here").count).toBe(0);
    expect(index.match("nothing-here").all()).toEqual([]);
  });

  it("keeps the one- and two-letter prefix sets true after changes", () => {
    const index = new SearchIndex([
      { url: "https://a.example/1", site: "A", savedAt: 1, terms: "cabin river" },
      { url: "https://a.example/2", site: "A", savedAt: 2, terms: "cable" },
    ]);
    index.prepare();
    expect(index.search("c")).toEqual(["https://a.example/2", "https://a.example/1"]);
    expect(index.search("ca")).toEqual(["https://a.example/2", "https://a.example/1"]);
    index.remove("https://a.example/2");
    // Its number is reused by an article without any "c" word: the sets must not keep it.
    index.add({ url: "https://a.example/3", site: "A", savedAt: 3, terms: "road" });
    expect(index.search("c")).toEqual(["https://a.example/1"]);
    expect(index.search("ca")).toEqual(["https://a.example/1"]);
    index.add({ url: "https://a.example/4", site: "A", savedAt: 4, terms: "cart" });
    expect(index.search("ca")).toEqual(["https://a.example/4", "https://a.example/1"]);
    expect(index.search("r")).toEqual(["https://a.example/3", "https://a.example/1"]);
  });
});
