/**
 * Background messages travel through `sendResponse` (the browsers' own API: the background has
 * no polyfill). A fake runtime behaves as both browsers do: a listener's return value is ignored
 * unless it is `true`, and then the answer is what `sendResponse` was given.
 */
import type Browser from "webextension-polyfill";
import { describe, expect, it } from "vitest";
import { type Handlers, listen, sendToBackground } from "../../src/platform/messages.ts";

type Listener = (message: unknown, sender: unknown, sendResponse: (answer: unknown) => void) => unknown;

function fakeRuntime(): Browser.Runtime.Static {
  const listeners: Listener[] = [];
  return {
    onMessage: { addListener: (l: Listener) => listeners.push(l) },
    sendMessage: (message: unknown) =>
      new Promise((resolve) => {
        for (const l of listeners) {
          let answered = false;
          const kept = l(message, {}, (answer) => {
            answered = true;
            resolve(answer);
          });
          // A listener that neither answered nor kept the channel open: the sender gets undefined.
          if (kept !== true && !answered) resolve(undefined);
          if (kept === true || answered) return;
        }
        resolve(undefined);
      }),
  } as unknown as Browser.Runtime.Static;
}

const article = { url: "https://news.example/a" } as never;

describe("background messages", () => {
  it("bring back the handler's reply", async () => {
    const runtime = fakeRuntime();
    const handlers: Handlers<"save-article"> = {
      "save-article": async () => ({ ok: true, status: "added", url: "https://news.example/a", title: "A" }),
    };
    listen(runtime, handlers);
    expect(await sendToBackground(runtime, { type: "save-article", article })).toEqual({
      ok: true,
      status: "added",
      url: "https://news.example/a",
      title: "A",
    });
  });

  it("reject with the handler's error, thrown or rejected, instead of answering undefined", async () => {
    const runtime = fakeRuntime();
    const handlers: Handlers<"open-reader" | "save-article"> = {
      "open-reader": async () => {
        throw new Error("the article is too large to open in a tab");
      },
      "save-article": () => {
        throw new Error("synchronous failure");
      },
    };
    listen(runtime, handlers);
    await expect(sendToBackground(runtime, { type: "open-reader", article })).rejects.toThrow(
      "the article is too large to open in a tab",
    );
    await expect(sendToBackground(runtime, { type: "save-article", article })).rejects.toThrow(
      "synchronous failure",
    );
  });

  it("say so when nothing in the background answers", async () => {
    const runtime = fakeRuntime();
    await expect(sendToBackground(runtime, { type: "save-article", article })).rejects.toThrow(
      /did not answer/,
    );
  });
});
