/** Folding and the in-memory search index: order, case, diacritics, prefix, AND, site, updates. */
import { describe, expect, it } from "vitest";
import { fold } from "../../../src/library/fold.ts";
import { SearchIndex } from "../../../src/library/search.ts";
import { parseQuery, searchEntry, tokenize } from "../../../src/library/search-terms.ts";
import { makeRecord } from "./helpers.ts";

describe("fold", () => {
  it("drops case and diacritics, and spells out letters readers type as two", () => {
    expect(fold("Crème Brûlée À LA CARTE")).toBe("creme brulee a la carte");
    expect(fold("Straße STRASSE ẞ")).toBe("strasse strasse ss");
    expect(fold("Æsir Œuvre Øre Łódź Đakovo Þing")).toBe("aesir oeuvre ore lodz dakovo thing");
    expect(fold("ﬁnancial ＡＢＣ İstanbul")).toBe("financial abc istanbul");
    expect(fold("plain ascii")).toBe("plain ascii");
  });
});

describe("tokenize and parseQuery", () => {
  it("cuts folded words, one per Han/kana character, and skips overlong runs", () => {
    expect(tokenize("Hello, Wörld! 42nd—e-mail")).toEqual(["hello", "world", "42nd", "e", "mail"]);
    expect(tokenize("東京の天気 Tokyo")).toEqual(["東", "京", "の", "天", "気", "tokyo"]);
    expect(tokenize(`x ${"a".repeat(41)} y`)).toEqual(["x", "y"]);
  });

  it("treats the last word as a prefix only while it is being typed", () => {
    expect(parseQuery("Climate CHAN")).toEqual({ whole: ["climate"], prefix: "chan" });
    expect(parseQuery("climate change ")).toEqual({ whole: ["climate", "change"], prefix: null });
    expect(parseQuery("   ")).toEqual({ whole: [], prefix: null });
  });
});

function library() {
  const records = [
    makeRecord({
      url: "https://a.example/1",
      title: "Climate change and the Alps",
      siteName: "Alpine Post",
      byline: "Zoë Müller",
      textContent: "Glaciers retreat faster every summer. Skiers notice.",
      savedAt: 1000,
    }),
    makeRecord({
      url: "https://b.example/2",
      title: "A café on the Straße",
      siteName: "Berlin Daily",
      byline: "Jan Kowalski",
      textContent: "The espresso is strong; the climate is mild in spring.",
      savedAt: 2000,
    }),
    makeRecord({
      url: "https://c.example/3",
      title: "Change management",
      siteName: "Alpine Post",
      byline: null,
      textContent: "Organisations resist change. Managers adapt.",
      savedAt: 3000,
    }),
    makeRecord({
      url: "https://d.example/4",
      title: "東京の天気",
      siteName: null,
      byline: null,
      textContent: "今日は晴れです。",
      savedAt: 4000,
    }),
  ];
  return new SearchIndex(records.map(searchEntry));
}

