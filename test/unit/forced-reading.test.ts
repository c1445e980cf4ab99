/**
 * "Show anyway" on a home page (issue 10): the page's main list, not its navigation bar.
 * A front page whose teasers are linked headlines has no paragraphs for Readability to score,
 * and the navigation's long link texts can win; the main region is read instead.
 */
import { describe, expect, it } from "vitest";
import { extractArticle } from "../../src/core/extract.ts";
import { mainRegion } from "../../src/core/forced-reading.ts";
import { parseDocument } from "../../src/node/jsdom.ts";

const URL = "https://harbour.example/";
const SECTIONS = [
  "World",
  "Politics",
  "Business",
  "Science",
  "Sport",
  "Culture",
  "Travel",
  "Opinion",
  "Video",
];
const NAV = `<header><a href="/" class="logo">Harbour Times</a><nav><ul>${SECTIONS.map(
  (s) => `<li><a href="/${s.toLowerCase()}">${s}: all the latest from our desk</a></li>`,
).join("")}</ul></nav></header>`;
const HEADLINES = Array.from(
  { length: 8 },
  (_, i) =>
    `<div class="card"><h2><a href="/story-${i}">Pontoon ${i} reopens after the winter storms</a></h2></div>`,
).join("");

function home(main: string): string {
  return `<!doctype html><html><head><title>Harbour Times</title></head><body>${NAV}${main}<footer><p>Harbour Times, Quay Street</p></footer></body></html>`;
}

function read(html: string, force: boolean) {
  return extractArticle(parseDocument(html, URL).document, { url: URL, force, markdown: false });
}

describe("Show anyway on a home page", () => {
  it("is refused as a click", () => {
    expect(read(home(`<main>${HEADLINES}</main>`), false).ok).toBe(false);
  });

  it("shows the main region's headlines, not the navigation", () => {
    const result = read(home(`<main><div class="grid">${HEADLINES}</div></main>`), true);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.article.textContent).toContain("Pontoon 0 reopens after the winter storms");
    expect(result.article.textContent).toContain("Pontoon 7 reopens after the winter storms");
    expect(result.article.textContent).not.toContain("all the latest from our desk");
  });

  it("also for a role=main region", () => {
    const result = read(home(`<div role="main">${HEADLINES}</div>`), true);
    expect(result.ok && result.article.textContent).toContain("Pontoon 3 reopens after the winter storms");
  });
});

describe("mainRegion", () => {
  it("is the page's one main element, and none when there are several", () => {
    const one = parseDocument(home(`<main><p>x</p></main>`), URL).document;
    expect(mainRegion(one.body)?.localName).toBe("main");
    const two = parseDocument(home(`<main><p>x</p></main><div role="main"><p>y</p></div>`), URL).document;
    expect(mainRegion(two.body)).toBeNull();
  });
});
