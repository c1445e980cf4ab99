/**
 * Promo blocks (before Readability): containers named like furniture (newsletter sign-ups,
 * "latest videos" and "watch more" blocks, related and most-read lists, share bars, cookie and
 * consent banners, comment teasers), and blocks headed "Related", "Most read", "More from ..."
 * that are mostly links. Readability's own "unlikely candidate" rule misses them whenever their
 * class also says "article" or "content" (`article-related`, `content-share`). Guarded by
 * `looksLikeContent`, so a real section of the story is never taken. The lines a promo is on
 * its own are promo-lines.ts.
 */
import { looksLikeContent, linkTextLength } from "./content-guard.ts";
import { type Pass, describe, isGone, remove } from "./context.ts";
import { squash } from "../whitespace.ts";
import { type Alternative, byOpeningWord } from "../opening-words.ts";
import { elementsByTag, namedElements } from "./scan.ts";

const FURNITURE_WORDS =
  /(?:^|[\s_-])(?:newsletter|newsletters|subscribe|subscription|signup|sign-up|optin|opt-in|related|relatedlinks|related-articles|related-posts|related-stories|related-content|recommended|recommendations|most-read|mostread|most-popular|mostpopular|popular|trending|share|shares|sharing|sharebar|share-bar|sharetools|share-tools|social|social-share|socialshare|social-links|cookie|cookies|consent|gdpr|cmp-banner|cmp-dialog|cmp-message|cmp-wrapper|cmp-root|sp_message|cookiebanner|comments-teaser|comment-teaser|comments-count|read-more|readmore|more-stories|morestories|more-articles|video-promo|latest-videos|watch-more|promo|promos|promotion|breadcrumb|breadcrumbs|app-promo|follow-us|print-button|toolbar|jump-link|author-more|tags|tag-list|taglist|author-box|authorbox|author-bio|about-author|author-info|autorenbox|post-meta|postmeta|postmetadata|post-metadata|entry-meta|entry-footer|post-footer|comment-respond|comments-area|comment-form)(?:$|[\s_-])/i;

/** What may follow a promo heading's words. */
export const PROMO_HEADING_TAIL = "[\\s:.!…]*$";

/** Headings that introduce a list of other stories, in our readers' languages (opens, pattern). */
export const PROMO_HEADING_PARTS: readonly Alternative[] = [
  // English
  ["related", "related(?: (?:stories|articles|posts|content|coverage|news|topics|links|reading))?"],
  ["more", "more (?:from|on|in|about|stories|news|videos|articles|topics)\\b.*"],
  ["most", "most (?:read|popular|viewed|shared|commented)(?: (?:articles|stories|now))?"],
  ["you we", "(?:you|we think you) (?:may|might) (?:also )?(?:like|enjoy|be interested in)"],
  ["recommended", "recommended(?: for you| stories| reading| articles)?"],
  ["read", "read (?:more|next|also)"],
  ["also", "also read"],
  ["trending", "trending(?: now| stories)?"],
  ["latest", "latest (?:news|stories|videos|articles|posts)"],
  ["latest more check watch", "(?:check out |watch )?(?:latest|more) videos.*"],
  ["watch", "watch more"],
  ["top", "top stories"],
  ["popular", "popular (?:now|stories|posts)"],
  ["editors editor", "editor'?s picks"],
  ["sign", "sign up.*newsletter.*"],
  ["get", "get (?:our|the) newsletter.*"],
  ["share", "share (?:this|the) (?:article|story|post)"],
  ["about", "about the author"],
  ["further", "further reading"],
  // German
  ["weitere", "weitere (?:artikel|beiträge|themen|nachrichten|meldungen|tourentipps|links)(?: zum thema)?"],
  [
    "verwandte ähnliche empfohlene beliebte neueste",
    "(?:verwandte|ähnliche|empfohlene|beliebte|neueste) (?:beiträge|artikel|themen|nachrichten)",
  ],
  ["mehr", "mehr (?:zum thema|themen|dazu|aus (?:dem|der) .{1,30}|infos? für dich)"],
  [
    "beiträge artikel meldungen nachrichten news",
    "(?:beiträge|artikel|meldungen|nachrichten|news) zum thema",
  ],
  ["das", "das (?:könnte|dürfte) (?:sie|dich) (?:auch )?interessieren"],
  ["das", "das thema könnte (?:sie|dich) auch interessieren"],
  ["lesen", "lesen sie (?:mehr|hier|auch)"],
  ["auch", "auch lesen"],
  [
    "meistgelesen meistdiskutiert meistkommentiert meistgelesene meistdiskutierte meistkommentierte",
    "meist(?:gelesen|diskutiert|kommentiert)e? (?:artikel|beiträge)?",
  ],
  ["meistgelesen", "meistgelesen"],
  ["auch", "auch interessant"],
  ["weiterführende", "weiterführende links?"],
  ["über", "über den autor"],
  ["über", "über die autorin"],
  ["zum", "zum weiterlesen"],
  ["empfehlungen", "empfehlungen der redaktion"],
  ["top", "top-themen"],
  ["neueste", "neueste beiträge"],
  // French, Italian, Spanish, Portuguese, Polish
  ["à", "à lire aussi"],
  ["lire", "lire aussi"],
  ["sur", "sur le même sujet"],
  ["à", "à voir aussi"],
  ["nos", "nos articles"],
  ["articles", "articles similaires"],
  ["le", "le più lette"],
  ["leggi", "leggi anche"],
  ["potrebbe", "potrebbe interessarti"],
  ["te", "te puede interesar"],
  ["le", "le puede interesar"],
  ["lo", "lo más leído"],
  ["noticias", "noticias relacionadas"],
  ["lea", "lea (?:también|más)"],
  ["vea", "vea también"],
  ["te le también", "(?:también )?(?:te|le) (?:puede|podría) interesar"],
  ["leia", "leia também"],
  ["veja", "veja também"],
  ["mais", "mais lidas"],
  ["czytaj", "czytaj (?:też|także|również)"],
  ["zobacz", "zobacz (?:też|także|również)"],
  ["polecamy", "polecamy"],
];
/** A promo heading: one of the above, then punctuation and spaces to its end (opening-words.ts). */
export const PROMO_HEADING = byOpeningWord(PROMO_HEADING_PARTS, PROMO_HEADING_TAIL, "i");

