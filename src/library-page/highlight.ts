/**
 * Search hits marked in a row's headline and excerpt: the words that match the query (folded
 * as search folds them: any case, diacritics, ß = ss; the word being typed as a prefix) are
 * wrapped in `<mark>`. Built from text nodes and elements only, never from HTML: the text is
 * a web page's or an imported file's.
 */
import { fold } from "../library/fold.ts";
import { type ParsedQuery, parseQuery } from "../library/search-terms.ts";

const WORD_RE = /[\p{L}\p{N}]+/gu;

/** A word of a text: where it is, and its folded form. */
type Word = [start: number, end: number, folded: string];

/** The words of `text`, folded as search folds them. */
function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  for (const match of text.matchAll(WORD_RE)) {
    words.push([match.index, match.index + match[0].length, fold(match[0])]);
  }
  return words;
}

/** The [start, end) ranges of the `words` of a text that match `query`, in order. */
function matching(words: readonly Word[], query: string | ParsedQuery): [number, number][] {
  const { whole, prefix } = typeof query === "string" ? parseQuery(query) : query;
  if (whole.length === 0 && !prefix) return [];
  const wanted = new Set(whole);
  const ranges: [number, number][] = [];
  for (const [start, end, word] of words) {
    if (wanted.has(word) || (prefix !== null && word.startsWith(prefix))) ranges.push([start, end]);
  }
  return ranges;
}

/** The [start, end) ranges of `text` that match `query` (a query as typed, or parsed), in order. */
export function hitRanges(text: string, query: string | ParsedQuery): [number, number][] {
  return matching(wordsOf(text), query);
}

/**
 * What each element shows: its text, the text's words (cut and folded once: a row stays on the
 * list while the query grows, and only which of its words match changes) and the hits marked.
 */
const shown = new WeakMap<Element, { text: string; words: Word[]; hits: string }>();

/**
 * Replaces `element`'s children with `text`, its hits for `query` marked. An element that shows
 * that text with those hits already is left alone (typing a longer word mostly marks the same
 * words: the row is then not laid out again), as is one that shows the text plain, unmarked,
 * when nothing in it matches.
 */
export function showHighlighted(element: HTMLElement, text: string, query: string | ParsedQuery): void {
  const doc = element.ownerDocument;
  let state = shown.get(element);
  if (state?.text !== text) {
    // Not yet known, or rebuilt: an element with no child but its text shows it unmarked.
    const plain = element.childElementCount === 0 && element.textContent === text;
    state = { text, words: wordsOf(text), hits: plain ? "" : "?" };
    shown.set(element, state);
  }
  const ranges = matching(state.words, query);
  const hits = ranges.join(";");
  if (state.hits === hits) return;
  state.hits = hits;
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
