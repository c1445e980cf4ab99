/**
 * The article as sentences to read aloud: the headline, the standfirst and the body's blocks
 * in order, each block's text cut into sentences (Intl.Segmenter, sentence granularity, in the
 * article's language), each sentence with its place in its block, from which a DOM Range over
 * its words is made to highlight it and scroll to it.
 */

export interface Sentence {
  text: string;
  /** The block it is in (a paragraph, a heading, a list item...). */
  block: Element;
  /** Its characters in the block's text (a Range is made from them when needed: see rangeOf). */
  start: number;
  end: number;
}

/** Blocks read aloud: elements with text of their own and no such block inside them. */
const BLOCKS = "h1, h2, h3, h4, h5, h6, p, li, blockquote, figcaption, dt, dd, td, th, pre";
/** Not read: code listings, the list of removals, and what screen readers skip. */
const SKIP = "pre, code, .folio-cleaned, [aria-hidden='true'], .folio-meta, .folio-site";

/** Sentences of `text`: start and end offsets, in `lang`. */
export function splitSentences(text: string, lang?: string): [number, number][] {
  const spans: [number, number][] = [];
  const add = (start: number, end: number) => {
    // Trim, and keep only spans with a letter or digit to say.
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    if (end > start && /[\p{L}\p{N}]/u.test(text.slice(start, end))) spans.push([start, end]);
  };
  if (typeof Intl !== "undefined" && "Segmenter" in Intl) {
    let segmenter: Intl.Segmenter;
    try {
      segmenter = new Intl.Segmenter(lang || undefined, { granularity: "sentence" });
    } catch {
      segmenter = new Intl.Segmenter(undefined, { granularity: "sentence" });
    }
    for (const { index, segment } of segmenter.segment(text)) add(index, index + segment.length);
    return spans;
  }
  const pattern = /[^.!?。！？]+(?:[.!?。！？]+["'”’)\]]*|$)/g;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) add(m.index, m.index + m[0].length);
  return spans;
}

/** A Range over characters `start` to `end` of `block`'s text (its text nodes in order). */
export function rangeOf(block: Element, start: number, end: number): Range {
  const doc = block.ownerDocument;
  const range = doc.createRange();
  const walker = doc.createTreeWalker(block, 4); // NodeFilter.SHOW_TEXT
  let offset = 0;
  let started = false;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const length = node.data.length;
    if (!started && start < offset + length) {
      range.setStart(node, start - offset);
      started = true;
    }
    if (started && end <= offset + length) {
      range.setEnd(node, end - offset);
      return range;
    }
    offset += length;
  }
  range.selectNodeContents(block);
  return range;
}

/** The blocks of `article` (the rendered `.folio-article`) that are read, in order. */
export function readableBlocks(article: Element): Element[] {
  const blocks: Element[] = [];
  for (const el of article.querySelectorAll(`.folio-title, .folio-standfirst, .folio-body :is(${BLOCKS})`)) {
    if (el.closest(SKIP)) continue;
    // A block that holds other blocks is read through them (a list item with paragraphs).
    if (el.querySelector(BLOCKS)) continue;
    if (!el.textContent?.trim()) continue;
    blocks.push(el);
  }
  return blocks;
}

/** Every sentence of the rendered article, in reading order. */
export function articleSentences(article: Element, lang?: string): Sentence[] {
  const sentences: Sentence[] = [];
  for (const block of readableBlocks(article)) {
    const text = block.textContent ?? "";
    for (const [start, end] of splitSentences(text, lang)) {
      sentences.push({ text: text.slice(start, end), block, start, end });
    }
  }
  return sentences;
}
