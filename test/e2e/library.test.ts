/**
 * The library in real Chromium: saving from the popup (real toolbar clicks), from the reader tab
 * and from the context menu (its real listener, dispatched in the service worker after a real
 * click granted activeTab), the library page (list, search, site filter, delete with Undo,
 * selection), exports caught as real downloads, a backup imported into a fresh profile, a
 * corrupt backup refused, and a saved article read with the site it came from stopped.
 *
 * The tests run in order and share one browser and its library.
 */
import { readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import type { Download, Page } from "playwright-core";
import { expect, it } from "vitest";
import { CHROME_DIST, closeTarget, launch, waitFor } from "./harness.ts";
import { ARTIFACTS, describeE2E, type Folio, useFolio } from "./suite.ts";

/** The extension API as the service worker sees it (only used inside `worker.evaluate`). */
declare const chrome: import("webextension-polyfill").Browser;

const LIBRARY_PAGE = "src/library-page/index.html";
const CITY = "City library opens its doors at night as a reading room for shift workers";
const HARBOUR = "Harbour town votes to let the sea back in";
const PARKHAUS = "Aus dem Parkhaus wird ein Wohnhaus";

/** Real toolbar click on `path`, then the popup's Save; returns what the popup said. */
async function saveFromPopup(f: Folio, path: string): Promise<{ status: string; saved: string }> {
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
  await f.closePopup(popup);
  await page.close();
  return result;
}

/** Row titles of the library page, top to bottom. */
const titles = (page: Page) => page.locator(".lib-row .lib-title").allTextContents();

async function libraryReady(page: Page): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset.search === "ready");
}

/** Clicks `selector` and returns the download it starts, with its text. */
async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const started: Promise<Download> = page.waitForEvent("download");
  await click();
  const file = await started;
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: await readFile(path) };
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

