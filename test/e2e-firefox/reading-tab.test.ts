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
});
