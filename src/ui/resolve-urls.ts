/**
 * An article's relative URLs, resolved against the article's own address before its body is
 * shown. The core makes them absolute when it extracts, but an imported backup can hold any
 * HTML: left relative, `href="/src/library-page/index.html"` would resolve against the extension
 * page showing it and open Folio's own pages from inside an article. Works on the inert copy
 * the view parses, before the sanitizer; a URL that cannot be resolved is dropped.
 */

/** The attributes the sanitizer keeps that hold URLs. */
const URL_ATTRIBUTES = ["href", "src", "cite"] as const;

function resolve(value: string, base: URL | null): string | null {
  if (value.trim().startsWith("#")) return value; // an anchor in the article itself
  try {
    return new URL(value, base ?? undefined).href;
  } catch {
    return null;
  }
}

function resolveSrcset(value: string, base: URL | null): string | null {
  const candidates = value.split(",").map((candidate) => {
    const [src, ...descriptors] = candidate.trim().split(/\s+/);
    const resolved = src ? resolve(src, base) : null;
    return resolved ? [resolved, ...descriptors].join(" ") : null;
  });
  return candidates.every((c) => c !== null) ? candidates.join(", ") : null;
}

function webBase(articleUrl: string): URL | null {
  try {
    const url = new URL(articleUrl);
    return url.protocol === "http:" || url.protocol === "https:" ? url : null;
  } catch {
    return null;
  }
}

const WITH_URL = "[href], [src], [cite], [srcset]";

function resolveElement(el: Element, base: URL | null): void {
  for (const name of URL_ATTRIBUTES) {
    const value = el.getAttribute(name);
    if (value === null) continue;
    const resolved = resolve(value, base);
    if (resolved === null) el.removeAttribute(name);
    else if (resolved !== value) el.setAttribute(name, resolved);
  }
  const srcset = el.getAttribute("srcset");
  if (srcset !== null) {
    const resolved = resolveSrcset(srcset, base);
    if (resolved === null) el.removeAttribute("srcset");
    else el.setAttribute("srcset", resolved);
  }
}

/**
 * Makes every URL in `nodes` and inside them absolute against `articleUrl` (when it is a web
 * address; else relative URLs are dropped, since they could only point into the extension).
 * The view calls it on each slice of blocks right before it shows them: on a long article
 * (thousands of links) resolving them all held up the first screen by 10-15 ms.
 */
export function resolveUrls(nodes: Iterable<Node>, articleUrl: string): void {
  const base = webBase(articleUrl);
  for (const node of nodes) {
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    if (el.matches(WITH_URL)) resolveElement(el, base);
    for (const inner of el.querySelectorAll(WITH_URL)) resolveElement(inner, base);
  }
}
