/** JSON-LD reading: tolerant parsing, @graph, @type lists, authors, images, references. */
import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { readJsonLd } from "../../../src/core/metadata/json-ld.ts";
import { parseJsonLdText } from "../../../src/core/metadata/json-ld-text.ts";
import { indexPage } from "../../../src/core/metadata/page-index.ts";

const URL = "https://news.example.com/a/story.html";

function scripts(...bodies: string[]) {
  const html = bodies.map((b) => `<script type="application/ld+json">${b}</script>`).join("");
  const doc = new JSDOM(`<!doctype html><html><head>${html}</head><body></body></html>`, { url: URL }).window
    .document;
  return readJsonLd(indexPage(doc));
}

const json = (value: unknown) => JSON.stringify(value);

describe("parseJsonLdText", () => {
  it("strips HTML comments, CDATA and a trailing semicolon", () => {
    expect(parseJsonLdText('<!-- {"a": 1} -->')).toEqual({ a: 1 });
    expect(parseJsonLdText('//<![CDATA[\n{"a": 1}\n//]]>')).toEqual({ a: 1 });
    expect(parseJsonLdText('<![CDATA[{"a": 1}]]>')).toEqual({ a: 1 });
    expect(parseJsonLdText('{"a": 1};')).toEqual({ a: 1 });
  });

  it("repairs raw line breaks inside strings and trailing commas", () => {
    expect(parseJsonLdText('{"headline": "Line one\nline two", "x": [1, 2,],}')).toEqual({
      headline: "Line one\nline two",
      x: [1, 2],
    });
  });

  it("returns undefined for text that is not JSON", () => {
    expect(parseJsonLdText("{headline: oops")).toBeUndefined();
    expect(parseJsonLdText("")).toBeUndefined();
  });
});

