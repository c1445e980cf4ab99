/**
 * The library in real Firefox ESR: saving from the popup (real toolbar clicks), from the reader
 * tab and from the page's real context menu (a right click through BiDi, then Folio's item),
 * the library page (list, search, site filter, delete with Undo, selection), exports caught as
 * real downloads (`<a download>` in a moz-extension: page, saved to the profile's download
 * folder), a backup imported into a fresh profile, a corrupt backup refused, and a saved
 * article read with the site it came from stopped. The same scenarios as
 * test/e2e/library.test.ts; they run in order and share one browser and its library.
 */
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import type { ElementHandle, Page } from "puppeteer-core";
import { expect, it } from "vitest";
import {
  downloaded,
  type Firefox,
  imageStatus,
  LIBRARY_PAGE,
  launchFirefox,
  READER_PAGE,
  waitFor,
} from "./harness.ts";
import { ARTIFACTS, describeFirefox, type FirefoxFolio, useFirefoxFolio } from "./suite.ts";

const CITY = "City library opens its doors at night as a reading room for shift workers";
const HARBOUR = "Harbour town votes to let the sea back in";
const PARKHAUS = "Aus dem Parkhaus wird ein Wohnhaus";

/** Real toolbar click on `path`, then the popup's Save; returns what the popup said. */
async function saveFromPopup(f: FirefoxFolio, path: string): Promise<{ status: string; saved: string }> {
  const page = await f.open(path);
  const { popup, state } = await f.popupFor(page);
  expect(state).toBe("ready");
  await popup.evaluate(`document.getElementById("folio-save").click()`);
  const result = await waitFor(
    () =>
      popup.evaluate<{ status: string; saved: string } | null>(`(() => {
        const saved = document.documentElement.dataset.saved;
        if (!saved || saved === "saving") return null;
        return { status: document.getElementById("folio-status").textContent
          || document.getElementById("folio-notice").textContent, saved };
      })()`),
    10_000,
    "the save to finish",
  );
  // The background keeps the article's images by fetching them in this page: the tab stays
  // open until it has (closed at once, they would be fetched from the extension, which the
  // fixture site does not allow, and later exports would lack them).
  const url = await page.evaluate(() => location.href);
  await waitFor(() => imageStatus(f.helper, url), 20_000, "the images to be kept");
  await f.closePopup();
  await page.close();
  return result;
}

const titles = (page: Page) =>
  page.$$eval(".lib-row .lib-title", (els) => els.map((e) => e.textContent ?? ""));
const text = (page: Page, selector: string) => page.$eval(selector, (e) => e.textContent ?? "");
const rows = (page: Page) => page.$$eval(".lib-row", (els) => els.length);

async function libraryReady(page: Page): Promise<void> {
  await waitFor(
    () => page.evaluate(() => document.documentElement.dataset.search === "ready"),
    15_000,
    "search ready",
  );
}

/** The control of the row whose headline is `title`: a button by its text, or its checkbox. */
async function inRow(page: Page, title: string, control: string): Promise<ElementHandle<Element>> {
  const row = (
    await page.evaluateHandle(
      (t) =>
        [...document.querySelectorAll(".lib-row")].find(
          (r) => r.querySelector(".lib-title")?.textContent === t,
        ) ?? null,
      title,
    )
  ).asElement() as ElementHandle<Element> | null;
  if (!row) throw new Error(`no row of ${title}`);
  // The row's buttons are made when the pointer (or the focus) comes to it, as a reader's would.
  await row.hover();
  const handle = await row.evaluateHandle((r, c) => {
    if (c === "checkbox") return r.querySelector('input[type="checkbox"]');
    return [...r.querySelectorAll("button")].find((b) => b.textContent === c) ?? null;
  }, control);
  const element = handle.asElement();
  if (!element) throw new Error(`no ${control} in the row of ${title}`);
  return element as ElementHandle<Element>;
}

