/**
 * The reader tab's comfort in real Firefox ESR (issue 16): typography set in the popup and
 * kept for the reader tab (the bundled OpenDyslexic loaded by Firefox's own font loader),
 * progress and time left, the print stylesheet, and the place in a saved article remembered
 * and restored. The Chromium suite has the same scenarios (../e2e/reading.test.ts).
 */
import { expect, it } from "vitest";
import { READER_PAGE, waitFor } from "./harness.ts";
import { describeFirefox, useFirefoxFolio } from "./suite.ts";

describeFirefox("the reader tab (Firefox)", () => {
  const folio = useFirefoxFolio();

  it("keeps the popup's typography for the reader tab, shows progress and prints the article alone", async () => {
    const f = folio();
    const page = await f.open("article.html");
    const { popup } = await f.popupFor(page);
    // "Cleaned" in people's words: counts and previews, no selectors or script text.
    const cleaned = await popup.evaluate<string>(`document.querySelector(".folio-cleaned ul").textContent`);
    expect(cleaned).toContain("3 ad slots");
    expect(cleaned).toMatch(/Newsletter sign-up: Get the day/);
    expect(cleaned).not.toMatch(/[#(){}]|div\.|page furniture|\/\*/);
    await popup.evaluate(`(() => {
      document.getElementById("folio-settings-toggle").click();
      for (const [name, value] of [["font", "dyslexic"], ["spacing", "loose"], ["align", "justify"]])
        document.querySelector('input[name="folio-' + name + '"][value="' + value + '"]').click();
    })()`);
    await waitFor(
      () =>
        f.api(
          `browser.storage.sync.get("settings").then((s) => (s.settings?.align === "justify" ? s.settings : null))`,
        ),
      15_000,
      "settings in storage.sync",
    );
    await f.closePopup();
    const tabId = await f.api<number | undefined>(
      `browser.tabs.query({}).then((tabs) => tabs.find((t) => t.url?.endsWith("/article.html"))?.id)`,
    );
    const reader = await f.ff.openExtensionPage(`${READER_PAGE}?tab=${tabId}`);
    await reader.setViewport({ width: 1000, height: 600 });
    await waitFor(
      () => reader.evaluate(() => document.documentElement.dataset.rendered === "complete"),
      15_000,
      "the reader",
    );
    const typography = await reader.evaluate(async () => {
      const p = document.querySelector(".folio-body p")!;
      await document.fonts.ready;
      const style = getComputedStyle(p);
      return {
        family: style.fontFamily,
        leading: Math.round((parseFloat(style.lineHeight) / parseFloat(style.fontSize)) * 10) / 10,
        align: style.textAlign,
        bundled: [...document.fonts].some(
          (font) => font.family.includes("OpenDyslexic") && font.status === "loaded",
        ),
      };
    });
    expect(typography).toMatchObject({ leading: 1.9, align: "justify", bundled: true });
    expect(typography.family).toMatch(/^"Folio OpenDyslexic"/);

    // Progress and time left, at the top and at the end.
    const progress = () =>
      reader.evaluate(() => ({
        value: Number(document.querySelector(".folio-progress")?.getAttribute("aria-valuenow")),
        left: document.querySelector(".folio-time-left")?.textContent ?? "",
      }));
    expect((await progress()).value).toBe(0);
    expect((await progress()).left).toMatch(/^\d+ min left$/);
    await reader.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await waitFor(async () => ((await progress()).value === 100 ? true : null), 5_000, "the end");
    expect(await progress()).toEqual({ value: 100, left: "Finished" });

    // Print: the button, and print rules that hide the toolbar and show the source line.
    const printing = await reader.evaluate(() => {
      const rules: string[] = [];
      for (const sheet of document.styleSheets) {
        for (const rule of sheet.cssRules) {
          if (rule instanceof CSSMediaRule && rule.conditionText.includes("print")) rules.push(rule.cssText);
        }
      }
      const print = rules.join("\n");
      return {
        button: (document.getElementById("folio-print")?.getClientRects().length ?? 0) > 0,
        hidesBar: /\.folio-bar[^{]*\{[^}]*display:\s*none/.test(print),
        source: document.querySelector(".folio-print-source")?.textContent ?? "",
        sourceOnScreen: (document.querySelector(".folio-print-source")?.getClientRects().length ?? 0) > 0,
      };
    });
    expect(printing).toEqual({
      button: true,
      hidesBar: true,
      source: `Source: ${f.server.origin}/article.html`,
      sourceOnScreen: false,
    });
    await reader.close();
    await f.api(`browser.storage.sync.clear()`);
    await page.close();
  });

  it("remembers the place in a saved article and restores it", async () => {
    const f = folio();
    const page = await f.open("article.html");
    const { popup } = await f.popupFor(page);
    await popup.evaluate(`document.getElementById("folio-save").click()`);
    await waitFor(
      () =>
        popup.evaluate<boolean>(
          `document.documentElement.dataset.saved === "added" || document.documentElement.dataset.saved === "updated"`,
        ),
      10_000,
      "the save",
    );
    await f.closePopup();
    const saved = `${READER_PAGE}?saved=${encodeURIComponent(`${f.server.origin}/article.html`)}`;
    const first = await f.ff.openExtensionPage(saved);
    await first.setViewport({ width: 1000, height: 600 });
    await waitFor(
      () => first.evaluate(() => document.documentElement.dataset.position === "start" || null),
      15_000,
      "the saved article",
    );
    await first.evaluate(() => {
      const bar = document.querySelector(".folio-bar")?.getBoundingClientRect().bottom ?? 0;
      const block = document.querySelectorAll(".folio-body > *")[5]!.getBoundingClientRect().top;
      window.scrollBy(0, block - bar - 2);
    });
    const stored = await waitFor(
      () =>
        f.api<Record<string, { block: number }> | null>(
          `browser.storage.local.get("positions").then((s) => (Object.keys(s.positions ?? {}).length ? s.positions : null))`,
        ),
      10_000,
      "the position in storage.local",
    );
    expect(Object.values(stored)[0]?.block).toBe(5);
    await first.close();
    const again = await f.ff.openExtensionPage(saved);
    await again.setViewport({ width: 1000, height: 600 });
    await waitFor(
      () => again.evaluate(() => document.documentElement.dataset.position === "restored" || null),
      15_000,
      "the place restored",
    );
    const place = await again.evaluate(() => {
      const bar = document.querySelector(".folio-bar")?.getBoundingClientRect().bottom ?? 0;
      const block = document.querySelectorAll(".folio-body > *")[5]?.getBoundingClientRect().top ?? -1;
      return { scrolled: window.scrollY, blockBelowBar: Math.round(block - bar) };
    });
    expect(place.scrolled).toBeGreaterThan(300);
    expect(Math.abs(place.blockBelowBar)).toBeLessThan(40);
    await again.close();
    await f.api(`browser.storage.local.remove("positions")`);
    await page.close();
  });

  it("highlights and notes a saved article: found again when it is opened again at another width, listed across the library", async () => {
    const f = folio();
    const page = await f.open("article.html");
    const { popup } = await f.popupFor(page);
    await popup.evaluate(`document.getElementById("folio-save").click()`);
    await waitFor(
      () =>
        popup.evaluate<boolean>(
          `["added", "updated"].includes(document.documentElement.dataset.saved ?? "")`,
        ),
      10_000,
      "the save",
    );
    await f.closePopup();
    const savedPage = `${READER_PAGE}?saved=${encodeURIComponent(`${f.server.origin}/article.html`)}`;
    let reader = await f.ff.openExtensionPage(savedPage);
    await reader.setViewport({ width: 1000, height: 650 });
    const ready = (n?: number) =>
      waitFor(
        () =>
          reader.evaluate(
            (count) =>
              document.documentElement.dataset.annotationsReady === "true" &&
              (count === null || document.documentElement.dataset.annotations === String(count)),
            n ?? null,
          ),
        15_000,
        `the highlights${n === undefined ? "" : ` (${n})`}`,
      );
    await ready();
    /** Selects `words` in the body, as a reader's drag would leave it. */
    const select = (words: string) =>
      reader.evaluate((w) => {
        const walker = document.createTreeWalker(
          document.querySelector(".folio-body") as Node,
          NodeFilter.SHOW_TEXT,
        );
        for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
          const at = n.data.indexOf(w);
          if (at >= 0) {
            n.parentElement?.scrollIntoView({ block: "center" });
            getSelection()?.setBaseAndExtent(n, at, n, at + w.length);
            document.dispatchEvent(new Event("selectionchange"));
            return true;
          }
        }
        return false;
      }, words);
    const painted = () =>
      reader.evaluate(() => {
        const highlights = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
        const out: Record<string, string[]> = {};
        for (const color of ["yellow", "green", "blue", "pink"])
          out[color] = [...(highlights.get(`folio-note-${color}`) ?? [])].map((r) => r.toString());
        return out;
      });
    const press = (label: string) =>
      reader.evaluate((l) => {
        const button = [...document.querySelectorAll<HTMLButtonElement>(".folio-annotate-bar button")].find(
          (b) => b.getAttribute("aria-label") === l || b.textContent?.trim() === l,
        );
        button?.click();
        return Boolean(button);
      }, label);

    expect(await select("culture committee approved the change")).toBe(true);
    await waitFor(() => press("Highlight green"), 5_000, "the highlight bar");
    await ready(1);
    expect((await painted()).green).toEqual(["culture committee approved the change"]);

    expect(await select("a kettle and free tea")).toBe(true);
    await waitFor(() => press("Note"), 5_000, "the highlight bar");
    await ready(2);
    await waitFor(
      () => reader.evaluate(() => document.activeElement?.classList.contains("folio-note-text") || null),
      5_000,
      "the note's field",
    );
    await reader.keyboard.type("Ask whether the tea is free at weekends");
    await waitFor(
      () => reader.evaluate(() => document.querySelector(".folio-note[data-saved]") !== null || null),
      5_000,
      "the note kept",
    );

    // Drawn anew (the page opened again), at another width: the same words.
    await reader.close();
    reader = await f.ff.openExtensionPage(savedPage);
    await reader.setViewport({ width: 700, height: 650 });
    await ready(2);
    expect(await painted()).toMatchObject({
      green: ["culture committee approved the change"],
      yellow: ["a kettle and free tea"],
    });

    // Across the library: every highlight, searchable (the note's words too).
    const notesPage = await f.ff.openExtensionPage("src/notes-page/index.html");
    await waitFor(
      () => notesPage.evaluate(() => document.documentElement.dataset.state === "ready" || null),
      10_000,
      "the highlights page",
    );
    expect(await notesPage.evaluate(() => document.querySelectorAll(".folio-note").length)).toBe(2);
    await notesPage.type("#notes-query", "WEEKENDS tea");
    await waitFor(
      () => notesPage.evaluate(() => document.querySelectorAll(".folio-note").length === 1 || null),
      5_000,
      "the search",
    );
    expect(await notesPage.evaluate(() => document.querySelector(".folio-note-quote")?.textContent)).toBe(
      "a kettle and free tea",
    );
    await notesPage.close();
    await reader.close();
    await page.close();
  });

  it("offers no Try again where nothing can change: an empty page, shown anyway", async () => {
    const f = folio();
    const empty = await f.open("empty.html");
    const { popup, state } = await f.popupFor(empty);
    expect(state).toBe("not-article");
    await popup.evaluate(`document.querySelector(".folio-state button").click()`);
    const title = await waitFor(
      () =>
        popup.evaluate<string | null>(
          `document.documentElement.dataset.state === "error" ? document.querySelector(".folio-state-title").textContent : null`,
        ),
      10_000,
      "the forced reading of an empty page",
    );
    expect(title).toBe("Nothing to read here");
    expect(await popup.evaluate<number>(`document.querySelectorAll("main button").length`)).toBe(0);
    await f.closePopup();
    await empty.close();
  });
});
