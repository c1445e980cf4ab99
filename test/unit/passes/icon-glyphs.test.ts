/** Icon glyphs: what an icon font draws, which a reader view shows as a box or a stray word. */
import { describe, expect, it } from "vitest";
import { iconGlyphs, isIconGlyph } from "../../../src/core/passes/icon-glyphs.ts";
import { passSetup } from "./harness.ts";

describe("icon glyphs", () => {
  it("removes a private-use glyph and a Material icon's ligature, keeping the words beside them", () => {
    const { root, ctx, text } = passSetup(
      '<p>für <i class="icon">\ue5d2</i> Portionen</p><p><span class="material-icons">print</span> Rezept drucken</p><p><i class="material-symbols-outlined">expand_more</i></p>',
    );
    iconGlyphs.run(root, ctx);
    expect(text()).not.toMatch(/[\ue000-\uf8ff]|print|expand_more/);
    expect(text()).toContain("Portionen");
    expect(text()).toContain("Rezept drucken");
    expect(ctx.removed.map((r) => r.reason)).toEqual(Array(3).fill("an icon font's glyph"));
  });

  it.each([
    ["a word in an element named for an icon, without a ligature font", "fa-print", "print"],
    ["words in a Material element that are not one ligature", "material-icons", "Print this"],
    ["text with a private-use character in it", "icon", "Tel. \ue0b0 0123"],
  ])("keeps %s", (_, names, text) => {
    expect(isIconGlyph(text, names)).toBe(false);
  });
});
