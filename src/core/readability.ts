/**
 * How Folio runs Readability on its working copy: the same Readability, with its tag lookups
 * made cheap.
 *
 * Readability finds elements by tag dozens of times per page (`_getAllNodesWithTag`, which calls
 * `querySelectorAll("p")`, `querySelectorAll("img,embed,object,...")`...). In jsdom (Node: CLI,
 * tests, benchmarks) a selector query is slow: the engine prepares itself for every new
 * document and every new selector, then matches element by element; a plain TreeWalker over the
 * same subtree is faster, and on a small page several times faster. Measured on the Mozilla
 * corpus: Readability's own time drops by a fifth on mid-size pages and by a third on small
 * ones, with the same result on every page. In Chromium it is the other way round (native
 * selector matching; the walk made Readability 0-25 % slower on eight corpus pages), so the
 * caller chooses (`ExtractOptions.tagLookup`): "walk" in Node, the DOM's own selectors in the
 * extension. The walk matches tag names as a type selector does (case-insensitively for HTML
 * elements, exactly for SVG ones), in document order.
 *
 * Five lookups go over the whole document before Readability scores anything: `<script>` for
 * JSON-LD, `<script>`/`<noscript>` to remove them, `<style>`, `<br>` (in the body) and `<font>`.
 * Folio has already walked the page once (metadata and the passes' scan share one walk), so that
 * walk also takes a census of these tags, and these lookups need no query at all, whichever the
 * lookup (this part helps in browsers too). The answer is
 * exactly what `querySelectorAll` would return at that moment (the census's elements of those
 * tags still in the document, in document order) as long as nothing has added such elements
 * since: the cleanup passes only remove elements (and change attributes), and Readability itself
 * adds elements before these lookups in one place, where it unwraps a `<noscript>` image into the
 * page. A `<noscript>` whose markup holds one of the census tags therefore turns the census off
 * for that page (rare, but the answer must not depend on that), and the usual lookup answers.
 *
 * Readability's `isProbablyReaderable` (the not-an-article guard) asks two more page-wide
 * queries, "p, pre, article" and "div > br"; in jsdom the same census answers them
 * (`isReaderable`), while with the browser's selectors the check runs on the page itself,
 * before anything is copied.
 *
 * This replaces one method of the Readability instance (`_getAllNodesWithTag`, internal to the
 * pinned @mozilla/readability 0.6.0, which returns a static list its callers only iterate,
 * count and index). If an update renamed it, the override would simply not be called:
 * `test/unit/readability-census.test.ts` checks that it is, and that the output is the same
 * with and without it.
 */
import { isProbablyReaderable, Readability } from "@mozilla/readability";
import { descendantsWhere } from "./dom.ts";
import type { TagLookup } from "./types.ts";

export type Parsed = NonNullable<ReturnType<Readability<Element>["parse"]>>;

/** The tags Readability looks up across the whole document before it scores anything. */
const CENSUS_TAGS: ReadonlySet<string> = new Set(["script", "noscript", "style", "font", "br"]);

/** The blocks `isProbablyReaderable` weighs: "p, pre, article" (and the parents of "div > br"). */
const READERABLE_TAGS: ReadonlySet<string> = new Set(["p", "pre", "article"]);

/** Markup inside a `<noscript>` that would add a census tag if Readability unwrapped it. */
const CENSUS_MARKUP = /<(?:script|noscript|style|font|br)\b/i;

/** Elements of the census tags, in document order, as a walk of the whole document found them. */
export interface TagCensus {
  readonly elements: readonly Element[];
}

/** Collects a census during a walk: `visit` every element in document order, then read `census`. */
export function censusAlong(): { visit(el: Element): void; census: TagCensus } {
  const elements: Element[] = [];
  return {
    visit(el) {
      if (CENSUS_TAGS.has(el.localName) || READERABLE_TAGS.has(el.localName)) elements.push(el);
    },
    census: { elements },
  };
}

/**
 * Readability's own `isProbablyReaderable(doc)`, its two selector queries over the whole page
 * ("p, pre, article" and "div > br") answered from the census. Only for a document nothing has
 * changed since the census: the pipeline asks right after its walk, before any pass. Any other
 * query (a later version of the check) goes to the document itself.
 */
