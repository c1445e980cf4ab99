/**
 * The article's header region: from its `<h1>` to the next heading, under a nearby ancestor.
 * Deks and bylines are looked for here, not anywhere in the page, so that teasers for other
 * stories, author boxes at the end and sidebars do not count.
 */

import { closestWhere } from "../dom.ts";
import { follows, inFurniture, type PageIndex } from "./page-index.ts";
import { comparable } from "./text.ts";

/** How far up from the h1 the region reaches (headline, dek and byline often sit in sibling wrappers). */
const SCOPE_DEPTH = 4;

export interface HeaderRegion {
  h1: Element;
  /**
   * The h1 is surely the article's: its text is the title, or it sits in an article or main
   * element. Otherwise it is the page's first h1, which on some sites is the site's name.
   */
  sure: boolean;
  /** The h1's ancestor up to 4 levels up, stopping below `<body>`; null when the h1 is a child of body. */
  scope: Element | null;
  /** True for elements after the h1, inside the scope, and before the next heading. */
  contains(el: Element): boolean;
  /** True once `el` lies past the next heading (callers walking in document order may stop). */
  isPast(el: Element): boolean;
}

/**
 * The article's h1: the one whose text is the title, else the first in an article/main, else the
 * first. A page with no h1 at all (older blog themes print the headline as an h2) has the
 * heading whose text is the title, if one is.
 */
export function articleHeading(index: PageIndex, title: string | null): Element | null {
  const h1s = index.headings.filter(
    (h) => h.localName === "h1" && !inFurniture(h, index.furniture) && !isSiteName(h),
  );
  const same = (h: Element) => title !== null && comparable(h.textContent ?? "") === comparable(title);
  const match = h1s.find(same);
  if (match) return match;
  if (h1s.length === 0 && !index.headings.some((h) => h.localName === "h1")) {
    return index.headings.find((h) => same(h) && !inFurniture(h, index.furniture)) ?? null;
  }
  return h1s.find(inArticleOrMain) ?? h1s[0] ?? null;
}

/** A link to the site's home page: "/", "index.html", "../", "https://example.org/". */
const HOME_HREF = /^(?:(?:\.\.?\/)*(?:index\.\w{2,5})?|\/(?:index\.\w{2,5})?|https?:\/\/[^/?#]+\/?)$/i;

/** A class token or id naming the site's brand: logo, branding, masthead, site-title, blogname… */
const BRAND_TOKEN =
  /^(?:logo|site-?logo|branding|brand|masthead|site-?title|site-?name|blog-?title|blog-?name)$/i;

function namesBrand(el: Element): boolean {
  const names = `${el.getAttribute("class") ?? ""} ${el.id}`.split(/\s+/);
  return names.some((token) => BRAND_TOKEN.test(token));
}

/**
 * The site's name in its banner, not the story's headline (older themes make it the page's h1):
 * `<h1><a href="/">Site name</a></h1>`, or an h1 in (or named as) the logo, branding or
 * masthead, up to two levels up. A dek found under it is the site's tagline.
 */
export function isSiteName(h1: Element): boolean {
  for (let el: Element | null = h1, up = 0; el && up <= 2; el = el.parentElement, up++) {
    if (el.localName === "body" || el.localName === "article" || el.localName === "main") break;
    if (namesBrand(el)) return true;
  }
  const links = h1.getElementsByTagName("a");
  if (links.length !== 1) return false;
  const link = links[0]!;
  const text = (h1.textContent ?? "").trim();
  return (
    text !== "" &&
    (link.textContent ?? "").trim() === text &&
    HOME_HREF.test(link.getAttribute("href") ?? "x")
  );
}

export function inArticleOrMain(h1: Element): boolean {
  // closest("article, main, [role=main]")
  return (
    closestWhere(
      h1,
      (el) => el.localName === "article" || el.localName === "main" || el.getAttribute("role") === "main",
    ) !== null
  );
}

function headerScope(h1: Element): Element | null {
  let scope: Element | null = null;
  let node = h1.parentElement;
  for (let depth = 0; node && depth < SCOPE_DEPTH; depth++, node = node.parentElement) {
    if (node.localName === "body" || node.localName === "html") break;
    scope = node;
  }
  return scope;
}

/**
 * The header region of the article, or null when the page has no usable h1. Found once per page
 * and title (the dek, the byline and the printed-dek check all ask), kept on the page's index.
 */
export function headerRegion(index: PageIndex, title: string | null): HeaderRegion | null {
  if (index.headerRegions.has(title)) return index.headerRegions.get(title)!;
  const region = findHeaderRegion(index, title);
  index.headerRegions.set(title, region);
  return region;
}

function findHeaderRegion(index: PageIndex, title: string | null): HeaderRegion | null {
  const h1 = articleHeading(index, title);
  return h1 ? regionUnder(index, h1, title) : null;
}

/** The header region under a given heading (the h1, or the heading a byline reader chose). */
export function regionUnder(index: PageIndex, h1: Element, title: string | null): HeaderRegion {
  const scope = headerScope(h1);
  // A heading after the h1 ends the header: past it we are in a teaser or in the body.
  const next =
    (scope && index.headings.find((h) => h !== h1 && scope.contains(h) && follows(index, h1, h))) || null;
  const isPast = (el: Element) =>
    next !== null && follows(index, next, el) && !next.contains(el) && !el.contains(next);
  const sure =
    (title !== null && comparable(h1.textContent ?? "") === comparable(title)) || inArticleOrMain(h1);
  return {
    h1,
    sure,
    scope,
    isPast,
    contains: (el) => (scope?.contains(el) ?? false) && follows(index, h1, el) && !isPast(el),
  };
}
