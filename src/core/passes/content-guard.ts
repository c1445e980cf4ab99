/**
 * The content guard. Class names describe layout, not whether a block is the article's: a site
 * may wrap the whole story in `<div class="has-ads">`, every photo in `<figure
 * class="fig--has-shares">`, an ordered list of advice in `<div class="recommendations">`.
 *
 * - `protectedContent(el)` names what the article shows that `el` holds: a photo or video with
 *   a real source, a figure with its caption, a table of data, a list of text (not of links),
 *   code, a quotation, math, or prose. `remove` (context.ts) asks it before every removal, so
 *   no pass can take such content, whatever rule it follows; only a removal that takes a copy
 *   of something the reader still sees (a caption printed twice, a noscript fallback) or a
 *   block that labels itself as an ad says so and passes.
 * - `looksLikeContent(el, { memo, root })` is the container rules' own first question: a container that
 *   holds the headline, the byline or real prose is the story.
 */

import { closestTag, descendants, descendantsWhere } from "../dom.ts";
import { isPlaceholderSrc } from "./image-source.ts";
import type { Memo } from "./memo.ts";
import { elementsByTag, namedElements } from "./scan.ts";

const PROSE_PARAGRAPH_CHARS = 120;
const BYLINE = "[rel~='author'], [itemprop~='author'], [class*='byline' i]";

export function linkTextLength(el: Element): number {
  let n = 0;
  for (const a of descendants(el, "a")) n += (a.textContent ?? "").length;
  return n;
}

/** The headline, the byline marks and all their ancestors below `root`: found once per root. */
function storyMarks(memo: Memo, root: Element): Set<Element> {
  let marks = memo.storyMarks.get(root);
  if (marks) return marks;
  marks = new Set();
  const add = (el: Element) => {
    for (let n: Element | null = el; n && n !== root && !marks!.has(n); n = n.parentElement) marks!.add(n);
  };
  for (const h1 of elementsByTag(memo, root, "h1")) add(h1);
  for (const { el, names, author } of namedElements(memo, root)) if (author || /byline/i.test(names)) add(el);
  memo.storyMarks.set(root, marks);
  return marks;
}

/**
 * Whether `el` is part of the story. With `root` (the passes' working root) the headline and
 * byline test uses marks found in one walk; without it, it queries `el` directly.
 */
export function looksLikeContent(
  el: Element,
  within?: { memo: Memo; root: Element },
  { byline = true } = {},
): boolean {
  // The headline and the byline belong to the story: no ad slot or promo box contains them
  // (and Readability reads the byline from the page, so it must still be there). An author
  // box (`byline: false`) holds the author's link by nature: only the headline counts there.
  if (!byline) {
    if (descendants(el, "h1").length > 0) return true;
  } else if (within) {
    if (storyMarks(within.memo, within.root).has(el)) return true;
  } else if (el.localName === "h1" || el.getElementsByTagName("h1").length > 0 || el.querySelector(BYLINE)) {
    return true;
  }
  const text = el.textContent ?? "";
  if (text.length < 250) return false;
  let prose = 0;
  for (const p of descendants(el, "p")) {
    const len = (p.textContent ?? "").trim().length;
    if (len >= PROSE_PARAGRAPH_CHARS && linkTextLength(p) < len * 0.5 && ++prose >= 2) return true;
  }
  const compact = text.replace(/\s+/g, " ").length;
  return compact >= 1500 && linkTextLength(el) < compact * 0.3;
}

/**
 * A month's grid: rows of up to seven cells, at least 28 of them holding a day of the month
 * (1-31) and every other cell empty, a weekday's short name or a link to another month.
 */
export function isDayGrid(table: Element): boolean {
  const cells = descendants(table, "td");
  if (cells.length < 28) return false;
  let days = 0;
  for (const td of cells) {
    const text = (td.textContent ?? "").replace(/\s+/g, "");
    if (/^(?:[1-9]|[12]\d|3[01])$/.test(text)) days++;
    else if (text.length > 12) return false;
  }
  if (days < 28) return false;
  return descendants(table, "tr").every((tr) => descendants(tr, new Set(["td", "th"])).length <= 7);
}

function showsPicture(el: Element): boolean {
  return !isPlaceholderSrc(el.getAttribute("src")) || !isPlaceholderSrc(el.getAttribute("srcset"));
}

