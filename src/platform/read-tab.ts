/**
 * Gets the article of a tab from a content script (content-scripts.ts), allowed by the activeTab
 * grant of the user's click. The usual request is one round trip: injecting the script's file
 * answers it (the script is evaluated only the first time; after that its receiver answers).
 * Show anyway asks the receiver, injecting the file first when the page does not have it. A
 * refused call means the browser does not let extensions read that page.
 *
 * Takes the `scripting` API as an argument and imports no polyfill, so the popup can start
 * this before the rest of its code has loaded.
 */
import type Browser from "webextension-polyfill";
import { CONTENT_SCRIPTS, type Reply, sendToTab } from "./messages.ts";
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
  let reply: Reply<"extract"> | undefined;
  if (!force) {
    // The usual request: the file's completion value is the reply (one executeScript call).
    try {
      reply = await executeInTab<Reply<"extract">>(scripting, tabId, { files: [script.file] });
    } catch (error) {
      return refusedOutcome(url, error, false);
    }
    performance.mark("folio-injected");
    return outcomeOf(reply, force);
  }
  const message = { type: "extract", force, ...(markdown ? { markdown } : {}) } as const;
  try {
    reply = await sendToTab(scripting, tabId, message, script.receiver);
  } catch (error) {
    return refusedOutcome(url, error, false);
  }
  // From here on Folio has reached the page: a refusal means the page changed meanwhile.
  try {
    if (!reply || (!reply.ok && reply.error.kind === "not-injected")) {
      await executeInTab(scripting, tabId, { files: [script.file] });
      performance.mark("folio-injected");
      reply = await sendToTab(scripting, tabId, message, script.receiver);
    }
  } catch (error) {
    return refusedOutcome(url, error, true);
  }
  return outcomeOf(reply, force);
}
