/**
 * npm start — try Folio on a fresh machine. (`npm start` builds first, then runs this.)
 *
 * Serves the bundled sample pages (test/fixtures/site) on 127.0.0.1, launches Chromium with
 * Folio loaded, opens the sample article and clicks Folio's toolbar button for real.
 * - With a display ($DISPLAY or $WAYLAND_DISPLAY): the browser stays open for you; close it or
 *   press Ctrl+C to stop.
 * - Without one (or with --headless): runs headless, writes a screenshot of the popup and the
 *   article's Markdown (through the popup's own "Copy as Markdown") under out/, prints the paths.
 * CHROMIUM_PATH overrides /usr/bin/chromium.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  CHROME_DIST,
  CHROMIUM_PATH,
  clickAction,
  launch,
  openedPopup,
  ROOT,
  SITE_DIR,
  serveStatic,
  settledState,
  waitFor,
} from "../test/e2e/harness.ts";

const OUT = join(ROOT, "out");
const headless = process.argv.includes("--headless") || !(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

function fail(message: string): never {
  console.error(`npm start: ${message}`);
  process.exit(1);
}

async function main(): Promise<void> {
  if (!existsSync(CHROMIUM_PATH)) {
    fail(
      `Chromium not found at ${CHROMIUM_PATH}. Install it (Debian/Ubuntu: apt-get install chromium) or set CHROMIUM_PATH.`,
    );
  }
  if (!existsSync(join(CHROME_DIST, "manifest.json")))
    fail(`no build in ${CHROME_DIST}: run npm run build:chrome.`);

  const server = await serveStatic({ "/": SITE_DIR });
  const browser = await launch([CHROME_DIST], { headless });
  const id = browser.ids[0];
  const stop = async () => {
    await browser.close().catch(() => undefined);
    await server.close();
  };
  process.once("SIGINT", () => void stop().then(() => process.exit(130)));

  try {
    const page = await browser.context.newPage();
    const articleUrl = `${server.origin}/article.html`;
    await page.goto(articleUrl);
    for (const p of browser.context.pages()) if (p !== page && p.url() === "about:blank") await p.close();
    console.log(`Sample pages: ${server.origin}/ (article.html, not-article.html, hostile.html)`);

    if (!headless) {
      await clickAction(browser.cdp, id, page);
      console.log(
        "Folio is loaded and its popup is open on the sample article.\n" +
          "Click the Folio button (or press Alt+Shift+R) on any page; right-click > Read in Folio opens a reader tab.\n" +
          "Close the browser or press Ctrl+C to stop.",
      );
      await new Promise<void>((done) => browser.context.once("close", () => done()));
      await server.close();
      return;
    }

    await browser.cdp.send("Browser.grantPermissions", {
      origin: `chrome-extension://${id}`,
      permissions: ["clipboardReadWrite", "clipboardSanitizedWrite"],
    });
    await clickAction(browser.cdp, id, page);
    const popup = await openedPopup(browser.cdp, id);
    const state = await settledState(popup);
    if (state !== "ready") fail(`the popup ended in state "${state}" instead of "ready".`);
    await waitFor(
      () => popup.evaluate<boolean>(`document.documentElement.dataset.rendered === "complete"`),
      10_000,
      "the body",
    );
    await popup.evaluate(`document.getElementById("folio-copy").click()`);
    await waitFor(
      () => popup.evaluate<string>(`document.getElementById("folio-status").textContent || null`),
      5_000,
      "Copy as Markdown",
    );
    const markdown = await popup.evaluate<string>(`navigator.clipboard.readText()`);

    mkdirSync(OUT, { recursive: true });
    const screenshot = join(OUT, "popup.png");
    const markdownPath = join(OUT, "article.md");
    await popup.screenshot(screenshot);
    writeFileSync(markdownPath, markdown);
    await popup.detach();
    console.log(`Popup screenshot: ${screenshot}\nArticle Markdown: ${markdownPath}`);
  } finally {
    await stop();
  }
}

await main();
