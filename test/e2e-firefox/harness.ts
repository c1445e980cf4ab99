/**
 * Drives the built extension in real Firefox ESR (Debian's `firefox-esr`) over WebDriver BiDi
 * with puppeteer-core: Folio installed as a temporary add-on under a pinned UUID, a real
 * toolbar click from the browser window (which grants activeTab, so the production manifest is
 * what gets tested), and the popup driven through `browser.extension.getViews` from a helper
 * extension page (the popup is no BiDi context). See ../shared/guides/browser-testing.md.
 *
 * Firefox calls home: its suite runs in a loopback-only network namespace
 * (scripts/loopback.sh), with the fixture server started inside it too.
 * Shared by the Firefox e2e tests and `npm run start:firefox`.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import puppeteer, { type Browser, type Page } from "puppeteer-core";
import { ROOT, waitFor } from "../e2e/harness.ts";

export { ROOT, SITE_DIR, type StaticServer, serveStatic, waitFor } from "../e2e/harness.ts";

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? "/usr/bin/firefox-esr";
export const FIREFOX_DIST = join(ROOT, "dist", "firefox");
export const GECKO_ID = "folio@example.org";
/** Any v4 UUID: pins moz-extension://<UUID>/ for the whole run. */
export const UUID = "0f0110f0-0000-4000-8000-000000000001";
export const EXT_ORIGIN = `moz-extension://${UUID}`;
export const POPUP_PATH = "src/popup/index.html";
export const LIBRARY_PAGE = "src/library-page/index.html";
export const READER_PAGE = "src/reader/index.html";
/** Whether to show the browser's console (FOLIO_FF_CONSOLE=1; see launchFirefox). */
const CONSOLE = process.env.FOLIO_FF_CONSOLE === "1";
/** The toolbar button's id in the browser window: the gecko id, lowercased, [^a-z0-9_-] -> '_'. */
const WIDGET_ID = `${GECKO_ID.toLowerCase().replace(/[^a-z0-9_-]/g, "_")}-browser-action`;

/**
 * Whether this process is cut off from the network but loopback (scripts/loopback.sh), read
 * from the network interfaces of its own namespace; or FOLIO_NETNS=off said to run anyway.
 */
export function loopbackOnly(): boolean {
  if (process.env.FOLIO_NETNS === "off") return true;
  try {
    const names = readFileSync("/proc/self/net/dev", "utf8")
      .split("\n")
      .slice(2)
      .map((line) => line.trim().split(":")[0])
      .filter(Boolean);
    return names.length > 0 && names.every((name) => name === "lo");
  } catch {
    return false;
  }
}

/** Whether the Firefox e2e suite can run here, and if not, why. */
export function firefoxPrerequisites(): { ok: true } | { ok: false; reason: string } {
  if (!loopbackOnly()) {
    return {
      ok: false,
      reason:
        "not in a loopback-only network namespace (Firefox calls home): run 'npm run test:e2e:firefox', " +
        "or scripts/loopback.sh around vitest; FOLIO_NETNS=off runs on the host's network anyway",
    };
  }
  if (!existsSync(FIREFOX_PATH)) {
    return {
      ok: false,
      reason: `Firefox not found at ${FIREFOX_PATH} (install the 'firefox-esr' package or set FIREFOX_PATH)`,
    };
  }
  if (!existsSync(join(FIREFOX_DIST, "manifest.json"))) {
    return { ok: false, reason: `no build in ${FIREFOX_DIST} (run 'npm run build:firefox' first)` };
  }
  return { ok: true };
}

export interface Firefox {
  browser: Browser;
  /** Folder the browser saves downloads into (no prompt). */
  downloads: string;
  /** A WebDriver BiDi command, straight to the browser. */
  bidi<T = Record<string, unknown>>(method: string, params: Record<string, unknown>): Promise<T>;
  /** Privileged JS in the browser window (statements; the last expression's value is returned). */
  inChrome<T = unknown>(expression: string): Promise<T>;
  /** Opens an extension page (`path` under the extension's root) in a new tab. */
  openExtensionPage(path: string): Promise<Page>;
  /** Opens `url` in a new tab and waits for it to load. */
  open(url: string): Promise<Page>;
  /** The real toolbar click, on `page`'s tab (it must be the selected tab: brought to front here). */
  clickAction(page: Page): Promise<void>;
  /** Hides every open panel of the browser window (the popup closes as on a click elsewhere). */
  closePanels(): Promise<void>;
  /** PNG of the open popup (its panel's browser, drawn by the browser window). */
  popupScreenshot(): Promise<Buffer>;
  close(): Promise<void>;
}

