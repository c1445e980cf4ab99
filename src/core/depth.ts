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
  let el: Element | null = doc.documentElement;
  let depth = 1;
  while (el) {
    if (depth >= limit && el.firstChild) return true;
    const child: Element | null = el.firstElementChild;
    if (child) {
      el = child;
      depth++;
      continue;
    }
    while (el && !el.nextElementSibling) {
      el = el.parentElement;
      depth--;
    }
    el = el?.nextElementSibling ?? null;
  }
  return false;
}

/**
 * A copy of `doc` to work on: a deep clone, or, when the page nests deeper than `limit`, a
 * copy made without recursion that stops at `limit` levels. Never changes `doc`.
 */
export function copyDocument(doc: Document, limit = MAX_DEPTH): Document {
  if (!deeperThan(doc, limit)) return doc.cloneNode(true) as Document;
  const copy = doc.cloneNode(false) as Document;
  const stack: [Node, Node, number][] = [];
  const pushChildren = (from: Node, into: Node, depth: number) => {
    for (let child = from.lastChild; child; child = child.previousSibling) stack.push([child, into, depth]);
  };
  pushChildren(doc, copy, 1);
  for (let item = stack.pop(); item; item = stack.pop()) {
    const [node, parent, depth] = item;
    const clone = copy.importNode(node, false);
    parent.appendChild(clone);
    if (depth < limit) pushChildren(node, clone, depth + 1);
  }
  return copy;
}
