/**
 * One caption per image. Publishers print captions more than once: a desktop and a mobile
 * copy (one hidden by CSS), a visually-hidden copy for screen readers ("Image caption, ..."),
 * a credit line both inside and beside the caption, the caption repeated as a paragraph next
 * to the figure, or a figcaption that merely repeats the image's alt text. A browser shows one
 * of them; a reader view that ignores CSS shows them all.
 *
 *  - `hiddenCopies` (before Readability): screen-reader-only copies, and caption copies the
 *    live page hides (when the caller can tell visibility: `ctx.hidden`).
 *  - `repeatedText` (after Readability, article only): a caption-like or short block whose text
 *    was already printed is removed; a credit inside an earlier caption is removed; an alt
 *    text equal to the caption is emptied so Markdown and screen readers say it once.
 */
import { closestTag, closestWhere, descendants, descendantsWhere } from "../dom.ts";
import { isGone, type Pass, type PassContext, record, remove, standsAlone } from "./context.ts";
import { squash } from "../whitespace.ts";
import { elementsInOrder, measure, shortElements } from "./measure.ts";
import { elementsByTag, namedElements } from "./scan.ts";

/** Classes of text that is only for screen readers. */
const VISUALLY_HIDDEN =
  /(?:^|[\s_-])(?:sr-only|sr-text|visually-hidden|visuallyhidden|screen-reader-text|screen-reader-only|screenreader|a11y-hidden|offscreen|hidden-visually|u-hidden-visually|element-invisible|assistive-text)(?:$|\s)/i;

/** Elements that carry captions or credits. Also used by the pipeline to ask visibility. */
export const CAPTION_SELECTOR =
  "figcaption, [class*='caption' i], [class*='credit' i], [itemprop='caption'], [itemprop='description'], [class*='slideshow-description' i]";

/**
 * Readability strips class names, and the caption passes after it need to know which blocks
 * were captions or credits: the before-stage marks them with this attribute (its value says
 * which). The sanitizer drops every data attribute, so the mark never reaches the reader.
 */
export const CAPTION_MARK = "data-folio-caption";
const CAPTION_NAMES = /caption|credit|slideshow-description/i;

function isCaptionLike(el: Element, text: string, ctx: PassContext): boolean {
  return (
    el.localName === "figcaption" ||
    el.hasAttribute(CAPTION_MARK) ||
    !!closestWhere(
      el,
      (n) => n.localName === "figure" || n.localName === "figcaption" || n.hasAttribute(CAPTION_MARK),
    ) ||
    !!ctx.captionTexts?.has(text)
  );
}

export const captionMarks: Pass = {
  name: "caption-marks",
  run(root, ctx) {
    ctx.captionTexts ??= new Set();
    const texts = ctx.captionTexts;
    const mark = (el: Element, kind: string) => {
      el.setAttribute(CAPTION_MARK, kind);
      const text = squash(el.textContent).toLowerCase();
      if (text.length >= MIN_REPEAT_CHARS) texts.add(text);
    };
    for (const { el, names } of namedElements(ctx, root)) {
      const m = CAPTION_NAMES.exec(names);
      if (m) mark(el, m[0].toLowerCase() === "credit" ? "credit" : "caption");
    }
    for (const el of elementsByTag(ctx, root, "figcaption")) mark(el, "caption");
  },
};

export const hiddenCopies: Pass = {
  name: "hidden-copies",
  run(root, ctx) {
    for (const { el, names } of namedElements(ctx, root)) {
      if (!VISUALLY_HIDDEN.test(names) || isGone(ctx, el)) continue;
      const text = squash(el.textContent);
      if (text.length <= 150) remove(ctx, el, "hidden", "text for screen readers only", "text");
    }
    if (!ctx.hidden || ctx.hidden.size === 0) return;
    // Caption copies hidden in the live page: drop them when a visible copy with the same text exists.
    const visibleTexts = new Set<string>();
    const hiddenOnes: Element[] = [];
    for (const el of root.querySelectorAll(CAPTION_SELECTOR)) {
      if (ctx.hidden.has(el)) hiddenOnes.push(el);
      else visibleTexts.add(squash(el.textContent).toLowerCase());
    }
    for (const el of hiddenOnes) {
      const text = squash(el.textContent).toLowerCase();
      if (text && visibleTexts.has(text))
        remove(ctx, el, "caption", "hidden copy of a visible caption", "copy");
    }
  },
};

/** Blocks whose text can be a repeat: leaves of the article's block structure. */
const LEAF_BLOCKS = new Set([
  "p",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "figcaption",
  "li",
  "blockquote",
  "div",
  "span",
  "small",
  "cite",
]);
const MIN_REPEAT_CHARS = 25;

