/**
 * Reading comfort in real Chromium (issue 16): the popup stays usable (its toolbar pinned while
 * the article scrolls, one row at the narrow width, the passing status never over the article),
 * error screens whose actions can succeed, and the typography settings.
 */
import { join } from "node:path";
import { expect, it } from "vitest";
import { waitFor } from "./harness.ts";
import { ARTIFACTS, describeE2E, useFolio } from "./suite.ts";

/** The extension API as the service worker sees it (only used inside `worker.evaluate`). */
declare const chrome: import("webextension-polyfill").Browser;

/** Two boxes overlap (by more than a rounding pixel). */
const OVERLAP = `(a, b) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1`;

describeE2E("reading comfort (Chromium)", () => {
  const folio = useFolio();

  it("keeps the popup's toolbar pinned, on one row at the narrow width, the status off the article", async () => {
    const f = folio();
    const page = await f.open("article.html");
    await f.browser.cdp.send("Browser.grantPermissions", {
      origin: `chrome-extension://${f.id}`,
      permissions: ["clipboardReadWrite", "clipboardSanitizedWrite"],
    });
    const { popup, state } = await f.popupFor(page);
    expect(state).toBe("ready");
    // "Cleaned" in people's words: counts and previews, no selectors or script text.
    const cleaned = await popup.evaluate<string>(`document.querySelector(".folio-cleaned ul").textContent`);
    expect(cleaned).toContain("3 ad slots");
    expect(cleaned).toMatch(/Newsletter sign-up: Get the day/);
    expect(cleaned).not.toMatch(/[#(){}]|div\.|page furniture|\/\*/);
    await popup.evaluate(`(() => {
      document.getElementById("folio-settings-toggle").click();
      document.querySelector('input[name="folio-width"][value="narrow"]').click();
      document.getElementById("folio-settings-toggle").click();
    })()`);
    await waitFor(
      () => popup.evaluate<boolean>(`document.documentElement.dataset.rendered === "complete"`),
      10_000,
      "the whole body",
    );
    // The popup window follows the body: wait until it has shrunk to the narrow width.
    await waitFor(() => popup.evaluate<boolean>(`innerWidth === 420`), 5_000, "the narrow popup");

    const layout = await popup.evaluate<{
      tops: number[];
      overflow: number;
      scrolled: number;
      documentScroll: number;
      barVisible: boolean;
      saveHit: boolean;
    }>(`(async () => {
      const main = document.getElementById("folio-main");
      main.scrollTop = main.scrollHeight;
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50)));
      const bar = document.querySelector(".folio-bar");
      const shown = [...bar.children].filter((c) => c.getClientRects().length > 0);
      const save = document.getElementById("folio-save").getBoundingClientRect();
      const box = bar.getBoundingClientRect();
      return {
        tops: shown.map((c) => Math.round(c.getBoundingClientRect().top + c.getBoundingClientRect().height / 2)),
        overflow: bar.scrollWidth - bar.clientWidth,
        scrolled: main.scrollTop,
        documentScroll: document.scrollingElement.scrollTop,
        barVisible: box.top >= 0 && box.bottom <= innerHeight,
        saveHit: document.elementFromPoint(save.left + save.width / 2, save.top + save.height / 2)?.id === "folio-save",
      };
    })()`);
    expect(layout.scrolled).toBeGreaterThan(1000); // the article scrolled, a long way
    expect(layout.documentScroll).toBe(0); // the page itself did not
    expect(layout.barVisible).toBe(true);
    expect(layout.saveHit).toBe(true); // Save is there and nothing covers it
    expect(layout.tops.length).toBeGreaterThanOrEqual(6); // brand and five buttons
    expect(new Set(layout.tops).size).toBe(1); // one row
    expect(layout.overflow).toBe(0);

    await popup.evaluate(`document.getElementById("folio-main").scrollTop = 0`);
    await popup.evaluate(`document.getElementById("folio-copy").click()`);
    await waitFor(
      () => popup.evaluate<string>(`document.getElementById("folio-status").textContent || null`),
      5_000,
      "the copy status",
    );
    const toast = await popup.evaluate<{
      overArticle: boolean;
      overMain: boolean;
      visible: boolean;
    }>(`(() => {
      const overlap = ${OVERLAP};
      const status = document.getElementById("folio-status").getBoundingClientRect();
      const main = document.getElementById("folio-main").getBoundingClientRect();
      const visibleArticle = [...document.querySelectorAll(".folio-lead img, .folio-header, .folio-body > *")]
        .map((e) => e.getBoundingClientRect())
        .filter((r) => r.bottom > main.top && r.top < main.bottom)
        // What shows of them: the article scrolls inside main and is clipped to it.
        .map((r) => ({ left: r.left, right: r.right, top: Math.max(r.top, main.top), bottom: Math.min(r.bottom, main.bottom) }));
      return {
        overArticle: visibleArticle.some((r) => overlap(r, status)),
        overMain: overlap(main, status),
        visible: status.height > 0 && status.bottom <= innerHeight,
      };
    })()`);
    expect(toast).toEqual({ overArticle: false, overMain: false, visible: true });
    await popup.screenshot(join(ARTIFACTS, "popup-narrow.png"));
    await f.closePopup(popup);
    await f.worker.evaluate(() => chrome.storage.sync.clear());

    // The reader tab: the status is a line in its toolbar, never over the article.
    const { popup: second } = await f.popupFor(page);
    const readerOpened = f.browser.context.waitForEvent("page", (p) =>
      p.url().includes("/src/reader/index.html"),
    );
    await second.evaluate(`document.getElementById("folio-open").click()`);
    const reader = await readerOpened;
    await reader.waitForFunction(() => document.documentElement.dataset.state === "ready");
    await f.browser.cdp.send("Browser.grantPermissions", {
      origin: `chrome-extension://${f.id}`,
      permissions: ["clipboardReadWrite", "clipboardSanitizedWrite"],
    });
    await reader.locator("#folio-copy").click();
    await reader.waitForFunction(() => document.getElementById("folio-status")?.textContent);
    const inReader = await reader.evaluate(() => {
      const overlap = (a: DOMRect, b: DOMRect) =>
        a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
      const status = document.getElementById("folio-status") as HTMLElement;
      const bar = document.querySelector(".folio-bar") as HTMLElement;
      const article = [...document.querySelectorAll(".folio-article > *")].map((e) =>
        e.getBoundingClientRect(),
      );
      return {
        inBar:
          bar.contains(status) && status.getBoundingClientRect().bottom <= bar.getBoundingClientRect().bottom,
        overArticle: article.some((r) => overlap(r, status.getBoundingClientRect())),
      };
    });
    expect(inReader).toEqual({ inBar: true, overArticle: false });
    await reader.close();
    await page.close();
  });

  it("offers only actions that can succeed: no Try again where nothing can change", async () => {
    const f = folio();
    // A page with no text: Show anyway tries; then there is nothing to try, so no button.
    const empty = await f.open("empty.html");
    const second = await f.popupFor(empty);
    expect(second.state).toBe("not-article");
    await second.popup.evaluate(`document.querySelector(".folio-state button").click()`);
    const title = await waitFor(
      () =>
        second.popup.evaluate<string | null>(
          `document.documentElement.dataset.state === "error" ? document.querySelector(".folio-state-title").textContent : null`,
        ),
      10_000,
      "the forced reading of an empty page",
    );
    expect(title).toBe("Nothing to read here");
    expect(await second.popup.evaluate<number>(`document.querySelectorAll("main button").length`)).toBe(0);
    await f.closePopup(second.popup);
    await empty.close();
  });

  it("sets typography in the popup (bundled OpenDyslexic, line spacing, justified), kept for the reader tab", async () => {
    const f = folio();
    const page = await f.open("article.html");
    const { popup } = await f.popupFor(page);
    await popup.evaluate(`(() => {
      document.getElementById("folio-settings-toggle").click();
      for (const [name, value] of [["font", "dyslexic"], ["spacing", "loose"], ["align", "justify"], ["width", "wide"]])
        document.querySelector('input[name="folio-' + name + '"][value="' + value + '"]').click();
    })()`);
    const stored = await waitFor(
      () =>
        f.worker.evaluate(async () => {
          const { settings } = await chrome.storage.sync.get("settings");
          return (settings as { width?: string } | undefined)?.width === "wide" ? settings : null;
        }),
      5_000,
      "settings in storage.sync",
    );
    expect(stored).toMatchObject({ font: "dyslexic", spacing: "loose", align: "justify", width: "wide" });

    const typography = `(async () => {
      const p = document.querySelector(".folio-body p");
      await document.fonts.ready;
      const style = getComputedStyle(p);
      return {
        family: style.fontFamily,
        leading: Math.round((parseFloat(style.lineHeight) / parseFloat(style.fontSize)) * 10) / 10,
        align: style.textAlign,
        bundled: document.fonts.check('16px "Folio OpenDyslexic"') &&
          [...document.fonts].some((f) => f.family.includes("OpenDyslexic") && f.status === "loaded"),
        measure: Math.round(document.querySelector(".folio-article").getBoundingClientRect().width),
      };
    })()`;
    const inPopup = await popup.evaluate<Record<string, unknown>>(typography);
    expect(inPopup).toMatchObject({ leading: 1.9, align: "justify", bundled: true });
    expect(String(inPopup.family)).toMatch(/^"Folio OpenDyslexic"/);
    await popup.screenshot(join(ARTIFACTS, "popup-typography.png"));

    const readerOpened = f.browser.context.waitForEvent("page", (p) =>
      p.url().includes("/src/reader/index.html"),
    );
    await popup.evaluate(`document.getElementById("folio-open").click()`);
    const reader = await readerOpened;
    await reader.setViewportSize({ width: 1280, height: 900 });
    await reader.waitForFunction(() => document.documentElement.dataset.state === "ready");
    const inReader = (await reader.evaluate(typography)) as Record<string, unknown>;
    expect(inReader).toMatchObject({ leading: 1.9, align: "justify", bundled: true });
    expect(String(inReader.family)).toMatch(/^"Folio OpenDyslexic"/);
    expect(Number(inReader.measure)).toBeGreaterThan(600); // wide: 44em
    await reader.screenshot({ path: join(ARTIFACTS, "reader-typography.png") });
    await reader.close();
    await f.closePopup(popup).catch(() => undefined);
    await f.worker.evaluate(() => chrome.storage.sync.clear());
    await page.close();
  });

  it("shows progress and time left in the reader, remembers the place in a saved article, and prints the article alone", async () => {
    const f = folio();
    const page = await f.open("article.html");
    const { popup } = await f.popupFor(page);
    const readerOpened = f.browser.context.waitForEvent("page", (p) =>
      p.url().includes("/src/reader/index.html"),
    );
    await popup.evaluate(`document.getElementById("folio-open").click()`);
    const reader = await readerOpened;
    await reader.setViewportSize({ width: 1000, height: 600 });
    await reader.waitForFunction(() => document.documentElement.dataset.rendered === "complete");
    const progress = () =>
      reader.evaluate(() => ({
        value: Number(document.querySelector(".folio-progress")?.getAttribute("aria-valuenow")),
        left: document.querySelector(".folio-time-left")?.textContent ?? "",
      }));
    expect(await progress()).toEqual({ value: 0, left: "2 min left" });
    await reader.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await reader.waitForFunction(
      () => document.querySelector(".folio-progress")?.getAttribute("aria-valuenow") === "100",
    );
    expect(await progress()).toEqual({ value: 100, left: "Finished" });

    // Print: the Print button, and a print stylesheet with the article, its images and its source.
    expect(await reader.locator("#folio-print").isVisible()).toBe(true);
    await reader.emulateMedia({ media: "print" });
    const printed = await reader.evaluate(() => {
      const shown = (s: string) =>
        [...document.querySelectorAll(s)].some((e) => e.getClientRects().length > 0);
      return {
        toolbar: shown(".folio-bar"),
        cleaned: shown(".folio-cleaned"),
        title: shown(".folio-title"),
        image: shown(".folio-article img"),
        source: document.querySelector(".folio-print-source")?.textContent ?? "",
        sourceShown: shown(".folio-print-source"),
      };
    });
    expect(printed).toMatchObject({
      toolbar: false,
      cleaned: false,
      title: true,
      image: true,
      sourceShown: true,
    });
    expect(printed.source).toBe(`Source: ${f.server.origin}/article.html`);
    await reader.emulateMedia({ media: "screen" });
    expect(await reader.locator(".folio-print-source").isVisible()).toBe(false);

    // Listen on a system without voices (this browser has no speech backend): said plainly.
    await reader.getByRole("button", { name: "Listen" }).click();
    const noVoices = await waitFor(
      () =>
        reader.evaluate(() => {
          const text = document.querySelector(".folio-read-aloud-message")?.textContent ?? "";
          return /no voices/.test(text) ? text : null;
        }),
      15_000,
      "the no-voices message",
    );
    expect(noVoices).toMatch(/^Your system has no voices for reading aloud\. Install a text-to-speech voice/);
    expect(await reader.getByRole("button", { name: "Play" }).isDisabled()).toBe(true);

    // The place in a saved article: saved, left halfway, opened again from the library.
    await reader.getByRole("button", { name: "Save" }).click();
    await reader.waitForFunction(() => document.documentElement.dataset.saved === "added");
    await reader.close();
    await f.closePopup(popup).catch(() => undefined);
    const savedUrl = `chrome-extension://${f.id}/src/reader/index.html?saved=${encodeURIComponent(`${f.server.origin}/article.html`)}`;
    // The window's size is set before the page opens: a resize after the place is restored
    // would move the words the test looks for (under load the restore can come first).
    const openSized = async () => {
      const page = await f.browser.context.newPage();
      await page.setViewportSize({ width: 1000, height: 600 });
      await page.goto(savedUrl);
      return page;
    };
    const first = await openSized();
    await first.waitForFunction(() => document.documentElement.dataset.position === "start");
    // The sixth block of the body just under the toolbar.
    await first.evaluate(() => {
      const bar = document.querySelector(".folio-bar")?.getBoundingClientRect().bottom ?? 0;
      const block = document.querySelectorAll(".folio-body > *")[5].getBoundingClientRect().top;
      window.scrollBy(0, block - bar - 2);
    });
    const stored = await waitFor(
      () =>
        f.worker.evaluate(async () => {
          const { positions } = await chrome.storage.local.get("positions");
          const all = (positions ?? {}) as Record<string, { block: number }>;
          return Object.keys(all).length > 0 ? all : null;
        }),
      10_000,
      "the position in storage.local",
    );
    expect(Object.keys(stored)).toEqual([`${f.server.origin}/article.html`]);
    expect(Object.values(stored)[0].block).toBe(5);
    await first.close();
    const again = await openSized();
    await again.waitForFunction(() => document.documentElement.dataset.position === "restored");
    const place = await again.evaluate(() => {
      const bar = document.querySelector(".folio-bar")?.getBoundingClientRect().bottom ?? 0;
      const block = document.querySelectorAll(".folio-body > *")[5]?.getBoundingClientRect().top ?? -1;
      return { scrolled: window.scrollY, headingBelowBar: Math.round(block - bar) };
    });
    expect(place.scrolled).toBeGreaterThan(300);
    expect(Math.abs(place.headingBelowBar)).toBeLessThan(40); // the same words at the top

    // The library's row says how far the article was read (the place's progress), with a bar,
    // and follows the reader tab when it goes back to the start; the state does not change.
    const kept = Object.values(stored)[0] as { progress?: number };
    expect(kept.progress).toBeGreaterThan(0);
    const library = await f.open(`chrome-extension://${f.id}/src/library-page/index.html`);
    const row = library.locator(`.lib-row[data-url="${f.server.origin}/article.html"]`);
    await row.locator(".lib-progress").waitFor();
    const percent = Math.round((kept.progress ?? 0) * 100);
    expect(await row.locator(".lib-progress").textContent()).toBe(`${percent}% read`);
    expect(await row.getAttribute("data-read")).toBe(String(percent));
    const bar = await row.evaluate((r) => getComputedStyle(r, "::after").width);
    expect(Number.parseFloat(bar)).toBeGreaterThan(0);
    await library.screenshot({ path: join(ARTIFACTS, "library-progress.png") });
    await again.bringToFront();
    await again.mouse.wheel(0, -100); // the reader's own scroll: the restored place is let go
    await again.evaluate(() => window.scrollTo(0, 0));
    await library.waitForFunction(
      (url) => document.querySelector(`.lib-row[data-url="${url}"] .lib-progress`)?.textContent === "0% read",
      `${f.server.origin}/article.html`,
      { timeout: 10_000 },
    );
    expect(await row.getAttribute("data-read")).toBe("0");
    expect(await row.evaluate((r) => r.classList.contains("lib-state-unread"))).toBe(true);
    await library.close();
    await again.close();
    await page.close();
  });
});
