/**
 * Drives the built extension in real Chromium: a static server on 127.0.0.1, a fresh profile
 * with the extension(s) loaded, a real toolbar click (CDP `Extensions.triggerAction`, which
 * grants activeTab like a user's click) and a CDP session on the popup page.
 * Shared by the e2e tests, `npm run bench:popup` and `npm start`.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join, normalize, resolve, sep } from "node:path";
import { type BrowserContext, type CDPSession, chromium, type Page } from "playwright-core";

export const ROOT = resolve(import.meta.dirname, "..", "..");
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const CHROME_DIST = join(ROOT, "dist", "chrome");
export const SITE_DIR = join(ROOT, "test", "fixtures", "site");
export const POPUP_PATH = "src/popup/index.html";

/**
 * Whether e2e can run here. Without Chromium or a build, tests are skipped with a printed
 * reason, except under CI, where that is an error: nothing is skipped silently.
 */
export function e2ePrerequisites(): { ok: true } | { ok: false; reason: string } {
  if (!existsSync(CHROMIUM_PATH)) {
    return {
      ok: false,
      reason: `Chromium not found at ${CHROMIUM_PATH} (install the 'chromium' package or set CHROMIUM_PATH)`,
    };
  }
  if (!existsSync(join(CHROME_DIST, "manifest.json"))) {
    return { ok: false, reason: `no build in ${CHROME_DIST} (run 'npm run build' first)` };
  }
  return { ok: true };
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".css": "text/css",
  ".js": "text/javascript",
  ".json": "application/json",
  ".pdf": "application/pdf",
  ".txt": "text/plain; charset=utf-8",
};

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

/** Serves `mounts` (URL prefix -> folder) on 127.0.0.1 with a free port. Read-only, no listing. */
export async function serveStatic(mounts: Record<string, string>): Promise<StaticServer> {
  const entries = Object.entries(mounts).sort(([a], [b]) => b.length - a.length);
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    for (const [prefix, dir] of entries) {
      if (!path.startsWith(prefix)) continue;
      let file = normalize(join(dir, path.slice(prefix.length)));
      if (file !== dir && !file.startsWith(dir + sep)) break;
      try {
        if ((await stat(file)).isDirectory()) file = join(file, "index.html");
        const body = await readFile(file);
        res.writeHead(200, {
          "content-type": TYPES[extname(file)] ?? "application/octet-stream",
          "cache-control": "no-store",
        });
        res.end(body);
        return;
      } catch {
        break;
      }
    }
    res.writeHead(404, { "content-type": "text/plain" }).end("not found");
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((ok) => {
        server.close(() => ok());
        // The browser keeps connections alive: end them, so the server stops now.
        server.closeAllConnections();
      }),
  };
}

/** Chromium's id for an unpacked extension: SHA-256 of its absolute path, hex mapped to a-p. */
export function unpackedExtensionId(dir: string): string {
  const hex = createHash("sha256").update(resolve(dir)).digest("hex").slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + Number.parseInt(c, 16))).join("");
}

export interface Browser {
  context: BrowserContext;
  cdp: CDPSession;
  /** Extension ids, in the order of the directories given. */
  ids: string[];
  close(): Promise<void>;
}

