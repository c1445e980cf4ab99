/** The sanitizer: every page-derived HTML string passes here before it reaches an extension page. */
import { describe, expect, it } from "vitest";
import {
  ALLOWED_TAGS,
  DROPPED_WITH_CONTENT,
  sanitizeHtml,
  sanitizeInPlace,
  sanitizerDropsContent,
} from "../../src/core/sanitize.ts";
import { parseDocument } from "../../src/node/jsdom.ts";

const page = parseDocument("<!DOCTYPE html><html><body></body></html>", "https://reader.example/");
const win = page.window;

function clean(html: string): string {
  return sanitizeHtml(html, win);
}

/** The sanitized HTML, parsed back (inert) for inspection. */
function parsed(html: string): HTMLElement {
  const doc = win.document.implementation.createHTMLDocument("");
  doc.body.innerHTML = clean(html);
  return doc.body;
}

const FORBIDDEN =
  "script, style, iframe, object, embed, form, input, button, base, meta, link, svg, math, mglyph, param, textarea, frame, frameset";

function assertSafe(body: HTMLElement): void {
  expect(body.querySelectorAll(FORBIDDEN).length).toBe(0);
  for (const el of body.querySelectorAll("*")) {
    for (const attr of el.attributes) {
      expect(attr.name, `<${el.localName} ${attr.name}>`).not.toMatch(
        /^on|^style$|^formaction$|^action$|^xlink:/i,
      );
      const value = attr.value.replace(/[\s\u0000-\u001f]/g, "").toLowerCase();
      expect(value, `<${el.localName} ${attr.name}="${attr.value}">`).not.toMatch(
        /javascript:|vbscript:|data:text|data:image\/svg/,
      );
    }
  }
}

describe("sanitizeHtml removes", () => {
  it.each([
    ["script", `<p>Hello</p><script>alert(1)</script>`],
    ["img onerror", `<img src=x onerror="alert(1)">`],
    ["javascript: link", `<a href="javascript:alert(1)">click</a>`],
    ["mixed-case javascript: link with leading spaces", `<a href="  JaVaScRiPt:alert(1)">click</a>`],
    ["javascript: with an entity-encoded tab", `<a href="java&#x09;script:alert(1)">click</a>`],
    ["vbscript: link", `<a href="vbscript:msgbox(1)">click</a>`],
    ["data:text/html link", `<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">click</a>`],
    [
      "svg with script",
      `<svg><script>alert(1)</script><a xlink:href="javascript:alert(2)"><text>x</text></a></svg>`,
    ],
    ["svg onload", `<svg onload="alert(1)"></svg>`],
    [
      "mXSS through math/mglyph/style",
      `<math><mtext><table><mglyph><style><img src=x onerror="alert(1)"></style></mglyph></table></mtext></math>`,
    ],
    ["mXSS through noscript", `<noscript><p title="</noscript><img src=x onerror=alert(1)>"></p></noscript>`],
    ["iframe", `<iframe src="https://evil.example/" srcdoc="<script>alert(1)</script>"></iframe>`],
    [
      "form with action",
      `<form action="https://evil.example/phish"><input name="pw" type="password"><button formaction="https://evil.example">Go</button></form>`,
    ],
    ["meta refresh", `<meta http-equiv="refresh" content="0;url=https://evil.example/">`],
    ["base href", `<base href="https://evil.example/">`],
    ["object", `<object data="https://evil.example/x.swf"><param name="movie" value="x.swf"></object>`],
    ["embed", `<embed src="https://evil.example/x.swf">`],
    ["style attribute with url(javascript:)", `<p style="background:url(javascript:alert(1))">styled</p>`],
    ["style element", `<style>body{background:url(javascript:alert(1))}</style><p>x</p>`],
    ["srcset with javascript:", `<img src="https://cdn.example/a.jpg" srcset="javascript:alert(1) 1x">`],
    ["svg data URI image", `<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">`],
    [
      "event handlers on anything",
      `<div onclick="alert(1)" onmouseover="alert(2)"><p onfocus="alert(3)" tabindex="1">x</p></div>`,
    ],
    ["link element", `<link rel="stylesheet" href="https://evil.example/x.css">`],
    ["template smuggling", `<template><img src=x onerror=alert(1)></template>`],
  ])("%s", (_name, html) => {
    const body = parsed(html);
    assertSafe(body);
    expect(body.innerHTML.toLowerCase()).not.toContain("alert(");
    expect(body.innerHTML).not.toContain("evil.example");
  });

  it("drops data-* and aria-* attributes, class and id", () => {
    const body = parsed(`<p class="x" id="y" data-track="1" aria-hidden="true">Text</p>`);
    expect(body.innerHTML).toBe("<p>Text</p>");
  });
});

