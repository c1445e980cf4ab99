/**
 * src/node/jsdom.ts gives jsdom two kinds of help, through public API only: pages are parsed
 * with `<noscript>` as text (node-parse.test.ts), and a DOM shim answers `querySelectorAll` of a
 * plain list of tag names by a walk (jsdom's selector engine is slow to start on every page).
 * The shim must give exactly what jsdom's own engine gives, and Readability and the pipeline
 * must read the same article with it as without it. And nothing in src/ may reach into
 * Readability's or jsdom's private members again.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Readability } from "@mozilla/readability";
import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { extractArticle } from "../../src/core/extract.ts";
import { byTags, installTagQueries, parseDocument } from "../../src/node/jsdom.ts";

const PAGES = new URL("../fixtures/pages/", import.meta.url);
const fixtureFiles = () => readdirSync(PAGES).filter((f) => f.endsWith(".html"));
const fixture = (file: string) => readFileSync(new URL(file, PAGES), "utf8");

const PARAGRAPH =
  "The council voted on Tuesday to rebuild the old harbour wall, which storms damaged twice last winter, and to pay for it from the flood fund rather than from new borrowing.";

/** A page with tags Readability looks up, in the head and the body, SVG among them. */
const PAGE = `<!DOCTYPE html><html lang="en"><head><title>Harbour wall to be rebuilt - Coast Herald</title>
  <style>p { margin: 0 }</style>
  <script>window.tracking = 1;</script>
  <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Harbour wall to be rebuilt","author":{"@type":"Person","name":"Jane Doe"},"publisher":{"@type":"Organization","name":"Coast Herald"}}</script>
</head><body>
  <header><a href="/">Coast Herald</a><style>.logo { color: red }</style></header>
  <article>
    <h1>Harbour wall to be rebuilt</h1>
    <p>${PARAGRAPH}</p>
    <div>First line of a poem<br><br>second line<br>third line, long enough to count as text in its own right for the scoring</div>
    <p><font color="red">${PARAGRAPH}</font></p>
    <noscript><img src="/pixel.gif"></noscript>
    <p>${PARAGRAPH}<script>inline()</script></p>
    <figure><img src="/a.jpg"><figcaption>A caption</figcaption></figure>
    <p>${PARAGRAPH}<br>${PARAGRAPH}</p>
    <svg><a href="/x"><title>An icon</title></a></svg>
  </article>
  <footer><font>Footer</font><br></footer>
</body></html>`;

/** A jsdom window parsed as parseDocument does, but without the shim (jsdom's own engine). */
function unshimmed(html: string): Document {
  const shimmed = parseDocument(html, "https://x.example/").document;
  // The same tree (noscript as text), re-made in a plain jsdom by cloning the parsed markup.
  const plain = new JSDOM("", { url: "https://x.example/" }).window.document;
  const copy = plain.importNode(shimmed.documentElement, true);
  plain.replaceChild(copy, plain.documentElement);
  return plain as unknown as Document;
}

function summary(parsed: ReturnType<Readability<string>["parse"]>) {
  return parsed && { title: parsed.title, byline: parsed.byline, content: parsed.content };
}

