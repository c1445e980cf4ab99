/**
 * Fetching link-only entries in real Firefox ESR: the host is an iframe of the event page
 * (Firefox has no offscreen documents; its event page has a DOM). A Pocket CSV imported
 * through the library page, then the page's own Fetch button, clicked for real: it asks for
 * access to websites in the click. Firefox's `extensions.webextOptionalPermissionPrompts`
 * pref set to false grants an optional permission without showing the prompt (the prompt is
 * browser UI no test can answer); the request itself, from the click, is the production code.
 * The pages become articles that the reader opens; the 404 and the PDF are listed.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ElementHandle, Page } from "puppeteer-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { pocketCsv, site } from "../e2e/fetch-site.ts";
import { type Firefox, LIBRARY_PAGE, launchFirefox, waitFor } from "./harness.ts";
import { ARTIFACTS, describeFirefox } from "./suite.ts";

const text = (page: Page, selector: string) =>
  page.evaluate((s) => document.querySelector(s)?.textContent ?? "", selector);

/** Opens the library page, imports the CSV, clicks Fetch for real and waits for the report. */
async function importAndFetch(
  ff: Firefox,
  origin: string,
  requests: string[],
  timeoutMs: number,
): Promise<Page> {
  const page = await ff.openExtensionPage(LIBRARY_PAGE);
  await page.setViewport({ width: 1280, height: 900 });
  await waitFor(
    () => page.evaluate(() => document.documentElement.dataset.search === "ready"),
    15_000,
    "search ready",
  );
  const file = join(tmpdir(), `folio-ff-fetch-${process.pid}.csv`);
  writeFileSync(file, pocketCsv(origin));
  const input = (await page.$("#lib-import")) as ElementHandle<HTMLInputElement>;
  await input.uploadFile(file);
  await waitFor(
    async () => (await text(page, "#lib-fetch")) === "Fetch 7 linked pages…",
    15_000,
    "the Fetch button",
  );
  expect(requests).toEqual([]);

  await page.click("#lib-fetch");
  await waitFor(
    async () => (await text(page, "#lib-fetch-text")).startsWith("Fetched 7 pages"),
    timeoutMs,
    "the fetching to finish",
  );
  return page;
}

