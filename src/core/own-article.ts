/**
 * The page's own article among several (stage 6c of the pipeline). News sites that scroll on
 * forever print the next stories below the one the address names, each in its own
 * `<article>`: Readability scores them all and may keep a longer neighbour. The page says
 * which one is its own: the article whose id, permalink attribute or headline link carries the
 * address's slug, or whose headline is the page's declared title.
 */
import { descendants, firstDescendant } from "./dom.ts";
import { comparable } from "./metadata/text.ts";
import { squash } from "./whitespace.ts";

/** A story shorter than this is not worth reading alone: a teaser, a widget. */
export const OWN_STORY_MIN_CHARS = 200;

/** Attributes in which infinite-scroll scripts keep each story's address. */
const ADDRESS_ATTRIBUTES = [
  "id",
  "data-url",
  "data-permalink",
  "data-href",
  "data-uri",
  "data-link",
  "data-post-url",
];

/** The last segment of the address's path, when it is long enough to name one story. */
export function slugOf(url: string): string | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const last = path
    .split("/")
    .filter(Boolean)
    .pop()
    ?.replace(/\.(?:s?html?|php|aspx?)$/i, "")
    .toLowerCase();
  // A slug of words ("wir-haben-bereits-die-zusage"), not "index" or a bare number.
  return last && last.length >= 12 && /[a-z]/.test(last) && /[-_]/.test(last) ? last : null;
}

/** The article's headline: its first h1, else its first h2 (each walk stops at the first). */
function headlineOf(article: Element): Element | null {
  return (
    firstDescendant(article, (el) => el.localName === "h1") ??
    firstDescendant(article, (el) => el.localName === "h2")
  );
}

function isOwn(article: Element, slug: string | null, title: string): boolean {
  const headline = headlineOf(article);
  if (slug) {
    for (const name of ADDRESS_ATTRIBUTES)
      if (article.getAttribute(name)?.toLowerCase().includes(slug)) return true;
    const link = headline?.getElementsByTagName("a")[0];
    if (link?.getAttribute("href")?.toLowerCase().includes(slug)) return true;
  }
  return title.length >= 12 && headline !== null && comparable(squash(headline.textContent)) === title;
}

/** The page's own article, and the other stories printed with it. */
export interface OwnArticle {
  own: Element;
  others: Element[];
}

/**
 * The page's own article, when the page holds two or more `<article>` elements and exactly one
 * of them names the address or the declared title; else null.
 */
export function ownArticle(body: Element, url: string, title: string | null): OwnArticle | null {
  const articles = descendants(body, "article").filter(
    (a) => squash(a.textContent).length >= OWN_STORY_MIN_CHARS,
  );
  if (articles.length < 2) return null;
  const slug = slugOf(url);
  const wanted = comparable(title ?? "");
  // A wrapper <article> around the story carries its headline too: the innermost one is the story.
  const named = articles.filter((a) => isOwn(a, slug, wanted));
  const innermost = named.filter((a) => !named.some((b) => b !== a && a.contains(b)));
  if (innermost.length !== 1) return null;
  const own = innermost[0]!;
  const others = articles.filter((a) => !a.contains(own) && !own.contains(a));
  return others.length > 0 ? { own, others } : null;
}

/** Whether a reading's text holds `article`'s longest paragraph. */
function holds(article: Element, readingText: string): boolean {
  let longest = "";
  for (const p of descendants(article, "p")) {
    const text = squash(p.textContent);
    if (text.length > longest.length) longest = text;
  }
  return longest.length >= 40 && readingText.includes(longest.slice(0, 200));
}

/** Whether a reading is the page's own story alone (else it is read again, alone). */
export function readsOwnStory({ own, others }: OwnArticle, readingText: string): boolean {
  const text = squash(readingText);
  return holds(own, text) && !others.some((other) => holds(other, text));
}
