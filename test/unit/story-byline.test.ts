/** The byline a story prints in its own text, taken when nothing else names a person. */
import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { extractArticle } from "../../src/core/extract.ts";

const URL = "https://small-site.example/reisen/leipzig.html";
const PARA = (n: number) =>
  `<p>Leipzig und Dresden sind zwei Städte mit viel Vergangenheit, und in beiden wird heute gut gekocht, paragraph ${n} of a long enough story to be read.</p>`;
// A subheading early on ends the header's region: what follows is the story's own text.
const PARAS = Array.from({ length: 8 }, (_, i) => PARA(i));
const BODY = `${PARAS[0]}<h2>Leipzig</h2>${PARAS.slice(1).join("")}`;

function read(head: string, body: string) {
  const doc = new JSDOM(
    `<!doctype html><html><head><title>Kunst und Essen</title>${head}</head><body>
    <header class="site"><a href="/">Small Site</a></header>
    <main><article><h1>Kunst und Essen</h1>${body}</article></main></body></html>`,
    { url: URL },
  ).window.document;
  const result = extractArticle(doc, { url: URL, force: true });
  if (!result.ok) throw new Error(result.error.message);
  return result.article;
}

describe("a byline printed in the story", () => {
  it("at its end: the author, and the line leaves the body", () => {
    const article = read("", `${BODY}<p><em>Text von Christian Seiler</em></p>`);
    expect(article.authors).toEqual(["Christian Seiler"]);
    expect(article.textContent).not.toContain("Text von Christian Seiler");
  });

  it("at its start, with an illustrator's credit on the line: the author, and the line stays", () => {
    const article = read(
      "",
      `${PARAS[0]}<p><em>Text von Christian Seiler &nbsp; Illustration von Markus Roost</em></p><h2>Leipzig</h2>${PARAS.slice(1).join("")}`,
    );
    expect(article.authors).toEqual(["Christian Seiler"]);
    expect(article.textContent).toContain("Illustration von Markus Roost");
  });

  it("at its end, after a line break in the last paragraph", () => {
    const article = read(
      "",
      `${BODY}<p>(wird fortgesetzt)<br><strong>Text:</strong> Klausmartin Friedrich</p>`,
    );
    expect(article.authors).toEqual(["Klausmartin Friedrich"]);
  });

  it("not from the middle of the story, nor a sentence that opens with 'Von'", () => {
    const middle = read(
      "",
      `${BODY.slice(0, BODY.length / 2)}<p>von Jane Roe</p>${BODY.slice(BODY.length / 2)}`,
    );
    expect(middle.authors).toEqual([]);
    const sentence = read("", `${BODY}<p>Von Berlin aus fuhr er mit dem Zug nach Leipzig.</p>`);
    expect(sentence.authors).toEqual([]);
  });

  it("never over an author the page declares", () => {
    const article = read(
      '<meta name="author" content="Ann Example">',
      `<p><em>Text von Christian Seiler</em></p>${BODY}`,
    );
    expect(article.authors).toEqual(["Ann Example"]);
  });
});
