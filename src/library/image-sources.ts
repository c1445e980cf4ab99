/**
 * Which images an article shows: its lead image and each `<img>` of its body, as absolute
 * http(s) addresses, the key under which an image is kept offline (image-store.ts). One rule,
 * shared by the background that keeps them (it has no DOM, so this reads the HTML's tags with
 * a small tokenizer: the stored body is sanitized, serialised HTML) and by the pages that show
 * or export them (on their DOM, with `pickSource`).
 *
 * An image's address is its `src`; without one, the largest candidate of its `srcset` that is
 * no wider than {@link MAX_SRCSET_WIDTH} pixels (the smallest when all are wider).
 */
import { IMAGE_LIMITS } from "./image-data.ts";

/** The widest `srcset` candidate chosen when an image has no `src`. */
export const MAX_SRCSET_WIDTH = 1600;

/** The key of an image: its absolute http(s) address without #fragment; null for any other. */
export function imageUrl(value: string | null | undefined, base: string): string | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (!trimmed) return null;
  try {
    const url = new URL(trimmed, base);
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    url.hash = "";
    return url.href;
  } catch {
    return null;
  }
}

/** A `srcset`'s candidates, as the HTML standard splits them: address, then size. */
function candidates(srcset: string): { url: string; size: number }[] {
  const out: { url: string; size: number }[] = [];
  let i = 0;
  const n = srcset.length;
  const space = (c: string | undefined) => c === " " || c === "\t" || c === "\n" || c === "\f" || c === "\r";
  while (i < n) {
    while (i < n && (space(srcset[i]) || srcset[i] === ",")) i++;
    if (i >= n) break;
    const start = i;
    while (i < n && !space(srcset[i])) i++;
    let url = srcset.slice(start, i);
    let descriptor = "";
    if (url.endsWith(",")) {
      url = url.replace(/,+$/, "");
    } else {
      const from = i;
      while (i < n && srcset[i] !== ",") i++;
      descriptor = srcset.slice(from, i).trim();
    }
    const match = /^(\d+(?:\.\d+)?)([wx])$/i.exec(descriptor);
    // Density descriptors count as widths of a 800-pixel image, enough to compare them.
    const size = match ? Number(match[1]) * (match[2]!.toLowerCase() === "x" ? 800 : 1) : 800;
    if (url) out.push({ url, size });
  }
  return out;
}

/** The address an `<img>` with these attributes is kept under (see above), or null. */
export function pickSource(src: string | null, srcset: string | null, base: string): string | null {
  const direct = imageUrl(src, base);
  if (direct || !srcset) return direct;
  const list = candidates(srcset);
  const fitting = list.filter((c) => c.size <= MAX_SRCSET_WIDTH).sort((a, b) => b.size - a.size);
  const choice = fitting[0] ?? [...list].sort((a, b) => a.size - b.size)[0];
  return choice ? imageUrl(choice.url, base) : null;
}

const ENTITIES: Readonly<Record<string, string>> = {
  amp: "&",
  quot: '"',
  lt: "<",
  gt: ">",
  apos: "'",
  nbsp: "\u00a0",
};

function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code =
        name[1] === "x" || name[1] === "X" ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** The attributes of each `<img>` tag of `html`, lower-cased names, entities decoded. */
function imgTags(html: string): Record<string, string>[] {
  const tags: Record<string, string>[] = [];
  const start = /<img(?=[\s/>])/gi;
  const attribute = /[\s/]*([^\s"'>/=][^\s"'>/=]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/y;
  for (let m = start.exec(html); m; m = start.exec(html)) {
    const attrs: Record<string, string> = {};
    let at = start.lastIndex;
    for (;;) {
      attribute.lastIndex = at;
      const a = attribute.exec(html);
      if (!a) break;
      const name = a[1]!.toLowerCase();
      if (!(name in attrs)) attrs[name] = decodeEntities(a[2] ?? a[3] ?? a[4] ?? "");
      at = attribute.lastIndex;
    }
    tags.push(attrs);
    start.lastIndex = at;
  }
  return tags;
}

/** What `imageSources` reads of an article. */
export interface ImageHolder {
  url: string;
  content: string;
  leadImage: { url: string } | null;
}

/** An image's file, as the reader compares a lead image with the body's: host and path. */
function fileOf(url: string): string {
  const parsed = new URL(url);
  return `${parsed.host}${parsed.pathname}`;
}

/**
 * The addresses of the images `article` shows, once each, in the order they appear (the lead
 * image first, unless the body shows the same picture, as the reader decides), at most
 * `IMAGE_LIMITS.perArticleCount`.
 */
export function imageSources(article: ImageHolder): string[] {
  const body = new Set<string>();
  for (const attrs of imgTags(article.content)) {
    const url = pickSource(attrs.src ?? null, attrs.srcset ?? null, article.url);
    if (url) body.add(url);
    if (body.size >= IMAGE_LIMITS.perArticleCount) break;
  }
  const lead = imageUrl(article.leadImage?.url, article.url);
  const files = new Set([...body].map(fileOf));
  const all = lead && !files.has(fileOf(lead)) ? [lead, ...body] : [...body];
  return all.slice(0, IMAGE_LIMITS.perArticleCount);
}

/**
 * Shows kept images in place of their addresses, in `root` (sanitized, inert nodes: the reader
 * swaps them right before they go on screen, the HTML export before it writes the file):
 * each `<img>` whose address `local` knows gets that local address (a `blob:` or `data:` URL
 * Folio made), without its `srcset` and `sizes`, and the `<source>`s of its `<picture>` go (a
 * browser would pick one of them, online, over the kept copy). Returns how many it swapped.
 */
export function swapImages(root: ParentNode, local: (url: string) => string | null, base: string): number {
  let swapped = 0;
  for (const img of root.querySelectorAll("img")) {
    const key = pickSource(img.getAttribute("src"), img.getAttribute("srcset"), base);
    const here = key ? local(key) : null;
    if (!here) continue;
    img.setAttribute("src", here);
    img.removeAttribute("srcset");
    img.removeAttribute("sizes");
    if (img.parentElement?.localName === "picture") {
      for (const source of img.parentElement.querySelectorAll("source")) source.remove();
    }
    swapped++;
  }
  return swapped;
}
