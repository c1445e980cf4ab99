/**
 * The explicit standfirst / dek: a short summary the page prints under its headline.
 *
 * 1. `[itemprop~=alternativeHeadline]` anywhere outside page furniture.
 * 2. An element whose class or id names a dek (standfirst, dek, deck, subtitle, sub-headline,
 *    subhead, article-summary, summary, lede, lead (not "lead-image" and the like), intro,
 *    strapline, tagline, description, excerpt, abstract) or that carries `itemprop~=description`,
 *    which follows the article's `<h1>` in document order and sits near it (under the h1's
 *    ancestor 4 levels up, below <body>), with no other heading in between (past another
 *    heading we are in a teaser or the body, not the header).
 *    The innermost such element wins ("standfirst-wrapper" > "standfirst" > meta content), and
 *    a byline block inside it ("by Jane Doe") is left out of the text.
 * 3. The `<h2>` right after the `<h1>` when it has 8+ words (shorter ones are section
 *    headings), or the `<h2>` / `<p>` right after it inside a `<header>` / `<hgroup>`.
 *
 * Text must be 15..500 characters, must not be the headline itself, a byline, a date, or the
 * text of an image's block (caption, credit, "image-description"). An author box is not a dek.
 *
 * Whether the dek is *printed* with the article (and so belongs to its text, see extract.ts) is
 * known too: a dek element under an h1 that is surely the article's is; a declared description
 * (og:description...) is when the elements just after that h1 hold exactly its text.
 */

import { closestTag, descendants, firstDescendant, hasDescendant } from "../dom.ts";
import { looksLikeDate } from "./dates.ts";
import { headerRegion } from "./header.ts";
import { inFurniture, type PageIndex } from "./page-index.ts";
import { comparable, decodedText } from "./text.ts";

const MIN_LENGTH = 15;
const MAX_LENGTH = 500;
/** A bare h2 after the h1 is a dek only when long enough not to be a section heading. */
const DEK_H2_MIN_WORDS = 8;

/**
 * A byline marker: `[itemprop~="author"], a[rel~="author"], [class*=byline], [class*=author]`,
 * tested in code (selector engines are slow in jsdom, see dom.ts).
 */
function isBylineMarker(el: Element): boolean {
  if (/(?:^|\s)author(?:\s|$)/.test(el.getAttribute("itemprop") ?? "")) return true;
  if (el.localName === "a" && /(?:^|\s)author(?:\s|$)/.test(el.getAttribute("rel") ?? "")) return true;
  const cls = el.getAttribute("class");
  return cls !== null && (cls.includes("byline") || cls.includes("author"));
}

function isBylineBlock(el: Element): boolean {
  return isBylineMarker(el) || firstDescendant(el, isBylineMarker) !== null;
}

/** `el` or one of its ancestors is a byline marker (`closest(BYLINE_MARKERS)`). */
function inBylineMarker(el: Element): boolean {
  for (let n: Element | null = el; n; n = n.parentElement) if (isBylineMarker(n)) return true;
  return false;
}

/** The element's text without child blocks holding a byline ("by Jane Doe" under the dek). */
function textWithoutByline(el: Element): string | null {
  let text = "";
  for (const child of Array.from(el.childNodes)) {
    if (child.nodeType === 1 && isBylineBlock(child as Element)) continue;
    text += ` ${child.textContent ?? ""}`;
  }
  return decodedText(text);
}

const NOT_IN_A_DEK = new Set(["img", "time", "h1", "h2", "h3", "h4", "h5", "h6"]);

/** An image's own block ("image-description", "header-image", "photo-info"): its text is a caption. */
const IMAGE_NAME = /image|photo|picture|foto|(?:^|[\s_-])bild/i;
/**
 * How far up a class name still makes a caption of the text: further up, names describe the page
 * (a `<body class="wp-featherlight-captions">` says the site has a lightbox for captions).
 */
const CAPTION_NAME_DEPTH = 4;
const IMAGE_NAME_DEPTH = 3;

/** Inside the headline, a figure or a caption or credit (by tag or class name), or an image block. */
function inCaptionOrHeadline(el: Element): boolean {
  let depth = 0;
  for (let n: Element | null = el; n && n.localName !== "body"; n = n.parentElement, depth++) {
    const tag = n.localName;
    if (tag === "h1" || tag === "figure" || tag === "figcaption") return true;
    if (depth > CAPTION_NAME_DEPTH) continue;
    const cls = n.getAttribute("class");
    if (cls && (cls.includes("caption") || cls.includes("credit"))) return true;
    if (depth <= IMAGE_NAME_DEPTH && IMAGE_NAME.test(`${cls ?? ""} ${n.id}`)) return true;
  }
  return false;
}

