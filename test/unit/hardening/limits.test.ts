/**
 * Issue 13, finding 4: what the core shows, the library can save. The core cuts page-given
 * texts to the one set of field limits (src/core/limits.ts) when it builds the article.
 */
import { describe, expect, it } from "vitest";
import { extractArticle } from "../../../src/core/extract.ts";
import { FIELD_LIMITS, truncateText } from "../../../src/core/limits.ts";
import { LIMITS } from "../../../src/library/schema.ts";
import { parseDocument } from "../../../src/node/jsdom.ts";
import { freshLibrary, ok } from "../library/helpers.ts";

const words = (n: number, word = "word") =>
  Array.from({ length: Math.ceil(n / (word.length + 1)) }, () => word)
    .join(" ")
    .slice(0, n);
const paragraph =
  "<p>A paragraph of the story that is long enough to count as the body of an article, with a few sentences in it. It goes on for a while.</p>";

function page({ title = "A story", description = "", siteName = "", first = "" } = {}): string {
  return `<!doctype html><html lang="en"><head><title>${title}</title>
${description ? `<meta name="description" content="${description}">` : ""}
${siteName ? `<meta property="og:site_name" content="${siteName}">` : ""}
</head><body><article><h1>${title}</h1>${first ? `<p>${first}</p>` : ""}${paragraph.repeat(6)}</article></body></html>`;
}

async function extractAndSave(html: string) {
  const { document } = parseDocument(html, "https://news.example/story");
  const result = extractArticle(document);
  if (!result.ok) throw new Error(result.error.message);
  const { library } = await freshLibrary();
  const saved = await library.save(result.article);
  return { article: result.article, saved };
}

describe("one set of field limits (finding 4)", () => {
  it("is the library's", () => {
    expect(LIMITS).toBe(FIELD_LIMITS);
  });

  const cases = {
    "a first paragraph of 12,000 characters (the excerpt)": { first: words(12_000) },
    "a meta description of 11,000 characters": { description: words(11_000) },
    "a title of 2,500 characters": { title: words(2_500, "headline") },
    "a site name of 600 characters": { siteName: words(600, "site") },
  };
  for (const [name, fields] of Object.entries(cases)) {
    it(`saves what it shows: ${name}`, async () => {
      const { article, saved } = await extractAndSave(page(fields));
      expect(saved).toMatchObject({ ok: true, status: "added" });
      const stored = ok(saved).article;
      for (const field of ["title", "excerpt", "siteName"] as const) {
        expect((stored[field] ?? "").length).toBeLessThanOrEqual(FIELD_LIMITS[field]);
        expect(stored[field]).toBe(article[field]);
      }
    });
  }

  it("cuts at a word boundary with an ellipsis", async () => {
    const { article } = await extractAndSave(page({ description: words(11_000) }));
    expect(article.excerpt?.endsWith(" word…")).toBe(true);
    expect(article.excerpt?.length).toBeLessThanOrEqual(FIELD_LIMITS.excerpt);
  });
});

describe("truncateText", () => {
  it("leaves short text alone and cuts long text at a space", () => {
    expect(truncateText("short", 10)).toBe("short");
    expect(truncateText("one two three four", 14)).toBe("one two three…");
    expect(truncateText("alpha beta gamma delta", 15)).toBe("alpha beta…");
  });
  it("cuts text without spaces where it must, never inside a surrogate pair", () => {
    expect(truncateText("図書館図書館図書館", 5)).toBe("図書館図…");
    const cut = truncateText("😀😀😀😀", 4);
    expect(cut).toBe("😀…");
    expect(cut.length).toBeLessThanOrEqual(4);
  });
});
