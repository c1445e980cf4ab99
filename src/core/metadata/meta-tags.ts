/**
 * Readers for what the page declares outside JSON-LD: `<meta>` tags (OpenGraph, Twitter,
 * Dublin Core, `article:*`, Parse.ly, Sailthru, plain `name=`), microdata (`itemprop`),
 * `<time datetime>`, `a[rel=author]` and `link[rel=canonical]`. Read-only.
 *
 * Keys are normalised so that writing variants meet: lower case, whitespace removed,
 * `DC.title` / `dcterms:title` / `dc:title` all become `dc:title`, `sailthru.author` stays
 * `sailthru.author`. A `property` attribute may hold several space-separated keys.
 * `name="og:title"` (a common mistake) counts as `og:title`, `og:article:author` as
 * `article:author`. Microdata on `<meta>` is keyed
 * `itemprop:<name>`, `http-equiv` as `http-equiv:<name>`.
 */

import { closestTag, closestWhere, firstDescendant } from "../dom.ts";
import { inFurniture, type PageIndex } from "./page-index.ts";
import { decodedText } from "./text.ts";

export interface MetaTags {
  /** First non-empty value for the first key (in the order given) that has one. */
  first(...keys: string[]): string | null;
  /** Every non-empty value for a key, in document order. */
  all(key: string): string[];
}

function normaliseKey(raw: string): string {
  return raw
    .toLowerCase()
    .replace(/\s+/g, "")
    .replace(/^(?:dcterms|dcterm|dc)[.:]/, "dc:")
    .replace(/^og:(?=article:)/, "");
}

function hasToken(value: string | null, token: string): boolean {
  if (!value) return false;
  const wanted = token.toLowerCase();
  return value.split(/\s+/).some((t) => t.toLowerCase() === wanted);
}

/** Collects every `<meta>` value by normalised key. */
export function readMetaTags(index: PageIndex): MetaTags {
  const values = new Map<string, string[]>();
  const add = (key: string, value: string) => {
    const list = values.get(key);
    if (list) list.push(value);
    else values.set(key, [value]);
  };

  for (const meta of index.metas) {
    const content = decodedText(meta.getAttribute("content") ?? meta.getAttribute("value"));
    if (!content) continue;
    const keys = new Set<string>();
    for (const token of (meta.getAttribute("property") ?? "").split(/\s+/)) {
      if (token) keys.add(normaliseKey(token));
    }
    const name = meta.getAttribute("name");
    if (name?.trim()) keys.add(normaliseKey(name));
    for (const token of (meta.getAttribute("itemprop") ?? "").split(/\s+/)) {
      if (token) keys.add(`itemprop:${normaliseKey(token)}`);
    }
    const httpEquiv = meta.getAttribute("http-equiv");
    if (httpEquiv?.trim()) keys.add(`http-equiv:${normaliseKey(httpEquiv)}`);
    for (const key of keys) add(key, content);
  }

  return {
    first(...keys: string[]) {
      for (const key of keys) {
        const list = values.get(key);
        if (list && list.length > 0) return list[0]!;
      }
      return null;
    },
    all(key: string) {
      return values.get(key) ?? [];
    },
  };
}

function elementValue(el: Element): string | null {
  return (
    decodedText(el.getAttribute("content")) ??
    decodedText(el.getAttribute("datetime")) ??
    decodedText(el.textContent)
  );
}

/**
 * Values of microdata property `prop` on elements other than `<meta>` (those are in
 * {@link readMetaTags}), in document order, skipping navigation, sidebars and comments.
 */
export function readItemprop(index: PageIndex, prop: string): string[] {
  const out: string[] = [];
  for (const el of index.itemprops) {
    if (
      el.localName === "meta" ||
      !hasToken(el.getAttribute("itemprop"), prop) ||
      inFurniture(el, index.furniture)
    )
      continue;
    const value =
      el.localName === "img" || el.localName === "link" || el.localName === "a"
        ? decodedText(el.getAttribute("src") ?? el.getAttribute("href") ?? el.getAttribute("content"))
        : elementValue(el);
    if (value) out.push(value);
  }
  return out;
}

function isAuthorProp(el: Element): boolean {
  const itemprop = el.getAttribute("itemprop");
  return hasToken(itemprop, "author") || hasToken(itemprop, "creator");
}

/**
 * Author names from microdata: `[itemprop~=author]` (or `creator`), preferring a nested
 * `[itemprop~=name]` over the whole text (which often holds "By" and a date too).
 */
export function readItempropAuthors(index: PageIndex): string[] {
  const out: string[] = [];
  for (const el of index.itemprops) {
    if (
      el.localName === "meta" ||
      el.localName === "link" ||
      !isAuthorProp(el) ||
      inFurniture(el, index.furniture)
    )
      continue;
    // Nested author inside another author element: the outer one already counted it.
    let outer = el.parentElement;
    while (outer && !(outer.hasAttribute("itemprop") && isAuthorProp(outer))) outer = outer.parentElement;
    if (outer) continue;
    const nameEl = firstDescendant(el, (n) => hasToken(n.getAttribute("itemprop"), "name"));
    const value = nameEl
      ? elementValue(nameEl)
      : (decodedText(el.getAttribute("content")) ?? decodedText(el.textContent));
    if (value) out.push(value);
  }
  return out;
}

/** Link texts of `a[rel~=author]` outside page furniture. */
export function readRelAuthors(index: PageIndex): string[] {
  return linkTexts(index.relAuthors, index);
}

/** The texts of the links to an author's page, outside the page's furniture, in page order. */
export function readAuthorPageLinks(index: PageIndex): string[] {
  return linkTexts(index.authorLinks, index);
}

function linkTexts(links: readonly Element[], index: PageIndex): string[] {
  const out: string[] = [];
  for (const a of links) {
    if (inFurniture(a, index.furniture)) continue;
    const value = decodedText(a.textContent);
    if (value) out.push(value);
  }
  return out;
}

/**
 * The article's `<time datetime>`: one marked as publication time (`pubdate`, itemprop,
 * class "publish"/"posted"), else the first inside a header or byline, else the first inside
 * an article, else the first in the document; never one in page furniture.
 */
export function readTimeElement(index: PageIndex): string | null {
  const times = index.times.filter((el) => !inFurniture(el, index.furniture));
  const tests: ((el: Element) => boolean)[] = [
    (el) => el.hasAttribute("pubdate"),
    (el) => hasToken(el.getAttribute("itemprop"), "datePublished"),
    (el) => /publish|posted/i.test(el.getAttribute("class") ?? ""),
    (el) =>
      closestWhere(
        el,
        (n) => n.localName === "header" || (n.getAttribute("class") ?? "").includes("byline"),
      ) !== null,
    (el) => closestTag(el, "article") !== null,
    () => true,
  ];
  for (const test of tests) {
    for (const el of times) {
      if (!test(el)) continue;
      const value = decodedText(el.getAttribute("datetime"));
      if (value) return value;
    }
  }
  return null;
}

/** `href` of the first `<link>` whose `rel` holds `rel`, as written. */
export function readLinkHref(index: PageIndex, rel: string): string | null {
  for (const link of index.links) {
    if (!hasToken(link.getAttribute("rel"), rel)) continue;
    const href = decodedText(link.getAttribute("href"));
    if (href) return href;
  }
  return null;
}

/** `href` of `<base>`, as written (for resolving relative URLs the way the browser does). */
export function readBaseHref(index: PageIndex): string | null {
  return decodedText(index.base?.getAttribute("href"));
}
