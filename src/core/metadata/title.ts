/**
 * Title helpers: strip a site name from a title ("Headline | Site"), and pick the
 * headline the page actually shows when several declared titles disagree.
 */

import { inArticleOrMain, isSiteName } from "./header.ts";
import { inFurniture, type PageIndex } from "./page-index.ts";
import { comparable, decodedText, visibleText } from "./text.ts";

/**
 * Separators between a headline and a site or section name (Japanese sites: a full-width bar,
 * colon or dash, written without spaces).
 */
const SEPARATOR = /\s+(?:\||-|–|—|::|·|•|»|\/|\\)\s+|\s*[｜：－]\s*/g;
/** The same, and a colon with space on both sides: between a headline and a known site name only. */
const SITE_SEPARATOR = /\s+(?:\||-|–|—|::?|·|•|»|\/|\\)\s+|\s*[｜：－]\s*/g;

/** Chinese, Japanese and Korean characters: written without spaces, about two to a word. */
const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/g;

function wordCount(value: string): number {
  return value
    .split(/\s+/)
    .filter(Boolean)
    .reduce((n, w) => n + ((w.match(CJK)?.length ?? 1) + 1) / 2, 0);
}

function sameSite(segment: string, siteNames: readonly string[]): boolean {
  const seg = comparable(segment).replace(/^(?:https?:\/\/)?(?:www\.)?/, "");
  return siteNames.some((name) => {
    const site = comparable(name).replace(/^(?:https?:\/\/)?(?:www\.)?/, "");
    if (site === "") return false;
    return (
      seg === site || seg === site.replace(/\.[a-z]{2,}$/, "") || seg.replace(/\.[a-z]{2,}$/, "") === site
    );
  });
}

function segments(title: string, separator = SEPARATOR): { parts: string[]; seps: string[] } {
  const parts: string[] = [];
  const seps: string[] = [];
  let last = 0;
  for (const m of title.matchAll(separator)) {
    parts.push(title.slice(last, m.index));
    seps.push(m[0]);
    last = m.index + m[0].length;
  }
  parts.push(title.slice(last));
  return { parts, seps };
}

/** A title split by `segments`, put back together without its last segment. */
function withoutLastSegment(parts: readonly string[], seps: readonly string[]): string {
  return parts
    .slice(0, -1)
    .map((p, i) => (i < parts.length - 2 ? p + seps[i] : p))
    .join("")
    .trim();
}

/**
 * Removes a known site name written before or after the headline with a separator
 * ("Headline | The Site", "The Site - Headline", "Headline :: Site"). Only exact site-name
 * matches are removed, so this is safe on og:title and JSON-LD headlines.
 */
export function stripKnownSiteName(title: string, siteNames: readonly string[]): string {
  const { parts, seps } = segments(title, SITE_SEPARATOR);
  if (parts.length < 2) return title;
  if (sameSite(parts[parts.length - 1]!, siteNames)) {
    return withoutLastSegment(parts, seps);
  }
  if (sameSite(parts[0]!, siteNames)) {
    return parts
      .slice(1)
      .map((p, i) => (i < parts.length - 2 ? p + seps[i + 1] : p))
      .join("")
      .trim();
  }
  return title;
}

/**
 * Cleans a document `<title>`: strips a known site name, else a short trailing segment that
 * reads like a site or section name ("Headline | Site", "Headline - Site", "Headline — Site",
 * "Headline :: Site"): at most 4 words, while the headline left keeps at least 3 words.
 * A short leading segment is removed the same way for "Site | Headline" with `|`, `::`, `»`.
 */
export function cleanDocumentTitle(title: string, siteNames: readonly string[]): string {
  const known = stripKnownSiteName(title, siteNames);
  if (known !== title) return withoutTrail(known);
  const trail = withoutTrail(title);
  if (trail !== title) return trail;
  const { parts, seps } = segments(title);
  if (parts.length < 2) return title;
  const lastPart = parts[parts.length - 1]!;
  const head = title.slice(0, title.length - lastPart.length - seps[seps.length - 1]!.length).trim();
  if (wordCount(lastPart) <= 4 && wordCount(head) >= 3) return head;
  const firstPart = parts[0]!;
  const tail = title.slice(firstPart.length + seps[0]!.length).trim();
  if (/[|»:]/.test(seps[0]!) && wordCount(firstPart) <= 3 && wordCount(tail) >= 3) return tail;
  return title;
}

