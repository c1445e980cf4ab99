/**
 * Title helpers: strip a site name from a title ("Headline | Site"), and pick the
 * headline the page actually shows when several declared titles disagree.
 */

import { inFurniture, type PageIndex } from "./page-index.ts";
import { comparable, decodedText } from "./text.ts";

/** Separators between a headline and a site or section name. */
const SEPARATOR = /\s+(?:\||-|–|—|::|·|•|»|\/|\\)\s+/g;

function wordCount(value: string): number {
  return value.split(/\s+/).filter(Boolean).length;
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

function segments(title: string): { parts: string[]; seps: string[] } {
  const parts: string[] = [];
  const seps: string[] = [];
  let last = 0;
  for (const m of title.matchAll(SEPARATOR)) {
    parts.push(title.slice(last, m.index));
    seps.push(m[0]);
    last = m.index + m[0].length;
  }
  parts.push(title.slice(last));
  return { parts, seps };
}

/**
 * Removes a known site name written before or after the headline with a separator
 * ("Headline | The Site", "The Site - Headline", "Headline :: Site"). Only exact site-name
 * matches are removed, so this is safe on og:title and JSON-LD headlines.
 */
export function stripKnownSiteName(title: string, siteNames: readonly string[]): string {
  const { parts, seps } = segments(title);
  if (parts.length < 2) return title;
  if (sameSite(parts[parts.length - 1]!, siteNames)) {
    return parts
      .slice(0, -1)
      .map((p, i) => (i < parts.length - 2 ? p + seps[i] : p))
      .join("")
      .trim();
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
  if (known !== title) return known;
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

/** Texts of the page's `<h1>` elements outside navigation and sidebars, in order. */
export function headingTexts(index: PageIndex): string[] {
  const out: string[] = [];
  for (const h1 of index.headings) {
    if (h1.localName !== "h1" || inFurniture(h1)) continue;
    const text = decodedText(h1.textContent);
    if (text) out.push(text);
  }
  return out;
}

/** True when `candidate` is the headline shown in `heading` (allowing a "…"-truncated copy). */
export function matchesHeading(candidate: string, heading: string): boolean {
  const a = comparable(candidate);
  const b = comparable(heading);
  if (a === b) return true;
  const stem = a.replace(/\s*(?:…|\.\.\.)$/, "");
  return stem !== a && stem.length >= 20 && b.startsWith(stem);
}

/**
 * Picks the title: the first candidate (in precedence order) that is the page's visible
 * headline; when none is, the first candidate, unless it is a "…"-truncated copy of a later
 * one (JSON-LD headlines are often cut at 110 characters), in which case the full one.
 */
export function pickTitle(
  candidates: readonly (string | null)[],
  headings: readonly string[],
): string | null {
  const present = candidates.filter((c): c is string => !!c);
  for (const candidate of present) {
    if (headings.some((h) => matchesHeading(candidate, h))) return candidate;
  }
  const first = present[0];
  if (first === undefined) return headings[0] ?? null;
  const longer = present.find((c) => c !== first && matchesHeading(first, c));
  return longer ?? first;
}
