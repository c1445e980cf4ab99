/**
 * Tag lookups below an element that stay cheap in every DOM. jsdom (Node: CLI, tests,
 * benchmarks) is the reason this module exists: iterating a `getElementsByTagName` collection
 * there costs time quadratic in its size (3,000 links: seconds), and `querySelectorAll` runs a
 * selector engine over the subtree, while a TreeWalker is a plain walk. Browsers are fast with
 * all three; this is fast everywhere.
 */

const SHOW_ELEMENT = 1; // NodeFilter.SHOW_ELEMENT, without needing the window's NodeFilter

/** Elements below `root` (not `root` itself) whose tag is `tag` or in `tags`, in document order. */
export function descendants(root: Element, tags: string | ReadonlySet<string>): Element[] {
  const found: Element[] = [];
  const match = typeof tags === "string" ? (name: string) => name === tags : (name: string) => tags.has(name);
  const walker = root.ownerDocument.createTreeWalker(root, SHOW_ELEMENT);
  for (let el = walker.nextNode() as Element | null; el; el = walker.nextNode() as Element | null) {
    if (match(el.localName)) found.push(el);
  }
  return found;
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
