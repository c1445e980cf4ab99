/**
 * Issue 13, finding 1: page text must stay text in Markdown. The article's Markdown (the one
 * Copy as Markdown, saving, the Markdown export and the zip all write) is read back with a
 * CommonMark renderer that passes inline HTML through (markdown-it with `html: true`), and the
 * result must hold no element the page did not have: no image, no link, no heading it lacks.
 */
import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { extractArticle } from "../../../src/core/extract.ts";
import { escapeMarkdownText, markdownDestination } from "../../../src/core/markdown-escape.ts";
import { toMarkdown } from "../../../src/core/markdown.ts";
import { parseDocument } from "../../../src/node/jsdom.ts";

const IMG = "<img src=x onerror=alert(1)>";
const LINK = "[Click to verify your account](https://evil.example/login)";
const HEADLINE = `Real headline ${LINK} ${IMG}`;

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

const renderer = new MarkdownIt({ html: true });

/** The Markdown outside its front matter, rendered as CommonMark with inline HTML allowed. */
function rendered(markdown: string): Document {
  const body = markdown.replace(/^---\n[\s\S]*?\n---\n/, "");
  return parseDocument(`<body>${renderer.render(body)}</body>`, "https://folio.test/").document;
}

const para = (n: number) =>
  `<p>Paragraph ${n} of the story goes on about the harbour, the tide and the town council, and then it goes on a little longer so that it reads like an article with real sentences in it.</p>`;

const PAGE = `<!doctype html><html lang="en"><head>
<title>${escapeHtml(HEADLINE)}</title>
<script type="application/ld+json">${JSON.stringify({
  "@type": "NewsArticle",
  headline: HEADLINE,
  description: `A standfirst with ${IMG} and *stars* and _underscores_`,
  author: { "@type": "Person", name: "Ada <b>Lovelace</b>" },
})}</script>
</head><body><article>
<h1>${escapeHtml(HEADLINE)}</h1>
<p>The page prints this as text: &lt;img src=x onerror=alert(1)&gt; and &lt;script&gt;alert(2)&lt;/script&gt;.</p>
<p>Markdown-looking text: ${LINK.replace("[", "&#91;")} and **bold** and \`code\` and ~~gone~~ and &amp;lt;b&amp;gt; and &lt;https://evil.example/auto&gt;.</p>
<p># not a heading</p>
<p>1. not a list, - not a bullet, &gt; not a quote</p>
${para(1)}${para(2)}${para(3)}
<figure><img src="https://cdn.example/photo.jpg" alt="alt ${LINK} &lt;img src=x onerror=alert(3)&gt;"><figcaption>Caption &lt;img src=x onerror=alert(4)&gt; ${LINK}</figcaption></figure>
<p>A <a href="https://news.example/real">real link</a> the page has.</p>
${para(4)}${para(5)}${para(6)}
</article></body></html>`;

describe("Markdown keeps page text as text (finding 1)", () => {
  const { document } = parseDocument(PAGE, "https://news.example/story");
  const result = extractArticle(document);
  if (!result.ok) throw new Error(result.error.message);
  const { article } = result;
  const html = rendered(article.markdown ?? "");

  it("makes no element the page did not have", () => {
    // The page's article has one image and one link: nothing else of either kind may appear.
    expect([...html.querySelectorAll("img")].map((img) => img.getAttribute("src"))).toEqual([
      "https://cdn.example/photo.jpg",
    ]);
    expect([...html.querySelectorAll("a")].map((a) => a.getAttribute("href"))).toEqual([
      "https://news.example/real",
    ]);
    expect(html.querySelectorAll("script, b, strong, code, del, s, ol, ul, blockquote")).toHaveLength(0);
    // One heading: the headline's; the paragraph "# not a heading" stays a paragraph.
    expect([...html.querySelectorAll("h1, h2, h3, h4, h5, h6")].map((h) => h.localName)).toEqual(["h1"]);
    expect(html.querySelectorAll("[onerror]")).toHaveLength(0);
  });

  it("keeps the headline's text, link syntax and markup included, as text", () => {
    expect(html.querySelector("h1")?.textContent).toBe(HEADLINE);
  });

  it("reads back the page's text exactly", () => {
    const text = html.body.textContent ?? "";
    expect(text).toContain(
      "The page prints this as text: <img src=x onerror=alert(1)> and <script>alert(2)</script>.",
    );
    expect(text).toContain(
      `Markdown-looking text: ${LINK} and **bold** and \`code\` and ~~gone~~ and &lt;b&gt; and <https://evil.example/auto>.`,
    );
    expect(text).toContain("# not a heading");
    expect(text).toContain("1. not a list, - not a bullet, > not a quote");
    expect(text).toContain(`Caption <img src=x onerror=alert(4)> ${LINK}`);
    expect(html.querySelector("img")?.getAttribute("alt")).toBe(`alt ${LINK} <img src=x onerror=alert(3)>`);
  });

  it("escapes a lead image's caption, alt and URL in the header", () => {
    const md = toMarkdown({
      title: "T",
      byline: null,
      siteName: null,
      url: "https://news.example/",
      publishedTime: null,
      subtitle: `A standfirst with ${IMG} and *stars* and _underscores_`,
      content: "<p>Body.</p>",
      leadImage: {
        url: "https://cdn.example/a.png>)<img src=x onerror=alert(5)>",
        alt: `${IMG} ${LINK}`,
        caption: `${IMG} ${LINK}`,
      },
    });
    const doc = rendered(md);
    expect(doc.querySelectorAll("img")).toHaveLength(1);
    expect(doc.querySelectorAll("a, [onerror]")).toHaveLength(0);
    expect(doc.body.textContent).toContain(`${IMG} ${LINK}`);
    expect(doc.body.textContent).toContain(`A standfirst with ${IMG} and *stars* and _underscores_`);
    expect(doc.querySelectorAll("em")).toHaveLength(2); // the standfirst and the caption, as Folio writes them
  });
});

describe("escapeMarkdownText", () => {
  it("escapes what opens syntax and renders back to the same text", () => {
    for (const text of [
      IMG,
      LINK,
      "a_b*c`d~e&f\\g",
      "# h",
      "+ i",
      "- j",
      "12) k",
      "3. l",
      "= m",
      "> n",
      "&amp; &#60;",
    ]) {
      const doc = rendered(escapeMarkdownText(text));
      expect(doc.body.textContent?.trim()).toBe(text);
      expect(doc.body.querySelectorAll("*:not(p)")).toHaveLength(0);
    }
  });

  it("keeps destinations whole", () => {
    const doc = rendered(`[x](${markdownDestination("https://a.example/x y)(<b>")})`);
    expect(doc.querySelector("a")?.getAttribute("href")).toBe("https://a.example/x%20y)(%3Cb%3E");
  });
});
