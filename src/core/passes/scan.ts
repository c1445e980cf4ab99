/**
 * One walk over the working copy that the before-Readability passes share. Selector engines
 * are slow on big pages (a jsdom `querySelectorAll("[class],[id]")` costs several full walks),
 * and three passes ask the same question ("which elements are named like X?"), so the walk is
 * done once per root and cached; each pass then tests the names with its own rule.
 */
import type { Memo } from "./memo.ts";

export interface Named {
  el: Element;
  /** class and id, camelCase split into words ("articleRelated" -> "article-Related"). */
  names: string;
  /** Names of the element's `data-*` attributes, space-separated ("" when none). */
  dataAttrs: string;
  /** Its `aria-label`, if any (ad slots are labelled for assistive technology). */
  label: string | null;
  /** Marked as the author's name or link (`rel=author`, `itemprop=author`). */
  author: boolean;
}

/** Tags the passes look for by name; the walk lists them too, so no pass walks again for them. */
const TAGS = new Set([
  "img",
  "source",
  "noscript",
  "figcaption",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "article",
]);
export type ScannedTag =
  | "img"
  | "source"
  | "noscript"
  | "figcaption"
  | "h1"
  | "h2"
  | "h3"
  | "h4"
  | "h5"
  | "h6"
  | "article";

export interface Scan {
  named: Named[];
  tags: Map<string, Element[]>;
  /** Elements the page declares as its article's body (`itemprop~=articleBody`), in order. */
  articleBodies: Element[];
}

const ARTICLE_BODY = /(?:^|\s)articleBody(?:\s|$)/i;

/** Whether the page marks `el` as its article's body (`itemprop~=articleBody`). */
export function isArticleBody(el: Element): boolean {
  return ARTICLE_BODY.test(el.getAttribute("itemprop") ?? "");
}

/** The elements under `root` that the page marks `itemprop~=articleBody`, in document order. */
export function declaredArticleBodies(memo: Memo, root: Element): Element[] {
  return scan(memo, root).articleBodies;
}

/** The elements under `root` with a class, id, `data-*`, `aria-label` or author mark. */
export function namedElements(memo: Memo, root: Element): Named[] {
  return scan(memo, root).named;
}

/**
 * The `tag` elements under `root` as the walk found them, without those removed since: like
 * `getElementsByTagName`, but no new walk (elements added since are not listed).
 */
export function elementsByTag(memo: Memo, root: Element, tag: ScannedTag): Element[] {
  const list = scan(memo, root).tags.get(tag) ?? [];
  return list.filter((el) => root.contains(el));
}

function scan(memo: Memo, root: Element): Scan {
  let found = memo.scans.get(root);
  if (found) return found;
  found = { named: [], tags: new Map(), articleBodies: [] };
  // Iterative, not recursive: hostile pages nest tens of thousands of elements deep.
  for (let el = root.firstElementChild; el; el = nextElement(el, root))
    note(found, el, el.getAttributeNames());
  memo.scans.set(root, found);
  return found;
}

/** Files one element under the scan: by tag when the passes ask for its tag, and by its names. */
function note(found: Scan, el: Element, attrNames: string[]): void {
  const tag = el.localName;
  if (TAGS.has(tag)) {
    const same = found.tags.get(tag);
    if (same) same.push(el);
    else found.tags.set(tag, [el]);
  }
  // Attribute names come as one array: far cheaper in jsdom than the `attributes` map.
  if (attrNames.length === 0 && !tag.startsWith("amp-")) return;
  let cls: string | null = null;
  let id: string | null = null;
  let dataAttrs = "";
  let label: string | null = null;
  let author = false;
  for (const name of attrNames) {
    if (name === "class") cls = el.getAttribute(name);
    else if (name === "id") id = el.getAttribute(name);
    else if (name.startsWith("data-")) dataAttrs += `${name} `;
    else if (name === "aria-label") label = el.getAttribute(name);
    else if (name === "rel" || name === "itemprop") {
      const value = el.getAttribute(name) ?? "";
      if (/\bauthor\b/i.test(value)) author = true;
      if (name === "itemprop" && ARTICLE_BODY.test(value)) found.articleBodies.push(el);
    }
  }
  if (cls || id || dataAttrs || label || author || tag.startsWith("amp-")) {
    const raw = `${cls ?? ""} ${id ?? ""}`;
    found.named.push({
      el,
      names: /[a-z][A-Z]/.test(raw) ? raw.replace(/([a-z])([A-Z])/g, "$1-$2") : raw,
      dataAttrs,
      label,
      author,
    });
  }
}

/** The element after `el` in document order within `root`, or null at the end. */
export function nextElement(el: Element, root: Element): Element | null {
  if (el.firstElementChild) return el.firstElementChild;
  for (let n: Element | null = el; n && n !== root; n = n.parentElement) {
    if (n.nextElementSibling) return n.nextElementSibling;
  }
  return null;
}