export async function launch(
  extensionDirs: string[],
  options: {
    headless?: boolean /** A profile folder to use and keep (default: a fresh one, deleted on close). */;
    profile?: string;
    /** More command-line switches, and the browser's environment (default: this process's). */
    args?: string[];
    env?: Record<string, string>;
  } = {},
): Promise<Browser> {
  const dirs = extensionDirs.map((d) => resolve(d));
  const profile = options.profile ?? mkdtempSync(join(tmpdir(), "folio-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: options.headless ?? true,
    viewport: options.headless === false ? null : { width: 1280, height: 900 },
    args: [
      `--disable-extensions-except=${dirs.join(",")}`,
      `--load-extension=${dirs.join(",")}`,
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--enable-unsafe-extension-debugging",
      // Headless Chromium's screen is 800x600, which cuts the popup (placed under the toolbar)
      // to about 550x510; a desktop-sized screen gives it the size it has for users (520x600).
      ...(options.headless === false ? [] : ["--screen-info={1600x1200}"]),
      ...(options.args ?? []),
    ],
    ...(options.env ? { env: options.env } : {}),
  });
  const browser = context.browser();
  if (!browser) throw new Error("no browser behind the persistent context");
  const cdp = await browser.newBrowserCDPSession();
  const ids = dirs.map(unpackedExtensionId);
  // Wait until every extension is loaded (its service worker, if it has one, or its target).
  await waitFor(
    async () => {
      const { targetInfos } = await cdp.send("Target.getTargets");
      return (
        ids.every((id) => targetInfos.some((t) => t.url.startsWith(`chrome-extension://${id}/`))) || null
      );
    },
    15_000,
    "the extensions to load",
  ).catch(() => undefined);
  return {
    context,
    cdp,
    ids,
    close: async () => {
      await context.close();
      if (!options.profile) rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function waitFor<T>(
  probe: () => Promise<T | null | undefined>,
  timeoutMs: number,
  what: string,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null && value !== undefined && value !== false) return value;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Clicks the extension's toolbar button on `page`'s tab, as a user would. Returns the epoch ms. */
export async function clickAction(cdp: CDPSession, extensionId: string, page: Page): Promise<number> {
  await page.bringToFront();
  const url = page.url();
  const { targetInfos } = await cdp.send("Target.getTargets", { filter: [{ type: "tab" }] });
  const tab = targetInfos.find((t) => t.url === url);
  if (!tab) throw new Error(`no tab target for ${url}`);
  const at = Date.now();
  await cdp.send("Extensions.triggerAction", { id: extensionId, targetId: tab.targetId });
  return at;
}

/** A CDP session on an extension page target that Playwright does not expose as a Page. */
export interface TargetSession {
  targetId: string;
  url: string;
  send<T = unknown>(method: string, params?: Record<string, unknown>): Promise<T>;
  /** Evaluates `expression` in the page and returns its value (awaiting promises). */
  evaluate<T = unknown>(expression: string): Promise<T>;
  screenshot(path: string): Promise<void>;
  /** Listens to a CDP event of the page (enable its domain first). */
  on(event: string, listener: (params: Record<string, unknown>) => void): void;
  detach(): Promise<void>;
}

export async function findTarget(cdp: CDPSession, urlPrefix: string, timeoutMs = 10_000) {
  return waitFor(
    async () => {
      const { targetInfos } = await cdp.send("Target.getTargets");
      return targetInfos.find((t) => t.type === "page" && t.url.startsWith(urlPrefix)) ?? null;
    },
    timeoutMs,
    `a page at ${urlPrefix}`,
  );
}

export async function attach(cdp: CDPSession, targetId: string, url: string): Promise<TargetSession> {
  const { sessionId } = await cdp.send("Target.attachToTarget", { targetId, flatten: false });
  let next = 1;
  const pending = new Map<number, { ok: (v: unknown) => void; fail: (e: Error) => void }>();
  const listeners = new Map<string, ((params: Record<string, unknown>) => void)[]>();
  const onMessage = (event: { sessionId?: string; message: string }) => {
    if (event.sessionId !== sessionId) return;
    const msg = JSON.parse(event.message) as {
      id?: number;
      method?: string;
      params?: Record<string, unknown>;
      result?: unknown;
      error?: { message: string };
    };
    if (msg.id === undefined) {
      for (const listener of listeners.get(msg.method ?? "") ?? []) listener(msg.params ?? {});
      return;
    }
    const waiter = pending.get(msg.id);
    if (!waiter) return;
    pending.delete(msg.id);
    if (msg.error) waiter.fail(new Error(msg.error.message));
    else waiter.ok(msg.result);
  };
  cdp.on("Target.receivedMessageFromTarget", onMessage);
  const send = <T>(method: string, params: Record<string, unknown> = {}) =>
    new Promise<T>((ok, fail) => {
      const id = next++;
      pending.set(id, { ok: ok as (v: unknown) => void, fail });
      cdp
        .send("Target.sendMessageToTarget", { sessionId, message: JSON.stringify({ id, method, params }) })
        .catch(fail);
    });
  const evaluate = async <T>(expression: string) => {
    const r = await send<{
      result: { value?: T };
      exceptionDetails?: { text: string; exception?: { description?: string } };
    }>("Runtime.evaluate", { expression, returnByValue: true, awaitPromise: true });
    if (r.exceptionDetails) {
      throw new Error(`in page: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
    }
    return r.result.value as T;
  };
  return {
    targetId,
    url,
    send,
    evaluate,
    screenshot: async (path: string) => {
      const { writeFile } = await import("node:fs/promises");
      const { data } = await send<{ data: string }>("Page.captureScreenshot", { format: "png" });
      await writeFile(path, Buffer.from(data, "base64"));
    },
    on: (event, listener) => {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
    },
    detach: async () => {
      cdp.off("Target.receivedMessageFromTarget", onMessage);
      await cdp.send("Target.detachFromTarget", { sessionId }).catch(() => undefined);
    },
  };
}

/** Waits for the extension's popup to open and attaches to it. */
export async function openedPopup(
  cdp: CDPSession,
  extensionId: string,
  path = POPUP_PATH,
): Promise<TargetSession> {
  const target = await findTarget(cdp, `chrome-extension://${extensionId}/${path}`);
  return attach(cdp, target.targetId, target.url);
}

/** Waits until the page's root element leaves the loading state; returns the state. */
export async function settledState(session: TargetSession, timeoutMs = 20_000): Promise<string> {
  return waitFor(
    () =>
      session
        .evaluate<string | null>(
          `(() => { const s = document.documentElement && document.documentElement.dataset.state;
             return document.readyState !== "loading" && s && s !== "loading" ? s : null; })()`,
        )
        .catch(() => null),
    timeoutMs,
    "the popup to leave the loading state",
  );
}

/** Closes the popup (it is a page target; closing it is what a click elsewhere does). */
export async function closeTarget(cdp: CDPSession, targetId: string): Promise<void> {
  await cdp.send("Target.closeTarget", { targetId }).catch(() => undefined);
}
