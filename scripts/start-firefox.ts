/**
 * npm run start:firefox — try Folio in Firefox. (The npm script makes sure firefox-esr is there,
 * builds dist/firefox, then runs this in a loopback-only network namespace: scripts/loopback.sh.)
 *
 * Serves the bundled sample pages (test/fixtures/site) on 127.0.0.1, starts Firefox ESR with
 * Folio installed as a temporary add-on, opens the sample article and clicks Folio's toolbar
 * button for real.
 * - With a display ($DISPLAY or $WAYLAND_DISPLAY): Firefox stays open for you; close it or press
 *   Ctrl+C to stop.
 * - Without one (or with --headless): runs headless, writes a screenshot of the popup and the
 *   article's Markdown (through the popup's own "Copy as Markdown") under out/, prints the paths.
 * FIREFOX_PATH overrides /usr/bin/firefox-esr.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  clipboardText,
  FIREFOX_DIST,
  FIREFOX_PATH,
  LIBRARY_PAGE,
  launchFirefox,
  POPUP_VIEWS,
  pressKey,
  ROOT,
  SITE_DIR,
  serveStatic,
  viewScript,
  waitFor,
} from "../test/e2e-firefox/harness.ts";

const OUT = join(ROOT, "out");
const headless = process.argv.includes("--headless") || !(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

function fail(message: string): never {
  console.error(`npm run start:firefox: ${message}`);
  process.exit(1);
}

async function main(): Promise<void> {
  if (!existsSync(FIREFOX_PATH)) {
    fail(
      `Firefox not found at ${FIREFOX_PATH}. Install it (Debian/Ubuntu: apt-get install firefox-esr) or set FIREFOX_PATH.`,
    );
  }
  if (!existsSync(join(FIREFOX_DIST, "manifest.json")))
    fail(`no build in ${FIREFOX_DIST}: run npm run build:firefox.`);

  const server = await serveStatic({ "/": SITE_DIR });
  const ff = await launchFirefox({ headless });
  const stop = async () => {
    await ff.close();
    await server.close();
  };
  process.once("SIGINT", () => void stop().then(() => process.exit(130)));

  try {
    const [blank] = await ff.browser.pages();
    const page = await ff.open(`${server.origin}/article.html`);
    if (blank && blank !== page) await blank.close();
    console.log(`Sample pages: ${server.origin}/ (article.html, not-article.html, hostile.html)`);

    if (!headless) {
      await ff.clickAction(page);
      console.log(
        "Folio is installed (temporarily) and its popup is open on the sample article.\n" +
          "Click the Folio button (or press Alt+Shift+R) on any page; right-click > Read in Folio opens a reader tab.\n" +
          "Firefox runs without network access here (only the sample pages on 127.0.0.1).\n" +
          "Close Firefox or press Ctrl+C to stop.",
      );
      await new Promise<void>((done) => ff.browser.once("disconnected", () => done()));
      await stop();
      return;
    }

    // A page of the extension, in the background: the popup is read through it.
    const helper = await ff.openExtensionPage(LIBRARY_PAGE);
    const inPopup = <T>(expression: string) =>
      helper.evaluate(viewScript(POPUP_VIEWS, expression)) as Promise<T>;
    await ff.clickAction(page);
    const state = await waitFor(
      () =>
        inPopup<string | null>(
          `(() => { const s = document.documentElement.dataset.state; return s !== "loading" && s; })()`,
        ),
      20_000,
      "the popup",
    );
    if (state !== "ready") fail(`the popup ended in state "${state}" instead of "ready".`);
    await waitFor(
      () => inPopup<boolean>(`document.documentElement.dataset.rendered === "complete"`),
      10_000,
      "the body",
    );
    await waitFor(
      () => inPopup<boolean>(`[...document.querySelectorAll("main img")].every((i) => i.complete)`),
      10_000,
      "the images",
    ).catch(() => undefined);
    const screenshot = await ff.popupScreenshot();

    // Copy as Markdown with a real key press (Firefox's clipboard wants a user's gesture).
    for (
      let i = 0;
      i < 8 &&
      !(await inPopup<boolean>(`document.hasFocus() && document.activeElement.localName === "button"`));
      i++
    ) {
      await pressKey(ff, "Tab", "Tab", 9);
      await new Promise((r) => setTimeout(r, 50));
    }
    await inPopup(`document.getElementById("folio-copy").focus()`);
    await pressKey(ff, "Enter", "Enter", 13);
    const status = await waitFor(
      () => inPopup<string>(`document.getElementById("folio-status").textContent || null`),
      5_000,
      "Copy as Markdown",
    );
    if (status !== "Copied as Markdown") fail(`Copy as Markdown said "${status}".`);
    const markdown = await clipboardText(ff);

    mkdirSync(OUT, { recursive: true });
    const screenshotPath = join(OUT, "popup-firefox.png");
    const markdownPath = join(OUT, "article-firefox.md");
    writeFileSync(screenshotPath, screenshot);
    writeFileSync(markdownPath, markdown);
    console.log(`Popup screenshot: ${screenshotPath}\nArticle Markdown: ${markdownPath}`);
  } finally {
    await stop();
  }
}

await main();
