/**
 * Promo lines (after Readability): short paragraphs that are a promo or a piece of the site's
 * machinery on their own ("Also read: ...", "Check out latest videos from ...", a paywall
 * prompt, a legal footer): they look like paragraphs to Readability. The blocks are
 * promo-blocks.ts.
 */
import { type Pass, type PassContext, isGone, remove, standsAlone } from "./context.ts";
import { squash } from "../whitespace.ts";
import { PROMO_LINE } from "./promo-phrases.ts";
import { measure, shortElements } from "./measure.ts";
import { closestTag, hasDescendant } from "../dom.ts";
import { linkDensity, PROMO_HEADING } from "./promo-blocks.ts";

const PARAGRAPH = new Set(["p"]);
const LINK = new Set(["a"]);

/**
 * "[What you need to know to start the day: Get New York Today in your inbox.]", "[Read more:
 * ...]": a whole line in square brackets around a link is an editor's plug, not the story.
 */
const BRACKETED_PLUG = /^\[[^\]]{8,200}\]\.?$/;

/** "Also read: <link>" — a label followed by nothing but (mostly) a link. */
const PROMO_LEAD = new RegExp(
  `^(?:${[
    "also read",
    "read more",
    "read also",
    "read next",
    "related",
    "see also",
    "more",
    "recommended",
    "lesen sie (?:mehr|hier|auch)",
    "auch lesen",
    "mehr (?:zum thema|dazu)",
    "auch interessant",
    "siehe auch",
    "lire aussi",
    "à lire aussi",
    "voir aussi",
    "leggi anche",
    "lee también",
    "lea(?: también| más)?",
    "vea también",
    "le puede interesar",
    "te puede interesar",
    "leia também",
    "veja também",
    "czytaj (?:też|także|również)",
    "zobacz (?:też|także)",
  ].join("|")})\\s*[:|»>–-]`,
  "i",
);

/**
 * "Hier geht es zum Spielplan", "Mehr Informationen auf der Website", "More information": a line
 * that is one link and opens by pointing at it sends the reader elsewhere; the story links its
 * words inside its sentences. (An English "Here are..." line often leads into the story's own
 * list, so it is not among them.)
 */
const POINTING_LINK =
  /^(?:hier (?:geht(?:'s| es)|gibt(?:'s| es)|finde[nt]?|können sie|kannst du|das|die|der|zum|zur|zu)|(?:weitere|mehr) (?:infos?|informationen)|more (?:info|information|details)|further information|zum (?:artikel|beitrag|video|interview|download|programm|spielplan|shop)|zur (?:übersicht|startseite|anmeldung|bildergalerie|galerie))\b/i;

function isPointingLinkLine(el: Element, text: string): boolean {
  if (text.length > 120 || !POINTING_LINK.test(text)) return false;
  const links = el.localName === "a" ? [el] : Array.from(el.getElementsByTagName("a"));
  if (links.length !== 1) return false;
  return squash(links[0]!.textContent).length >= text.replace(/[\s.:!…»>]+$/, "").length * 0.9;
}

