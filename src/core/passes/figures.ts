/**
 * Figures as the reader should see them: each picture with one caption, the caption with its
 * credit once and apart, and nothing that only made sense on the page. Publishers print a
 * visually-hidden label over every picture ("Image", "Photo", "Video", "1 of 12"), which a
 * reader view that ignores CSS shows as a stray line (and Markdown as `Image![](...)`); they
 * print the credit's label twice, one copy for screen readers, glued to the caption
 * ("...underground.CreditCreditChang W. Lee"); they put the author's headshot next to the
 * byline, which Readability keeps as a body picture; and when a picture is lost (a script
 * that never ran, a placeholder) its caption stays behind, describing nothing.
 *
 * Runs after Readability, on the article only:
 *  - media labels: a line that is only a media word or a gallery counter, inside a figure or
 *    right before a picture, goes;
 *  - credit labels: in a caption, a label that is only "Credit" (or "Photo", "Foto"...) is kept
 *    once and reads "Credit: " between the caption and the name;
 *  - author photos: a picture whose alternative text is an author's name is the byline's, which
 *    the header shows;
 *  - orphan captions: a figure with a caption and no picture goes;
 *  - zoom hints: "Click to enlarge", "Bild zum Vergrößern anklicken": the page's lightbox
 *    is not in the reader, so the instruction goes from captions, and a line that says only
 *    that goes too.
 */
import { closestTag, closestWhere, descendants, descendantsWhere } from "../dom.ts";
import { CAPTION_MARK } from "./captions.ts";
import { isGone, type Pass, type PassContext, record, remove, standsAlone } from "./context.ts";
import { squash } from "../whitespace.ts";
import { elementsInOrder } from "./measure.ts";

/** What a label over a picture says: the kind of media, or where it is in a gallery. */
const MEDIA_LABEL =
  /^(?:image|images|photo|photos|photograph|picture|video|audio|graphic|graphics|illustration|gallery|slideshow|chart|map|foto|fotos|bild|bilder|grafik|galerie|bildergalerie|zdjęcie|imagen|immagine|vidéo|(?:image|photo|foto|bild|slide)?\s*\d{1,3}\s*(?:of|\/|von|de|di|z)\s*\d{1,3})$/i;

/** A credit's label and nothing else. */
const CREDIT_LABEL =
  /^(?:credit|credits|photo|photograph|image|foto|bild|quelle|source|crédit|crédito)s?\s*:?$/i;

/** An instruction to click or tap a picture to see it larger, in our readers' languages. */
const ZOOM_HINT = new RegExp(
  `[([]?\\s*(?:${[
    "(?:click|tap)(?: here| (?:on )?(?:the |this )?(?:image|photo|picture|graphic|map|chart|thumbnail))? (?:to|for) (?:enlarge|zoom|a larger (?:version|view|image)|(?:view )?(?:larger|full[- ]size))",
    "(?:image|photo|picture|graphic) (?:enlarges|opens larger) (?:on|with a) (?:click|tap)",
    "(?:zum|für eine) vergrößer(?:n|ung|te ansicht)(?: bitte)?(?: (?:auf|aufs) (?:das )?(?:bild|foto|grafik))? (?:an)?klick(?:en)?",
    "(?:bild|foto|grafik|karte) (?:zum vergrößern |vergrößern durch )?(?:an)?klicken(?: zum vergrößern)?",
    "klicken sie(?: auf (?:das|die) (?:bild|foto|grafik|karte))? zum vergrößern",
    "vergrößern (?:per|mit|durch) klick",
    "cliquez(?: sur (?:l'|l’)(?:image|photo))? pour (?:l'|l’)?agrandir",
    "(?:haga|haz) clic(?: en la (?:imagen|foto))? para (?:ampliar|agrandar)(?:la)?",
    "clicca(?: sull'immagine| sulla foto)? per ingrandire",
    "kliknij,? (?:aby|żeby) powiększyć",
  ].join("|")})(?=[\\s.!?,:)\\]]|$)[^.!?()[\\]]{0,30}[.!?]?\\s*[)\\]]?`,
  "gi",
);

/** What every zoom hint holds: asked first, so most lines never reach the long pattern. */
const ZOOM_WORD = /cli[cq]|klick|kliknij|tap /i;

const PICTURE = new Set(["img", "picture", "video", "svg"]);

function hasPicture(el: Element): boolean {
  if (PICTURE.has(el.localName)) return true;
  return descendants(el, PICTURE).length > 0;
}

