/**
 * Tag lookups below an element that stay cheap in every DOM. jsdom (Node: CLI, tests,
 * benchmarks) is the reason this module exists: iterating a `getElementsByTagName` collection
 * there costs time quadratic in its size (3,000 links: seconds), and `querySelectorAll` runs a
 * selector engine over the subtree, while a TreeWalker is a plain walk. Even `closest` is
 * costly there: the engine sets itself up for every new document (about 0.6 ms on the first
 * call, as much as Readability's whole run on a small page) and again for every new selector
 * (0.05-0.2 ms). Browsers are fast with all of these; the functions here are fast everywhere.
 */

const SHOW_ELEMENT = 1; // NodeFilter.SHOW_ELEMENT, without needing the window's NodeFilter

/** Elements below `root` (not `root` itself) whose tag is `tag` or in `tags`, in document order. */
export function descendants(root: Element, tags: string | ReadonlySet<string>): Element[] {
  if (typeof tags === "string") return descendantsWhere(root, (el) => el.localName === tags);
  return descendantsWhere(root, (el) => tags.has(el.localName));
}

/** The first element below `root` that passes `test`, or null; stops there. */
export function firstDescendant(root: Element, test: (el: Element) => boolean): Element | null {
  const walker = root.ownerDocument.createTreeWalker(root, SHOW_ELEMENT);
  for (let el = walker.nextNode() as Element | null; el; el = walker.nextNode() as Element | null) {
    if (test(el)) return el;
  }
  return null;
}

/** Whether some element below `root` has a tag in `tags`. */
export function hasDescendant(root: Element, tags: ReadonlySet<string>): boolean {
  return firstDescendant(root, (el) => tags.has(el.localName)) !== null;
}

/** Elements below `root` (not `root` itself) that pass `test`, in document order. */
export function descendantsWhere(root: Element | Document, test: (el: Element) => boolean): Element[] {
  const found: Element[] = [];
  const doc = root.nodeType === 9 ? (root as Document) : (root as Element).ownerDocument;
  const walker = doc.createTreeWalker(root, SHOW_ELEMENT);
  for (let el = walker.nextNode() as Element | null; el; el = walker.nextNode() as Element | null) {
    if (test(el)) found.push(el);
  }
  return found;
}

/** `el` itself or its nearest ancestor that passes `test`, like `closest` without a selector. */
export function closestWhere(el: Element, test: (el: Element) => boolean): Element | null {
  for (let node: Element | null = el; node; node = node.parentElement) if (test(node)) return node;
  return null;
}

/** `el` itself or its nearest ancestor whose tag is `tag` or in `tags` (`closest("figure")`). */
export function closestTag(el: Element, tags: string | ReadonlySet<string>): Element | null {
  if (typeof tags === "string") return closestWhere(el, (node) => node.localName === tags);
  return closestWhere(el, (node) => tags.has(node.localName));
}
