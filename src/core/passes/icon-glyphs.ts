/**
 * Icon glyphs (before Readability): the icons a site draws with its icon font, which a reader
 * view does not load. Without the font, a glyph of Unicode's private use area shows as a box
 * ("für □ Portionen") and a Material icon's ligature as a stray word ("print", "expand_more").
 * An element whose whole text is such a glyph goes.
 */
import { type Pass, isGone, remove } from "./context.ts";
import { namedElements } from "./scan.ts";

/** Private use area characters only (an icon font's code points). */
const PRIVATE_USE_ONLY = /^[\ue000-\uf8ff\s]+$/;
/** Google's icon fonts, which draw an icon for a word written in the element. */
const LIGATURE_FONT = /(?:^|\s)material-(?:icons|symbols)/i;
const LIGATURE = /^[a-z0-9_]{2,40}$/;

export function isIconGlyph(text: string, names: string): boolean {
  const t = text.trim();
  if (!t || t.length > 40) return false;
  return PRIVATE_USE_ONLY.test(t) || (LIGATURE_FONT.test(names) && LIGATURE.test(t));
}

export const iconGlyphs: Pass = {
  name: "icon-glyphs",
  run(root, ctx) {
    // Icons are marked up with a class (the font's name or the icon's): the named elements.
    for (const { el, names } of namedElements(ctx, root)) {
      if (!isGone(ctx, el) && isIconGlyph(el.textContent ?? "", names))
        remove(ctx, el, "hidden", "an icon font's glyph", "text");
    }
  },
};
