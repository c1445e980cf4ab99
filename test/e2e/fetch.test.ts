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
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { ARTICLES, pocketCsv, site } from "./fetch-site.ts";
import { type Browser, CHROME_DIST, launch } from "./harness.ts";
import { ARTIFACTS, describeE2E } from "./suite.ts";

declare const chrome: import("webextension-polyfill").Browser;

const LIBRARY_PAGE = "src/library-page/index.html";
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

      // One link's own Fetch: the 404 again, listed again.
      await page.locator(".lib-row", { hasText: "Gone page" }).hover();
      await page
        .locator(".lib-row", { hasText: "Gone page" })
        .screenshot({ path: join(ARTIFACTS, "library-link-row.png") });
      await page.locator(".lib-row", { hasText: "Gone page" }).getByRole("button", { name: "Fetch" }).click();
      await page.waitForFunction(
        () => document.getElementById("lib-fetch-text")?.textContent?.startsWith("Fetched 1 page"),
        undefined,
        { timeout: 20_000 },
      );
      expect(await page.locator("#lib-fetch-text").textContent()).toBe(
        "Fetched 1 page: 0 are articles now; 1 could not be fetched and stays a link.",
      );
      await page.locator("#lib-fetch-close").click();

      // Cancelled while both pages are in flight: nothing more is saved, the links stay.
      const asked = server.requests.length;
      await page.locator("#lib-fetch").click();
      await page.waitForFunction(() =>
        document.getElementById("lib-fetch-text")?.textContent?.startsWith("Fetching 2 pages"),
      );
      await page.locator("#lib-fetch-cancel").click();
      await page.waitForFunction(() =>
        document.getElementById("lib-info")?.textContent?.startsWith("Fetching cancelled"),
      );
      await page.waitForTimeout(2500);
      expect(await page.locator("#lib-fetch-box").isHidden()).toBe(true);
      expect(await page.locator(".lib-row.lib-link").count()).toBe(2);
      expect(server.requests.length - asked).toBeLessThanOrEqual(2);
      await browser.close();
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  });
});
