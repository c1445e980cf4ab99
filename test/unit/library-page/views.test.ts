// @vitest-environment jsdom
/** The list's filters and orders, search hits marked as text, and the import's words. */
import { describe, expect, it } from "vitest";
import type { ArticleSummary } from "../../../src/library/summary.ts";
import { parseQuery } from "../../../src/library/search-terms.ts";
import { hitRanges, showHighlighted } from "../../../src/library-page/highlight.ts";
import { importDetails, importText } from "../../../src/library-page/text.ts";
import { applyView, tagCounts } from "../../../src/library-page/views.ts";

function summary(url: string, fields: Partial<ArticleSummary> = {}): ArticleSummary {
  return {
    url,
    title: url,
    byline: null,
    site: "",
    publishedTime: null,
    excerpt: "",
    readingTimeMinutes: 1,
    wordCount: 100,
    leadImageUrl: null,
    lang: null,
    dir: null,
    tags: [],
    state: "unread",
    favourite: false,
    linkOnly: false,
    savedAt: 0,
    updatedAt: 0,
    ...fields,
  };
}

const all = new Map(
  [
    summary("a", { title: "Zebra", site: "b site", tags: ["City"], publishedTime: "2024-01-01T00:00:00Z" }),
    summary("b", { title: "apple", site: "A site", state: "read", publishedTime: "2025-01-01T00:00:00Z" }),
    summary("c", { title: "Mango", site: "c site", state: "archived", favourite: true, tags: ["city"] }),
    summary("d", { title: "banana", site: "a site", linkOnly: true, publishedTime: "2023-05-01" }),
  ].map((s) => [s.url, s]),
);
const urls = ["a", "b", "c", "d"];
const view = (v: Partial<{ tag: string; state: string; sort: "saved" | "published" | "title" | "site" }>) =>
  applyView(urls, (u) => all.get(u), { tag: "", state: "", sort: "saved", ...v }, "en");

describe("the list's view", () => {
  it("filters by tag (any case) and by state, favourite or link", () => {
    expect(view({ tag: "CITY" })).toEqual(["a", "c"]);
    expect(view({ state: "unread" })).toEqual(["a", "d"]);
    expect(view({ state: "read" })).toEqual(["b"]);
    expect(view({ state: "archived" })).toEqual(["c"]);
    expect(view({ state: "favourite" })).toEqual(["c"]);
    expect(view({ state: "link" })).toEqual(["d"]);
    expect(view({ tag: "city", state: "archived" })).toEqual(["c"]);
  });

  it("sorts by published date (unknown last), title and site, keeping saved order on ties", () => {
    expect(view({})).toEqual(urls);
    expect(view({ sort: "published" })).toEqual(["b", "a", "d", "c"]);
    expect(view({ sort: "title" })).toEqual(["b", "d", "c", "a"]);
    expect(view({ sort: "site" })).toEqual(["b", "d", "a", "c"]);
  });

  it("keeps a result whose summary is not in memory", () => {
    expect(applyView(["x", "a"], (u) => all.get(u), { tag: "city", state: "", sort: "saved" })).toEqual([
      "x",
      "a",
    ]);
  });

  it("counts tags across the library, any case together", () => {
    expect(tagCounts(all.values())).toEqual([{ tag: "City", count: 2 }]);
  });
});

describe("search hits", () => {
  it("marks whole words and the word being typed, folded as search folds them", () => {
    expect(hitRanges("Zürich's Straße and zurich again", "zurich stras")).toEqual([
      [0, 6],
      [9, 15],
      [20, 26],
    ]);
    expect(hitRanges("Nothing here", "")).toEqual([]);
    expect(hitRanges("The cat", "cat ")).toEqual([[4, 7]]);
  });

  it("builds the marks from text nodes, so page text stays text", () => {
    const el = document.createElement("a");
    showHighlighted(el, '<img src=x onerror="alert(1)"> harbour', "harbour");
    expect(el.querySelector("img")).toBeNull();
    expect(el.querySelector("mark")?.textContent).toBe("harbour");
    expect(el.textContent).toBe('<img src=x onerror="alert(1)"> harbour');
  });

  it("follows a query as it is typed, and a text that changed, from the words it cut once", () => {
    const el = document.createElement("p");
    el.textContent = "Harbour wall and the harbourmaster";
    showHighlighted(el, "Harbour wall and the harbourmaster", parseQuery("wall"));
    expect([...el.querySelectorAll("mark")].map((m) => m.textContent)).toEqual(["wall"]);
    showHighlighted(el, "Harbour wall and the harbourmaster", "harb");
    expect([...el.querySelectorAll("mark")].map((m) => m.textContent)).toEqual(["Harbour", "harbourmaster"]);
    const marks = [...el.querySelectorAll("mark")];
    showHighlighted(el, "Harbour wall and the harbourmaster", "HARBO");
    expect([...el.querySelectorAll("mark")]).toEqual(marks); // the same hits: left alone
    showHighlighted(el, "Harbour wall and the harbourmaster", "harbour ");
    expect([...el.querySelectorAll("mark")].map((m) => m.textContent)).toEqual(["Harbour"]);
    showHighlighted(el, "Harbour wall and the harbourmaster", "quay");
    expect(el.querySelector("mark")).toBeNull();
    expect(el.textContent).toBe("Harbour wall and the harbourmaster");
    showHighlighted(el, "Quay wall", "quay");
    expect(el.querySelector("mark")?.textContent).toBe("Quay");
    expect(el.textContent).toBe("Quay wall");
    // A text shown plain with nothing to mark is not written again.
    const other = document.createElement("p");
    other.textContent = "Nothing to mark";
    const node = other.firstChild;
    showHighlighted(other, "Nothing to mark", "harb");
    expect(other.firstChild).toBe(node);
  });
});

describe("the import report's words", () => {
  const report = {
    added: 3,
    updated: 1,
    kept: 2,
    unchanged: 0,
    format: "pocket-csv" as const,
    skipped: [
      { where: "line 5", reason: "only http and https addresses are kept (this one is javascript:)" },
    ],
    asLinks: [{ where: "entry 2", reason: "its content gave no article" }],
    highlightsLeft: [{ where: "item 4", reason: "its words are not in the article's text" }],
  };

  it("names the format and counts the skipped rows", () => {
    expect(importText(report, "en")).toBe(
      "Imported from Pocket export (CSV): 3 added, 1 updated, 2 kept (your copy was newer), 1 skipped.",
    );
    expect(importText({ added: 2, updated: 0, kept: 0, unchanged: 0, format: "folio-backup" }, "en")).toBe(
      "Imported: 2 added, 0 updated, 0 kept (your copy was newer).",
    );
  });

  it("lists every skipped row with its reason", () => {
    expect(importDetails(report, "en")).toEqual({
      summary: "Details (3)",
      lines: [
        "Skipped line 5: only http and https addresses are kept (this one is javascript:).",
        "Kept entry 2 as a link to read: its content gave no article.",
        "Highlights of item 4 not imported: its words are not in the article's text.",
      ],
    });
  });
});