export function isReaderable(doc: Document, census: TagCensus): boolean {
  const page = {
    querySelectorAll(selectors: string): ArrayLike<Element> {
      if (selectors === "p, pre, article")
        return census.elements.filter((el) => READERABLE_TAGS.has(el.localName));
      if (selectors === "div > br") {
        return census.elements.filter((el) => el.localName === "br" && el.parentElement?.localName === "div");
      }
      return doc.querySelectorAll(selectors);
    },
  };
  return isProbablyReaderable(page as unknown as Document);
}

/** Readability's internals this module relies on (see the comment at the top). */
interface ReadabilityInternals {
  _getAllNodesWithTag(node: Element | Document, tagNames: string[]): ArrayLike<Element>;
}

/**
 * Readability on `doc` (changed in place), returning its article element rather than HTML.
 * `keepClasses`: the sanitizer drops every class anyway; Readability's own pass over the article
 * to strip them would be work done twice. With a `census` of `doc` taken since its last
 * insertion, Readability's document-wide tag lookups come from it.
 */
export function readDocument(doc: Document, lookup: TagLookup, census?: TagCensus): Parsed | null {
  const reader = new Readability<Element>(doc, {
    serializer: (node) => node as Element,
    keepClasses: true,
  });
  const internals = reader as unknown as ReadabilityInternals;
  const select = internals._getAllNodesWithTag;
  if (typeof select === "function") {
    const known = census && censusHolds(doc, census) ? census : null;
    internals._getAllNodesWithTag = function (node, tagNames) {
      return (
        fromCensus(doc, known, node, tagNames) ??
        (lookup === "walk" ? byWalk(node, tagNames) : select.call(this, node, tagNames))
      );
    };
  }
  return reader.parse();
}

/** False when Readability could add census-tag elements by unwrapping a `<noscript>` image. */
export function censusHolds(doc: Document, census: TagCensus): boolean {
  for (const el of census.elements) {
    if (el.localName === "noscript" && doc.contains(el) && CENSUS_MARKUP.test(el.innerHTML)) return false;
  }
  return true;
}

/** A lookup over the whole document (or its body) of census tags only, from the census; else null. */
function fromCensus(
  doc: Document,
  census: TagCensus | null,
  node: Node,
  tagNames: readonly string[],
): Element[] | null {
  if (!census) return null;
  const root = node === doc ? doc : node === doc.body ? doc.body : null;
  if (!root) return null;
  const tags = tagNames.map((t) => t.toLowerCase());
  if (!tags.every((t) => CENSUS_TAGS.has(t))) return null;
  // Still in the document (or the body), in the walk's order: what querySelectorAll returns.
  return census.elements.filter((el) => tags.includes(el.localName) && root.contains(el));
}

const HTML_NS = "http://www.w3.org/1999/xhtml";

/**
 * What `node.querySelectorAll(tagNames.join(","))` returns, by a walk: the elements below
 * `node` in document order whose tag is one of `tagNames`. As for a type selector in an HTML
 * document, a name matches HTML elements case-insensitively and other elements (SVG) exactly.
 */
export function byWalk(node: Element | Document, tagNames: readonly string[]): Element[] {
  const anyNamespace = new Set<string>(); // lower-case names: the same test for every element
  const htmlOnly = new Set<string>(); // "DIV" matches <div> but not an SVG element named "div"
  const foreignOnly = new Set<string>(); // ...and only an SVG element named exactly "DIV"
  for (const name of tagNames) {
    const lower = name.toLowerCase();
    if (lower === name) anyNamespace.add(name);
    else {
      htmlOnly.add(lower);
      foreignOnly.add(name);
    }
  }
  return descendantsWhere(node, (el) => {
    const name = el.localName;
    return (
      anyNamespace.has(name) ||
      (htmlOnly.has(name) && el.namespaceURI === HTML_NS) ||
      (foreignOnly.has(name) && el.namespaceURI !== HTML_NS)
    );
  });
}