describe("SearchIndex", () => {
  it("matches words in any order and any case, all of them", () => {
    const index = library();
    expect(index.search("climate change ")).toEqual(["https://a.example/1"]);
    expect(index.search("CHANGE Climate ")).toEqual(["https://a.example/1"]);
    expect(index.search("change ")).toEqual(["https://c.example/3", "https://a.example/1"]);
    expect(index.search("glaciers espresso ")).toEqual([]);
    expect(index.search("unknownword climate")).toEqual([]);
  });

  it("folds diacritics and ß both ways", () => {
    const index = library();
    expect(index.search("cafe strasse")).toEqual(["https://b.example/2"]);
    expect(index.search("CAFÉ Straße")).toEqual(["https://b.example/2"]);
    expect(index.search("zoe muller")).toEqual(["https://a.example/1"]);
  });

  it("searches byline, site and body as well as the headline", () => {
    const index = library();
    expect(index.search("kowalski")).toEqual(["https://b.example/2"]);
    expect(index.search("alpine post")).toEqual(["https://c.example/3", "https://a.example/1"]);
    expect(index.search("glaciers")).toEqual(["https://a.example/1"]);
  });

  it("matches the word being typed as a prefix, earlier words whole", () => {
    const index = library();
    expect(index.search("gla")).toEqual(["https://a.example/1"]);
    expect(index.search("clim")).toEqual(["https://b.example/2", "https://a.example/1"]);
    expect(index.search("alps cha")).toEqual(["https://a.example/1"]);
    // "cha" is finished (a space follows): a whole word, which no article has.
    expect(index.search("cha ")).toEqual([]);
    // Only the last word is a prefix.
    expect(index.search("chan climate")).toEqual([]);
    expect(index.search("m")).toEqual(["https://c.example/3", "https://b.example/2", "https://a.example/1"]);
  });

  it("gives the same answers after prepare(), which sorts the vocabulary ahead of the first lookup", () => {
    const index = library();
    index.prepare();
    expect(index.search("clim")).toEqual(["https://b.example/2", "https://a.example/1"]);
    index.add(
      searchEntry(
        makeRecord({ url: "https://e.example/5", title: "Climbing", textContent: "", savedAt: 5000 }),
      ),
    );
    index.prepare();
    expect(index.search("clim")).toEqual([
      "https://e.example/5",
      "https://b.example/2",
      "https://a.example/1",
    ]);
  });

  it("orders results newest first both for a few matches of many and for most of them, after changes too", () => {
    const entries = Array.from({ length: 40 }, (_, i) =>
      searchEntry(
        makeRecord({
          url: `https://m.example/${String(i).padStart(2, "0")}`,
          title: i % 20 === 3 ? "Rare comet" : "Common story",
          siteName: i % 2 ? "Odd Times" : "Even Post",
          textContent: "",
          // Two share a save time: then by URL, descending, as the store lists them.
          savedAt: i === 7 ? 1000 + 8 : 1000 + i,
        }),
      ),
    );
    const index = new SearchIndex(entries);
    // Few matches (2 of 40): sorted.
    expect(index.search("comet")).toEqual(["https://m.example/23", "https://m.example/03"]);
    // Most of them: walked in date order.
    const common = index.search("comm");
    expect(common).toHaveLength(38);
    expect(common.slice(0, 3)).toEqual([
      "https://m.example/39",
      "https://m.example/38",
      "https://m.example/37",
    ]);
    expect(common.indexOf("https://m.example/08")).toBe(common.indexOf("https://m.example/07") - 1);
    expect(index.search("", { site: "odd times" })).toHaveLength(20);
    expect(index.search("story", { site: "Even Post" }).at(-1)).toBe("https://m.example/00");

    index.remove("https://m.example/39");
    index.add(
      searchEntry(
        makeRecord({ url: "https://m.example/new", title: "Common", textContent: "", savedAt: 5000 }),
      ),
    );
    expect(index.search("comm").slice(0, 2)).toEqual(["https://m.example/new", "https://m.example/38"]);
    expect(index.search("comm")).not.toContain("https://m.example/39");
  });

  it("finds Chinese and Japanese by their characters", () => {
    const index = library();
    expect(index.search("天気")).toEqual(["https://d.example/4"]);
    expect(index.search("晴れ")).toEqual(["https://d.example/4"]);
    expect(index.search("東京 雨")).toEqual([]);
  });

  it("filters by site (folded), with or without words, and lists the sites", () => {
    const index = library();
    expect(index.search("change ", { site: "Alpine Post" })).toEqual([
      "https://c.example/3",
      "https://a.example/1",
    ]);
    expect(index.search("clim", { site: "alpine POST" })).toEqual(["https://a.example/1"]);
    expect(index.search("", { site: "Berlin Daily" })).toEqual(["https://b.example/2"]);
    expect(index.search("", { site: "d.example" })).toEqual(["https://d.example/4"]);
    expect(index.search("clim", { site: "Nowhere" })).toEqual([]);
    expect(index.sites()).toEqual([
      { site: "Alpine Post", key: "alpine post", count: 2 },
      { site: "Berlin Daily", key: "berlin daily", count: 1 },
      { site: "d.example", key: "d.example", count: 1 },
    ]);
  });

  it("files an article without a site name under the name its host's articles declare", () => {
    const records = [
      makeRecord({ url: "https://www.nytimes.com/a", siteName: "The New York Times", savedAt: 1 }),
      makeRecord({ url: "https://nytimes.com/b", siteName: null, savedAt: 2 }),
      makeRecord({ url: "https://cooking.nytimes.com/c", siteName: "The New York Times", savedAt: 3 }),
      makeRecord({ url: "https://www.theguardian.com/d", siteName: "the Guardian", savedAt: 4 }),
      makeRecord({ url: "https://links.example/e", siteName: null, savedAt: 5 }),
    ];
    const index = new SearchIndex(records.map(searchEntry));
    expect(index.sites()).toEqual([
      { site: "The New York Times", key: "the new york times", count: 3 },
      { site: "links.example", key: "links.example", count: 1 },
      { site: "the Guardian", key: "the guardian", count: 1 },
    ]);
    expect(index.search("", { site: "the new york times" })).toEqual([
      "https://cooking.nytimes.com/c",
      "https://nytimes.com/b",
      "https://www.nytimes.com/a",
    ]);
    expect(index.search("", { site: "links.example" })).toEqual(["https://links.example/e"]);
  });

  it("returns everything, newest saved first, for an empty query", () => {
    expect(library().search("  ")).toEqual([
      "https://d.example/4",
      "https://c.example/3",
      "https://b.example/2",
      "https://a.example/1",
    ]);
  });

  it("removes and replaces one article without rebuilding", () => {
    const index = library();
    expect(index.remove("https://a.example/1")).toBe(true);
    expect(index.remove("https://a.example/1")).toBe(false);
    expect(index.size).toBe(3);
    expect(index.search("glaciers")).toEqual([]);
    expect(index.search("gla")).toEqual([]);
    expect(index.search("change ")).toEqual(["https://c.example/3"]);

    // Replacing: the old words go, the new ones come, the document number is reused.
    index.add(
      searchEntry(
        makeRecord({
          url: "https://c.example/3",
          title: "Zeppelins",
          siteName: "Sky",
          textContent: "",
          savedAt: 3000,
        }),
      ),
    );
    expect(index.size).toBe(3);
    expect(index.search("management")).toEqual([]);
    expect(index.search("zep")).toEqual(["https://c.example/3"]);
    index.add(
      searchEntry(makeRecord({ url: "https://e.example/5", title: "Zebra crossings", savedAt: 5000 })),
    );
    expect(index.search("ze")).toEqual(["https://e.example/5", "https://c.example/3"]);
    expect(index.search("", { site: "Alpine Post" })).toEqual([]);
  });

  it("takes the last of two entries for one URL in one batch, posting it once", () => {
    const first = { url: "https://x.example/1", site: "X", savedAt: 1, terms: "apple banana" };
    const second = { url: "https://x.example/1", site: "X", savedAt: 2, terms: "banana cherry cherry" };
    const index = new SearchIndex([first, second, { ...first, url: "https://x.example/2" }]);
    expect(index.size).toBe(2);
    expect(index.search("apple ")).toEqual(["https://x.example/2"]);
    expect(index.search("banana ")).toEqual(["https://x.example/1", "https://x.example/2"]);
    expect(index.search("cherry ")).toEqual(["https://x.example/1"]);
    index.remove("https://x.example/1");
    expect(index.search("banana ")).toEqual(["https://x.example/2"]);
    expect(index.search("ch")).toEqual([]);
  });

  it("stays correct over many articles and keystrokes", () => {
    const words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"];
    const records = Array.from({ length: 500 }, (_, i) =>
      makeRecord({
        url: `https://many.example/${i}`,
        title: `Story ${i}`,
        textContent: words.filter((_, w) => (i >> w) & 1).join(" "),
        siteName: i % 2 ? "Odd" : "Even",
        savedAt: i,
      }),
    );
    const index = new SearchIndex(records.map(searchEntry));
    const expected = (pred: (i: number) => boolean) =>
      records
        .map((_, i) => i)
        .filter(pred)
        .reverse()
        .map((i) => `https://many.example/${i}`);
    expect(index.search("alpha gamma ")).toEqual(expected((i) => (i & 1) !== 0 && (i & 4) !== 0));
    // "e" is a prefix of epsilon, eta and of the site "Even", which is indexed too.
    expect(index.search("gamma e")).toEqual(
      expected((i) => (i & 4) !== 0 && ((i & 16) !== 0 || (i & 64) !== 0 || i % 2 === 0)),
    );
    expect(index.search("zeta", { site: "odd" })).toEqual(expected((i) => (i & 32) !== 0 && i % 2 === 1));
    for (let i = 0; i < 500; i += 2) index.remove(`https://many.example/${i}`);
    expect(index.search("beta ")).toEqual(expected((i) => (i & 2) !== 0 && i % 2 === 1));
  });
});