/** The element after `el` in document order that is not inside `el`. */
function nextElementAfter(el: Element): Element | null {
  for (let n: Element | null = el; n; n = n.parentElement)
    if (n.nextElementSibling) return n.nextElementSibling;
  return null;
}

function removeMediaLabels(root: Element, ctx: PassContext): void {
  for (const el of elementsInOrder(ctx, root)) {
    if (isGone(ctx, el) || el.firstElementChild) continue;
    const text = squash(el.textContent);
    if (!text || text.length > 24 || !MEDIA_LABEL.test(text) || !standsAlone(el)) continue;
    const inFigure = closestTag(el, "figure") !== null && !closestTag(el, "figcaption");
    const next = nextElementAfter(el);
    if (inFigure || (next && hasPicture(next))) remove(ctx, el, "caption", "label over a picture", "text");
  }
}

function mendCreditLabels(root: Element): void {
  for (const caption of descendantsWhere(root, (el) => el.localName === "figcaption")) {
    const labels = descendantsWhere(
      caption,
      (el) => !el.firstElementChild && CREDIT_LABEL.test(squash(el.textContent)),
    );
    if (labels.length === 0) continue;
    // The label printed twice (one copy for screen readers) is said once, and apart.
    for (const extra of labels.slice(1)) extra.textContent = "";
    const label = labels[0]!;
    label.textContent = " Credit: ";
  }
}

function removeZoomHints(root: Element, ctx: PassContext): void {
  // A line that says only that.
  for (const el of elementsInOrder(ctx, root)) {
    if (isGone(ctx, el) || el.firstElementChild) continue;
    const text = squash(el.textContent);
    if (!text || text.length > 120 || !ZOOM_WORD.test(text)) continue;
    if (!squash(text.replace(ZOOM_HINT, " ")) && standsAlone(el))
      remove(ctx, el, "caption", "an instruction to enlarge a picture", "text");
  }
  // The instruction inside a caption, which keeps the rest of its words.
  for (const caption of descendantsWhere(root, isCaption)) {
    if (isGone(ctx, caption) || (caption.parentElement && closestWhere(caption.parentElement, isCaption)))
      continue;
    const walker = caption.ownerDocument.createTreeWalker(caption, 4); // NodeFilter.SHOW_TEXT
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      const value = t.nodeValue ?? "";
      if (!ZOOM_WORD.test(value)) continue;
      const cut = value.replace(ZOOM_HINT, " ");
      if (cut === value) continue;
      t.nodeValue = cut;
      record(ctx, "caption", "an instruction to enlarge a picture", value);
    }
  }
}

function isCaption(el: Element): boolean {
  return el.localName === "figcaption" || el.hasAttribute(CAPTION_MARK);
}

function removeAuthorPhotos(root: Element, ctx: PassContext): void {
  const names = new Set(ctx.authors.map((a) => squash(a).toLowerCase()).filter((a) => a.length >= 4));
  if (names.size === 0) return;
  for (const img of descendants(root, "img")) {
    const alt = squash(img.getAttribute("alt") ?? img.getAttribute("title")).toLowerCase();
    if (!names.has(alt) || isGone(ctx, img)) continue;
    // Take the link around the headshot too when it holds nothing else.
    const link = closestTag(img, "a");
    const target =
      link && squash(link.textContent) === "" && descendants(link, "img").length === 1 ? link : img;
    remove(ctx, target, "headline", "the author's photo (the byline shows the author)", "copy");
  }
}

function removeOrphanCaptions(root: Element, ctx: PassContext): void {
  for (const figure of descendants(root, "figure")) {
    if (isGone(ctx, figure) || hasPicture(figure)) continue;
    const captions = descendants(figure, "figcaption");
    if (captions.length === 0) continue;
    // Only a caption: a figure that shows anything else (math, a table, code, a quotation) keeps it.
    const captionText = captions.reduce((n, c) => n + squash(c.textContent).length, 0);
    if (
      squash(figure.textContent).length - captionText > 10 ||
      descendants(figure, new Set(["table", "pre", "blockquote", "iframe", "math"])).length > 0
    )
      continue;
    remove(ctx, figure, "caption", "caption of a picture that is not there");
  }
}

export const figures: Pass = {
  name: "figures",
  run(root, ctx) {
    removeMediaLabels(root, ctx);
    mendCreditLabels(root);
    removeAuthorPhotos(root, ctx);
    removeOrphanCaptions(root, ctx);
    removeZoomHints(root, ctx);
  },
};
