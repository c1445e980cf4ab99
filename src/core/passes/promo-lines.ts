/**
 * Promo lines (after Readability): short paragraphs that are a promo or a piece of the site's
 * machinery on their own ("Also read: ...", "Check out latest videos from ...", a paywall
 * prompt, a legal footer): they look like paragraphs to Readability. The blocks are
 * promo-blocks.ts.
 */
import { type Pass, type PassContext, isGone, remove, standsAlone } from "./context.ts";
import { squash } from "../whitespace.ts";
import { type Alternative, byOpeningWord } from "../opening-words.ts";
import { measure, shortElements } from "./measure.ts";
import { closestTag, hasDescendant } from "../dom.ts";
import { linkDensity, PROMO_HEADING } from "./promo-blocks.ts";

const PARAGRAPH = new Set(["p"]);
const LINK = new Set(["a"]);

/**
 * Lines that are a promo or a piece of the site's machinery on their own: a call to watch,
 * follow, subscribe or read elsewhere, and the fixed strings content systems print around a
 * story (comment forms, print and rating buttons, a theme's "posted in ..." footer).
 */
export const PROMO_LINE_PARTS: readonly Alternative[] = [
  ["check watch", "(?:check out|watch) (?:the )?(?:latest|more) videos?(?: from [^:]{1,40})?"],
  [
    "sign subscribe register",
    "(?:sign up|subscribe|register) (?:now |today |here )?(?:for|to) (?:our|the|my) [^.]{0,60}",
  ],
  ["subscribe", "subscribe now\\b.*"],
  ["never", "never miss (?:the latest|a story|an article)\\b.*"],
  [
    "to",
    "to (?:view|read|continue reading) the full (?:story|article),? please (?:subscribe|log ?in|sign in)\\b.*",
  ],
  ["for get", "(?:for the latest|get the latest) [^.]{0,80}download (?:the|our) [^.]{0,40}(?:app)?.*"],
  ["follow", "follow (?:us|[^.]{1,40}) on (?:twitter|facebook|instagram|x|linkedin|telegram|whatsapp)\\b.*"],
  ["click", "click here to [^.]{1,60}"],
  ["comments commenting", "(?:comments|commenting) (?:are|is) (?:closed|disabled)\\.?"],
  ["kommentare", "kommentare sind geschlossen\\.?"],
  ["no 0-9", "(?:no|\\d+) comments(?: yet)?\\b.{0,60}"],
  ["keine 0-9", "(?:keine|\\d+) kommentare?\\b.{0,60}"],
  ["this", "this (?:entry|post|article) was (?:posted|published|filed)\\b.*"],
  ["posted", "posted in [^.]{1,80}"],
  ["filed", "filed under:? [^.]{1,80}"],
  [
    "category categories kategorie kategorien tags schlagwörter schlagworte rubrik ressort themen",
    "(?:category|categories|kategorie|kategorien|tags|schlagwörter|schlagworte|rubrik|ressort|themen) ?:.{0,120}",
  ],
  ["this", "this site uses akismet\\b.*"],
  ["diese", "diese website verwendet akismet\\b.*"],
  ["leave", "leave a (?:reply|comment)"],
  ["hinterlasse schreibe verfasse", "(?:hinterlasse|schreibe|verfasse) (?:einen|deinen) kommentar"],
  ["print", "print (?:this )?(?:recipe|article|page)"],
  ["rezept", "rezept drucken"],
  ["artikel", "artikel drucken"],
  ["war ist", "(?:war|ist) (?:der|dieser) (?:artikel|beitrag) (?:nützlich|hilfreich)\\??"],
  ["möchten wollen", "(?:möchten|wollen) sie (?:den|diesen) (?:artikel|beitrag) teilen\\??"],
  [
    "können kannst hier",
    "(?:hier )?(?:können sie|kannst du) (?:den|diesen) (?:artikel|beitrag) bewerten\\b.*",
  ],
  ["rate bewerten", "(?:rate|bewerten sie) (?:this|diesen|den) (?:article|post|artikel|beitrag)\\b.*"],
  ["was is", "(?:was|is) this (?:article|post) (?:helpful|useful)\\??"],
  ["share", "share this(?: article| story| post)?:?"],
  ["like", "like this:?"],
  ["gefällt", "gefällt mir:?"],
  ["teilen", "teilen mit:?"],
  ["diesen", "diesen beitrag teilen:?"],
  ["artikel", "artikel teilen:?"],
  [
    "lade weitere mehr",
    "(?:lade|lade mehr|weitere|mehr) (?:weitere )?(?:inhalte|beiträge|artikel) (?:laden|anzeigen)?",
  ],
  ["load", "load more(?: (?:stories|articles|posts|content))?"],
  ["mehr", "mehr laden"],
  ["zurück", "zurück zur (?:liste|listenansicht|übersicht)"],
  ["back", "back to (?:top|list|overview)"],
  // Skip links: the keyboard's way past the site's header, printed as a line.
  ["skip", "skip to (?:the )?(?:main )?(?:content|navigation|search|footer|menu|article)"],
  [
    "zum zur direkt",
    "(?:direkt )?(?:zum|zur) (?:hauptinhalt|inhalt|suche|navigation|hauptnavigation|hauptmenü|menü|footer|seitenanfang)(?: (?:springen|wechseln|gehen))?",
  ],
  ["aller", "aller (?:au|à la) (?:contenu|menu|navigation|recherche)(?: principal)?"],
  ["ir saltar", "(?:ir|saltar) (?:al|a la) (?:contenido|navegación|búsqueda)(?: principal)?"],
  ["vai salta", "(?:vai|salta) al (?:contenuto|menu)(?: principale)?"],
  ["nach", "nach oben"],
  ["inhaltsverzeichnis", "inhaltsverzeichnis(?: (?:anzeigen|ausblenden))?"],
  ["table", "table of contents"],
  ["quellen", "quellen (?:anzeigen|ausblenden)"],
  ["sie", "sie sind (?:aktuell )?nicht eingeloggt\\.?"],
  ["jetzt", "jetzt (?:abonnieren|registrieren|anmelden)\\b.*"],
  ["zum für", "(?:zum|für den|für unseren) newsletter (?:anmelden|registrieren|eintragen)\\b.*"],
  ["únete suscríbete síguenos", "(?:únete|suscríbete|síguenos)\\b.*"],
  ["abonnez", "abonnez-vous\\b.*"],
  // Paywall prompts: the rest of the story is behind a login or a subscription.
  // French papers' paywalls: an invitation to read on by subscribing, "Cet article
  // est réservé aux abonnés", "La suite est réservée aux abonnés".
  [
    "pour afin",
    "(?:pour|afin de) (?:lire|découvrir|poursuivre|continuer) (?:la suite|votre lecture|à lire|cet article)\\b.*",
  ],
  ["cet la", "(?:cet article est|la suite (?:de cet article )?est) réservée? aux abonnés\\b.*"],
  [
    "to continue um para per",
    "(?:to continue reading|continue reading with|um (?:den artikel )?weiterzulesen|para seguir leyendo|per continuare a leggere)\\b.*",
  ],
  [
    "subscribe sign login log register",
    "(?:subscribe|sign in|log ?in|register) to (?:continue|read|keep reading|unlock)\\b.*",
  ],
  [
    "this the",
    "(?:this|the) (?:article|story|content) is (?:only )?(?:for|available to|reserved for) (?:subscribers|members)\\b.*",
  ],
  [
    "already bereits déjà ya",
    "(?:already a (?:subscriber|member)|bereits abonnent(?:in)?|déjà abonné|ya (?:eres|soy) suscriptor)\\b.*",
  ],
  // Membership and donation pleas.
  [
    "support unterstützen unterstütze soutenez apoya apoye",
    "(?:support|unterstützen sie|unterstütze|soutenez|apoya|apoye) (?:our|unseren|unsere|notre|nuestro|el) (?:journalism|journalismus|arbeit|work|journalisme|periodismo)\\b.*",
  ],
  [
    "become werden werde devenez hazte",
    "(?:become|werden sie|werde|devenez|hazte) (?:a |an )?(?:member|mitglied|supporter|unterstützer(?:in)?|membre|abonné|miembro|socio)\\b.*",
  ],
  // Invitations to follow, to join a channel, to get a newsletter, to send a tip.
  [
    "folgen folge suivez síguenos seguici",
    "(?:folgen sie|folge|suivez|síguenos en|seguici su) (?:uns |nous )?(?:auf|sur|en|su)? ?(?:twitter|facebook|instagram|x|linkedin|telegram|whatsapp|youtube|tiktok|mastodon|threads)\\b.*",
  ],
  [
    "join únete tritt",
    "(?:join|únete a|tritt) (?:our|unserem|nuestro|el) (?:telegram|whatsapp|signal)[- ]?(?:channel|kanal|canal|group|gruppe|grupo)?\\b.*",
  ],
  [
    "get receive bekommen erhalten",
    "(?:get|receive|bekommen sie|erhalten sie) (?:our|the|unseren|den) (?:free )?(?:newsletter|daily briefing|morning briefing)\\b.*",
  ],
  ["newsletter", "newsletter (?:abonnieren|bestellen)\\b.*"],
  ["inscrivez abonnez", "(?:inscrivez-vous|abonnez-vous) à (?:notre|la) newsletter\\b.*"],
  [
    "*",
    "(?:[^.!?]{0,12} )?(?:(?:nie|nichts|keine?n?)(?: [^\\s.!?]+){0,3} (?:verpassen|versäumen)|never miss a (?:thing|story|beat))\\b.*",
  ],
  // Pleas that ask the reader whether they like the site, then for support.
  ["sie du lesen liest", "(?:sie lesen|du liest|lesen sie|liest du) gerne? [^?]{1,40}\\?.*"],
  [
    "like enjoy love value do",
    "(?:do you )?(?:like|enjoy|love|value) (?:reading )?(?:this (?:site|blog|article|story)|our (?:site|work|journalism|reporting)|what you(?:'re| are) reading)\\?.*",
  ],
  ["have got", "(?:have|got) a (?:news )?tip\\??.*"],
  ["send email share", "(?:send us|email us|share) (?:your )?(?:news )?tips?\\b.*"],
  // Comment policies.
  [
    "comment comments kommentar kommentare",
    "(?:comments?|kommentare?) (?:are|is|werden) (?:moderated|reviewed|pre-moderated|geprüft|moderiert)\\b.*",
  ],
  [
    "read see bitte",
    "(?:read|see|bitte beachten sie) (?:our|unsere) (?:comment(?:ing)?|community) (?:policy|guidelines|standards|regeln)\\b.*",
  ],
  [
    "bitte please",
    "(?:bitte beachten sie|bitte beachte|please read) (?:unsere|our) (?:netiquette|kommentarrichtlinien|house rules)\\b.*",
  ],
  // Share buttons: a line that is only a network's name or a share verb.
  [
    "share teilen partager compartir condividi udostępnij",
    "(?:share|teilen|partager|compartir|condividi|udostępnij)(?: (?:on|auf|sur|en|su|via) (?:facebook|twitter|x|whatsapp|linkedin|e-?mail|telegram|pinterest))?",
  ],
  [
    "facebook twitter whatsapp linkedin xing pinterest telegram reddit email e flipboard tweet pin copy link",
    "(?:facebook|twitter|whatsapp|linkedin|xing|pinterest|telegram|reddit|e-?mail|flipboard|tweet|pin it|copy link|link kopieren|link copied)",
  ],
  // Metadata labels printed in the body, alone or with a short value.
  [
    "von autor autoren autorin author authors by veröffentlicht veröffentlichung aktualisiert published updated release datum date",
    "(?:von|autor|autoren|autorin|author|authors|by|veröffentlicht|veröffentlichung|aktualisiert|published|updated|release date|datum|date)\\s*:?",
  ],
  ["zapraszamy", "zapraszamy (?:(?:też|także|również) )?do (?:subskrypcji|zapisu|obserwowania)\\b.*"],
];
/** What may follow a promo line's words: punctuation and spaces to its end. */
export const PROMO_LINE_TAIL = "[\\s:.!…]*$";
const PROMO_LINE = byOpeningWord(PROMO_LINE_PARTS, PROMO_LINE_TAIL, "i");

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

export const promoLines: Pass = {
  name: "promo-lines",
  run(root, ctx) {
    const sizes = measure(ctx, root);
    for (const el of shortElements(ctx, root, 240, LINE_TAGS)) {
      const m = sizes.get(el)!;
      if (m.hasMedia || isGone(ctx, el) || (m.hasBlock && hasDescendant(el, PARAGRAPH))) continue;
      const text = squash(el.textContent);
      if (!text || text.length > 160 || !standsAlone(el)) continue;
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
