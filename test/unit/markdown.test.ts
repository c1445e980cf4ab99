/** Markdown export: YAML front matter that is always valid, GFM tables, figures with captions. */
import { describe, expect, it } from "vitest";
import { frontMatter, htmlToMarkdown, toMarkdown } from "../../src/core/markdown.ts";
import { parseDocument } from "../../src/node/jsdom.ts";

/** Reads front matter written as `key: "<JSON string>"` lines between `---` fences. */
function readFrontMatter(md: string): Record<string, string> {
  const match = /^---\n([\s\S]*?)\n---(?:\n|$)/.exec(md);
  if (!match) throw new Error("no front matter");
  const out: Record<string, string> = {};
  for (const line of match[1]!.split("\n")) {
    const m = /^([a-z][a-z0-9_]*): (".*")$/.exec(line);
    if (!m) throw new Error(`not a key: "value" line: ${line}`);
    out[m[1]!] = JSON.parse(m[2]!);
  }
  return out;
}

describe("frontMatter", () => {
  it("escapes quotes, colons, newlines, backslashes and YAML indicators", () => {
    const fields = {
      title: 'He said "no": again\nand again',
      author: "O'Brien \\ Sons",
      site: "--- # not a comment",
      source: "https://example.org/a?x=1&y=2#frag",
      published: "2024-06-18T14:30:00+02:00",
      note: "- starts like a list: [and] {flow} *alias &anchor !tag %directive @at `tick` | > ,",
      tab: "tab\there\r\nCRLF",
      unicode: "Straßenfest — 図書館 — نص",
    };
    const yaml = frontMatter(fields);
    expect(yaml.startsWith("---\n")).toBe(true);
    expect(yaml.endsWith("\n---")).toBe(true);
    // One line per field: no raw line break ever reaches the YAML.
    expect(yaml.split("\n")).toHaveLength(Object.keys(fields).length + 2);
    expect(readFrontMatter(yaml)).toEqual(fields);
  });

  it("leaves out empty and missing fields", () => {
    const yaml = frontMatter({ title: "T", author: null, site: undefined, published: "" });
    expect(yaml).toBe('---\ntitle: "T"\n---');
  });
});

describe("toMarkdown", () => {
  const article = {
    title: 'Six tomato varieties: "what actually grew"',
    byline: "Priya Raman",
    siteName: "The Shady Balcony",
    url: "https://shadybalcony.example.com/2023/09/tomatoes/",
    publishedTime: "2023-09-24T08:15:37+00:00",
    content:
      `<p>I grew them anyway.</p>` +
      `<figure><table><thead><tr><th>Variety</th><th>Yield per plant</th></tr></thead><tbody><tr><td>Sungold</td><td>2.9 kg</td></tr><tr><td>Latah</td><td>2.1 kg</td></tr></tbody></table><figcaption>Harvest by variety, 2023 season</figcaption></figure>` +
      `<figure><img src="https://cdn.example/balcony.jpg" alt="Pots against a brick wall"><figcaption>The balcony in August</figcaption></figure>` +
      `<p>See <a href="https://example.org/seeds" target="_blank" rel="noopener noreferrer">the seed list</a>.</p>`,
  };

  it("starts with the front matter: title, author, site, source, published", () => {
    const md = toMarkdown(article);
    expect(readFrontMatter(md)).toEqual({
      title: article.title,
      author: "Priya Raman",
      site: "The Shady Balcony",
      source: article.url,
      published: "2023-09-24T08:15:37+00:00",
    });
  });

  it("adds extra fields after the standard ones", () => {
    const fm = readFrontMatter(toMarkdown(article, undefined, { saved: "2024-01-02T03:04:05Z" }));
    expect(Object.keys(fm)).toEqual(["title", "author", "site", "source", "published", "saved"]);
  });

  it("puts the title as an H1 after the front matter", () => {
    expect(toMarkdown(article)).toContain(`\n---\n\n# ${article.title}\n\n`);
  });

  it("writes tables as GFM tables", () => {
    const md = toMarkdown(article);
    expect(md).toContain("| Variety | Yield per plant |");
    expect(md).toMatch(/\| -{3,} \| -{3,} \|/);
    expect(md).toMatch(/\| Sungold \| 2\.9 kg +\|/);
    expect(md).toMatch(/\| Latah \| 2\.1 kg +\|/);
    expect(md).toContain("_Harvest by variety, 2023 season_");
  });

  it("writes a figure as the image with its caption in italics under it", () => {
    const md = toMarkdown(article);
    expect(md).toContain(
      "![Pots against a brick wall](https://cdn.example/balcony.jpg)\n\n_The balcony in August_",
    );
  });

  it("writes links inline, without target or rel", () => {
    const md = toMarkdown(article);
    expect(md).toContain("See [the seed list](https://example.org/seeds).");
    expect(md).not.toContain("noopener");
  });

  it("leaves out the fields the article does not have", () => {
    const fm = readFrontMatter(toMarkdown({ ...article, byline: null, publishedTime: null, siteName: null }));
    expect(Object.keys(fm)).toEqual(["title", "source"]);
  });
});

