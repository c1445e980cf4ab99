/**
 * Notices (after Readability): short paragraphs that a site's software prints into the story
 * and that say something about the page, not about the story. Unlike promo-lines.ts, which
 * knows lines by how they start, a notice is known by what it talks about, wherever in its
 * sentence, so each kind needs two or three signals together:
 *
 * - a consent placeholder for embedded content: the box a privacy plugin prints where a tweet,
 *   a video or a map would be until the reader agrees ("We respect your privacy and do not
 *   connect to Twitter without your consent. You can change your settings here.");
 * - an affiliate disclosure: the line shops' widgets and review sites print under their links
 *   ("The links are affiliate links", "Last updated ... / images from the Amazon Product
 *   Advertising API");
 * - an invitation to the site's messaging channel ("Did you know we have a Telegram
 *   channel? Join from your phone with this link.");
 * - a date line: the publication or update date with its label alone on a line ("Updated:
 *   11.04.2020, 10:27"); the header shows the date.
 */
import { squash } from "../whitespace.ts";
import { type Pass, isGone, remove, standsAlone } from "./context.ts";
import { measure, shortElements } from "./measure.ts";

/** Longer than this, a paragraph is prose, whatever words it uses. */
const NOTICE_MAX = 320;

const TAGS = new Set(["p", "div", "span", "strong", "b", "em", "small", "li", "time", "aside", "footer"]);

/** Every pattern must match (anywhere in the text) for the notice to be known. */
const NOTICES: readonly { reason: string; all: readonly RegExp[]; max?: number }[] = [
  {
    reason: "a consent placeholder for embedded content",
    all: [
      /\b(?:einverständnis|einwilligung|zustimm\w*|einverstanden|consent\w*|consentement|consentimiento|datenschutz\w*|privacy|privatsphäre)\b/i,
      /\b(?:twitter|youtube|instagram|facebook|tiktok|vimeo|spotify|soundcloud|podcast\w*|google maps|x\.com|externe[nrs]? (?:inhalte?|dienste?|medien|anbieter)|external (?:content|media|services?)|third[- ]party|drittanbieter\w*|tiers)\b/i,
      /\b(?:klick\w*|click\w*|einstellungen|settings|aktivier\w*|enable|laden|load\w*|anzeigen|angezeigt|show\w*|freigeben|entsperr\w*|unlock|verbindung|connect\w*)\b/i,
      /\b(?:du|dein\w*|ihr\w*|sie|you|your|vous|votre|usted|tu)\b/i,
    ],
  },
  {
    reason: "an affiliate disclosure",
    all: [
      /\b(?:affiliate[- ]?links?|partner[- ]?links?|provisions[- ]?links?|werbe[- ]?links?|amazon[- ]?(?:associate|partner)\w*|liens? (?:d'affiliation|affiliés?)|enlaces? de afiliados?|links? (?:zu|to|von) (?:anbietern|partnern|online-?shops|händlern|retailers|partners|merchants))/i,
      /\b(?:handelt es sich|sind|ist|enthält|enthalten|erhalten|verdienen|provision|contains?|includes?|are|is|earn\w*|commission|contient|sont|contiene|son)\b/i,
    ],
    max: 300,
  },
  // The shops' widget signs its product boxes so: no story says it in passing.
  { reason: "an affiliate disclosure", all: [/\bamazon product advertising api\b/i], max: 300 },
  {
    reason: "an invitation to the site's messaging channel",
    all: [
      /\b(?:telegram|whatsapp|signal|discord)[- ]?(?:kanal|channel|canal|gruppe|group|grupo|community|newsletter)\b|\b(?:kanal|channel|canal|grupo) (?:de|on|auf|en|sur) (?:telegram|whatsapp|signal|discord)\b/i,
      /\b(?:join|únete|unirte|únase|tritt|beitreten|abonnier\w*|suscr\w*|folg\w*|follow|rejoignez|rejoindre|iscriviti|enlace|link|hier|here|aquí|ici)\b/i,
      // The site speaks of its own channel, or the line opens with the invitation.
      /\b(?:our|unser\w*|nuestro|tenemos|notre|nostro|we have|wir haben)\b|^(?:join|únete|tritt|folge|follow|abonniere|rejoignez|iscriviti)\b/i,
    ],
    max: 250,
  },
];

const DATE_LABEL =
  /^(?:zuletzt )?(?:veröffentlicht|aktualisiert|geändert|erstellt|stand|published|updated|last updated|last modified|posted|modified|publié|mis à jour|publicado|actualizado|pubblicato|aggiornato)(?: (?:am|um|on|at|le|el|il))?\s*:?\s*/i;

/** "Updated: 11.04.2020, 10:27", "Veröffentlicht am 3. März 2021 um 10:00 Uhr": a date line. */
export function isDateLine(text: string): boolean {
  const m = DATE_LABEL.exec(text);
  if (!m) return false;
  const rest = text.slice(m[0].length);
  // The date: digits and separators, with at most a month name, a weekday and "Uhr"/"am"/"pm".
  return (
    rest.length > 0 &&
    rest.length <= 48 &&
    /\d/.test(rest) &&
    /^[\d\s.,:/|–-]*(?:\p{L}+\.?[\d\s.,:/|–-]*){0,4}$/u.test(rest)
  );
}

/** The notice `text` is, or null. */
export function noticeOf(text: string): string | null {
  if (text.length <= 80 && isDateLine(text)) return "a date line";
  for (const { reason, all, max = NOTICE_MAX } of NOTICES) {
    if (text.length <= max && all.every((re) => re.test(text))) return reason;
  }
  return null;
}

export const notices: Pass = {
  name: "notices",
  run(root, ctx) {
    const sizes = measure(ctx, root);
    for (const el of shortElements(ctx, root, NOTICE_MAX * 2, TAGS)) {
      const m = sizes.get(el)!;
      if (m.hasMedia || isGone(ctx, el)) continue;
      const text = squash(el.textContent);
      if (!text || text.length > NOTICE_MAX || !standsAlone(el)) continue;
      const reason = noticeOf(text);
      if (reason) remove(ctx, el, "promo", reason, "text");
    }
  },
};
