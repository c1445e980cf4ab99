/**
 * readability.ts runs Readability with its tag lookups answered by a TreeWalker ("walk", for
 * jsdom) or by the DOM's selectors ("selectors", for browsers), and the five document-wide ones
 * (<script>, <noscript>, <style>, <font>, <br>) from the census Folio's own walk took. Three things must hold: the lookups really go through Folio (else the speed-up is
 * gone, e.g. after a Readability update renamed the method), each answer is what
 * `querySelectorAll` gives, and Readability's result is exactly the same as without any of it,
 * also when elements were removed after the census and when a `<noscript>` could add census
 * tags (then the census must not be used).
 */
import { readdirSync, readFileSync } from "node:fs";
import { isProbablyReaderable, Readability } from "@mozilla/readability";
import { describe, expect, it } from "vitest";
import {
  byWalk,
  censusAlong,
  censusHolds,
  isReaderable,
  readDocument,
  type TagCensus,
} from "../../src/core/readability.ts";
import type { TagLookup } from "../../src/core/types.ts";
import { extractArticle } from "../../src/core/extract.ts";
import { JSDOM_EXTRACT_OPTIONS, parseDocument } from "../../src/node/jsdom.ts";

const PAGES = new URL("../fixtures/pages/", import.meta.url);
const fixtureFiles = () => readdirSync(PAGES).filter((f) => f.endsWith(".html"));
const fixture = (file: string) => readFileSync(new URL(file, PAGES), "utf8");

const PARAGRAPH =
  "The council voted on Tuesday to rebuild the old harbour wall, which storms damaged twice last winter, and to pay for it from the flood fund rather than from new borrowing.";

/** A page with every census tag, in the head and the body, and JSON-LD naming the author. */
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

/** What the walk in the pipeline does: every element of the document, in order. */
function takeCensus(doc: Document): TagCensus {
  const { visit, census } = censusAlong();
  const walker = doc.createTreeWalker(doc.documentElement, 1);
  for (let el = walker.currentNode as Element | null; el; el = walker.nextNode() as Element | null) visit(el);
  return census;
}

/**
 * Records selector queries on every node of `doc`'s window ("page ..." when asked of the document
 * or its body), and counts walks rooted at the document or body.
 */
function watch(doc: Document) {
  const seen = { queries: [] as string[], documentWalks: 0 };
  // Every jsdom window has its own DOM classes: patch those of the document's window.
  const win = doc.defaultView as unknown as Record<
    "Element" | "Document" | "DocumentFragment",
    { prototype: ParentNode }
  >;
  for (const proto of [win.Element.prototype, win.Document.prototype, win.DocumentFragment.prototype]) {
    const original = proto.querySelectorAll;
    proto.querySelectorAll = function (this: ParentNode, selectors: string) {
      seen.queries.push(this === doc || this === doc.body ? `page ${selectors}` : selectors);
      return original.call(this, selectors);
    } as typeof original;
  }
  const createTreeWalker = doc.createTreeWalker.bind(doc);
  doc.createTreeWalker = ((root: Node, ...rest: [number?, NodeFilter?]) => {
    if (root === doc || root === doc.body) seen.documentWalks++;
    return createTreeWalker(root, ...rest);
  }) as typeof doc.createTreeWalker;
  return seen;
}

/** Readability as it comes, with the same options as readDocument. */
function plain(doc: Document) {
  return new Readability<Element>(doc, { serializer: (node) => node as Element, keepClasses: true }).parse();
}

const summary = (parsed: ReturnType<typeof plain>) =>
  parsed && { ...parsed, content: parsed.content?.outerHTML };

function pair(html: string, change?: (doc: Document) => void, lookup: TagLookup = "walk") {
  const a = parseDocument(html, "https://news.example/story").document;
  const b = parseDocument(html, "https://news.example/story").document;
  const census = takeCensus(a);
  change?.(a);
  change?.(b);
  const without = summary(plain(b));
  const holds = censusHolds(a, census);
  const seen = watch(a);
  const withFolio = summary(readDocument(a, lookup, census));
  return { withFolio, without, seen, holds };
}

describe("Readability with Folio's tag lookups", () => {
  it("gives the same result, with no selector query and no walk of the whole page", () => {
    const { withFolio, without, seen, holds } = pair(PAGE);
    expect(withFolio).not.toBeNull();
    expect(withFolio).toEqual(without);
    expect(withFolio?.byline).toBe("Jane Doe"); // JSON-LD found through the census
    expect(holds).toBe(true);
    expect(seen.queries).toEqual([]);
    expect(seen.documentWalks).toBe(0);
  });

  it("with the DOM's selectors, the same result and no query over the whole page", () => {
    const { withFolio, without, seen } = pair(PAGE, undefined, "selectors");
    expect(withFolio).toEqual(without);
    expect(seen.queries.filter((q) => q.startsWith("page "))).toEqual([]);
    expect(seen.queries).toContain("p"); // inside the article: the DOM's own selectors
    expect(seen.documentWalks).toBe(0);
  });

  it("the watch sees what plain Readability does (so the tests above can fail)", () => {
    const doc = parseDocument(PAGE, "https://news.example/story").document;
    const seen = watch(doc);
    plain(doc);
    expect(seen.queries).toEqual(
      expect.arrayContaining(["page script", "page style", "page font", "page br", "p"]),
    );
  });

  it("leaves out elements removed after the census, as querySelectorAll would", () => {
    const { withFolio, without } = pair(PAGE, (doc) => {
      for (const el of [...doc.querySelectorAll("footer, header style, script[type='application/ld+json']")])
        el.remove();
    });
    expect(withFolio).toEqual(without);
    expect(withFolio?.byline).not.toBe("Jane Doe");
  });

  it("walks instead of using the census when unwrapping a <noscript> image could add census tags", () => {
    const html = PAGE.replace(
      '<noscript><img src="/pixel.gif"></noscript>',
      '<img data-src="/photo.jpg"><noscript><font><img src="/photo.jpg"></font></noscript>',
    );
    const { withFolio, without, seen, holds } = pair(html);
    expect(holds).toBe(false);
    expect(withFolio).toEqual(without);
    expect(seen.documentWalks).toBeGreaterThan(0);
    const bySelectors = pair(html, undefined, "selectors");
    expect(bySelectors.withFolio).toEqual(without);
    expect(bySelectors.seen.queries).toContain("page font");
  });

  it("gives the same result on every fixture page", () => {
    expect(fixtureFiles().length).toBeGreaterThanOrEqual(6);
    for (const file of fixtureFiles()) {
      const { withFolio, without, seen } = pair(fixture(file));
      expect(withFolio, file).toEqual(without);
      expect(seen.queries, file).toEqual([]);
      const bySelectors = pair(fixture(file), undefined, "selectors");
      expect(bySelectors.withFolio, file).toEqual(without);
    }
  });
});

