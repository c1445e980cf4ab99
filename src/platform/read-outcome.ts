/**
 * What a page of the extension shows after asking a tab for its article: one of the popup's
 * states with its message. Pure (no DOM, no extension APIs) so it is unit-testable.
 */
import type { Article } from "../core/types.ts";
import type { ExtractReply } from "./messages.ts";

export type ViewState = "loading" | "ready" | "not-article" | "restricted" | "error";

/**
 * What the reader can do on a state's screen, only where it can succeed: "show-anyway" where
 * Folio refused (extract with `force`), "try-again" where a second try may go otherwise (the page was busy,
 * went away, did not answer). `null`: nothing to try (the message says what to do instead).
 */
export type StateActionKind = "show-anyway" | "try-again";

export type Outcome =
  | { state: "ready"; article: Article }
  | {
      state: "not-article" | "restricted" | "error";
      title: string;
      message: string;
      /** Absent: by state (not-article: Show anyway; error: Try again; restricted: none). */
      action?: StateActionKind | null;
    };

/** The action of a state's screen (see {@link StateActionKind}). */
export function actionOf(outcome: Exclude<Outcome, { state: "ready" }>): StateActionKind | null {
  if (outcome.action !== undefined) return outcome.action;
  if (outcome.state === "not-article") return "show-anyway";
  return outcome.state === "error" ? "try-again" : null;
}

/** The button's words for each action. */
export const ACTION_LABELS: Record<StateActionKind, string> = {
  "show-anyway": "Show anyway",
  "try-again": "Try again",
};

/**
 * Errors of the extension API that mean the page changed under Folio (it navigated, reloaded or
 * closed) rather than that the browser keeps extensions out of it.
 */
const GONE =
  /frame with id \d+ (?:was|has been) removed|frame was removed|no tab with id|tab was closed|tab (?:is|has been) closed|document (?:was|has been) (?:unloaded|replaced)|navigated/i;

/** The page changed (navigated, reloaded, closed) while Folio was reading it. */
export function wentAwayOutcome(error?: unknown): Outcome {
  const reason = error === undefined ? "" : ` (${String(error instanceof Error ? error.message : error)})`;
  return {
    state: "error",
    title: "The page went away",
    message: `The page changed while Folio was reading it: it navigated, reloaded or closed${reason}. Try again.`,
  };
}

/**
 * The browser refused to run Folio's script in the tab. `contacted`: Folio already reached the
 * page in this same reading, so a refusal now means the page changed, not that it is off limits.
 */
export function refusedOutcome(url: string | undefined, error: unknown, contacted: boolean): Outcome {
  const reason = String(error instanceof Error ? error.message : error);
  if (contacted || GONE.test(reason)) return wentAwayOutcome(error);
  // Chromium names the address it refused: another one than the page Folio was asked to read
  // means the tab has moved on (and the click's permission with it).
  const refused = /contents of url "([^"]*)"/i.exec(reason)?.[1];
  if (url && refused && refused !== url) return wentAwayOutcome(error);
  return restrictedOutcome(url, error);
}

/** The browser refused to run Folio's script in the tab: say why, plainly. */
export function restrictedOutcome(url: string | undefined, error: unknown): Outcome {
  const reason = String(error instanceof Error ? error.message : error);
  const scheme = url ? url.slice(0, url.indexOf(":") + 1).toLowerCase() : "";
  if (scheme === "file:" || /file:/i.test(reason)) {
    return {
      state: "restricted",
      title: "Folio can't read local files yet",
      message:
        "To read files opened from your computer, allow Folio to access file URLs on the browser's extensions page, then try again.",
    };
  }
  if (scheme === "view-source:") {
    return {
      state: "restricted",
      title: "This is a source view",
      message: "Browsers don't let extensions read view-source pages. Open the page itself and try again.",
    };
  }
  if (/\.pdf(?:$|[?#])/i.test(url ?? "")) {
    return {
      state: "restricted",
      title: "Folio can't read PDFs",
      message: "The browser's PDF viewer doesn't let extensions read the document.",
    };
  }
  if (isStore(url)) {
    return {
      state: "restricted",
      title: "Folio can't read this page",
      message:
        "This is the browser's add-on store, which the browser keeps extensions out of so that none can change what you install. Folio works on ordinary web pages.",
    };
  }
  if (
    /^(?:chrome|edge|brave|opera|vivaldi|about|moz-extension|chrome-extension|resource|devtools):$/.test(
      scheme,
    )
  ) {
    return {
      state: "restricted",
      title: "Folio can't read this page",
      message:
        "This is one of the browser's own pages: browsers don't let extensions read them. Folio works on ordinary web pages.",
    };
  }
  return {
    state: "restricted",
    title: "Folio can't read this page",
    message:
      "The browser doesn't let extensions read its own pages, extension stores or built-in viewers. Folio works on ordinary web pages.",
  };
}

/** The extension stores, which browsers keep every extension out of. */
function isStore(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const { hostname, pathname } = new URL(url);
    return (
      hostname === "chromewebstore.google.com" ||
      (hostname === "chrome.google.com" && pathname.startsWith("/webstore")) ||
      hostname === "addons.mozilla.org" ||
      hostname === "microsoftedge.microsoft.com"
    );
  } catch {
    return false;
  }
}

/** Turns the content script's reply into a state. `force`: the user already asked "Show anyway". */
export function outcomeOf(reply: ExtractReply | null | undefined, force: boolean): Outcome {
  if (!reply) {
    return {
      state: "error",
      title: "The page didn't answer",
      message: "Folio couldn't run on this page. It may still be loading; try again.",
    };
  }
  if (reply.ok) return { state: "ready", article: reply.article };
  const { kind, message } = reply.error;
  // The core's messages for these name its command-line flag; the popup says it its own way.
  switch (kind) {
    case "not-article":
      return {
        state: "not-article",
        title: "This doesn't look like an article",
        message: "It may be a home page, a list or a shop. Folio can still try to show the page's main text.",
      };
    case "empty":
      return force
        ? {
            state: "error",
            title: "Nothing to read here",
            message: "Folio found no readable text on this page, so there is nothing to show.",
            action: null,
          }
        : {
            state: "not-article",
            title: "Nothing that looks like an article",
            message: "Folio found no article text. It can still try to show what text there is.",
          };
    case "too-large":
      // A body over what can be shown or saved (the core reads pages of any size otherwise):
      // however it is read, it stays too large, so there is nothing to try.
      return { state: "error", title: "This page is too large", message, action: null };
    case "not-html":
      return /\(application\/pdf\)/.test(message)
        ? {
            state: "restricted",
            title: "Folio can't read PDFs",
            message: "This is a PDF document, not a web page. Folio reads articles on web pages.",
          }
        : { state: "restricted", title: "This is not a web page", message };
    default:
      return {
        state: "error",
        title: "Something went wrong",
        message: `Folio couldn't read the article (${message}). Try again; if it keeps failing, reload the page.`,
      };
  }
}