export async function launchFirefox(
  options: {
    headless?: boolean /** The browser's environment (default: this process's). */;
    env?: Record<string, string>;
    /** More preferences (e.g. optional permissions granted without a prompt). */
    prefs?: Record<string, unknown>;
  } = {},
): Promise<Firefox> {
  const downloads = mkdtempSync(join(tmpdir(), "folio-firefox-dl-"));
  const browser = await puppeteer.launch({
    browser: "firefox",
    executablePath: FIREFOX_PATH,
    headless: options.headless ?? true,
    // BiDi may then open moz-extension:// tabs and script the browser window.
    args: ["--remote-allow-system-access"],
    ...(options.env ? { env: options.env } : {}),
    // FOLIO_FF_CONSOLE=1: Firefox's own output and every console message of the extension's
    // pages (the event page and the fetch host in its iframe too) on this process's output.
    ...(CONSOLE ? { dumpio: true } : {}),
    extraPrefsFirefox: {
      ...(CONSOLE ? { "devtools.console.stdout.content": true, "devtools.console.stdout.chrome": true } : {}),
      "extensions.webextensions.uuids": JSON.stringify({ [GECKO_ID]: UUID }),
      // <a download> saves straight into `downloads`, as a user's default folder.
      "browser.download.dir": downloads,
      "browser.download.folderList": 2,
      "browser.download.useDownloadDir": true,
      "browser.download.always_ask_before_handling_new_types": false,
      "browser.download.panel.shown": true,
      "browser.download.alwaysOpenPanel": false,
      "browser.download.start_downloads_in_tmp_dir": false,
      ...options.prefs,
    },
  });
  const bidi = <T>(method: string, params: Record<string, unknown>) =>
    (browser as unknown as { connection: { send(m: string, p: unknown): Promise<{ result: T }> } }).connection
      .send(method, params)
      .then((r) => r.result);

  const installed = await browser.installExtension(resolve(FIREFOX_DIST));
  if (installed !== GECKO_ID) throw new Error(`installed ${installed}, expected ${GECKO_ID}`);

  const tree = await bidi<{ contexts: { context: string }[] }>("browsingContext.getTree", {
    "moz:scope": "chrome",
    maxDepth: 0,
  });
  const win = tree.contexts[0]?.context;
  if (!win) throw new Error("no browser window");
  const inChrome = async <T>(expression: string): Promise<T> => {
    const r = await bidi<{
      type: string;
      result?: { value?: T };
      exceptionDetails?: { text: string };
    }>("script.evaluate", {
      expression,
      target: { context: win },
      awaitPromise: true,
      serializationOptions: { maxObjectDepth: 10 },
    });
    if (r.type === "exception") throw new Error(`in the browser window: ${r.exceptionDetails?.text}`);
    return deserialize(r.result) as T;
  };

  const openExtensionPage = async (path: string): Promise<Page> => {
    const page = await browser.newPage();
    const context = (page.mainFrame() as unknown as { _id: string })._id;
    // page.goto() would time out: BiDi sends no load events for moz-extension:// pages.
    await bidi("browsingContext.navigate", { context, url: `${EXT_ORIGIN}/${path}`, wait: "none" });
    await waitFor(
      () =>
        page
          .evaluate(() => location.protocol === "moz-extension:" && document.readyState === "complete")
          .catch(() => false),
      15_000,
      `${path} to load`,
    );
    return page;
  };

  return {
    browser,
    downloads,
    bidi,
    inChrome,
    openExtensionPage,
    open: async (url) => {
      const page = await browser.newPage();
      // Straight through BiDi: puppeteer's goto never sees about: pages load, and Firefox never
      // completes the hostile page's load (its javascript: objects and embeds). So: the parsed
      // document, then its load for a few seconds at most. (page.url() stays about:blank: ask
      // the page for location.href.)
      const context = (page.mainFrame() as unknown as { _id: string })._id;
      await bidi("browsingContext.navigate", { context, url, wait: "interactive" });
      await waitFor(
        () => page.evaluate(() => document.readyState === "complete").catch(() => false),
        5_000,
        "the page to load",
      ).catch(() => undefined);
      return page;
    },
    clickAction: async (page) => {
      await page.bringToFront();
      await inChrome(`(() => {
        const id = ${JSON.stringify(WIDGET_ID)};
        CustomizableUI.addWidgetToArea(id, CustomizableUI.AREA_NAVBAR); // unpinned, it is not in the DOM
        document.getElementById(id).querySelector(".unified-extensions-item-action-button").click();
      })()`);
    },
    closePanels: async () => {
      await inChrome(
        `(() => { for (const p of document.querySelectorAll("panel")) if (p.state === "open" || p.state === "showing") p.hidePopup(); })()`,
      );
    },
    popupScreenshot: async () => {
      const url = await inChrome<string>(`(async () => {
        const panel = [...document.querySelectorAll("panel")].find((p) => p.state === "open" && p.querySelector("browser"));
        if (!panel) throw new Error("no open popup");
        const b = panel.querySelector("browser");
        const bitmap = await b.browsingContext.currentWindowGlobal.drawSnapshot(null, 1, "white");
        const canvas = document.createElementNS("http://www.w3.org/1999/xhtml", "canvas");
        canvas.width = bitmap.width;
        canvas.height = bitmap.height;
        canvas.getContext("2d").drawImage(bitmap, 0, 0);
        return canvas.toDataURL("image/png");
      })()`);
      return Buffer.from(url.slice(url.indexOf(",") + 1), "base64");
    },
    close: async () => {
      await browser.close().catch(() => undefined);
      rmSync(downloads, { recursive: true, force: true });
    },
  };
}

