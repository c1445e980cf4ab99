/**
 * Copies of the page that stay within a safe nesting depth. A page can nest elements as deep
 * as its script likes: Chromium's recursive `cloneNode` crashes the tab at about 30,000 levels,
 * and walks that look at every ancestor turn quadratic long before that (10,000 levels kept the
 * popup reading for 36 s). Browsers' own HTML parser nests no deeper than 512 levels, so no page
 * that comes from markup is deeper: below that depth a page is copied whole (the browser's fast
 * native clone); past it, it is copied node by node without recursion, leaving out what lies
 * deeper than the limit (only script-made nesting can reach there).
 */

/** The deepest level copied: the nesting depth browsers' HTML parser allows. */
export const MAX_DEPTH = 512;

/**
 * Whether any node of `doc` lies deeper than `limit` levels below the document (its root
 * element is at level 1). Only elements are walked, not their text (about half of a page's
 * nodes): a node lies deeper than `limit` exactly when an element at `limit` levels or deeper
 * has a child.
 */
export function deeperThan(doc: Document, limit: number): boolean {
  const root = doc.documentElement;
  if (!root) return false;
  if (limit <= 1 && root.firstChild) return true;
  return countBelow(root, 1, limit) < 0;
}

/**
 * Counts the elements below `el` (at level `depth`), in document order, stopping at `cap`.
 * Returns -1 as soon as one of them, at `limit` levels or deeper, has a child.
 */
export function countBelow(
  el: Element,
  depth: number,
  limit: number,
  cap = Number.POSITIVE_INFINITY,
): number {
  let count = 0;
  let node: Element | null = el.firstElementChild;
  let level = depth + 1;
  while (node && count < cap) {
    count++;
    if (level >= limit && node.firstChild) return -1;
    const child: Element | null = node.firstElementChild;
    if (child) {
      node = child;
      level++;
      continue;
    }
    while (node && node !== el && !node.nextElementSibling) {
      node = node.parentElement;
      level--;
    }
    node = node === el ? null : (node?.nextElementSibling ?? null);
  }
  return count;
}

/**
 * A copy of `doc` to work on: a deep clone, or, when the page nests deeper than `limit`, a
 * copy made without recursion that stops at `limit` levels. Never changes `doc`.
 */
export function copyDocument(doc: Document, limit = MAX_DEPTH): Document {
  return deeperThan(doc, limit) ? copyCut(doc, limit) : (doc.cloneNode(true) as Document);
}

/** A copy of `doc`, made without recursion, of its nodes down to `limit` levels. */
export function copyCut(doc: Document, limit = MAX_DEPTH): Document {
  return copyTree(doc, (_, depth) => (depth < limit ? "open" : "alone"));
}

/**
 * How `copyTree` copies a node: with everything below it (the browser's native clone), alone,
 * or alone with its children each copied as `how` says in turn.
 */
export type CopyHow = "whole" | "alone" | "open";

/** A copy of `doc` made without recursion, each node copied as `how` says (the root's children at level 1). */
export function copyTree(doc: Document, how: (node: Node, depth: number) => CopyHow): Document {
  const copy = doc.cloneNode(false) as Document;
  const stack: [Node, Node, number][] = [];
  const pushChildren = (from: Node, into: Node, depth: number) => {
    for (let child = from.lastChild; child; child = child.previousSibling) stack.push([child, into, depth]);
  };
  pushChildren(doc, copy, 1);
  for (let item = stack.pop(); item; item = stack.pop()) {
    const [node, parent, depth] = item;
    const way = how(node, depth);
    const clone = copy.importNode(node, way === "whole");
    parent.appendChild(clone);
    if (way === "open") pushChildren(node, clone, depth + 1);
  }
  return copy;
}
