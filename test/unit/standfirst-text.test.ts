/**
 * The standfirst belongs to the article's text: a reader sees it between the headline and the
 * first paragraph. Readability often leaves it out (it sits in the header, beside the body), so
 * the pipeline puts a printed standfirst at the head of `textContent` when the body lacks it.
 * A description that is only declared (og:description, JSON-LD) is metadata, not text.
 */
import { describe, expect, it } from "vitest";
import { extractArticle } from "../../src/core/extract.ts";
import { parseDocument } from "../../src/node/jsdom.ts";

const DEK = "Thousands of homes lost power overnight as winds reached 120 km/h along the coast.";
const BODY = Array.from(
  { length: 6 },
  (_, i) => `<p>Paragraph ${i + 1}: the storm came ashore shortly after midnight and crews worked until dawn to clear the fallen trees from the roads.</p>`,
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

describe("the standfirst in the article's text", () => {
  it("is put first when the page prints it under the headline and the body lacks it", () => {
    const { text, subtitle } = read("", `<p class="standfirst">${DEK}</p>`);
    expect(subtitle).toBe(DEK);
    expect(text.startsWith(`${DEK}\n\n`)).toBe(true);
    expect(text.split(DEK)).toHaveLength(2);
  });

  it("is not added when it is only declared in the page's metadata", () => {
    const { text, subtitle } = read(`<meta property="og:type" content="article"><meta property="og:description" content="${DEK}">`, "");
    expect(subtitle).toBe(DEK);
    expect(text).not.toContain(DEK);
  });
});
