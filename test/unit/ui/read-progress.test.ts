/** How far through an article the reader is: measured from the body's box, kept, and said on a row. */
import { describe, expect, it } from "vitest";
import { progressText } from "../../../src/library-page/reading-progress.ts";
import { readProgress, validPositions } from "../../../src/ui/position.ts";

describe("reading progress", () => {
  it("is 0 at the body's start, 1 with its end on screen, the share scrolled past between", () => {
    // A 3,000 px body under a 60 px toolbar in a 900 px window: 2,160 px to scroll through it.
    expect(readProgress({ top: 200, height: 3000 }, 60, 900)).toBe(0);
    expect(readProgress({ top: 60, height: 3000 }, 60, 900)).toBe(0);
    expect(readProgress({ top: 60 - 1080, height: 3000 }, 60, 900)).toBe(0.5);
    expect(readProgress({ top: 60 - 2160, height: 3000 }, 60, 900)).toBe(1);
    expect(readProgress({ top: 60 - 2500, height: 3000 }, 60, 900)).toBe(1);
    // A body shorter than the reading area is all on screen.
    expect(readProgress({ top: 100, height: 400 }, 60, 900)).toBe(1);
  });

  it("keeps the valid places only, with or without progress", () => {
    const kept = validPositions({
      "https://a.example/": { block: 2, offset: 0.5, at: 1, progress: 0.42 },
      "https://b.example/": { block: 1, offset: 0, at: 2 },
      "https://c.example/": { block: 1, offset: 0, at: 3, progress: 7 },
      "https://d.example/": "nonsense",
    });
    expect(Object.keys(kept)).toEqual(["https://a.example/", "https://b.example/"]);
    expect(validPositions(null)).toEqual({});
  });

  it("says how much was read when it is known", () => {
    expect(progressText({ block: 2, offset: 0, at: 1, progress: 0.424 })).toEqual({
      percent: 42,
      text: "42% read",
    });
    expect(progressText({ block: 9, offset: 1, at: 1, progress: 1 })?.text).toBe("100% read");
    expect(progressText({ block: 2, offset: 0, at: 1 })).toBeNull();
    expect(progressText(undefined)).toBeNull();
  });
});
