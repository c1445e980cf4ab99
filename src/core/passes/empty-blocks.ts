/**
 * Blocks left empty. Removing ads, labels and promos leaves their wrappers behind: an empty
 * `<div>` or `<p>` renders as a gap in the reader. Media, line breaks and table cells count as
 * content; anything with neither text nor media goes, innermost first.
 */
import { type Pass, remove } from "./context.ts";

const CANDIDATES = "div, p, section, aside, span, figure, li, ul, ol, blockquote, header, footer, strong, em, b, i, a";
const MEDIA = "img, picture, video, audio, iframe, svg, math, canvas, object, embed, table, hr, br, pre, code, source";

export const emptyBlocks: Pass = {
  name: "empty-blocks",
  run(root, ctx) {
    const candidates = Array.from(root.querySelectorAll(CANDIDATES)).reverse();
    for (const el of candidates) {
      if (!el.parentNode || (el.textContent ?? "").trim() || el.querySelector(MEDIA)) continue;
      if (el.matches(MEDIA)) continue;
      remove(ctx, el, "empty", "block left empty");
    }
  },
};
