/**
 * What differs between the browsers Folio runs in (Chromium and Firefox), in one place. The
 * rest of the extension calls these and never asks which browser it is in.
 *
 * - Extension script paths: Firefox resolves `scripting.executeScript({ files })` against the
 *   calling page (from the popup, `src/content/extract.js` would be
 *   `src/popup/src/content/extract.js`); Chromium against the extension root. A path from the
 *   root, with a leading slash, means the same file in both.
 * - Injection errors: Chromium rejects when a script cannot be injected or throws, or when the
 *   page may not be scripted. Firefox resolves with `[{ error }]` when the script fails to load
 *   or throws, and with `[null]` on pages extensions may not read (`about:robots`,
 *   `about:license`). `executeInTab` turns all of them into a rejection.
 * - When a script runs: by default both wait for the page's `document_idle`, which Firefox only
 *   reaches once the page's load completes. A page whose load never completes (a hanging
 *   image, the `javascript:` objects of a hostile page) kept the popup on "Reading the page…"
 *   for good. `executeInTab` injects at once; the script's handler waits for the parsed document.
 * - The context menu API: `menus` in Firefox (`contextMenus` is its alias), `contextMenus` in
 *   Chromium.
 * - The extension API without the polyfill: Firefox's `browser`, or Chromium's (which has a
 *   native `browser` too, and promise-returning `chrome` in Manifest V3).
 *
 * Imports browser types only (no polyfill, no globals at load), so the popup can start with it
 * before the rest of its code has loaded, and Node tests can load it.
 */
import type Browser from "webextension-polyfill";

/** The content script, from the extension's root (see above for why the leading slash). */
export const CONTENT_SCRIPT = "/src/content/extract.js";

/** The extension API as the browser provides it, without the polyfill. */
export function nativeApi(): Browser.Browser {
  const g = globalThis as unknown as { browser?: Browser.Browser; chrome?: Browser.Browser };
  const api = g.browser ?? g.chrome;
  if (!api) throw new Error("no extension API in this page");
  return api;
}

/** One frame's answer to `executeScript`; Firefox adds `error` where Chromium would reject. */
type Injection = Browser.Scripting.InjectionResult & { error?: unknown };

/**
 * Runs `files` or `func` in the top frame of `tabId`, at once (not at `document_idle`), and
 * returns the frame's result (a promise's value when `func` returns one). Rejects when the
 * browser refuses or the script fails, in every browser alike.
 */
export async function executeInTab<T>(
  scripting: Browser.Scripting.Static,
  tabId: number,
  script: { files: string[] } | { func: (...args: never[]) => unknown; args?: unknown[] },
): Promise<T | undefined> {
  const injections = (await scripting.executeScript({
    target: { tabId },
    injectImmediately: true,
    ...(script as { files: string[] }),
  })) as Injection[] | undefined;
  const [injection] = injections ?? [];
  if (injection === undefined || injection === null) {
    throw new Error("The browser did not run the script in this tab.");
  }
  if (injection.error !== undefined && injection.error !== null) {
    const error = injection.error as { message?: unknown };
    throw new Error(typeof error.message === "string" ? error.message : String(injection.error));
  }
  return injection.result as T | undefined;
}

/** The context menu API: `menus` where the browser has it (Firefox), else `contextMenus`. */
export function contextMenusOf(api: Browser.Browser): Browser.ContextMenus.Static {
  const { menus } = api as unknown as { menus?: Browser.ContextMenus.Static };
  return menus ?? api.contextMenus;
}
