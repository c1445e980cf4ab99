/**
 * How Folio runs Readability on its working copy: the same Readability as anyone, through its
 * public API only, one path in every DOM (the browsers', jsdom's). What makes it cheaper than
 * bare Readability is the copy it reads: the passes have already taken the clutter out.
 */
import { Readability } from "@mozilla/readability";

export type Parsed = NonNullable<ReturnType<Readability<Element>["parse"]>>;

/**
 * Readability on `doc` (changed in place), returning its article element rather than HTML.
 * `keepClasses`: the sanitizer drops every class anyway; Readability's own pass over the article
 * to strip them would be work done twice.
 */
export function readDocument(doc: Document): Parsed | null {
  return new Readability<Element>(doc, {
    serializer: (node) => node as Element,
    keepClasses: true,
  }).parse();
}
