/**
 * Readers for what the page declares outside JSON-LD: `<meta>` tags (OpenGraph, Twitter,
 * Dublin Core, `article:*`, Parse.ly, Sailthru, plain `name=`), microdata (`itemprop`),
 * `<time datetime>`, `a[rel=author]` and `link[rel=canonical]`. Read-only.
 *
 * Keys are normalised so that writing variants meet: lower case, whitespace removed,
 * `DC.title` / `dcterms:title` / `dc:title` all become `dc:title`, `sailthru.author` stays
 * `sailthru.author`. A `property` attribute may hold several space-separated keys.
 * `name="og:title"` (a common mistake) counts as `og:title`.
 */

import { clean } from "./text.ts";

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
    .replace(/^(?:dcterms|dcterm|dc)[.:]/, "dc:");
}

/** Collects every `<meta>` value by normalised key. */
export function readMetaTags(doc: Document): MetaTags {
  const values = new Map<string, string[]>();
  const add = (key: string, value: string) => {
    const list = values.get(key);
    if (list) list.push(value);
    else values.set(key, [value]);
  };

  for (const meta of Array.from(doc.querySelectorAll("meta"))) {
    const content = clean(meta.getAttribute("content") ?? meta.getAttribute("value"));
    if (!content) continue;
    const keys = new Set<string>();
    for (const token of (meta.getAttribute("property") ?? "").split(/\s+/)) {
      if (token) keys.add(normaliseKey(token));
    }
    const name = meta.getAttribute("name");
    if (name?.trim()) keys.add(normaliseKey(name));
    const itemprop = meta.getAttribute("itemprop");
    for (const token of (itemprop ?? "").split(/\s+/)) {
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

/** Class or id naming page furniture: comments, sidebars, navigation, related stories. */
const FURNITURE_NAME = /(?:^|[\s_-])(?:comments?|commentlist|sidebar|related|nav|navigation|menu|widget)(?:$|[\s_-])/i;

/**
 * True when `el` sits in navigation, a sidebar, comments, or the page footer (a `<footer>`
 * inside an `<article>` is the article's own and often holds the byline, so it counts as ours).
 */
export function inFurniture(el: Element): boolean {
  for (let node: Element | null = el; node; node = node.parentElement) {
    const tag = node.localName;
    if (tag === "body" || tag === "html") return false;
    if (tag === "nav" || tag === "aside") return true;
    if (tag === "footer" && !node.closest("article")) return true;
    const role = node.getAttribute("role");
    if (role === "navigation" || role === "complementary") return true;
    if (FURNITURE_NAME.test(node.getAttribute("class") ?? "") || FURNITURE_NAME.test(node.id)) return true;
  }
  return false;
}

function elementValue(el: Element): string | null {
  return clean(el.getAttribute("content")) ?? clean(el.getAttribute("datetime")) ?? clean(el.textContent);
}

/**
 * Values of microdata property `prop` on elements other than `<meta>` (those are in
 * {@link readMetaTags}), in document order, skipping navigation, footers and comments.
 */
export function readItemprop(doc: Document, prop: string): string[] {
  const out: string[] = [];
  for (const el of Array.from(doc.querySelectorAll(`[itemprop~="${prop}"]`))) {
    if (el.localName === "meta" || inFurniture(el)) continue;
    const value = elementValue(el);
    if (value) out.push(value);
  }
  return out;
}

/**
 * Author names from microdata: `[itemprop~=author]` (or `creator`), preferring a nested
 * `[itemprop~=name]` over the whole text (which often holds "By" and a date too).
 */
export function readItempropAuthors(doc: Document): string[] {
  const out: string[] = [];
  for (const el of Array.from(doc.querySelectorAll('[itemprop~="author"], [itemprop~="creator"]'))) {
    if (el.localName === "meta" || el.localName === "link" || inFurniture(el)) continue;
    // Nested author inside another author element: the outer one already counted it.
    if (el.parentElement?.closest('[itemprop~="author"], [itemprop~="creator"]')) continue;
    const nameEl = el.querySelector('[itemprop~="name"]');
    const value = nameEl ? elementValue(nameEl) : clean(el.getAttribute("content")) ?? clean(el.textContent);
    if (value) out.push(value);
  }
  return out;
}

/** Link texts of `a[rel~=author]` outside page furniture. */
export function readRelAuthors(doc: Document): string[] {
  const out: string[] = [];
  for (const a of Array.from(doc.querySelectorAll('a[rel~="author"]'))) {
    if (inFurniture(a)) continue;
    const value = clean(a.textContent);
    if (value) out.push(value);
  }
  return out;
}

/**
 * The article's `<time datetime>`: one marked as publication time (`pubdate`, itemprop,
 * class "published"), else the first inside the article's header, else the first in the
 * document outside page furniture.
 */
export function readTimeElement(doc: Document): string | null {
  const selectors = [
    "time[pubdate][datetime]",
    'time[itemprop~="datePublished"][datetime]',
    "time[class*=publish][datetime], time[class*=posted][datetime]",
    "article header time[datetime], header time[datetime], [class*=byline] time[datetime]",
    "article time[datetime]",
    "time[datetime]",
  ];
  for (const selector of selectors) {
    for (const el of Array.from(doc.querySelectorAll(selector))) {
      if (inFurniture(el)) continue;
      const value = clean(el.getAttribute("datetime"));
      if (value) return value;
    }
  }
  return null;
}

/** `href` of the first `link[rel~=canonical]`, as written. */
export function readCanonicalHref(doc: Document): string | null {
  const link = doc.querySelector('link[rel~="canonical" i][href]');
  return clean(link?.getAttribute("href"));
}

/** `href` of `<base>`, as written (for resolving relative URLs the way the browser does). */
export function readBaseHref(doc: Document): string | null {
  return clean(doc.querySelector("base[href]")?.getAttribute("href"));
}
