/**
 * Blocks left empty. Removing ads, labels and promos leaves their wrappers behind: an empty
 * `<div>` or `<p>` renders as a gap in the reader. Media, line breaks and table cells count as
 * content; an element with neither text nor media goes. One bottom-up walk, so a wrapper that
 * held only empty wrappers goes too (reported once, as its outermost empty block).
 *
 * Headings with nothing under them: a label-like heading left last at the reading's end
 * ("Weitere Tourentipps in Schweden", "Related", "Share this"), or followed straight by another
 * heading of its rank or higher, introduced what the cleanup, or Readability, took away: a
 * list of other stories, share buttons, a comment form.
 */
import { descendants } from "../dom.ts";
import { squash } from "../whitespace.ts";
import { type Pass, remove } from "./context.ts";
import { isLabelText } from "./link-lists.ts";

const REMOVABLE = new Set([
  "div",
  "p",
  "section",
  "aside",
  "span",
  "figure",
  "li",
  "ul",
  "ol",
  "blockquote",
  "header",
  "footer",
  "strong",
  "em",
  "b",
  "i",
  "a",
]);
const KEEP = new Set([
  "img",
  "picture",
  "video",
  "audio",
  "iframe",
  "svg",
  "math",
  "canvas",
  "object",
  "embed",
  "table",
  "hr",
  "br",
  "pre",
  "code",
  "source",
  "td",
  "th",
  "tr",
  "input",
]);

export const emptyBlocks: Pass = {
  name: "empty-blocks",
  run(root, ctx) {
    // Post-order: an element is empty when it has no text and all its children are empty.
    const empty = new Set<Element>();
    const stack: { el: Element; child: Element | null }[] = [{ el: root, child: root.firstElementChild }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      if (top.child) {
        const child = top.child;
        top.child = child.nextElementSibling;
        stack.push({ el: child, child: child.firstElementChild });
        continue;
      }
      stack.pop();
      const el = top.el;
      if (KEEP.has(el.localName)) continue;
      let isEmpty = true;
      for (let c = el.firstChild; c && isEmpty; c = c.nextSibling) {
        if (c.nodeType === 3) isEmpty = !(c.nodeValue ?? "").trim();
        else if (c.nodeType === 1) isEmpty = empty.has(c as Element);
      }
      if (isEmpty) empty.add(el);
    }
    for (const el of empty) {
      if (el === root || !REMOVABLE.has(el.localName)) continue;
      const parent = el.parentElement;
      // Only the outermost removable empty element is removed and reported.
      if (parent && parent !== root && empty.has(parent) && REMOVABLE.has(parent.localName)) continue;
      remove(ctx, el, "empty", "block left empty");
    }
  },
};

const HEADING = /^h[1-6]$/;
const SUBHEADINGS = new Set(["h2", "h3", "h4", "h5", "h6"]);
/** Trailing headings taken at most: a few labels stacked at a story's end, never a section of it. */
const MAX_TRAILING_HEADINGS = 3;

/** The reading's last text or media, in document order: a walk from its end. */
function lastContent(root: Element): Node | null {
  let node: Node | null = root.lastChild;
  while (node) {
    if (node.nodeType === 3 && (node.nodeValue ?? "").trim()) return node;
    if (node.nodeType === 1) {
      const el = node as Element;
      if (KEEP.has(el.localName) && el.localName !== "br") return el;
      if (el.lastChild) {
        node = el.lastChild;
        continue;
      }
    }
    // Back one: the previous sibling, else the nearest ancestor's previous sibling.
    while (node && node !== root && !node.previousSibling) node = node.parentNode;
    node = node && node !== root ? node.previousSibling : null;
  }
  return null;
}

export const emptyHeadings: Pass = {
  name: "empty-headings",
  run(root, ctx) {
    for (let i = 0; i < MAX_TRAILING_HEADINGS; i++) {
      const last = lastContent(root);
      const heading = last && outermostHeading(last, root);
      // A label ("More on this", "Share this"), not a subheading that says something (a
      // sentence, a paywalled section's lead); never the reading's only words.
      const words = squash(heading?.textContent);
      const rest = squash(root.textContent).length - words.length;
      if (!heading || rest <= 0 || !isLabelText(words)) break;
      if (!remove(ctx, heading, "promo", "a heading with nothing under it, at the reading's end", "text"))
        break;
    }
    // Inside the reading: a label-like heading whose next words are another heading of its rank
    // or higher heads a section left empty.
    for (const heading of descendants(root, SUBHEADINGS)) {
      const next = nextContent(heading, root);
      const nextHeading = next && outermostHeading(next, root);
      if (!nextHeading || nextHeading.localName > heading.localName) continue;
      if (isLabelText(squash(heading.textContent)))
        remove(ctx, heading, "promo", "a heading with nothing under it, before the next heading", "text");
    }
  },
};

/** The first text or media after `el` (not inside it), in document order, below `root`. */
function nextContent(el: Element, root: Element): Node | null {
  let node: Node | null = el;
  for (;;) {
    while (node && node !== root && !node.nextSibling) node = node.parentNode;
    if (!node || node === root) return null;
    node = node.nextSibling;
    // Down into it, to its first text or media.
    while (node) {
      if (node.nodeType === 3 && (node.nodeValue ?? "").trim()) return node;
      if (
        node.nodeType === 1 &&
        KEEP.has((node as Element).localName) &&
        (node as Element).localName !== "br"
      )
        return node;
      if (node.nodeType === 1 && node.firstChild) node = node.firstChild;
      else break;
    }
    if (!node) return null;
  }
}

/** The outermost heading that holds `node` (itself when it is one), below `root`. */
function outermostHeading(node: Node, root: Element): Element | null {
  let heading: Element | null = null;
  for (
    let n = node.nodeType === 1 ? (node as Element) : node.parentElement;
    n && n !== root;
    n = n.parentElement
  )
    if (HEADING.test(n.localName)) heading = n;
  return heading;
}
