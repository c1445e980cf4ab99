/** Exports: safe file names, Markdown with front matter, standalone HTML, the zip of all. */
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { toMarkdown } from "../../../src/core/markdown.ts";
import {
  articleFileName,
  localDate,
  MAX_SLUG_BYTES,
  safeFileName,
  slugify,
  UniqueNames,
} from "../../../src/library/export/filename.ts";
import { articleHtml, escapeHtml, htmlFile } from "../../../src/library/export/html.ts";
import { articleMarkdown, markdownFile } from "../../../src/library/export/markdown.ts";
import { markdownZip, zipFileName } from "../../../src/library/export/zip.ts";
import { parseDocument } from "../../../src/node/jsdom.ts";
import { makeRecord } from "./helpers.ts";

/** What Windows, macOS and Linux all accept as one file name. */
function assertPortable(name: string): void {
  expect(name).not.toMatch(/[<>:"/\\|?*\u0000-\u001f]/);
  expect(name).not.toMatch(/[. ]$/);
  expect(name).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i);
  expect(new TextEncoder().encode(name).length).toBeLessThanOrEqual(255);
  expect(name.length).toBeGreaterThan(0);
}

const NOON = Date.UTC(2025, 2, 14, 12); // the same local date from UTC-11 to UTC+11

describe("file names", () => {
  const hostile = [
    'He said "no": <b>again</b> / 50% off? *now* | C:\\x',
    "CON",
    "lpt1",
    "...",
    "   ",
    "",
    "trailing dots...",
    "tab\tand\nnewline\u0000nul\u001fctl",
    "\u202egnp.exe",
    "😀 emoji only 😀",
    "x".repeat(1000),
    "é".repeat(300),
    "日本語の見出し".repeat(40),
  ];

  it("are portable for hostile titles", () => {
    for (const title of hostile) {
      const name = articleFileName({ title, savedAt: NOON }, "md");
      assertPortable(name);
      expect(name).toMatch(/^2025-03-14-.+\.md$/);
    }
  });

  it("keep unicode letters, lower-case and hyphenate the rest", () => {
    expect(articleFileName({ title: "Crème Brûlée: A History!", savedAt: NOON }, "md")).toBe(
      "2025-03-14-crème-brûlée-a-history.md",
    );
    expect(articleFileName({ title: "Ελληνικά νέα", savedAt: NOON }, "html")).toBe(
      "2025-03-14-ελληνικά-νέα.html",
    );
    expect(articleFileName({ title: "東京の天気", savedAt: NOON }, "md")).toBe("2025-03-14-東京の天気.md");
    expect(articleFileName({ title: "?!", savedAt: NOON }, "md")).toBe("2025-03-14-article.md");
  });

  it("dates the file by the day the article was published, as its publisher wrote it", () => {
    const article = { title: "Night buses", savedAt: NOON };
    expect(articleFileName({ ...article, publishedTime: "2024-06-01T23:30:00-07:00" }, "md")).toBe(
      "2024-06-01-night-buses.md",
    );
    expect(articleFileName({ ...article, publishedTime: "2024-02-30" }, "md")).toBe(
      "2025-03-14-night-buses.md",
    );
    expect(articleFileName({ ...article, publishedTime: "last Tuesday" }, "md")).toBe(
      "2025-03-14-night-buses.md",
    );
    expect(articleFileName({ ...article, publishedTime: null }, "md")).toBe("2025-03-14-night-buses.md");
  });

  it("cap the slug in UTF-8 bytes without cutting a character", () => {
    const slug = slugify("日本語の見出し".repeat(40));
    expect(new TextEncoder().encode(slug).length).toBeLessThanOrEqual(MAX_SLUG_BYTES);
    expect(slug).toMatch(/^(?:日本語の見出し)+[日本語の見出]*$/u);
    expect(slugify("word ".repeat(100))).not.toMatch(/-$/);
  });

  it("safeFileName guards any name: reserved devices, separators, trailing dots, bidi tricks", () => {
    expect(safeFileName("CON")).toBe("_CON");
    expect(safeFileName("con.txt")).toBe("_con.txt");
    expect(safeFileName("COM1.md")).toBe("_COM1.md");
    expect(safeFileName("console.md")).toBe("console.md");
    expect(safeFileName("a/b\\c:d")).toBe("a-b-c-d");
    expect(safeFileName("name. . .")).toBe("name");
    expect(safeFileName("..")).toBe("article");
    expect(safeFileName("report\u202eexe.md")).toBe("reportexe.md");
  });

  it("are made unique within an archive, case-insensitively", () => {
    const names = new UniqueNames();
    expect(names.take("a.md")).toBe("a.md");
    expect(names.take("A.md")).toBe("A-2.md");
    expect(names.take("a.md")).toBe("a-3.md");
    expect(names.take("a-2.md")).toBe("a-2-2.md");
  });

  it("date by the local day of the save", () => {
    const d = new Date(2025, 11, 31, 23, 59);
    expect(localDate(d.getTime())).toBe("2025-12-31");
    expect(zipFileName(d.getTime())).toBe("folio-library-2025-12-31.zip");
  });
});

/** Front matter written as `key: "<JSON string>"` lines, as the core writes it. */
function readFrontMatter(md: string): Record<string, string> {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(md);
  if (!match) throw new Error("no front matter");
  const out: Record<string, string> = {};
  for (const line of match[1]!.split("\n")) {
    const m = /^([a-z][a-z0-9_]*): (".*")$/.exec(line);
    if (!m) throw new Error(`not a key: "value" line: ${line}`);
    if (m[1]! in out) throw new Error(`duplicate key ${m[1]}`);
    out[m[1]!] = JSON.parse(m[2]!);
  }
  return out;
}

describe("Markdown export", () => {
  const article = {
    url: "https://news.example/a?x=1",
    title: 'A "quoted": title\nwith a newline',
    byline: "O'Brien",
    siteName: "--- Site # not a comment",
    publishedTime: "2024-06-18T14:30:00+02:00",
    content: "<p>Body <strong>text</strong>.</p>",
  };

  it("adds saved to the core's front matter and keeps the body", () => {
    const record = makeRecord({ ...article, markdown: toMarkdown(article), savedAt: NOON });
    const md = articleMarkdown(record);
    expect(readFrontMatter(md)).toEqual({
      title: article.title,
      author: "O'Brien",
      site: article.siteName,
      source: article.url,
      published: article.publishedTime,
      saved: "2025-03-14T12:00:00.000Z",
    });
    expect(md).toContain("Body **text**.");
    expect(md.slice(md.indexOf("\n---\n") + 5)).toBe(
      record.markdown.slice(record.markdown.indexOf("\n---\n") + 5),
    );
  });

  it("replaces a saved field already there instead of repeating it", () => {
    const record = makeRecord({
      ...article,
      markdown: toMarkdown(article, undefined, { saved: "1999-01-01" }),
      savedAt: NOON,
    });
    expect(readFrontMatter(articleMarkdown(record)).saved).toBe("2025-03-14T12:00:00.000Z");
  });

  it("converts again when the stored Markdown has no front matter", () => {
    const record = makeRecord({ ...article, markdown: "just text", savedAt: NOON });
    const md = articleMarkdown(record);
    expect(readFrontMatter(md).saved).toBe("2025-03-14T12:00:00.000Z");
    expect(md).toContain("Body **text**.");
  });

  it("names the file by date and headline", () => {
    const file = markdownFile(makeRecord({ title: "Hello, World", savedAt: NOON }));
    expect(file.name).toBe("2024-06-18-hello-world.md");
  });
});

describe("HTML export", () => {
  const { window } = parseDocument("<!DOCTYPE html><html><body></body></html>", "https://folio.invalid/");
  const hostileTitle = '</title><script>alert("t")</script><img src=x onerror=alert(1)>';
  const record = makeRecord({
    url: "https://news.example/story",
    title: hostileTitle,
    subtitle: "<b>not bold</b>",
    byline: '"><script>alert(2)</script>',
    siteName: "Site & <Co>",
    lang: 'en" onload="alert(3)',
    leadImage: { url: "javascript:alert(4)", alt: null, caption: "<i>cap</i>" },
    content:
      '<p>Kept <em>text</em>.</p><script>alert(5)</script><img src="https://img.example/a.jpg" onerror="alert(6)">' +
      '<a href="javascript:alert(7)">bad</a><iframe src="https://evil.example"></iframe><p style="color:red" onclick="x()">styled</p>',
    savedAt: NOON,
  });

  it("escapes the metadata and sanitizes the body", () => {
    const html = articleHtml(record, window, { locale: "en-GB" });
    const doc = parseDocument(html, "file:///export.html").document;
    expect(doc.title).toBe(hostileTitle);
    expect(doc.querySelector("h1")!.textContent).toBe(hostileTitle);
    expect(doc.querySelector(".standfirst")!.textContent).toBe("<b>not bold</b>");
    expect(doc.querySelector(".byline")!.textContent).toBe('"><script>alert(2)</script>');
    expect(doc.querySelector(".site")!.textContent).toBe("Site & <Co>");
    expect(doc.querySelectorAll("script, iframe, object, embed, form")).toHaveLength(0);
    for (const el of doc.querySelectorAll("*")) {
      for (const attr of el.attributes) {
        expect(attr.name).not.toMatch(/^on/);
        expect(attr.value).not.toMatch(/javascript:/i);
      }
    }
    expect(doc.documentElement.hasAttribute("lang")).toBe(false);
    const content = doc.querySelector(".content")!;
    expect(content.querySelector("em")!.textContent).toBe("text");
    expect(content.querySelector("img")!.getAttribute("src")).toBe("https://img.example/a.jpg");
    expect(content.querySelector("[style]")).toBeNull();
    // The javascript: lead image is left out; its caption goes with it.
    expect(doc.querySelector("figure")).toBeNull();
    expect(html).not.toContain("<script>");
  });

  it("is a standalone document: charset, CSP, no referrer, inline style, source link", () => {
    const clean = makeRecord({
      url: "https://news.example/story",
      title: "Plain",
      lang: "de-CH",
      dir: "ltr",
      leadImage: { url: "https://img.example/lead.jpg", alt: "Alt", caption: "Caption" },
      savedAt: NOON,
    });
    const html = articleHtml(clean, window, { locale: "en-GB" });
    const doc = parseDocument(html, "file:///export.html").document;
    expect(doc.querySelector('meta[charset="utf-8"]')).not.toBeNull();
    expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute("content")).toMatch(
      /default-src 'none'/,
    );
    expect(doc.querySelector('meta[name="referrer"]')!.getAttribute("content")).toBe("no-referrer");
    expect(doc.querySelector("style")!.textContent).toMatch(/max-width/);
    expect(doc.querySelector('link[rel="stylesheet"]')).toBeNull();
    expect(doc.documentElement.getAttribute("lang")).toBe("de-CH");
    expect(doc.querySelector("figure img")!.getAttribute("src")).toBe("https://img.example/lead.jpg");
    expect(doc.querySelector("figcaption")!.textContent).toBe("Caption");
    expect(doc.querySelector('.meta a[href="https://news.example/story"]')).not.toBeNull();
    expect(doc.querySelector(".meta time")!.getAttribute("datetime")).toBe("2024-06-18T14:30:00+02:00");
    expect(doc.querySelector("footer time")!.getAttribute("datetime")).toBe("2025-03-14T12:00:00.000Z");
    expect(htmlFile(clean, window).name).toBe("2024-06-18-plain.html");
  });

  it("escapeHtml covers the five characters", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;",
    );
  });
});

