/**
 * "Show anyway" on a page judged not an article (a home page, a section front): the reader
 * should show the page's main content, not its navigation. Readability scores paragraphs; a
 * front page whose teasers are linked headlines has none, and the navigation's list of long
 * link texts can outscore them. The page's main region (its one `<main>` or `role=main`
 * element) is what its author marked as the content: when the reading lies outside it, the
 * main region is read instead.
 */
import { descendantsWhere } from "./dom.ts";
import { squash } from "./whitespace.ts";

/** Less text than this in the main region: nothing to show instead. */
const MAIN_MIN_CHARS = 100;
/** The reading lies outside the main region when fewer of its words than this share are in it. */
const SHARED_WORDS_MIN = 0.5;

function words(text: string): string[] {
  return squash(text)
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** The page's one main region, or null (none, or several: which one would be a guess). */
export function mainRegion(body: Element): Element | null {
  const mains = descendantsWhere(
    body,
    (el) => el.localName === "main" || el.getAttribute("role") === "main",
  ).filter((el, _i, all) => !all.some((other) => other !== el && other.contains(el)));
  return mains.length === 1 ? mains[0]! : null;
}

/** The main region when the reading `root` lies outside it, else null. */
export function mainRegionOutside(body: Element, root: Element): Element | null {
  const main = mainRegion(body);
  if (!main || squash(main.textContent ?? "").length < MAIN_MIN_CHARS) return null;
  const inMain = new Set(words(main.textContent ?? ""));
  const read = words(root.textContent ?? "");
  if (read.length === 0) return main;
  const shared = read.filter((w) => inMain.has(w)).length / read.length;
  return shared < SHARED_WORDS_MIN ? main : null;
}
