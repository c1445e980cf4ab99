/**
 * The working copy: the page, cloned, without the big blocks that Readability drops unread.
 *
 * Readability's first attempt removes every "unlikely candidate" it reaches (an element whose
 * class or id says comment, footer, menu, sidebar... or whose role says navigation, dialog...)
 * with all it holds, before it looks inside. A news page's comment thread of 20,000 entries, a
 * mega-menu or a site footer is such a block, and copying it, indexing it for the metadata and
 * walking it in every cleanup pass cost Folio three times what bare Readability takes for the
 * whole reading (a 197,000-element page: 1.4 s against 0.45 s). So the copy leaves out the
 * inside of a block that Readability would remove at its root and that holds nothing read from
 * elsewhere; the block itself stays in the copy, empty, so that the copy keeps the page's
 * structure (element paths are the same in both) and Readability still removes it.
 *
 * A block is left out only when all of these hold:
 * - Readability 0.6's own test removes it at its root: its `unlikelyCandidates` pattern without
 *   `okMaybeItsACandidate` (no table or code among its four nearest ancestors, not body, not a
 *   link), or an unlikely role;
 * - it holds at least `MIN_ELEMENTS` elements (smaller blocks cost little to copy);
 * - Readability would not first take it for the byline (a short byline-named element);
 * - the content shield would not take its names off (its parent or grandparent holds the
 *   story's paragraphs: content-shield.ts), nor is it the body's one child;
 * - it holds no `h1` (Readability's title check counts them), no `h2` when the title holds
 *   ": " (that check compares them with the title), no JSON-LD and no `<meta>` with a name or
 *   property (read by Readability and the metadata from the whole page).
 *
 * Readability retries without removing unlikely candidates when its first attempt keeps less
 * than 500 characters; the pipeline then reads a whole copy again (extract.ts), so that retry
 * sees what it would have seen. Pages nested deeper than `MAX_DEPTH` are copied as depth.ts
 * says, whole. Read-only on `doc`.
 */
import { copyCut, copyTree, countBelow, MAX_DEPTH } from "./depth.ts";
import { holdsParagraphs } from "./passes/content-shield.ts";

/** Readability 0.6's `REGEXPS.unlikelyCandidates` and `okMaybeItsACandidate`, and its unlikely roles. */
const UNLIKELY =
  /-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote/i;
const OK_MAYBE = /and|article|body|column|content|main|shadow/i;
const UNLIKELY_ROLES = new Set([
  "menu",
  "menubar",
  "complementary",
  "navigation",
  "alert",
  "alertdialog",
  "dialog",
]);
/** Readability 0.6's `REGEXPS.byline`, and the length under which its byline test takes a block. */
const BYLINE = /byline|author|dateline|writtenby|p-author/i;
const BYLINE_MAX_CHARS = 100;

/** The fewest elements a block must hold to be left out of the copy. */
export const MIN_ELEMENTS = 250;

/** Readability's character threshold: below it, its first attempt is retried without the unlikely test. */
export const FIRST_ATTEMPT_MIN_CHARS = 500;

export interface WorkingCopy {
  copy: Document;
  /** The live page's blocks whose inside the copy leaves out (empty when none). */
  emptied: Element[];
}

/** A copy of `doc` to work on, without the inside of the big blocks Readability drops (see above). */
export function workingCopy(doc: Document, limit = MAX_DEPTH): WorkingCopy {
  const plan = planCopy(doc, limit);
  // The walk found the page deeper than the limit: copied cut at it, as depth.ts does.
  if (plan === "deep") return { copy: copyCut(doc, limit), emptied: [] };
  if (plan.length === 0) return { copy: doc.cloneNode(true) as Document, emptied: [] };
  return { copy: copyWithout(doc, plan), emptied: plan };
}

