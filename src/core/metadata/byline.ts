/**
 * The byline printed in the article's header, for pages whose metadata names no person
 * (only the organisation, or nothing). An element counts when its class, id or
 * `data-component` names a byline, author, contributor or writer (also in camelCase:
 * "TextContributorName"), and it sits in the header region (after the h1, before the next
 * heading, near it; see header.ts). Its visible text, one line per block, goes to
 * authors.ts for cleaning ("By Jane Doe" / "Staff, Cornwall" -> "Jane Doe").
 */

import { type HeaderRegion, headerRegion, regionUnder } from "./header.ts";
import { inFurniture, type PageIndex } from "./page-index.ts";
import { comparable, visibleText } from "./text.ts";
import { squash } from "../whitespace.ts";

/** Longest raw text a byline element may hold (longer ones are containers, not bylines). */
const MAX_RAW_LENGTH = 200;

/**
 * Where the byline is looked for: the header region under the article's h1, or, when no h1 is
 * the title, under the h2 or h3 that is: older blog themes print the site's name as the page's
 * h1 (or none at all) and each post's title as an h2, its "Posted by" line just below.
 */
function bylineRegion(index: PageIndex, title: string | null): HeaderRegion | null {
  const region = headerRegion(index, title);
  if (!title || (region && comparable(region.h1.textContent ?? "") === comparable(title))) return region;
  const heading = index.headings.find(
    (h) =>
      (h.localName === "h2" || h.localName === "h3") &&
      !inFurniture(h, index.furniture) &&
      comparable(h.textContent ?? "") === comparable(title),
  );
  return heading ? regionUnder(index, heading, title) : region;
}

/** Raw byline texts from the header region, in document order (first usable first). */
export function readHeaderBylines(index: PageIndex, title: string | null): string[] {
  const region = bylineRegion(index, title);
  if (!region) return [];
  const out: string[] = [];
  for (const el of index.bylineCandidates) {
    if (region.isPast(el)) break;
    if (!region.contains(el) || inFurniture(el, index.furniture)) continue;
    const text = visibleText(el).trim();
    // Measured squashed: a template's indentation is not text.
    if (text === "" || squash(text).length > MAX_RAW_LENGTH) continue;
    out.push(text);
  }
  return out;
}

/**
 * A byline printed as plain text, in an element no class names: "von Daniela Obers",
 * "By Jane Doe", "Text: Jane Roe", "Autor: Jane Roe". Many small sites' templates and editors
 * write the byline as the first words of a line under the headline. The line must start with
 * the byline word and hold nothing long after it, and the name must be written as names are
 * (capitalised words), so that a sentence starting "Von Berlin aus..." is not taken.
 */
const BYLINE_START =
  /^(?:(?:[Tt]ext|[Ss]tory|[Ww]ords|[Ww]ritten|[Pp]osted|[Rr]eported|[Ee]in\s+(?:[Bb]eitrag|[Aa]rtikel))\s+)?(?:[Bb]y|BY|[Vv]on|VON|[Pp]ar|[Pp]or|[Dd]oor)\s+\p{Lu}|^(?:[Tt]ext|TEXT|[Aa]utor|[Aa]utorin|AUTOR|[Aa]uthor|AUTHOR|[Vv]erfasser|[Vv]erfasserin|[Aa]uteur)\s*:\s*\p{Lu}/u;

/** How long a printed byline line may be (a longer one is a paragraph). */
const MAX_LINE_LENGTH = 120;

/** Whether `line` (squashed) reads as a printed byline: a byline word first, nothing long. */
export function isBylineStart(line: string): boolean {
  return line.length <= MAX_LINE_LENGTH && BYLINE_START.test(line);
}

/** Text nodes of the header region looked at. */
const MAX_NODES = 400;

/** Raw plain-text byline lines from the header region, in document order. */
export function readPrintedBylines(index: PageIndex, title: string | null): string[] {
  const region = bylineRegion(index, title);
  if (!region?.scope) return [];
  const out: string[] = [];
  const walker = region.scope.ownerDocument.createTreeWalker(region.scope, 4 /* SHOW_TEXT */);
  let seen = 0;
  for (let node = walker.nextNode(); node && seen++ < MAX_NODES; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || region.h1.contains(parent) || !region.contains(parent)) continue;
    if (region.isPast(parent)) break;
    if (!/^\s*\p{L}/u.test(node.nodeValue ?? "") || inFurniture(parent, index.furniture)) continue;
    // "von <a>Jane Roe</a>": the byline word and the name sit in sibling nodes of one line.
    const line = squash(
      visibleText(parent)
        .split(/\n/)
        .find((l) => l.trim() !== "") ?? "",
    );
    if (!isBylineStart(line)) continue;
    if (!line.startsWith(squash(node.nodeValue ?? ""))) continue;
    out.push(line);
  }
  return out;
}
