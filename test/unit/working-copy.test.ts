/**
 * The working copy (working-copy.ts): the page without the inside of the big blocks that
 * Readability drops unread, and the pipeline reading it as it would read the whole page.
 */
import { describe, expect, it } from "vitest";
import { extractArticle } from "../../src/core/extract.ts";
import { pathOf } from "../../src/core/second-reading.ts";
import { MIN_ELEMENTS, workingCopy } from "../../src/core/working-copy.ts";
import { parseDocument } from "../../src/node/jsdom.ts";

const STORY = Array.from(
  { length: 8 },
  (_, i) =>
    `<p>Paragraph ${i} of the story: the council met on Monday evening and voted on the flood plan for the river bridge, which residents had asked for since the winter.</p>`,
).join("");

/** A comment thread of about `entries` × 6 elements, named as Readability's unlikely test reads. */
function thread(entries: number, attrs = 'class="comments"', extra = ""): string {
  const items = Array.from(
    { length: entries },
    (_, i) =>
      `<li class="comment"><div><a href="/u/${i}">reader${i}</a> <time>${i} minutes ago</time></div><p>A reader's comment number ${i}.</p><button>Reply</button></li>`,
  ).join("");
  return `<section ${attrs}>${extra}<ol>${items}</ol></section>`;
}

function page(body: string, title = "The flood plan passes"): Document {
  return parseDocument(
    `<!DOCTYPE html><html><head><title>${title}</title></head><body>${body}</body></html>`,
    "https://news.example/flood",
  ).document;
}

const BIG = Math.ceil(MIN_ELEMENTS / 6) + 10;

function emptied(doc: Document): string[] {
  return workingCopy(doc).emptied.map(
    (el) => el.getAttribute("class") ?? el.getAttribute("role") ?? el.localName,
  );
}

