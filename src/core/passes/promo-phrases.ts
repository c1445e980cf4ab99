/**
 * The phrases of a promo line (promo-lines.ts) and of a row of buttons (button-rows.ts): the
 * site's machinery, asked by the word a line opens with (opening-words.ts).
 */
import { type Alternative, byOpeningWord } from "../opening-words.ts";

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
  // A theme's line of labelled facts: "Posted: 3 May 2024 Categories: Town, Harbour".
  [
    "news date posted published datum veröffentlicht",
    "(?:news date|date|posted(?: on)?|published(?: on)?|datum|veröffentlicht(?: am)?) ?: ?[^:]{4,40}? (?:category|categories|kategorie|kategorien|rubrik|tags|filed under) ?:.{0,120}",
  ],
  ["this", "this site uses akismet\\b.*"],
  ["diese", "diese website verwendet akismet\\b.*"],
  ["leave", "leave a (?:reply|comment)"],
  ["hinterlasse schreibe verfasse", "(?:hinterlasse|schreibe|verfasse) (?:einen|deinen) kommentar"],
  ["print", "print (?:this )?(?:recipe|article|page)"],
  ["rezept", "rezept (?:drucken|speichern|merken)"],
  ["pin save", "(?:pin|save) (?:this )?recipe"],
  ["bei auf", "(?:bei|auf) pinterest (?:speichern|merken|pinnen)"],
  ["jump zum", "(?:jump to recipe|zum rezept springen)"],
  ["artikel", "artikel drucken"],
  ["war ist", "(?:war|ist) (?:der|dieser) (?:artikel|beitrag) (?:nützlich|hilfreich)\\??"],
  ["möchten wollen", "(?:möchten|wollen) sie (?:den|diesen) (?:artikel|beitrag) teilen\\??"],
  [
    "können kannst hier",
    "(?:hier )?(?:können sie|kannst du) (?:den|diesen) (?:artikel|beitrag) bewerten\\b.*",
  ],
  ["rate bewerten", "(?:rate|bewerten sie) (?:this|diesen|den) (?:article|post|artikel|beitrag)\\b.*"],
  ["was is", "(?:was|is) this (?:article|post) (?:helpful|useful)\\??"],
  // Rating widgets' counts and prompts: "(95 Stimmen: 4,73 von 5)", "bei 948 Bewertungen",
  // "3.65 von 1990 Bewertungen", "Click stars to rate", and their "Loading..." while they load.
  [
    "0-9 ( bei",
    "\\(?(?:bei )?\\d+(?:[.,]\\d+)? (?:von \\d+ )?(?:stimmen|votes|ratings|bewertungen)(?: ?: ?\\d+(?:[.,]\\d+)? (?:von|of|out of)(?: of)? \\d+)?\\)?",
  ],
  [
    "sterne click",
    "(?:sterne anklicken zum bewerten|click (?:on )?(?:the )?stars to rate(?: it| this recipe)?)",
  ],
  ["loading wird", "(?:loading|wird geladen)(?:\\.\\.\\.|…)?"],
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
export const PROMO_LINE = byOpeningWord(PROMO_LINE_PARTS, PROMO_LINE_TAIL, "i");
