/** Reading progress and the remembered place (issue 16, item 3): the arithmetic and the cap. */
import { describe, expect, it } from "vitest";
import { type Position, withPosition } from "../../../src/ui/position.ts";
import { readFraction, timeLeft } from "../../../src/ui/progress.ts";

describe("reading progress", () => {
  it("goes from the article's top at the window's top to its end in view", () => {
    expect(readFraction(0, 3000, 1000)).toBe(0);
    expect(readFraction(120, 3000, 1000)).toBe(0); // not reached yet
    expect(readFraction(-1000, 3000, 1000)).toBe(0.5);
    expect(readFraction(-2500, 3000, 1000)).toBe(1);
    expect(readFraction(0, 800, 1000)).toBe(1); // all of it in view
  });

  it("says the time left in minutes, rounded up", () => {
    expect(timeLeft(6, 0)).toBe("6 min left");
    expect(timeLeft(6, 0.5)).toBe("3 min left");
    expect(timeLeft(6, 0.9)).toBe("1 min left");
    expect(timeLeft(0, 0.2)).toBe("under 1 min left");
    expect(timeLeft(6, 1)).toBe("Finished");
  });
});

describe("remembered positions", () => {
  const at = (t: number): Position => ({ block: 3, offset: 0.5, at: t });

  it("keeps the most recent articles, dropping the oldest past the cap", () => {
    let positions = {};
    for (let i = 0; i < 5; i++) positions = withPosition(positions, `https://news.example/${i}`, at(i), 3);
    expect(Object.keys(positions).sort()).toEqual([
      "https://news.example/2",
      "https://news.example/3",
      "https://news.example/4",
    ]);
    // Reading an old one again makes it recent.
    positions = withPosition(positions, "https://news.example/2", at(10), 3);
    positions = withPosition(positions, "https://news.example/5", at(11), 3);
    expect(Object.keys(positions).sort()).toEqual([
      "https://news.example/2",
      "https://news.example/4",
      "https://news.example/5",
    ]);
  });
});
