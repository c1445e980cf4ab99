/**
 * Read aloud in the reader tab, in real Chromium with a real speech backend (speech-dispatcher
 * and espeak-ng, see speech.ts): the voices of the article's language first, sentences spoken
 * one after another on the engine's own end events, the sentence being read highlighted (CSS
 * Custom Highlight API) and kept in view, pause, previous/next and stop, by buttons and keys.
 */
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, expect, it } from "vitest";
import { waitFor } from "./harness.ts";
import { speechHome, speechPrerequisites } from "./speech.ts";
import { ARTIFACTS, describeE2E, useFolio } from "./suite.ts";

const HEADLINE = "City library opens its doors at night as a reading room for shift workers";

/** What the reader shows of read aloud: state, sentence, the highlighted text and whether it is in view. */
function speech(reader: Page) {
  return reader.evaluate(() => {
    const panel = document.querySelector<HTMLElement>(".folio-read-aloud");
    const highlight = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get(
      "folio-speaking",
    );
    const range = highlight ? [...highlight][0] : undefined;
    const box = range?.getBoundingClientRect();
    const top = document.querySelector(".folio-bar")?.getBoundingClientRect().bottom ?? 0;
    const bottom = panel?.getBoundingClientRect().top ?? innerHeight;
    return {
      state: document.documentElement.dataset.speech ?? "",
      sentence: Number(panel?.dataset.sentence ?? -1),
      highlighted: range?.toString() ?? "",
      inView: box ? box.top >= top && box.bottom <= bottom : false,
    };
  });
}

const pre = speechPrerequisites();
/** Without the speech backend the test is skipped with its reason, except under CI. */
const skip = !pre.ok && !process.env.CI;
if (skip && !pre.ok) console.warn(`[e2e] SKIPPED read aloud: ${pre.reason}`);

describeE2E("read aloud (Chromium, speech-dispatcher with espeak-ng)", () => {
  const home = speechHome();
  const folio = useFolio({ args: home.args, env: home.env });
  afterAll(() => home.remove());

  it.skipIf(skip)(
    "reads sentence by sentence, highlighted and in view, with pause, previous/next, stop and keys",
    async () => {
      if (!pre.ok) throw new Error(`read aloud cannot be tested: ${pre.reason}`);
      const f = folio();
      const page = await f.open("article.html");
      const { popup } = await f.popupFor(page);
      const readerOpened = f.browser.context.waitForEvent("page", (p) =>
        p.url().includes("/src/reader/index.html"),
      );
      await popup.evaluate(`document.getElementById("folio-open").click()`);
      const reader = await readerOpened;
      await reader.setViewportSize({ width: 1000, height: 650 });
      await reader.waitForFunction(() => document.documentElement.dataset.state === "ready");

      await reader.getByRole("button", { name: "Listen" }).click();
      // speech-dispatcher lists its voices after a few seconds.
      await reader.waitForFunction(
        () => Number(document.querySelector<HTMLElement>(".folio-read-aloud")?.dataset.voices) > 0,
        undefined,
        { timeout: 30_000 },
      );
      const firstVoice = await reader.locator(".folio-read-aloud select option").first().textContent();
      expect(firstVoice).toMatch(/\(en-GB\)$/); // the article is en-GB: its voices first
      await reader.locator(".folio-read-aloud input[type=range]").fill("2");

      await reader.getByRole("button", { name: "Play" }).click();
      await reader.waitForFunction(() => document.documentElement.dataset.speech === "playing");
      const first = await speech(reader);
      expect(first).toMatchObject({ state: "playing", sentence: 0, highlighted: HEADLINE });
      // The engine's end events move it on: the third sentence, then the fourth.
      const third = await waitFor(
        async () => {
          const now = await speech(reader);
          return now.sentence >= 3 ? now : null;
        },
        45_000,
        "the speech to reach the fourth sentence",
      );
      expect(third.state).toBe("playing");
      expect(third.highlighted.length).toBeGreaterThan(10);
      await reader.screenshot({ path: join(ARTIFACTS, "reader-read-aloud.png") });

      // K pauses (the sentence stays), L and J step through sentences while paused.
      await reader.locator("body").press("k");
      const paused = await speech(reader);
      expect(paused.state).toBe("paused");
      for (let i = 0; i < 12; i++) await reader.locator("body").press("l");
      const ahead = await speech(reader);
      expect(ahead.sentence).toBe(paused.sentence + 12);
      expect(ahead.highlighted).not.toBe(paused.highlighted);
      // Kept in view: the window scrolled to the sentence (smoothly; wait for it to settle).
      await waitFor(async () => (await speech(reader)).inView || null, 5_000, "the sentence in view");
      expect(await reader.evaluate(() => window.scrollY)).toBeGreaterThan(200);
      await reader.locator("body").press("j");
      expect((await speech(reader)).sentence).toBe(paused.sentence + 11);

      // Play again from there, then Stop: no highlight, back to the start.
      await reader.getByRole("button", { name: "Play" }).click();
      await reader.waitForFunction(() => document.documentElement.dataset.speech === "playing");
      await reader.getByRole("button", { name: "Stop" }).click();
      expect(await speech(reader)).toMatchObject({ state: "stopped", highlighted: "" });
      expect(await reader.evaluate(() => speechSynthesis.speaking)).toBe(false);
      await reader.close();
      await f.closePopup(popup).catch(() => undefined);
      await page.close();
    },
  );
});