describeE2E("library (Chromium)", () => {
  const folio = useFolio();
  let library: Page;
  let backup = "";

  it("saves from the popup and from the reader tab, and the popup's Library opens the list", async () => {
    const f = folio();
    expect(await saveFromPopup(f, "article.html")).toEqual({
      status: "Saved to your library",
      saved: "added",
    });

    // The second article: Open in a tab, then Save in the reader tab.
    const page = await f.open("pages/bbc-like.html");
    const { popup } = await f.popupFor(page);
    const readerOpened = f.browser.context.waitForEvent("page", (p) => p.url().includes("/src/reader/"));
    await popup.evaluate(`document.getElementById("folio-open").click()`);
    const reader = await readerOpened;
    await reader.waitForFunction(() => document.documentElement.dataset.state === "ready");
    await reader.getByRole("button", { name: "Save" }).click();
    await reader.waitForFunction(() => document.documentElement.dataset.saved === "added");
    expect(await reader.locator("#folio-status").textContent()).toBe("Saved to your library");
    await reader.close();

    // The popup's Library button opens the library in a tab.
    const again = await f.popupFor(page);
    const libraryOpened = f.browser.context.waitForEvent("page", (p) => p.url().includes(LIBRARY_PAGE));
    await again.popup.evaluate(`document.getElementById("folio-library").click()`);
    library = await libraryOpened;
    await closeTarget(f.browser.cdp, again.popup.targetId);
    await page.close();
    await libraryReady(library);

    expect(await titles(library)).toEqual([HARBOUR, CITY]); // newest first
    expect(await library.locator("#lib-count").textContent()).toBe("2 articles");
    const row = library.locator(".lib-row", { hasText: CITY });
    expect(await row.locator(".lib-site").textContent()).toBe("The Harbour Herald");
    expect(await row.locator(".lib-published").getAttribute("datetime")).toMatch(/^2024-03-14T21:40/);
    expect(await row.locator(".lib-reading").textContent()).toMatch(/^\d+ min read$/);
    expect(await row.locator(".lib-excerpt").textContent()).toMatch(/^The central library will stay open/);

    // Each record keeps its Markdown, made in the page that saved it.
    const records = await storedRecords(library);
    expect(records).toHaveLength(2);
    for (const record of records) {
      expect(record.markdown).toMatch(/^---\ntitle: /);
      expect(record.savedAt).toBeGreaterThan(0);
    }
    await library.screenshot({ path: join(ARTIFACTS, "library.png") });
  });

  it("searches as you type, in any case, and filters by site", async () => {
    const search = library.getByRole("searchbox", { name: "Search your library" });
    await search.focus();
    await library.keyboard.type("KETT");
    await library.waitForFunction(() => document.querySelectorAll(".lib-row").length === 1);
    expect(await titles(library)).toEqual([CITY]);
    expect(await library.locator("#lib-count").textContent()).toBe("1 match of 2");

    await search.fill("sea wall victorian"); // any order
    await library.waitForFunction(() =>
      document.querySelector(".lib-title")?.textContent?.startsWith("Harbour"),
    );
    expect(await titles(library)).toEqual([HARBOUR]);

    await search.fill("nothing-like-this");
    await library.waitForFunction(() => document.querySelectorAll(".lib-row").length === 0);
    expect(await library.locator(".lib-empty").textContent()).toContain("Nothing in your library matches");

    await search.fill("");
    const site = library.locator("#lib-site");
    expect(await site.locator("option").allTextContents()).toEqual([
      "All sites",
      "BBC News (1)",
      "The Harbour Herald (1)",
    ]);
    await site.selectOption("BBC News");
    await library.waitForFunction(() => document.querySelectorAll(".lib-row").length === 1);
    expect(await titles(library)).toEqual([HARBOUR]);
    await site.selectOption("");
    await library.waitForFunction(() => document.querySelectorAll(".lib-row").length === 2);
  });

  it("saving the same page again updates it in place, and the open library follows", async () => {
    const f = folio();
    // Before any click, the popup says the article is already saved.
    const page = await f.open("article.html");
    const { popup } = await f.popupFor(page);
    const known = await waitFor(
      () =>
        popup.evaluate<string | null>(
          `document.documentElement.dataset.inLibrary === "true" ? document.getElementById("folio-save").textContent : null`,
        ),
      10_000,
      "the popup to know the article is saved",
    );
    expect(known).toBe("Saved");
    await f.closePopup(popup);
    await page.close();
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
    await waitFor(
      async () => (await library.locator("#lib-count").textContent()) === "2 articles",
      5_000,
      "count",
    );
    expect(await titles(library)).toEqual([HARBOUR, CITY]);
  });

  it("fits a narrow window: nothing wider than it, long lines cut short", async () => {
    await library.setViewportSize({ width: 700, height: 900 });
    try {
      const widths = await library.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        window: document.documentElement.clientWidth,
        rows: Math.max(
          ...[...document.querySelectorAll(".lib-row")].map((r) => r.getBoundingClientRect().right),
        ),
      }));
      expect(widths.page).toBeLessThanOrEqual(widths.window);
      expect(widths.rows).toBeLessThanOrEqual(widths.window - 24);
    } finally {
      await library.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it("reaches a row's buttons from the keyboard, and keeps the focus on the row it changed", async () => {
    const row = library.locator(".lib-row", { hasText: CITY });
    // The buttons are made when the focus (or the pointer) first comes to the row.
    expect(await row.locator("button[data-action]").count()).toBe(0);
    await row.locator(".lib-open").focus();
    const focusedAction = () =>
      library.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.action ?? null);
    let presses = 0;
    while ((await focusedAction()) !== "read" && presses < 6) {
      await library.keyboard.press("Tab");
      presses++;
    }
    expect(await focusedAction()).toBe("read");
    await library.keyboard.press("Enter");
    await library.waitForFunction(() => document.querySelector(".lib-row.lib-state-read") !== null);
    // The row was made anew (its article changed): the focus is on its button again.
    await library.waitForFunction(() => document.activeElement?.textContent === "Mark unread");
    expect(await focusedAction()).toBe("read");
    await library.keyboard.press("Enter");
    await library.waitForFunction(() => document.querySelector(".lib-row.lib-state-read") === null);
    await library.waitForFunction(() => document.activeElement?.textContent === "Mark read");
  });

  it("deletes with Undo, one row or a selection", async () => {
    const row = library.locator(".lib-row", { hasText: CITY });
    await row.hover();
    await row.getByRole("button", { name: "Delete" }).click();
    await library.waitForFunction(() => document.querySelectorAll(".lib-row").length === 1);
    expect(await library.locator("#lib-toast-text").textContent()).toBe(`Deleted “${CITY}”.`);
    expect(await library.evaluate(() => document.activeElement?.id)).toBe("lib-undo");
    expect(await library.locator("#lib-count").textContent()).toBe("1 article");
    expect(await storedRecords(library)).toHaveLength(1);
    await library.keyboard.press("Enter"); // Undo has the focus
    await library.waitForFunction(() => document.querySelectorAll(".lib-row").length === 2);
    expect(await titles(library)).toEqual([HARBOUR, CITY]);
    expect(await library.locator("#lib-toast").isHidden()).toBe(true);

    // Select both, delete them, undo.
    await library.getByRole("checkbox", { name: CITY }).check();
    await library.getByRole("checkbox", { name: HARBOUR }).check();
    expect(await library.locator("#lib-selected-count").textContent()).toBe("2 selected");
    await library.locator("#lib-delete-selected").click();
    await library.waitForFunction(() => document.documentElement.dataset.state === "empty");
    expect(await library.locator(".lib-empty").textContent()).toContain("Your library is empty");
    expect(await library.locator("#lib-toast-text").textContent()).toBe("Deleted 2 articles.");
    expect(await library.locator("#lib-selection").isHidden()).toBe(true);
    await library.locator("#lib-undo").click();
    await library.waitForFunction(() => document.querySelectorAll(".lib-row").length === 2);
    expect(await titles(library)).toEqual([HARBOUR, CITY]);
    expect(await storedRecords(library)).toHaveLength(2);
  });

  it("a deleted article's highlights go with it and come back with Undo; its Markdown ends with them", async () => {
    const row = library.locator(".lib-row", { hasText: CITY });
    const url = (await row.getAttribute("data-url"))!;
    // A highlight with a note, as the reader tab stores it (its own database).
    const notes = (op: "put" | "count") =>
      library.evaluate(
        async ([u, what]) => {
          const db = await new Promise<IDBDatabase>((resolve, reject) => {
            const r = indexedDB.open("folio-annotations", 1);
            r.onupgradeneeded = () => {
              const store = r.result.createObjectStore("annotations", { keyPath: "id" });
              store.createIndex("byUrl", "url");
              store.createIndex("byUpdated", "updated");
            };
            r.onsuccess = () => resolve(r.result);
            r.onerror = () => reject(r.error);
          });
          const tx = db.transaction("annotations", "readwrite");
          const store = tx.objectStore("annotations");
          const done = new Promise((resolve) => {
            tx.oncomplete = resolve;
          });
          let counted = 0;
          if (what === "put") {
            store.put({
              id: "e2e-1",
              url: u,
              exact: "a kettle and free tea",
              prefix: "",
              suffix: "",
              start: 10,
              end: 31,
              color: "yellow",
              note: "Bring a mug",
              created: 1,
              updated: 1,
            });
          } else {
            counted = await new Promise<number>((resolve) => {
              const q = store.index("byUrl").count(u);
              q.onsuccess = () => resolve(q.result);
            });
          }
          await done;
          db.close();
          return counted;
        },
        [url, op] as const,
      );
    await notes("put");
    await row.hover();
    await row.getByRole("button", { name: "Delete" }).click();
    await library.waitForFunction(() => document.querySelectorAll(".lib-row").length === 1);
    expect(await notes("count")).toBe(0);
    await library.locator("#lib-undo").click();
    await library.waitForFunction(() => document.querySelectorAll(".lib-row").length === 2);
    expect(await notes("count")).toBe(1);
    const md = await download(library, async () => {
      await library.locator(".lib-row", { hasText: CITY }).hover();
      await library.locator(".lib-row", { hasText: CITY }).getByRole("button", { name: "Markdown" }).click();
    });
    const text = md.bytes.toString("utf8");
    expect(text).toContain(`## Highlights: ${CITY}`);
    expect(text).toContain("> a kettle and free tea");
    expect(text).toContain("Bring a mug");
  });

  it("exports one article as Markdown and as standalone HTML, and a selection as a zip", async () => {
    const row = library.locator(".lib-row", { hasText: CITY });
    const md = await download(library, async () => {
      await row.hover();
      await row.getByRole("button", { name: "Markdown" }).click();
    });
    expect(md.name).toMatch(/^\d{4}-\d{2}-\d{2}-city-library-opens-its-doors-at-night.*\.md$/);
    const text = md.bytes.toString("utf8");
    const front = /^---\n([\s\S]*?)\n---\n/.exec(text)?.[1] ?? "";
    expect(front).toContain(`title: "${CITY}"`);
    expect(front).toMatch(/^author: "?Maya Lindqvist/m);
    expect(front).toMatch(/^site: "?The Harbour Herald/m);
    expect(front).toMatch(/^source: "?http:\/\/127\.0\.0\.1:\d+\/article\.html/m);
    expect(front).toMatch(/^published: "?2024-03-14T21:40/m);
    expect(front).toMatch(/^saved: "?\d{4}-\d{2}-\d{2}T/m);
    expect(text).toContain(`# ${CITY}`);
    expect(text).toContain("a kettle and free tea");
    expect(text).not.toMatch(/ADVERTISEMENT/);

    const html = await download(library, async () => {
      await row.hover();
      await row.getByRole("button", { name: "HTML" }).click();
    });
    expect(html.name).toMatch(/\.html$/);
    const page = html.bytes.toString("utf8");
    expect(page).toContain("Content-Security-Policy");
    expect(page).toContain("a kettle and free tea");
    expect(page).not.toMatch(/<script/i);

    await library.getByRole("checkbox", { name: CITY }).check();
    await library.getByRole("checkbox", { name: HARBOUR }).check();
    const zip = await download(library, () => library.locator("#lib-export-selected").click());
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
    expect(mdFiles.map(([, f]) => strFromU8(f).split("\n")[1])).toEqual(
      expect.arrayContaining([`title: "${CITY}"`, `title: "${HARBOUR}"`]),
    );
    await library.locator("#lib-clear-selection").click();
  });

  it("a JSON backup imported into a fresh profile gives the same library; a corrupt one changes nothing", async () => {
    const json = await download(library, () => library.locator("#lib-export-json").click());
    expect(json.name).toMatch(/^folio-library-\d{4}-\d{2}-\d{2}\.json$/);
    backup = json.bytes.toString("utf8");
    const original = JSON.parse(backup);
    expect(original.format).toBe("folio-library");
    expect(original.articles).toHaveLength(2);

    const file = join(tmpdir(), `folio-backup-${process.pid}.json`);
    const corrupt = join(tmpdir(), `folio-corrupt-${process.pid}.json`);
    await writeFile(file, backup);
    const fresh = await launch([CHROME_DIST]);
    try {
      const page = await fresh.context.newPage();
      await page.goto(`chrome-extension://${fresh.ids[0]}/${LIBRARY_PAGE}`);
      await libraryReady(page);
      expect(await page.locator(".lib-empty").textContent()).toContain("Your library is empty");

      await page.locator("#lib-import").setInputFiles(file);
      await page.waitForFunction(() =>
        document.getElementById("lib-info")?.textContent?.startsWith("Imported"),
      );
      // The highlight made on the city article above travelled in the backup too.
      expect(await page.locator("#lib-info").textContent()).toBe(
        "Imported: 2 added, 0 updated, 0 kept (your copy was newer). 1 highlight restored.",
      );
      expect(await titles(page)).toEqual([HARBOUR, CITY]);
      const copy = JSON.parse(
        (await download(page, () => page.locator("#lib-export-json").click())).bytes.toString(),
      );
      expect(copy.articles).toEqual(original.articles);

      // A damaged backup (an article without its URL) and a file that is not JSON: refused.
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
        await page.locator("#lib-import").setInputFiles(corrupt);
        await page.waitForFunction(() => document.getElementById("lib-alert")?.textContent);
        expect(await page.locator("#lib-alert").textContent()).toBe(message);
        expect(await page.getByRole("alert").filter({ hasText: "Nothing was imported" }).count()).toBe(1);
        expect(await titles(page)).toEqual([HARBOUR, CITY]);
        expect(await storedRecords(page)).toHaveLength(2);
        await page.evaluate(() => {
          document.getElementById("lib-alert")!.textContent = "";
        });
      }
    } finally {
      await fresh.close();
    }
  });

  it("Save to Folio (context menu) saves without opening anything and shows a badge", async () => {
    const f = folio();
    const save = async (path: string) => {
      const page = await f.open(path);
      const { popup } = await f.popupFor(page); // the real click grants activeTab, as the menu's does
      await f.closePopup(popup);
      const tabs = f.browser.context.pages().length;
      const badge = await f.worker.evaluate(async (url) => {
        const tab = (await chrome.tabs.query({})).find((t) => t.url === url)!;
        // The background's own listener, as a menu click calls it.
        (chrome.contextMenus.onClicked as unknown as { dispatch(info: object, tab: object): void }).dispatch(
          { menuItemId: "folio-save", pageUrl: url, editable: false },
          tab,
        );
        for (let i = 0; i < 200; i++) {
          const text = await chrome.action.getBadgeText({ tabId: tab.id });
          if (text) return { text, title: await chrome.action.getTitle({ tabId: tab.id }) };
          await new Promise((r) => setTimeout(r, 25));
        }
        return null;
      }, page.url());
      expect(f.browser.context.pages().length).toBe(tabs); // nothing opened
      await page.close();
      return badge;
    };

    const ok = await save("pages/german-news.html");
    expect(ok).toEqual({ text: "✓", title: `Folio: Saved to your library (${PARKHAUS})` });
    // The open library hears of it, and search folds the umlaut: "künftig".
    await waitFor(async () => (await titles(library)).length === 3, 5_000, "the library to refresh");
    expect((await titles(library))[0]).toBe(PARKHAUS);
    await library.getByRole("searchbox", { name: "Search your library" }).fill("KUNFTIG");
    await library.waitForFunction(() => document.querySelectorAll(".lib-row").length === 1);
    expect(await titles(library)).toEqual([PARKHAUS]);
    await library.getByRole("searchbox", { name: "Search your library" }).fill("");
    // Its Markdown was made in the page (the service worker has no DOM).
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
      const api = globalThis.browser ?? globalThis.chrome;
      api.runtime.sendMessage = async () => ({ reply: { ok: false, error: { kind: "quota",
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
    await f.closePopup(popup);
    await page.close();
  });

  it("opens a saved article in the reader from the library, with its site stopped", async () => {
    const f = folio();
    await f.server.close();
    const readerOpened = f.browser.context.waitForEvent("page", (p) => p.url().includes("/src/reader/"));
    await library.getByRole("link", { name: CITY }).click();
    const reader = await readerOpened;
    expect(new URL(reader.url()).searchParams.get("saved")).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/article\.html$/,
    );
    await reader.waitForFunction(() => document.documentElement.dataset.state === "ready");
    expect(await reader.locator(".folio-title").textContent()).toBe(CITY);
    expect(await reader.locator(".folio-body").textContent()).toContain("a kettle and free tea");
    expect(await reader.locator("#folio-save").isHidden()).toBe(true); // it is in the library already
    expect(await reader.locator("#folio-library").isVisible()).toBe(true);
    await reader.close();
  });
});
