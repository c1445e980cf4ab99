/**
 * Gets the article of a tab: ask the content script through the message protocol, injecting
 * it first when the page does not have it yet (allowed by the activeTab grant of the user's
 * click). A refused call means the browser does not let extensions read that page.
 *
 * Takes the `scripting` API as an argument and imports no polyfill, so the popup can start
 * this before the rest of its code has loaded.
 */
import type Browser from "webextension-polyfill";
import { type Reply, sendToTab } from "../messages.ts";
import { CONTENT_SCRIPT, executeInTab } from "../platform.ts";
import { type Outcome, outcomeOf, restrictedOutcome } from "./outcome.ts";

/**
 * The article of `tabId` as an outcome (a state with its message). `url` helps explain a
 * refusal; `markdown` asks the page for the article's Markdown too (the popup does not: it
 * makes it only when needed, in its own DOM).
 */
export async function extractFromTab(
  scripting: Browser.Scripting.Static,
  tabId: number,
  force: boolean,
  url?: string,
  markdown = false,
): Promise<Outcome> {
  const message = { type: "extract", force, ...(markdown ? { markdown } : {}) } as const;
  let reply: Reply<"extract"> | undefined;
  try {
    // The content script stays in the page's isolated world after the first open: reuse it
    // (its code is compiled and warm) and inject only when it is not there yet.
    reply = await sendToTab(scripting, tabId, message);
    if (!reply || (!reply.ok && reply.error.kind === "not-injected")) {
      await executeInTab(scripting, tabId, { files: [CONTENT_SCRIPT] });
      performance.mark("folio-injected");
      reply = undefined;
    }
  } catch (error) {
    return restrictedOutcome(url, error);
  }
  try {
    return outcomeOf(reply ?? (await sendToTab(scripting, tabId, message)), force);
  } catch (error) {
    return {
      state: "error",
      title: "The page went away",
      message: `Folio lost the page while reading it (${String(error)}). Try again.`,
    };
  }
}
