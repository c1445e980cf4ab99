#!/usr/bin/env node
/**
 * Renders icons/folio.svg to icons/icon-{16,32,48,128}.png with headless Chromium
 * (playwright-core, the browser the e2e tests use). Run it after editing the SVG and commit
 * the PNGs: the build only copies them. `CHROMIUM_PATH` overrides /usr/bin/chromium.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";

const dir = join(import.meta.dirname, "..", "icons");
const svg = readFileSync(join(dir, "folio.svg"), "utf8");
const sizes = [16, 32, 48, 128];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu"],
});
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
  for (const size of sizes) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}img{display:block}</style><img src="${src}" width="${size}" height="${size}">`,
    );
    await page.locator("img").evaluate((img) => img.decode());
    const png = await page.screenshot({
      omitBackground: true,
      clip: { x: 0, y: 0, width: size, height: size },
    });
    const out = join(dir, `icon-${size}.png`);
    writeFileSync(out, png);
    console.log(`${out} (${png.length} bytes)`);
  }
} finally {
  await browser.close();
}
