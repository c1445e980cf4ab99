/**
 * Button rows (after Readability, after the promo lines): "Rezept drucken · Bei Pinterest
 * speichern", "Print Recipe Pin Recipe". A recipe card or a story's toolbar prints its buttons
 * side by side in one line, so the line is none of the promo lines, though each button is: a
 * line made of two or more pieces, each one of the site's machinery phrases (promo-lines.ts)
 * and nothing else but separators, goes whole.
 */
import { squash } from "../whitespace.ts";
import { type Pass, isGone, remove } from "./context.ts";
import { shortElements } from "./measure.ts";
import { PROMO_LINE } from "./promo-phrases.ts";

const ROW_TAGS = new Set(["p", "div", "li", "span"]);
/** What stands between buttons: a bar, a dot, a slash, a dash. */
const SEPARATOR = /^[|·•/–—-]$/;

/** Whether `el`'s children are two or more machinery phrases and separators, nothing else. */
export function isButtonRow(el: Element): boolean {
  let buttons = 0;
  for (let n = el.firstChild; n; n = n.nextSibling) {
    const text = squash(n.textContent);
    if (!text || SEPARATOR.test(text)) continue;
    if (n.nodeType !== 1 || !PROMO_LINE.test(text)) return false;
    buttons++;
  }
  return buttons >= 2;
}

export const buttonRows: Pass = {
  name: "button-rows",
  run(root, ctx) {
    // The buttons' icons (an inline svg, a small image) go with them; the content guard keeps a
    // photo with a real source.
    for (const el of shortElements(ctx, root, 160, ROW_TAGS)) {
      if (isGone(ctx, el) || !isButtonRow(el)) continue;
      remove(ctx, el, "promo", "a row of the site's buttons", "text");
    }
  },
};
