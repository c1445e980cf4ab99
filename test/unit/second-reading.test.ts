/**
 * Stage 6b of the pipeline: when Readability keeps much less than the page's declared body
 * (schema.org articleBody, or its one <article>) or than the block whose paragraphs hold the
 * most text, Folio reads that element alone. The page below wraps its story in a block whose
 * class Readability takes for page furniture ("extra"), and has another long block that
 * Readability then takes instead.
 */
import { describe, expect, it } from "vitest";
import { extractArticle } from "../../src/core/extract.ts";
import { atPath, candidatesOf, paragraphBlock, pathOf } from "../../src/core/second-reading.ts";
import { parseDocument } from "../../src/node/jsdom.ts";

const STORY = [
  "Frankfurt (dpa) - For a novel about the old Federal Republic the author has received this year's book prize, the jury announced on Monday evening in the city hall.",
  "The book, more than eight hundred pages long, tells of a teenager in the Hesse of the late sixties and of the fears and fantasies that came with the protests of those years.",
  "The jury praised its daring form and its humour; the prize is worth twenty-five thousand euros and is regarded as the most important award of the German book trade.",
  "The five other authors on the shortlist each receive two and a half thousand euros; last year the prize went to a novel about a family over three generations.",
  "The publisher said the first printing had sold out within a week and that a second one of thirty thousand copies would reach the shops before the book fair opens.",
  "Critics had been divided when the novel appeared in the spring: some called it a landmark of its generation, others an overlong collection of memories and lists.",
  "The author, who lives in Offenbach, thanked the jury and his publisher and said he had worked on the book for more than fifteen years, most of them without a contract.",
  "The award ceremony opens the Frankfurt Book Fair, which this year expects more than seven thousand exhibitors from over one hundred countries and a quarter of a million visitors.",
];

function page(wrapperClass: string, declared: string): string {
  const paragraphs = STORY.map((p) => `<p>${p}</p>`).join("");
  const teasers = Array.from(
    { length: 12 },
    (_, i) =>
      `<li><a href="/t/${i}">Other story number ${i} from the region, with a long teaser line</a></li>`,
  ).join("");
  return `<!DOCTYPE html><html><head><title>Book prize for a novel</title></head><body>
    <nav><ul>${teasers}</ul></nav>
    <h1>Book prize for a novel</h1>
    <div class="${wrapperClass}"><section><div ${declared}>${paragraphs}</div></section></div>
    <div class="readers"><p>${"A reader's letter that goes on for a while about prizes and books in general. ".repeat(4)}</p>
      <p>${"Another reader's letter, about the city hall and the jury, and about the evening. ".repeat(3)}</p></div>
  </body></html>`;
}

function text(html: string): string {
  const { document } = parseDocument(html, "https://news.example/story");
  const result = extractArticle(document, { force: true });
  if (!result.ok) throw new Error(result.error.message);
  return result.article.textContent;
}

describe("a declared article body Readability missed", () => {
  it("is read on its own when Readability took another block (itemprop=articleBody)", () => {
    const out = text(page("story-extra", 'itemprop="articleBody"'));
    for (const p of STORY) expect(out).toContain(p);
    expect(out).not.toContain("A reader's letter");
  });

  it("is read on its own when it is the page's one <article>", () => {
    const html = page("story-extra", 'class="text"')
      .replace('<div class="text">', "<article>")
      .replace(/<\/div><\/section>/, "</article></section>");
    const out = text(html);
    for (const p of STORY) expect(out).toContain(p);
  });

  it("falls back to the block with the most paragraph text when nothing is declared", () => {
    const out = text(page("story-extra", 'class="text"'));
    for (const p of STORY) expect(out).toContain(p);
    expect(out).not.toContain("A reader's letter");
  });

  it("does not take readers' comments, longer than a short story, for the story", () => {
    const comments = Array.from(
      { length: 10 },
      (_, i) =>
        `<p>Comment ${i}: ${"I have read the novel and I think the jury got it wrong this year. ".repeat(2)}</p>`,
    ).join("");
    const html = `<!DOCTYPE html><html><head><title>Book prize</title></head><body><h1>Book prize</h1>
      <div class="story"><p>${STORY[0]}</p><p>${STORY[1]}</p><p>${STORY[2]}</p></div>
      <div id="comments"><div class="comment-list">${comments}</div></div></body></html>`;
    const out = text(html);
    expect(out).toContain(STORY[0]);
    expect(out).not.toContain("Comment 3");
  });

  it("is not a copy for search engines that the page hides", () => {
    const hidden = `<div style="display:none" itemscope itemtype="https://schema.org/NewsArticle">
      <span itemprop="headline">Book prize for a novel</span>
      <span itemprop="articleBody">${STORY.slice(1).join(" ")}</span></div>`;
    const html = page("story-extra", 'class="text"').replace("<h1>", `${hidden}<h1>`);
    const out = text(html);
    for (const p of STORY) expect(out).toContain(p);
    // The story's paragraphs as the page shows them, not the copy's run-on text.
    expect(out).toContain(`${STORY[0]}\n\n${STORY[1]}`);
  });

  it("keeps Readability's reading when it already holds the declared body", () => {
    const out = text(page("story", 'itemprop="articleBody"'));
    for (const p of STORY) expect(out).toContain(p);
  });
});

describe("the paragraph block", () => {
  const body = (html: string) =>
    parseDocument(`<!DOCTYPE html><html><body>${html}</body></html>`, "https://x.example/").document.body;
  const long = (n: number) => `<p>${"Words of a paragraph in the story itself. ".repeat(n)}</p>`;

  it("is the parent of the paragraphs holding the most text", () => {
    const b = body(`<div id="side">${long(2)}</div><div id="story">${long(3)}${long(3)}</div>`);
    expect(paragraphBlock(b)?.id).toBe("story");
  });

  it("is the grandparent when each paragraph sits in a wrapper of its own", () => {
    const wrapped = Array.from({ length: 4 }, () => `<div class="text-column">${long(3)}</div>`).join("");
    const b = body(`<div id="side">${long(4)}</div><section id="story">${wrapped}</section>`);
    expect(paragraphBlock(b)?.id).toBe("story");
  });

  it("does not count link lists, navigation, footers or short lines", () => {
    const teasers = Array.from(
      { length: 6 },
      (_, i) => `<p><a href="/s/${i}">A teaser for another story with a long line of words</a></p>`,
    ).join("");
    const b = body(
      `<div id="teasers">${teasers}</div><nav>${long(5)}</nav><footer>${long(5)}</footer>` +
        `<div id="labels">${"<p>Share this</p>".repeat(30)}</div><div id="story">${long(2)}</div>`,
    );
    expect(paragraphBlock(b)?.id).toBe("story");
  });

  it("is found again by its path in a copy of the page", () => {
    const b = body(`<div>${long(1)}</div><main><div></div><div id="story">${long(3)}</div></main>`);
    const story = paragraphBlock(b)!;
    const copy = b.ownerDocument.cloneNode(true) as Document;
    expect(atPath(copy.body, pathOf(story, b))?.id).toBe("story");
  });

  it("is listed once when it is also the declared body", () => {
    const b = body(`<article id="story">${long(3)}${long(3)}</article>`);
    const found = candidatesOf(b, b.querySelector("article"));
    expect(found.map((c) => c.source)).toEqual(["declared"]);
  });
});
