/**
 * Stage 6b of the pipeline: when the page declares its article's body (schema.org articleBody,
 * or its one <article>) and Readability keeps much less than that, Folio reads the declared body
 * alone. The page below wraps its story in a block whose class Readability takes for page
 * furniture ("extra"), and has another long block that Readability then takes instead.
 */
import { describe, expect, it } from "vitest";
import { extractArticle } from "../../src/core/extract.ts";
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
  const teasers = Array.from({ length: 12 }, (_, i) => `<li><a href="/t/${i}">Other story number ${i} from the region, with a long teaser line</a></li>`).join("");
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
    const html = page("story-extra", 'class="text"').replace('<div class="text">', "<article>").replace(/<\/div><\/section>/, "</article></section>");
    const out = text(html);
    for (const p of STORY) expect(out).toContain(p);
  });

  it("is not used when there is no declared body", () => {
    const out = text(page("story-extra", 'class="text"'));
    expect(out).toContain("A reader's letter");
  });

  it("keeps Readability's reading when it already holds the declared body", () => {
    const out = text(page("story", 'itemprop="articleBody"'));
    for (const p of STORY) expect(out).toContain(p);
  });
});
