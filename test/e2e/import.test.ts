/**
 * Every importer through the library page's own import control (a real file input) in
 * Chromium: Pocket (CSV and HTML), Instapaper, Omnivore (zip), Wallabag and bookmarks, each
 * from the sample files in test/fixtures/imports/; the report, dismissed; links to read shown as
 * such; an article read from an export opened in the reader; tags, state, favourite, sort and
 * search hits on the page; a screenshot of the page with about forty entries.
 *
 * The tests run in order and share one browser and its library.
 */
import { readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync } from "fflate";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { zipDir } from "../unit/library/import/helpers.ts";
import { ROOT, waitFor } from "./harness.ts";
import { ARTIFACTS, describeE2E, useFolio } from "./suite.ts";

const LIBRARY_PAGE = "src/library-page/index.html";
const FIXTURES = join(ROOT, "test", "fixtures", "imports");

async function importFile(page: Page, file: string): Promise<string> {
  await page.evaluate(() => {
    document.getElementById("lib-info")!.textContent = "";
    document.getElementById("lib-alert")!.textContent = "";
  });
  await page.locator("#lib-import").setInputFiles(file);
  await page.waitForFunction(
    () =>
      document.getElementById("lib-info")?.textContent?.startsWith("Imported") ||
      document.getElementById("lib-alert")?.textContent,
    undefined,
    { timeout: 30_000 },
  );
  await page.waitForFunction(() => document.documentElement.dataset.search === "ready");
  const alert = await page.locator("#lib-alert").textContent();
  if (alert) throw new Error(alert);
  return (await page.locator("#lib-info").textContent()) ?? "";
}

const rowOf = (page: Page, title: string) => page.locator(".lib-row", { hasText: title });