describe("sanitizeHtml keeps", () => {
  it("the text inside removed wrappers and links", () => {
    const body = parsed(
      `<p>Read <a href="javascript:alert(1)">the timetable</a> now.</p><form><p>Inside a form.</p></form>`,
    );
    expect(body.textContent).toContain("Read the timetable now.");
    expect(body.textContent).toContain("Inside a form.");
  });

  it("reading markup: headings, lists, tables, figures, quotes, code, time", () => {
    const html =
      `<h2>Results</h2><ul><li>One</li></ul><ol start="3"><li>Three</li></ol>` +
      `<table><caption>Yields</caption><thead><tr><th scope="col">Variety</th></tr></thead><tbody><tr><td colspan="2">Sungold</td></tr></tbody></table>` +
      `<figure><picture><source srcset="https://cdn.example/a.webp 800w" type="image/webp"><img src="https://cdn.example/a.jpg" alt="A" width="800" height="600"></picture><figcaption>Cap</figcaption></figure>` +
      `<blockquote cite="https://example.org/q"><p>Quote</p></blockquote><pre><code>x = 1</code></pre><p><time datetime="2024-06-18T14:30:00+02:00">18 June</time> <abbr title="European Union">EU</abbr> <sub>2</sub><sup>3</sup> <mark>m</mark> <s>old</s></p>`;
    const body = parsed(html);
    for (const sel of [
      "h2",
      "ul li",
      "ol[start='3']",
      "table caption",
      "th[scope='col']",
      "td[colspan='2']",
      "figure picture source[srcset][type]",
      "img[alt='A'][width='800']",
      "figcaption",
      "blockquote[cite]",
      "pre code",
      "time[datetime]",
      "abbr[title]",
      "sub",
      "sup",
      "mark",
      "s",
    ]) {
      expect(body.querySelector(sel), sel).not.toBeNull();
    }
  });

  it("lang and dir (right-to-left text)", () => {
    const body = parsed(`<p dir="rtl" lang="ar">نص عربي</p>`);
    expect(body.querySelector("p")?.getAttribute("dir")).toBe("rtl");
    expect(body.querySelector("p")?.getAttribute("lang")).toBe("ar");
  });

  it("http(s), relative, mailto and tel links, and raster data: images", () => {
    const png =
      "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";
    const body = parsed(
      `<a href="https://example.org/a">a</a><a href="/relative/b">b</a><a href="mailto:desk@example.org">c</a><a href="tel:+441234567">d</a><img src="${png}">`,
    );
    expect([...body.querySelectorAll("a")].map((a) => a.getAttribute("href"))).toEqual([
      "https://example.org/a",
      "/relative/b",
      "mailto:desk@example.org",
      "tel:+441234567",
    ]);
    expect(body.querySelector("img")?.getAttribute("src")).toBe(png);
  });
});

