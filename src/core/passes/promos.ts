/**
 * Promos and page furniture: newsletter sign-ups, "latest videos" and "watch more" blocks,
 * related and most-read lists, share bars, cookie and consent banners, comment teasers.
 * Readability's own "unlikely candidate" rule misses them whenever their class also says
 * "article" or "content" (`article-related`, `content-share`), and inline promo lines
 * ("Also read: ...", "Check out latest videos from ...") look like paragraphs to it.
 *
 *  - `promoBlocks` (before Readability): containers named like furniture, and blocks headed
 *    "Related", "Most read", "More from ..." that are mostly links. Guarded by
 *    `looksLikeContent`, so a real section of the story is never taken.
 *  - `promoLines` (after Readability): short paragraphs that are a promo on their own.
 */
import { looksLikeContent, linkTextLength } from "./content-guard.ts";
import { type Pass, describe, isGone, remove, squash, standsAlone } from "./context.ts";
import { measure, shortElements } from "./measure.ts";
import { namedElements } from "./scan.ts";

const FURNITURE_WORDS =
  /(?:^|[\s_-])(?:newsletter|newsletters|subscribe|subscription|signup|sign-up|optin|opt-in|related|relatedlinks|related-articles|related-posts|related-stories|related-content|recommended|recommendations|most-read|mostread|most-popular|mostpopular|popular|trending|share|shares|sharing|sharebar|share-bar|sharetools|share-tools|social|social-share|socialshare|social-links|cookie|cookies|consent|gdpr|cmp-banner|cmp-dialog|cmp-message|cmp-wrapper|cmp-root|sp_message|cookiebanner|comments-teaser|comment-teaser|comments-count|read-more|readmore|more-stories|morestories|more-articles|video-promo|latest-videos|watch-more|promo|promos|promotion|breadcrumb|breadcrumbs|app-promo|follow-us|print-button|toolbar|jump-link|author-more|tags|tag-list|taglist)(?:$|[\s_-])/i;

/** Headings that introduce a list of other stories, in our readers' languages. */
const PROMO_HEADING =
  /^(?:related(?: (?:stories|articles|posts|content|coverage|news|topics|links))?|more (?:from|on|in|about|stories|news|videos)\b.*|most (?:read|popular|viewed|shared)|(?:you|we think you) (?:may|might) (?:also )?(?:like|enjoy)|recommended(?: for you| stories| reading)?|read (?:more|next|also)|also read|trending(?: now)?|latest (?:news|stories|videos)|(?:check out |watch )?(?:latest|more) videos.*|watch more|top stories|popular (?:now|stories)|editor'?s picks|sign up.*newsletter.*|get (?:our|the) newsletter.*|share (?:this|the) (?:article|story|post)|weitere artikel|mehr zum thema|das könnte sie auch interessieren|lesen sie auch|meistgelesen|auch interessant|à lire aussi|lire aussi|sur le même sujet|le più lette|leggi anche|te puede interesar|lo más leído|noticias relacionadas)[\s:.!…]*$/i;

function furnitureWord(names: string): string | null {
  const m = FURNITURE_WORDS.exec(names);
  return m ? m[0].trim().replace(/^[_-]|[_-]$/g, "") : null;
}

function linkDensity(el: Element): number {
  const len = squash(el.textContent).length;
  return len === 0 ? 0 : linkTextLength(el) / len;
}

const HEADINGS = ["h2", "h3", "h4", "h5", "h6"];
const NOT_A_CONTAINER = new Set(["body", "html", "main", "article"]);

/**
 * The block a promo heading introduces: the heading's parent, or the grandparent when the
 * parent only wraps the heading (`<header><h3>Related</h3></header><ul>...`).
 */
function blockOf(heading: Element): Element | null {
  let block = heading.parentElement;
  if (block && squash(block.textContent).length <= squash(heading.textContent).length + 2) block = block.parentElement;
  return block && !NOT_A_CONTAINER.has(block.localName) ? block : null;
}

export const promoBlocks: Pass = {
  name: "promo-blocks",
  run(root, ctx) {
    for (const { el, names } of namedElements(root)) {
      if (NOT_A_CONTAINER.has(el.localName)) continue;
      const word = furnitureWord(names);
      if (word && !isGone(el) && !looksLikeContent(el)) {
        remove(ctx, el, "promo", `page furniture (${describe(el)}: "${word}")`);
      }
    }
    for (const tag of HEADINGS) {
      for (const heading of Array.from(root.getElementsByTagName(tag))) {
        const text = squash(heading.textContent);
        if (text.length > 80 || !PROMO_HEADING.test(text) || isGone(heading)) continue;
        const block = blockOf(heading);
        if (!block) continue;
        const rest = squash(block.textContent).length - text.length;
        // Headed like a promo and made of links (or nothing but the heading): a list of other stories.
        if ((rest < 20 || linkDensity(block) > 0.5) && !looksLikeContent(block)) {
          remove(ctx, block, "promo", `block headed "${text.slice(0, 40)}"`);
        }
      }
    }
  },
};

/** Lines that are a promo on their own: a call to watch, follow, subscribe or read elsewhere. */
const PROMO_LINE =
  /^(?:(?:check out|watch) (?:the )?(?:latest|more) videos?(?: from [^:]{1,40})?|(?:also|read) (?:read|more|also)|read next|related|recommended|sign up (?:for|to) (?:our|the) [^.]{0,40}newsletter[^.]{0,60}|subscribe to (?:our|the) [^.]{0,40}newsletter[^.]{0,40}|follow us on [^.]{1,60}|click here to [^.]{1,60}|lesen sie auch|mehr zum thema|auch interessant|lire aussi|à lire aussi|leggi anche)[\s:.!…]*$/i;

/** "Also read: <link>" — a label followed by nothing but a link. */
const PROMO_LEAD = /^(?:also read|read more|read also|read next|related|see also|more|lesen sie auch|mehr zum thema|auch interessant|lire aussi|à lire aussi|leggi anche|lee también|leia também)\s*[:|»>–-]/i;

const LINE_TAGS = new Set(["p", "div", "h2", "h3", "h4", "h5", "h6", "strong", "li", "span"]);

export const promoLines: Pass = {
  name: "promo-lines",
  run(root, ctx) {
    const sizes = measure(root);
    for (const el of shortElements(root, 240, LINE_TAGS)) {
      const m = sizes.get(el)!;
      if (m.hasMedia || isGone(el) || (m.hasBlock && el.getElementsByTagName("p").length > 0)) continue;
      const text = squash(el.textContent);
      if (!text || text.length > 160 || !standsAlone(el)) continue;
      if (PROMO_LINE.test(text)) {
        remove(ctx, el, "promo", "promo line");
      } else if (PROMO_LEAD.test(text) && linkTextLength(el) >= (text.length - 20) * 0.6 && el.querySelector("a")) {
        remove(ctx, el, "promo", "link to another story");
      }
    }
  },
};
