/**
 * Whether a reading is an article, judged from the reading itself.
 *
 * Readability's `isProbablyReaderable` decides before anything is read, from the page's long
 * paragraphs: a short post, a recipe, a story written in `<div>`s or a page of many mid-length
 * paragraphs fails it although a person sees an article. So Folio reads first and decides from
 * evidence: a page that declares an article (schema.org, og:type) is read (metadata), and
 * otherwise the reading must be prose: paragraphs of sentences that are not links. What a home
 * page, a section front, search results, a shop or a feed gives Readability is the opposite:
 * teasers, each a linked headline over a line or two, lists of links and prices.
 */
import { squash } from "./whitespace.ts";
import { descendantsWhere } from "./dom.ts";

/** Scripts written without spaces carry about three times the meaning per character. */
const DENSE_SCRIPT = /[\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF]/g;

/** Blocks that hold running text. */
const TEXT_BLOCKS = new Set(["p", "blockquote", "pre", "li", "dd", "td"]);
const HEADINGS = new Set(["h1", "h2", "h3", "h4", "h5", "h6"]);

/** A paragraph of prose: this many characters that are not link text (dense scripts weighted). */
const PROSE_PARAGRAPH_CHARS = 80;
/** Prose the reading must hold in all. */
const PROSE_MIN_CHARS = 400;
/** A teaser list: at least this many headings that are links to other pages... */
const TEASER_HEADINGS = 3;
/** ... with less prose than this under each on average. */
const TEASER_PROSE_CHARS = 300;
/** A feed: this many entries (`<article>` elements) side by side. */
const FEED_ENTRIES = 3;
/** A list of links: this share of the reading's text in links, or more. */
const LINK_SHARE_MAX = 0.5;

export interface ReadingEvidence {
  /** Characters of prose paragraphs (not links; dense scripts weighted). */
  proseChars: number;
  proseParagraphs: number;
  /** Headings whose text is mostly a link: a teaser's headline. */
  linkedHeadings: number;
  /** Prose before the first linked heading: the article's own run, ahead of any list. */
  leadProseChars: number;
  /** Share of the reading's text that is link text. */
  linkShare: number;
  /** `<article>` elements side by side in the reading (not one inside another): entries of a feed. */
  articleBlocks: number;
}

function weighted(text: string): number {
  const compact = squash(text);
  return compact.length + 2 * (compact.match(DENSE_SCRIPT)?.length ?? 0);
}

/** The text of `el`'s links; `away`: only links to another page (not "#section" anchors). */
function linkText(el: Element, away = false): string {
  const isLink = (e: Element) =>
    e.localName === "a" && (!away || !(e.getAttribute("href") ?? "").startsWith("#"));
  if (isLink(el)) return el.textContent ?? "";
  let text = "";
  for (const a of descendantsWhere(el, isLink)) text += ` ${a.textContent ?? ""}`;
  return text;
}

function insideTextBlock(el: Element, root: Element): boolean {
  for (let n = el.parentElement; n && n !== root; n = n.parentElement)
    if (TEXT_BLOCKS.has(n.localName)) return true;
  return false;
}

function insideTag(el: Element, root: Element, tag: string): boolean {
  for (let n = el.parentElement; n && n !== root; n = n.parentElement) if (n.localName === tag) return true;
  return false;
}

export function readingEvidence(root: Element): ReadingEvidence {
  let proseChars = 0;
  let proseParagraphs = 0;
  let linkedHeadings = 0;
  let leadProseChars = -1;
  let articleBlocks = 0;
  for (const el of descendantsWhere(
    root,
    (e) => TEXT_BLOCKS.has(e.localName) || HEADINGS.has(e.localName) || e.localName === "article",
  )) {
    if (el.localName === "article") {
      if (!insideTag(el, root, "article")) articleBlocks++;
      continue;
    }
    const text = el.textContent ?? "";
    if (HEADINGS.has(el.localName)) {
      const own = weighted(text);
      if (own > 0 && weighted(linkText(el, true)) >= own * 0.6) {
        linkedHeadings++;
        if (leadProseChars < 0) leadProseChars = proseChars;
      }
      continue;
    }
    if (insideTextBlock(el, root)) continue; // counted with the block around it
    const prose = weighted(text) - weighted(linkText(el));
    if (prose >= PROSE_PARAGRAPH_CHARS) {
      proseChars += prose;
      proseParagraphs++;
    }
  }
  const all = weighted(root.textContent ?? "");
  if (leadProseChars < 0) leadProseChars = proseChars;
  return {
    proseChars,
    proseParagraphs,
    linkedHeadings,
    leadProseChars,
    articleBlocks,
    linkShare: all ? weighted(linkText(root)) / all : 0,
  };
}

/**
 * Headlines that link to other stories, each over a line or two, from the top: a section
 * front, search results, a feed (an article that ends in a list of related stories has its
 * own prose first); or several `<article>` entries side by side, which no one article is,
 * when they are entries: most under a headline linking to its own page, or each a line or two.
 * Some templates wrap each section of one long text in an `<article>` (a report's chapters,
 * a guide's questions): those hold long prose under headings that link nowhere.
 */
export function isTeaserList(evidence: ReadingEvidence): boolean {
  const entries = evidence.articleBlocks;
  if (
    entries >= FEED_ENTRIES &&
    (evidence.linkedHeadings * 2 >= entries || evidence.proseChars < entries * TEASER_PROSE_CHARS)
  )
    return true;
  return (
    evidence.linkedHeadings >= TEASER_HEADINGS &&
    evidence.leadProseChars < PROSE_MIN_CHARS &&
    evidence.proseChars < evidence.linkedHeadings * TEASER_PROSE_CHARS
  );
}

/** One headline over a run of prose, not a list of teasers or links. */
export function readsAsArticle(evidence: ReadingEvidence): boolean {
  return (
    evidence.proseChars >= PROSE_MIN_CHARS && !isTeaserList(evidence) && evidence.linkShare <= LINK_SHARE_MAX
  );
}
