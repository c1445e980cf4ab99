/**
 * Lists of other stories inside the reading (after Readability). Sites put them into the
 * story's own container, where Readability keeps them:
 *
 * a link list under a short label: a heading or a short line ("More on this", "Top 10",
 * "Read next", in any wording and language) and right after it a block that is nothing but
 * links to the site's other pages whose words are headlines (several words each, not a list of
 * names; links to shops or other sites are the author's recommendations or sources). The label
 * goes with its list.
 *
 * links between the story's paragraphs: a list, without a label, whose every item is one link to
 * another story of the site (a headline), standing between two paragraphs of prose ("The
 * latest news about the outbreak", in bold, in a list of its own). The story's own lists are of
 * text, and the links an author gives are inside its sentences or to other sites.
 *
 * The names of the blocks are not looked at: the shape is the evidence. Removals go through the
 * content guard as "name" evidence, so no photo, table, list of text or prose is ever taken.
 */
import { descendants } from "../dom.ts";
import { squash } from "../whitespace.ts";
import { type Pass, type PassContext, isGone, remove } from "./context.ts";
import { elementsInOrder } from "./measure.ts";

/** A label is short: a few words, no sentence. */
const LABEL_MAX_CHARS = 60;
const LABEL_MAX_WORDS = 6;
const LABEL_TAGS = new Set(["h2", "h3", "h4", "h5", "h6", "p", "div", "strong", "b", "span"]);
const LIST_TAGS = new Set(["ul", "ol", "div", "section", "nav", "aside"]);
/** A headline has several words; a list of names, titles or topics has one to four. */
const HEADLINE_WORDS = 5;
/** A list of other stories offers a few; two links under a label may be the author's pair. */
const LIST_MIN_LINKS = 3;
/** Share of a block's letters inside its links for the block to be a link list. */
const LINK_SHARE = 0.75;

function words(text: string): number {
  return text ? text.split(" ").length : 0;
}

function letters(text: string | null): number {
  return (text ?? "").replace(/\s+/g, "").length;
}

/** The page part of an address: two links to the same story differ only in their fragment. */
export function pageOf(href: string, base: string): string | null {
  if (!href || href.startsWith("#") || /^(?:javascript|mailto|tel):/i.test(href)) return null;
  try {
    const url = new URL(href, base);
    url.hash = "";
    return url.href;
  } catch {
    return null;
  }
}

/** The links of `el` that lead to other pages, with their words. */
function linksAway(el: Element, here: string): { page: string; text: string }[] {
  const found: { page: string; text: string }[] = [];
  for (const a of descendants(el, "a")) {
    const page = pageOf(a.getAttribute("href") ?? "", here);
    if (page && page !== here) found.push({ page, text: squash(a.textContent) });
  }
  return found;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Whether `text` (squashed) reads as a label: a few words, not a sentence. */
export function isLabelText(text: string): boolean {
  return !!text && text.length <= LABEL_MAX_CHARS && words(text) <= LABEL_MAX_WORDS && !/[.;,]$/.test(text);
}

/** Whether `el` is a short label: a few words standing alone, not a sentence. */
function isLabel(el: Element): boolean {
  if (!LABEL_TAGS.has(el.localName) || !isLabelText(squash(el.textContent))) return false;
  // Its own words, not a block of blocks.
  return descendants(el, new Set(["p", "ul", "ol", "li", "div", "table", "img"])).length === 0;
}

export function siteOf(page: string): string {
  try {
    return new URL(page).hostname.replace(/^www\./, "");
  } catch {
    return "";
  }
}

/**
 * Whether most of `links` stay on the page's own site: a list of the site's other stories.
 * A list of shops, sources or other sites' pages is the author's (recommendations, reading).
 */
function mostlyOwnSite(links: { page: string }[], here: string): boolean {
  const site = siteOf(here);
  return links.filter((l) => siteOf(l.page) === site).length * 3 >= links.length * 2;
}

/** Whether `block` is nothing but links to the site's other pages whose words are headlines. */
function isHeadlineLinkList(block: Element, here: string): boolean {
  if (!LIST_TAGS.has(block.localName)) return false;
  const links = linksAway(block, here).filter((l) => l.text);
  if (new Set(links.map((l) => l.page)).size < LIST_MIN_LINKS || !mostlyOwnSite(links, here)) return false;
  const linked = links.reduce((n, l) => n + letters(l.text), 0);
  if (linked < letters(block.textContent) * LINK_SHARE) return false;
  return median(links.map((l) => words(l.text))) >= HEADLINE_WORDS;
}

function removeLabelledLists(root: Element, ctx: PassContext, here: string): void {
  for (const el of elementsInOrder(ctx, root)) {
    if (isGone(ctx, el)) continue;
    // The cheap test first: a label is followed by a block that may be a list.
    const next = el.nextElementSibling;
    if (!next || !LIST_TAGS.has(next.localName) || !isLabel(el) || !isHeadlineLinkList(next, here)) continue;
    const label = squash(el.textContent);
    if (remove(ctx, next, "promo", `links to other stories under "${label.slice(0, 40)}"`)) {
      remove(ctx, el, "promo", "label of a list of other stories");
    }
  }
}

/** The page's own address without its fragment: links to it are not links away. */
export function here(ctx: PassContext): string {
  return pageOf(ctx.doc.URL, ctx.doc.URL) ?? ctx.doc.URL;
}

export const labelledLinkLists: Pass = {
  name: "labelled-link-lists",
  run: (root, ctx) => removeLabelledLists(root, ctx, here(ctx)),
};

const LISTS = new Set(["ul", "ol"]);

/** A paragraph of prose: the story's own words, a sentence or more. */
const PROSE_CHARS = 80;

function isProse(el: Element | null): boolean {
  return el?.localName === "p" && squash(el.textContent).length >= PROSE_CHARS;
}

/** Whether `list` is a list of links, one per item, each to another story of the site. */
function isStoryLinkList(list: Element, here: string): boolean {
  const items = Array.from(list.children);
  if (items.length === 0 || items.length > 4 || items.some((li) => li.localName !== "li")) return false;
  const site = siteOf(here);
  return items.every((li) => {
    const links = linksAway(li, here);
    if (links.length !== 1 || siteOf(links[0]!.page) !== site) return false;
    const text = links[0]!.text;
    return words(text) >= HEADLINE_WORDS && letters(text) >= letters(li.textContent) * 0.9;
  });
}

export const inlineLinkLists: Pass = {
  name: "inline-link-lists",
  run(root, ctx) {
    const page = here(ctx);
    for (const list of descendants(root, LISTS)) {
      if (isGone(ctx, list) || !isProse(list.previousElementSibling) || !isProse(list.nextElementSibling))
        continue;
      if (isStoryLinkList(list, page))
        remove(ctx, list, "promo", "links to other stories between the story's paragraphs");
    }
  },
};
