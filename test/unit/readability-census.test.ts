/**
 * readability.ts answers Readability's document-wide tag lookups (<script>, <noscript>, <style>,
 * <font>, <br>) from the census Folio's own walk took, instead of a `querySelectorAll` each.
 * Two things must hold: the lookups really come from the census (else the speed-up is gone,
 * e.g. after a Readability update renamed the method), and Readability's result is exactly
 * the same as without it, also when elements were removed after the census and when a
 * `<noscript>` could add census tags (then the census must not be used).
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { isProbablyReaderable } from "@mozilla/readability";
import { censusAlong, isReaderable, readDocument, type TagCensus } from "../../src/core/readability.ts";
import { parseDocument } from "../../src/node/jsdom.ts";

const PAGES = new URL("../fixtures/pages/", import.meta.url);

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
    <p>${PARAGRAPH}<br>${PARAGRAPH}</p>
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

/** Counts the document-wide querySelectorAll calls Readability makes on `doc`. */
function countLookups(doc: Document): { calls: string[] } {
  const seen = { calls: [] as string[] };
  for (const target of [doc, doc.body] as (Document | HTMLElement)[]) {
    const original = target.querySelectorAll.bind(target);
    target.querySelectorAll = ((selectors: string) => {
      seen.calls.push(selectors);
      return original(selectors);
    }) as typeof target.querySelectorAll;
  }
  return seen;
}

function summary(doc: Document, census?: TagCensus) {
  const parsed = readDocument(doc, census);
  return parsed && { ...parsed, content: parsed.content?.outerHTML };
}

function pair(html: string, change?: (doc: Document) => void) {
  const a = parseDocument(html, "https://news.example/story").document;
  const b = parseDocument(html, "https://news.example/story").document;
  const census = takeCensus(a);
  change?.(a);
  change?.(b);
  const lookups = countLookups(a);
  return { withCensus: summary(a, census), without: summary(b), lookups };
}

const CENSUS_SELECTORS = ["script", "script,noscript", "style", "font", "br"];

describe("Readability with the tag census", () => {
  it("answers the document-wide lookups from the census, with the same result", () => {
    const { withCensus, without, lookups } = pair(PAGE);
    expect(withCensus).not.toBeNull();
    expect(withCensus).toEqual(without);
    // JSON-LD was found through the census: the author comes from it.
    expect(withCensus?.byline).toBe("Jane Doe");
    expect(lookups.calls.filter((s) => CENSUS_SELECTORS.includes(s))).toEqual([]);
  });

  it("leaves out elements removed after the census, as querySelectorAll would", () => {
    const { withCensus, without } = pair(PAGE, (doc) => {
      for (const el of [...doc.querySelectorAll("footer, header style, script[type='application/ld+json']")])
        el.remove();
    });
    expect(withCensus).toEqual(without);
    expect(withCensus?.byline).not.toBe("Jane Doe");
  });

  it("is not used when unwrapping a <noscript> image could add census tags", () => {
    const html = PAGE.replace(
      '<noscript><img src="/pixel.gif"></noscript>',
      '<img data-src="/photo.jpg"><noscript><font><img src="/photo.jpg"></font></noscript>',
    );
    const { withCensus, without, lookups } = pair(html);
    expect(withCensus).toEqual(without);
    expect(lookups.calls).toContain("font");
  });

  it("gives the same result on every fixture page", () => {
    const files = readdirSync(PAGES).filter((f) => f.endsWith(".html"));
    expect(files.length).toBeGreaterThanOrEqual(6);
    for (const file of files) {
      const { withCensus, without, lookups } = pair(readFileSync(new URL(file, PAGES), "utf8"));
      expect(withCensus, file).toEqual(without);
      expect(
        lookups.calls.filter((s) => CENSUS_SELECTORS.includes(s)),
        file,
      ).toEqual([]);
    }
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
      const doc = parseDocument(`<!DOCTYPE html><html><body>${body}</body></html>`, "https://x.example/").document;
      const census = takeCensus(doc);
      const lookups = countLookups(doc);
      expect(isReaderable(doc, census)).toBe(isProbablyReaderable(doc));
      // Only isProbablyReaderable itself (on the document, after the first call) queried it.
      expect(lookups.calls).toEqual(["p, pre, article", "div > br"]);
    });
  }

  it("gives both answers, and agrees on every fixture page", () => {
    const answers = new Set<boolean>();
    for (const file of readdirSync(PAGES).filter((f) => f.endsWith(".html"))) {
      const doc = parseDocument(readFileSync(new URL(file, PAGES), "utf8"), "https://x.example/").document;
      const answer = isReaderable(doc, takeCensus(doc));
      expect(answer, file).toBe(isProbablyReaderable(doc));
      answers.add(answer);
    }
    for (const body of Object.values(cases)) {
      const doc = parseDocument(`<!DOCTYPE html><html><body>${body}</body></html>`, "https://x.example/").document;
      answers.add(isReaderable(doc, takeCensus(doc)));
    }
    expect([...answers].sort()).toEqual([false, true]);
  });
});
