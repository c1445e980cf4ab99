/**
 * What every cleanup pass receives, and the one way a pass removes something: `remove`, which
 * takes the node out and records what went and why (Defuddle's rule: no silent removals).
 */
import { REMOVAL_TEXT_MAX, type Removal, type RemovalKind } from "../types.ts";
import { squash } from "../whitespace.ts";
import { protectedContent } from "./content-guard.ts";
import type { Memo } from "./memo.ts";

/** An extraction's context: what every pass reads, and what it remembers (memo.ts). */
export interface PassContext extends Memo {
  /** The working document: a clone of the page, never the live one. */
  doc: Document;
  /** Headline and standfirst as the metadata found them (the headline pass needs them). */
  title: string;
  subtitle: string | null;
  /** Authors as the metadata found them (the headline pass drops a repeated byline line). */
  authors: string[];
  /**
   * Elements of the working copy whose live counterpart the browser does not show. Filled only
   * for the elements passes ask about (captions) and only when the caller can tell (browser).
   */
  hidden?: Set<Element>;
  /**
   * Texts (squashed, lower-case) of the page's captions and credits, noted before Readability:
   * it rebuilds blocks (a caption `<div>` becomes a new `<p>`), so marks on elements can be lost.
   */
  captionTexts?: Set<string>;
  removed: Removal[];
}

/** A named cleanup pass. `root` is the whole clone's body before Readability, the article after. */
export interface Pass {
  name: string;
  run(root: Element, ctx: PassContext): void;
}

function shorten(text: string): string {
  return text.length > REMOVAL_TEXT_MAX ? `${text.slice(0, REMOVAL_TEXT_MAX - 1)}…` : text;
}

/**
 * Whether `node` or one of its ancestors was already removed by a pass. `remove` detaches what
 * it takes and no pass puts a node back, so a removed ancestor is always the top of the node's
 * detached tree: one native `getRootNode` instead of a walk that wraps every ancestor (a pass
 * asks this of most elements of a long article).
 */
export function isGone(memo: Memo, node: Node): boolean {
  return memo.removedNodes.has(node.getRootNode());
}

/**
 * What a removal rule went by, which decides what the content guard lets it take:
 * - "name" (the default): the element's class, id, tag or place, which say nothing about
 *   whether it is the article's; it may take nothing the guard protects;
 * - "text": the element's own words (an ad label, a promo line, a credit): it may take that
 *   text, but no photo, table, list, code, quotation or math it holds;
 * - "copy": a copy of something the reader still sees (a caption printed twice, a noscript
 *   fallback, the headline repeated); "label": a block whose own words say it is an ad (a
 *   picture captioned "Advertisement"): neither is guarded.
 */
export type Evidence = "name" | "text" | "copy" | "label";

/**
 * Removes `node` and records it, unless the content guard finds article content in it that
 * `evidence` does not reach (then nothing happens). Returns whether it was removed (false too
 * when it, or an ancestor, was already removed).
 */
export function remove(
  ctx: PassContext,
  node: Element,
  kind: RemovalKind,
  reason: string,
  evidence: Evidence = "name",
): boolean {
  if (!node.parentNode || isGone(ctx, node)) return false;
  if ((evidence === "name" || evidence === "text") && protectedContent(node, { prose: evidence === "name" }))
    return false;
  ctx.removedNodes.add(node);
  ctx.removed.push({ kind, reason, text: shorten(squash(leadingText(node))) });
  node.remove();
  return true;
}

/**
 * Enough of the element's text for the record: text nodes in order until there is more than
 * the record keeps (a removed navigation or comment section can hold a whole page of text).
 */
function leadingText(node: Element): string {
  let text = "";
  let visible = 0; // characters other than whitespace: squashed, the text is at least this long
  const walker = node.ownerDocument.createTreeWalker(node, 4); // NodeFilter.SHOW_TEXT
  for (let t = walker.nextNode(); t && visible <= REMOVAL_TEXT_MAX; t = walker.nextNode()) {
    const value = t.nodeValue ?? "";
    text += value;
    visible += value.replace(/\s+/g, "").length;
  }
  return text;
}

/** Records a removal of something that is not a whole element (an attribute, a source). */
export function record(ctx: PassContext, kind: RemovalKind, reason: string, text = ""): void {
  ctx.removed.push({ kind, reason, text: shorten(squash(text)) });
}

/** "class foo bar" / "id baz": a short description of an element for removal reasons. */
export function describe(element: Element): string {
  const id = element.getAttribute("id");
  if (id) return `${element.localName}#${id}`;
  const cls = squash(element.getAttribute("class"));
  return cls ? `${element.localName}.${cls.split(" ").slice(0, 3).join(".")}` : element.localName;
}

const INLINE = new Set([
  "a",
  "em",
  "strong",
  "b",
  "i",
  "span",
  "small",
  "label",
  "u",
  "mark",
  "font",
  "cite",
  "time",
]);

/**
 * What stands next to `node` on its line, up to the line's edge: text ("text"), a line break or
 * a block first ("break"), or nothing up to its parent's edge ("open": the parent's siblings say).
 */
function lineEdge(node: Node, direction: "previousSibling" | "nextSibling"): "text" | "break" | "open" {
  for (let n = node[direction]; n; n = n[direction]) {
    if (n.nodeType === 3) {
      if ((n.nodeValue ?? "").trim()) return "text";
    } else if (n.nodeType === 1) {
      const name = (n as Element).localName;
      if (name === "br" || !INLINE.has(name)) return "break";
      if ((n.textContent ?? "").trim()) return "text";
    }
  }
  return "open";
}

/**
 * Whether an element's text stands on its own line: a block, or an inline element with no
 * text beside it up to the nearest line break or block boundary on each side. "The trip was
 * <em>sponsored</em> by..." keeps its word; `<a>SKIP ADVERTISEMENT</a>` between two paragraphs
 * is a line of its own, and so is `<strong>Was this helpful?</strong><br>` inside a widget
 * that prints more lines after the break.
 */
export function standsAlone(el: Element): boolean {
  let before: "text" | "break" | "open" = "open";
  let after: "text" | "break" | "open" = "open";
  for (let n: Element | null = el; n && INLINE.has(n.localName); n = n.parentElement) {
    if (before === "open") before = lineEdge(n, "previousSibling");
    if (after === "open") after = lineEdge(n, "nextSibling");
    if (before === "text" || after === "text") return false;
    if (before === "break" && after === "break") return true;
  }
  return true;
}
