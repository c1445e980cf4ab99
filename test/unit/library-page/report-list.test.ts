// @vitest-environment jsdom
/** A report's lines: text only, at most 200, the rest counted. */
import { describe, expect, it } from "vitest";
import { MAX_REPORT_LINES, showReportLines } from "../../../src/library-page/report-list.ts";

describe("showReportLines", () => {
  it("lists each line as text, and counts what is past the first 200", () => {
    const list = document.createElement("ul");
    const lines = Array.from({ length: 3_250 }, (_, i) => `<b>page ${i}</b>: HTTP 404`);
    showReportLines(document, list, lines, "en-GB");
    expect(list.children).toHaveLength(MAX_REPORT_LINES + 1);
    expect(list.querySelector("b")).toBeNull();
    expect(list.firstElementChild?.textContent).toBe("<b>page 0</b>: HTTP 404");
    expect(list.lastElementChild?.textContent).toBe("…and 3,050 more");
    // Shown again, it replaces what it showed.
    showReportLines(document, list, ["one"], "en-GB");
    expect([...list.children].map((li) => li.textContent)).toEqual(["one"]);
  });
});
