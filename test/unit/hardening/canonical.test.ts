/**
 * Issue 13, finding 2: a page on another site cannot overwrite a saved article by naming its
 * URL as canonical. The canonical URL is trusted only on the page's own site (registrable
 * domain, public suffix list with private suffixes); otherwise the page's own URL is the key.
 */
import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import { saveArticle } from "../../../src/background/save.ts";
import { extractArticle } from "../../../src/core/extract.ts";
import { sameSite, trustedUrl, withTrustedUrl } from "../../../src/library/canonical.ts";
import { libraryConnection } from "../../../src/library/connection.ts";
import { parseDocument } from "../../../src/node/jsdom.ts";
import { makeArticle, ok } from "../library/helpers.ts";

let dbCount = 0;
const fresh = () => libraryConnection(() => new IDBFactory(), { name: `canonical-test-${++dbCount}` });

describe("sameSite", () => {
  it("is the registrable domain, private suffixes included", () => {
    expect(sameSite("https://www.news.example.co.uk/a", "https://m.news.example.co.uk/b")).toBe(true);
    expect(sameSite("https://news.example/a", "http://www.news.example/b")).toBe(true);
    expect(sameSite("https://a.example.co.uk/", "https://b.example2.co.uk/")).toBe(false);
    expect(sameSite("https://alice.github.io/post", "https://bob.github.io/post")).toBe(false);
    expect(sameSite("https://evil.example/", "https://news.example/")).toBe(false);
    expect(sameSite("http://127.0.0.1:8000/a", "http://127.0.0.1:9000/b")).toBe(true);
    expect(sameSite("http://127.0.0.1/a", "http://localhost/a")).toBe(false);
    expect(sameSite("javascript:alert(1)", "https://news.example/")).toBe(false);
    expect(sameSite("not a url", "https://news.example/")).toBe(false);
  });

  it("keeps the canonical URL on the same site and the page's URL otherwise", () => {
    expect(trustedUrl({ url: "https://www.news.example/a", pageUrl: "https://m.news.example/a?amp" })).toBe(
      "https://www.news.example/a",
    );
    expect(trustedUrl({ url: "https://victim.example/a", pageUrl: "https://evil.example/b" })).toBe(
      "https://evil.example/b",
    );
    expect(trustedUrl({ url: "https://news.example/a" })).toBe("https://news.example/a");
  });

  it("rewrites the Markdown's source with the URL", () => {
    const article = makeArticle({ url: "https://victim.example/a", pageUrl: "https://evil.example/b" });
    const trusted = withTrustedUrl(article);
    expect(trusted.url).toBe("https://evil.example/b");
    expect(trusted.markdown).toContain('source: "https://evil.example/b"\n');
    expect(trusted.markdown).not.toContain("victim.example");
  });
});

describe("saving with a canonical URL on another site", () => {
  const page = (canonical: string, title: string) =>
    `<!doctype html><html><head><title>${title}</title><link rel="canonical" href="${canonical}"></head><body><article><h1>${title}</h1>${"<p>A paragraph of the story that is long enough to count as the body of an article, with a few sentences in it. It goes on.</p>".repeat(6)}</article></body></html>`;

  const read = (html: string, url: string) => {
    const { document } = parseDocument(html, url);
    const result = extractArticle(document);
    if (!result.ok) throw new Error(result.error.message);
    return { ...result.article, markdown: result.article.markdown };
  };

  it("never replaces an article from another site", async () => {
    const library = fresh();
    const a = read(page("https://site-a.example/story", "Site A's story"), "https://site-a.example/story");
    expect(a.pageUrl).toBe("https://site-a.example/story");
    expect(await saveArticle(library, a)).toMatchObject({ ok: true, status: "added" });

    const b = read(page("https://site-a.example/story", "Site B's copy"), "https://site-b.example/copy");
    expect(b.url).toBe("https://site-a.example/story"); // what the page claims
    const reply = await saveArticle(library, b);
    expect(reply).toMatchObject({ ok: true, status: "added", url: "https://site-b.example/copy" });

    const store = ok(await library()).library;
    expect(ok(await store.get("https://site-a.example/story")).article?.title).toBe("Site A's story");
    const saved = ok(await store.get("https://site-b.example/copy")).article;
    expect(saved?.title).toBe("Site B's copy");
    expect(saved?.markdown).toContain('source: "https://site-b.example/copy"');
    expect(ok(await store.count()).count).toBe(2);
  });

  it("still updates in place through a canonical URL on the same site", async () => {
    const library = fresh();
    const www = read(page("https://www.news.example/story", "Story"), "https://www.news.example/story");
    expect(await saveArticle(library, www)).toMatchObject({ status: "added" });
    const mobile = read(
      page("https://www.news.example/story", "Story, updated"),
      "https://m.news.example/story",
    );
    expect(await saveArticle(library, mobile)).toMatchObject({
      status: "updated",
      url: "https://www.news.example/story",
    });
  });
});
