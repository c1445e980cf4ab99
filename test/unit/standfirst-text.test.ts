/**
 * `textContent` is the body, what the reader reads under the header; the standfirst is the
 * article's `subtitle`, which the header shows, so the text does not repeat it, whether the
 * page prints it under the headline, repeats it as the body's first paragraph, or only
 * declares it (og:description, JSON-LD).
 */
import { describe, expect, it } from "vitest";
import { extractArticle } from "../../src/core/extract.ts";
import { parseDocument } from "../../src/node/jsdom.ts";

const DEK = "Thousands of homes lost power overnight as winds reached 120 km/h along the coast.";
const BODY = Array.from(
  { length: 6 },
  (_, i) =>
    `<p>Paragraph ${i + 1}: the storm came ashore shortly after midnight and crews worked until dawn to clear the fallen trees from the roads.</p>`,
).join("");

function read(head: string, header: string): { text: string; subtitle: string | null } {
  const html = `<!DOCTYPE html><html><head><title>Storm hits the coast</title>${head}</head><body>
    <div class="hero"><h1>Storm hits the coast</h1>${header}</div>
    <main><div class="article-body">${BODY}</div></main></body></html>`;
  const { document } = parseDocument(html, "https://news.example/storm");
  const result = extractArticle(document, { force: true });
  if (!result.ok) throw new Error(result.error.message);
  return { text: result.article.textContent, subtitle: result.article.subtitle };
}

describe("the standfirst and the article's text", () => {
  it("is the subtitle, not the text, when the page prints it under the headline", () => {
    const { text, subtitle } = read("", `<p class="standfirst">${DEK}</p>`);
    expect(subtitle).toBe(DEK);
    expect(text).not.toContain(DEK);
    expect(text.startsWith("Paragraph 1:")).toBe(true);
  });

  it("is taken out of the body when the body repeats it as its first paragraph", () => {
    const html = `<!DOCTYPE html><html><head><title>Storm hits the coast</title><meta property="og:type" content="article"><meta property="og:description" content="${DEK}"></head><body>
      <main><h1>Storm hits the coast</h1><p>${DEK}</p>${BODY}</main></body></html>`;
    const { document } = parseDocument(html, "https://news.example/storm");
    const result = extractArticle(document, { force: true });
    expect(result.ok && result.article.subtitle).toBe(DEK);
    expect(result.ok && result.article.textContent).not.toContain(DEK);
  });

  it("is not in the text when it is only declared in the page's metadata", () => {
    const { text, subtitle } = read(
      `<meta property="og:type" content="article"><meta property="og:description" content="${DEK}">`,
      "",
    );
    expect(subtitle).toBe(DEK);
    expect(text).not.toContain(DEK);
  });
});
