/** The bootstrap interval bench:popup prints beside each ratio of medians. */
import { describe, expect, it } from "vitest";
import { ratioInterval } from "../../../bench/ratio-interval.ts";

describe("ratioInterval", () => {
  it("is a point when every sample is the same", () => {
    expect(ratioInterval([200, 200, 200], [100, 100, 100])).toEqual({ low: 2, high: 2 });
  });

  it("holds the ratio of the medians and widens with the spread", () => {
    const tight = ratioInterval([250, 252, 254, 256, 258, 260, 262], [240, 241, 242, 243, 244, 245, 246]);
    const loose = ratioInterval([200, 230, 250, 256, 270, 300, 340], [180, 220, 240, 243, 260, 280, 330]);
    const point = 256 / 243;
    for (const interval of [tight, loose]) {
      expect(interval?.low).toBeLessThanOrEqual(point);
      expect(interval?.high).toBeGreaterThanOrEqual(point);
    }
    expect((loose?.high ?? 0) - (loose?.low ?? 0)).toBeGreaterThan((tight?.high ?? 0) - (tight?.low ?? 0));
  });

  it("gives the same interval for the same samples, and none without samples", () => {
    const a = [300, 310, 290, 305, 320, 280, 315];
    const b = [250, 270, 260, 255, 265, 240, 275];
    expect(ratioInterval(a, b)).toEqual(ratioInterval(a, b));
    expect(ratioInterval([], b)).toBeNull();
  });
});
