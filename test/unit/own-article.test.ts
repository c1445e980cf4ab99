/**
 * Stage 6c of the pipeline: a page that scrolls on forever prints the next stories below the
 * one its address names, each in its own <article>. When the next one is longer, Readability
 * keeps it; Folio reads the page's own story.
 */
import { describe, expect, it } from "vitest";
import { extractArticle } from "../../src/core/extract.ts";
import { ownArticle, readsOwnStory, slugOf } from "../../src/core/own-article.ts";
import { parseDocument } from "../../src/node/jsdom.ts";

const URL_OF_STORY = "https://news.example/politik/2019/05/14/the-council-votes-on-the-bridge/";

const own = [
  "The council voted on Tuesday evening to repair the old bridge over the river instead of building a new one, after a debate that lasted more than four hours.",
  "Engineers had told the members that the bridge could carry traffic for another forty years once its piers were strengthened and its deck replaced.",
  "The repairs will cost about twelve million euros, half of which the state has promised to pay; work is to start next spring and take two summers.",
];
const next = Array.from(
  { length: 9 },
  (_, i) =>
    `Paragraph ${i + 1} of the next story, about the football club's new stadium, its financing by a bank from the region and the neighbours' objections to the noise and the traffic.`,
);

function page({ id = true, title = "The council votes on the bridge", wrapped = false } = {}): string {
  const article = (slug: string, headline: string, paragraphs: string[]) =>
    `<article ${id ? `id="${slug}"` : ""}><h2>${headline}</h2>${paragraphs.map((p) => `<p>${p}</p>`).join("")}</article>`;
  return `<!DOCTYPE html><html><head><title>${title} | News</title><meta property="og:title" content="${title}"></head><body>
    <main>${wrapped ? '<article id="post-1234" class="post">' : ""}
      ${article("the-council-votes-on-the-bridge", "The council votes on the bridge", own)}
      ${article("the-club-gets-its-stadium", "The club gets its stadium", next)}
    ${wrapped ? "</article>" : ""}</main></body></html>`;
}

function read(html: string) {
  const { document } = parseDocument(html, URL_OF_STORY);
  const result = extractArticle(document, { url: URL_OF_STORY, force: true });
  if (!result.ok) throw new Error(result.error.message);
  return result.article.textContent;
}

describe("the page's own article among several", () => {
  it("reads the story the address names, not the longer one below it", () => {
    const text = read(page());
    expect(text).toContain("The council voted on Tuesday evening");
    expect(text).not.toContain("football club's new stadium");
  });

  it("knows it by the declared title when no element carries the address", () => {
    const text = read(page({ id: false }));
    expect(text).toContain("The council voted on Tuesday evening");
  });

  it("takes the innermost story when a wrapper <article> holds the whole column", () => {
    const text = read(page({ id: false, wrapped: true }));
    expect(text).toContain("The council voted on Tuesday evening");
    expect(text).not.toContain("football club's new stadium");
  });

  it("leaves the page alone when nothing names one of them", () => {
    const { document } = parseDocument(page({ id: false, title: "Today's stories" }), URL_OF_STORY);
    expect(ownArticle(document.body, URL_OF_STORY, "Today's stories")).toBeNull();
  });

  it("takes slugs of words only", () => {
    expect(slugOf(URL_OF_STORY)).toBe("the-council-votes-on-the-bridge");
    expect(slugOf("https://news.example/a/123456789012.html")).toBeNull();
    expect(slugOf("https://news.example/index.html")).toBeNull();
    expect(slugOf("not a url")).toBeNull();
  });

  it("sees whether a reading is the own story alone", () => {
    const { document } = parseDocument(page(), URL_OF_STORY);
    const found = ownArticle(document.body, URL_OF_STORY, "The council votes on the bridge")!;
    expect(found.own.id).toBe("the-council-votes-on-the-bridge");
    expect(readsOwnStory(found, `Headline ${own.join(" ")}`)).toBe(true);
    expect(readsOwnStory(found, next.join(" "))).toBe(false);
    expect(readsOwnStory(found, [...own, ...next].join(" "))).toBe(false);
  });
});
