/**
 * Facts about every element of the article, measured in one bottom-up walk: how much text it
 * holds and whether it contains blocks or media. The after-Readability passes look for small
 * things (a label, a promo line, a repeated caption); asking `textContent` or `querySelector`
 * of every candidate would walk big subtrees again and again (quadratic on a long article).
 *
 * Lengths are measured once, before the passes remove anything, so they can only overstate
 * what is left: a pass uses them to skip what is surely too long, then checks the real text.
 */
import type { Memo } from "./memo.ts";

export interface Measure {
  /** Characters of text below the element (whitespace included). */
  textLength: number;
  /** Whether a block-level element is below it. */
  hasBlock: boolean;
  /** Whether an image, picture, video, audio or iframe is below it. */
  hasMedia: boolean;
}

const BLOCKS = new Set([
  "p",
  "div",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "ul",
  "ol",
  "li",
  "table",
  "figure",
  "blockquote",
  "section",
  "article",
  "aside",
  "header",
  "footer",
  "pre",
  "dl",
  "form",
]);
const MEDIA = new Set(["img", "picture", "video", "audio", "iframe", "svg", "canvas", "object", "embed"]);

export interface Measured {
  sizes: Map<Element, Measure>;
  /** The elements below root, in document order. */
  order: Element[];
}

/** Measures of all elements below `root` (cached per root). */
export function measure(memo: Memo, root: Element): Map<Element, Measure> {
  return measured(memo, root).sizes;
}

function measured(memo: Memo, root: Element): Measured {
  const hit = memo.measures.get(root);
  if (hit) return hit;
  const map = new Map<Element, Measure>();
  const order: Element[] = [];
  // Iterative post-order walk: children are measured before their parent.
  const stack: { el: Element; child: Element | null }[] = [{ el: root, child: root.firstElementChild }];
  const own = (el: Element): number => {
    let n = 0;
    for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === 3) n += (c.nodeValue ?? "").length;
    return n;
  };
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (top.child) {
      const child = top.child;
      top.child = child.nextElementSibling;
      order.push(child);
      stack.push({ el: child, child: child.firstElementChild });
      continue;
    }
    stack.pop();
    const m: Measure = { textLength: own(top.el), hasBlock: false, hasMedia: false };
    for (let c = top.el.firstElementChild; c; c = c.nextElementSibling) {
      const cm = map.get(c)!;
      m.textLength += cm.textLength;
      m.hasBlock ||= cm.hasBlock || BLOCKS.has(c.localName);
      m.hasMedia ||= cm.hasMedia || MEDIA.has(c.localName);
    }
    map.set(top.el, m);
  }
  const result = { sizes: map, order };
  memo.measures.set(root, result);
  return result;
}

/** Elements below `root` in document order whose measured text is at most `maxLength`. */
export function shortElements(
  memo: Memo,
  root: Element,
  maxLength: number,
  tags: ReadonlySet<string>,
): Element[] {
  const { sizes, order } = measured(memo, root);
  return order.filter((el) => tags.has(el.localName) && sizes.get(el)!.textLength <= maxLength);
}

/** Elements below `root` in document order (the walk `measure` made). */
export function elementsInOrder(memo: Memo, root: Element): readonly Element[] {
  return measured(memo, root).order;
}