describeFirefox("fetching linked pages (Firefox)", () => {
  let server: Awaited<ReturnType<typeof site>>;
  let ff: Firefox;
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await site(300);
    ff = await launchFirefox({ prefs: { "extensions.webextOptionalPermissionPrompts": false } });
  });
  afterAll(async () => {
    await ff?.close();
    await server?.close();
  });

  it("asks for access in the click, fetches every link in the event page, lists what failed", async () => {
    const page = await importAndFetch(ff, server.origin, server.requests, 60_000);
    expect(await text(page, "#lib-fetch-text")).toBe(
      "Fetched 7 pages: 5 are articles now; 2 could not be fetched and stay links.",
    );
    const failures = await page.$$eval("#lib-fetch-list li", (els) => els.map((e) => e.textContent ?? ""));
    expect(failures.sort()).toEqual([
      `A paper (${server.origin}/paper.pdf): it is not a web page (application/pdf)`,
      `Gone page (${server.origin}/gone): the page is gone (404)`,
    ]);
    await waitFor(
      () => page.evaluate(() => document.querySelectorAll(".lib-row.lib-link").length === 2),
      10_000,
      "two links left",
    );
    await waitFor(
      async () => (await text(page, "#lib-fetch")) === "Fetch 2 linked pages…",
      5_000,
      "the count",
    );
    await page.evaluate(() =>
      document.querySelector<HTMLDetailsElement>("#lib-fetch-report")!.setAttribute("open", ""),
    );
    await page.screenshot({ path: join(ARTIFACTS, "library-fetched.png") });

    // A fetched article is in the library with its text, its tags and state kept.
    const kelp = await page.evaluate(async () => {
      const rows = [...document.querySelectorAll<HTMLElement>(".lib-row")];
      const row = rows.find((r) => r.textContent?.includes("In a Maine Harbor"));
      return row
        ? {
            tags: [...row.querySelectorAll(".lib-chip")].map((c) => c.textContent),
            badges: [...row.querySelectorAll(".lib-badge")].map((c) => c.textContent),
          }
        : null;
    });
    expect(kelp).toEqual({ tags: ["sea", "later"], badges: ["Archived"] });
    const reader = await ff.openExtensionPage(
      `src/reader/index.html?saved=${encodeURIComponent(`${server.origin}/p/hostile.html`)}`,
    );
    await waitFor(
      () => reader.evaluate(() => document.documentElement.dataset.state === "ready"),
      20_000,
      "the reader",
    );
    expect(await text(reader, ".folio-body")).toContain("ferry");
    expect(
      await reader.evaluate(
        () =>
          document.querySelectorAll(".folio-body script, .folio-body [onerror], .folio-body iframe").length,
      ),
    ).toBe(0);
  });

  it("keeps the event page awake while it fetches (Firefox suspends an idle one)", async () => {
    // Firefox suspends an event page after `extensions.background.idle.timeout` without events
    // (30 s by default), and the host (its iframe) with it. Here 22 s, and pages that take 9 s:
    // three rounds of three outlast it, so the run finishes only if the host's `host-alive`
    // (every 15 s) keeps the event page awake. (With 1 s and no event in time, it stalls.) The
    // 7 s between the two leaves room for a late timer: with 16 s the run stalled now and then.
    const slow = await site(9000);
    const sleepy = await launchFirefox({
      prefs: {
        "extensions.webextOptionalPermissionPrompts": false,
        "extensions.background.idle.timeout": 22_000,
      },
    });
    try {
      const page = await importAndFetch(sleepy, slow.origin, slow.requests, 90_000);
      expect(await text(page, "#lib-fetch-text")).toBe(
        "Fetched 7 pages: 5 are articles now; 2 could not be fetched and stay links.",
      );
    } finally {
      await sleepy.close();
      await slow.close();
    }
  }, 150_000);

  it("stops when access to websites is taken away, and goes on when it is given again", async () => {
    const slow = await site(2500);
    const other = await launchFirefox({ prefs: { "extensions.webextOptionalPermissionPrompts": false } });
    try {
      const page = await other.openExtensionPage(LIBRARY_PAGE);
      await waitFor(
        () => page.evaluate(() => document.documentElement.dataset.search === "ready"),
        15_000,
        "search ready",
      );
      const file = join(tmpdir(), `folio-ff-stop-${process.pid}.csv`);
      writeFileSync(file, pocketCsv(slow.origin));
      await ((await page.$("#lib-import")) as ElementHandle<HTMLInputElement>).uploadFile(file);
      await waitFor(
        async () => (await text(page, "#lib-fetch")) === "Fetch 7 linked pages…",
        15_000,
        "the button",
      );
      await page.click("#lib-fetch");
      await waitFor(
        async () => (await text(page, "#lib-fetch-text")).startsWith("Fetching 7 pages"),
        10_000,
        "fetching",
      );
      await page.evaluate(() =>
        (
          globalThis as unknown as { browser: { permissions: { remove(p: unknown): Promise<boolean> } } }
        ).browser.permissions.remove({
          origins: ["http://*/*", "https://*/*"],
        }),
      );
      await waitFor(
        async () => (await text(page, "#lib-fetch-text")).startsWith("Fetching paused"),
        15_000,
        "paused",
      );
      await page.setViewport({ width: 1280, height: 700 });
      await page.screenshot({ path: join(ARTIFACTS, "library-fetch-paused.png") });
      const asked = slow.requests.length;
      await new Promise((r) => setTimeout(r, 4000));
      expect(slow.requests.length).toBe(asked);
      expect(
        await page.evaluate(() => document.querySelectorAll(".lib-row.lib-link").length),
      ).toBeGreaterThan(2);

      // Fetch again: access asked for (and given), the waiting pages go on.
      await page.click("#lib-fetch");
      await waitFor(
        async () => (await text(page, "#lib-fetch-text")).startsWith("Fetched 7 pages"),
        60_000,
        "the rest",
      );
      expect(await text(page, "#lib-fetch-text")).toBe(
        "Fetched 7 pages: 5 are articles now; 2 could not be fetched and stay links.",
      );
    } finally {
      await other.close();
      await slow.close();
    }
  }, 120_000);
});
