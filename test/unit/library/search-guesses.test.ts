/** Search a key ahead (search-guesses.ts): which next characters are guessed, and their answers. */
import { describe, expect, it } from "vitest";
import { SearchIndex } from "../../../src/library/search.ts";
import { guessKey, guessNext } from "../../../src/library/search-guesses.ts";
import { searchEntry } from "../../../src/library/search-terms.ts";
import { makeRecord } from "./helpers.ts";

const TEXTS = [
  "Climate summit ends in Zürich",
  "Climbing the Eiger in winter",
  "A clinic opens in 2024",
  "Close vote on the council",
  "Café prices rise",
  "Council climate plan",
];

function index(): SearchIndex {
  return new SearchIndex(
    TEXTS.map((title, i) =>
      searchEntry(
        makeRecord({
          url: `https://news.example/${i}`,
          title,
          byline: null,
          siteName: "News",
          textContent: "",
          savedAt: 1000 + i,
        }),
      ),
    ),
  );
}

describe("SearchIndex.nextChars", () => {
  it("lists each character that comes next in the words with that prefix, once, in order", () => {
    const idx = index();
    expect(idx.nextChars("cl", 10)).toEqual(["i", "o"]);
    expect(idx.nextChars("cli", 10)).toEqual(["m", "n"]);
    expect(idx.nextChars("clim", 10)).toEqual(["a", "b"]);
    // "in" is a word of its own and the prefix of none here but itself: nothing comes after it.
    expect(idx.nextChars("in", 10)).toEqual([]);
    expect(idx.nextChars("zz", 10)).toEqual([]);
    const firsts = idx.nextChars("", 100);
    expect(firsts).toEqual([...firsts].sort());
    expect(new Set(firsts).size).toBe(firsts.length);
    expect(firsts).toEqual(expect.arrayContaining(["2", "a", "c", "z"]));
    expect(idx.nextChars("", 3)).toHaveLength(3);
  });
});

describe("guessNext", () => {
  it("answers each query one more character makes exactly as the index would", () => {
    const idx = index();
    const guesses = guessNext(idx, "Cli");
    expect(guesses.map((g) => g.query)).toEqual(["clim", "clin", "cli "]);
    for (const guess of guesses) expect(guess.matches.all()).toEqual(idx.search(guess.query));
    // The space ends the word: "cli " matches the whole word "cli", which no article has.
    expect(guesses.at(-1)!.matches.count).toBe(0);
    expect(guesses[0]!.matches.count).toBe(3);
  });

  it("after a space or in an empty box, guesses the next word's first letter, letters before digits", () => {
    const idx = index();
    const after = guessNext(idx, "council ");
    expect(after.every((g) => g.query.startsWith("council ") && g.query.length === 9)).toBe(true);
    expect(after.map((g) => g.query.at(-1))).not.toContain(" ");
    const empty = guessNext(idx, "");
    const chars = empty.map((g) => g.query);
    expect(chars.indexOf("2")).toBeGreaterThan(chars.indexOf("z"));
    for (const guess of empty) expect(guess.matches.all()).toEqual(idx.search(guess.query));
    expect(guessNext(idx, "", {}, 4)).toHaveLength(4);
  });

  it("folds the query as search does, and keeps the site filter", () => {
    const idx = index();
    expect(guessKey("CAF")).toBe("caf");
    expect(guessKey("Zür")).toBe("zur");
    const guesses = guessNext(idx, "Zür");
    expect(guesses.map((g) => g.query)).toEqual(["zuri", "zur "]);
    const elsewhere = guessNext(idx, "cl", { site: "Elsewhere" });
    expect(elsewhere.every((g) => g.matches.count === 0)).toBe(true);
  });
});
