/**
 * Assembling an article's header fields from the two readings of them: the page's own
 * metadata (metadata/) and Readability's.
 */
import { cleanAuthors } from "./metadata/index.ts";
import type { PageMetadata } from "./metadata/types.ts";
import { pickHeadline } from "./metadata/title.ts";
import type { Parsed } from "./readability.ts";
import { squashOrNull } from "./whitespace.ts";

/**
 * Which fields come from where, once. The page's own metadata (JSON-LD, OpenGraph, meta tags,
 * see metadata/index.ts for their order) wins over Readability's guesses, except for the title
 * (Readability's title logic goes first, checked against the page's headings) and, unless the
 * page declares its authors, the byline: Readability's byline (cleaned of "By", dates and URLs)
 * goes before the bylines Folio reads from the page, after the authors its JSON-LD or meta
 * tags declare (Readability's first byline-like element may be a related story's).
 */
export function assembleMetadata(meta: PageMetadata, parsed: Parsed, url: string) {
  const site = (meta.siteName ?? parsed.siteName ?? "").toLowerCase();
  const fromReadability = cleanAuthors(parsed.byline ? [parsed.byline] : [], { siteNames: [site] });
  // Readability takes an organisation author ("BBC News" on BBC News) as readily as a person.
  const readabilityNamesPerson =
    fromReadability.length > 0 && !fromReadability.every((name) => name.toLowerCase() === site);
  const chosen =
    meta.authorsKind === "declared" || (meta.authorsKind !== "none" && !readabilityNamesPerson)
      ? meta.authors
      : fromReadability;
  // "Rob Picheta, CNN" on CNN: the site is not one of the authors when people are named.
  const people = chosen.filter((name) => name.toLowerCase() !== site);
  const authors = people.length > 0 ? people : chosen;
  const dir = meta.dir ?? (parsed.dir === "rtl" || parsed.dir === "ltr" ? parsed.dir : null);
  return {
    url: meta.canonicalUrl ?? url,
    pageUrl: url,
    title: pickHeadline(squashOrNull(parsed.title), meta),
    subtitle: meta.subtitle,
    byline: authors.length > 0 ? authors.join(", ") : null,
    authors,
    siteName: meta.siteName ?? squashOrNull(parsed.siteName),
    publishedTime: meta.publishedTime,
    modifiedTime: meta.modifiedTime,
    lang: meta.lang ?? squashOrNull(parsed.lang),
    dir,
    excerpt: meta.description ?? squashOrNull(parsed.excerpt),
  };
}