describe("zip of all articles", () => {
  it("holds one Markdown file per article, with unique portable names", () => {
    const records = [
      makeRecord({ title: "Same headline", savedAt: NOON }),
      makeRecord({ title: "Same Headline", savedAt: NOON + 1000 }),
      makeRecord({ title: "same headline!", savedAt: NOON + 2000 }),
      makeRecord({ title: "CON", savedAt: NOON }),
      makeRecord({ title: 'Bad: / \\ * ? " < > |', savedAt: NOON }),
      makeRecord({ title: "Ünïcödé", savedAt: Date.UTC(1970, 0, 2) }),
    ];
    const { bytes, names } = markdownZip(records);
    const files = unzipSync(bytes);
    expect(Object.keys(files)).toHaveLength(records.length);
    expect(Object.keys(files).sort()).toEqual([...names].sort());
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(records.length);
    expect(names.slice(0, 3)).toEqual([
      "2024-06-18-same-headline.md",
      "2024-06-18-same-headline-2.md",
      "2024-06-18-same-headline-3.md",
    ]);
    for (const name of names) assertPortable(name);
    records.forEach((record, i) => {
      const text = strFromU8(files[names[i]!]!);
      expect(text).toBe(articleMarkdown(record));
      expect(readFrontMatter(text).saved).toBe(new Date(record.savedAt).toISOString());
    });
  });

  it("is an empty but valid zip for an empty library", () => {
    const { bytes, names } = markdownZip([]);
    expect(names).toEqual([]);
    expect(Object.keys(unzipSync(bytes))).toEqual([]);
  });
});