describeE2E("importing into the library (Chromium)", () => {
  const folio = useFolio();
  let library: Page;

  it("imports every format through the import control and reports each", async () => {
    const f = folio();
    library = await f.browser.context.newPage();
    await library.setViewportSize({ width: 1280, height: 900 });
    await library.goto(`chrome-extension://${f.id}/${LIBRARY_PAGE}`);
    await library.waitForFunction(() => document.documentElement.dataset.search === "ready");

    expect(await importFile(library, join(FIXTURES, "pocket.csv"))).toBe(
      "Imported from Pocket export (CSV): 4 added, 0 updated, 0 kept (your copy was newer), 2 skipped.",
    );
    // The details name each skipped row and why.
    await library.locator("#lib-report summary").click();
    expect(await library.locator("#lib-report-list li").allTextContents()).toEqual([
      "Skipped line 5: only http and https addresses are kept (this one is javascript:).",
      "Skipped line 8: no address.",
    ]);
    // Dismissed, the report goes.
    await library.getByRole("button", { name: "Dismiss this message" }).last().click();
    expect(await library.locator("#lib-info-box").isHidden()).toBe(true);

    const results: Record<string, string> = {};
    const zip = join(tmpdir(), `folio-omnivore-${process.pid}.zip`);
    await writeFile(zip, zipDir(join(FIXTURES, "omnivore")));
    for (const name of ["ril_export.html", "instapaper.csv", "wallabag.json", "bookmarks.html", zip]) {
      results[name] = await importFile(library, name.startsWith("/") ? name : join(FIXTURES, name));
    }
    expect(results["ril_export.html"]).toMatch(
      /^Imported from Pocket export \(HTML\): 2 added, .*1 already there, 1 skipped\.$/,
    );
    expect(results["instapaper.csv"]).toMatch(
      /^Imported from Instapaper export \(CSV\): 1 added, .*3 already there\.$/,
    );
    expect(results["wallabag.json"]).toMatch(/^Imported from Wallabag export \(JSON\): 1 added, 1 updated,/);
    // The bookmarked octopus is a link: the article read from Wallabag is kept.
    expect(results["bookmarks.html"]).toMatch(
      /^Imported from Browser bookmarks \(HTML\): 0 added, 0 updated, 1 kept/,
    );
    expect(results[zip]).toMatch(/^Imported from Omnivore export \(zip\): 1 added, 1 updated,/);
    // Omnivore's highlights come too: two of its three are in the article's text.
    expect(results[zip]).toMatch(/ 2 highlights imported\.$/);
    expect(await library.locator("#lib-count").textContent()).toBe("9 articles");
  });

  it("shows links to read as links, and reads an imported article in the reader", async () => {
    const link = rowOf(library, "Cooking, slowly: a week of braises").first();
    expect(await link.locator(".lib-badge").first().textContent()).toBe("Link to read");
    expect(await link.locator(".lib-open").getAttribute("href")).toMatch(/^https:\/\/food\.example\/braises/);

    const octopus = rowOf(library, "Do octopuses dream?");
    expect(await octopus.locator(".lib-reading").textContent()).toMatch(/min read$/);
    const [reader] = await Promise.all([
      library.context().waitForEvent("page"),
      octopus.locator(".lib-open").click(),
    ]);
    await reader.waitForFunction(() => document.documentElement.dataset.state === "ready", undefined, {
      timeout: 20_000,
    });
    expect(await reader.locator("body").textContent()).toContain("In a basement laboratory in Naples");
    expect(await reader.locator(".folio-body script, [onerror]").count()).toBe(0);
    await reader.close();

    // The article from Omnivore opens with the highlights made there, painted on its words.
    const [harbour] = await Promise.all([
      library.context().waitForEvent("page"),
      rowOf(library, "The harbour that moved").locator(".lib-open").click(),
    ]);
    await harbour.waitForFunction(() => document.documentElement.dataset.annotations === "2", undefined, {
      timeout: 20_000,
    });
    const painted = await harbour.evaluate(() =>
      [
        ...((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get("folio-note-yellow") ??
          []),
      ]
        .map((r) => r.toString())
        .sort(),
    );
    expect(painted).toEqual([
      "The land, still rising after the last ice age, lifted the harbour floor a few millimetres a year",
      "and to let the old one become a pond.The old quay is still there, with its iron rings",
    ]);
    await harbour.close();

    // The whole library as Markdown: the two articles; the seven links to read are left out.
    const download = library.waitForEvent("download");
    await library.locator("#lib-export-zip").click();
    const zip = unzipSync(new Uint8Array(await readFile((await (await download).path())!)));
    expect(Object.keys(zip).sort()).toEqual([
      "2023-08-10-the-harbour-that-moved.md",
      "2024-05-30-do-octopuses-dream-a-lab-in-naples-thinks-so.md",
    ]);
    expect(await library.locator("#lib-info").textContent()).toBe(
      "Exported 2 articles as Markdown files in one .zip. 7 links to read, with no text yet, left out.",
    );
  });

  it("filters by tag and state, sorts, marks search hits, and changes tags, state and favourite", async () => {
    await library.locator("#lib-tag").selectOption("transport");
    await library.waitForFunction(() => document.querySelectorAll(".lib-row").length === 1);
    await library.locator("#lib-tag").selectOption("");
    await library.locator("#lib-state").selectOption("favourite");
    await library.waitForFunction(() => document.querySelectorAll(".lib-row").length === 1);
    expect(await library.locator(".lib-row .lib-title").textContent()).toContain("Do octopuses dream?");
    await library.locator("#lib-state").selectOption("");

    await library.locator("#lib-sort").selectOption("title");
    await waitFor(
      async () =>
        ((await library.locator(".lib-row .lib-title").first().textContent()) || "").startsWith("=cmd"),
      10_000,
      "title order",
    );
    await library.locator("#lib-sort").selectOption("saved");

    await library.getByRole("searchbox", { name: "Search your library" }).fill("octop");
    await library.waitForFunction(() => document.querySelectorAll(".lib-row").length === 1);
    expect(await library.locator(".lib-row mark.lib-hit").first().textContent()).toBe("octopuses");

    const row = rowOf(library, "Do octopuses dream?");
    await row.hover();
    await row.getByRole("button", { name: "Tag…" }).click();
    await row.getByRole("textbox").fill("to share, weekend");
    await row.getByRole("textbox").press("Enter");
    await library.waitForFunction(() => document.querySelectorAll(".lib-row .lib-chip").length === 4);
    expect(await rowOf(library, "Do octopuses dream?").locator(".lib-chip").allTextContents()).toEqual([
      "science",
      "oceans",
      "to share",
      "weekend",
    ]);
    await rowOf(library, "Do octopuses dream?").getByRole("button", { name: "Remove tag oceans" }).click();
    await library.waitForFunction(() => document.querySelectorAll(".lib-row .lib-chip").length === 3);
    await rowOf(library, "Do octopuses dream?").hover();
    await rowOf(library, "Do octopuses dream?").getByRole("button", { name: "Mark read" }).click();
    await library.waitForFunction(() => document.querySelector(".lib-row.lib-state-read") !== null);
    await rowOf(library, "Do octopuses dream?").hover();
    await rowOf(library, "Do octopuses dream?").getByRole("button", { name: "Favourite" }).click();
    await library.waitForFunction(
      () => document.querySelector('.lib-favourite[aria-pressed="false"]') !== null,
    );
    await library.getByRole("searchbox", { name: "Search your library" }).fill("");
    await library.waitForFunction(() => document.querySelectorAll(".lib-row").length === 9);
  });

  it("renames a tag across the library, merging it into one of the new name; other pages follow", async () => {
    const other = await library.context().newPage();
    await other.goto(library.url());
    await other.waitForFunction(() => document.documentElement.dataset.search === "ready");
    const rename = library.getByRole("button", { name: "Rename tag…" });
    expect(await rename.isHidden()).toBe(true); // no tag chosen
    await library.locator("#lib-tag").selectOption("weekend");
    await library.waitForFunction(() => document.querySelectorAll(".lib-row").length === 1);
    // The filters and the button stay on one line (the search box gives way).
    const controlsTop = () =>
      library.$$eval(".lib-controls > *", (els) => {
        const shown = els.filter((e) => e.getClientRects().length > 0);
        const tops = shown.map((e) => e.getBoundingClientRect().top);
        return Math.max(...tops) - Math.min(...tops);
      });
    expect(await controlsTop()).toBeLessThan(12);
    await rename.click();
    const field = library.getByRole("textbox", { name: /^New name for the tag “weekend”/ });
    expect(await field.inputValue()).toBe("weekend");
    // No name: refused, said, and the field stays for another try.
    await field.fill("   ");
    await field.press("Enter");
    await library.waitForFunction(() => document.getElementById("lib-alert")?.textContent);
    expect(await library.locator("#lib-alert").textContent()).toMatch(/^A tag needs a name/);
    expect(await field.isVisible()).toBe(true);
    expect(await controlsTop()).toBeLessThan(12);
    await library.screenshot({ path: join(ARTIFACTS, "library-tag-rename.png") });
    // "Science": the octopus article has "science" already; the two become one.
    await field.fill("Science");
    await field.press("Enter");
    await library.waitForFunction(() =>
      document.getElementById("lib-info")?.textContent?.startsWith("Renamed"),
    );
    expect(await library.locator("#lib-info").textContent()).toBe(
      "Renamed the tag “weekend” to “Science” on 1 article.",
    );
    expect(await library.locator("#lib-alert").textContent()).toBe("");
    expect(await library.locator("#lib-tag").inputValue()).toBe("science");
    expect(await rowOf(library, "Do octopuses dream?").locator(".lib-chip").allTextContents()).toEqual([
      "science",
      "to share",
    ]);
    const tags = (page: Page) =>
      page.locator("#lib-tag option").evaluateAll((options) => options.map((o) => o.textContent));
    expect(await tags(library)).not.toContain("weekend (1)");
    // The other open library page was told, and lists the tags as they are now.
    await waitFor(async () => !(await tags(other)).includes("weekend (1)"), 10_000, "the other page's tags");
    expect(await tags(other)).toEqual(await tags(library));
    await other.close();
    await library.getByRole("button", { name: "Dismiss this message" }).last().click();
    await library.locator("#lib-tag").selectOption("");
    await library.waitForFunction(() => document.querySelectorAll(".lib-row").length === 9);
    expect(await rename.isHidden()).toBe(true);
  });

  it("shows at least ten compact rows on a 900 px tall window", async () => {
    // Thirty more links to read, from a generated Pocket file.
    const lines = ["title,url,time_added,tags,status"];
    for (let i = 0; i < 30; i++) {
      lines.push(
        `"Generated story number ${i}, about the harbour",https://gen.example/${i},${1700000000 + i * 3600},gen,unread`,
      );
    }
    const file = join(tmpdir(), `folio-generated-${process.pid}.csv`);
    await writeFile(file, lines.join("\n"));
    await importFile(library, file);
    await library.getByRole("button", { name: "Dismiss this message" }).last().click();
    await library.evaluate(() => window.scrollTo(0, 0));
    const visible = await library.evaluate(
      () =>
        [...document.querySelectorAll(".lib-row")].filter(
          (row) => row.getBoundingClientRect().bottom <= window.innerHeight,
        ).length,
    );
    // The row's buttons, shown on hover, end the excerpt's line: the excerpt is cut before them.
    const octopus = rowOf(library, "Do octopuses dream?");
    await octopus.hover();
    const boxes = await octopus.evaluate((row) => {
      const right = (s: string) => row.querySelector(s)!.getBoundingClientRect();
      return { excerpt: right(".lib-excerpt"), actions: right(".lib-actions"), meta: right(".lib-meta") };
    });
    expect(boxes.actions.width).toBeGreaterThan(0);
    expect(boxes.excerpt.right).toBeLessThanOrEqual(boxes.actions.left);
    expect(boxes.actions.top).toBeGreaterThanOrEqual(boxes.meta.bottom - 1);
    await library.screenshot({ path: join(ARTIFACTS, "library-imported.png") });
    expect(visible).toBeGreaterThanOrEqual(10);
  });
});
