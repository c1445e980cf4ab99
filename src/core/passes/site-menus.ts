/**
 * The site's menu inside the reading (after Readability): a list whose every item is one link
 * of one to three words to a section of the site ("Info", "Berichte", "Regatta", "Ausrüstung &
 * Technik"), its sub-lists included. Blog themes print their navigation inside the post's
 * container, where Readability keeps it, and a reading that opens with a menu reads as a list
 * of teasers (reading-evidence.ts), so the article was refused as well as cluttered.
 *
 * The shape is the evidence, never a name: at least five items, each nothing but its link (and
 * its own sub-list), every link on the page's own site and to a page at most two path segments
 * deep (a section, a category, a tag: a story's address carries its slug deeper, and a link
 * within the page is a table of contents), and the list before the story's first paragraph of
 * prose or after its last. A list of names or topics that links elsewhere, with any words of
 * its own, or among the story's paragraphs (a wiki's list of its own articles) stays. Removed as "text" evidence: the content guard still keeps
 * any picture in it.
 *
 * The same menu laid out as a table (a wiki's series box beside the lead, an old site's link
 * grid): a table of at least ten links that is links nearly all through (its group names
 * aside), nine in ten of them on the page's own site, before the story's first paragraph of
 * prose or after its last. A table of data has words of its own, and the content guard keeps it.
 */
import { squash } from "../whitespace.ts";
import { type Pass, type PassContext, isGone, remove } from "./context.ts";
import { linkDensity } from "./promo-blocks.ts";
import { here, pageOf, siteOf } from "./link-lists.ts";
import { elementsInOrder } from "./measure.ts";

const MIN_ITEMS = 5;
const ITEM_MAX_WORDS = 3;
const ITEM_MAX_CHARS = 30;
const MAX_PATH_SEGMENTS = 2;
const LISTS = new Set(["ul", "ol"]);

/** Whether `li` is one short link to a section of `site` (its own sub-list aside). */
function isMenuItem(li: Element, site: string, base: string): boolean {
  let link: Element | null = null;
  for (let node = li.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 3) {
      if (squash(node.nodeValue) !== "") return false;
    } else if (node.nodeType === 1) {
      const el = node as Element;
      if (LISTS.has(el.localName)) continue;
      if (el.localName !== "a" || link) return false;
      link = el;
    }
  }
  if (!link) return false;
  const text = squash(link.textContent);
  if (!text || text.length > ITEM_MAX_CHARS || text.split(" ").length > ITEM_MAX_WORDS) return false;
  const page = pageOf(link.getAttribute("href") ?? "", base);
  if (!page || siteOf(page) !== site) return false;
  const url = new URL(page);
  return url.search === "" && url.pathname.split("/").filter(Boolean).length <= MAX_PATH_SEGMENTS;
}

function isSiteMenu(list: Element, site: string, base: string): boolean {
  const items = list.getElementsByTagName("li");
  if (items.length < MIN_ITEMS) return false;
  for (const li of items) if (!isMenuItem(li, site, base)) return false;
  return true;
}

const TABLE_MIN_LINKS = 10;
const TABLE_MIN_LINK_DENSITY = 0.8;
/** Share of its links a menu table keeps on the site (a wiki's box links one venue outside). */
const TABLE_MIN_OWN_SITE = 0.9;

function isMenuTable(table: Element, site: string, base: string): boolean {
  const links = table.getElementsByTagName("a");
  if (links.length < TABLE_MIN_LINKS || linkDensity(table) < TABLE_MIN_LINK_DENSITY) return false;
  let own = 0;
  let linked = 0;
  for (const a of links) {
    const href = a.getAttribute("href");
    if (href === null) continue; // the page's own entry, which a wiki prints unlinked
    linked++;
    const page = pageOf(href, base);
    if (page && siteOf(page) === site) own++;
  }
  return linked > 0 && own / linked >= TABLE_MIN_OWN_SITE;
}

/** A paragraph of the story's prose: a list between two of them is the story's own. */
const PROSE_MIN_CHARS = 80;
const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING

/** The story's first and last paragraphs of prose, looked for from each end of the reading. */
function storyEnds(order: readonly Element[]): [Element, Element] | null {
  const isProse = (el: Element) => el.localName === "p" && squash(el.textContent).length >= PROSE_MIN_CHARS;
  const first = order.find(isProse);
  let last: Element | undefined;
  for (let i = order.length - 1; i >= 0 && !last; i--) if (isProse(order[i]!)) last = order[i];
  return first && last ? [first, last] : null;
}

function removeSiteMenus(root: Element, ctx: PassContext): void {
  const base = here(ctx);
  const site = siteOf(base);
  const order = elementsInOrder(ctx, root);
  // Asked only once a list is a menu: most readings hold none.
  let ends: [Element, Element] | null | undefined;
  // Before the story's first paragraph of prose or after its last: not among its paragraphs.
  const outsideStory = (el: Element) => {
    if (ends === undefined) ends = storyEnds(order);
    if (!ends) return true;
    const [first, last] = ends;
    return (
      (el.compareDocumentPosition(first) & FOLLOWING) !== 0 ||
      (last.compareDocumentPosition(el) & FOLLOWING) !== 0
    );
  };
  for (const el of order) {
    if (isGone(ctx, el)) continue;
    if (LISTS.has(el.localName) && isSiteMenu(el, site, base) && outsideStory(el))
      remove(ctx, el, "promo", "the site's menu", "text");
    else if (el.localName === "table" && isMenuTable(el, site, base) && outsideStory(el))
      remove(ctx, el, "promo", "the site's menu, laid out as a table", "text");
  }
}

export const siteMenus: Pass = { name: "site-menus", run: removeSiteMenus };
