/**
 * Walking an imported HTML file (already parsed into an inert document by the caller: the
 * browser's DOMParser on the library page, jsdom in tests): elements in document order without
 * recursion, so a file nested thousands of levels deep cannot overflow the stack.
 */

/** SHOW_ELEMENT, written out: Node has no NodeFilter global. */
const SHOW_ELEMENT = 0x1;

/** Every element under `root` in document order, calling `visit` with its lower-case tag. */
export function eachElement(root: Node, visit: (element: Element, tag: string) => void): void {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, SHOW_ELEMENT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node as Element;
    visit(element, element.localName);
  }
}

/** Ancestors of `element` looked at, at most: deeper folder nesting is not read. */
export const MAX_ANCESTORS = 1000;