describe("htmlToMarkdown", () => {
  it("escapes Markdown characters in a caption, keeping it one italic line", () => {
    const md = htmlToMarkdown(
      `<figure><img src="https://cdn.example/a.jpg" alt="A"><figcaption>snake_case and *stars*</figcaption></figure>`,
    );
    expect(md).toBe("![A](https://cdn.example/a.jpg)\n\n_snake\\_case and \\*stars\\*_");
  });

  it("drops an empty caption", () => {
    expect(
      htmlToMarkdown(
        `<figure><img src="https://cdn.example/a.jpg" alt=""><figcaption>  </figcaption></figure>`,
      ),
    ).toBe("![](https://cdn.example/a.jpg)");
  });

  it("escapes a pipe inside a table cell", () => {
    const md = htmlToMarkdown(
      `<table><thead><tr><th>Name</th><th>Value</th></tr></thead><tbody><tr><td>a | b</td><td>1</td></tr></tbody></table>`,
    );
    expect(md).toMatch(/\| a \\\| b \| 1 +\|/);
  });

  it("uses ATX headings, dash bullets, underscore emphasis, strikethrough", () => {
    const md = htmlToMarkdown(
      `<h2>Sub</h2><ul><li>One</li><li>Two</li></ul><p><em>it</em> <strong>b</strong> <del>old</del></p>`,
    );
    expect(md).toContain("## Sub");
    expect(md).toMatch(/^- +One$/m);
    expect(md).toContain("_it_ **b** ~~old~~");
  });
});

describe("toMarkdown header", () => {
  const base = {
    title: "T",
    byline: null,
    siteName: null,
    url: "https://example.org/a",
    publishedTime: null,
    content: "<p>Body text.</p>",
  };
  it("adds the standfirst and a lead image the body lacks, its caption once", () => {
    const md = toMarkdown({
      ...base,
      subtitle: "The dek",
      leadImage: { url: "https://example.org/lead.jpg", alt: "Caption text", caption: "Caption text" },
    });
    expect(md).toContain("_The dek_");
    expect(md).toContain("![](https://example.org/lead.jpg)");
    expect(md.match(/Caption text/g)).toHaveLength(1);
    expect(md.indexOf("The dek")).toBeLessThan(md.indexOf("Body text."));
  });
  it("does not add a lead image the body already shows", () => {
    const md = toMarkdown({
      ...base,
      content: '<figure><img src="https://example.org/lead.jpg" alt="x"></figure><p>Body text.</p>',
      leadImage: { url: "https://example.org/lead.jpg", alt: "x", caption: null },
    });
    expect(md.match(/lead\.jpg/g)).toHaveLength(1);
  });
});

describe("tables the GFM plugin cannot convert", () => {
  it("become text instead of throwing (a table inside <pre>, text between its cells)", () => {
    const { document } = parseDocument(
      "<body><pre><table> <tbody> <tr> <td>1.</td> <td>Ellwangen</td> <td>53,09</td> </tr> <tr> <td>2.</td> <td>Langenau</td> <td>54,18</td> </tr> </tbody> </table></pre></body>",
      "https://x.example/",
    );
    const md = htmlToMarkdown(document.body);
    expect(md).toContain("Ellwangen");
    expect(md).toContain("54,18");
  });
});