describe("workingCopy", () => {
  it("leaves out the inside of a big comment thread, keeping it empty in its place", () => {
    const doc = page(`<main><article><h1>The flood plan passes</h1>${STORY}</article>${thread(BIG)}</main>`);
    const before = doc.documentElement.outerHTML;
    const { copy, emptied: out } = workingCopy(doc);
    expect(out.map((el) => el.className)).toEqual(["comments"]);
    const section = copy.querySelector("section.comments")!;
    expect(section.childElementCount).toBe(0);
    // Same structure: the element paths of the story are the same in both.
    const p = doc.querySelectorAll("article p")[5]!;
    const copied = copy.querySelectorAll("article p")[5]!;
    expect(pathOf(copied, copy.body)).toEqual(pathOf(p, doc.body));
    expect(copied.textContent).toBe(p.textContent);
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it("copies small blocks, and blocks Readability keeps, whole", () => {
    const cases: [string, string][] = [
      ["small", `<main><article>${STORY}</article>${thread(5)}</main>`],
      [
        "ok-maybe name",
        `<main><article>${STORY}</article>${thread(BIG, 'class="comments article-extra"')}</main>`,
      ],
      [
        "under a table",
        `<main><article>${STORY}</article><table><tr><td>${thread(BIG)}</td></tr></table></main>`,
      ],
      [
        "holds an h1",
        `<main><article>${STORY}</article>${thread(BIG, 'class="comments"', "<h1>Comments</h1>")}</main>`,
      ],
      [
        "holds JSON-LD",
        `<main><article>${STORY}</article>${thread(BIG, 'class="comments"', '<script type="application/ld+json">{}</script>')}</main>`,
      ],
      [
        "holds a named meta",
        `<main><article>${STORY}</article>${thread(BIG, 'class="comments"', '<meta property="article:author" content="x">')}</main>`,
      ],
      // Among the story's paragraphs: the content shield may take its names off.
      ["in the story's flow", `<main><article>${STORY}${thread(BIG)}${STORY}</article></main>`],
      ["the body's one child", thread(BIG)],
    ];
    for (const [name, body] of cases) expect(emptied(page(body)), name).toEqual([]);
  });

  it("leaves out blocks named by role as well as by class, and each top-most one only", () => {
    const nav = `<div role="navigation">${thread(BIG, 'class="menu"')}</div>`;
    expect(
      emptied(
        page(
          `${nav}<main><article>${STORY}</article></main><footer class="site-footer">${thread(BIG, 'class="links"')}</footer>`,
        ),
      ),
    ).toEqual(["navigation", "site-footer"]);
  });

  it("holds an h2 only when the title has a colon (Readability's title check compares them)", () => {
    const body = `<main><article>${STORY}</article>${thread(BIG, 'class="comments"', "<h2>Comments</h2>")}</main>`;
    expect(emptied(page(body))).toEqual(["comments"]);
    expect(emptied(page(body, "Flood: the plan passes"))).toEqual([]);
  });

  it("copies a page nested deeper than the limit without recursion, leaving nothing out", () => {
    const doc = page(`<main><article>${STORY}</article>${thread(BIG)}</main>`);
    let el = doc.querySelector("article")!;
    for (let i = 0; i < 40; i++) el = el.appendChild(doc.createElement("div"));
    el.append("deep text");
    const { copy, emptied: out } = workingCopy(doc, 30);
    expect(out).toEqual([]);
    expect(copy.querySelector("section.comments ol")).not.toBeNull();
  });
});

describe("the pipeline on the working copy", () => {
  it("reads the same article as from the whole page, without copying the thread", () => {
    const doc = page(`<main><article><h1>The flood plan passes</h1>${STORY}</article>${thread(BIG)}</main>`);
    const result = extractArticle(doc, { url: "https://news.example/flood" });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.article.textContent).toContain("Paragraph 7 of the story");
    expect(result.article.textContent).not.toContain("comment number");
  });

  it("reads the whole page again when what is left is shorter than Readability's threshold", () => {
    // The only prose is inside a big block Readability's first attempt drops: Readability then
    // tries again without dropping it, and so must Folio. (Lines in <div>s, not paragraphs, so
    // that the second look at the page's paragraph block, second-reading.ts, cannot find it.)
    const prose = Array.from(
      { length: 6 },
      (_, i) =>
        `<div>Sentence ${i}: the sidebar of this site holds its only long text, a history of the river and its bridges over two centuries of floods and repairs.</div>`,
    ).join("");
    const doc = page(
      `<main><h1>River history</h1></main><div class="sidebar">${prose}${thread(BIG, 'class="list"')}</div>`,
    );
    expect(emptied(doc)).toEqual(["sidebar"]);
    const result = extractArticle(doc, { url: "https://news.example/river", force: true });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.article.textContent).toContain("two centuries of floods");
  });

  it("maps the live page's hidden caption copies onto the copy by path when blocks are emptied", () => {
    // The thread before the story holds captions of its own: the n-th caption of the page is not
    // the n-th of the copy, but the one at the same path is.
    const gallery = Array.from(
      { length: 3 },
      (_, i) => `<figure><img src="/t${i}.jpg"><figcaption>Teaser ${i}</figcaption></figure>`,
    ).join("");
    const figure =
      '<figure><img src="https://news.example/bridge.jpg" width="800" height="500">' +
      '<figcaption class="caption-desktop">The bridge at dawn, shortly before the vote. Photo: A. Reporter</figcaption>' +
      '<figcaption class="caption-mobile" data-hidden>The bridge at dawn, shortly before the vote. Photo: A. Reporter</figcaption></figure>';
    const doc = page(
      `${thread(BIG, 'class="related-rail"', gallery)}<main><article><h1>The flood plan passes</h1>${STORY.slice(0, 600)}${figure}${STORY}</article></main>`,
    );
    expect(emptied(doc)).toEqual(["related-rail"]);
    const result = extractArticle(doc, {
      url: "https://news.example/flood",
      isVisible: (el) => !el.hasAttribute("data-hidden"),
    });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.article.textContent.match(/The bridge at dawn/g)).toHaveLength(1);
    // Dropped as the live page's hidden copy, before Readability (not later as a repeat).
    expect(
      result.article.removed.filter((r) => r.reason === "hidden copy of a visible caption"),
    ).toHaveLength(1);
  });
});
