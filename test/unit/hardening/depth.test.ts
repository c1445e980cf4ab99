/**
 * Issue 13, finding 3: very deep pages. A hidden subtree of 50,000 nested elements (made by
 * script: the HTML parser nests no deeper than 512) crashed the tab when Folio cloned the page,
 * and 10,000 levels kept the popup reading for 36 s. Past the depth the parser allows, the core
 * copies the page without recursion and leaves out what lies deeper: the article is read.
 */
import { describe, expect, it, vi } from "vitest";
import { copyDocument, deeperThan, MAX_DEPTH } from "../../../src/core/depth.ts";
import { extractArticle } from "../../../src/core/extract.ts";
import { parseDocument } from "../../../src/node/jsdom.ts";

const STORY = `<!doctype html><html lang="en"><head><title>The tide comes back</title></head><body>
<article><h1>The tide comes back</h1>${Array.from(
  { length: 6 },
  (_, i) =>
    `<p>Paragraph ${i + 1}: the harbour town voted to let the sea back into the old salt marsh, and the council spent the evening arguing about the sluice gates and the birds.</p>`,
).join("")}</article><div id="deep" hidden></div></body></html>`;

/** The story page with `levels` nested elements in a hidden subtree, built as a script would. */
function deepPage(levels: number) {
  const parsed = parseDocument(STORY, "https://news.example/tide");
  const doc = parsed.document;
  let at = doc.getElementById("deep")!;
  for (let i = 0; i < levels; i++) {
    const next = doc.createElement(i % 2 ? "span" : "div");
    at.appendChild(next);
    at = next;
  }
  at.textContent = "the bottom of the well";
  return parsed;
}

describe("very deep pages (finding 3)", () => {
  // jsdom builds deep trees slowly (and attaches recursively), so the unit tests use 1,000
  // levels; test/e2e/hardening.test.ts has 50,000 and 10,000 in Chromium.
  it("reads a page nested deeper than the parser allows without a deep clone, cut at the limit", () => {
    const { document } = deepPage(1_000);
    const deepClones = vi.spyOn(document, "cloneNode");
    const result = extractArticle(document);
    expect(result.ok ? "ok" : result.error.message).toBe("ok");
    if (!result.ok) return;
    expect(result.article.title).toBe("The tide comes back");
    expect(result.article.textContent).toContain("Paragraph 6: the harbour town");
    expect(deepClones.mock.calls.filter(([deep]) => deep === true)).toEqual([]);
    // The page itself is as it was.
    expect(document.body.textContent).toContain("the bottom of the well");
  });

  it("still clones an ordinary page whole", () => {
    const { document } = parseDocument(STORY, "https://news.example/tide");
    const clones = vi.spyOn(document, "cloneNode");
    expect(extractArticle(document).ok).toBe(true);
    expect(clones.mock.calls.some(([deep]) => deep === true)).toBe(true);
  });

  it("copies a deep page without recursion, cut at the limit, and a shallow one whole", () => {
    const deep = deepPage(1_000).document;
    expect(deeperThan(deep, MAX_DEPTH)).toBe(true);
    const copy = copyDocument(deep);
    expect(deeperThan(copy, MAX_DEPTH)).toBe(false);
    expect(copy.querySelectorAll("article p")).toHaveLength(6);
    expect(copy.URL).toBe("https://news.example/tide");
    expect(deep.body.textContent).toContain("the bottom of the well");
    expect(copy.body.textContent).not.toContain("the bottom of the well");

    const shallow = parseDocument(STORY, "https://news.example/tide").document;
    expect(deeperThan(shallow, MAX_DEPTH)).toBe(false);
    expect(copyDocument(shallow).documentElement.outerHTML).toBe(shallow.documentElement.outerHTML);
  });

  it("measures depth exactly", () => {
    // html (1) > body (2) > div#deep (3) > 100 nested elements (4..103) > their text (104).
    const doc = deepPage(100).document;
    expect(deeperThan(doc, 103)).toBe(true);
    expect(deeperThan(doc, 104)).toBe(false);
  });
});