/**
 * The box about the author under a story: it links to the author by nature (content-guard.ts).
 * Shorter than a biography, a block so named is the byline ("by Jane Roe, May 3").
 */
const AUTHOR_BOX = /^(?:author-box|authorbox|author-bio|about-author|author-info|autorenbox)$/i;
const AUTHOR_BOX_MIN_CHARS = 150;

function furnitureWord(names: string): string | null {
  const m = FURNITURE_WORDS.exec(names);
  return m ? m[0].trim().replace(/^[_-]|[_-]$/g, "") : null;
}

export function linkDensity(el: Element): number {
  const len = squash(el.textContent).length;
  return len === 0 ? 0 : linkTextLength(el) / len;
}

const HEADINGS = ["h2", "h3", "h4", "h5", "h6"] as const;
const NOT_A_CONTAINER = new Set(["body", "html", "main", "article"]);

/**
 * The block a promo heading introduces: the heading's parent, or the grandparent when the
 * parent only wraps the heading (`<header><h3>Related</h3></header><ul>...`).
 */
function blockOf(heading: Element): Element | null {
  let block = heading.parentElement;
  if (block && squash(block.textContent).length <= squash(heading.textContent).length + 2)
    block = block.parentElement;
  return block && !NOT_A_CONTAINER.has(block.localName) ? block : null;
}

export const promoBlocks: Pass = {
  name: "promo-blocks",
  run(root, ctx) {
    for (const { el, names } of namedElements(ctx, root)) {
      if (NOT_A_CONTAINER.has(el.localName)) continue;
      const word = furnitureWord(names);
      const byline = !(
        word &&
        AUTHOR_BOX.test(word) &&
        squash(el.textContent).length >= AUTHOR_BOX_MIN_CHARS
      );
      if (word && !isGone(ctx, el) && !looksLikeContent(el, { memo: ctx, root }, { byline })) {
        remove(ctx, el, "promo", `page furniture (${describe(el)}: "${word}")`);
      }
    }
    for (const tag of HEADINGS) {
      for (const heading of elementsByTag(ctx, root, tag)) {
        const text = squash(heading.textContent);
        if (text.length > 80 || !PROMO_HEADING.test(text) || isGone(ctx, heading)) continue;
        const block = blockOf(heading);
        if (!block) continue;
        const rest = squash(block.textContent).length - text.length;
        // Headed like a promo and made of links (or nothing but the heading): a list of other stories.
        if ((rest < 20 || linkDensity(block) > 0.5) && !looksLikeContent(block, { memo: ctx, root })) {
          remove(ctx, block, "promo", `block headed "${text.slice(0, 40)}"`);
        }
      }
    }
  },
};
