/**
 * The Node adapter parses pages as the browser Folio runs in does, with scripting on: the
 * content of <noscript> is text. Parsed as markup (jsdom's default), an unclosed tag inside a
 * <noscript> swallows the rest of the page, and the article with it.
 */
import { describe, expect, it } from "vitest";
import { extractArticle } from "../../src/core/extract.ts";
import { parseDocument } from "../../src/node/jsdom.ts";

describe("parseDocument", () => {
  it("reads <noscript> content as text, as a browser with scripting on does", () => {
    const { document } = parseDocument(
      '<body><noscript><div id="nojs"></noscript><p id="after">Text</p></body>',
      "https://x.example/",
    );
    const noscript = document.querySelector("noscript")!;
    expect(noscript.children).toHaveLength(0);
    expect(noscript.textContent).toBe('<div id="nojs">');
    expect(document.getElementById("after")?.parentElement).toBe(document.body);
  });

  it("never runs the page's scripts", () => {
    const { document } = parseDocument(
      "<body><script>document.body.dataset.ran = 'yes'</script></body>",
      "https://x.example/",
    );
    expect(document.body.dataset.ran).toBeUndefined();
  });

  it("keeps an article that follows an unclosed tag in a <noscript>", () => {
    const story = Array.from(
      { length: 6 },
      (_, i) =>
        `<p>Paragraph ${i} of the story, long enough to count as the article's text for Readability to keep it.</p>`,
    ).join("");
    const html = `<!DOCTYPE html><html><head><title>Bears</title></head><body><noscript><div class="nojs"></noscript><div id="menu"><a href="/">Home</a></div><div id="text"><h1>Bears</h1>${story}</div></body></html>`;
    const { document } = parseDocument(html, "https://x.example/bears");
    const result = extractArticle(document, { force: true });
    expect(result.ok && result.article.textContent).toContain("Paragraph 5 of the story");
  });
});

describe("a stylesheet jsdom cannot parse", () => {
  // jsdom 29's CSS value parser throws on `calc(100% - (2px }` while it builds the page.
  const html = `<!DOCTYPE html><html><head><title>Styled</title><style>.box { width: calc(100% - (2px }</style><style type="text/css">p { margin: 0 }</style></head>
<body><article><h1>Styled</h1>${"<p>The stylesheet above is broken, and the story below it must still be read in full by Folio's command line.</p>".repeat(5)}</article></body></html>`;

  it("is not an error: the page is parsed and read", () => {
    const { document } = parseDocument(html, "https://x.example/styled");
    const result = extractArticle(document, { force: true });
    expect(result.ok && result.article.textContent).toContain("must still be read in full");
  });
});
