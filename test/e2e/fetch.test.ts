/**
 * Fetching link-only entries (issue 15) in real Chromium, against pages served on 127.0.0.1:
 * a Pocket CSV imported through the library page's import control, then
 *
 * - without access to websites (the production manifest, nothing granted): the background
 *   refuses, the server sees no request, the entries stay links;
 * - with access: the page's Fetch button starts the queue (offscreen document), the progress
 *   line shows, the browser is closed in the middle and started again on the same profile, the
 *   queue goes on by itself, the pages become articles (tags and state kept) that the reader
 *   opens, and the 404 and the PDF are listed with their reasons.
 *
 * Granting: Chromium's permission prompt cannot be answered by playwright or CDP, so the
 * "with access" part runs a copy of the build whose manifest lists the optional host
 * permissions as granted at install (`host_permissions`). `requestSiteAccess` then resolves
 * true without a prompt, as it does for a user who allowed it before; everything else is the
 * production build.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type Browser, CHROME_DIST, launch, ROOT } from "./harness.ts";
import { ARTIFACTS, describeE2E } from "./suite.ts";

declare const chrome: import("webextension-polyfill").Browser;

const LIBRARY_PAGE = "src/library-page/index.html";
const PAGES = join(ROOT, "test", "fixtures", "pages");
const ARTICLES = ["nyt-like", "bbc-like", "german-news", "hostile", "seed-deccan"];

/** The fixture pages, each answered after `delayMs`; /gone is a 404, /paper.pdf a PDF. */
async function site(delayMs: number) {
  const requests: string[] = [];
  const server: Server = createServer(async (req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    requests.push(path);
    await new Promise((r) => setTimeout(r, delayMs));
    const m = /^\/p\/([a-z-]+)\.html$/.exec(path);
    if (m && ARTICLES.includes(m[1]!)) {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(await readFile(join(PAGES, `${m[1]}.html`)));
    } else if (path === "/paper.pdf") {
      res.writeHead(200, { "content-type": "application/pdf" }).end("%PDF-1.4 not a page");
    } else {
      res.writeHead(404, { "content-type": "text/html" }).end("<h1>Not found</h1>");
    }
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    requests,
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}

function pocketCsv(origin: string): string {
  const rows = [
    "title,url,time_added,tags,status",
    `Kelp,${origin}/p/nyt-like.html,1717236000,sea|later,archive`,
    `Harbour vote,${origin}/p/bbc-like.html,1717236001,,unread`,
    `Parkhaus,${origin}/p/german-news.html,1717236002,,unread`,
    `Ferry,${origin}/p/hostile.html,1717236003,,unread`,
    `Deccan,${origin}/p/seed-deccan.html,1717236004,,unread`,
    `Gone page,${origin}/gone,1717236005,,unread`,
    `A paper,${origin}/paper.pdf,1717236006,,unread`,
  ];
  return `${rows.join("\n")}\n`;
}

async function openLibrary(browser: Browser, id: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`chrome-extension://${id}/${LIBRARY_PAGE}`);
  await page.waitForFunction(() => document.documentElement.dataset.search === "ready");
  return page;
}

async function importCsv(page: Page, csv: string): Promise<void> {
  const file = join(tmpdir(), `folio-fetch-${process.pid}.csv`);
  writeFileSync(file, csv);
  await page.locator("#lib-import").setInputFiles(file);
  await page.waitForFunction(
    () => document.getElementById("lib-info")?.textContent?.startsWith("Imported"),
    undefined,
    {
      timeout: 30_000,
    },
  );
  await page.waitForFunction(() => document.querySelectorAll(".lib-row.lib-link").length === 7);
}

describeE2E("fetching linked pages (Chromium)", () => {
  let server: Awaited<ReturnType<typeof site>>;
  let granted: string;
  beforeAll(async () => {
    server = await site(1500);
    // The build with access to websites granted at install (see above).
    granted = mkdtempSync(join(tmpdir(), "folio-granted-"));
    cpSync(CHROME_DIST, granted, { recursive: true });
    const manifest = JSON.parse(readFileSync(join(granted, "manifest.json"), "utf8"));
    manifest.host_permissions = manifest.optional_host_permissions;
    writeFileSync(join(granted, "manifest.json"), JSON.stringify(manifest));
  });
  afterAll(async () => {
    await server?.close();
    if (granted) rmSync(granted, { recursive: true, force: true });
  });

  it("fetches nothing without access to websites: the entries stay links", async () => {
    const browser = await launch([CHROME_DIST]);
    try {
      const page = await openLibrary(browser, browser.ids[0]!);
      await importCsv(page, pocketCsv(server.origin));
      await page.waitForFunction(
        () => document.getElementById("lib-fetch")?.textContent === "Fetch 7 linked pages…",
      );
      const reply = (await page.evaluate(() => chrome.runtime.sendMessage({ type: "fetch-links" }))) as {
        reply: unknown;
      };
      expect(reply.reply).toMatchObject({ ok: false, error: { kind: "no-access" } });
      await page.waitForTimeout(2000);
      expect(server.requests).toEqual([]);
      expect(await page.locator(".lib-row.lib-link").count()).toBe(7);
    } finally {
      await browser.close();
    }
  });

  it("with access, fetches in the background, survives a restart, and lists what failed", async () => {
    const profile = mkdtempSync(join(tmpdir(), "folio-fetch-profile-"));
    try {
      let browser = await launch([granted], { profile });
      const id = browser.ids[0]!;
      let page = await openLibrary(browser, id);
      await importCsv(page, pocketCsv(server.origin));
      await page.locator("#lib-fetch").click();
      // Progress shows while the pages come in (each takes 1.5 s, three at a time).
      await page.waitForFunction(() =>
        document.getElementById("lib-fetch-text")?.textContent?.startsWith("Fetching 7 pages"),
      );
      await page.waitForFunction(
        () => /: [1-6] done/.test(document.getElementById("lib-fetch-text")?.textContent ?? ""),
        undefined,
        {
          timeout: 20_000,
        },
      );
      await page.screenshot({ path: join(ARTIFACTS, "library-fetching.png") });
      expect(await page.locator("#lib-fetch-cancel").isVisible()).toBe(true);
      expect(await page.locator("#lib-fetch-progress").isVisible()).toBe(true);

      // The browser closes in the middle, and starts again on the same profile.
      await browser.context.close();
      const before = server.requests.length;
      browser = await launch([granted], { profile });
      page = await openLibrary(browser, id);
      await page.waitForFunction(
        () => document.getElementById("lib-fetch-text")?.textContent?.startsWith("Fetched 7 pages"),
        undefined,
        { timeout: 45_000 },
      );
      expect(server.requests.length).toBeGreaterThan(before);
      await page.waitForFunction(() => document.querySelectorAll(".lib-row.lib-link").length === 2);
      expect(await page.locator("#lib-fetch-text").textContent()).toBe(
        "Fetched 7 pages: 5 are articles now; 2 could not be fetched and stay links.",
      );
      await page.locator("#lib-fetch-report summary").click();
      const failures = await page.locator("#lib-fetch-list li").allTextContents();
      expect(failures.sort()).toEqual([
        `A paper (${server.origin}/paper.pdf): it is not a web page (application/pdf)`,
        `Gone page (${server.origin}/gone): the page is gone (404)`,
      ]);
      await page.waitForFunction(
        () => document.getElementById("lib-fetch")?.textContent === "Fetch 2 linked pages…",
      );
      await page.screenshot({ path: join(ARTIFACTS, "library-fetched.png") });

      // Each page was fetched once or twice (the ones in flight at the restart), never more.
      for (const name of ARTICLES) {
        expect(server.requests.filter((r) => r === `/p/${name}.html`).length).toBeLessThanOrEqual(2);
      }
      // The reader's tags and state stayed with the article.
      const kelp = page.locator(".lib-row", { hasText: "In a Maine Harbor, the New Catch Is Kelp" });
      expect(await kelp.locator(".lib-chip").allTextContents()).toEqual(["sea", "later"]);
      expect(await kelp.locator(".lib-badge").allTextContents()).toContain("Archived");
      // And it opens in the reader, from the library, with none of the page's scripts.
      const [reader] = await Promise.all([
        page.context().waitForEvent("page"),
        page.locator(".lib-row", { hasText: "Night ferry returns" }).locator(".lib-open").click(),
      ]);
      await reader.waitForFunction(() => document.documentElement.dataset.state === "ready", undefined, {
        timeout: 20_000,
      });
      expect(await reader.locator(".folio-body").textContent()).toContain("ferry");
      expect(
        await reader.locator(".folio-body script, .folio-body [onerror], .folio-body iframe").count(),
      ).toBe(0);
      await reader.close();

      // Dismissed, the report goes, and stays gone when the page opens again.
      await page.locator("#lib-fetch-close").click();
      await page.reload();
      await page.waitForFunction(() => document.documentElement.dataset.search === "ready");
      await page.waitForFunction(
        () => document.getElementById("lib-fetch")?.textContent === "Fetch 2 linked pages…",
      );
      expect(await page.locator("#lib-fetch-box").isHidden()).toBe(true);
      await browser.close();
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  });
});