function dedupeAltText(root: Element, ctx: PassContext): void {
  // The article's elements as `measure` walked them (no selector query over the article again).
  for (const figure of elementsInOrder(ctx, root)) {
    if (figure.localName !== "figure" || isGone(ctx, figure)) continue;
    const caption = squash(descendants(figure, "figcaption")[0]?.textContent).toLowerCase();
    if (!caption) continue;
    for (const img of descendants(figure, "img")) {
      const alt = squash(img.getAttribute("alt")).toLowerCase();
      if (alt && alt === caption) {
        img.setAttribute("alt", "");
        record(ctx, "caption", "alt text repeated the caption", alt);
      }
    }
  }
}

/** A credit element ("Photo: AFP") whose text an earlier caption of the same figure already holds. */
function dedupeCredits(root: Element, ctx: PassContext): void {
  for (const credit of elementsInOrder(ctx, root)) {
    if (credit.getAttribute(CAPTION_MARK) !== "credit" || isGone(ctx, credit)) continue;
    const scope = closestTag(credit, "figure") ?? credit.parentElement;
    const text = squash(credit.textContent);
    if (!scope || text.length < 3) continue;
    const captions = descendantsWhere(
      scope,
      (n) => n.localName === "figcaption" || n.getAttribute(CAPTION_MARK) === "caption",
    );
    for (const caption of captions) {
      if (caption === credit || caption.contains(credit) || credit.contains(caption)) continue;
      if (squash(caption.textContent).includes(text)) {
        remove(ctx, credit, "caption", "credit line printed twice", "copy");
        break;
      }
    }
  }
}

/** "Foto: dpa", "Photograph by Jane Roe", "© Reuters": a credit and nothing else. */
const CREDIT_LEAD =
  /^\(?(?:(?:foto|fotos|bild|bilder|photo|photos|image|images|picture|credit|credits|crédit|crédits(?: photos?)?|crédito|quelle|bildquelle|source|źródło|zdjęcie|fot\.|grafik|illustration|copyright|titelbild|beitragsbild)\s*(?::|by\b|via\b|©)|©|\(c\)|photograph(?:y)? by\b|photo by\b|foto von\b)/i;
/**
 * "Reuters / Jane Roe", "John Doe/Agency.com": an agency and a photographer, both named
 * (capitalised), with no sentence end; "Input/output errors were logged." is a sentence.
 */
const CREDIT_SLASH = /^\p{Lu}[\p{L}.&' -]{1,29}\s?\/\s?\p{Lu}[\p{L}.&' -]{0,38}[\p{L}]$/u;
const CREDIT_AGENCY =
  /^(?:[\p{L}.' -]{0,30}\b)?(?:getty images|istock(?:photo)?(?:\.com)?|shutterstock(?:\.com)?|imago(?: images)?|picture[- ]alliance|dpa|afp|reuters|ap photo|keystone|unsplash|pixabay|pexels|adobe ?stock|wenn\.com|epa)(?:\b[\p{L}./ -]{0,30})?$/iu;

export function isCreditLine(text: string): boolean {
  if (text.length > 100) return false;
  if (CREDIT_LEAD.test(text)) return true;
  return (
    text.length <= 60 && text.split(" ").length <= 7 && (CREDIT_SLASH.test(text) || CREDIT_AGENCY.test(text))
  );
}

const CREDIT_TAGS = new Set(["p", "span", "small", "div", "figcaption", "cite", "em", "i"]);

/** Photo credits standing on their own line: who took the picture is not part of the story. */
function removeCredits(root: Element, ctx: PassContext): void {
  const sizes = measure(ctx, root);
  for (const el of shortElements(ctx, root, 110, CREDIT_TAGS)) {
    if (sizes.get(el)!.hasBlock || isGone(ctx, el)) continue;
    const text = squash(el.textContent);
    if (text && isCreditLine(text) && standsAlone(el)) remove(ctx, el, "credit", "photo credit", "text");
  }
}

export const repeatedText: Pass = {
  name: "repeated-text",
  run(root, ctx) {
    dedupeAltText(root, ctx);
    dedupeCredits(root, ctx);
    removeCredits(root, ctx);
    const seen = new Map<string, Element>();
    const sizes = measure(ctx, root);
    for (const el of elementsInOrder(ctx, root)) {
      const m = sizes.get(el)!;
      if (!LEAF_BLOCKS.has(el.localName) || m.hasBlock || m.textLength < MIN_REPEAT_CHARS || isGone(ctx, el))
        continue;
      const text = squash(el.textContent).toLowerCase();
      if (text.length < MIN_REPEAT_CHARS) continue;
      const first = seen.get(text);
      if (!first || first.contains(el) || el.contains(first)) {
        if (!first) seen.set(text, el);
        continue;
      }
      // Only captions: a story may repeat a sentence on purpose (a refrain, a quoted line).
      if (isCaptionLike(el, text, ctx) || isCaptionLike(first, text, ctx)) {
        remove(ctx, el, "caption", "caption printed twice", "copy");
      }
    }
  },
};
