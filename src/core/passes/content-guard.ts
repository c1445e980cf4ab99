/**
 * The guard every container removal asks first. Class names lie: a site may wrap the whole
 * story in `<div class="has-ads">` or `<section class="article-related-wrapper">`. A container
 * that holds the headline, the byline or real prose (several long paragraphs, or a lot of text
 * that is not links) is content, whatever its class says, and is never removed by a class-name
 * rule.
 */

import { descendants } from "../dom.ts";
import { elementsByTag, namedElements } from "./scan.ts";

const PROSE_PARAGRAPH_CHARS = 120;
const BYLINE = "[rel~='author'], [itemprop~='author'], [class*='byline' i]";

export function linkTextLength(el: Element): number {
  let n = 0;
  for (const a of descendants(el, "a")) n += (a.textContent ?? "").length;
  return n;
}

const storyMarksCache = new WeakMap<Element, Set<Element>>();

/** The headline, the byline marks and all their ancestors below `root`: found once per root. */
function storyMarks(root: Element): Set<Element> {
  let marks = storyMarksCache.get(root);
  if (marks) return marks;
  marks = new Set();
  const add = (el: Element) => {
    for (let n: Element | null = el; n && n !== root && !marks!.has(n); n = n.parentElement) marks!.add(n);
  };
  for (const h1 of elementsByTag(root, "h1")) add(h1);
  for (const { el, names, author } of namedElements(root)) if (author || /byline/i.test(names)) add(el);
  storyMarksCache.set(root, marks);
  return marks;
}

/**
 * Whether `el` is part of the story. With `root` (the passes' working root) the headline and
 * byline test uses marks found in one walk; without it, it queries `el` directly.
 */
export function looksLikeContent(el: Element, root?: Element): boolean {
  // The headline and the byline belong to the story: no ad slot or promo box contains them
  // (and Readability reads the byline from the page, so it must still be there).
  if (root) {
    if (storyMarks(root).has(el)) return true;
  } else if (el.localName === "h1" || el.getElementsByTagName("h1").length > 0 || el.querySelector(BYLINE)) {
    return true;
  }
  const text = el.textContent ?? "";
  if (text.length < 250) return false;
  let prose = 0;
  for (const p of descendants(el, "p")) {
    const len = (p.textContent ?? "").trim().length;
    if (len >= PROSE_PARAGRAPH_CHARS && linkTextLength(p) < len * 0.5 && ++prose >= 2) return true;
  }
  const compact = text.replace(/\s+/g, " ").length;
  return compact >= 1500 && linkTextLength(el) < compact * 0.3;
}