/** A declared size under this (width or height) is an icon, a pixel or a button, not a photo. */
const ICON_PX = 100;

function tiny(img: Element): boolean {
  const w = Number.parseInt(img.getAttribute("width") ?? "", 10);
  const h = Number.parseInt(img.getAttribute("height") ?? "", 10);
  return (w > 0 && w < ICON_PX) || (h > 0 && h < ICON_PX);
}

/**
 * A photo the article shows: a real picture inside a figure, or one that is not a link's
 * picture (ads, teasers and logos are linked; a photo linked to its own larger file is not).
 */
function isArticlePhoto(img: Element): boolean {
  if (tiny(img) || !showsPicture(img)) return false;
  const picture = closestTag(img, "picture");
  if (closestTag(img, "figure")) return true;
  const link = closestTag(picture ?? img, "a");
  if (!link) return true;
  const href = (link.getAttribute("href") ?? "").split(/[?#]/)[0] ?? "";
  return /\.(?:jpe?g|png|webp|avif|gif)$/i.test(href);
}

function mostlyLinks(el: Element): boolean {
  const text = (el.textContent ?? "").replace(/\s+/g, "").length;
  let links = 0;
  for (const a of descendants(el, "a")) links += (a.textContent ?? "").replace(/\s+/g, "").length;
  return text === 0 || links >= text * 0.5;
}

const PROTECTED_TAGS = new Set([
  "img",
  "video",
  "figure",
  "table",
  "ol",
  "ul",
  "dl",
  "pre",
  "code",
  "blockquote",
  "math",
  "p",
]);

/** Whether `el` itself is a piece of article content, and which. */
function contentOf(el: Element): string | null {
  switch (el.localName) {
    case "img":
      return isArticlePhoto(el) ? "photo" : null;
    case "video":
      return showsPicture(el) || descendants(el, "source").some(showsPicture) ? "video" : null;
    case "figure": {
      const caption = descendants(el, "figcaption").some((c) => (c.textContent ?? "").trim().length > 0);
      const photo =
        descendants(el, "img").some(isArticlePhoto) ||
        descendants(el, "video").some((v) => contentOf(v) !== null);
      return caption && photo && !mostlyLinks(el) ? "figure with its caption" : null;
    }
    case "table": {
      const rows = descendants(el, "tr").filter((tr) => descendants(tr, new Set(["td", "th"])).length >= 2);
      // A month's grid of day links is a calendar widget, navigation (calendar-grids.ts).
      return rows.length >= 2 && !mostlyLinks(el) && !isDayGrid(el) ? "table" : null;
    }
    case "ol":
    case "ul":
    case "dl": {
      const items = descendants(el, new Set(["li", "dd"]));
      return items.length >= 2 && (el.textContent ?? "").trim().length >= 80 && !mostlyLinks(el)
        ? "list"
        : null;
    }
    case "pre":
    case "code":
      return (el.textContent ?? "").trim().length >= 20 ? "code" : null;
    case "blockquote":
      return (el.textContent ?? "").trim().length >= 40 && !mostlyLinks(el) ? "quotation" : null;
    case "math":
      return "math";
    case "p": {
      const len = (el.textContent ?? "").trim().length;
      return len >= PROSE_PARAGRAPH_CHARS && linkTextLength(el) < len * 0.5 ? "prose" : null;
    }
    default:
      return null;
  }
}

/**
 * What article content `el` holds (itself or below), or null: a photo or video with a real
 * source, a figure with its caption, a table, a list of text, code, a quotation, math, or
 * prose (a paragraph of it, or two inside a block: one summary paragraph does not make a
 * block of teaser links content). `prose: false` for a rule that read the element's own words
 * (an ad label, a promo line): the words were the evidence, the media and tables were not.
 */
export function protectedContent(el: Element, { prose = true } = {}): string | null {
  const own = contentOf(el);
  if (own && (prose || own !== "prose")) return own;
  let paragraphs = 0;
  for (const child of descendantsWhere(el, (e) => PROTECTED_TAGS.has(e.localName))) {
    const what = contentOf(child);
    if (!what) continue;
    if (what !== "prose") return what;
    if (prose && ++paragraphs >= 2) return "prose";
  }
  return null;
}
