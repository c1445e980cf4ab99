/**
 * Gets the article of a tab from a content script (content-scripts.ts), allowed by the activeTab
 * grant of the user's click. The usual request is one round trip: injecting the script's file
 * answers it, and the script leaves nothing in the page. Show anyway first leaves its request
 * for the script, then injects the file. A refused call means the browser does not let
 * extensions read that page.
 *
 * Takes the `scripting` API as an argument and imports no polyfill, so the popup can start
 * this before the rest of its code has loaded.
 */
import type Browser from "webextension-polyfill";
import { CONTENT_SCRIPTS, type Reply } from "./messages.ts";
import { executeInTab } from "./browser.ts";
import { READ_TIMEOUT_MS, withDeadline } from "./deadline.ts";
import { type Outcome, outcomeOf, refusedOutcome } from "./read-outcome.ts";

/**
 * The article of `tabId` as an outcome (a state with its message). `url` helps explain a
 * refusal; `markdown` asks the page for the article's Markdown too (the popup does not: it
 * makes it only when needed, in its own DOM). A page that does not answer within `timeoutMs`
 * gives the `NOT_RESPONDING` error, and its late answer is ignored (deadline.ts).
 */
export function extractFromTab(
  scripting: Browser.Scripting.Static,
  tabId: number,
  force: boolean,
  url?: string,
  markdown = false,
  timeoutMs = READ_TIMEOUT_MS,
): Promise<Outcome> {
  return withDeadline(read(scripting, tabId, force, url, markdown), timeoutMs, () => NOT_RESPONDING);
}

/** What the page is told when it did not answer in time (its own script may hold it). */
export const NOT_RESPONDING: Outcome = {
  state: "error",
  title: "The page is not responding",
  message:
    "Folio waited for the page, but it did not answer: its own scripts may be keeping it busy. Try again, or reload the page first.",
};

async function read(
  scripting: Browser.Scripting.Static,
  tabId: number,
  force: boolean,
  url: string | undefined,
  markdown: boolean,
): Promise<Outcome> {
  const script = markdown ? CONTENT_SCRIPTS.markdown : CONTENT_SCRIPTS.page;
  if (force) {
    // Show anyway: the request is left where the script's file looks for it.
    const message = { type: "extract", force, ...(markdown ? { markdown } : {}) } as const;
    try {
      await executeInTab(scripting, tabId, { func: leaveRequest, args: [script.global, message] });
    } catch (error) {
      return refusedOutcome(url, error, false);
    }
  }
  let reply: Reply<"extract"> | undefined;
  try {
    reply = await executeInTab<Reply<"extract">>(scripting, tabId, { files: [script.file] });
  } catch (error) {
    // After the request was left, Folio had reached the page: a refusal means it changed.
    return refusedOutcome(url, error, force);
  }
  performance.mark("folio-injected");
  return outcomeOf(reply, force);
}

/** Run in the content script's isolated world: must stay self-contained. */
function leaveRequest(name: string, message: unknown): void {
  (globalThis as unknown as Record<string, unknown>)[name] = message;
}
