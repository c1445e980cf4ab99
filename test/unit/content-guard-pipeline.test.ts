/**
 * The content guard through the whole pipeline: article content in wrappers whose class names
 * sound like page furniture (`fig--has-shares`, `recommendations`, `share-table`,
 * `social-quote`, `media-gallery`) stays, while the real ad slot and related list still go.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractArticle } from "../../src/core/extract.ts";
import { parseDocument } from "../../src/node/jsdom.ts";

const URL = "https://www.valleypost.example/farming/orchards-after-the-frost";
const html = readFileSync(join(import.meta.dirname, "../fixtures/pages/furniture-wrapped.html"), "utf8");

function read() {
  const page = parseDocument(html, URL);
  const result = extractArticle(page.document, { url: URL });
  if (!result.ok) throw new Error(result.error.message);
  const body = parseDocument(`<body>${result.article.content}</body>`, URL).document.body;
  return { article: result.article, body };
}

describe("content in furniture-named wrappers", () => {
  const { article, body } = read();

  it("keeps the photo with its caption (figure.fig--has-shares)", () => {
    const figure = body.querySelector("figure");
    expect(figure?.querySelector("img")?.getAttribute("src")).toBe(
      "https://cdn.valleypost.example/photos/frost-orchard.jpg",
    );
    expect(figure?.querySelector("figcaption")?.textContent).toContain("morning after the frost");
  });

  it("keeps the ordered list (div.recommendations)", () => {
    expect(body.querySelectorAll("ol li")).toHaveLength(3);
  });

  it("keeps the table (div.share-table)", () => {
    expect(body.querySelectorAll("table tr")).toHaveLength(4);
  });

  it("keeps the quotation (div.social-quote)", () => {
    expect(body.querySelector("blockquote")?.textContent).toContain("We saved the people who grow it");
  });

  it("keeps the photo in a gallery wrapper (div.media-gallery)", () => {
    expect(body.querySelector("img[alt='Young trees on the upper slopes']")?.getAttribute("src")).toBe(
      "https://cdn.valleypost.example/photos/new-trees.jpg",
    );
  });

  it("still removes the ad slot and the related list", () => {
    expect(article.textContent).not.toContain("Advertisement");
    expect(article.textContent).not.toContain("Cider makers count the cost");
    expect(article.removed.some((r) => r.kind === "ad")).toBe(true);
    expect(article.removed.some((r) => r.kind === "promo")).toBe(true);
  });
});
