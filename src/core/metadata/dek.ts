/**
 * The explicit standfirst / dek: a short summary the page prints under its headline.
 *
 * 1. `[itemprop~=alternativeHeadline]` anywhere outside page furniture.
 * 2. An element whose class or id names a dek (standfirst, dek, deck, subtitle, sub-headline,
 *    subhead, article-summary, summary, lede, intro, strapline, tagline, description, excerpt)
 *    or that carries `itemprop~=description`, which follows the article's `<h1>` in document
 *    order and sits near it (inside the h1's grandparent's parent).
 * 3. In a `<header>` (or `hgroup`), the `<h2>` / `<p>` right after the `<h1>`.
 *
 * Text must be 15..400 characters, must not be the headline itself, a byline or a date.
 */

import { looksLikeDate } from "./dates.ts";
import { inFurniture } from "./meta-tags.ts";
import { clean, comparable } from "./text.ts";

const DEK_NAME =
  /(?:^|[\s_-])(?:standfirst|stand-first|dek|deck|subtitle|sub-title|subheadline|sub-headline|subhead|subheading|article-summary|articlesummary|summary|lede|lead-in|intro|strapline|tagline|description|excerpt)(?:$|[\s_-])/i;

const MIN_LENGTH = 15;
const MAX_LENGTH = 400;

function acceptable(el: Element, title: string | null): string | null {
  if (inFurniture(el)) return null;
  if (el.querySelector("h1") || el.closest("h1")) return null;
  // An image's description or credit is a caption, not a dek.
  if (el.closest("figure, figcaption, [class*=caption], [class*=credit]") || el.querySelector("img")) return null;
  const text = clean(el.textContent);
  if (!text || text.length < MIN_LENGTH || text.length > MAX_LENGTH) return null;
  if (title && comparable(text) === comparable(title)) return null;
  if (/^(?:by|von|par|por|di)\s/i.test(text) || looksLikeDate(text)) return null;
  // Link lists (tags, "more stories") are not a dek.
  const linkText = Array.from(el.querySelectorAll("a")).reduce((n, a) => n + (a.textContent ?? "").length, 0);
  if (linkText > text.length * 0.5) return null;
  return text;
}

function follows(a: Element, b: Element): boolean {
  // DOCUMENT_POSITION_FOLLOWING = 4
  return (a.compareDocumentPosition(b) & 4) !== 0;
}

function articleHeading(doc: Document, title: string | null): Element | null {
  const headings = Array.from(doc.querySelectorAll("h1")).filter((h) => !inFurniture(h));
  if (title) {
    const match = headings.find((h) => comparable(h.textContent ?? "") === comparable(title));
    if (match) return match;
  }
  return headings.find((h) => h.closest("article, main, [role=main]")) ?? headings[0] ?? null;
}

/** The page's explicit dek, or null. `title` helps find the right `<h1>`. Read-only. */
export function readDek(doc: Document, title: string | null): string | null {
  for (const el of Array.from(doc.querySelectorAll('[itemprop~="alternativeHeadline"]'))) {
    const text = el.localName === "meta" ? clean(el.getAttribute("content")) : acceptable(el, title);
    if (text) return text;
  }

  const h1 = articleHeading(doc, title);
  if (!h1) return null;
  const scope = h1.parentElement?.parentElement?.parentElement ?? h1.parentElement;
  if (scope) {
    for (const el of Array.from(scope.querySelectorAll("[class], [id], [itemprop~=description]"))) {
      if (!follows(h1, el)) continue;
      const named =
        DEK_NAME.test(el.getAttribute("class") ?? "") ||
        DEK_NAME.test(el.id) ||
        (el.getAttribute("itemprop") ?? "").split(/\s+/).includes("description");
      if (!named) continue;
      const text = acceptable(el, title);
      if (text) return text;
    }
  }

  const group = h1.closest("header, hgroup");
  if (group) {
    const next = h1.nextElementSibling;
    if (next && (next.localName === "h2" || next.localName === "p") && group.contains(next)) {
      const text = acceptable(next, title);
      if (text) return text;
    }
  }
  return null;
}
