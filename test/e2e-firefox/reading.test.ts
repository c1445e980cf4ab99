/**
 * Reading comfort in real Firefox ESR (issue 16), where Firefox differs: its popup sizes itself
 * (the toolbar must stay pinned and on one row, the status off the article), its fonts and its
 * speech synthesis (Firefox's own speech-dispatcher client, with the test's speech home, see
 * ../e2e/speech.ts) and the CSS Custom Highlight API in the reader tab.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { speechHome, speechPrerequisites } from "../e2e/speech.ts";
import { READER_PAGE, waitFor } from "./harness.ts";
import { ARTIFACTS, describeFirefox, useFirefoxFolio } from "./suite.ts";

describeFirefox("reading comfort (Firefox)", () => {
  const home = speechHome();
  const folio = useFirefoxFolio({ env: home.env });
  afterAll(() => home.remove());

  it("keeps the popup's toolbar pinned, on one row at the narrow width, the status off the article", async () => {
    const f = folio();
    const page = await f.open("article.html");
    const { popup, state } = await f.popupFor(page);
    expect(state).toBe("ready");
    await popup.evaluate(`(() => {
      document.getElementById("folio-settings-toggle").click();
      document.querySelector('input[name="folio-width"][value="narrow"]').click();
      document.getElementById("folio-settings-toggle").click();
    })()`);
    await waitFor(
      () => popup.evaluate<boolean>(`document.documentElement.dataset.rendered === "complete"`),
      10_000,
      "the whole body",
    );
    await waitFor(() => popup.evaluate<boolean>(`window.innerWidth === 420`), 5_000, "the narrow popup");
    const layout = await popup.evaluate<{
      rows: number;
      overflow: number;
      scrolled: number;
      documentScroll: number;
      barTop: number;
      statusOverMain: boolean;
    }>(`(async () => {
      const main = document.getElementById("folio-main");
      main.scrollTop = main.scrollHeight;
      document.getElementById("folio-status").textContent = "Copied as Markdown";
      await new Promise((r) => window.requestAnimationFrame(() => window.setTimeout(r, 50)));
      const bar = document.querySelector(".folio-bar");
      const shown = [...bar.children].filter((c) => c.getClientRects().length > 0);
      const mids = shown.map((c) => { const r = c.getBoundingClientRect(); return Math.round(r.top + r.height / 2); });
      const s = document.getElementById("folio-status").getBoundingClientRect();
      const m = main.getBoundingClientRect();
      return {
        rows: new Set(mids).size,
        overflow: bar.scrollWidth - bar.clientWidth,
        scrolled: main.scrollTop,
        documentScroll: document.scrollingElement.scrollTop,
        barTop: Math.round(bar.getBoundingClientRect().top),
        statusOverMain: s.top < m.bottom - 1 && m.top < s.bottom - 1,
      };
    })()`);
    expect(layout).toMatchObject({
      rows: 1,
      overflow: 0,
      documentScroll: 0,
      barTop: 0,
      statusOverMain: false,
    });
    expect(layout.scrolled).toBeGreaterThan(1000);
    writeFileSync(join(ARTIFACTS, "popup-narrow.png"), await f.ff.popupScreenshot());
    await f.closePopup();
    await f.api(`browser.storage.sync.clear()`);
    await page.close();
  });

  it("reads aloud in the reader tab: voices, the sentence highlighted, steps and stop", async () => {
    const f = folio();
    const page = await f.open("article.html");
    await f.popupFor(page); // the click grants activeTab
    await f.closePopup();
    const tabId = await f.api<number | undefined>(
      `browser.tabs.query({}).then((tabs) => tabs.find((t) => t.url?.endsWith("/article.html"))?.id)`,
    );
    const reader = await f.ff.openExtensionPage(`${READER_PAGE}?tab=${tabId}`);
    await waitFor(
      () => reader.evaluate(() => document.documentElement.dataset.rendered === "complete"),
      10_000,
      "the reader",
    );
    await reader.evaluate(() => (document.getElementById("folio-listen") as HTMLButtonElement).click());
    const voices = await waitFor(
      () =>
        reader.evaluate(() => {
          const panel = document.querySelector<HTMLElement>(".folio-read-aloud");
          const message = document.querySelector(".folio-read-aloud-message")?.textContent ?? "";
          const n = Number(panel?.dataset.voices ?? 0);
          return n > 0 || /no voices/.test(message) ? { n, message } : null;
        }),
      30_000,
      "voices, or the message that there are none",
    );
    if (!speechPrerequisites().ok) {
      // No speech backend on this machine: Folio says so, and nothing can be played.
      expect(voices.message).toMatch(/^Your system has no voices for reading aloud/);
      await reader.close();
      await page.close();
      return;
    }
    expect(voices.n).toBeGreaterThan(0);
    const sentence = () =>
      reader.evaluate(() => {
        const highlight = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights?.get(
          "folio-speaking",
        );
        const marks = [...document.querySelectorAll("mark.folio-speaking")]
          .map((m) => m.textContent)
          .join("");
        return {
          index: Number(document.querySelector<HTMLElement>(".folio-read-aloud")?.dataset.sentence ?? -1),
          text: highlight ? [...highlight].map((r) => r.toString()).join("") : marks,
          api: Boolean(highlight),
        };
      });
    const click = (action: string) =>
      reader.evaluate(
        (a) => document.querySelector<HTMLButtonElement>(`.folio-read-aloud [data-action="${a}"]`)?.click(),
        action,
      );
    // Played: Firefox's own speech-dispatcher client speaks, and its end events move it on.
    await click("play");
    await waitFor(
      async () => ((await sentence()).index >= 2 ? true : null),
      45_000,
      "speech to reach the third sentence",
    );
    expect(await reader.evaluate(() => document.documentElement.dataset.speech)).toBe("playing");
    await click("stop");
    expect((await sentence()).index).toBe(-1);
    for (let i = 0; i < 3; i++) await click("next");
    const third = await sentence();
    expect(third.index).toBe(3);
    expect(third.text.length).toBeGreaterThan(10);
    expect(third.api).toBe(true); // Firefox ESR has the CSS Custom Highlight API
    await click("prev");
    expect((await sentence()).index).toBe(2);
    await click("stop");
    expect(await sentence()).toMatchObject({ text: "" });
    expect(await reader.evaluate(() => document.documentElement.dataset.speech)).toBe("stopped");
    await reader.close();
    await page.close();
  });
});
