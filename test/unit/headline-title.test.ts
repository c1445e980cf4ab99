/** The title is the headline the page shows, without the site's name around it. */
import { describe, expect, it } from "vitest";
import { extractArticle } from "../../src/core/extract.ts";
import { parseDocument } from "../../src/node/jsdom.ts";

const BODY =
  "<p>The storm came ashore shortly after midnight and crews worked until dawn to clear the fallen trees from the coast road.</p>".repeat(
    6,
  );

function title(documentTitle: string, h1: string): string | null {
  const html = `<!DOCTYPE html><html><head><title>${documentTitle}</title><meta property="og:type" content="article"></head><body><main><h1>${h1}</h1>${BODY}</main></body></html>`;
  const { document } = parseDocument(html, "https://news.example/storm");
  const result = extractArticle(document, { url: "https://news.example/storm" });
  return result.ok ? result.article.title : null;
}

describe("the title", () => {
  it("drops a site name after the headline (Readability keeps it when the headline is short)", () => {
    expect(title("Storm hits coast - The Harbour Herald Online", "Storm hits coast")).toBe(
      "Storm hits coast",
    );
  });

  it("drops a section name before the headline", () => {
    expect(title("Weather » Storm hits the coast overnight", "Storm hits the coast overnight")).toBe(
      "Storm hits the coast overnight",
    );
  });

  it("keeps a headline that has a dash of its own", () => {
    expect(title("Storm hits coast - and leaves", "Storm hits coast - and leaves")).toBe(
      "Storm hits coast - and leaves",
    );
  });
});
