/** Reading settings (issue 16, item 2): the typography fields are kept valid whatever is stored. */
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, normalize } from "../../../src/ui/settings.ts";

describe("reading settings", () => {
  it("keeps the typography a reader chose", () => {
    const chosen = {
      theme: "dark",
      font: "dyslexic",
      size: 20,
      width: "wide",
      spacing: "loose",
      align: "justify",
    };
    expect(normalize(chosen)).toEqual(chosen);
  });

  it("gives older and damaged stored settings the defaults for what is missing or unknown", () => {
    // Settings stored before line spacing and alignment existed.
    expect(normalize({ theme: "sepia", font: "sans", size: 18, width: "narrow" })).toEqual({
      theme: "sepia",
      font: "sans",
      size: 18,
      width: "narrow",
      spacing: "normal",
      align: "start",
    });
    expect(normalize({ font: "comic", spacing: 3, align: "center" })).toEqual(DEFAULT_SETTINGS);
  });
});
