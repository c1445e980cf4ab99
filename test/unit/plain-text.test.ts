/** Plain text of the article: blocks separated by a blank line, never glued together. */
import { describe, expect, it } from "vitest";
import { plainText } from "../../src/core/plain-text.ts";
import { parseDocument } from "../../src/node/jsdom.ts";

function text(html: string): string {
  const page = parseDocument(
    `<!DOCTYPE html><html><body><div id="root">${html}</div></body></html>`,
    "https://news.example/",
  );
  return plainText(page.document.getElementById("root")!);
}

describe("plainText", () => {
  it("separates paragraphs with one blank line", () => {
    expect(text("<p>foo</p><p>bar</p>")).toBe("foo\n\nbar");
  });

  it.each([
    ["divs", "<div>foo</div><div>bar</div>"],
    ["headings and paragraphs", "<h2>foo</h2><p>bar</p>"],
    ["list items", "<ul><li>foo</li><li>bar</li></ul>"],
    ["a line break", "foo<br>bar"],
    ["a block after inline text", "foo<div>bar</div>"],
    ["figure and caption", `<figure><img src="a.jpg">foo<figcaption>bar</figcaption></figure>`],
    ["blockquote after a paragraph", "<p>foo</p><blockquote>bar</blockquote>"],
    ["table cells", "<table><tr><td>foo</td><td>bar</td></tr></table>"],
    ["table header and body rows", "<table><tr><th>foo</th></tr><tr><td>bar</td></tr></table>"],
    ["definition lists", "<dl><dt>foo</dt><dd>bar</dd></dl>"],
    ["sections", "<section>foo</section><section>bar</section>"],
  ])("never glues %s", (_name, html) => {
    const t = text(html);
    expect(t).not.toContain("foobar");
    expect(t).toMatch(/foo\s+bar/);
  });

  it("does not split a word across inline elements", () => {
    expect(text("<p>foo<b>bar</b> and <a href='/x'>a link</a>, <em>emphasis</em>.</p>")).toBe(
      "foobar and a link, emphasis.",
    );
  });

  it("collapses whitespace and non-breaking spaces inside a block", () => {
    expect(text("<p>  foo \n\t bar&nbsp;&nbsp;baz  </p>")).toBe("foo bar baz");
  });

  it("never leaves more than one blank line, nor empty blocks, nor edges", () => {
    const t = text(
      "<div><div><p>foo</p></div></div><div></div><p>   </p><section><div><p>bar</p></div></section>",
    );
    expect(t).toBe("foo\n\nbar");
  });

  it("keeps a paragraph's text together when it holds inline line-wrapping markup", () => {
    expect(
      text(
        "<p>The council<span> </span>said on <time>Monday</time> that it would <strong>not</strong> appeal.</p>",
      ),
    ).toBe("The council said on Monday that it would not appeal.");
  });

  it("handles non-Latin scripts", () => {
    expect(text("<p>図書館が開館した。</p><p>نص عربي</p>")).toBe("図書館が開館した。\n\nنص عربي");
  });

  it("reads ruby text without its annotations (furigana and their parentheses)", () => {
    expect(
      text(
        "<p><ruby>子<rp>(</rp><rt>こ</rt><rp>)</rp></ruby>どもへの<ruby>虐待<rt>ぎゃくたい</rt></ruby>をなくす</p>",
      ),
    ).toBe("子どもへの虐待をなくす");
  });

  it("returns an empty string for an empty root", () => {
    expect(text("")).toBe("");
    expect(text("<div><span> </span></div>")).toBe("");
  });
});
