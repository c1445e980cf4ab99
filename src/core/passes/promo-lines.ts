/**
 * Promo lines (after Readability): short paragraphs that are a promo or a piece of the site's
 * machinery on their own ("Also read: ...", "Check out latest videos from ...", a paywall
 * prompt, a legal footer): they look like paragraphs to Readability. The blocks are
 * promo-blocks.ts.
 */
import { type Pass, type PassContext, isGone, remove, standsAlone } from "./context.ts";
import { squash } from "../whitespace.ts";
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
const PROMO_LINE = new RegExp(
  `^(?:${[
    "(?:check out|watch) (?:the )?(?:latest|more) videos?(?: from [^:]{1,40})?",
    "(?:sign up|subscribe|register) (?:now |today |here )?(?:for|to) (?:our|the|my) [^.]{0,60}",
    "subscribe now\\b.*",
    "never miss (?:the latest|a story|an article)\\b.*",
    "to (?:view|read|continue reading) the full (?:story|article),? please (?:subscribe|log ?in|sign in)\\b.*",
    "(?:for the latest|get the latest) [^.]{0,80}download (?:the|our) [^.]{0,40}(?:app)?.*",
    "follow (?:us|[^.]{1,40}) on (?:twitter|facebook|instagram|x|linkedin|telegram|whatsapp)\\b.*",
    "click here to [^.]{1,60}",
    "(?:comments|commenting) (?:are|is) (?:closed|disabled)\\.?",
    "kommentare sind geschlossen\\.?",
    "(?:no|\\d+) comments(?: yet)?\\b.{0,60}",
    "(?:keine|\\d+) kommentare?\\b.{0,60}",
    "this (?:entry|post|article) was (?:posted|published|filed)\\b.*",
    "posted in [^.]{1,80}",
    "filed under:? [^.]{1,80}",
    "(?:category|categories|kategorie|kategorien|tags|schlagwörter|schlagworte|rubrik|ressort|themen) ?:.{0,120}",
    "this site uses akismet\\b.*",
    "diese website verwendet akismet\\b.*",
    "leave a (?:reply|comment)",
    "(?:hinterlasse|schreibe|verfasse) (?:einen|deinen) kommentar",
    "print (?:this )?(?:recipe|article|page)",
    "rezept drucken",
    "artikel drucken",
    "(?:war|ist) (?:der|dieser) (?:artikel|beitrag) (?:nützlich|hilfreich)\\??",
    "(?:möchten|wollen) sie (?:den|diesen) (?:artikel|beitrag) teilen\\??",
    "(?:hier )?(?:können sie|kannst du) (?:den|diesen) (?:artikel|beitrag) bewerten\\b.*",
    "(?:rate|bewerten sie) (?:this|diesen|den) (?:article|post|artikel|beitrag)\\b.*",
    "(?:was|is) this (?:article|post) (?:helpful|useful)\\??",
    "share this(?: article| story| post)?:?",
    "like this:?",
    "gefällt mir:?",
    "teilen mit:?",
    "diesen beitrag teilen:?",
    "artikel teilen:?",
    "(?:lade|lade mehr|weitere|mehr) (?:weitere )?(?:inhalte|beiträge|artikel) (?:laden|anzeigen)?",
    "load more(?: (?:stories|articles|posts|content))?",
    "mehr laden",
    "zurück zur (?:liste|listenansicht|übersicht)",
    "back to (?:top|list|overview)",
    // Skip links: the keyboard's way past the site's header, printed as a line.
    "skip to (?:the )?(?:main )?(?:content|navigation|search|footer|menu|article)",
    "(?:direkt )?(?:zum|zur) (?:hauptinhalt|inhalt|suche|navigation|hauptnavigation|hauptmenü|menü|footer|seitenanfang)(?: (?:springen|wechseln|gehen))?",
    "aller (?:au|à la) (?:contenu|menu|navigation|recherche)(?: principal)?",
    "(?:ir|saltar) (?:al|a la) (?:contenido|navegación|búsqueda)(?: principal)?",
    "(?:vai|salta) al (?:contenuto|menu)(?: principale)?",
    "nach oben",
    "inhaltsverzeichnis(?: (?:anzeigen|ausblenden))?",
    "table of contents",
    "quellen (?:anzeigen|ausblenden)",
    "sie sind (?:aktuell )?nicht eingeloggt\\.?",
    "jetzt (?:abonnieren|registrieren|anmelden)\\b.*",
    "(?:zum|für den|für unseren) newsletter (?:anmelden|registrieren|eintragen)\\b.*",
    "(?:únete|suscríbete|síguenos)\\b.*",
    "abonnez-vous\\b.*",
    // Paywall prompts: the rest of the story is behind a login or a subscription.
    // French papers' paywalls: an invitation to read on by subscribing, "Cet article
    // est réservé aux abonnés", "La suite est réservée aux abonnés".
    "(?:pour|afin de) (?:lire|découvrir|poursuivre|continuer) (?:la suite|votre lecture|à lire|cet article)\\b.*",
    "(?:cet article est|la suite (?:de cet article )?est) réservée? aux abonnés\\b.*",
    "(?:to continue reading|continue reading with|um (?:den artikel )?weiterzulesen|para seguir leyendo|per continuare a leggere)\\b.*",
    "(?:subscribe|sign in|log ?in|register) to (?:continue|read|keep reading|unlock)\\b.*",
    "(?:this|the) (?:article|story|content) is (?:only )?(?:for|available to|reserved for) (?:subscribers|members)\\b.*",
    "(?:already a (?:subscriber|member)|bereits abonnent(?:in)?|déjà abonné|ya (?:eres|soy) suscriptor)\\b.*",
    // Membership and donation pleas.
    "(?:support|unterstützen sie|unterstütze|soutenez|apoya|apoye) (?:our|unseren|unsere|notre|nuestro|el) (?:journalism|journalismus|arbeit|work|journalisme|periodismo)\\b.*",
    "(?:become|werden sie|werde|devenez|hazte) (?:a |an )?(?:member|mitglied|supporter|unterstützer(?:in)?|membre|abonné|miembro|socio)\\b.*",
    // Invitations to follow, to join a channel, to get a newsletter, to send a tip.
    "(?:folgen sie|folge|suivez|síguenos en|seguici su) (?:uns |nous )?(?:auf|sur|en|su)? ?(?:twitter|facebook|instagram|x|linkedin|telegram|whatsapp|youtube|tiktok|mastodon|threads)\\b.*",
    "(?:join|únete a|tritt) (?:our|unserem|nuestro|el) (?:telegram|whatsapp|signal)[- ]?(?:channel|kanal|canal|group|gruppe|grupo)?\\b.*",
    "(?:get|receive|bekommen sie|erhalten sie) (?:our|the|unseren|den) (?:free )?(?:newsletter|daily briefing|morning briefing)\\b.*",
    "newsletter (?:abonnieren|bestellen)\\b.*",
    "(?:inscrivez-vous|abonnez-vous) à (?:notre|la) newsletter\\b.*",
    "(?:[^.!?]{0,12} )?(?:(?:nie|nichts|keine?n?)(?: [^\\s.!?]+){0,3} (?:verpassen|versäumen)|never miss a (?:thing|story|beat))\\b.*",
    // Pleas that ask the reader whether they like the site, then for support.
    "(?:sie lesen|du liest|lesen sie|liest du) gerne? [^?]{1,40}\\?.*",
    "(?:do you )?(?:like|enjoy|love|value) (?:reading )?(?:this (?:site|blog|article|story)|our (?:site|work|journalism|reporting)|what you(?:'re| are) reading)\\?.*",
    "(?:have|got) a (?:news )?tip\\??.*",
    "(?:send us|email us|share) (?:your )?(?:news )?tips?\\b.*",
    // Comment policies.
    "(?:comments?|kommentare?) (?:are|is|werden) (?:moderated|reviewed|pre-moderated|geprüft|moderiert)\\b.*",
    "(?:read|see|bitte beachten sie) (?:our|unsere) (?:comment(?:ing)?|community) (?:policy|guidelines|standards|regeln)\\b.*",
    "(?:bitte beachten sie|bitte beachte|please read) (?:unsere|our) (?:netiquette|kommentarrichtlinien|house rules)\\b.*",
    // Share buttons: a line that is only a network's name or a share verb.
    "(?:share|teilen|partager|compartir|condividi|udostępnij)(?: (?:on|auf|sur|en|su|via) (?:facebook|twitter|x|whatsapp|linkedin|e-?mail|telegram|pinterest))?",
    "(?:facebook|twitter|whatsapp|linkedin|xing|pinterest|telegram|reddit|e-?mail|flipboard|tweet|pin it|copy link|link kopieren|link copied)",
    // Metadata labels printed in the body, alone or with a short value.
    "(?:von|autor|autoren|autorin|author|authors|by|veröffentlicht|veröffentlichung|aktualisiert|published|updated|release date|datum|date)\\s*:?",
    "zapraszamy (?:(?:też|także|również) )?do (?:subskrypcji|zapisu|obserwowania)\\b.*",
  ].join("|")})[\\s:.!…]*$`,
  "i",
);

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
