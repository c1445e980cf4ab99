/**
 * Issue 12: reading a page costs one `executeScript` round trip, as the plainest popup's does.
 * Injecting a content script's file answers its usual request (content-scripts.ts); the popup's
 * script is not the one that carries the sanitizer and Markdown; Show anyway leaves its request
 * for the script first.
 */
import type Browser from "webextension-polyfill";
import { describe, expect, it } from "vitest";
import { CONTENT_SCRIPTS } from "../../src/platform/messages.ts";
import { extractFromTab } from "../../src/platform/read-tab.ts";

const ARTICLE = { ok: true, article: { title: "The story" } };

function recording(answers: unknown[]) {
  const calls: { files?: string[]; args?: unknown[] }[] = [];
  const scripting = {
    executeScript: async (details: { files?: string[]; args?: unknown[] }) => {
      calls.push(details);
      return [{ result: answers[Math.min(calls.length - 1, answers.length - 1)] }];
    },
  } as unknown as Browser.Scripting.Static;
  return { calls, scripting };
}

describe("reading a tab", () => {
  it("takes one executeScript call: the popup's script file, whose injection answers", async () => {
    const { calls, scripting } = recording([ARTICLE]);
    const outcome = await extractFromTab(scripting, 1, false, "https://news.example/");
    expect(outcome.state).toBe("ready");
    expect(calls).toHaveLength(1);
    expect(calls[0]?.files).toEqual([CONTENT_SCRIPTS.page.file]);
  });

  it("injects the script with the sanitizer and Markdown only when Markdown is asked for", async () => {
    const { calls, scripting } = recording([ARTICLE]);
    await extractFromTab(scripting, 1, false, "https://news.example/", true);
    expect(calls.map((c) => c.files)).toEqual([[CONTENT_SCRIPTS.markdown.file]]);
  });

  it("leaves Show anyway's request for the script, then injects its file", async () => {
    const { calls, scripting } = recording([undefined, ARTICLE]);
    const outcome = await extractFromTab(scripting, 1, true, "https://news.example/");
    expect(outcome.state).toBe("ready");
    expect(calls.map((c) => c.files ?? "func")).toEqual(["func", [CONTENT_SCRIPTS.page.file]]);
    expect(calls[0]?.args).toEqual([CONTENT_SCRIPTS.page.global, { type: "extract", force: true }]);
  });
});
