/**
 * Whether a page is an article is decided after reading, from evidence: pages that declare an
 * article, and readings of prose, are read even when Readability's guess
 * (`isProbablyReaderable`) says no; fronts, search results, feeds and shops are still refused.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { isProbablyReaderable } from "@mozilla/readability";
import { describe, expect, it } from "vitest";
import { extractArticle } from "../../src/core/extract.ts";
import { parseDocument } from "../../src/node/jsdom.ts";

const FIXTURES = join(import.meta.dirname, "../fixtures");
const URL = "https://www.example.org/page";

function run(html: string, force = false) {
  const page = parseDocument(html, URL);
  return {
    result: extractArticle(page.document, { url: URL, force }),
    guess: isProbablyReaderable(page.document),
  };
}

const SENTENCE =
  "The harbour master said the new pontoon would open in the spring, once the divers had checked the old piles.";
/** A short post: paragraphs under Readability's 140-character bar, so its guess says no. */
const SHORT_POST = `<!DOCTYPE html><html><head><title>Pontoon update</title></head><body>
<header><a href="/">Harbour notes</a></header>
<main><h1>Pontoon update</h1>${Array.from({ length: 6 }, (_, i) => `<p>${SENTENCE.slice(0, 100 + i)}</p>`).join("")}</main>
<footer><a href="/about">About</a></footer></body></html>`;

describe("read after the evidence", () => {
  it("reads a short post of prose that Readability's guess turns down", () => {
    const { result, guess } = run(SHORT_POST);
    expect(guess).toBe(false);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.article.readerable).toBe(false);
  });

  it("reads a page that declares an article (og:type), however little prose it has", () => {
    const html = `<!DOCTYPE html><html><head><title>Photo of the day</title><meta property="og:type" content="article"></head>
<body><h1>Photo of the day</h1><figure><img src="https://cdn.example.org/dawn.jpg" alt="Dawn"><figcaption>Dawn over the harbour.</figcaption></figure><p>Taken from the lighthouse at half past five this morning.</p></body></html>`;
    const { result, guess } = run(html);
    expect(guess).toBe(false);
    expect(result.ok).toBe(true);
  });

  it("reads a page that declares a schema.org NewsArticle", () => {
    const html = `<!DOCTYPE html><html><head><title>Brief</title><script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Ferry delayed"}</script></head>
<body><h1>Ferry delayed</h1><p>The morning ferry will leave an hour late because of fog in the channel.</p></body></html>`;
    expect(run(html).result.ok).toBe(true);
  });
});

const LONG =
  "The survey teams walked the upper valley twice this week and found the old snow settled and firm below two thousand metres, with a weak layer of surface hoar buried on the shaded slopes above it.";
/** One report whose template wraps each of its sections in an `<article>`, headings linking nowhere. */
const SECTIONED_REPORT = `<!DOCTYPE html><html><head><title>Weekly snow report</title></head><body>
<nav><a href="/">Home</a> <a href="/reports">Reports</a></nav>
<main><h1>Weekly snow report</h1>${["Weather", "Snowpack", "Avalanches", "Outlook"]
  .map((h) => `<article class="section"><h2>${h}</h2><p>${LONG}</p><p>${LONG}</p></article>`)
  .join("")}</main></body></html>`;

describe("sections are not a feed", () => {
  it("reads one text whose sections are each an <article> of prose", () => {
    const { result } = run(SECTIONED_REPORT);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.article.textContent).toContain("Outlook");
  });
});

describe("still refused", () => {
  it.each([
    ["a home page", "pages/not-article.html"],
    ["a shop", "site/not-article.html"],
    ["a section front", "not-articles/section-front.html"],
    ["search results", "not-articles/search-results.html"],
    ["a blog's front page (a feed of excerpts)", "not-articles/blog-index.html"],
  ])("%s", (_name, file) => {
    const { result } = run(readFileSync(join(FIXTURES, file), "utf8"));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.kind).toBe("not-article");
  });

  it("a section front even though Readability's guess says article", () => {
    const { result, guess } = run(readFileSync(join(FIXTURES, "not-articles/section-front.html"), "utf8"));
    expect(guess).toBe(true);
    expect(result.ok).toBe(false);
  });

  it("but is read when forced", () => {
    const { result } = run(readFileSync(join(FIXTURES, "not-articles/section-front.html"), "utf8"), true);
    expect(result.ok).toBe(true);
  });
});
