/**
 * Which author the page names, from its sources in order (see the precedence list in index.ts).
 * Each source's raw values are cleaned by authors.ts; this module decides between sources:
 *
 * - the site, its publisher, its address or an organisation named as author ("BBC News" on BBC
 *   News, "Makronom" on Makronom, "Acme GmbH") is weak: a later source naming a person wins,
 *   and the weak name is used only when none does;
 * - a user name ("happyface313", "tlow") is an account, not a byline: kept only when the page
 *   prints it as the article's byline (a blog's "Posted by tlow"), never from meta tags;
 * - "Rob Picheta, CNN" on CNN: the site's name after a person's is the employer, not a second
 *   author (cleanAuthors is told the site's names).
 */

import { cleanAuthors } from "./authors.ts";
import { readHeaderBylines, readPrintedBylines } from "./byline.ts";
import type { JsonLdArticle } from "./json-ld.ts";
import { type MetaTags, readAuthorPageLinks, readItempropAuthors, readRelAuthors } from "./meta-tags.ts";
import type { PageIndex } from "./page-index.ts";
import { comparable } from "./text.ts";

/**
 * Where the authors were found: declared in the page's metadata (JSON-LD, meta tags), read
 * from its printed byline (author links, byline elements, a "By" line), or only the site or
 * an organisation (someone else may be the author); "none" when the page names nobody.
 */
export type AuthorsKind = "declared" | "printed" | "site" | "none";

export interface AuthorReading {
  names: string[];
  kind: AuthorsKind;
}

/**
 * A company or association by its legal form ("Web Commerce GmbH", "Deutscher Caritasverband
 * e. V.", "Acme Inc.") or a web address ("example.org"): an organisation, not a byline's person.
 */
const ORGANISATION =
  /(?:\s(?:GmbH|AG|SE|KG|e\.\s?V\.?|Inc\.?|Ltd\.?|LLC|Corp\.?|S\.A\.?|S\.L\.?|SARL|S\.p\.A\.?|B\.V\.?)(?:\s|$)|^[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.[a-z]{2,6}(?:\s|$))/u;

/** The page's host without "www.": a byline that is the site's address names the site. */
function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^www\./, "") || null;
  } catch {
    return null;
  }
}

/** A user name rather than a person's name: one token, lower-case or with digits ("CC7567"). */
export function isHandle(name: string): boolean {
  return /^[\p{Ll}\d_.-]+$/u.test(name) || /^\S*\d\S*$/.test(name);
}

/** Lower-case words a name may hold ("Ursula von der Leyen", "Pedro de la Rosa"). */
const PARTICLES = /^(?:von|van|der|den|de|di|da|du|la|le|del|dos|das|zu|bin|al|y|e|und|and|et|&)$/;

/**
 * A name as it is printed: each word capitalised, bar particles. A plain-text byline line
 * ("von Daniela Obers") is found by its first word only, and "Von Berlin aus fuhr er..." is not
 * a byline: its other words are not written as a name's.
 */
export function writtenAsName(name: string): boolean {
  return name.split(/\s+/).every((w) => /^[\p{Lu}\p{Lt}]/u.test(w) || PARTICLES.test(w));
}

/** The authors the page names (see the top of this file and index.ts). */
export function readAuthors(
  index: PageIndex,
  meta: MetaTags,
  article: JsonLdArticle | null,
  title: string | null,
  siteNames: string[],
  pageUrl: string,
): AuthorReading {
  const host = hostOf(pageUrl);
  const sites = new Set([...siteNames, ...(host ? [host] : [])].map(comparable));
  const isSite = (name: string) => sites.has(comparable(name)) || ORGANISATION.test(name);
  const clean = (values: Iterable<string>, lastFirst = false) =>
    cleanAuthors(values, { lastFirst, siteNames });
  // Printed bylines: the first element that names someone; a user name counts there.
  const printed = (raws: string[], asName: (name: string) => boolean = () => true) => {
    for (const raw of raws) {
      const names = clean([raw]).filter((n) => !isSite(n) && asName(n));
      if (names.length > 0) return { names, printed: true };
    }
    return { names: [], printed: true };
  };
  // The first nine are declared; the rest (itemprop and rel=author elements, bylines) printed.
  const sources: (() => { names: string[]; printed?: boolean })[] = [
    () => ({ names: clean(article?.authors ?? []) }),
    () => ({ names: clean(meta.all("article:author")) }),
    () => ({ names: clean(meta.all("dc:creator"), true) }),
    () => ({ names: clean(meta.all("author")) }),
    () => ({ names: clean(meta.all("parsely-author")) }),
    () => ({ names: clean(meta.all("sailthru.author")) }),
    () => ({ names: clean(meta.all("byl")) }),
    // The cXense analytics tag many European publishers fill in per article (Piano's tag).
    () => ({ names: clean(meta.all("cxenseparse:author")) }),
    () => ({
      names: clean([...meta.all("itemprop:author"), ...readItempropAuthors(index)]),
      printed: true,
    }),
    () => ({ names: clean(readRelAuthors(index)), printed: true }),
    () => printed(readHeaderBylines(index, title)),
    () => printed(readPrintedBylines(index, title), writtenAsName),
    // Last: a link to an author's page whose text is a name ("Jane Roe / 22.04.2020").
    () =>
      printed(
        readAuthorPageLinks(index).filter((t) => t.split(/\s+/).length >= 2),
        writtenAsName,
      ),
  ];
  let weak: string[] = [];
  for (const source of sources) {
    const { names, printed: isPrinted } = source();
    // Only a printed byline may be a user name (the itemprop and rel=author sources' links
    // hold names as the page prints them, too).
    const usable = isPrinted ? names : names.filter((n) => !isHandle(n));
    if (usable.length === 0) continue;
    if (usable.every(isSite)) {
      if (weak.length === 0) weak = usable;
      continue;
    }
    return { names: usable, kind: isPrinted ? "printed" : "declared" };
  }
  if (weak.length > 0) return { names: weak, kind: "site" };
  const organisations = clean(article?.organizationAuthors ?? []);
  return { names: organisations, kind: organisations.length > 0 ? "site" : "none" };
}
