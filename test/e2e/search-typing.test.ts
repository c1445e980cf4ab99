/**
 * Search as you type on a library longer than a screen, in Chromium: the keys the search
 * worker guessed ahead (library/search-guesses.ts, typed-ahead.ts) show their rows in the
 * input event itself, the rows below the window's edge follow a frame later
 * (first-screen.ts), and more rows as the list scrolls. Whatever path a key took, the list
 * must hold exactly the matching articles, newest first, once each, and Select all must
 * select the whole view.
 */
import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { describeE2E, useFolio } from "./suite.ts";

const LIBRARY_PAGE = "src/library-page/index.html";
const LINKS = 70;
/** Every third link is about the harbour, the others about the weather. */
const title = (i: number) =>
  `${i % 3 === 0 ? "Harbour" : "Weather"} report number ${String(i).padStart(2, "0")}`;

/** A Pocket CSV of `LINKS` links, link i added i minutes after the first (newest: the last). */
function pocketCsv(): string {
  const lines = ["title,url,time_added,tags,status"];
  for (let i = 0; i < LINKS; i++) {
    lines.push(`${title(i)},https://news.example/story-${i},${1_700_000_000 + i * 60},,unread`);
  }
  return `${lines.join("\n")}\n`;
}

const titles = (page: Page) => page.locator(".lib-row .lib-title").allTextContents();

/** The titles matching `word` (a prefix of a title word, any case), newest first. */
function expected(words: string[]): string[] {
  const out: string[] = [];
  for (let i = LINKS - 1; i >= 0; i--) {
    const parts = title(i).toLowerCase().split(" ");
    const last = words.length - 1;
    if (words.every((w, k) => (k === last ? parts.some((p) => p.startsWith(w)) : parts.includes(w)))) {
      out.push(title(i));
    }
  }
  return out;
}

describeE2E("search as you type on a long list (Chromium)", () => {
  const folio = useFolio();

  it("shows exactly the matching rows after every key, guessed or not, and pages and selects the whole view", async () => {
    const f = folio();
    const library = await f.browser.context.newPage();
    await library.setViewportSize({ width: 1280, height: 900 });
    // Notes what the page asks its search worker, to see that guessed keys were used.
    await library.addInitScript(() => {
      const post = Worker.prototype.postMessage;
      const sent: string[] = [];
      (window as unknown as { folioSent: string[] }).folioSent = sent;
      Worker.prototype.postMessage = function (this: Worker, message: unknown, ...rest: unknown[]) {
        sent.push((message as { message?: { type?: string } })?.message?.type ?? "?");
        return (post as (...args: unknown[]) => void).call(this, message, ...rest);
      };
    });
    await library.goto(`chrome-extension://${f.id}/${LIBRARY_PAGE}`);
    await library.waitForFunction(() => document.documentElement.dataset.search === "ready");
    const csv = join(tmpdir(), `folio-typing-${process.pid}.csv`);
    await writeFile(csv, pocketCsv());
    await library.locator("#lib-import").setInputFiles(csv);
    await library.waitForFunction(() =>
      document.getElementById("lib-info")?.textContent?.startsWith("Imported"),
    );
    await library.waitForFunction(() => document.documentElement.dataset.search === "ready");

    const search = library.getByRole("searchbox", { name: "Search your library" });
    await search.focus();
    let typed = "";
    for (const key of "harb") {
      typed += key;
      await library.keyboard.type(key);
      // The rows a key shows, once its frame and the one after it are painted.
      await library.waitForFunction(
        (want) => document.getElementById("lib-count")?.textContent?.startsWith(`${want} `),
        expected([typed]).length,
      );
      await library.waitForTimeout(150);
      const shown = await titles(library);
      expect(shown.length).toBeGreaterThanOrEqual(Math.min(20, expected([typed]).length));
      expect(shown).toEqual(expected([typed]).slice(0, shown.length));
    }
    const sent = await library.evaluate(() => (window as unknown as { folioSent: string[] }).folioSent);
    expect(sent.filter((t) => t === "adopt").length).toBeGreaterThanOrEqual(3);

    // Scrolled to its end, the list holds every match once, newest first.
    const want = expected(["harb"]);
    expect(want).toHaveLength(24);
    for (let i = 0; i < 10 && (await titles(library)).length < want.length; i++) {
      await library.locator("#lib-more").scrollIntoViewIfNeeded();
      await library.waitForTimeout(200);
    }
    expect(await titles(library)).toEqual(want);

    // Select all selects the view: every match, not only the rows shown.
    await library.locator(".lib-row .lib-check").first().check();
    await library.getByRole("button", { name: "Select all" }).click();
    await library.waitForFunction(() =>
      /\b24\b/.test(document.getElementById("lib-selected-count")?.textContent ?? ""),
    );

    // A space and the next word: the whole word, then the next one's prefix.
    await search.focus();
    await library.keyboard.type(" ");
    await library.keyboard.type("our rep", { delay: 150 });
    await library.waitForTimeout(300);
    expect(await titles(library)).toEqual([]);
    await search.fill("");
    await library.waitForTimeout(300);
    await search.focus();
    await library.keyboard.type("weather rep", { delay: 150 });
    await library.waitForFunction(() => document.getElementById("lib-count")?.textContent?.startsWith("46 "));
    const weather = await titles(library);
    expect(weather).toEqual(expected(["weather", "rep"]).slice(0, weather.length));
  });
});
