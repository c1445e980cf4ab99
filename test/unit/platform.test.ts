/**
 * The platform module: what differs between Chromium and Firefox, answered the same way for
 * the rest of Folio. The fakes answer as each browser does (checked in both by the e2e suites).
 */
import type Browser from "webextension-polyfill";
import { describe, expect, it } from "vitest";
import { CONTENT_SCRIPT, contextMenusOf, executeInTab, nativeApi } from "../../src/platform/browser.ts";

const scripting = (answer: () => Promise<unknown>) =>
  ({ executeScript: answer }) as unknown as Browser.Scripting.Static;

describe("platform", () => {
  it("names the content script from the extension root (Firefox resolves relative paths against the caller)", () => {
    expect(CONTENT_SCRIPT).toBe("/src/content/extract.js");
    // The build writes it there (vite.config.ts: src/content/extract.ts).
    expect(new URL(CONTENT_SCRIPT, "moz-extension://x/src/popup/index.html").pathname).toBe(CONTENT_SCRIPT);
  });

  it("returns the top frame's result (both browsers)", async () => {
    const result = await executeInTab(
      scripting(async () => [{ frameId: 0, result: { ok: 1 } }]),
      3,
      { files: ["/a.js"] },
    );
    expect(result).toEqual({ ok: 1 });
  });

  it("rejects when Firefox resolves with an error instead of rejecting", async () => {
    const firefox = scripting(async () => [
      {
        frameId: 0,
        error: { message: "Unable to load script: moz-extension://x/src/popup/src/content/extract.js" },
      },
    ]);
    await expect(executeInTab(firefox, 3, { files: ["src/content/extract.js"] })).rejects.toThrow(
      /Unable to load script/,
    );
    const plain = scripting(async () => [{ frameId: 0, error: "refused" }]);
    await expect(executeInTab(plain, 3, { func: () => 1 })).rejects.toThrow("refused");
  });

  it("rejects when Firefox runs nothing in the tab (privileged about: pages resolve [null])", async () => {
    for (const answer of [[null], [], undefined]) {
      await expect(
        executeInTab(
          scripting(async () => answer),
          3,
          { func: () => 1 },
        ),
      ).rejects.toThrow("The browser did not run the script in this tab.");
    }
  });

  it("passes Chromium's rejections through", async () => {
    const chromium = scripting(async () => {
      throw new Error("Cannot access contents of the page.");
    });
    await expect(executeInTab(chromium, 3, { func: () => 1 })).rejects.toThrow("Cannot access contents");
  });

  it("sends the target tab and the script as given", async () => {
    let seen: unknown;
    const spy = scripting(async function (this: unknown, ...args: unknown[]) {
      seen = args[0];
      return [{ frameId: 0 }];
    });
    const func = (a: never) => a;
    expect(await executeInTab(spy, 9, { func, args: [1] })).toBeUndefined();
    expect(seen).toEqual({ target: { tabId: 9 }, injectImmediately: true, func, args: [1] });
  });

  it("uses menus where the browser has it (Firefox), else contextMenus (Chromium)", () => {
    const menus = { id: "menus" };
    const contextMenus = { id: "contextMenus" };
    expect(contextMenusOf({ menus, contextMenus } as unknown as Browser.Browser)).toBe(menus);
    expect(contextMenusOf({ contextMenus } as unknown as Browser.Browser)).toBe(contextMenus);
  });

  it("finds the native API: browser first, then chrome", () => {
    const g = globalThis as { browser?: unknown; chrome?: unknown };
    expect(() => nativeApi()).toThrow(/no extension API/);
    g.chrome = { name: "chrome" };
    try {
      expect(nativeApi()).toBe(g.chrome);
      g.browser = { name: "browser" };
      expect(nativeApi()).toBe(g.browser);
    } finally {
      delete g.browser;
      delete g.chrome;
    }
  });
});
