/**
 * Building blocks for the extension pages' own markup: elements made with text only (never
 * HTML), shared by the article view and the library page's rows.
 */
import { safeHttpUrl } from "../library/format.ts";

/** A new `tag` element with a class and, when given, its text. */
export function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  className?: string,
  text?: string | null,
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  return node;
}

/** "Original": a link to the article's page, in a new tab without opener; null unless http(s). */
export function originalLink(doc: Document, url: string, className: string): HTMLAnchorElement | null {
  const href = safeHttpUrl(url);
  if (!href) return null;
  const link = el(doc, "a", className, "Original");
  link.href = href;
  link.target = "_blank";
  link.rel = "noopener noreferrer";
  link.title = href;
  return link;
}
