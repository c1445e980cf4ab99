/**
 * The popup in real Firefox ESR, opened by a real toolbar click (or the real shortcut) on
 * fixture pages served from 127.0.0.1: the article and its header, the states, the actions and
 * the settings. The same scenarios as test/e2e/popup.test.ts, driven the Firefox way.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { clipboardText, EXT_ORIGIN, FIREFOX_DIST, POPUP_PATH, READER_PAGE, waitFor } from "./harness.ts";
import { ARTIFACTS, describeFirefox, useFirefoxFolio } from "./suite.ts";

const HEADLINE = "City library opens its doors at night as a reading room for shift workers";
const CAPTION = "The reading room of the central library on Quay Street, which now stays open until 2 a.m.";

describeFirefox("popup (Firefox, real toolbar click)", () => {
  const folio = useFirefoxFolio();

  it("ships the permissions the README promises and nothing more, with an event page", () => {
    const manifest = JSON.parse(readFileSync(join(FIREFOX_DIST, "manifest.json"), "utf8"));
    expect([...manifest.permissions].sort()).toEqual([
      "activeTab",
      "contextMenus",
      "scripting",
      "storage",
      "unlimitedStorage",
    ]);
    // No "offscreen" (Chrome only): Firefox's event page has a DOM and hosts the fetch queue.
    expect(manifest.permissions).not.toContain("offscreen");
    expect(manifest.host_permissions).toBeUndefined();
    // Websites only on request, for the library's fetch-and-clean and offline images (platform/host-access.ts).
    expect(manifest.optional_host_permissions).toEqual(["http://*/*", "https://*/*"]);
    expect(manifest.content_scripts).toBeUndefined();
    expect(manifest.content_security_policy).toBeUndefined();
    // Firefox runs the background as an event page: scripts, not a service worker.
    expect(manifest.background).toEqual({ scripts: ["src/background/index.js"] });
    expect(manifest.browser_specific_settings.gecko.id).toBe("folio@example.org");
    expect(manifest.commands._execute_action.suggested_key.default).toBe("Alt+Shift+R");
  });

  it("shows the seed-like article: header, lead image and caption once, body, no ads", async () => {
    const f = folio();
    const page = await f.open("article.html");
    const { popup, state } = await f.popupFor(page);
    expect(state).toBe("ready");
    await waitFor(
      () => popup.evaluate<boolean>(`document.documentElement.dataset.rendered === "complete"`),
      10_000,
      "body",
    );

    const view = await popup.evaluate<{
      h1: string;
      site: string;
      standfirst: string;
      byline: string;
      datetime: string | null;
      date: string;
      reading: string;
      original: string | null;
      lang: string;
      visible: string;
      article: string;
      leadImages: number;
      cleaned: string;
      width: number;
    }>(`(() => {
      const q = (s) => document.querySelector(s);
      const parts = [...document.querySelectorAll(".folio-header, .folio-lead, .folio-body")].map((p) => {
        const copy = p.cloneNode(true);
        copy.querySelector(".folio-cleaned")?.remove();
        return copy;
      });
      return {
        h1: q(".folio-title").textContent,
        site: q(".folio-site").textContent,
        standfirst: q(".folio-standfirst")?.textContent ?? "",
        byline: q(".folio-byline")?.textContent ?? "",
        datetime: q("time")?.getAttribute("datetime") ?? null,
        date: q("time")?.textContent ?? "",
        reading: q(".folio-reading").textContent,
        original: q(".folio-original")?.getAttribute("href") ?? null,
        lang: q(".folio-article").lang,
        visible: q("main").innerText,
        article: parts.map((p) => p.textContent).join("\\n"),
        leadImages: [...document.querySelectorAll("main img")].filter((i) => i.src.includes("reading-room.svg")).length,
        cleaned: q(".folio-cleaned summary")?.textContent ?? "",
        width: window.innerWidth,
      };
    })()`);
    expect(view.h1).toBe(HEADLINE);
    expect(view.site).toBe("The Harbour Herald");
    expect(view.standfirst).toMatch(/^The central library will stay open until 2 a\.m\./);
    expect(view.byline).toContain("Maya Lindqvist");
    expect(view.datetime).toMatch(/^2024-03-14T21:40/);
    expect(view.date).toMatch(/2024/);
    expect(view.reading).toMatch(/\d+ min read · [\d,]+ words/);
    expect(view.original).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/article\.html$/);
    expect(view.lang).toBe("en-GB");
    expect(view.article).toContain("a kettle and free tea have become");
    expect(view.article).toContain("public libraries open at night remain rare");
    for (const text of [view.visible, view.article]) {
      expect(text).not.toMatch(/ADVERTISEMENT/i);
      expect(text).not.toContain("Check out latest videos");
      expect(text).not.toContain("Related stories");
      expect(text).not.toContain("Subscribe");
    }
    expect(view.article.split(CAPTION).length - 1).toBe(1);
    expect(view.article.split(HEADLINE).length - 1).toBe(1);
    expect(view.leadImages).toBe(1);
    expect(view.cleaned).toMatch(/^Cleaned: \d+ ads?\b/);
    // Firefox sizes the popup to its content: the popup's own width holds (not a narrow panel).
    expect(view.width).toBeGreaterThanOrEqual(480);

    const items = await popup.evaluate<number>(`(() => {
      document.querySelector(".folio-cleaned summary").click();
      return document.querySelectorAll(".folio-cleaned[open] li").length;
    })()`);
    expect(items).toBeGreaterThan(2);
    await popup.evaluate(`document.querySelector(".folio-cleaned").open = false`);

    // The lead image comes from the site (no referrer); wait for it, then take the picture.
    await waitFor(
      () =>
        popup.evaluate<boolean>(
          `[...document.querySelectorAll("main img")].some((i) => i.complete && i.naturalWidth > 0)`,
        ),
      10_000,
      "the lead image",
    );
    writeFileSync(join(ARTIFACTS, "popup.png"), await f.ff.popupScreenshot());
    await f.closePopup();
    await page.close();
  });

  it("opens with the keyboard shortcut (Alt+Shift+R); Escape closes the popup", async () => {
    const f = folio();
    const page = await f.open("article.html");
    await page.bringToFront();
    // The manifest's _execute_action command: real key events in the browser window.
    await f.ff.inChrome(`(() => {
      const tip = Cc["@mozilla.org/text-input-processor;1"].createInstance(Ci.nsITextInputProcessor);
      tip.beginInputTransactionForTests(window);
      const key = (k, code, keyCode) => new KeyboardEvent("", { key: k, code, keyCode });
      const keys = [key("Alt", "AltLeft", 18), key("Shift", "ShiftLeft", 16), key("R", "KeyR", 82)];
      for (const k of keys) tip.keydown(k);
      for (const k of keys.reverse()) tip.keyup(k);
    })()`);
    const popup = f.popup();
    const state = await waitFor(
      () =>
        popup.evaluate<string | null>(
          `(() => { const s = document.documentElement.dataset.state; return s !== "loading" && s; })()`,
        ),
      15_000,
      "the popup opened by the shortcut",
    );
    expect(state).toBe("ready");
    expect(await popup.evaluate(`document.querySelector(".folio-title").textContent`)).toBe(HEADLINE);
    // In Firefox the panel takes Escape (before the page can keep it): the popup closes.
    await f.focusPopup();
    await f.key("Escape", "Escape", 27);
    await waitFor(
      async () => (await f.api<number>(`browser.extension.getViews({ type: "popup" }).length`)) === 0,
      5_000,
      "Escape to close the popup",
    );
    await page.close();
  });

  it("is keyboard reachable, with a visible focus ring (the popup page in a tab, real keys)", async () => {
    const f = folio();
    const page = await f.open("article.html");
    await f.popupFor(page); // the real click grants activeTab on the article's tab
    await f.closePopup();
    const tabId = await f.api<number | undefined>(
      `browser.tabs.query({}).then((tabs) => tabs.find((t) => t.url?.endsWith("/article.html"))?.id)`,
    );
    const popup = await f.ff.openExtensionPage(`${POPUP_PATH}?tab=${tabId}`);
    await popup.bringToFront();
    await waitFor(
      () => popup.evaluate(() => document.documentElement.dataset.state === "ready"),
      10_000,
      "ready",
    );
    const focused = () =>
      popup.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        return { id: el.id || el.className || el.localName, outline: getComputedStyle(el).outlineStyle };
      });
    const order: string[] = [];
    for (let i = 0; i < 5; i++) {
      await popup.keyboard.press("Tab");
      const now = await focused();
      order.push(now.id);
      expect(now.outline).toBe("solid");
    }
    expect(order).toEqual([
      "folio-save",
      "folio-copy",
      "folio-open",
      "folio-library",
      "folio-settings-toggle",
    ]);
    await popup.keyboard.press("Enter");
    expect(await popup.evaluate(() => !document.getElementById("folio-settings-host")?.hidden)).toBe(true);
    expect((await focused()).id).toBe("input"); // the checked theme radio took the focus
    await popup.keyboard.press("ArrowRight"); // next theme, as radio groups do
    expect(await popup.evaluate(() => document.documentElement.dataset.theme)).toBe("light");
    await popup.keyboard.press("Escape");
    expect(await popup.evaluate(() => document.getElementById("folio-settings-host")?.hidden)).toBe(true);
    expect((await focused()).id).toBe("folio-settings-toggle");
    await popup.close();
    await f.api(`browser.storage.sync.clear()`);
    await page.close();
  });

  it("computes Markdown only when asked, and copies it", async () => {
    const f = folio();
    const page = await f.open("article.html");
    const { popup } = await f.popupFor(page);
    // The modules the popup loaded so far: Firefox keeps moz-extension:// loads out of resource
    // timing, but every chunk a dynamic import pulls in gets its <link rel="modulepreload">.
    const modules = () =>
      popup.evaluate<string[]>(
        `[...document.querySelectorAll('script[src], link[rel="modulepreload"]')].map((e) => e.src || e.href)`,
      );
    const loaded = async () => (await modules()).some((url) => /markdown/.test(url));
    expect(await modules()).toContain(`${EXT_ORIGIN}/src/popup/index.js`);
    expect(await loaded()).toBe(false);
    // A real key press on the focused button: the clipboard wants a user's gesture in Firefox.
    await f.focusPopup();
    await popup.evaluate(`document.getElementById("folio-copy").focus()`);
    await f.key("Enter", "Enter", 13);
    const status = await waitFor(
      () => popup.evaluate<string>(`document.getElementById("folio-status").textContent || null`),
      5_000,
      "the copy status",
    );
    expect(status).toBe("Copied as Markdown");
    expect(await loaded()).toBe(true);
    const markdown = await clipboardText(f.ff);
    expect(markdown).toMatch(/^---\ntitle: "City library/);
    expect(markdown).toContain(`# ${HEADLINE}`);
    expect(markdown).toContain("a kettle and free tea");
    expect(markdown).not.toMatch(/ADVERTISEMENT/);
    await f.closePopup();
    await page.close();
  });

  it("remembers reading settings in storage.sync", async () => {
    const f = folio();
    const page = await f.open("article.html");
    const first = await f.popupFor(page);
    await first.popup.evaluate(`(() => {
      document.getElementById("folio-settings-toggle").click();
      document.querySelector('input[name="folio-theme"][value="sepia"]').click();
      document.querySelector('input[name="folio-font"][value="sans"]').click();
      document.querySelector('[aria-label="Larger text"]').click();
    })()`);
    const stored = await waitFor(
      // Each of the three clicks writes: wait for the last one (the larger size).
      () =>
        f.api(
          `browser.storage.sync.get("settings").then((s) => (s.settings?.size === 18 ? s.settings : null))`,
        ),
      5_000,
      "settings in storage.sync",
    );
    expect(stored).toMatchObject({ theme: "sepia", font: "sans", size: 18 });
    await f.closePopup();

    const second = await f.popupFor(page);
    const root = await second.popup.evaluate<Record<string, string>>(
      `({ ...document.documentElement.dataset, size: document.documentElement.style.getPropertyValue("--folio-size") })`,
    );
    expect(root).toMatchObject({ theme: "sepia", font: "sans", size: "18px" });
    await f.closePopup();
    await f.api(`browser.storage.sync.clear()`);
    await page.close();
  });

  it("opens the article in a reader tab without extracting it again", async () => {
    const f = folio();
    const page = await f.open("article.html");
    const { popup } = await f.popupFor(page);
    await popup.evaluate(`document.getElementById("folio-open").click()`);
    const url = await f.waitForTab(READER_PAGE);
    // `source`: the tab the article came from, where a Save fetches its images.
    expect(url).toMatch(/\?id=[0-9a-f-]{36}&source=\d+$/);
    const reader = f.tab(url);
    await waitFor(
      () => reader.evaluate<boolean>(`document.documentElement.dataset.state === "ready"`),
      10_000,
      "the reader",
    );
    expect(await reader.evaluate(`document.querySelector(".folio-title").textContent`)).toBe(HEADLINE);
    expect(await reader.evaluate(`document.querySelector(".folio-body").textContent`)).toContain(
      "a kettle and free tea",
    );
    // Opening the tab closed the popup (window.close in a Firefox popup).
    await waitFor(
      async () => (await f.api<number>(`browser.extension.getViews({ type: "popup" }).length`)) === 0,
      5_000,
      "the popup to close",
    );
    await reader.evaluate(`window.close()`);
    await page.close();
  });

  it("reads a tab the user granted (the context menu's path) in a reader tab", async () => {
    const f = folio();
    const page = await f.open("article.html");
    await f.popupFor(page); // the click grants activeTab, as the menu click does
    await f.closePopup();
    const tabId = await f.api<number | undefined>(
      `browser.tabs.query({}).then((tabs) => tabs.find((t) => t.url?.endsWith("/article.html"))?.id)`,
    );
    expect(typeof tabId).toBe("number");
    const reader = await f.ff.openExtensionPage(`${READER_PAGE}?tab=${tabId}`);
    await waitFor(
      () => reader.evaluate(() => document.documentElement.dataset.state === "ready"),
      10_000,
      "the reader",
    );
    expect(await reader.evaluate(() => document.querySelector(".folio-title")?.textContent)).toBe(HEADLINE);
    await reader.close();
    await page.close();
  });

  it("applies the article's language and direction", async () => {
    const f = folio();
    const page = await f.open("pages/arabic-rtl.html");
    const { popup, state } = await f.popupFor(page);
    expect(state).toBe("ready");
    const article = await popup.evaluate(`(() => {
      const a = document.querySelector(".folio-article");
      return { lang: a.lang, dir: a.dir, direction: getComputedStyle(a.querySelector(".folio-body")).direction,
               uiDirection: getComputedStyle(document.querySelector(".folio-bar")).direction };
    })()`);
    expect(article).toEqual({ lang: "ar", dir: "rtl", direction: "rtl", uiDirection: "ltr" });
    await waitFor(
      () => popup.evaluate<boolean>(`[...document.querySelectorAll("main img")].every((i) => i.complete)`),
      5_000,
      "the images",
    ).catch(() => undefined); // only for the picture
    writeFileSync(join(ARTIFACTS, "popup-rtl.png"), await f.ff.popupScreenshot());
    await f.closePopup();
    await page.close();
  });

  it("says when a page is not an article, and Show anyway extracts it", async () => {
    const f = folio();
    const page = await f.open("not-article.html");
    const { popup, state } = await f.popupFor(page);
    expect(state).toBe("not-article");
    const button = await popup.evaluate(`(() => {
      const b = document.querySelector(".folio-state button");
      return { label: b.textContent, focused: document.activeElement === b };
    })()`);
    expect(button).toEqual({ label: "Show anyway", focused: true });
    await popup.evaluate(`document.querySelector(".folio-state button").click()`);
    const after = await waitFor(
      () =>
        popup.evaluate<string>(
          `document.documentElement.dataset.state !== "loading" && document.documentElement.dataset.state`,
        ),
      10_000,
      "forced extraction",
    );
    expect(after).toBe("ready");
    expect(await popup.evaluate<string>(`document.querySelector(".folio-body").textContent`)).toContain(
      "Wellington boots",
    );
    await f.closePopup();
    await page.close();
  });

  it("says plainly when the browser does not let extensions read the page (about:)", async () => {
    const f = folio();
    for (const url of ["about:robots", "about:license"]) {
      const page = await f.open(url);
      const { popup, state } = await f.popupFor(page);
      expect(state).toBe("restricted");
      const text = await popup.evaluate<string>(`document.querySelector("main").innerText`);
      expect(text).toContain("Folio can't read this page");
      expect(await popup.evaluate<number>(`document.querySelectorAll("main button").length`)).toBe(0);
      await f.closePopup();
      await page.close();
    }
  });

  it("says plainly when the reader tab's article is gone, with no Try again that cannot succeed", async () => {
    const f = folio();
    const reader = await f.ff.openExtensionPage(`${READER_PAGE}?id=gone`);
    expect(await reader.evaluate(() => location.href)).toBe(`${EXT_ORIGIN}/${READER_PAGE}?id=gone`);
    await waitFor(
      () => reader.evaluate(() => document.documentElement.dataset.state === "error"),
      10_000,
      "the error",
    );
    expect(await reader.evaluate(() => document.querySelector(".folio-state-title")?.textContent)).toBe(
      "This article is no longer here",
    );
    expect(await reader.evaluate(() => document.querySelectorAll("main button").length)).toBe(0);
    await reader.close();
  });
});