function acceptable(el: Element, title: string | null): string | null {
  if (el.localName === "meta")
    return inFurniture(el) ? null : checkText(decodedText(el.getAttribute("content")), title);
  // Too short even with everything in it, or so long that no byline taken out could make it a
  // dek (a wrapper around the story): no need for the costlier tests below.
  const length = decodedText(el.textContent)?.length ?? 0;
  if (length < MIN_LENGTH || length > MAX_LENGTH * 5) return null;
  if (inFurniture(el)) return null;
  // Tag tests by walks and ancestor loops (see dom.ts): selector queries cost far more in jsdom.
  if (inCaptionOrHeadline(el)) return null;
  // An image's description or credit is a caption, not a dek; datelines ("Published <time>…
  // · Tagged with…") and widgets with their own headings are not deks either.
  if (hasDescendant(el, NOT_IN_A_DEK)) return null;
  // An author box ("author-description": who wrote it, not what it says) is not a dek.
  if (isBylineMarker(el) || /author/i.test(el.id)) return null;
  const text = checkText(textWithoutByline(el), title);
  if (!text) return null;
  // Link lists (tags, "more stories") are not a dek.
  const linkText = descendants(el, "a")
    .filter((a) => !inBylineMarker(a))
    .reduce((n, a) => n + (a.textContent ?? "").length, 0);
  if (linkText > text.length * 0.5) return null;
  return text;
}

function checkText(text: string | null, title: string | null): string | null {
  if (!text || text.length < MIN_LENGTH || text.length > MAX_LENGTH) return null;
  if (title && comparable(text) === comparable(title)) return null;
  if (/^(?:by|von|par|por|di|published|posted|updated|last updated)\b/i.test(text) || looksLikeDate(text)) {
    return null;
  }
  return text;
}

/** Ends like a sentence (a truncated "…" / "(...)" does not count). */
export function endsLikeSentence(text: string): boolean {
  if (/(?:…|\.\.\.)\s*[)\]]?$/.test(text)) return false;
  return /[.!?。！？]["”’')»]?$/.test(text);
}

/**
 * True for an alternative *headline* rather than a dek: no sentence punctuation at the end.
 * (The New York Times puts the print headline in itemprop=alternativeHeadline, NBC a second
 * headline in JSON-LD alternativeHeadline; deks are written as sentences.)
 */
export function isHeadlineLike(text: string): boolean {
  return !endsLikeSentence(text);
}

export interface Dek {
  text: string;
  /**
   * Printed under the article's own headline (an element, under an h1 that is surely the
   * article's), so part of the article's text; else only declared, or near a first h1 that may be
   * the site's name.
   */
  printed: boolean;
}

/** The page's explicit dek, or null. `title` helps find the right `<h1>`. Read-only. */
export function readDek(index: PageIndex, title: string | null): Dek | null {
  for (const el of index.itemprops) {
    const props = (el.getAttribute("itemprop") ?? "").split(/\s+/);
    if (!props.some((p) => p.toLowerCase() === "alternativeheadline")) continue;
    const printed = el.localName !== "meta";
    const text = printed ? acceptable(el, title) : decodedText(el.getAttribute("content"));
    if (text && !isHeadlineLike(text)) return { text, printed };
  }

  const region = headerRegion(index, title);
  if (!region) return null;
  const found = (text: string): Dek => ({ text, printed: region.sure });
  const candidates = index.dekCandidates;
  for (let i = 0; i < candidates.length; i++) {
    const el = candidates[i]!;
    if (region.isPast(el)) break;
    if (!region.contains(el)) continue;
    let text = acceptable(el, title);
    if (!text) continue;
    // "standfirst-wrapper" around "standfirst" + byline: the innermost dek is the clean one.
    for (let j = i + 1; j < candidates.length && el.contains(candidates[j]!); j++) {
      const inner = acceptable(candidates[j]!, title);
      if (inner) text = inner;
    }
    return found(text);
  }

  // <h1>Headline</h1><h2>Dek</h2>, or a <p> right after the h1 in a header / hgroup.
  const { h1 } = region;
  const next = h1.nextElementSibling;
  if (next && (next.localName === "h2" || next.localName === "p")) {
    const inGroup = closestTag(h1, HEADER_GROUP)?.contains(next) ?? false;
    const text = acceptable(next, title);
    if (text && (inGroup || (next.localName === "h2" && text.split(/\s+/).length >= DEK_H2_MIN_WORDS))) {
      return found(text);
    }
  }
  return null;
}

const HEADER_GROUP: ReadonlySet<string> = new Set(["header", "hgroup"]);

/** How many elements after the article's h1 are looked at for a printed copy of a declared dek. */
const PRINTED_LOOKAHEAD = 150;

/**
 * Whether the page prints `text` (a declared description chosen as the dek) under the article's
 * own headline: an element among the next few after the h1 holds exactly that text. Pages often
 * print their og:description as the standfirst in markup no dek rule knows ("p.heading", an h2
 * inside the lead block).
 */
export function printedAfterHeadline(index: PageIndex, title: string | null, text: string): boolean {
  const region = headerRegion(index, title);
  if (!region?.sure) return false;
  const wanted = comparable(text);
  const start = wanted.slice(0, 24);
  const doc = region.h1.ownerDocument;
  const walker = doc.createTreeWalker(doc.documentElement, 1);
  let el = nextAfter(region.h1); // past the h1's own subtree
  if (el) walker.currentNode = el;
  for (let seen = 0; el && seen < PRINTED_LOOKAHEAD; seen++, el = walker.nextNode() as Element | null) {
    const first = el.firstChild;
    if (first?.nodeType !== 3 || !comparable(first.nodeValue ?? "").startsWith(start)) continue;
    if (comparable(el.textContent ?? "") === wanted) return true;
  }
  return false;
}

/** The first element after `el` in document order that is not inside it. */
function nextAfter(el: Element): Element | null {
  for (let n: Element | null = el; n; n = n.parentElement)
    if (n.nextElementSibling) return n.nextElementSibling;
  return null;
}
