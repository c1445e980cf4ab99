/**
 * One Firefox per test file: `useFirefoxFolio()` registers beforeAll/afterAll that start the
 * fixture server and Firefox ESR with the built extension, plus a helper extension page (left
 * in the background) through which the popup and other extension pages are read and driven
 * (`browser.extension.getViews`: the popup is no BiDi context). Missing prerequisites skip the
 * file with a printed reason, or fail it under CI (`CI` set): e2e never disappears silently.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "puppeteer-core";
import { afterAll, beforeAll, describe } from "vitest";
import {
  type Firefox,
  firefoxPrerequisites,
  LIBRARY_PAGE,
  launchFirefox,
  POPUP_VIEWS,
  pressKey,
  ROOT,
  SITE_DIR,
  type StaticServer,
  serveStatic,
  viewScript,
  waitFor,
} from "./harness.ts";

export const ARTIFACTS = join(ROOT, "artifacts", "firefox");

/** An extension page of Folio (popup, reader tab, library page) seen from the helper page. */
export interface View {
  /**
   * Evaluates `expression` in the helper page with `window`, `document`, `location`,
   * `navigator` and `getComputedStyle` bound to the view's; awaits promises; null when the
   * view is not open. (Eval in the view itself would be refused by the extension's CSP.)
   */
  evaluate<T = unknown>(expression: string): Promise<T>;
}

export interface FirefoxFolio {
  ff: Firefox;
  server: StaticServer;
  /** An extension page left open in the background: the extension API for the tests. */
  helper: Page;
  /** Opens `path` of the fixture site (or a full URL) in a new tab. */
  open(path: string): Promise<Page>;
  /** Real toolbar click on `page`; returns the popup once it left the loading state. */
  popupFor(page: Page): Promise<{ popup: View; state: string }>;
  /** The open popup (opened by a click or the shortcut). */
  popup(): View;
  /** Moves the keyboard focus into the open popup's page (real Tab presses in the window). */
  focusPopup(): Promise<void>;
  /** Closes the popup as a click elsewhere would, and waits until it is gone. */
  closePopup(): Promise<void>;
  /** The open extension tab whose URL contains `part` (reader tab, library page). */
  tab(part: string): View;
  /** Waits for the extension tab whose URL contains `part` to be open; returns its URL. */
  waitForTab(part: string, timeoutMs?: number): Promise<string>;
  /** Real key events in the browser window (they reach the focused popup or tab). */
  key(key: string, code?: string, keyCode?: number): Promise<void>;
  /** Runs `expression` in the helper page (which has the full `browser` API). */
  api<T = unknown>(expression: string): Promise<T>;
}

/** `describe` that runs only where the Firefox suite can run, or fails loudly under CI. */
export function describeFirefox(name: string, body: () => void): void {
  const pre = firefoxPrerequisites();
  if (!pre.ok && !process.env.CI) {
    console.warn(`[e2e-firefox] SKIPPED "${name}": ${pre.reason}`);
    describe.skip(name, body);
    return;
  }
  describe(name, () => {
    if (!pre.ok) {
      beforeAll(() => {
        throw new Error(`e2e cannot run: ${pre.reason}`);
      });
    }
    body();
  });
}

/** The helper page's own fragment: it is never one of the views the tests look at. */
const HELPER_MARK = "#folio-test-helper";
const tabViews = (part: string) =>
  `browser.extension.getViews({ type: "tab" }).filter((w) => w.location.hash !== ${JSON.stringify(HELPER_MARK)} && w.location.href.includes(${JSON.stringify(part)}))`;

export function useFirefoxFolio(launchOptions: Parameters<typeof launchFirefox>[0] = {}): () => FirefoxFolio {
  let folio: FirefoxFolio | undefined;
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const server = await serveStatic({ "/": SITE_DIR, "/pages/": join(ROOT, "test", "fixtures", "pages") });
    const ff = await launchFirefox(launchOptions);
    const helper = await ff.openExtensionPage(`${LIBRARY_PAGE}${HELPER_MARK}`);
    const api = <T>(expression: string) => helper.evaluate(`(async () => (${expression}))()`) as Promise<T>;
    const popup: View = {
      evaluate: (expression) => helper.evaluate(viewScript(POPUP_VIEWS, expression)) as never,
    };
    const popupOpen = () => api<number>(`${POPUP_VIEWS}.length`);
    const key = (name: string, code = name, keyCode = 0) => pressKey(ff, name, code, keyCode);
    const closePopup = async () => {
      await ff.closePanels();
      await waitFor(async () => (await popupOpen()) === 0, 5_000, "the popup to close");
    };
    folio = {
      ff,
      server,
      helper,
      api,
      open: (path) => ff.open(/^[a-z-]+:/.test(path) ? path : `${server.origin}/${path}`),
      popupFor: async (page) => {
        if ((await popupOpen()) > 0) await closePopup();
        await ff.clickAction(page);
        const state = await waitFor(
          () =>
            popup
              .evaluate<string | null>(
                `(() => { const s = document.documentElement && document.documentElement.dataset.state;
                   return document.readyState !== "loading" && s && s !== "loading" ? s : null; })()`,
              )
              .catch(() => null),
          20_000,
          "the popup to leave the loading state",
        );
        return { popup, state };
      },
      closePopup,
      popup: () => popup,
      focusPopup: async () => {
        // Tab until one of the popup's own buttons has the keyboard focus: then the window's
        // key events go to the popup's page.
        const inside = () =>
          popup.evaluate<boolean>(`document.hasFocus() && document.activeElement.localName === "button"`);
        for (let i = 0; i < 8 && !(await inside()); i++) {
          await key("Tab", "Tab", 9);
          await new Promise((r) => setTimeout(r, 50));
        }
        if (!(await inside())) throw new Error("the popup did not take the keyboard focus");
      },
      tab: (part) => ({
        evaluate: (expression) => helper.evaluate(viewScript(tabViews(part), expression)) as never,
      }),
      waitForTab: (part, timeoutMs = 10_000) =>
        waitFor(
          () => helper.evaluate(viewScript(tabViews(part), "location.href")) as Promise<string | null>,
          timeoutMs,
          `an extension tab at ${part}`,
        ),
      key,
    };
  });
  afterAll(async () => {
    await folio?.ff.close();
    await folio?.server.close();
  });
  return () => {
    if (!folio) throw new Error("Firefox did not start");
    return folio;
  };
}
