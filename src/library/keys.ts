/**
 * The two identities the library derives from an article: its key (the canonical URL without
 * the #fragment, so one article saved from two anchors is one record) and its site (the name
 * the page declares, else the host without "www."), which the list shows and search filters on.
 * Pure and dependency-free so that the search module and the store share it cheaply.
 */
import { squash } from "../core/whitespace.ts";

/** The store key for `url`: parsed, serialised and without its fragment; null when not a URL. */
export function normalizeUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  parsed.hash = "";
  return parsed.href;
}

/** The site an article is filed under: its declared site name, else its host without "www.". */
export function siteOf(article: { siteName: string | null; url: string }): string {
  const name = squash(article.siteName);
  if (name) return name;
  try {
    return new URL(article.url).hostname.replace(/^www\./, "");
  } catch {
    return "";
  }
}

/** The host of `url` without "www." (lower case), the one key of a site; "" when not a URL. */
export function hostKey(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return "";
  }
}
