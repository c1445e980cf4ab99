/**
 * Error screens with actions that can succeed (issue 16, item 7): Show anyway where Folio
 * refused, nothing where nothing can change the answer, and a
 * plain explanation where the browser forbids reading.
 */
import { describe, expect, it } from "vitest";
import { actionOf, outcomeOf, restrictedOutcome } from "../../../src/platform/read-outcome.ts";
import { NOT_RESPONDING } from "../../../src/platform/read-tab.ts";

const failure = (kind: string, message = "") => ({ ok: false, error: { kind, message } }) as never;

function screen(outcome: ReturnType<typeof outcomeOf>) {
  if (outcome.state === "ready") throw new Error("expected a state with a message");
  return { state: outcome.state, title: outcome.title, action: actionOf(outcome) };
}

describe("the actions of the state screens", () => {
  it("offers Show anyway where Folio refused", () => {
    expect(screen(outcomeOf(failure("not-article"), false)).action).toBe("show-anyway");
    expect(screen(outcomeOf(failure("empty"), false)).action).toBe("show-anyway");
  });

  it("offers nothing for a page too large to show or save, forced or not", () => {
    const tooLong = "This article is too long to show or save (over 10 million characters).";
    for (const force of [false, true]) {
      expect(screen(outcomeOf(failure("too-large", tooLong), force))).toEqual({
        state: "error",
        title: "This page is too large",
        action: null,
      });
    }
  });

  it("offers no Try again where it cannot succeed", () => {
    expect(screen(outcomeOf(failure("empty"), true))).toEqual({
      state: "error",
      title: "Nothing to read here",
      action: null,
    });
  });

  it("keeps Try again where a second try may go otherwise", () => {
    expect(screen(NOT_RESPONDING).action).toBe("try-again");
    expect(screen(outcomeOf(null, false)).action).toBe("try-again");
    expect(screen(outcomeOf(failure("exception", "boom"), false)).action).toBe("try-again");
  });

  it("explains plainly where the browser forbids reading, with no action", () => {
    const cases: [string, RegExp][] = [
      ["chrome://settings/", /browser's own pages/],
      ["about:addons", /browser's own pages/],
      ["https://chromewebstore.google.com/detail/x/abc", /add-on store/],
      ["https://addons.mozilla.org/en-US/firefox/", /add-on store/],
      ["file:///home/me/story.html", /allow Folio to access file URLs/],
      ["view-source:https://example.org/", /view-source/],
    ];
    for (const [url, explanation] of cases) {
      const outcome = restrictedOutcome(url, new Error("Cannot access contents of the page"));
      if (outcome.state === "ready") throw new Error("restricted expected");
      expect(outcome.state, url).toBe("restricted");
      expect(outcome.message, url).toMatch(explanation);
      expect(actionOf(outcome), url).toBeNull();
    }
  });
});
