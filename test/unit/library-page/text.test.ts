/** The library page's words: counts, meta lines, the import report, the Undo toast. */
import { describe, expect, it } from "vitest";
import {
  articlesText,
  countText,
  deletedText,
  importText,
  metaParts,
  readingText,
  selectedText,
  shortDate,
} from "../../../src/library-page/text.ts";

describe("library page text", () => {
  it("counts the library, or the matches of a search", () => {
    expect(countText({ filtered: false, matches: null, total: null }, "en-US")).toBe("");
    expect(countText({ filtered: false, matches: null, total: 1 }, "en-US")).toBe("1 article");
    expect(countText({ filtered: false, matches: null, total: 10_000 }, "en-US")).toBe("10,000 articles");
    expect(countText({ filtered: true, matches: null, total: 10 }, "en-US")).toBe("Searching…");
    expect(countText({ filtered: true, matches: 0, total: 10 }, "en-US")).toBe("No matches");
    expect(countText({ filtered: true, matches: 1, total: 2 }, "en-US")).toBe("1 match of 2");
    expect(countText({ filtered: true, matches: 1_234, total: 10_000 }, "en-US")).toBe(
      "1,234 matches of 10,000",
    );
    expect(countText({ filtered: true, matches: 3, total: null }, "en-US")).toBe("3 matches");
  });

  it("dates, reading time and the saved date of a row", () => {
    expect(shortDate("2024-03-14T21:40:00+00:00", "en-GB")).toBe("14 Mar 2024");
    expect(shortDate("not a date")).toBeNull();
    expect(shortDate(null)).toBeNull();
    expect(readingText(0.4, "en")).toBe("under 1 min read");
    expect(readingText(6, "en")).toBe("6 min read");
    expect(
      metaParts(
        { publishedTime: null, readingTimeMinutes: 12, savedAt: Date.UTC(2026, 10, 28, 12) },
        "en-GB",
      ),
    ).toEqual({ published: null, reading: "12 min read", saved: "saved 28 Nov 2026" });
  });

  it("reports an import with its counts", () => {
    expect(importText({ added: 2, updated: 0, kept: 0, unchanged: 0 }, "en")).toBe(
      "Imported: 2 added, 0 updated, 0 kept (your copy was newer).",
    );
    expect(importText({ added: 1_500, updated: 3, kept: 1, unchanged: 7 }, "en-US")).toBe(
      "Imported: 1,500 added, 3 updated, 1 kept (your copy was newer), 7 already there.",
    );
  });

  it("names what was deleted and selected", () => {
    expect(deletedText(["A headline"])).toBe("Deleted “A headline”.");
    expect(deletedText(["a", "b", "c"], "en")).toBe("Deleted 3 articles.");
    expect(selectedText(2, "en")).toBe("2 selected");
    expect(articlesText(1)).toBe("1 article");
  });
});
