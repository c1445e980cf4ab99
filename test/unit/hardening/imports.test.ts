/**
 * Issue 13, finding 8: imports accept only http: and https: article URLs, and an imported
 * article's relative URLs resolve against the article's own address, never the extension's.
 */
import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { BACKUP_FORMAT } from "../../../src/library/export/backup.ts";
import { renderArticle } from "../../../src/ui/article-view.ts";
import { freshLibrary, makeArticle, makeRecord, ok } from "../library/helpers.ts";
import { importBackup } from "../../../src/library/merge.ts";

const backupOf = (articles: unknown[]) =>
  JSON.stringify({ format: BACKUP_FORMAT, version: 1, exportedAt: "2025-06-01T09:30:00.000Z", articles });

describe("imported article URLs (finding 8)", () => {
  for (const url of [
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "chrome://settings/",
    "chrome-extension://abcdefghijklmnop/src/library-page/index.html",
    "file:///etc/passwd",
  ]) {
    it(`refuses a backup holding ${url.slice(0, 30)}, and changes nothing`, async () => {
      const { library } = await freshLibrary();
      const good = makeRecord({ url: "https://news.example/good" });
      const result = await importBackup(library, backupOf([good, makeRecord({ url })]));
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.kind).toBe("not-a-backup");
      expect(result.error.message).toMatch(/^Article 2: url is not a web address/);
      expect(ok(await library.count()).count).toBe(0);
    });
  }

  it("imports http and https articles", async () => {
    const { library } = await freshLibrary();
    const records = [
      makeRecord({ url: "https://news.example/a" }),
      makeRecord({ url: "http://news.example/b" }),
    ];
    expect(ok(await importBackup(library, backupOf(records))).report.added).toBe(2);
  });

  it("does not save an article whose address is not a web page's", async () => {
    const { library } = await freshLibrary();
    const result = await library.save(makeArticle({ url: "javascript:alert(1)" }));
    expect(result).toMatchObject({ ok: false, error: { kind: "invalid" } });
  });
});

describe("relative URLs in an article's body (finding 8)", () => {
  it("resolve against the article's address, not the extension page showing it", async () => {
    const dom = new JSDOM(`<!doctype html><body><main id="m"></main></body>`, {
      url: "chrome-extension://abcdefghijklmnop/src/reader/index.html?saved=x",
      pretendToBeVisual: true,
    });
    const win = dom.window as unknown as Window;
    const article = makeArticle({
      url: "https://news.example/2025/story",
      content:
        '<p><a href="/src/library-page/index.html">Folio library</a> <a href="other">sibling</a> ' +
        '<a href="#note">note</a> <img src="img/photo.jpg" srcset="img/a.jpg 1x, img/b.jpg 2x" alt="x"></p>' +
        '<blockquote cite="/quoted">q</blockquote>',
    });
    const container = win.document.getElementById("m") as HTMLElement;
    await renderArticle(container, article, win).complete;
    const links = [...container.querySelectorAll(".folio-body a")].map((a) => a.getAttribute("href"));
    expect(links).toEqual([
      "https://news.example/src/library-page/index.html",
      "https://news.example/2025/other",
      "#note",
    ]);
    const img = container.querySelector(".folio-body img");
    expect(img?.getAttribute("src")).toBe("https://news.example/2025/img/photo.jpg");
    expect(img?.getAttribute("srcset")).toBe(
      "https://news.example/2025/img/a.jpg 1x, https://news.example/2025/img/b.jpg 2x",
    );
    expect(container.querySelector("blockquote")?.getAttribute("cite")).toBe("https://news.example/quoted");
    // Nothing in the body points into the extension.
    expect(
      container.querySelector(
        '.folio-body [href^="chrome-extension:"], .folio-body [src^="chrome-extension:"]',
      ),
    ).toBeNull();
    dom.window.close();
  });

  it("resolve in the blocks shown after the first screen too, and in a block that is itself a link or an image", async () => {
    const dom = new JSDOM(`<!doctype html><body><main id="m"></main></body>`, {
      url: "chrome-extension://abcdefghijklmnop/src/reader/index.html?saved=x",
      pretendToBeVisual: true,
    });
    const win = dom.window as unknown as Window;
    const filler = `<p>${"Words of the story. ".repeat(200)}</p>`;
    const article = makeArticle({
      url: "https://news.example/2025/story",
      content: `<div><a href="/first">first</a>${filler}${filler}<img src="late.jpg" alt="late"><p><a href="/src/library-page/index.html">late link</a></p></div>`,
    });
    const container = win.document.getElementById("m") as HTMLElement;
    await renderArticle(container, article, win).complete;
    const links = [...container.querySelectorAll(".folio-body a")].map((a) => a.getAttribute("href"));
    expect(links).toEqual(["https://news.example/first", "https://news.example/src/library-page/index.html"]);
    expect(container.querySelector('.folio-body img[alt="late"]')?.getAttribute("src")).toBe(
      "https://news.example/2025/late.jpg",
    );
    dom.window.close();
  });
});