/** Readability's `_hasAncestorTag(el, tag)` with its default depth (the parent and three more). */
function hasNearAncestor(el: Element, tagName: string): boolean {
  let depth = 0;
  for (let node: Node = el; node.parentNode; node = node.parentNode, depth++) {
    if (depth > 3) return false;
    if ((node.parentNode as Element).tagName === tagName) return true;
  }
  return false;
}

/** Whether Readability's first attempt removes `el` when it reaches it (its unlikely test). */
function unlikely(el: Element): boolean {
  const names = `${el.className} ${el.id}`;
  if (
    UNLIKELY.test(names) &&
    !OK_MAYBE.test(names) &&
    !hasNearAncestor(el, "TABLE") &&
    !hasNearAncestor(el, "CODE") &&
    el.tagName !== "BODY" &&
    el.tagName !== "A"
  )
    return true;
  return UNLIKELY_ROLES.has(el.getAttribute("role") ?? "");
}

/** Whether `el` holds anything read from the whole page (see the module's comment). */
function holdsPageData(el: Element, title: string): boolean {
  if (el.getElementsByTagName("h1").length > 0) return true;
  if (title.includes(": ") && el.getElementsByTagName("h2").length > 0) return true;
  for (const script of el.getElementsByTagName("script"))
    if (script.getAttribute("type") === "application/ld+json") return true;
  for (const meta of el.getElementsByTagName("meta"))
    if (meta.hasAttribute("name") || meta.hasAttribute("property")) return true;
  return false;
}

function mayBeByline(el: Element): boolean {
  const itemprop = el.getAttribute("itemprop");
  if (
    el.getAttribute("rel") !== "author" &&
    !itemprop?.includes("author") &&
    !BYLINE.test(`${el.className} ${el.id}`)
  )
    return false;
  return (el.textContent ?? "").trim().length < BYLINE_MAX_CHARS;
}

function leavesOut(el: Element, title: string): boolean {
  const parent = el.parentElement;
  if (!parent || (parent.localName === "body" && parent.childElementCount === 1)) return false;
  if (holdsParagraphs(parent) || holdsParagraphs(parent.parentElement)) return false;
  return !mayBeByline(el) && !holdsPageData(el, title);
}

/**
 * One walk over the live page's elements: "deep" when an element below `limit` levels has a
 * child (depth.ts), else the blocks to leave out. A block Readability drops whole is not
 * walked further either way: what is inside it is never reached.
 */
function planCopy(doc: Document, limit: number): Element[] | "deep" {
  const out: Element[] = [];
  const body = doc.body;
  const title = doc.title;
  let el: Element | null = doc.documentElement;
  let depth = 1;
  let inBody = false;
  while (el) {
    if (depth >= limit && el.firstChild) return "deep";
    let descend = true;
    if (inBody && unlikely(el)) {
      const count = countBelow(el, depth, limit, MIN_ELEMENTS);
      if (count < 0) return "deep";
      if (count < MIN_ELEMENTS) descend = false;
      else if (leavesOut(el, title)) {
        out.push(el);
        descend = false;
      }
    }
    const child: Element | null = descend ? el.firstElementChild : null;
    if (child) {
      if (el === body) inBody = true;
      el = child;
      depth++;
      continue;
    }
    while (el && !el.nextElementSibling) {
      el = el.parentElement;
      depth--;
      if (el === body) inBody = false;
    }
    el = el?.nextElementSibling ?? null;
  }
  return out;
}

/** A copy of `doc` in which the elements `emptied` are copied without their children. */
function copyWithout(doc: Document, emptied: Element[]): Document {
  const leaveEmpty = new Set<Node>(emptied);
  const onPath = new Set<Node>();
  for (const el of emptied)
    for (let n: Node | null = el.parentNode; n && !onPath.has(n); n = n.parentNode) onPath.add(n);
  return copyTree(doc, (node) => (onPath.has(node) ? "open" : leaveEmpty.has(node) ? "alone" : "whole"));
}