/** Clicks, then returns the file the browser saved (a real download, no prompt). */
async function download(
  ff: Firefox,
  click: () => Promise<unknown>,
): Promise<{ name: string; bytes: Buffer }> {
  const before = new Set(readdirSync(ff.downloads));
  await click();
  const path = await downloaded(ff.downloads, before);
  const bytes = readFileSync(path);
  rmSync(path);
  return { name: basename(path), bytes };
}

/** The stored records, read straight from IndexedDB in an extension page. */
function storedRecords(page: Page) {
  return page.evaluate(
    () =>
      new Promise<{ url: string; title: string; markdown: unknown; savedAt: number; updatedAt: number }[]>(
        (resolve, reject) => {
          const open = indexedDB.open("folio-library");
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const all = db.transaction("articles").objectStore("articles").getAll();
            all.onsuccess = () => {
              db.close();
              resolve(
                all.result.map((a) => ({
                  url: a.url,
                  title: a.title,
                  markdown: a.markdown,
                  savedAt: a.savedAt,
                  updatedAt: a.updatedAt,
                })),
              );
            };
          };
        },
      ),
  );
}

describeFirefox("library (Firefox)", () => {
  const folio = useFirefoxFolio();
  let library: Page;

  it("saves from the popup and from the reader tab, and the popup's Library opens the list", async () => {
    const f = folio();
    expect(await saveFromPopup(f, "article.html")).toEqual({
      status: "Saved to your library",
      saved: "added",
    });

    // The second article: Open in a tab, then Save in the reader tab.
    const page = await f.open("pages/bbc-like.html");
    const { popup } = await f.popupFor(page);
    await popup.evaluate(`document.getElementById("folio-open").click()`);
    const reader = f.tab(await f.waitForTab(READER_PAGE));
    await waitFor(
      () => reader.evaluate<boolean>(`document.documentElement.dataset.state === "ready"`),
      10_000,
      "the reader",
    );
    await reader.evaluate(`document.getElementById("folio-save").click()`);
    await waitFor(
      () => reader.evaluate<boolean>(`document.documentElement.dataset.saved === "added"`),
      10_000,
      "saved",
    );
    expect(await reader.evaluate(`document.getElementById("folio-status").textContent`)).toBe(
      "Saved to your library",
    );
    await reader.evaluate(`window.close()`);

    // The popup's Library button opens the library in a tab.
    const again = await f.popupFor(page);
    await again.popup.evaluate(`document.getElementById("folio-library").click()`);
    const opened = f.tab(await f.waitForTab(LIBRARY_PAGE));
    await waitFor(
      async () => (await f.api<number>(`browser.extension.getViews({ type: "popup" }).length`)) === 0,
      5_000,
      "the popup to close",
    );
    await waitFor(
      () => opened.evaluate<boolean>(`document.querySelectorAll(".lib-row").length === 2`),
      10_000,
      "rows",
    );
    expect(
      await opened.evaluate(
        `[...document.querySelectorAll(".lib-row .lib-title")].map((e) => e.textContent)`,
      ),
    ).toEqual([HARBOUR, CITY]);
    await page.close();

    // From here on, a library page the tests can type and click in for real.
    library = await f.ff.openExtensionPage(LIBRARY_PAGE);
    await libraryReady(library);
    expect(await titles(library)).toEqual([HARBOUR, CITY]); // newest first
    expect(await text(library, "#lib-count")).toBe("2 articles");
    const row = await library.evaluate((t) => {
      const r = [...document.querySelectorAll(".lib-row")].find(
        (x) => x.querySelector(".lib-title")?.textContent === t,
      )!;
      return {
        site: r.querySelector(".lib-site")?.textContent,
        published: r.querySelector(".lib-published")?.getAttribute("datetime"),
        reading: r.querySelector(".lib-reading")?.textContent,
        excerpt: r.querySelector(".lib-excerpt")?.textContent,
      };
    }, CITY);
    expect(row.site).toBe("The Harbour Herald");
    expect(row.published).toMatch(/^2024-03-14T21:40/);
    expect(row.reading).toMatch(/^\d+ min read$/);
    expect(row.excerpt).toMatch(/^The central library will stay open/);

    // Each record keeps its Markdown, made in the page that saved it.
    const records = await storedRecords(library);
    expect(records).toHaveLength(2);
    for (const record of records) {
      expect(record.markdown).toMatch(/^---\ntitle: /);
      expect(record.savedAt).toBeGreaterThan(0);
    }
    // Nothing wider than the window (800 px here): the list's padding is inside its width, and
    // a long excerpt is cut with an ellipsis, not past the window's edge.
    const widths = await library.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      window: document.documentElement.clientWidth,
      rows: Math.max(
        ...[...document.querySelectorAll(".lib-row")].map((r) => r.getBoundingClientRect().right),
      ),
    }));
    expect(widths.page).toBeLessThanOrEqual(widths.window);
    expect(widths.rows).toBeLessThanOrEqual(widths.window - 24);
    await library.screenshot({ path: join(ARTIFACTS, "library.png") });
  });

  it("searches as you type, in any case, and filters by site", async () => {
    await library.bringToFront();
    await library.click("#lib-query");
    await library.keyboard.type("KETT");
    await waitFor(async () => (await rows(library)) === 1, 5_000, "one row");
    expect(await titles(library)).toEqual([CITY]);
    expect(await text(library, "#lib-count")).toBe("1 match of 2");

    const fill = async (value: string) => {
      await library.click("#lib-query", { count: 3 });
      await library.keyboard.press("Backspace");
      if (value) await library.keyboard.type(value);
    };
    await fill("sea wall victorian"); // any order
    await waitFor(async () => (await titles(library))[0]?.startsWith("Harbour"), 5_000, "Harbour");
    expect(await titles(library)).toEqual([HARBOUR]);

    await fill("nothing-like-this");
    await waitFor(async () => (await rows(library)) === 0, 5_000, "no rows");
    expect(await text(library, ".lib-empty")).toContain("Nothing in your library matches");

    await fill("");
    await waitFor(async () => (await rows(library)) === 2, 5_000, "both rows");
    expect(await library.$$eval("#lib-site option", (o) => o.map((x) => x.textContent))).toEqual([
      "All sites",
      "BBC News (1)",
      "The Harbour Herald (1)",
    ]);
    await library.select("#lib-site", "BBC News");
    await waitFor(async () => (await rows(library)) === 1, 5_000, "one row");
    expect(await titles(library)).toEqual([HARBOUR]);
    await library.select("#lib-site", "");
    await waitFor(async () => (await rows(library)) === 2, 5_000, "both rows");
  });

  it("saving the same page again updates it in place, and the open library follows", async () => {
    const f = folio();
    const before = await storedRecords(library);
    expect(await saveFromPopup(f, "article.html")).toEqual({
      status: "Already in your library: updated",
      saved: "updated",
    });
    const after = await storedRecords(library);
    expect(after).toHaveLength(2);
    const was = before.find((r) => r.title === CITY)!;
    const now = after.find((r) => r.title === CITY)!;
    expect(now.savedAt).toBe(was.savedAt);
    expect(now.updatedAt).toBeGreaterThan(was.updatedAt);
    await waitFor(async () => (await text(library, "#lib-count")) === "2 articles", 5_000, "count");
    expect(await titles(library)).toEqual([HARBOUR, CITY]);
  });

  it("deletes with Undo, one row or a selection", async () => {
    await library.bringToFront();
    await (await inRow(library, CITY, "Delete")).click();
    await waitFor(async () => (await rows(library)) === 1, 5_000, "one row");
    expect(await text(library, "#lib-toast-text")).toBe(`Deleted “${CITY}”.`);
    expect(await library.evaluate(() => document.activeElement?.id)).toBe("lib-undo");
    expect(await text(library, "#lib-count")).toBe("1 article");
    expect(await storedRecords(library)).toHaveLength(1);
    await library.keyboard.press("Enter"); // Undo has the focus
    await waitFor(async () => (await rows(library)) === 2, 5_000, "both rows");
    expect(await titles(library)).toEqual([HARBOUR, CITY]);
    expect(await library.$eval("#lib-toast", (e) => (e as HTMLElement).hidden)).toBe(true);

    // Select both, delete them, undo.
    await (await inRow(library, CITY, "checkbox")).click();
    await (await inRow(library, HARBOUR, "checkbox")).click();
    expect(await text(library, "#lib-selected-count")).toBe("2 selected");
    await library.click("#lib-delete-selected");
    await waitFor(
      () => library.evaluate(() => document.documentElement.dataset.state === "empty"),
      5_000,
      "empty",
    );
    expect(await text(library, ".lib-empty")).toContain("Your library is empty");
    expect(await text(library, "#lib-toast-text")).toBe("Deleted 2 articles.");
    expect(await library.$eval("#lib-selection", (e) => (e as HTMLElement).hidden)).toBe(true);
    await library.click("#lib-undo");
    await waitFor(async () => (await rows(library)) === 2, 5_000, "both rows");
    expect(await titles(library)).toEqual([HARBOUR, CITY]);
    expect(await storedRecords(library)).toHaveLength(2);
  });

  it("exports one article as Markdown and as standalone HTML, and a selection as a zip", async () => {
    const f = folio();
    const md = await download(f.ff, async () => (await inRow(library, CITY, "Markdown")).click());
    expect(md.name).toMatch(/^\d{4}-\d{2}-\d{2}-city-library-opens-its-doors-at-night.*\.md$/);
    const markdown = md.bytes.toString("utf8");
    const front = /^---\n([\s\S]*?)\n---\n/.exec(markdown)?.[1] ?? "";
    expect(front).toContain(`title: "${CITY}"`);
    expect(front).toMatch(/^author: "?Maya Lindqvist/m);
    expect(front).toMatch(/^site: "?The Harbour Herald/m);
    expect(front).toMatch(/^source: "?http:\/\/127\.0\.0\.1:\d+\/article\.html/m);
    expect(front).toMatch(/^published: "?2024-03-14T21:40/m);
    expect(front).toMatch(/^saved: "?\d{4}-\d{2}-\d{2}T/m);
    expect(markdown).toContain(`# ${CITY}`);
    expect(markdown).toContain("a kettle and free tea");
    expect(markdown).not.toMatch(/ADVERTISEMENT/);

    const html = await download(f.ff, async () => (await inRow(library, CITY, "HTML")).click());
    expect(html.name).toMatch(/\.html$/);
    const page = html.bytes.toString("utf8");
    expect(page).toContain("Content-Security-Policy");
    expect(page).toContain("a kettle and free tea");
    expect(page).not.toMatch(/<script/i);

    await (await inRow(library, CITY, "checkbox")).click();
    await (await inRow(library, HARBOUR, "checkbox")).click();
    const zip = await download(f.ff, () => library.click("#lib-export-selected"));
    expect(zip.name).toMatch(/^folio-library-\d{4}-\d{2}-\d{2}-selection\.zip$/);
    const files = unzipSync(new Uint8Array(zip.bytes));
    // The two articles, and the images kept offline for them (the city article's lead image).
    const mdFiles = Object.entries(files).filter(([name]) => name.endsWith(".md"));
    expect(mdFiles).toHaveLength(2);
    expect(Object.keys(files).filter((name) => !name.endsWith(".md"))).toEqual(["images/reading-room.svg"]);
    // Made in the zip worker, off the page's main thread: the worker says which global it ran in.
    expect(await library.evaluate(() => document.documentElement.dataset.zipBuiltIn)).toBe(
      "DedicatedWorkerGlobalScope",
    );
    expect(mdFiles.map(([, x]) => strFromU8(x).split("\n")[1])).toEqual(
      expect.arrayContaining([`title: "${CITY}"`, `title: "${HARBOUR}"`]),
    );
    await library.click("#lib-clear-selection");
  });

  it("a JSON backup imported into a fresh profile gives the same library; a corrupt one changes nothing", async () => {
    const f = folio();
    const json = await download(f.ff, () => library.click("#lib-export-json"));
    expect(json.name).toMatch(/^folio-library-\d{4}-\d{2}-\d{2}\.json$/);
    const backup = json.bytes.toString("utf8");
    const original = JSON.parse(backup);
    expect(original.format).toBe("folio-library");
    expect(original.articles).toHaveLength(2);

    const file = join(tmpdir(), `folio-firefox-backup-${process.pid}.json`);
    const corrupt = join(tmpdir(), `folio-firefox-corrupt-${process.pid}.json`);
    await writeFile(file, backup);
    const fresh = await launchFirefox();
    try {
      const page = await fresh.openExtensionPage(LIBRARY_PAGE);
      await libraryReady(page);
      expect(await text(page, ".lib-empty")).toContain("Your library is empty");

      const input = (await page.$("#lib-import")) as ElementHandle<HTMLInputElement>;
      await input.uploadFile(file);
      await waitFor(
        () => page.evaluate(() => document.getElementById("lib-info")?.textContent?.startsWith("Imported")),
        10_000,
        "the import",
      );
      expect(await text(page, "#lib-info")).toBe(
        "Imported: 2 added, 0 updated, 0 kept (your copy was newer).",
      );
      await waitFor(async () => (await rows(page)) === 2, 5_000, "both rows");
      expect(await titles(page)).toEqual([HARBOUR, CITY]);
      const copy = JSON.parse((await download(fresh, () => page.click("#lib-export-json"))).bytes.toString());
      expect(copy.articles).toEqual(original.articles);

      const broken = structuredClone(original);
      delete broken.articles[1].url;
      for (const [content, message] of [
        [JSON.stringify(broken), "Nothing was imported. Article 2: url is missing."],
        [
          '{"format": "folio-library", "articles": [ cut short',
          "Nothing was imported. This is not a Folio backup: the file is not JSON.",
        ],
      ]) {
        await writeFile(corrupt, content);
        await input.uploadFile(corrupt);
        await waitFor(
          () => page.evaluate(() => document.getElementById("lib-alert")?.textContent),
          10_000,
          "the refusal",
        );
        expect(await text(page, "#lib-alert")).toBe(message);
        expect(await page.$eval("#lib-alert", (e) => e.getAttribute("role"))).toBe("alert");
        expect(await titles(page)).toEqual([HARBOUR, CITY]);
        expect(await storedRecords(page)).toHaveLength(2);
        await page.evaluate(() => {
          document.getElementById("lib-alert")!.textContent = "";
        });
      }
    } finally {
      await fresh.close();
      rmSync(file, { force: true });
      rmSync(corrupt, { force: true });
    }
  });

  it("Save to Folio (the real context menu) saves without opening anything and shows a badge", async () => {
    const f = folio();
    const save = async (path: string) => {
      const page = await f.open(path);
      const url = await page.evaluate(() => location.href);
      await page.bringToFront();
      const tabCount = () => f.api<number>(`browser.tabs.query({}).then((t) => t.length)`);
      const tabs = await tabCount();
      // A right click in the page opens the browser's context menu; then Folio's item.
      await f.ff.inChrome(`(() => {
        const menu = document.getElementById("contentAreaContextMenu");
        window.__folioMenuShown = new Promise((shown) => menu.addEventListener("popupshown", shown, { once: true }));
      })()`);
      await page.mouse.click(200, 200, { button: "right" });
      await f.ff.inChrome(`(async () => {
        const menu = document.getElementById("contentAreaContextMenu");
        await window.__folioMenuShown;
        const item = document.getElementById("folio_example_org-menuitem-_folio-save");
        if (!item || item.label !== "Save to Folio") throw new Error("no Save to Folio in the context menu");
        item.click();
        menu.hidePopup();
      })()`);
      const badge = await waitFor(
        () =>
          f.api<{ text: string; title: string } | null>(`(async () => {
            const tab = (await browser.tabs.query({})).find((t) => t.url === ${JSON.stringify(url)});
            if (!tab) return null;
            const text = await browser.action.getBadgeText({ tabId: tab.id });
            return text ? { text, title: await browser.action.getTitle({ tabId: tab.id }) } : null;
          })()`),
        10_000,
        "the badge",
      );
      expect(await tabCount()).toBe(tabs); // nothing opened
      await page.close();
      return badge;
    };

    const ok = await save("pages/german-news.html");
    expect(ok).toEqual({ text: "✓", title: `Folio: Saved to your library (${PARKHAUS})` });
    // The open library hears of it, and search folds the umlaut: "künftig".
    await waitFor(async () => (await titles(library)).length === 3, 5_000, "the library to refresh");
    expect((await titles(library))[0]).toBe(PARKHAUS);
    await library.bringToFront();
    await library.click("#lib-query");
    await library.keyboard.type("KUNFTIG");
    await waitFor(async () => (await rows(library)) === 1, 5_000, "one row");
    expect(await titles(library)).toEqual([PARKHAUS]);
    await library.click("#lib-query", { count: 3 });
    await library.keyboard.press("Backspace");
    await waitFor(async () => (await rows(library)) === 3, 5_000, "all rows");
    // Its Markdown was made in the page (the background asked the content script for it).
    const record = (await storedRecords(library)).find((r) => r.title === PARKHAUS)!;
    expect(record.markdown).toMatch(/^---\ntitle: "Aus dem Parkhaus/);
    expect(record.markdown).toContain("künftig");
    expect(record.markdown).not.toContain("verblüfft"); // the ad's words went with the ad

    const refused = await save("not-article.html");
    expect(refused?.text).toBe("!");
    expect(refused?.title).toMatch(/^Folio could not save this page\. This doesn't look like an article\./);
    expect(await storedRecords(library)).toHaveLength(3);
  });

  it("tells the reader when a save fails, instead of a blank state", async () => {
    const f = folio();
    const page = await f.open("article.html");
    const { popup } = await f.popupFor(page);
    // The background answers as it does when the disk is full (a reply travels in an envelope,
    // platform/messages.ts).
    await popup.evaluate(`(() => {
      window.browser.runtime.sendMessage = async () => ({ reply: { ok: false, error: { kind: "quota",
        message: "Could not save the article: the browser has no more storage space for Folio. Nothing was changed." } } });
      document.getElementById("folio-save").click();
    })()`);
    const shown = await waitFor(
      () =>
        popup.evaluate<{ notice: string; role: string | null; state: string } | null>(`(() => {
          const n = document.getElementById("folio-notice");
          return n.textContent ? { notice: n.textContent, role: n.getAttribute("role"),
            state: document.documentElement.dataset.state } : null; })()`),
      5_000,
      "the failure notice",
    );
    expect(shown).toEqual({
      notice:
        "Could not save the article: the browser has no more storage space for Folio. Nothing was changed.",
      role: "alert",
      state: "ready", // the article stays on screen
    });
    expect(await storedRecords(library)).toHaveLength(3);
    await f.closePopup();
    await page.close();
  });

  it("opens a saved article in the reader from the library, with its site stopped", async () => {
    const f = folio();
    await f.server.close();
    await library.bringToFront();
    const link = await library.evaluateHandle(
      (t) => [...document.querySelectorAll(".lib-row a")].find((a) => a.textContent === t) ?? null,
      CITY,
    );
    await (link.asElement() as ElementHandle<Element>).click();
    const url = await f.waitForTab(`${READER_PAGE}?saved=`);
    expect(new URL(url).searchParams.get("saved")).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/article\.html$/);
    const reader = f.tab(`${READER_PAGE}?saved=`);
    await waitFor(
      () => reader.evaluate<boolean>(`document.documentElement.dataset.state === "ready"`),
      10_000,
      "the reader",
    );
    expect(await reader.evaluate(`document.querySelector(".folio-title").textContent`)).toBe(CITY);
    expect(await reader.evaluate(`document.querySelector(".folio-body").textContent`)).toContain(
      "a kettle and free tea",
    );
    expect(await reader.evaluate(`document.getElementById("folio-save").hidden`)).toBe(true); // in the library already
    expect(await reader.evaluate(`!document.getElementById("folio-library").hidden`)).toBe(true);
    await reader.evaluate(`window.close()`);
  });
});
