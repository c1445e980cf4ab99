/**
 * One walk over the working copy that the before-Readability passes share. Selector engines
 * are slow on big pages (a jsdom `querySelectorAll("[class],[id]")` costs several full walks),
 * and three passes ask the same question ("which elements are named like X?"), so the walk is
 * done once per root and cached; each pass then tests the names with its own rule.
 */

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

const cache = new WeakMap<Element, Named[]>();

export function namedElements(root: Element): Named[] {
  let list = cache.get(root);
  if (list) return list;
  list = [];
  // Iterative, not recursive: hostile pages nest tens of thousands of elements deep. Attribute
  // names are read as one array: far cheaper in jsdom than the `attributes` map or many lookups.
  for (let el = root.firstElementChild; el; el = nextElement(el, root)) {
    const attrNames = el.getAttributeNames();
    if (attrNames.length === 0 && !el.localName.startsWith("amp-")) continue;
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
      else if ((name === "rel" || name === "itemprop") && /\bauthor\b/i.test(el.getAttribute(name) ?? "")) author = true;
    }
    if (cls || id || dataAttrs || label || author || el.localName.startsWith("amp-")) {
      const raw = `${cls ?? ""} ${id ?? ""}`;
      list.push({
        el,
        names: /[a-z][A-Z]/.test(raw) ? raw.replace(/([a-z])([A-Z])/g, "$1-$2") : raw,
        dataAttrs,
        label,
        author,
      });
    }
  }
  cache.set(root, list);
  return list;
}

/** The element after `el` in document order within `root`, or null at the end. */
export function nextElement(el: Element, root: Element): Element | null {
  if (el.firstElementChild) return el.firstElementChild;
  for (let n: Element | null = el; n && n !== root; n = n.parentElement) {
    if (n.nextElementSibling) return n.nextElementSibling;
  }
  return null;
}
