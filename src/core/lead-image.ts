/**
 * The lead image the reader sees once. The page declares a lead image (og:image, JSON-LD) and
 * usually shows the same picture again as the article's first figure, at another size, from
 * another CDN path, or as another crop ("-facebookJumbo" for sharing, "-articleLarge" in the
 * story). The reader's header shows the lead image only when the body does not (the UI and
 * Markdown compare URLs), so when the body shows the same picture the lead image becomes the
 * body's copy, with the body's caption: one picture, one caption.
 */
import { closestTag, descendants, firstDescendant } from "./dom.ts";
import { imageKey } from "./metadata/lead-image.ts";
import { comparable, onceIfDoubled } from "./metadata/text.ts";
import type { LeadImage } from "./types.ts";

/** The article's first picture with a real source (its element, and as a lead image with its figure's caption). */
function firstImage(root: Element): { img: Element; image: LeadImage } | null {
  const img = firstDescendant(root, (el) => el.localName === "img" && el.hasAttribute("src"));
  const src = img?.getAttribute("src");
  if (!img || !src || src.startsWith("data:")) return null;
  const figure = closestTag(img, "figure");
  const figcaption = figure && descendants(figure, "figcaption")[0];
  const caption = figcaption ? onceIfDoubled(figcaption.textContent ?? "") : "";
  return { img, image: { url: src, alt: img.getAttribute("alt") || null, caption: caption || null } };
}

/** Every URL an image of the body may show: its src and its srcset's candidates. */
function sources(img: Element): string[] {
  const out = [img.getAttribute("src") ?? ""];
  for (const item of (img.getAttribute("srcset") ?? "").split(/,\s+/))
    out.push(item.trim().split(/\s+/)[0] ?? "");
  return out.filter(Boolean);
}

/**
 * Whether the body's first image shows the declared lead image: the same file up to size and
 * crop suffixes (or srcset family), or the same words (the lead's caption or alt text opens
 * the figure's caption: the same picture under another file name).
 */
function samePicture(lead: LeadImage, body: LeadImage, bodyImg: Element, base: string): boolean {
  const key = imageKey(lead.url, base);
  if (key && sources(bodyImg).some((src) => imageKey(src, base) === key)) return true;
  const words = comparable(body.caption ?? "");
  return [lead.caption, lead.alt].some(
    (t) => !!t && comparable(t).length >= 20 && words.startsWith(comparable(t)),
  );
}

/** The lead image to show in the header: the body's copy when the body shows the same picture. */
export function leadImageOnce(lead: LeadImage | null, root: Element, base: string): LeadImage | null {
  const first = firstImage(root);
  if (!lead) return first?.image ?? null;
  if (!first) return lead;
  const body = first.image;
  if (!samePicture(lead, body, first.img, base)) return lead;
  return { url: body.url, alt: body.alt ?? lead.alt, caption: body.caption ?? lead.caption };
}