const AUTHOR_BOX =
  /^(?:about the author|über (?:den autor|die autorin)|à propos de l'auteur|sobre el autor)/i;

/** The short biography under an "About the author" heading: up to three short blocks. */
function removeBiography(first: Element | null, ctx: PassContext, heading: string): void {
  let el = first;
  for (let i = 0; el && i < 3; i++) {
    const next: Element | null = el.nextElementSibling;
    if (/^h[1-6]$/.test(el.localName) || squash(el.textContent).length > 600) break;
    remove(ctx, el, "promo", `biography under "${heading.slice(0, 40)}"`, "text");
    el = next;
  }
}

/** The words of a site's legal footer, in our readers' languages. */
const LEGAL_WORD =
  /^(?:©.*|\(c\).*|copyright\b.*|all rights reserved|alle rechte vorbehalten|tous droits réservés|impressum|imprint|datenschutz(?:erklärung)?|privacy(?: policy)?|cookies?(?: policy| settings)?|terms(?: of (?:use|service))?|agb|disclaimer|kontakt|contact(?: us)?|mentions légales|aviso legal|política de privacidad|sitemap)$/i;

/**
 * "Impressum | Datenschutz | © 2024 Example GmbH", "Privacy · Terms · Contact": the site's
 * footer, a run of short items two or more of which are legal links or notices.
 */
export function isLegalFooterLine(text: string): boolean {
  if (text.length > 200) return false;
  const items = text
    .split(/\s*[|·•]\s*|\s+[–—-]\s+/)
    .map((t) => t.trim())
    .filter(Boolean);
  return items.length >= 2 && items.filter((t) => LEGAL_WORD.test(t)).length >= 2;
}

/**
 * "© 2024 Example Media GmbH. All rights reserved.", "Copyright 2019-2024 Jane Roe": the site's
 * copyright line, a year after the sign (a photo's credit names its maker, mostly without a
 * year, and sits in the figure, where this rule does not look).
 */
const COPYRIGHT_LINE =
  /^(?:(?:copyright\s*)?(?:©|\(c\))\s*(?:19|20)\d\d\b.{0,100}|copyright\s+(?:19|20)\d\d\b.{0,80}(?:all rights reserved|alle rechte vorbehalten|tous droits réservés)\W*)$/i;

export function isCopyrightLine(el: Element, text: string): boolean {
  return COPYRIGHT_LINE.test(text) && closestTag(el, "figure") === null;
}

/** "Warning: ... in /var/www/.../file.php on line 407": a PHP error the site printed. */
const SERVER_ERROR =
  /^(?:warning|notice|deprecated|fatal error|parse error|strict standards)\s*:.{0,300}\bon line \d+/i;

const LINE_TAGS = new Set([
  "p",
  "div",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "strong",
  "b",
  "li",
  "span",
  "a",
  "footer",
  "small",
]);

/** Whether nothing the reader sees (text or a picture) follows `el` in the reading. */
function endsReading(el: Element, root: Element): boolean {
  for (let n: Element | null = el; n && n !== root; n = n.parentElement)
    for (let s = n.nextSibling; s; s = s.nextSibling)
      if (
        (s.textContent ?? "").trim() ||
        (s.nodeType === 1 && (s as Element).querySelector("img, video, iframe"))
      )
        return false;
  return true;
}

export const promoLines: Pass = {
  name: "promo-lines",
  run(root, ctx) {
    const sizes = measure(ctx, root);
    for (const el of shortElements(ctx, root, 240, LINE_TAGS)) {
      const m = sizes.get(el)!;
      if (m.hasMedia || isGone(ctx, el) || (m.hasBlock && hasDescendant(el, PARAGRAPH))) continue;
      const text = squash(el.textContent);
      if (!text || !standsAlone(el)) continue;
      if (text.length > 160) {
        // The sign-off under the story ("Follow The Daily on Twitter ... Send us a message on
        // WhatsApp at ... or email us at ..."): a promo line that goes on, where the story ended.
        if (PROMO_LINE.test(text) && endsReading(el, root))
          remove(ctx, el, "promo", "promo line under the story", "text");
        continue;
      }
      if (PROMO_LINE.test(text)) {
        remove(ctx, el, "promo", "promo line", "text");
      } else if (isLegalFooterLine(text) || isCopyrightLine(el, text)) {
        remove(ctx, el, "promo", "the site's legal footer", "text");
      } else if (SERVER_ERROR.test(text)) {
        remove(ctx, el, "promo", "an error message of the site's server", "text");
      } else if (isPointingLinkLine(el, text)) {
        remove(ctx, el, "promo", "a line that only points to another page", "text");
      } else if (BRACKETED_PLUG.test(text) && hasDescendant(el, LINK) && el.localName !== "li") {
        remove(ctx, el, "promo", "bracketed plug for another page", "text");
      } else if (PROMO_LEAD.test(text) && hasDescendant(el, LINK)) {
        remove(ctx, el, "promo", "link to another story", "text");
      } else if (
        /^(?:h[2-6]|p|strong|b)$/.test(el.localName) &&
        text.length <= 80 &&
        PROMO_HEADING.test(text)
      ) {
        // A promo heading left standing: it goes, and so does the list of links it introduces
        // (or, under "About the author", the short biography).
        const next = el.nextElementSibling;
        remove(ctx, el, "promo", `heading "${text.slice(0, 40)}"`, "text");
        if (next && /^(?:ul|ol|div|nav|section|p)$/.test(next.localName) && linkDensity(next) > 0.5) {
          remove(ctx, next, "promo", `links under "${text.slice(0, 40)}"`, "text");
        } else if (AUTHOR_BOX.test(text)) {
          removeBiography(el === next ? null : next, ctx, text);
        }
      }
    }
  },
};
