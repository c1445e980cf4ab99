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
import { type Pass, describe, isGone, remove, squash } from "./context.ts";
import { looksLikeContent } from "./content-guard.ts";

/** Selectors of the ad systems themselves: exact marks, never article markup. */
const AD_SYSTEM_SELECTOR = [
  "[id^='div-gpt-ad']", "[id^='google_ads']", "[id^='gpt-ad']", "[id^='dfp-']", "[id^='ad-slot']",
  "ins.adsbygoogle", ".adsbygoogle", "[data-ad-slot]", "[data-ad-unit]", "[data-ad-client]",
  "[data-google-query-id]", "[data-adunit]", "[data-ad-position]", "[data-dfp]", "[data-ad]",
  "[id^='taboola']", "[class*='taboola']", "[class*='trc_related']", "[class*='OUTBRAIN']",
  "[class*='outbrain']", "[id^='outbrain']", "[data-widget-id][data-src*='outbrain']",
  "[class*='plista']", "[id*='plista']", "[class*='zergnet']", "[id*='zergnet']",
  "[aria-label='Advertisement' i]", "[aria-label='Anzeige' i]", "[aria-label='Sponsored' i]",
  "amp-ad", "amp-embed", "amp-sticky-ad",
].join(",");

/**
 * Class or id words that name an ad container. Matched as whole words between separators, so
 * "header", "shadow" or "load" never match "ad".
 */
const AD_WORDS =
  /(?:^|[\s_-])(?:ad|ads|adv|advert|adverts|advertisement|advertising|adslot|adunit|adbox|adblock|adwrap|adwrapper|adcontainer|ad-slot|dfp|gpt|doubleclick|sponsored|sponsor|native-ad|nativead|paid-content|commercial|werbung|anzeige)(?:$|[\s_-]|\d)/i;

/** The labels an ad slot prints, lower-cased, without punctuation at the ends. */
const AD_LABELS = new Set([
  "advertisement", "advertisements", "advertising", "ad", "ads", "advert", "sponsored",
  "sponsored content", "sponsored post", "sponsored links", "paid content", "paid post",
  "promoted content", "partner content", "story continues below advertisement",
  "article continues below advertisement", "article continues below this ad",
  "continue reading below", "story continues below", "content continues below",
  "advertisement - scroll to continue", "scroll to continue with content",
  "advertisement continue reading below", "skip advertisement", "report this ad",
  "close ad", "anzeige", "werbung", "publicité", "publicite", "publicidad", "pubblicità",
  "pubblicita", "publicidade", "reclame", "advertentie", "annonse", "annons", "mainos",
  "reklama", "reklam", "reklame", "hirdetés", "реклама", "διαφήμιση", "विज्ञापन", "广告",
  "廣告", "広告", "광고", "إعلان", "פרסומת", "quảng cáo", "iklan", "โฆษณา",
]);

export function isAdLabel(text: string): boolean {
  const t = squash(text).toLowerCase().replace(/^[\s\-–—:|•·([]+|[\s\-–—:|•·.)\]]+$/g, "");
  return t.length > 0 && t.length <= 60 && AD_LABELS.has(t);
}

function adWord(el: Element): string | null {
  const cls = el.getAttribute("class") ?? "";
  const id = el.getAttribute("id") ?? "";
  if (AD_WORDS.test(cls)) return `class ${squash(cls).slice(0, 40)}`;
  if (AD_WORDS.test(id)) return `id ${id.slice(0, 40)}`;
  return null;
}

export const adSlots: Pass = {
  name: "ad-slots",
  run(root, ctx) {
    for (const el of root.querySelectorAll(AD_SYSTEM_SELECTOR)) {
      if (!looksLikeContent(el)) remove(ctx, el, "ad", `ad slot (${describe(el)})`);
    }
    for (const el of root.querySelectorAll("[class],[id]")) {
      if (el.localName === "body" || el.localName === "html") continue;
      const why = adWord(el);
      if (!why || isGone(el)) continue;
      if (!looksLikeContent(el)) remove(ctx, el, "ad", `ad container (${why})`);
    }
  },
};

/** Elements small enough to be a label: few descendants, short text. */
const LABEL_CANDIDATES = "p, div, span, aside, section, figure, h2, h3, h4, h5, h6, strong, em, small, li, a, center";

export const adLabels: Pass = {
  name: "ad-labels",
  run(root, ctx) {
    for (const el of root.querySelectorAll(LABEL_CANDIDATES)) {
      if (!el.parentNode || el.querySelector("img, picture, video")) continue;
      const text = el.textContent ?? "";
      if (text.length <= 80 && isAdLabel(text)) remove(ctx, el, "ad-label", "ad label");
    }
  },
};
