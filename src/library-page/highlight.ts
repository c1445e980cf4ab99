/**
 * Search hits marked in a row's headline and excerpt: the words that match the query (folded
 * as search folds them: any case, diacritics, ß = ss; the word being typed as a prefix) are
 * wrapped in `<mark>`. Built from text nodes and elements only, never from HTML: the text is
 * a web page's or an imported file's.
 */
import { fold } from "../library/fold.ts";
import { parseQuery } from "../library/search-terms.ts";

const WORD_RE = /[\p{L}\p{N}]+/gu;

/** The [start, end) ranges of `text` that match `query`, in order. */
export function hitRanges(text: string, query: string): [number, number][] {
  const { whole, prefix } = parseQuery(query);
  if (whole.length === 0 && !prefix) return [];
  const wanted = new Set(whole);
  const ranges: [number, number][] = [];
  for (const match of text.matchAll(WORD_RE)) {
    const word = fold(match[0]);
    if (wanted.has(word) || (prefix !== null && word.startsWith(prefix))) {
      ranges.push([match.index, match.index + match[0].length]);
    }
  }
  return ranges;
}

/** What each element shows now (its text and hits), so that showing the same again costs nothing. */
const shown = new WeakMap<Element, string>();

/**
 * Replaces `element`'s children with `text`, its hits for `query` marked. An element that shows
 * that text with those hits already is left alone (typing a longer word mostly marks the same
 * words: the row is then not laid out again).
 */
export function showHighlighted(element: HTMLElement, text: string, query: string): void {
  const doc = element.ownerDocument;
  const ranges = hitRanges(text, query);
  const key = `${ranges.join(";")}|${text}`;
  if (shown.get(element) === key) return;
  shown.set(element, key);
  if (ranges.length === 0) {
    element.textContent = text;
    return;
  }
  const parts: Node[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) parts.push(doc.createTextNode(text.slice(at, start)));
    const mark = doc.createElement("mark");
    mark.className = "lib-hit";
    mark.textContent = text.slice(start, end);
    parts.push(mark);
    at = end;
  }
  if (at < text.length) parts.push(doc.createTextNode(text.slice(at)));
  element.replaceChildren(...parts);
}
