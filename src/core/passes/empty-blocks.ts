/**
 * Blocks left empty. Removing ads, labels and promos leaves their wrappers behind: an empty
 * `<div>` or `<p>` renders as a gap in the reader. Media, line breaks and table cells count as
 * content; an element with neither text nor media goes. One bottom-up walk, so a wrapper that
 * held only empty wrappers goes too (reported once, as its outermost empty block).
 */
import { type Pass, remove } from "./context.ts";

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
