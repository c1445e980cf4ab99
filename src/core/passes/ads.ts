/**
 * Ads. Readability drops much of a page's chrome but keeps ad slots that sit between the
 * paragraphs of the story (they are inside the highest-scoring container), and it keeps their
 * labels ("ADVERTISEMENT", "Story continues below advertisement") because a label is just a
 * short paragraph. Two parts:
 *  - `adSlots` (before Readability, whole copy): containers of ad systems, found by the marks
 *    those systems leave (GPT/DFP ids, AdSense classes, Taboola/Outbrain widgets, ad-ish class
 *    and id words, `data-ad-*` attributes). Removing them first also stops their text from
 *    feeding Readability's scoring.
 *  - `adLabels` (after Readability, article only): any element whose whole text is an ad
 *    label, in the languages our readers use. A sentence that mentions advertising stays.
 */
import { closestTag } from "../dom.ts";
import { type Pass, describe, isGone, remove, standsAlone } from "./context.ts";
import { squash } from "../whitespace.ts";
import { looksLikeContent } from "./content-guard.ts";
import { measure, shortElements } from "./measure.ts";
import { type Named, namedElements } from "./scan.ts";

/** Marks the ad systems themselves leave in class and id names: exact, never article markup. */
const AD_SYSTEM_NAMES =
  /(?:^|\s)(?:div-gpt-ad|google_ads|gpt-ad|dfp-|ad-slot|adsbygoogle)|taboola|trc_related|outbrain|plista|zergnet/i;
/** ... and in `data-*` attribute names (GPT, AdSense, Prebid, DFP). */
const AD_SYSTEM_DATA =
  /data-(?:ad|ad-slot|ad-unit|ad-client|adunit|ad-position|google-query-id|dfp|ad-format)(?:\s|-)/;
const AD_ELEMENTS = new Set(["amp-ad", "amp-embed", "amp-sticky-ad"]);

/**
 * Class or id words that name an ad container. Matched as whole words between separators, so
 * "header", "shadow" or "load" never match "ad".
 */
const AD_WORDS =
  /(?:^|[\s_-])(?:ad|ads|adv|advert|adverts|advertisement|advertising|adslot|adunit|adbox|adblock|adwrap|adwrapper|adcontainer|ad-slot|dfp|gpt|doubleclick|sponsored|sponsor|native-ad|nativead|paid-content|commercial|werbung|anzeige)(?:$|[\s_-]|\d)/i;

/** The labels an ad slot prints, lower-cased, without punctuation at the ends. */
const AD_LABELS = new Set([
  "advertisement",
  "advertisements",
  "advertising",
  "ad",
  "ads",
  "advert",
  "sponsored",
  "sponsored content",
  "sponsored post",
  "sponsored links",
  "paid content",
  "paid post",
  "promoted content",
  "partner content",
  "story continues below advertisement",
  "article continues below advertisement",
  "article continues below this ad",
  "continue reading below",
  "story continues below",
  "content continues below",
  "advertisement - scroll to continue",
  "scroll to continue with content",
  "advertisement continue reading below",
  "skip advertisement",
  "report this ad",
  "close ad",
  "anzeige",
  "werbung",
  "publicité",
  "publicite",
  "publicidad",
  "pubblicità",
  "pubblicita",
  "publicidade",
  "reclame",
  "advertentie",
  "annonse",
  "annons",
  "mainos",
  "reklama",
  "reklam",
  "reklame",
  "hirdetés",
  "реклама",
  "διαφήμιση",
  "विज्ञापन",
  "广告",
  "廣告",
  "広告",
  "광고",
  "إعلان",
  "פרסומת",
  "quảng cáo",
  "iklan",
  "โฆษณา",
]);

export function isAdLabel(text: string): boolean {
  const t = squash(text)
    .toLowerCase()
    .replace(/^[\s\-–—:|•·([]+|[\s\-–—:|•·.)\]]+$/g, "");
  return t.length > 0 && t.length <= 60 && AD_LABELS.has(t);
}

/** Labelled as an ad for assistive technology: the block says what it is (see `remove`). */
function labelledAd({ label }: Named): boolean {
  return !!label && isAdLabel(label);
}

function adReason({ el, names, dataAttrs, label }: Named): string | null {
  if (label && isAdLabel(label)) return `ad slot (${describe(el)}, labelled "${label}")`;
  if (
    AD_ELEMENTS.has(el.localName) ||
    AD_SYSTEM_NAMES.test(names) ||
    (dataAttrs && AD_SYSTEM_DATA.test(dataAttrs))
  ) {
    return `ad slot (${describe(el)})`;
  }
  return AD_WORDS.test(names) ? `ad container (${describe(el)})` : null;
}

export const adSlots: Pass = {
  name: "ad-slots",
  run(root, ctx) {
    for (const named of namedElements(ctx, root)) {
      const why = adReason(named);
      if (why && !isGone(ctx, named.el) && !looksLikeContent(named.el, { memo: ctx, root })) {
        remove(ctx, named.el, "ad", why, labelledAd(named) ? "label" : "name");
      }
    }
  },
};

/** The text of `el`'s own text nodes, not of its children. */
function ownText(el: Element): string {
  let text = "";
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 3) text += n.nodeValue;
  return text;
}

/** Never taken whole for an ad, whatever their text. */
const BIG_CONTAINERS = new Set(["body", "main", "article", "section"]);

/** Elements that can carry a label. */
const LABEL_TAGS = new Set([
  "p",
  "div",
  "span",
  "aside",
  "section",
  "figure",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "strong",
  "em",
  "b",
  "small",
  "li",
  "a",
  "center",
  "label",
  "header",
  "figcaption",
]);

/** "ANZEIGE – Heute mal ausgehen? ...": a line the label itself introduces is the ad's text. */
const LABELLED_LINE =
  /^[\s\-–—(]*(?:anzeige|werbung|advertisement|sponsored|publicidad|publicité|reklama|annonse)\s*[-–—:|)]\s*\S/i;

export const adLabels: Pass = {
  name: "ad-labels",
  run(root, ctx) {
    const sizes = measure(ctx, root);
    for (const el of shortElements(ctx, root, 240, LABEL_TAGS)) {
      const m = sizes.get(el)!;
      if (isGone(ctx, el)) continue;
      const text = el.textContent ?? "";
      if (m.hasMedia) {
        // "- Anzeige -" printed over an affiliate banner: a block whose only words are an ad label,
        // printed by the block itself, is the ad, picture and all. (A label in an element of its
        // own goes alone, below; a picture with any words of its own is left alone.)
        if (
          m.textLength <= 80 &&
          !BIG_CONTAINERS.has(el.localName) &&
          isAdLabel(text) &&
          isAdLabel(ownText(el)) &&
          standsAlone(el)
        ) {
          remove(ctx, el, "ad", "picture labelled as an ad", "label");
        }
        continue;
      }
      if (m.textLength <= 80 && isAdLabel(text) && standsAlone(el)) {
        // A picture captioned "Advertisement" is the ad itself: the figure goes with its label.
        const figure = el.localName === "figcaption" ? closestTag(el, "figure") : null;
        if (figure) remove(ctx, figure, "ad", "picture captioned as an ad", "label");
        else remove(ctx, el, "ad-label", "ad label", "text");
      } else if (!m.hasBlock && LABELLED_LINE.test(text) && squash(text).length <= 200 && standsAlone(el)) {
        remove(ctx, el, "ad", "line marked as an ad", "text");
      }
    }
  },
};
