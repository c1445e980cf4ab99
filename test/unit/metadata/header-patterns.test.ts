/**
 * Issue 10 item 6: header-field patterns many sites share, on made-up markup. Each case fails
 * without the rule it names.
 */
import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { extractMetadata } from "../../../src/core/metadata/index.ts";
import { dateInText } from "../../../src/core/metadata/printed-date.ts";
import { cleanDocumentTitle } from "../../../src/core/metadata/title.ts";

const URL = "https://news.example.com/2022/story.html";
const page = (head: string, body: string, htmlAttrs = "") =>
  new JSDOM(`<!doctype html><html ${htmlAttrs}><head>${head}</head><body>${body}</body></html>`, { url: URL })
    .window.document;
const og = (key: string, content: string) => `<meta property="og:${key}" content="${content}">`;
const PROSE = "<p>Some words of the story that follow the header of the page here.</p>";

describe("title: the headline the page prints", () => {
  it("leaves out a kicker the h1 prints in its own element before the headline", () => {
    const byClass = page(
      og("title", "Weather: Rain falls on the quiet town again"),
      `<article><h1><span class="story-kicker">Weather</span><span>Rain falls on the quiet town again</span></h1>${PROSE}</article>`,
    );
    expect(extractMetadata(byClass, URL).title).toBe("Rain falls on the quiet town again");
    // No class says so; the shared title "Topic - Headline" does.
    const byDeclared = page(
      og("title", "Harbour works - Ships wait outside the old port for days"),
      `<article><h1><span>Harbour works</span> Ships wait outside the old port for days</h1>${PROSE}</article>`,
    );
    expect(extractMetadata(byDeclared, URL).title).toBe("Ships wait outside the old port for days");
  });

  it("keeps an h1 whose first element is part of the headline", () => {
    const doc = page(
      og("title", "Fresh bread arrives at the market each morning"),
      `<article><h1><em>Fresh</em> bread arrives at the market each morning</h1>${PROSE}</article>`,
    );
    expect(extractMetadata(doc, URL).title).toBe("Fresh bread arrives at the market each morning");
  });

  it("takes the printed h1 out of a title that frames it with section and site names", () => {
    const doc = page(
      "<title>Council votes on the new river bridge / Local / Politics / News overview / Article / Home - Example Daily - News, pictures and videos</title>",
      `<div class="content"><h1>Council votes on the new river bridge</h1>${PROSE}</div>`,
    );
    expect(extractMetadata(doc, URL).title).toBe("Council votes on the new river bridge");
  });

  it("cuts a breadcrumb trail after the headline", () => {
    expect(cleanDocumentTitle("No app store over mobile data any more? | Phones | Forum", [])).toBe(
      "No app store over mobile data any more?",
    );
    // One short last segment was cut before; a title with one bar only is unchanged by the trail rule.
    expect(cleanDocumentTitle("Spring comes early to the hills | Nature", [])).toBe(
      "Spring comes early to the hills",
    );
  });

  it("reads Japanese titles: full-width separators, and ruby readings left out of the h1", () => {
    expect(cleanDocumentTitle("東京で新しい橋の工事が始まる：地域ニュース", [])).toBe(
      "東京で新しい橋の工事が始まる",
    );
    const doc = page(
      "",
      `<article><h1><ruby>新<rt>あたら</rt></ruby>しい<ruby>橋<rt>はし</rt></ruby>ができる</h1>${PROSE}</article>`,
    );
    expect(extractMetadata(doc, URL).title).toBe("新しい橋ができる");
  });
});

describe("dates", () => {
  it("reads year-first dates with a slash or dot, and CJK dates", () => {
    expect(dateInText("公開日 2019/06/24 11:30")).toBe("2019-06-24");
    expect(dateInText("Megjelent: 2021.03.14.")).toBe("2021-03-14");
    expect(dateInText("2019年6月24日 11時30分")).toBe("2019-06-24");
    expect(dateInText("2021년 3월 4일")).toBe("2021-03-04");
  });
});

describe("authors", () => {
  it("reads a byline element named in data-testid", () => {
    const doc = page(
      "",
      `<article><h1>Storm closes the coastal road</h1><div data-testid="story-byline"><a href="/about/jane-roe">Jane Roe</a></div>${PROSE}</article>`,
    );
    expect(extractMetadata(doc, URL).authors).toEqual(["Jane Roe"]);
  });
});