/** What may stand between the kicker and the headline. */
const JOIN = /^[\s:|–—-]+/;

/**
 * A kicker printed inside the h1: news templates often put the story's topic line ("Climate",
 * "100th birthday") in the headline element, in its own child element before the headline's
 * words, and the share title then reads "Topic: Headline". The headline the reader sees is the
 * h1's text without it. The child counts as a kicker when a declared title starts with its
 * text and a separator (a class naming a kicker is not enough: some pages declare the whole).
 * Returns the h1's headline without it (`text`, its visible text, when there is none).
 */
function withoutKicker(h1: Element, text: string, declared: readonly (string | null)[]): string {
  const first = h1.firstElementChild;
  // With text before the first element, `text` does not start with the element's (checked below).
  const kicker = first && decodedText(visibleText(first));
  if (!kicker || wordCount(kicker) > 6 || !text.startsWith(kicker)) return text;
  const rest = text.slice(kicker.length).replace(JOIN, "");
  if (wordCount(rest) < 2) return text;
  const k = comparable(kicker);
  const isKicker = declared.some((t) => {
    const c = t ? comparable(t) : "";
    return c.startsWith(k) && /^\s*[:|-]/.test(c.slice(k.length));
  });
  return isKicker ? rest : text;
}

/**
 * "Headline | Topic | Forum", "Headline / Section / Home": a trail of two or more short segments
 * (a breadcrumb) after the headline, each after the same bar or slash, cut whole.
 */
function withoutTrail(title: string): string {
  const { parts, seps } = segments(title);
  const bar = seps[seps.length - 1]?.trim() ?? "";
  if (!/^[|/｜»]$/.test(bar)) return title;
  let n = parts.length;
  while (n > 1 && seps[n - 2]!.trim() === bar && wordCount(parts[n - 1]!) <= 4) n--;
  if (parts.length - n < 2) return title;
  const head = withoutLastSegment(parts.slice(0, n + 1), seps.slice(0, n));
  return wordCount(head) >= 3 ? head : title;
}

/**
 * Texts of the page's `<h1>` elements outside navigation and sidebars, in order: the headlines
 * it prints, and apart the site names its banner prints as h1 (header.ts `isSiteName`).
 */
export function headingTexts(
  index: PageIndex,
  declared: readonly (string | null)[],
): {
  headlines: string[];
  /** The one headline, when the page prints exactly one and inside its article or main. */
  sole: string | null;
  siteNames: string[];
} {
  const headlines: string[] = [];
  const siteNames: string[] = [];
  let inArticle = 0;
  for (const h1 of index.headings) {
    if (h1.localName !== "h1" || inFurniture(h1, index.furniture)) continue;
    const text = decodedText(visibleText(h1));
    if (!text) continue;
    if (isSiteName(h1)) siteNames.push(text);
    else {
      headlines.push(withoutKicker(h1, text, declared));
      if (inArticleOrMain(h1)) inArticle++;
    }
  }
  return { headlines, sole: headlines.length === 1 && inArticle === 1 ? headlines[0]! : null, siteNames };
}

/** True when `candidate` is the headline shown in `heading` (allowing a "…"-truncated copy). */
export function matchesHeading(candidate: string, heading: string): boolean {
  const a = comparable(candidate);
  const b = comparable(heading);
  if (a === b) return true;
  const stem = a.replace(/\s*(?:…|\.\.\.)$/, "");
  return stem !== a && stem.length >= 20 && b.startsWith(stem);
}

