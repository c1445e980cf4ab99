/** The guard every class-name rule asks before removing a container: is this the story itself? */
import { describe, expect, it } from "vitest";
import { linkTextLength, looksLikeContent } from "../../../src/core/passes/content-guard.ts";
import { parseDocument } from "../../../src/node/jsdom.ts";

function el(html: string): Element {
  const page = parseDocument(
    `<!DOCTYPE html><html><body><div id="x">${html}</div></body></html>`,
    "https://news.example/",
  );
  return page.document.getElementById("x")!;
}

const LONG =
  "The council said the repairs would take most of the summer and that the footpath along the river would stay closed until the contractors had finished their work on the embankment.";

describe("looksLikeContent: content", () => {
  it("two long paragraphs of prose", () => {
    expect(looksLikeContent(el(`<p>${LONG}</p><p>${LONG} Again.</p>`))).toBe(true);
  });

  it("the has-ads wrapper of three long paragraphs", () => {
    expect(
      looksLikeContent(el(`<div class="has-ads"><p>${LONG}</p><p>${LONG}</p><p>${LONG}</p></div>`)),
    ).toBe(true);
  });

  it("a lot of text without paragraphs (div soup) and few links", () => {
    expect(looksLikeContent(el(`<div>${`${LONG}<br>`.repeat(10)}</div>`))).toBe(true);
  });

  it("prose with an inline link", () => {
    expect(looksLikeContent(el(`<p>${LONG} <a href="/r">the report</a>.</p><p>${LONG}</p>`))).toBe(true);
  });
});

describe("looksLikeContent: not content", () => {
  it("empty and short blocks", () => {
    expect(looksLikeContent(el(""))).toBe(false);
    expect(looksLikeContent(el("<p>Advertisement</p>"))).toBe(false);
    expect(looksLikeContent(el(`<p>${LONG}</p>`))).toBe(false);
  });

  it("a long list of links (related stories)", () => {
    const items = Array.from(
      { length: 30 },
      (_, i) =>
        `<li><a href="/s/${i}">Story number ${i}: the council approves another round of repairs on the river</a></li>`,
    );
    expect(looksLikeContent(el(`<ul>${items.join("")}</ul>`))).toBe(false);
  });

  it("paragraphs that are mostly links (teasers)", () => {
    const teaser = `<p><a href="/t">${LONG}</a> More.</p>`;
    expect(looksLikeContent(el(teaser.repeat(5)))).toBe(false);
  });
});

describe("linkTextLength", () => {
  it("sums the text of every link", () => {
    expect(linkTextLength(el(`<p>a <a href="/1">one</a> b <a href="/2">three</a></p>`))).toBe(8);
    expect(linkTextLength(el("<p>no links</p>"))).toBe(0);
  });
});
