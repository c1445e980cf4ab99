/**
 * Lazy images. News sites ship a placeholder in `src` (a 1x1 GIF, a grey SVG, a tiny base64
 * blob) and the real picture in `data-src`, `data-srcset`, `data-original`... filled in by
 * script on scroll. Our copy of the page never runs that script, so without this pass the
 * reader would show grey boxes, or Readability would drop the image as empty. The `<noscript>`
 * fallback many sites add next to it would then make the same picture appear twice.
 *
 * Runs before Readability on the whole working copy; Readability then makes the URLs absolute
 * (img, picture, source: src and srcset) in the article it keeps.
 */
import { closestTag, descendants } from "../dom.ts";
import { type Pass, type PassContext, record, remove } from "./context.ts";
import { isPlaceholderSrc } from "./image-source.ts";
import { elementsByTag } from "./scan.ts";

export { isPlaceholderSrc };

/** Attributes that hold the real image URL, most specific first. */
const SRC_ATTRS = [
  "data-src",
  "data-lazy-src",
  "data-original",
  "data-lazy",
  "data-url",
  "data-hi-res-src",
  "data-src-large",
  "data-full-src",
  "data-echo",
  "data-img-src",
  "data-image",
  "data-actualsrc",
  "data-orig-src",
  "data-pagespeed-lazy-src",
];
const SRCSET_ATTRS = ["data-srcset", "data-lazy-srcset", "data-original-srcset", "data-src-set"];

function firstAttr(el: Element, names: string[]): string | null {
  for (const name of names) {
    const value = el.getAttribute(name);
    if (value?.trim() && !/^data:/i.test(value.trim())) return value.trim();
  }
  return null;
}

function fixImage(img: Element, ctx: PassContext): void {
  const real = firstAttr(img, SRC_ATTRS);
  const realSet = firstAttr(img, SRCSET_ATTRS);
  const src = img.getAttribute("src");
  if ((real || realSet) && isPlaceholderSrc(src)) {
    if (src)
      record(ctx, "lazy-image", "placeholder source replaced by the lazy-loaded image", src.slice(0, 60));
    if (real) img.setAttribute("src", real);
    if (realSet) img.setAttribute("srcset", realSet);
    if (!real && realSet) img.setAttribute("src", realSet.split(",")[0]!.trim().split(/\s+/)[0]!);
  } else if (realSet && !img.getAttribute("srcset")) {
    img.setAttribute("srcset", realSet);
  }
}

function fixSource(source: Element): void {
  const realSet = firstAttr(source, SRCSET_ATTRS) ?? firstAttr(source, SRC_ATTRS);
  if (realSet && isPlaceholderSrc(source.getAttribute("srcset"))) source.setAttribute("srcset", realSet);
}

/** The URL an image will show, without query string, for comparing two copies. */
function imageKey(img: Element): string {
  const src = img.getAttribute("src") ?? img.getAttribute("srcset")?.split(/[\s,]/)[0] ?? "";
  return (src.split(/[?#]/)[0] ?? "").split("/").pop() ?? "";
}

/**
 * A `<noscript>` image is a fallback for the lazy one next to it: drop it when the page already
 * shows the same picture (after the fix above), otherwise let Readability unwrap it.
 */
function dropDuplicateNoscript(noscript: Element, ctx: PassContext): void {
  // With scripting off (jsdom), <noscript> holds elements; with it on (a browser), raw markup.
  const inner = descendants(noscript, "img")[0];
  const src = inner
    ? inner.getAttribute("src")
    : /<img[^>]+src\s*=\s*["']?([^"'\s>]+)/i.exec(noscript.textContent ?? "")?.[1];
  if (!src) return;
  const key = (src.split(/[?#]/)[0] ?? "").split("/").pop() ?? "";
  const scope = noscript.parentElement;
  if (!scope || !key) return;
  for (const img of descendants(scope, "img")) {
    if (
      img !== inner &&
      !noscript.contains(img) &&
      imageKey(img) === key &&
      !isPlaceholderSrc(img.getAttribute("src"))
    ) {
      remove(ctx, noscript, "lazy-image", "noscript fallback of an image already shown", "copy");
      return;
    }
  }
}

/** `name="value"` of the first `<img>` in a noscript's raw markup (browsers keep it as text). */
function markupAttr(markup: string, name: string): string | null {
  const tag = /<img\b[^>]*>/i.exec(markup)?.[0];
  const m = tag && new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, "i").exec(tag);
  const value = m ? (m[1] ?? m[2] ?? m[3] ?? "") : "";
  return value.trim() ? value.trim().replace(/&amp;/g, "&") : null;
}

/**
 * A placeholder followed by a `<noscript>` holding the real image (Next.js and others): the
 * placeholder takes the noscript image's source, and the noscript goes as its copy. Readability
 * would swap them itself, but only when the noscript holds elements, which it never does in a
 * browser (scripting on, its content is text); without this, the photo was lost and its caption
 * left alone.
 */
function takeNoscriptSource(img: Element, ctx: PassContext): void {
  const next = img.nextElementSibling;
  if (next?.localName !== "noscript" || !isPlaceholderSrc(img.getAttribute("src"))) return;
  const inner = descendants(next, "img")[0];
  const markup = next.textContent ?? "";
  const src = inner ? inner.getAttribute("src") : markupAttr(markup, "src");
  const srcset = inner ? inner.getAttribute("srcset") : markupAttr(markup, "srcset");
  if (!src || isPlaceholderSrc(src)) return;
  img.setAttribute("src", src);
  if (srcset) img.setAttribute("srcset", srcset);
  else img.removeAttribute("srcset");
  remove(ctx, next, "lazy-image", "noscript copy of an image, its source moved to the image", "copy");
}

export const lazyImages: Pass = {
  name: "lazy-images",
  run(root, ctx) {
    const images = elementsByTag(ctx, root, "img");
    for (const img of images) fixImage(img, ctx);
    for (const img of images) takeNoscriptSource(img, ctx);
    for (const source of elementsByTag(ctx, root, "source")) {
      if (source.parentElement?.localName === "picture") fixSource(source);
    }
    for (const noscript of elementsByTag(ctx, root, "noscript")) dropDuplicateNoscript(noscript, ctx);
    // An image left with nothing but a stand-in shows an empty box: drop it.
    for (const img of images) {
      const src = img.getAttribute("src");
      if (src && isPlaceholderSrc(src) && !img.getAttribute("srcset") && !closestTag(img, "picture")) {
        remove(ctx, img, "lazy-image", "placeholder image with no real source");
      }
    }
  },
};
