/**
 * Images kept offline, in real Firefox ESR: an article saved from the popup (a real toolbar
 * click: activeTab only) keeps its site's images, fetched in the page by the background; the
 * image from another site (another port) stays online and the library says so. With the
 * servers stopped, the reader tab shows the kept images (decoded: naturalWidth > 0) from
 * IndexedDB. The same scenario as test/e2e/images.test.ts.
 */
import { join } from "node:path";
import { expect, it } from "vitest";
import {
  imageStatus,
  LIBRARY_PAGE,
  READER_PAGE,
  SITE_DIR,
  type StaticServer,
  serveStatic,
  waitFor,
} from "./harness.ts";
import { ARTIFACTS, describeFirefox, useFirefoxFolio } from "./suite.ts";

describeFirefox("images kept offline (Firefox)", () => {
  const folio = useFirefoxFolio();
  let cdn: StaticServer;
  let articleUrl = "";

  it("a save keeps the page's own images; another site's stays online, and the library says so", async () => {
    const f = folio();
    cdn = await serveStatic({ "/": SITE_DIR });
    const page = await f.open(`photos.html?cdn=${encodeURIComponent(cdn.origin)}`);
    articleUrl = await page.evaluate(() => location.href);
    const { popup, state } = await f.popupFor(page);
    expect(state).toBe("ready");
    await popup.evaluate(`document.getElementById("folio-save").click()`);
    await waitFor(
      () => popup.evaluate<boolean>(`document.documentElement.dataset.saved === "added"`),
      10_000,
      "the save",
    );
    const status = await waitFor(() => imageStatus(f.helper, articleUrl), 20_000, "the images to be kept");
    expect(status).toMatchObject({ found: 4, kept: 3, blocked: 1, failed: 0 });
    await f.closePopup();
    await page.close();

    const library = await f.ff.openExtensionPage(LIBRARY_PAGE);
    const note = await waitFor(
      () => library.evaluate(() => document.querySelector(".lib-row .lib-images")?.textContent ?? null),
      15_000,
      "the library's note",
    );
    expect(note).toBe("1 image not kept offline: Allow Folio to fetch images");
    await library.close();
  });

  it("with the network gone, the reader shows the kept images", async () => {
    const f = folio();
    await f.server.close();
    await cdn.close();
    const reader = await f.ff.openExtensionPage(`${READER_PAGE}?saved=${encodeURIComponent(articleUrl)}`);
    await reader.setViewport({ width: 1100, height: 900 });
    await waitFor(
      () => reader.evaluate(() => document.documentElement.dataset.rendered === "complete" || null),
      15_000,
      "the saved article",
    );
    const images = await reader.evaluate(async () => {
      const all = [...document.querySelectorAll<HTMLImageElement>(".folio-article img")];
      await Promise.all(all.map((img) => img.decode().catch(() => undefined)));
      return all.map((img) => ({ local: img.src.startsWith("blob:"), width: img.naturalWidth }));
    });
    expect(images).toEqual([
      { local: true, width: 640 },
      { local: true, width: 320 },
      { local: false, width: 0 },
      { local: true, width: expect.any(Number) },
    ]);
    expect(images[3]!.width).toBeGreaterThan(0);
    expect(await reader.evaluate(() => document.querySelector(".folio-images-note span")?.textContent)).toBe(
      "1 image not kept offline: allow Folio to fetch images from other websites to keep it.",
    );
    await reader.screenshot({ path: join(ARTIFACTS, "reader-offline-images.png") });
    await reader.close();
  });
});
