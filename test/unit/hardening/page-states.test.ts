/**
 * Issue 13, findings 5 and 7: a page that never answers (its own script in an endless loop)
 * gets a clear error with Try again after a time limit, and its late answer is ignored; the
 * messages say what happened: the page went away while being read; a PDF or another document
 * that is not a web page is named as such.
 */
import type Browser from "webextension-polyfill";
import { describe, expect, it, vi } from "vitest";
import { extractArticle } from "../../../src/core/extract.ts";
import type { ExtractReply } from "../../../src/platform/messages.ts";
import { parseDocument } from "../../../src/node/jsdom.ts";
import { withDeadline } from "../../../src/platform/deadline.ts";
import { outcomeOf } from "../../../src/platform/read-outcome.ts";
import { extractFromTab, NOT_RESPONDING } from "../../../src/platform/read-tab.ts";

const ARTICLE_REPLY = { ok: true, article: { title: "The story" } } as unknown as ExtractReply;

/** A `scripting` API whose calls answer with `answers`, one per call, in order. */
function scripting(...answers: (() => Promise<unknown>)[]): Browser.Scripting.Static {
  let call = 0;
  const next = () => {
    const answer = answers[Math.min(call++, answers.length - 1)];
    return answer ? answer() : Promise.reject(new Error("no more answers"));
  };
  return {
    // Injecting a content script's file answers its usual request (content-scripts.ts).
    executeScript: async () => [{ result: await next() }],
  } as unknown as Browser.Scripting.Static;
}

const answer = (value: unknown) => () => Promise.resolve(value);
const refuse = (message: string) => () => Promise.reject(new Error(message));
const never = () => new Promise<never>(() => {});

describe("a page that does not answer (finding 5)", () => {
  it("gives a clear error with Try again after the time limit", async () => {
    vi.useFakeTimers();
    try {
      const outcome = extractFromTab(scripting(never), 1, false, "https://news.example/", false, 1_000);
      await vi.advanceTimersByTimeAsync(1_000);
      await expect(outcome).resolves.toEqual(NOT_RESPONDING);
      // The error state offers Try again.
      expect(NOT_RESPONDING).toMatchObject({ state: "error", title: "The page is not responding" });
    } finally {
      vi.useRealTimers();
    }
  });

  it("ignores the page's late answer", async () => {
    vi.useFakeTimers();
    try {
      let late: (value: string) => void = () => {};
      const work = new Promise<string>((resolve) => {
        late = resolve;
      });
      const outcome = withDeadline(work, 1_000, () => "timed out");
      await vi.advanceTimersByTimeAsync(1_000);
      late("the article, too late");
      await expect(outcome).resolves.toBe("timed out");
    } finally {
      vi.useRealTimers();
    }
  });

  it("answers as usual when the page answers in time", async () => {
    const outcome = await extractFromTab(
      scripting(answer(ARTICLE_REPLY)),
      1,
      false,
      "https://news.example/",
      false,
      1_000,
    );
    expect(outcome.state).toBe("ready");
  });
});

describe("what the messages say (finding 7)", () => {
  it("says the page went away when it navigated while being read", async () => {
    // Warm content script: the extract call itself fails as the frame goes away.
    const warm = await extractFromTab(
      scripting(refuse("Frame with ID 0 was removed.")),
      1,
      false,
      "https://news.example/",
    );
    expect(warm).toMatchObject({ state: "error", title: "The page went away" });
    // Show anyway: the page took the request left for the script, then navigated to a page
    // Folio may not read.
    const injected = await extractFromTab(
      scripting(
        answer(undefined),
        refuse(
          'Cannot access contents of url "https://elsewhere.example/". Extension manifest must request permission to access this host.',
        ),
      ),
      1,
      true,
      "https://news.example/",
    );
    expect(injected).toMatchObject({ state: "error", title: "The page went away" });
    expect(injected.state !== "ready" && injected.message).not.toMatch(/its own pages/);
  });

  it("says the page went away when the browser refuses an address other than the one clicked", async () => {
    const moved = await extractFromTab(
      scripting(
        refuse(
          'Cannot access contents of url "https://elsewhere.example/". Extension manifest must request permission to access this host.',
        ),
      ),
      1,
      false,
      "https://news.example/story",
    );
    expect(moved).toMatchObject({ state: "error", title: "The page went away" });
    const same = await extractFromTab(
      scripting(
        refuse(
          'Cannot access contents of url "https://news.example/story". Extension manifest must request permission to access this host.',
        ),
      ),
      1,
      false,
      "https://news.example/story",
    );
    expect(same.state).toBe("restricted");
  });

  it("still says the browser keeps extensions out of its own pages", async () => {
    const outcome = await extractFromTab(
      scripting(refuse("Cannot access a chrome:// URL")),
      1,
      false,
      "chrome://settings/",
    );
    expect(outcome).toMatchObject({ state: "restricted", title: "Folio can't read this page" });
  });

  it("names a PDF as a PDF, without Show anyway", () => {
    const { document } = parseDocument(
      "<html><body><embed type='application/pdf' src='about:blank'></body></html>",
      "https://papers.example/report",
    );
    Object.defineProperty(document, "contentType", { value: "application/pdf" });
    const result = extractArticle(document);
    expect(result).toMatchObject({ ok: false, error: { kind: "not-html" } });
    for (const force of [false, true]) {
      expect(outcomeOf(result as ExtractReply, force)).toMatchObject({
        state: "restricted",
        title: "Folio can't read PDFs",
      });
    }
  });

  it("names other documents that are not web pages", () => {
    const { document } = parseDocument(
      "<html><body><img src='a.png'></body></html>",
      "https://img.example/a.png",
    );
    Object.defineProperty(document, "contentType", { value: "image/png" });
    const result = extractArticle(document);
    expect(outcomeOf(result as ExtractReply, false)).toMatchObject({
      state: "restricted",
      title: "This is not a web page",
      message: expect.stringContaining("an image (image/png)"),
    });
  });
});
