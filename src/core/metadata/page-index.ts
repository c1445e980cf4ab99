/**
 * One walk over the document collecting every element the metadata readers look at, in
 * document order. Each later reader filters a small list instead of querying the whole
 * document again: on a 10,000-element page in jsdom every `querySelectorAll` costs tens of
 * milliseconds, while this walk costs about as much as one. Read-only.
 */
import { closestTag } from "../dom.ts";
import type { HeaderRegion } from "./header.ts";

/**
 * The address of an author's page as content systems make it: a path segment that says author,
 * in our readers' languages, then the author's slug (WordPress, TYPO3, Drupal, news systems).
 */
const AUTHOR_PAGE =
  /\/(?:author|authors|autor|autoren|autorin|auteur|auteurs|autore|autori|autorzy|redakteur|redaktion\/autor)\/[^/?#]+\/?(?:[?#].*)?$/i;

export interface PageIndex {
  doc: Document;
  metas: Element[];
  /** `script[type=application/ld+json]` */
  ldScripts: Element[];
  links: Element[];
  base: Element | null;
  titleElement: Element | null;
  /** h1..h6 */
  headings: Element[];
  figures: Element[];
  /** `<main>` and `[role=main]` */
  mains: Element[];
  articles: Element[];
  /** `time[datetime]` */
  times: Element[];
  /** Every element with an `itemprop` attribute (including `<meta>`). */
  itemprops: Element[];
  /** `a[rel~=author]` */
  relAuthors: Element[];
  /** Other links to an author's page on the site ("/autor/jane-roe", "/author/jroe/"). */
  authorLinks: Element[];
  /** Elements whose class, id or data-component names a byline (see byline.ts). */
  bylineCandidates: Element[];
  /** Elements whose class or id names a dek, or with itemprop description (see dek.ts). */
  dekCandidates: Element[];
  /** Elements whose class or id names a date ("post-date", "itemPostDate", "datum"): printed-date.ts. */
  dateCandidates: Element[];
  /** Position of an element in document order (only for elements in the lists above). */
  order: Map<Element, number>;
  /** The article's header region per title, found once (metadata/header.ts `headerRegion`). */
  headerRegions: Map<string | null, HeaderRegion | null>;
  /** `inFurniture` answers for this page, for the walks that ask it of every text's parent. */
  furniture: Map<Element, boolean>;
}

/** Class / id words naming a standfirst (dek). Matched as whole words, `-`/`_` separated. */
export const DEK_NAME =
  /(?:^|[\s_-])(?:standfirst|stand-first|dek|deck|subtitle|sub-title|subheadline|sub-headline|subhead|subheading|article-summary|articlesummary|summary|lede|lead-in|intro|strapline|tagline|description|excerpt|abstract|lead(?![-_]+(?:image|img|photo|picture|media|video|story|stories|art|item|teaser)))(?:$|[\s_-])/i;

const SHOW_ELEMENT = 1;
const SVG_NS = "http://www.w3.org/2000/svg";

const BYLINE_WORDS = new Set([
  "byline",
  "author",
  "authors",
  "contributor",
  "contributors",
  "writer",
  "writers",
  // German, Spanish, Portuguese, Polish, French and Italian templates name it in their language.
  "autor",
  "autoren",
  "autorin",
  "verfasser",
  "auteur",
  "autore",
]);

/** Every word of BYLINE_WORDS contains one of these (case-insensitive). */
const BYLINE_HINT = new RegExp([...BYLINE_WORDS].map((w) => w.replace(/[^a-z]/gi, "")).join("|"), "i");

/** Words of a class / id value: split on spaces, `-`, `_` and camelCase humps, lower-cased. */
function words(value: string | null): string[] {
  if (!value) return [];
  return value
    .split(/[\s_-]+/)
    .flatMap((token) => token.split(/(?<=[a-z])(?=[A-Z])/))
    .map((w) => w.toLowerCase());
}

/**
 * True when the element's class, id, data-component or data-testid names a byline, author,
 * contributor or writer, also in camelCase ("TextContributorName").
 */
export function namesByline(el: Element): boolean {
  return namesBylineIn(
    el.getAttribute("class"),
    el.id,
    el.getAttribute("data-component"),
    el.getAttribute("data-testid"),
  );
}

function namesBylineIn(...values: (string | null)[]): boolean {
  for (const value of values) {
    // Most names contain none of the words at all: a cheap test first, the word split after.
    if (!value || !BYLINE_HINT.test(value)) continue;
    if (words(value).some((w) => BYLINE_WORDS.has(w))) return true;
  }
  return false;
}

/** Words that name the element holding a story's date in templates' class and id names. */
const DATE_WORDS = new Set(["date", "datum", "dateline", "pubdate", "postdate", "published"]);
const DATE_HINT = /dat|publish/i;

function namesDate(value: string): boolean {
  return DATE_HINT.test(value) && words(value).some((w) => DATE_WORDS.has(w));
}

function tokens(value: string | null): string[] {
  return value ? value.split(/\s+/).filter(Boolean) : [];
}

/** Walks `doc` once and sorts out the elements metadata readers need. */
export function indexPage(doc: Document): PageIndex {
  const index: PageIndex = {
    doc,
    metas: [],
    ldScripts: [],
    links: [],
    base: null,
    titleElement: null,
    headings: [],
    figures: [],
    mains: [],
    articles: [],
    times: [],
    itemprops: [],
    relAuthors: [],
    authorLinks: [],
    bylineCandidates: [],
    dekCandidates: [],
    dateCandidates: [],
    order: new Map(),
    headerRegions: new Map(),
    furniture: new Map(),
  };
  const root = doc.documentElement;
  if (!root) return index;
  const walker = doc.createTreeWalker(root, SHOW_ELEMENT);
  let position = 0;
  for (let node = walker.currentNode as Element | null; node; node = walker.nextNode() as Element | null) {
    const el = node;
    position++;
    let keep = false;
    switch (el.localName) {
      case "meta":
        index.metas.push(el);
        keep = true;
        break;
      case "script":
        if ((el.getAttribute("type") ?? "").trim().toLowerCase() === "application/ld+json") {
          index.ldScripts.push(el);
        }
        break;
      case "link":
        index.links.push(el);
        break;
      case "base":
        if (!index.base && el.hasAttribute("href")) index.base = el;
        break;
      case "title":
        // An icon's <svg><title> is not the page's: SVG elements have their own namespace.
        if (!index.titleElement && el.namespaceURI !== SVG_NS) index.titleElement = el;
        break;
      case "h1":
      case "h2":
      case "h3":
      case "h4":
      case "h5":
      case "h6":
        index.headings.push(el);
        keep = true;
        break;
      case "figure":
        index.figures.push(el);
        break;
      case "main":
        index.mains.push(el);
        break;
      case "article":
        index.articles.push(el);
        break;
      case "time":
        if (el.hasAttribute("datetime")) index.times.push(el);
        break;
      case "a":
        if (tokens(el.getAttribute("rel")).some((t) => t.toLowerCase() === "author"))
          index.relAuthors.push(el);
        else if (AUTHOR_PAGE.test(el.getAttribute("href") ?? "")) index.authorLinks.push(el);
        break;
    }
    // One read of the attribute names (cheap in jsdom), then only the attributes present.
    const names = el.getAttributeNames();
    if (names.length > 0) {
      if (el.localName !== "main" && names.includes("role") && el.getAttribute("role") === "main")
        index.mains.push(el);
      const itemprop = names.includes("itemprop") ? el.getAttribute("itemprop") : null;
      if (itemprop !== null) index.itemprops.push(el);
      const cls = names.includes("class") ? el.getAttribute("class") : null;
      const id = names.includes("id") ? el.id : "";
      if (
        (cls && DEK_NAME.test(cls)) ||
        (id && DEK_NAME.test(id)) ||
        (itemprop !== null && tokens(itemprop).includes("description"))
      ) {
        index.dekCandidates.push(el);
        keep = true;
      }
      if ((cls && namesDate(cls)) || (id && namesDate(id))) index.dateCandidates.push(el);
      const component = names.includes("data-component") ? el.getAttribute("data-component") : null;
      // React templates name their parts in data-testid ("prism-byline") where others use a class.
      const testId = names.includes("data-testid") ? el.getAttribute("data-testid") : null;
      if ((cls || id || component || testId) && namesBylineIn(cls, id, component, testId)) {
        index.bylineCandidates.push(el);
        keep = true;
      }
    }
    if (keep) index.order.set(el, position);
  }
  return index;
}

/** True when `b` comes after `a` in document order (both must be in the index's order map). */
export function follows(index: PageIndex, a: Element, b: Element): boolean {
  const pa = index.order.get(a);
  const pb = index.order.get(b);
  if (pa !== undefined && pb !== undefined) return pa < pb;
  // DOCUMENT_POSITION_FOLLOWING = 4
  return (a.compareDocumentPosition(b) & 4) !== 0;
}

/**
 * A class token or id naming page furniture: it is, starts or ends with comments / sidebar /
 * rail / related / nav / menu / widget ("right-rail", "comment-list", "site-nav"), but a token
 * that merely contains one ("sticky-nav-trigger") does not count.
 */
const FURNITURE_WORD = "(?:comments?|commentlist|sidebar|rail|related|nav|navigation|menu|widgets?)";
const FURNITURE_TOKEN = new RegExp(`^${FURNITURE_WORD}(?:$|[-_])|[-_]${FURNITURE_WORD}$`, "i");

function namesFurniture(value: string | null): boolean {
  return tokens(value).some((token) => FURNITURE_TOKEN.test(token));
}

/**
 * True when `el` sits in navigation, a sidebar, comments, or the page footer (a `<footer>`
 * inside an `<article>` is the article's own and often holds the byline, so it counts as ours).
 */
export function inFurniture(el: Element, known?: Map<Element, boolean>): boolean {
  // An element's answer is its own verdict, else its parent's: the elements walked up to a
  // verdict (or to one already known) all get the same answer.
  const walked: Element[] = [];
  let answer = false;
  for (let node: Element | null = el; node; node = node.parentElement) {
    const seen = known?.get(node);
    if (seen !== undefined) {
      answer = seen;
      break;
    }
    walked.push(node);
    const verdict = furnitureVerdict(node);
    if (verdict !== null) {
      answer = verdict;
      break;
    }
  }
  if (known) for (const node of walked) known.set(node, answer);
  return answer;
}

/** Whether `node` itself settles `inFurniture` (true or false), or null: ask its parent. */
function furnitureVerdict(node: Element): boolean | null {
  const tag = node.localName;
  if (tag === "body" || tag === "html") return false;
  // The page's main content: what wraps it ("nav-header", "layout-with-sidebar") is layout.
  if (tag === "main" || node.getAttribute("role") === "main") return false;
  if (tag === "nav" || tag === "aside") return true;
  if (tag === "footer" && !closestTag(node, "article")) return true;
  const role = node.getAttribute("role");
  if (role === "navigation" || role === "complementary") return true;
  if (namesFurniture(node.getAttribute("class")) || namesFurniture(node.id)) return true;
  return null;
}
