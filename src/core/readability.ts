/**
 * How Folio runs Readability on its working copy.
 *
 * Readability starts by looking the whole document up five times, tag by tag: `<script>` for
 * JSON-LD, `<script>`/`<noscript>` to remove them, `<style>`, `<br>` (in the body) and `<font>`
 * to prepare the page. Each is a `querySelectorAll` over every element; in jsdom (Node: CLI,
 * tests, benchmarks) each costs about as much as a walk of the page, together 5-6 % of the whole
 * extraction on a typical news page. Folio has already walked the page once (metadata and the
 * passes' scan share one walk), so that walk also takes a census of these tags, and Readability's
 * document-wide lookups are answered from it.
 *
 * The answer must be exactly what `querySelectorAll` would return at that moment: the census's
 * elements of those tags that are still in the document, in document order. That holds while
 * nothing has added such elements since the walk: the cleanup passes only remove elements (and
 * change attributes), and Readability itself adds elements before these lookups in one place,
 * where it unwraps a `<noscript>` image into the page. A `<noscript>` whose markup holds one of
 * the census tags therefore switches the shortcut off for that page (rare, but the answer
 * must not depend on that). Lookups below the document (inside the
 * article Readability is building, which it rewrites constantly) go to the DOM as before.
 *
 * Readability's `isProbablyReaderable` (the not-an-article guard) asks two more such queries,
 * "p, pre, article" and "div > br"; the same census answers them (`isReaderable`).
 *
 * This replaces one method of the Readability instance (`_getAllNodesWithTag`, internal to the
 * pinned @mozilla/readability 0.6.0). If an update renamed it, the override would simply not be
 * called: `test/unit/readability-census.test.ts` checks that it is, and that the output is the
 * same with and without it.
 */
import { isProbablyReaderable, Readability } from "@mozilla/readability";

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
      if (selectors === "p, pre, article") return census.elements.filter((el) => READERABLE_TAGS.has(el.localName));
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
  _getAllNodesWithTag(node: Node, tagNames: string[]): ArrayLike<Element>;
}

/**
 * Readability on `doc` (changed in place), returning its article element rather than HTML.
 * `keepClasses`: the sanitizer drops every class anyway; Readability's own pass over the article
 * to strip them would be work done twice. With a `census` of `doc` taken since its last
 * insertion, Readability's document-wide tag lookups come from it.
 */
export function readDocument(doc: Document, census?: TagCensus): Parsed | null {
  const reader = new Readability<Element>(doc, {
    serializer: (node) => node as Element,
    keepClasses: true,
  });
  if (census && censusHolds(doc, census))
    answerFromCensus(reader as unknown as ReadabilityInternals, doc, census);
  return reader.parse();
}

/** False when Readability could add census-tag elements by unwrapping a `<noscript>` image. */
function censusHolds(doc: Document, census: TagCensus): boolean {
  for (const el of census.elements) {
    if (el.localName === "noscript" && doc.contains(el) && CENSUS_MARKUP.test(el.innerHTML)) return false;
  }
  return true;
}

function answerFromCensus(reader: ReadabilityInternals, doc: Document, census: TagCensus): void {
  const lookUp = reader._getAllNodesWithTag;
  if (typeof lookUp !== "function") return;
  reader._getAllNodesWithTag = function (node, tagNames) {
    const root = node === doc ? doc : node === doc.body ? doc.body : null;
    const tags = root ? tagNames.map((t) => t.toLowerCase()) : [];
    if (!root || !tags.every((t) => CENSUS_TAGS.has(t))) return lookUp.call(this, node, tagNames);
    // Still in the document (or the body), in the walk's order: what querySelectorAll returns.
    return census.elements.filter((el) => tags.includes(el.localName) && root.contains(el));
  };
}
