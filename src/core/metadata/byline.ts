/**
 * The byline printed in the article's header, for pages whose metadata names no person
 * (only the organisation, or nothing). An element counts when its class, id or
 * `data-component` names a byline, author, contributor or writer (also in camelCase:
 * "TextContributorName"), and it sits in the header region (after the h1, before the next
 * heading, near it; see header.ts). Its visible text, one line per block, goes to
 * authors.ts for cleaning ("By Jane Doe" / "Staff, Cornwall" -> "Jane Doe").
 */

import { headerRegion } from "./header.ts";
import { inFurniture, type PageIndex } from "./page-index.ts";
import { visibleText } from "./text.ts";

/** Longest raw text a byline element may hold (longer ones are containers, not bylines). */
const MAX_RAW_LENGTH = 200;

/** Raw byline texts from the header region, in document order (first usable first). */
export function readHeaderBylines(index: PageIndex, title: string | null): string[] {
  const region = headerRegion(index, title);
  if (!region) return [];
  const out: string[] = [];
  for (const el of index.bylineCandidates) {
    if (region.isPast(el)) break;
    if (!region.contains(el) || inFurniture(el)) continue;
    const text = visibleText(el).trim();
    if (text === "" || text.length > MAX_RAW_LENGTH) continue;
    out.push(text);
  }
  return out;
}