describe("extractArticle passes its tagLookup on", () => {
  it("JSDOM_EXTRACT_OPTIONS: no selector query at all, and the same article as the default", () => {
    const walked = parseDocument(PAGE, "https://news.example/story").document;
    const selected = parseDocument(PAGE, "https://news.example/story").document;
    const seenWalk = watch(walked);
    const seenSelect = watch(selected);
    const a = extractArticle(walked, { ...JSDOM_EXTRACT_OPTIONS, force: true });
    const b = extractArticle(selected, { force: true });
    expect(a.ok && b.ok).toBe(true);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(seenWalk.queries).toEqual([]);
    expect(seenSelect.queries.length).toBeGreaterThan(0);
  });
});

describe("byWalk: querySelectorAll of a list of tag names, by a walk", () => {
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
    "%s: same elements, same order, on the document, the body and an element",
    (file) => {
      const doc = parseDocument(
        file === "(inline page)" ? PAGE : fixture(file),
        "https://x.example/",
      ).document;
      const roots: (Element | Document)[] = [doc, doc.body, doc.body.firstElementChild ?? doc.body];
      for (const root of roots) {
        for (const tags of LISTS) {
          expect(byWalk(root, tags), `${tags}`).toEqual([...root.querySelectorAll(tags.join(","))]);
        }
      }
    },
  );

  it("matches SVG elements by their exact name", () => {
    const doc = parseDocument(PAGE, "https://x.example/").document;
    expect(byWalk(doc, ["a"]).map((el) => el.namespaceURI)).toEqual([
      "http://www.w3.org/1999/xhtml",
      "http://www.w3.org/2000/svg",
    ]);
    expect(byWalk(doc, ["A"])).toHaveLength(1);
    expect(byWalk(doc, ["title"])).toHaveLength(2);
    expect(byWalk(doc, ["TITLE"])).toHaveLength(1);
    const svg = parseDocument(
      `<!DOCTYPE html><body><svg><foreignObject><div>x</div></foreignObject></svg></body>`,
      "https://x.example/",
    ).document;
    expect(byWalk(svg, ["foreignObject"])).toEqual([...svg.querySelectorAll("foreignObject")]);
    expect(byWalk(svg, ["foreignObject"])).toHaveLength(1);
    expect(byWalk(svg, ["foreignobject"])).toHaveLength(0);
  });
});

describe("isReaderable: Readability's check answered from the census", () => {
  const LONG = "A sentence of an article that goes on long enough to count for the check. ".repeat(4);
  const cases: Record<string, string> = {
    paragraphs: `<p>${LONG}</p><p>${LONG}</p><p>${LONG}</p>`,
    "too short": "<p>Short.</p><p>Also short.</p>",
    "lines split by <br> in a div": `<div>${LONG}<br><br>${LONG}<br>${LONG}</div>`,
    "<br> in a span does not count": `<span>${LONG}<br>${LONG}</span>`,
    "hidden paragraphs": `<p style="display:none">${LONG}</p><p hidden>${LONG}</p>`,
    "paragraphs in list items": `<ul><li><p>${LONG}</p></li><li><p>${LONG}</p></li></ul>`,
    "unlikely blocks": `<p class="comment">${LONG}</p><p class="sidebar">${LONG}</p>`,
    "pre and article": `<pre>${LONG}</pre><article>${LONG}${LONG}</article>`,
  };

  for (const [name, body] of Object.entries(cases)) {
    it(`agrees with isProbablyReaderable: ${name}`, () => {
      const doc = parseDocument(
        `<!DOCTYPE html><html><body>${body}</body></html>`,
        "https://x.example/",
      ).document;
      const census = takeCensus(doc);
      const seen = watch(doc);
      expect(isReaderable(doc, census)).toBe(isProbablyReaderable(doc));
      // Only isProbablyReaderable itself (on the document, after the first call) queried it.
      expect(seen.queries).toEqual(["page p, pre, article", "page div > br"]);
    });
  }

  it("gives both answers, and agrees on every fixture page", () => {
    const answers = new Set<boolean>();
    for (const file of fixtureFiles()) {
      const doc = parseDocument(fixture(file), "https://x.example/").document;
      const answer = isReaderable(doc, takeCensus(doc));
      expect(answer, file).toBe(isProbablyReaderable(doc));
      answers.add(answer);
    }
    for (const body of Object.values(cases)) {
      const doc = parseDocument(
        `<!DOCTYPE html><html><body>${body}</body></html>`,
        "https://x.example/",
      ).document;
      answers.add(isReaderable(doc, takeCensus(doc)));
    }
    expect([...answers].sort()).toEqual([false, true]);
  });
});