describe("sanitizeHtml links", () => {
  it("open in a new tab without opener or referrer", () => {
    const body = parsed(`<a href="https://example.org/" target="_self" rel="opener">x</a><a href="/r">y</a>`);
    for (const a of body.querySelectorAll("a")) {
      expect(a.getAttribute("target")).toBe("_blank");
      expect(a.getAttribute("rel")).toBe("noopener noreferrer");
    }
  });

  it("fragment links stay in the page", () => {
    const body = parsed(`<a href="#footnote-1">1</a>`);
    const a = body.querySelector("a")!;
    expect(a.getAttribute("href")).toBe("#footnote-1");
    expect(a.hasAttribute("target")).toBe(false);
  });

  it.each([
    ["a fragment link", `<a href="#fn-1" target="_top" rel="opener">1</a>`],
    ["a link whose href was removed", `<a href="javascript:alert(1)" target="_top" rel="opener">x</a>`],
    ["a link without href", `<a name="top" target="_parent" rel="opener">x</a>`],
  ])("%s keeps no target or rel the page wrote (only the sanitizer sets them)", (_name, html) => {
    const a = parsed(html).querySelector("a")!;
    expect(a.getAttribute("target")).toBeNull();
    expect(a.getAttribute("rel")).toBeNull();
  });

  it("other elements keep no target or rel either, in both modes", () => {
    const html = `<p><span target="_top" rel="opener">x</span><img src="https://example.org/a.png" rel="preload" target="_self"></p>`;
    const doc = parseDocument(`<!DOCTYPE html><body><div>${html}</div></body>`, "https://example.org/");
    const div = doc.document.querySelector("div")!;
    sanitizeInPlace(div, doc.window as unknown as Window);
    for (const root of [parsed(html), div]) {
      for (const el of root.querySelectorAll("span, img")) {
        expect(el.getAttribute("target")).toBeNull();
        expect(el.getAttribute("rel")).toBeNull();
      }
      expect(root.querySelectorAll("span, img")).toHaveLength(2);
    }
  });
});

describe("sanitizeInPlace", () => {
  it("cleans an element's subtree without replacing the element", () => {
    const doc = parseDocument(
      `<!DOCTYPE html><body><article id="a"><p onclick="alert(1)">Text <a href="javascript:x()">link</a></p><script>alert(2)</script><img src=x onerror=alert(3)></article></body>`,
      "https://news.example/",
    );
    const article = doc.document.getElementById("a")!;
    sanitizeInPlace(article, doc.window);
    expect(article.isConnected).toBe(true);
    expect(doc.document.body.firstElementChild).toBe(article);
    const copy = win.document.implementation.createHTMLDocument("");
    copy.body.innerHTML = article.innerHTML;
    assertSafe(copy.body);
    expect(article.textContent).toContain("Text link");
  });
});

describe("sanitizerDropsContent (the text counted on HTML not sanitized yet)", () => {
  const { document } = win;
  it("lists no tag the sanitizer allows", () => {
    for (const tag of DROPPED_WITH_CONTENT) expect(ALLOWED_TAGS).not.toContain(tag);
  });
  it("lists the HTML elements whose text the sanitizer drops with them", () => {
    for (const tag of DROPPED_WITH_CONTENT) {
      // Built as a DOM (as plainText sees it): a parser would not put some of them in a body.
      const box = document.createElement("div");
      box.append(document.createElement("p"), document.createElement(tag));
      box.firstElementChild!.textContent = "kept";
      box.lastElementChild!.textContent = "dropped";
      sanitizeInPlace(box, win);
      expect(box.textContent, tag).toBe("kept");
      expect(sanitizerDropsContent(document.createElement(tag)), tag).toBe(true);
    }
  });
  it("counts the text of every allowed element", () => {
    for (const tag of ALLOWED_TAGS) {
      expect(sanitizerDropsContent(document.createElement(tag)), tag).toBe(false);
    }
    const svg = document.createElementNS("http://www.w3.org/2000/svg", "text");
    expect(sanitizerDropsContent(svg)).toBe(true);
  });
});
