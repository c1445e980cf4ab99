/**
 * Anchoring highlights to an article's text, as the W3C Web Annotation selectors do: the
 * quote with some context (TextQuoteSelector) and its place (TextPositionSelector) in the
 * text of the body. Found again first by place, then by quote and context, so a highlight
 * survives a new rendering, another width or font (the place does not change), and a body
 * that changed a little (a new save of the article: the quote is looked up).
 */
import type { TextAnchor } from "../library/annotations.ts";
import { rangeOf } from "./sentences.ts";

export { anchorOf, type TextAnchor } from "../library/annotations.ts";

/** Characters shared by the end of `a` and the end of `b`. */
function sharedEnd(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}
function sharedStart(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** Where `anchor` is in `text` now: its place if the quote is still there, else the best match of the quote; null when the quote is gone. */
export function findAnchor(text: string, anchor: TextAnchor): { start: number; end: number } | null {
  if (text.slice(anchor.start, anchor.end) === anchor.exact) return { start: anchor.start, end: anchor.end };
  let best: { start: number; end: number; score: number } | null = null;
  for (let at = text.indexOf(anchor.exact); at >= 0; at = text.indexOf(anchor.exact, at + 1)) {
    const end = at + anchor.exact.length;
    const context =
      sharedEnd(text.slice(Math.max(0, at - anchor.prefix.length), at), anchor.prefix) +
      sharedStart(text.slice(end, end + anchor.suffix.length), anchor.suffix);
    // Context first; among equals, the nearest to where it was.
    const score = context * 1_000_000 - Math.abs(at - anchor.start);
    if (!best || score > best.score) best = { start: at, end, score };
  }
  return best && { start: best.start, end: best.end };
}

/** The place of `range` in the text of `root` (null when it is not inside `root`, or empty). */
export function offsetsIn(root: Element, range: Range): { start: number; end: number } | null {
  if (!root.contains(range.commonAncestorContainer) || range.collapsed) return null;
  const before = root.ownerDocument.createRange();
  before.selectNodeContents(root);
  before.setEnd(range.startContainer, range.startOffset);
  const start = before.toString().length;
  const end = start + range.toString().length;
  return end > start ? { start, end } : null;
}

/** A Range over characters `start` to `end` of the text of `root`. */
export function rangeIn(root: Element, start: number, end: number): Range {
  return rangeOf(root, start, end);
}