/** The system clipboard's text, read in the browser window (Firefox's headless clipboard too). */
export function clipboardText(ff: Firefox): Promise<string> {
  return ff.inChrome<string>(`(() => {
    const transferable = Cc["@mozilla.org/widget/transferable;1"].createInstance(Ci.nsITransferable);
    transferable.init(null);
    transferable.addDataFlavor("text/plain");
    Services.clipboard.getData(transferable, Ci.nsIClipboard.kGlobalClipboard);
    const data = {};
    transferable.getTransferData("text/plain", data);
    return data.value.QueryInterface(Ci.nsISupportsString).data;
  })()`);
}

/**
 * JS for an extension page (`evaluate` it in another page of the extension): `expression` with
 * `window`, `document`, `location`, `navigator` and `getComputedStyle` bound to the last of
 * `views` (getViews); null when there is none. Eval in the view itself would be refused by the
 * extension's CSP.
 */
export const viewScript = (views: string, expression: string) => `(async () => {
  const views = ${views};
  const window = views[views.length - 1];
  if (!window) return null;
  const { document, location, navigator } = window;
  const getComputedStyle = window.getComputedStyle.bind(window);
  return (${expression});
})()`;

export const POPUP_VIEWS = `browser.extension.getViews({ type: "popup" })`;
/** A real key press (down, up) in the browser window: it reaches the focused popup or tab. */
export async function pressKey(ff: Firefox, key: string, code = key, keyCode = 0): Promise<void> {
  await ff.inChrome(`(() => {
    const tip = Cc["@mozilla.org/text-input-processor;1"].createInstance(Ci.nsITextInputProcessor);
    tip.beginInputTransactionForTests(window);
    const event = new KeyboardEvent("", { key: ${JSON.stringify(key)}, code: ${JSON.stringify(code)}, keyCode: ${keyCode} });
    tip.keydown(event);
    tip.keyup(event);
  })()`);
}

/** A BiDi remote value to plain JS (what `returnByValue` gives in CDP). */
function deserialize(value: unknown): unknown {
  const v = value as { type: string; value?: unknown } | undefined;
  if (!v) return undefined;
  switch (v.type) {
    case "undefined":
    case "null":
      return v.type === "null" ? null : undefined;
    case "string":
    case "boolean":
      return v.value;
    case "number":
      return typeof v.value === "string" ? Number(v.value) : v.value;
    case "array":
      return (v.value as unknown[]).map(deserialize);
    case "object":
      return Object.fromEntries((v.value as [unknown, unknown][]).map(([k, x]) => [k, deserialize(x)]));
    default:
      return v.value;
  }
}

/** Waits for a file to appear in `dir` that is complete (no .part beside it); returns its path. */
export async function downloaded(dir: string, before: Set<string>, timeoutMs = 10_000): Promise<string> {
  // Firefox may write a download under a temporary name and rename it: a file counts once it
  // is still there, at the same size, a moment after it was first seen.
  const size = (path: string) => {
    try {
      return statSync(path).size;
    } catch {
      return -1;
    }
  };
  return waitFor(
    async () => {
      const names = readdirSync(dir);
      if (names.some((n) => n.endsWith(".part"))) return null;
      const fresh = names.find((n) => !before.has(n));
      if (!fresh) return null;
      const path = join(dir, fresh);
      const first = size(path);
      await new Promise((r) => setTimeout(r, 250));
      return first >= 0 && size(path) === first && readdirSync(dir).every((n) => !n.endsWith(".part"))
        ? path
        : null;
    },
    timeoutMs,
    `a download in ${dir}`,
  );
}

export function ensureDir(dir: string): string {
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** The article's image status, read from the `folio-images` database in an extension page. */
export function imageStatus(page: Page, url: string) {
  return page.evaluate(async (article) => {
    const db = await new Promise<IDBDatabase | null>((resolve) => {
      const open = indexedDB.open("folio-images");
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => resolve(null);
    });
    if (!db?.objectStoreNames.contains("status")) return null;
    const status = await new Promise<unknown>((resolve) => {
      const get = db.transaction("status").objectStore("status").get(article);
      get.onsuccess = () => resolve(get.result ?? null);
    });
    db.close();
    return status as { found: number; kept: number; blocked: number; failed: number } | null;
  }, url);
}