describe("the tag-list shim", () => {
  const LISTS = [
    ["p"],
    ["a"],
    ["A"],
    ["h1", "h2"],
    ["SECTION", "H2", "P", "TD", "PRE", "DIV"],
    ["img", "picture", "figure"],
    ["title"],
    ["TITLE"],
    ["script", "noscript"],
    ["br"],
  ];

  it.each(fixtureFiles().concat("(inline page)"))(
    "%s: the same elements, in the same order, as jsdom's engine, on the document, the body and an element",
    (file) => {
      const html = file === "(inline page)" ? PAGE : fixture(file);
      const shimmed = parseDocument(html, "https://x.example/").document;
      const plain = unshimmed(html);
      const roots = (doc: Document): (Element | Document)[] => [
        doc,
        doc.body,
        doc.body.firstElementChild ?? doc.body,
      ];
      const [a, b] = [roots(shimmed), roots(plain)];
      for (const [i, root] of a.entries()) {
        for (const tags of LISTS) {
          const selector = tags.join(", ");
          const got = [...root.querySelectorAll(selector)].map((el) => el.outerHTML);
          const want = [...b[i]!.querySelectorAll(selector)].map((el) => el.outerHTML);
          expect(got, selector).toEqual(want);
          expect(byTags(root, tags), selector).toEqual([...root.querySelectorAll(selector)]);
        }
      }
    },
  );

  it("matches SVG elements by their exact name", () => {
    const doc = parseDocument(PAGE, "https://x.example/").document;
    expect(byTags(doc, ["a"]).map((el) => el.namespaceURI)).toEqual([
      "http://www.w3.org/1999/xhtml",
      "http://www.w3.org/2000/svg",
    ]);
    expect(byTags(doc, ["A"])).toHaveLength(1);
    expect(byTags(doc, ["title"])).toHaveLength(2);
    expect(byTags(doc, ["TITLE"])).toHaveLength(1);
    const svg = parseDocument(
      `<!DOCTYPE html><body><svg><foreignObject><div>x</div></foreignObject></svg></body>`,
      "https://x.example/",
    ).document;
    expect(svg.querySelectorAll("foreignObject")).toHaveLength(1);
    expect(svg.querySelectorAll("foreignobject")).toHaveLength(0);
  });

  it("leaves every other selector to jsdom", () => {
    const doc = parseDocument(PAGE, "https://x.example/").document;
    const plain = unshimmed(PAGE);
    for (const selector of ["div > br", "p:not(.x)", "[href]", "svg a", "p,br.x"]) {
      expect(doc.querySelectorAll(selector).length, selector).toBe(plain.querySelectorAll(selector).length);
      expect(doc.querySelectorAll(selector), selector).toBeInstanceOf(doc.defaultView!.NodeList);
    }
    // Installed on a plain window, it answers tag lists as jsdom's engine does.
    const window = new JSDOM(PAGE).window;
    const before = [...window.document.querySelectorAll("p, br")];
    installTagQueries(window as unknown as Window);
    const after = window.document.querySelectorAll("p, br");
    expect(after).not.toBeInstanceOf(window.NodeList);
    expect([...after]).toEqual(before);
  });

  // Every fixture parsed and read twice: slow on a busy machine, and not a measure of speed.
  it("Readability reads the same article with the shim as with jsdom's engine, on every fixture", {
    timeout: 60_000,
  }, () => {
    expect(fixtureFiles().length).toBeGreaterThanOrEqual(6);
    for (const file of fixtureFiles().concat("(inline page)")) {
      const html = file === "(inline page)" ? PAGE : fixture(file);
      const withShim = summary(new Readability(parseDocument(html, "https://x.example/").document).parse());
      const without = summary(new Readability(unshimmed(html)).parse());
      expect(withShim, file).toEqual(without);
    }
  });

  it("is what Readability's tag lookups go through (else the speed-up is gone)", () => {
    const doc = parseDocument(PAGE, "https://x.example/").document;
    const seen: string[] = [];
    const proto = doc.defaultView!.Element.prototype;
    const shim = proto.querySelectorAll;
    proto.querySelectorAll = function (this: Element, selectors: string) {
      seen.push(selectors);
      return shim.call(this, selectors);
    } as typeof proto.querySelectorAll;
    expect(extractArticle(doc, { force: true }).ok).toBe(true);
    expect(seen.some((s) => /^[a-z]+(,[a-z]+)*$/.test(s))).toBe(true);
  });
});

describe("no private member of a library in src/", () => {
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
    );

  it("no `._name` member, no `_parseOptions`, no `_getAllNodesWithTag`", () => {
    const src = new URL("../../src/", import.meta.url).pathname;
    const offending = files(src).filter((file) =>
      /\._[A-Za-z]|\b_parseOptions\b|\b_getAllNodesWithTag\b|\[["'`]_[A-Za-z]/.test(
        readFileSync(file, "utf8"),
      ),
    );
    expect(offending).toEqual([]);
  });
});
