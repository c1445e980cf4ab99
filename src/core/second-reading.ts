/**
 * Where to look again when Readability's reading of a page is short (stage 6b of the pipeline).
 *
 * Readability scores blocks and keeps the best one with its siblings; on some pages it keeps a
 * neighbour of the article (a teaser, a newsletter box, an author bio) or nothing at all: the
 * story sits in a block whose class looks like page furniture, in an `<aside>`, or in markup
 * broken enough that the scores end up on a wrapper. Two places then say where the article is:
 *   - the body the page declares: its first `itemprop=articleBody` element, else its one and
 *     only `<article>` (what the publisher says);
 *   - the paragraph block: the element whose own paragraphs hold the most text (what the page
 *     shows; a simple count, free of the class-name weights that misled Readability), leaving
 *     out navigation, headers, footers, asides and readers' comments.
 * Each is found in the untouched page and named by its path of child positions, so the same
 * element can be found again in a fresh copy of the page and read there alone.
 */
import { descendants, firstDescendant } from "./dom.ts";
import { squash } from "./whitespace.ts";
import { isArticleBody } from "./passes/scan.ts";

/** When a reading is looked at again (extract.ts, stage 6b). */
export const SECOND_READING = {
  /** Below this many characters a candidate is not worth a second reading. */
  minChars: 500,
  /** Readings at least this long are taken as they are. */
  shortReading: 2500,
  /** Readability kept less than this share of a candidate's text: read the candidate alone. */
  shortfall: 0.5,
} as const;

/** A place in the page: child positions from `<body>` down. */
export type ElementPath = readonly number[];

export interface Candidate {
  /** Which rule found it (for tests and `--explain`). */
  source: "declared" | "paragraphs";
  path: ElementPath;
  /** Length of its text, whitespace squashed. */
  length: number;
}

/** Paragraphs shorter than this are labels, bylines or buttons, not the story. */
const PARAGRAPH_MIN_CHARS = 40;
/** Paragraphs whose text is mostly link text are teaser lists. */
const PARAGRAPH_MAX_LINK_SHARE = 0.5;
/** Where paragraphs never belong to the article. */
const OUTSIDE = new Set(["nav", "footer", "aside", "header", "noscript", "template"]);
/** Readers' comments: often longer than a short story, never the story. */
const COMMENTS = /comment|disqus|repl(?:y|ies)|respon[sd]|forum/i;

/**
 * The body the page declares, if any: the first `itemprop=articleBody` the page shows, else its
 * one `<article>`. A declared body inside a hidden block (`display: none`, the `hidden`
 * attribute) is a copy for search engines, often a part of the story only, not what the reader
 * sees.
 */
export function declaredBody(body: Element, hasArticleBody: boolean, articles: number): Element | null {
  if (hasArticleBody) return firstDescendant(body, (el) => isArticleBody(el) && !hiddenBlock(el, body));
  return articles === 1 ? firstDescendant(body, (el) => el.localName === "article") : null;
}

const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;

/** Whether `el` or an ancestor below `body` is hidden by its own markup. */
function hiddenBlock(el: Element, body: Element): boolean {
  for (let n: Element | null = el; n && n !== body; n = n.parentElement) {
    if (n.hasAttribute("hidden") || HIDDEN_STYLE.test(n.getAttribute("style") ?? "")) return true;
  }
  return false;
}

/**
 * The element whose paragraphs hold the most text: each paragraph counts fully for its parent
 * and half for its grandparent (a story whose paragraphs each sit in a wrapper of their own
 * scores on the wrapper's parent), as Readability itself spreads scores, minus its class weights.
 */
export function paragraphBlock(body: Element): Element | null {
  const totals = new Map<Element, number>();
  for (const p of descendants(body, "p")) {
    const length = squash(p.textContent).length;
    if (length < PARAGRAPH_MIN_CHARS || linkShare(p, length) > PARAGRAPH_MAX_LINK_SHARE || outside(p, body))
      continue;
    const parent = p.parentElement;
    if (!parent) continue;
    totals.set(parent, (totals.get(parent) ?? 0) + length);
    const grand = parent === body ? null : parent.parentElement;
    if (grand) totals.set(grand, (totals.get(grand) ?? 0) + length / 2);
  }
  let best: Element | null = null;
  let bestScore = 0;
  for (const [el, score] of totals) {
    if (score > bestScore) {
      best = el;
      bestScore = score;
    }
  }
  return best === body ? null : best;
}

function linkShare(p: Element, length: number): number {
  let links = 0;
  for (const a of descendants(p, "a")) links += squash(a.textContent).length;
  return links / length;
}

function outside(el: Element, body: Element): boolean {
  for (let n = el.parentElement; n && n !== body; n = n.parentElement) {
    if (OUTSIDE.has(n.localName) || COMMENTS.test(`${n.id} ${n.getAttribute("class") ?? ""}`)) return true;
  }
  return false;
}

/** Child positions from `body` down to `el`. */
export function pathOf(el: Element, body: Element): ElementPath {
  const path: number[] = [];
  for (let n: Element = el; n !== body; ) {
    const parent = n.parentElement;
    if (!parent) return [];
    path.unshift(Array.prototype.indexOf.call(parent.children, n));
    n = parent;
  }
  return path;
}

/** The element at `path` below `body`, or null when the structure differs. */
export function atPath(body: Element, path: ElementPath): Element | null {
  let n: Element | undefined = body;
  for (const i of path) n = n?.children[i];
  return n && n !== body ? n : null;
}

/** The candidates of a page, in the order they are tried; the same element is listed once. */
export function candidatesOf(body: Element, declared: Element | null): Candidate[] {
  const candidate = (source: Candidate["source"], el: Element): Candidate => ({
    source,
    path: pathOf(el, body),
    length: squash(el.textContent).length,
  });
  const block = paragraphBlock(body);
  const found = declared ? [candidate("declared", declared)] : [];
  if (block && block !== declared) found.push(candidate("paragraphs", block));
  return found;
}
