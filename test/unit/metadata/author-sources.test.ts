/** Which source names the author (author-sources.ts, byline.ts) and which wins (extract.ts). */
import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { extractArticle } from "../../../src/core/extract.ts";
import { extractMetadata } from "../../../src/core/metadata/index.ts";

const URL = "https://news.example.com/2024/05/story.html";

function page(head: string, body: string): Document {
  return new JSDOM(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`, { url: URL })
    .window.document;
}

const meta = (name: string, content: string) => `<meta name="${name}" content="${content}">`;
const ld = (value: unknown) => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;
const prose = (n: number) =>
  Array.from(
    { length: n },
    (_, i) =>
      `<p>Paragraph ${i} of the story tells how the harbour was rebuilt after the storm, stone by stone, over three long winters, with the help of the whole town and its fishermen.</p>`,
  ).join("");
const authors = (doc: Document) => extractMetadata(doc, URL).authors;

describe("a byline printed as plain text under the headline", () => {
  it("reads 'von Jane Roe' in an element no class names", () => {
    const doc = page(
      "<title>Harbour</title>",
      `<div><h1>Harbour rebuilt</h1><p><i>von <a href="/a/jr">Jane Roe</a></i></p>${prose(2)}</div>`,
    );
    expect(authors(doc)).toEqual(["Jane Roe"]);
  });

  it("reads 'Text: Jane Roe'", () => {
    const doc = page("", `<div><h1>Harbour rebuilt</h1><div>Text: Jane Roe</div>${prose(2)}</div>`);
    expect(authors(doc)).toEqual(["Jane Roe"]);
  });

  it("does not take a sentence that starts with 'Von'", () => {
    const doc = page(
      "",
      `<div><h1>Harbour rebuilt</h1><p>Von Berlin aus fuhr der Zug weiter.</p>${prose(2)}</div>`,
    );
    expect(authors(doc)).toEqual([]);
  });
});

describe("the post's title in an h2 (the site's name in the h1)", () => {
  it("reads the byline under the h2 that is the title, a user name included", () => {
    const doc = page(
      '<meta property="og:title" content="Harbour rebuilt">',
      `<h1><a href="/">My Harbour Blog</a></h1><div class="post"><h2>Harbour rebuilt</h2>` +
        `<div class="entry-meta">Posted by <span class="author vcard">harbourfan</span></div>${prose(2)}</div>`,
    );
    expect(authors(doc)).toEqual(["harbourfan"]);
  });
});

describe("weak authors: the site, its address, an organisation", () => {
  it("prefers the printed byline to a meta author that is a company by its legal form", () => {
    const doc = page(
      meta("author", "Web Agency GmbH"),
      `<article><h1>Harbour rebuilt</h1><div class="byline">By Jane Roe</div>${prose(2)}</article>`,
    );
    expect(authors(doc)).toEqual(["Jane Roe"]);
  });

  it("prefers the printed byline to a meta author that is the site's address", () => {
    const doc = page(
      meta("author", "news.example.com"),
      `<article><h1>Harbour rebuilt</h1><div class="byline">By Jane Roe</div>${prose(2)}</article>`,
    );
    expect(authors(doc)).toEqual(["Jane Roe"]);
  });

  it("reads a byline element its template names in German ('autor')", () => {
    const doc = page(
      `${meta("author", "Example News")}<meta property="og:site_name" content="Example News">`,
      `<article><h1>Harbour rebuilt</h1><span class="article-autor">Jane Roe</span>${prose(2)}</article>`,
    );
    expect(authors(doc)).toEqual(["Jane Roe"]);
  });

  it("reads the cXense author tag when the meta author is the site", () => {
    const doc = page(
      `${meta("author", "Example News")}<meta property="og:site_name" content="Example News">` +
        meta("cXenseParse:author", "Jane Roe"),
      `<h1>Harbour rebuilt</h1>${prose(2)}`,
    );
    expect(authors(doc)).toEqual(["Jane Roe"]);
  });

  it("keeps the organisation when nobody else is named", () => {
    const doc = page(meta("author", "Web Agency GmbH"), `<h1>Harbour rebuilt</h1>${prose(2)}`);
    expect(extractMetadata(doc, URL)).toMatchObject({ authors: ["Web Agency GmbH"], authorsKind: "site" });
  });

  it("never takes a user name from a meta tag", () => {
    const doc = page(meta("author", "harbourfan"), `<h1>Harbour rebuilt</h1>${prose(2)}`);
    expect(authors(doc)).toEqual([]);
  });
});

describe("the byline in the article (extract.ts)", () => {
  it("takes the author the page declares over a byline element Readability finds first", () => {
    const doc = page(
      ld({
        "@type": "NewsArticle",
        headline: "Harbour rebuilt",
        author: { "@type": "Person", name: "Jane Roe" },
      }),
      `<article><h1>Harbour rebuilt</h1><p class="byline">By Ann Other</p>${prose(6)}</article>`,
    );
    const result = extractArticle(doc, { url: URL, markdown: false });
    expect(result.ok && result.article.authors).toEqual(["Jane Roe"]);
  });

  it("drops the site's name after a person's in Readability's byline", () => {
    const doc = page(
      '<meta property="og:site_name" content="Example News">',
      `<article><h1>Harbour rebuilt</h1><p class="byline">By Rob Roe, Example News</p>${prose(6)}</article>`,
    );
    const result = extractArticle(doc, { url: URL, markdown: false });
    expect(result.ok && result.article.byline).toBe("Rob Roe");
  });
});

describe("a link to the author's page", () => {
  it("names the author when nothing else does", () => {
    const doc = page(
      "<title>Harbour</title>",
      `<div><h1>Harbour rebuilt</h1><div><a href="/autor/roe_j">Jane Roe</a> / 22.04.2020 / 06:15</div>${prose(3)}</div>`,
    );
    expect(authors(doc)).toEqual(["Jane Roe"]);
  });

  it.each([
    ["one word (a team or a desk)", `<a href="/author/redaktion/">Redaktion</a>`],
    ["words not written as a name", `<a href="/author/jroe/">all posts by this author</a>`],
    ["a link to another kind of page", `<a href="/tag/jane-roe/">Jane Roe</a>`],
    ["a link in the page's footer", `<footer><a href="/author/jroe/">Jane Roe</a></footer>`],
  ])("names no one from %s", (_, link) => {
    const doc = page("<title>Harbour</title>", `<div><h1>Harbour rebuilt</h1>${prose(3)}</div>${link}`);
    expect(authors(doc)).toEqual([]);
  });

  it("comes after a byline the page prints", () => {
    const doc = page(
      "",
      `<div><h1>Harbour rebuilt</h1><div>Text: Jane Roe</div>${prose(2)}<p>More by <a href="/author/mmoe/">Max Moe</a></p></div>`,
    );
    expect(authors(doc)).toEqual(["Jane Roe"]);
  });
});
