/**
 * Lead-image caption lookup: the declared lead image (og:image, JSON-LD image...) usually
 * appears again in the article inside a `<figure>`, at another size or through another CDN
 * path. We match by file name and take that figure's `<figcaption>`.
 */

import { closestTag, descendants, firstDescendant } from "../dom.ts";
import { inFurniture, type PageIndex } from "./page-index.ts";
import { decodedText, onceIfDoubled, visibleText } from "./text.ts";

/** File names too generic to identify one image on their own. */
const GENERIC =
  /^(?:\d{1,5}|image|img|photo|picture|default|thumb|thumbnail|original|large|medium|small|full|master|index|main|hero|lead)$/i;

/**
 * A comparable key for an image URL: the last path segment without extension or a size
 * suffix ("-1024x768", "_800w", "@2x"), lower-cased; a generic name ("4800", "image") is
 * qualified by the path's longest segment (usually an id or hash), else its two parents.
 */
export function imageKey(src: string, base: string): string | null {
  let url: URL;
  try {
    url = new URL(src.trim(), base);
  } catch {
    return null;
  }
  if (url.protocol === "data:") return null;
  const segs = url.pathname.split("/").filter(Boolean);
  const last = segs.pop();
  if (!last) return null;
  let name: string;
  try {
    name = decodeURIComponent(last);
  } catch {
    name = last;
  }
  name = name
    .toLowerCase()
    .replace(/\.(?:jpe?g|png|gif|webp|avif|svg|bmp|tiff?)$/i, "")
    .replace(/(?:[-_]\d{2,5}x\d{2,5}|[-_]\d{2,5}w|@\dx)$/i, "");
  if (name === "") return null;
  if (name.length < 6 || GENERIC.test(name)) {
    // ".../img/media/<hash>/0_320_4800_2880/master/4800.jpg": the longest segment (an id or
    // hash) names the source image across crops and sizes.
    const longest = segs.reduce((a, b) => (b.length > a.length ? b : a), "");
    if (longest.length >= 8) return longest.toLowerCase();
    const parents = segs.slice(-2).join("/").toLowerCase();
    if (parents === "") return null;
    return `${parents}/${name}`;
  }
  return name;
}

/** Every URL an `<img>` / `<source>` may load: src, srcset, and common lazy-load attributes. */
function candidateSources(el: Element): string[] {
  const out: string[] = [];
  for (const attr of ["src", "data-src", "data-original", "data-lazy-src", "data-url", "data-hi-res-src"]) {
    const v = el.getAttribute(attr);
    if (v) out.push(v);
  }
  for (const attr of ["srcset", "data-srcset", "data-lazy-srcset"]) {
    const v = el.getAttribute(attr);
    if (!v) continue;
    for (const item of v.split(/,\s+/)) {
      const url = item.trim().split(/\s+/)[0];
      if (url) out.push(url);
    }
  }
  return out;
}

/**
 * Site-wide share images (logos, "default" promo crops, generic social cards) that publishers
 * put in og:image when an article has no picture of its own. Not a lead image.
 */
export function isGenericShareImage(url: string): boolean {
  let name: string;
  try {
    name = new URL(url).pathname.split("/").filter(Boolean).pop()?.toLowerCase() ?? "";
  } catch {
    return false;
  }
  return (
    /default|placeholder|fallback|fbico|favicon|apple-touch-icon|socialshare|social[-_]share|share[-_]image|fb[-_]landscape/.test(
      name,
    ) ||
    /^(?:site[-_]?)?logo|[-_]logo(?:[-_]?\d+x\d+)?\.[a-z]+$|(?:fb|og|social|share)[-_]?logo|logo[-_]?(?:fb|og|social|share)/.test(
      name,
    )
  );
}

export interface FigureMatch {
  caption: string | null;
  alt: string | null;
}

/**
 * The `<figure>` showing the image at `imageUrl` (matched by {@link imageKey}), with its
 * `<figcaption>` text and the `<img alt>`; null when no figure shows it. Read-only.
 */
export function findFigure(index: PageIndex, imageUrl: string, base: string): FigureMatch | null {
  const key = imageKey(imageUrl, base);
  if (!key) return null;
  for (const figure of index.figures) {
    if (inFurniture(figure, index.furniture)) continue;
    // Walks, not selector queries: see dom.ts.
    const hit = firstDescendant(
      figure,
      (el) =>
        (el.localName === "img" ||
          el.localName === "source" ||
          el.hasAttribute("data-src") ||
          el.hasAttribute("data-srcset")) &&
        candidateSources(el).some((src) => imageKey(src, base) === key),
    );
    if (!hit) continue;
    const captionEl = descendants(figure, "figcaption").find((fc) => closestTag(fc, "figure") === figure);
    const img = hit.localName === "img" ? hit : (descendants(figure, "img")[0] ?? null);
    return {
      caption: captionEl ? decodedText(onceIfDoubled(visibleText(captionEl))) : null,
      alt: decodedText(img?.getAttribute("alt")),
    };
  }
  return null;
}
