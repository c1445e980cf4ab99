/**
 * Every importer through the library page's own import control (a real file input, given its
 * file over WebDriver BiDi) in Firefox ESR: Pocket (CSV and HTML), Instapaper, Omnivore (zip),
 * Wallabag and bookmarks, from the sample files in test/fixtures/imports/; each report; links
 * to read shown as such; an article read from an export opened in the reader with the
 * highlights made in Omnivore painted on its words.
 *
 * The tests run in order and share one browser and its library.
 */
import { rmSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ElementHandle, Page } from "puppeteer-core";
import { expect, it } from "vitest";
import { zipDir } from "../unit/library/import/helpers.ts";
import { LIBRARY_PAGE, READER_PAGE, ROOT, waitFor } from "./harness.ts";
import { describeFirefox, useFirefoxFolio } from "./suite.ts";

const FIXTURES = join(ROOT, "test", "fixtures", "imports");

/** Gives `file` to the page's import control; returns the report (or throws the refusal). */
async function importFile(page: Page, file: string): Promise<string> {
  // The control takes a file only when the import before is over (search built again).
  const idle = () =>
    waitFor(
      () =>
        page.evaluate(() => !(document.getElementById("lib-import-button") as HTMLButtonElement).disabled),
      30_000,
      "the import control",
    );
  await idle();
  await page.evaluate(() => {
    document.getElementById("lib-info")!.textContent = "";
    document.getElementById("lib-alert")!.textContent = "";
  });
  const input = (await page.$("#lib-import")) as ElementHandle<HTMLInputElement>;
  await input.uploadFile(file);
  await waitFor(
    () =>
      page.evaluate(
        () =>
          document.getElementById("lib-info")?.textContent?.startsWith("Imported") ||
          document.getElementById("lib-alert")?.textContent,
      ),
    30_000,
    `the import of ${file}`,
  );
  await idle();
  const alert = await page.$eval("#lib-alert", (e) => e.textContent);
  if (alert) throw new Error(alert);
  return page.$eval("#lib-info", (e) => e.textContent ?? "");
}

/** Clicks the headline of the row titled `title`. */
async function openRow(page: Page, title: string): Promise<void> {
  const link = await page.evaluateHandle(
    (t) => [...document.querySelectorAll(".lib-row .lib-open")].find((a) => a.textContent === t) ?? null,
    title,
  );
  const element = link.asElement();
  if (!element) throw new Error(`no row titled ${title}`);
  await (element as ElementHandle<Element>).click();
}

describeFirefox("importing into the library (Firefox)", () => {
  const folio = useFirefoxFolio();
  let library: Page;
  const zip = join(tmpdir(), `folio-firefox-omnivore-${process.pid}.zip`);

  it("imports every format through the import control and reports each", async () => {
    const f = folio();
    library = await f.ff.openExtensionPage(LIBRARY_PAGE);
    await waitFor(
      () => library.evaluate(() => document.documentElement.dataset.search === "ready"),
      15_000,
      "search ready",
    );
    expect(await importFile(library, join(FIXTURES, "pocket.csv"))).toBe(
      "Imported from Pocket export (CSV): 4 added, 0 updated, 0 kept (your copy was newer), 2 skipped.",
    );
    await writeFile(zip, zipDir(join(FIXTURES, "omnivore")));
    const results: Record<string, string> = {};
    try {
      for (const name of ["ril_export.html", "instapaper.csv", "wallabag.json", "bookmarks.html", zip]) {
        results[name] = await importFile(library, name.startsWith("/") ? name : join(FIXTURES, name));
      }
    } finally {
      rmSync(zip, { force: true });
    }
    expect(results["ril_export.html"]).toMatch(
      /^Imported from Pocket export \(HTML\): 2 added, .*1 already there, 1 skipped\.$/,
    );
    expect(results["instapaper.csv"]).toMatch(
      /^Imported from Instapaper export \(CSV\): 1 added, .*3 already there\.$/,
    );
    expect(results["wallabag.json"]).toMatch(/^Imported from Wallabag export \(JSON\): 1 added, 1 updated,/);
    expect(results["bookmarks.html"]).toMatch(
      /^Imported from Browser bookmarks \(HTML\): 0 added, 0 updated, 1 kept/,
    );
    expect(results[zip]).toMatch(
      /^Imported from Omnivore export \(zip\): 1 added, 1 updated,.* 2 highlights imported\.$/,
    );
    expect(await library.$eval("#lib-count", (e) => e.textContent)).toBe("9 articles");
    // A link to read is shown as one.
    const badge = await library.evaluate(
      () =>
        [...document.querySelectorAll(".lib-row")]
          .find((r) => r.querySelector(".lib-title")?.textContent === "Cooking, slowly: a week of braises")
          ?.querySelector(".lib-badge")?.textContent,
    );
    expect(badge).toBe("Link to read");
  });

  it("reads an article imported from Omnivore in the reader, with its highlights painted", async () => {
    const f = folio();
    await library.bringToFront();
    await openRow(library, "The harbour that moved");
    const part = `${READER_PAGE}?saved=`;
    await f.waitForTab(part);
    const reader = f.tab(part);
    await waitFor(
      () => reader.evaluate<boolean>(`document.documentElement.dataset.annotations === "2"`),
      15_000,
      "the imported highlights",
    );
    expect(await reader.evaluate(`document.querySelector(".folio-body").textContent`)).toContain(
      "the boats of Skerholm",
    );
    expect(await reader.evaluate(`document.querySelectorAll(".folio-body script, [onerror]").length`)).toBe(
      0,
    );
    const painted = await reader.evaluate<string[]>(
      `[...(window.CSS.highlights.get("folio-note-yellow") ?? [])].map((r) => r.toString()).sort()`,
    );
    expect(painted).toEqual([
      "The land, still rising after the last ice age, lifted the harbour floor a few millimetres a year",
      "and to let the old one become a pond.The old quay is still there, with its iron rings",
    ]);
    await reader.evaluate(`window.close()`);
  });
});