describe("readJsonLd", () => {
  it("finds the article inside @graph and resolves @id references (Yoast style)", () => {
    const { article, siteName } = scripts(
      json({
        "@context": "https://schema.org",
        "@graph": [
          { "@type": "WebSite", "@id": "https://news.example.com/#website", name: "Example News" },
          { "@type": "Person", "@id": "https://news.example.com/#/person/1", name: "Jane Doe" },
          {
            "@type": "NewsArticle",
            headline: "The headline",
            author: { "@id": "https://news.example.com/#/person/1" },
            publisher: { "@id": "https://news.example.com/#org" },
            datePublished: "2021-08-24T23:01:00+05:30",
          },
          { "@type": "Organization", "@id": "https://news.example.com/#org", name: "Example Media" },
        ],
      }),
    );
    expect(article?.type).toBe("NewsArticle");
    expect(article?.headline).toBe("The headline");
    expect(article?.authors).toEqual(["Jane Doe"]);
    expect(article?.publisherName).toBe("Example Media");
    expect(article?.datePublished).toBe("2021-08-24T23:01:00+05:30");
    expect(siteName).toBe("Example News");
  });

  it("accepts @type as a list and any type ending in Article or Posting", () => {
    expect(
      scripts(json({ "@type": ["CreativeWork", "ReportageNewsArticle"], headline: "A" })).article?.type,
    ).toBe("ReportageNewsArticle");
    expect(scripts(json({ "@type": "BlogPosting", headline: "B" })).article?.headline).toBe("B");
    expect(scripts(json({ "@type": "http://schema.org/NewsArticle", headline: "C" })).article?.type).toBe(
      "NewsArticle",
    );
  });

  it("uses WebPage only as a weak fallback, and prefers a real Article anywhere on the page", () => {
    const onlyPage = scripts(json({ "@type": "WebPage", name: "Page name" }));
    expect(onlyPage.article?.strength).toBe("page");
    const both = scripts(
      json({ "@type": "WebPage", name: "Page name" }),
      json({ "@type": "Article", headline: "Real" }),
    );
    expect(both.article?.strength).toBe("article");
    expect(both.article?.headline).toBe("Real");
  });

  it("finds the article as mainEntity of a WebPage", () => {
    const { article } = scripts(
      json({ "@type": "WebPage", name: "Page", mainEntity: { "@type": "NewsArticle", headline: "Inner" } }),
    );
    expect(article?.headline).toBe("Inner");
    expect(article?.strength).toBe("article");
  });

  it("reads authors as string, object, array, and nested Person", () => {
    const read = (author: unknown) => scripts(json({ "@type": "Article", author })).article?.authors;
    expect(read("Jane Doe")).toEqual(["Jane Doe"]);
    expect(read({ "@type": "Person", name: "Jane Doe" })).toEqual(["Jane Doe"]);
    expect(read([{ "@type": "Person", name: "Jane Doe" }, "John Roe", { name: ["Ann Lee"] }])).toEqual([
      "Jane Doe",
      "John Roe",
      "Ann Lee",
    ]);
    expect(read({ "@type": "Role", author: { "@type": "Person", name: "Nested Person" } })).toEqual([
      "Nested Person",
    ]);
    expect(read({ "@type": "Person", givenName: "Jane", familyName: "Doe" })).toEqual(["Jane Doe"]);
  });

  it("reads image as string, object and array", () => {
    const read = (image: unknown) => scripts(json({ "@type": "Article", image })).article?.images;
    expect(read("https://cdn.example.com/a.jpg")).toEqual([
      { url: "https://cdn.example.com/a.jpg", alt: null, caption: null },
    ]);
    expect(
      read({ "@type": "ImageObject", url: "https://cdn.example.com/b.jpg", caption: "A caption" }),
    ).toEqual([{ url: "https://cdn.example.com/b.jpg", alt: null, caption: "A caption" }]);
    expect(
      read(["https://cdn.example.com/c.jpg", { url: "https://cdn.example.com/d.jpg" }])?.map((i) => i.url),
    ).toEqual(["https://cdn.example.com/c.jpg", "https://cdn.example.com/d.jpg"]);
  });

  it("reads url, then mainEntityOfPage (string or object)", () => {
    expect(scripts(json({ "@type": "Article", url: "https://x.example/u" })).article?.url).toBe(
      "https://x.example/u",
    );
    expect(scripts(json({ "@type": "Article", mainEntityOfPage: "https://x.example/m" })).article?.url).toBe(
      "https://x.example/m",
    );
    expect(
      scripts(
        json({ "@type": "Article", mainEntityOfPage: { "@type": "WebPage", "@id": "https://x.example/id" } }),
      ).article?.url,
    ).toBe("https://x.example/id");
  });

  it("ignores invalid scripts and keeps reading the valid ones", () => {
    const { article } = scripts("{ this is not json", json({ "@type": "NewsArticle", headline: "Valid" }));
    expect(article?.headline).toBe("Valid");
  });

  it("decodes HTML entities left in JSON-LD strings", () => {
    const { article } = scripts(json({ "@type": "Article", headline: "Rock &amp; roll&#8217;s return" }));
    expect(article?.headline).toBe("Rock & roll’s return");
  });

  it("reads a recipe page's Recipe as its article when no Article is declared, and an Article first", () => {
    const recipe = {
      "@type": "Recipe",
      name: "Lentil soup",
      author: { "@type": "Person", name: "Ada Cook" },
      datePublished: "2020-09-01",
    };
    const fromRecipe = scripts(json({ "@context": "https://schema.org", ...recipe }));
    expect(fromRecipe.article).toMatchObject({
      type: "Recipe",
      strength: "article",
      name: "Lentil soup",
      authors: ["Ada Cook"],
    });
    const both = scripts(
      json({
        "@context": "https://schema.org",
        "@graph": [recipe, { "@type": "BlogPosting", headline: "Soup season", author: { name: "Ada Cook" } }],
      }),
    );
    expect(both.article).toMatchObject({ type: "BlogPosting", headline: "Soup season" });
  });

  it("returns nothing for pages without JSON-LD", () => {
    expect(scripts()).toEqual({ article: null, siteName: null, recipe: null });
  });
});
