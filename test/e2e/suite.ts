/**
 * One browser per test file: `useFolio()` registers beforeAll/afterAll that start the fixture
 * server and Chromium with the built extension. Missing prerequisites skip the file with a
 * printed reason, or fail it under CI (`CI` set): e2e never disappears silently.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page, Worker } from "playwright-core";
import { afterAll, beforeAll, describe } from "vitest";
import {
  type Browser,
  CHROME_DIST,
  clickAction,
  closeTarget,
  e2ePrerequisites,
  launch,
  openedPopup,
  ROOT,
  SITE_DIR,
  type StaticServer,
  serveStatic,
  settledState,
  type TargetSession,
} from "./harness.ts";

export const ARTIFACTS = join(ROOT, "artifacts");

export interface Folio {
  browser: Browser;
  server: StaticServer;
  id: string;
  worker: Worker;
  /** Opens `path` of the fixture site in a new tab. */
  open(path: string): Promise<Page>;
  /** Real toolbar click on `page`; returns the popup once it left the loading state. */
  popupFor(page: Page): Promise<{ popup: TargetSession; state: string }>;
  /** Closes a popup like a click elsewhere would. */
  closePopup(popup: TargetSession): Promise<void>;
}

/** `describe` that runs only where e2e can run, or fails loudly under CI. */
export function describeE2E(name: string, body: () => void): void {
  const pre = e2ePrerequisites();
  if (!pre.ok && !process.env.CI) {
    console.warn(`[e2e] SKIPPED "${name}": ${pre.reason}`);
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

export function useFolio(launchOptions: Parameters<typeof launch>[1] = {}): () => Folio {
  let folio: Folio | undefined;
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    // The site, and the core's fixture pages (test/fixtures/pages) under /pages/.
    const server = await serveStatic({ "/": SITE_DIR, "/pages/": join(ROOT, "test", "fixtures", "pages") });
    const browser = await launch([CHROME_DIST], launchOptions);
    const id = browser.ids[0];
    const worker =
      browser.context.serviceWorkers().find((w) => w.url().includes(id)) ??
      (await browser.context.waitForEvent("serviceworker"));
    folio = {
      browser,
      server,
      id,
      worker,
      open: async (path) => {
        const page = await browser.context.newPage();
        await page.goto(path.includes(":") ? path : `${server.origin}/${path}`);
        return page;
      },
      popupFor: async (page) => {
        await clickAction(browser.cdp, id, page);
        const popup = await openedPopup(browser.cdp, id);
        return { popup, state: await settledState(popup) };
      },
      closePopup: async (popup) => {
        await popup.detach();
        await closeTarget(browser.cdp, popup.targetId);
      },
    };
  });
  afterAll(async () => {
    await folio?.browser.close();
    await folio?.server.close();
  });
  return () => {
    if (!folio) throw new Error("the browser did not start");
    return folio;
  };
}
