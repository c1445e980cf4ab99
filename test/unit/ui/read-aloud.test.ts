/**
 * Read aloud's parts that need no speech engine (issue 16, item 1): the article cut into
 * sentences with their place in the text, the highlight's fallback (marks, undone without a
 * trace), and the choice of voices (the article's language first).
 */
import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { articleSentences, rangeOf, splitSentences } from "../../../src/ui/sentences.ts";
import { createHighlighter } from "../../../src/ui/speech-highlight.ts";
import { MAX_VOICES, voicesFor } from "../../../src/ui/voices.ts";

const ARTICLE = `<article class="folio-article"><header class="folio-header">
  <p class="folio-site">The Herald</p><h1 class="folio-title">Night opening</h1>
  <p class="folio-standfirst">The library stays open.</p><p class="folio-meta">By A. Writer</p>
  <details class="folio-cleaned"><summary>Cleaned: 1 ad</summary><ul><li>Ad slot</li></ul></details></header>
  <div class="folio-body"><p>It opens at <em>ten p.m.</em> on weekdays. Dr. Smith said so! Is it late?</p>
  <ul><li><p>Tea is free.</p></li></ul><pre><code>const x = 1;</code></pre><blockquote><p>“Quiet,” she said.</p></blockquote></div></article>`;

function page() {
  const dom = new JSDOM(`<!doctype html><body>${ARTICLE}</body>`);
  return { dom, article: dom.window.document.querySelector(".folio-article") as Element };
}

describe("sentences", () => {
  it("cuts text into sentences with Intl.Segmenter, trimmed", () => {
    const text = "It opens at ten. Is it late? Yes!  ";
    expect(splitSentences(text, "en").map(([a, b]) => text.slice(a, b))).toEqual([
      "It opens at ten.",
      "Is it late?",
      "Yes!",
    ]);
  });

  it("reads the headline, standfirst and body in order; not the meta line, the Cleaned list or code", () => {
    const { article, dom } = page();
    const texts = articleSentences(article, "en").map((s) => s.text);
    expect(texts[0]).toBe("Night opening");
    expect(texts[1]).toBe("The library stays open.");
    expect(texts).toContain("It opens at ten p.m. on weekdays.");
    expect(texts).toContain("Tea is free.");
    expect(texts).toContain("“Quiet,” she said.");
    expect(texts.join(" ")).not.toMatch(/Herald|Writer|Cleaned|Ad slot|const x/);
    dom.window.close();
  });

  it("makes a range over a sentence across inline elements", () => {
    const { article, dom } = page();
    const sentence = articleSentences(article, "en").find((s) => s.text.startsWith("It opens"));
    if (!sentence) throw new Error("sentence missing");
    const range = rangeOf(sentence.block, sentence.start, sentence.end);
    expect(range.toString()).toBe("It opens at ten p.m. on weekdays.");
    dom.window.close();
  });
});

describe("the highlight's fallback", () => {
  it("wraps the sentence in marks and leaves the text as it was", () => {
    const { article, dom } = page();
    const body = article.querySelector(".folio-body") as Element;
    const before = body.innerHTML;
    const highlighter = createHighlighter(dom.window as unknown as Window, true);
    expect(highlighter.mode).toBe("mark");
    const sentence = articleSentences(article, "en").find((s) => s.text.startsWith("It opens"));
    if (!sentence) throw new Error("sentence missing");
    highlighter.show(rangeOf(sentence.block, sentence.start, sentence.end));
    const marks = [...body.querySelectorAll("mark.folio-speaking")];
    expect(marks.map((m) => m.textContent).join("")).toBe("It opens at ten p.m. on weekdays.");
    expect(marks.length).toBe(3); // before, inside and after the <em>
    highlighter.show(null);
    expect(body.querySelectorAll("mark").length).toBe(0);
    expect(body.innerHTML).toBe(before);
    dom.window.close();
  });
});

describe("voices", () => {
  const voice = (name: string, lang: string, isDefault = false) => ({
    name,
    lang,
    default: isDefault,
    localService: true,
  });
  const all = [
    voice("Default US", "en-US", true),
    voice("German", "de-DE"),
    voice("British", "en-GB"),
    voice("French", "fr-FR"),
  ];

  it("offers the article's language first, the exact tag before its neighbours", () => {
    expect(voicesFor(all, "en-GB", "de-DE").map((v) => v.name)).toEqual(["British", "Default US"]);
    expect(voicesFor(all, "de", "en-US").map((v) => v.name)).toEqual(["German"]);
    expect(voicesFor(all, null, "fr-FR").map((v) => v.name)).toEqual(["French"]);
  });

  it("offers every voice when none speaks the language, and not thousands", () => {
    expect(voicesFor(all, "ja", "ja")[0].name).toBe("Default US");
    const many = Array.from({ length: 5000 }, (_, i) => voice(`en ${i}`, "en"));
    expect(voicesFor(many, "en", "en")).toHaveLength(MAX_VOICES);
  });
});
