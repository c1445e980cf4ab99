/**
 * Content shield: article content in the story's flow keeps Readability's hands off it.
 *
 * Readability weighs class and id names: "share", "social", "promo", "related", "media"... count
 * against a block, and enough of them against it makes Readability drop the block from the
 * article however real it is (a table in `div.share-table` between two paragraphs, a video in
 * `div.video-promo`, a photo in `figure.fig--has-shares`). Folio's own passes ask the content
 * guard before every removal (context.ts); Readability cannot be asked, so before it runs this
 * pass takes the misleading names off such blocks: a block that holds what the guard protects
 * (a photo or video, a figure with its caption, a table, a list of text, code, a quotation,
 * math) and stands among the story's paragraphs (its parent or grandparent holds two or more
 * paragraphs of prose). A sidebar's list stands among other widgets, not among paragraphs,
 * and keeps its names. Only attributes change; no element is added or removed.
 */
import type { Pass } from "./context.ts";
import { protectedContent } from "./content-guard.ts";
import { namedElements } from "./scan.ts";

/**
 * The words Readability 0.6 holds against a block (its `unlikelyCandidates` and `negative`
 * patterns), as whole words between separators so that "shares" and "share-table" match and
 * "shareholder" does not.
 */
const READABILITY_NEGATIVE =
  /(?:^|[\s_-])(?:ad|ai2html|banner|breadcrumbs|combx|comment|comments|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|sponsored|supplemental|agegate|pagination|pager|popup|yom-remote|hidden|hid|com|contact|masthead|media|meta|outbrain|promo|scroll|share|shares|sharing|shopping|tags|widget)(?:$|[\s_-])/i;

const PROSE_CHARS = 120;

/** Whether `el` holds at least two paragraphs of prose as its own children. */
export function holdsParagraphs(el: Element | null): boolean {
  if (!el) return false;
  let prose = 0;
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
    if (c.localName === "p" && (c.textContent ?? "").trim().length >= PROSE_CHARS && ++prose >= 2)
      return true;
  }
  return false;
}

export const contentShield: Pass = {
  name: "content-shield",
  run(root, ctx) {
    // Asked once per parent: the siblings of a long list (a comment thread's 20,000 entries,
    // each named "comment") share it, and asking for each would be quadratic.
    const answers = new Map<Element, boolean>();
    const holds = (el: Element | null): boolean => {
      if (!el) return false;
      const known = answers.get(el);
      if (known !== undefined) return known;
      const answer = holdsParagraphs(el);
      answers.set(el, answer);
      return answer;
    };
    for (const { el, names } of namedElements(ctx, root)) {
      if (!root.contains(el) || !READABILITY_NEGATIVE.test(names)) continue;
      const parent = el.parentElement;
      if (!holds(parent) && !holds(parent?.parentElement ?? null)) continue;
      if (!protectedContent(el, { prose: false })) continue;
      el.removeAttribute("class");
      el.removeAttribute("id");
    }
  },
};
