/**
 * The popup in real Chromium, opened by a real toolbar click on fixture pages served from
 * 127.0.0.1: the article and its header, the states, the actions and the settings.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { CHROME_DIST, waitFor } from "./harness.ts";
import { ARTIFACTS, describeE2E, useFolio } from "./suite.ts";

/** The extension API as the service worker sees it (only used inside `worker.evaluate`). */
declare const chrome: import("webextension-polyfill").Browser;

const HEADLINE = "City library opens its doors at night as a reading room for shift workers";
const CAPTION = "The reading room of the central library on Quay Street, which now stays open until 2 a.m.";

/**
 * The names Folio's content scripts left on the global object of the extension's isolated world
 * in the popup's tab, asked from the popup (its activeTab grant lets it script that tab).
 */
function folioGlobals(popup: { evaluate<T>(expression: string): Promise<T> }): Promise<string[]> {
  return popup.evaluate<string[]>(`(async () => {
    const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
    const [injection] = await chrome.scripting.executeScript({
      target: { tabId: tab.id },
      func: () => Object.getOwnPropertyNames(globalThis).filter((name) => name.startsWith("__folio")),
    });
    return injection.result;
  })()`);
}

describeE2E("popup (Chromium, real toolbar click)", () => {
  const folio = useFolio();

  it("ships the permissions the README promises and nothing more", () => {
    const manifest = JSON.parse(readFileSync(join(CHROME_DIST, "manifest.json"), "utf8"));
    expect([...manifest.permissions].sort()).toEqual([
      "activeTab",
      "contextMenus",
      "offscreen",
      "scripting",
      "storage",
      "unlimitedStorage",
    ]);
    // "offscreen": the fetch queue's page with a DOM (src/offscreen/), which the service worker lacks.
    // Downloads are <a download> clicks on Blob URLs: no "downloads" permission.
    expect(manifest.permissions).not.toContain("downloads");
    expect(manifest.host_permissions).toBeUndefined();
    // Websites only on request, for the library's fetch-and-clean and offline images (platform/host-access.ts).
    expect(manifest.optional_host_permissions).toEqual(["http://*/*", "https://*/*"]);
    expect(manifest.content_scripts).toBeUndefined();
    expect(manifest.content_security_policy).toBeUndefined();
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
    }>(`(() => {
      const q = (s) => document.querySelector(s);
      // What the reader sees as the article: header, lead image, body (not the list of removals).
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

    // The quiet line expands to the list of what went.
    const items = await popup.evaluate<number>(`(() => {
      document.querySelector(".folio-cleaned summary").click();
      return document.querySelectorAll(".folio-cleaned[open] li").length;
    })()`);
    expect(items).toBeGreaterThan(2);
    await popup.evaluate(`document.querySelector(".folio-cleaned").open = false`);

    await popup.screenshot(join(ARTIFACTS, "popup.png"));
    await f.closePopup(popup);
    await page.close();
  });

  it("is keyboard reachable, with a visible focus ring", async () => {
    const f = folio();
    const page = await f.open("article.html");
    const { popup } = await f.popupFor(page);
    const key = async (key: string, code = key, keyCode = 0, text?: string) => {
      await popup.send("Input.dispatchKeyEvent", {
        type: "keyDown",
        key,
        code,
        windowsVirtualKeyCode: keyCode,
        text,
      });
      await popup.send("Input.dispatchKeyEvent", {
        type: "keyUp",
        key,
        code,
        windowsVirtualKeyCode: keyCode,
      });
    };
    const focused = () =>
      popup.evaluate<{ id: string; outline: string }>(`(() => {
        const el = document.activeElement;
        return { id: el.id || el.className || el.localName, outline: getComputedStyle(el).outlineStyle };
      })()`);
    const order: string[] = [];
    for (let i = 0; i < 5; i++) {
      await key("Tab", "Tab", 9);
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
    await key("Enter", "Enter", 13, "\r");
    expect(await popup.evaluate<boolean>(`!document.getElementById("folio-settings-host").hidden`)).toBe(
      true,
    );
    expect((await focused()).id).toBe("input"); // the checked theme radio took the focus
    await key("ArrowRight", "ArrowRight", 39); // next theme, as radio groups do
    expect(await popup.evaluate<string>(`document.documentElement.dataset.theme`)).toBe("light");
    await key("Escape", "Escape", 27);
    expect(await popup.evaluate<boolean>(`document.getElementById("folio-settings-host").hidden`)).toBe(true);
    expect((await focused()).id).toBe("folio-settings-toggle");
    await f.closePopup(popup);
    await f.worker.evaluate(() => chrome.storage.sync.clear());
    await page.close();
  });

  it("computes Markdown only when asked, and copies it", async () => {
    const f = folio();
    const page = await f.open("article.html");
    await f.browser.cdp.send("Browser.grantPermissions", {
      origin: `chrome-extension://${f.id}`,
      permissions: ["clipboardReadWrite", "clipboardSanitizedWrite"],
    });
    const { popup } = await f.popupFor(page);
    // Enabling the debugger reports every script the page has parsed so far, then new ones.
    const scripts: string[] = [];
    popup.on("Debugger.scriptParsed", (p) => scripts.push(String(p.url)));
    await popup.send("Debugger.enable");
    const loaded = () => scripts.some((url) => /markdown/.test(url));
    expect(scripts.some((url) => url.endsWith("/src/popup/index.js"))).toBe(true);
    expect(loaded()).toBe(false);
    await popup.evaluate(`document.getElementById("folio-copy").click()`);
    const status = await waitFor(
      () => popup.evaluate<string>(`document.getElementById("folio-status").textContent || null`),
      5_000,
      "the copy status",
    );
    expect(status).toBe("Copied as Markdown");
    expect(loaded()).toBe(true);
    await popup.send("Debugger.disable");
    const markdown = await popup.evaluate<string>(`navigator.clipboard.readText()`);
    expect(markdown).toMatch(/^---\ntitle: "City library/);
    expect(markdown).toContain(`# ${HEADLINE}`);
    expect(markdown).toContain("a kettle and free tea");
    expect(markdown).not.toMatch(/ADVERTISEMENT/);
    await f.closePopup(popup);
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
        f.worker.evaluate(async () => {
          const { settings } = await chrome.storage.sync.get("settings");
          return (settings as { size?: number } | undefined)?.size === 18 ? settings : null;
        }),
      5_000,
      "settings in storage.sync",
    );
    expect(stored).toMatchObject({ theme: "sepia", font: "sans", size: 18 });
    await f.closePopup(first.popup);

    const second = await f.popupFor(page);
    const root = await second.popup.evaluate<Record<string, string>>(
      `({ ...document.documentElement.dataset, size: document.documentElement.style.getPropertyValue("--folio-size") })`,
    );
    expect(root).toMatchObject({ theme: "sepia", font: "sans", size: "18px" });
    await f.closePopup(second.popup);
    await f.worker.evaluate(() => chrome.storage.sync.clear());
    await page.close();
  });

  it("opens the article in a reader tab without extracting it again", async () => {
    const f = folio();
    const page = await f.open("article.html");
    const { popup } = await f.popupFor(page);
    const readerPage = f.browser.context.waitForEvent("page", (p) =>
      p.url().includes("/src/reader/index.html"),
    );
    await popup.evaluate(`document.getElementById("folio-open").click()`);
    const reader = await readerPage;
    // `source`: the tab the article came from, where a Save fetches its images.
    expect(reader.url()).toMatch(/\?id=[0-9a-f-]{36}&source=\d+$/);
    await reader.waitForFunction(() => document.documentElement.dataset.state === "ready");
    expect(await reader.locator(".folio-title").textContent()).toBe(HEADLINE);
    expect(await reader.locator(".folio-body").textContent()).toContain("a kettle and free tea");
    await reader.close();
    await f.closePopup(popup).catch(() => undefined);
    await page.close();
  });

  it("reads a tab the user granted (the context menu's path) in a reader tab", async () => {
    const f = folio();
    const page = await f.open("article.html");
    const { popup } = await f.popupFor(page); // the click grants activeTab, as the menu click does
    await f.closePopup(popup);
    const tabId = await f.worker.evaluate(
      async () => (await chrome.tabs.query({})).find((t) => t.url?.endsWith("/article.html"))?.id,
    );
    expect(typeof tabId).toBe("number");
    const reader = await f.open(`chrome-extension://${f.id}/src/reader/index.html?tab=${tabId}`);
    await reader.waitForFunction(() => document.documentElement.dataset.state === "ready");
    expect(await reader.locator(".folio-title").textContent()).toBe(HEADLINE);
    await reader.close();
    await page.close();
  });

  it("applies the article's language and direction", async () => {
    const f = folio();
    const page = await f.open("pages/arabic-rtl.html");
    const { popup, state } = await f.popupFor(page);
    expect(state).toBe("ready");
    const article = await popup.evaluate<{
      lang: string;
      dir: string;
      direction: string;
      uiDirection: string;
    }>(`(() => {
      const a = document.querySelector(".folio-article");
      return { lang: a.lang, dir: a.dir, direction: getComputedStyle(a.querySelector(".folio-body")).direction,
               uiDirection: getComputedStyle(document.querySelector(".folio-bar")).direction };
    })()`);
    expect(article).toEqual({ lang: "ar", dir: "rtl", direction: "rtl", uiDirection: "ltr" });
    await popup.screenshot(join(ARTIFACTS, "popup-rtl.png"));
    await f.closePopup(popup);
    await page.close();
  });

  it("says when a page is not an article, and Show anyway extracts it", async () => {
    const f = folio();
    const page = await f.open("not-article.html");
    const { popup, state } = await f.popupFor(page);
    expect(state).toBe("not-article");
    const button = await popup.evaluate<{ label: string; focused: boolean }>(`(() => {
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
    // Issue 12: neither reading left anything in the page's isolated world (content-scripts.ts).
    expect(await folioGlobals(popup)).toEqual([]);
    await f.closePopup(popup);
    await page.close();
  });

  it("leaves nothing in the page it read, opened twice", async () => {
    const f = folio();
    const page = await f.open("article.html");
    for (let opening = 0; opening < 2; opening++) {
      const { popup, state } = await f.popupFor(page);
      expect(state).toBe("ready");
      expect(await folioGlobals(popup)).toEqual([]);
      await f.closePopup(popup);
    }
    await page.close();
  });

  it("says plainly when the browser does not let extensions read the page", async () => {
    const f = folio();
    const page = await f.open("chrome://version");
    const { popup, state } = await f.popupFor(page);
    expect(state).toBe("restricted");
    const text = await popup.evaluate<string>(`document.querySelector("main").innerText`);
    expect(text).toContain("Folio can't read this page");
    expect(await popup.evaluate<number>(`document.querySelectorAll("main button").length`)).toBe(0);
    await f.closePopup(popup);
    await page.close();
  });

  it("says plainly when the reader tab's article is gone, with no Try again that cannot succeed", async () => {
    const f = folio();
    const reader = await f.open(`chrome-extension://${f.id}/src/reader/index.html?id=gone`);
    await reader.waitForFunction(() => document.documentElement.dataset.state === "error");
    expect(await reader.locator(".folio-state-title").textContent()).toBe("This article is no longer here");
    expect(await reader.locator(".folio-state").textContent()).toContain("Open the page and use Folio again");
    expect(await reader.locator("main button").count()).toBe(0);
    await reader.close();
  });
});