/** A title's words, for comparing two wordings of one headline. */
function words(value: string): string[] {
  return comparable(value)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * `candidate` with a heading of the page cut from its end, when the heading is a short trailing
 * segment ("Headline : Section" where the page's h1 is the section's name); else null.
 */
function withoutTrailingHeading(candidate: string, headings: readonly string[]): string | null {
  const { parts, seps } = segments(candidate, SITE_SEPARATOR);
  if (parts.length < 2) return null;
  const last = parts[parts.length - 1]!;
  if (wordCount(last) > 4 || !headings.some((h) => comparable(h) === comparable(last))) return null;
  const head = withoutLastSegment(parts, seps);
  return wordCount(head) >= 2 ? head : null;
}

/**
 * True when `heading` is another wording of `candidate`: at least two words, and at least half
 * of the longer one's words, in common ("Coronavirus: New York ramps up mass burials amid
 * outbreak" printed, "New York ramps up mass burials amid virus outbreak" shared; a section
 * name or kicker cut from the printed one).
 */
function sameHeadline(heading: string, candidate: string): boolean {
  const h = [...new Set(words(heading))];
  const c = new Set(words(candidate));
  const shared = h.filter((w) => c.has(w)).length;
  return shared >= 2 && shared * 2 >= Math.max(h.length, c.size);
}

/**
 * True when `candidate` is the printed `heading` with other segments around it, after or before
 * a separator ("Headline / Section / Home - Site", "Site - Section - Headline"): the site's and
 * section's names added to a title however many or long they are.
 */
function framedHeading(heading: string, candidate: string): boolean {
  const { parts } = segments(candidate, SITE_SEPARATOR);
  const h = comparable(heading);
  return (
    parts.length > 1 &&
    wordCount(h) >= 3 &&
    (comparable(parts[0]!) === h || comparable(parts[parts.length - 1]!) === h)
  );
}

/**
 * Picks the title, as the page shows it (`printed`: it is the text of the page's h1):
 * 1. the first candidate (in precedence order) that is the page's visible headline;
 * 2. a candidate whose short last segment is a heading of the page (the page's h1 is the
 *    section's name): the candidate without it;
 * 3. a heading of the page printed in a candidate with segments around it (framedHeading): the
 *    heading; else a heading of the page that is another wording of a candidate (a headline
 *    written for sharing beside the printed one, a site or section name added to the declared
 *    one): the printed heading (the candidate when the heading is it with a kicker run in front);
 * 4. the page's one headline, when it prints a single h1, in its article or main element, that
 *    none of them is (a declared title that is the site's or the section's name, or the page's
 *    previous headline);
 * 5. else the first candidate, unless it is a "…"-truncated copy of a later one (JSON-LD
 *    headlines are often cut at 110 characters), in which case the full one.
 */
export function pickTitle(
  candidates: readonly (string | null)[],
  headings: readonly string[],
  sole: string | null = null,
): { title: string | null; printed: boolean } {
  const present = candidates.filter((c): c is string => !!c);
  for (const candidate of present) {
    if (headings.some((h) => matchesHeading(candidate, h))) return { title: candidate, printed: true };
  }
  for (const candidate of present) {
    const cut = withoutTrailingHeading(candidate, headings);
    if (cut) return { title: cut, printed: false };
  }
  for (const candidate of present) {
    const printed = headings.find((h) => framedHeading(h, candidate));
    if (printed) return { title: printed, printed: true };
  }
  for (const candidate of present) {
    const printed = headings.find((h) => sameHeadline(h, candidate));
    // A heading that holds the whole candidate has a kicker run into it: the candidate is cleaner.
    if (printed) {
      return comparable(printed).includes(comparable(candidate))
        ? { title: candidate, printed: false }
        : { title: printed, printed: true };
    }
  }
  if (sole) return { title: sole, printed: true };
  const first = present[0];
  if (first === undefined) return { title: headings[0] ?? null, printed: headings.length > 0 };
  const longer = present.find((c) => c !== first && matchesHeading(first, c));
  return { title: longer ?? first, printed: false };
}

/**
 * The article's headline from Readability's title and the metadata's: the metadata's when it is
 * the h1 the page prints; else Readability's, unless that is the metadata's title with a site
 * or section name still around it ("Headline - Site", "Section: Headline").
 */
export function pickHeadline(
  fromReadability: string | null,
  meta: { title: string | null; titlePrinted: boolean },
): string {
  const fromMetadata = meta.title;
  if (fromMetadata && meta.titlePrinted) return fromMetadata;
  if (fromReadability && fromMetadata && fromReadability !== fromMetadata) {
    const inner = fromMetadata.toLowerCase();
    if (inner.length >= 10 && fromReadability.toLowerCase().includes(inner)) return fromMetadata;
  }
  return fromReadability ?? fromMetadata ?? "";
}
