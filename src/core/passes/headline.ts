/**
 * The header, once. Folio shows headline, standfirst, byline and date in its own header, so
 * when Readability's article starts by repeating them (the headline as a heading, the dek as
 * the first paragraph, a "By ..." line, an "Updated ... IST" stub) the reader would see them
 * twice. Only the first few blocks of the article are looked at: a sentence deep in the story
 * that happens to match is the story's own.
 *
 * The standfirst removed here is the article's `subtitle`, which the header and Markdown show.
 */
import { isGone, type Pass, remove, standsAlone } from "./context.ts";
import { squash } from "../whitespace.ts";
import { elementsInOrder, measure } from "./measure.ts";

const HEAD_BLOCKS = new Set(["h1", "h2", "h3", "h4", "h5", "h6", "p", "div", "span", "time", "address"]);
const TAIL_BLOCKS = new Set(["p", "div", "span", "time", "small", "em", "strong", "h5", "h6"]);
const LOOK_AT_FIRST = 8;

function normal(text: string | null | undefined): string {
  return squash(text)
    .toLowerCase()
    .replace(/[“”"'‘’«»„]/g, "")
    .replace(/[\s.:;,!?–—-]+$/, "");
}

/**
 * "By Jane Doe", "Jane Doe, DHNS", "Von Jane Doe", "Text: Jane Doe" and alike: the byline and
 * nothing else (the label words are those of a printed byline, metadata/byline.ts), or the
 * byline and its date.
 */
function isBylineLine(text: string, authors: string[]): boolean {
  if (authors.length === 0 || text.length > 160) return false;
  const line = ` ${normal(text).replace(/[,;|·•/]/g, " ")} `;
  let rest = line;
  for (const author of authors) rest = rest.replace(` ${normal(author)} `, " ");
  if (rest === line) return false; // no author named: "and" alone is not a byline
  rest = rest.replace(
    /\b(?:by|von|par|por|di|and|und|et|y|e|with|the|staff|reporter|correspondent|writer|dhns|pti|ians|ap|afp|reuters|dpa|ani|text|words|story|written|posted|reported|autor|autorin|author|verfasser|verfasserin|auteur)\b/g,
    " ",
  );
  if (normal(text) === "") return false;
  if (rest.replace(/[\s,&|/·•]+/g, "").length === 0) return true;
  // The byline with its date: "von Jane Doe am 3. Mai 2024, 15:40 Uhr", "By Jane Doe on May 3, 2024".
  const date = rest.replace(/\b(?:on|at|um|le|el|den)\b/g, " ").trim();
  return /\d/.test(date) && DATE_ONLY.test(date);
}

const MONTH =
  "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december|januar|februar|märz|mai|juni|juli|oktober|dezember|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre";
const ZONE = "ist|gmt|utc|est|edt|cst|cdt|pst|pdt|cet|cest|bst|uhr|am|pm";
const WEEKDAY =
  "mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag";

/**
 * "Last Updated IST", "Updated: 24 Aug 2021", "(Published 24 August 2021, 23:01 IST)": a
 * keyword followed by nothing but date words. "Updated rules take effect" is a sentence.
 */
const DATE_KEYWORD =
  "(?:last )?(?:updated|published|posted|modified|created|aktualisiert|veröffentlicht|publiziert|erstellt|geändert|stand|mis à jour|publié|actualizado|publicado|aggiornato|pubblicato)(?:\\s+(?:on|at|am|le|:))?" +
  // The same labels as nouns: "Veröffentlichung: 2. Februar 2022", "Date: 03/04/2021".
  "|(?:publication|release|news|post|erscheinungs|veröffentlichungs)?\\s?(?:date|datum)\\s*:|(?:veröffentlichung|publikation|aktualisierung|publication|mise à jour|publicación)\\s*:";
const DATE_WORDS = `(?:[\\s,.:/+()|-]|\\d|\\b(?:${MONTH}|${ZONE}|${WEEKDAY})\\b\\.?)*`;
/** One or more labelled dates in a row ("Publiziert: 03.04.2020 Aktualisiert: 11.04.2020"). */
const DATE_STUB = new RegExp(`^\\(?(?:(?:${DATE_KEYWORD})${DATE_WORDS})+$`, "i");

/** "14 March 2024", "18.06.2024, 14.30 Uhr", "Aug 24, 2021 11:01 PM": a date and nothing else. */
const DATE_ONLY = new RegExp(`^(?:[\\s,.:/+()-]|\\d|\\b(?:${MONTH}|${ZONE}|${WEEKDAY})\\b\\.?)+$`, "i");

function isLabelledDate(text: string): boolean {
  return text.length <= 80 && DATE_STUB.test(text) && /\d/.test(text);
}

/**
 * A `<time>` can hold a duration as well as a date (HTML's duration string, "PT15M"; schema.org's
 * cookTime, prepTime, totalTime, duration, timeRequired): a recipe's "15 – 30 Min", a video's
 * length. That is the article's content, not its date line.
 */
const DURATION_PROP = /\b(?:cook|prep|perform|total|wait)time\b|\bduration\b|\btimerequired\b/i;
const DURATION_WORDS =
  /\d\s*(?:min|mins|minutes?|minuten|std|stunden?|hrs?|hours?|h|sek|sec|seconds?|sekunden)\b/i;

/** Whether `el` is, or holds, a `<time>` of a duration rather than a date. */
function isDuration(el: Element, text: string): boolean {
  const time = el.localName === "time" ? el : el.querySelector("time");
  return (
    time !== null &&
    (/^\s*P/i.test(time.getAttribute("datetime") ?? "") ||
      DURATION_PROP.test(time.getAttribute("itemprop") ?? "") ||
      DURATION_WORDS.test(text))
  );
}

function isDateLine(el: Element, text: string): boolean {
  if (text.length > 80) return false;
  if (DATE_STUB.test(text)) return true;
  // A bare date: only when it has digits, so a lone month name in a heading is not taken.
  if (!/\d/.test(text) || isDuration(el, text)) return false;
  return DATE_ONLY.test(text) || (el.localName === "time" && text.length <= 40);
}

const PICTURES = "img, picture, video, audio, iframe, canvas, object, embed";

/** Whether the media below `el` are only drawn icons (inline `<svg>`), no picture or player. */
function onlyIcons(el: Element): boolean {
  return el.querySelector(PICTURES) === null;
}

export const headline: Pass = {
  name: "headline",
  run(root, ctx) {
    const title = normal(ctx.title);
    const subtitle = normal(ctx.subtitle);
    let looked = 0;
    const sizes = measure(ctx, root);
    const order = elementsInOrder(ctx, root);
    const isLeaf = (el: Element): boolean => {
      const m = sizes.get(el)!;
      return !m.hasBlock && !m.hasMedia && m.textLength <= 400 && !isGone(ctx, el);
    };
    // An icon drawn beside a labelled date (a clock's <svg>) does not make the line media; a
    // bare time beside an icon may be a video's length ("8:09" over a play button).
    const isLabelledDateWithIcon = (el: Element, raw: string): boolean => {
      const m = sizes.get(el)!;
      return !m.hasBlock && m.hasMedia && onlyIcons(el) && !isGone(ctx, el) && isLabelledDate(raw);
    };
    for (const el of order) {
      if (looked >= LOOK_AT_FIRST) break;
      if (!HEAD_BLOCKS.has(el.localName) || !isLeaf(el)) continue;
      const raw = squash(el.textContent);
      if (!raw) continue;
      looked++;
      const text = normal(raw);
      if (title && text === title && /^h[1-6]$/.test(el.localName)) {
        remove(ctx, el, "headline", "headline repeated in the body", "copy");
      } else if (subtitle && text === subtitle) {
        remove(ctx, el, "headline", "standfirst repeated in the body", "copy");
      } else if (isBylineLine(raw, ctx.authors)) {
        remove(ctx, el, "headline", "byline repeated in the body", "copy");
      } else if (isDateLine(el, raw)) {
        remove(ctx, el, "headline", "date line repeated in the body", "copy");
      }
    }
    // Date and byline lines elsewhere: a publication line often closes the story ("(Published
    // 24 August 2021, 23:01 IST)"), CMS templates print "Aktualisiert: 03.04.2020" between
    // blocks and the author's name under the story. A block that is nothing but a date or the
    // authors' names is never the story's prose (list items and table cells are left alone: a
    // timeline's dates are content).
    for (const el of order) {
      // Both tests below want a block without blocks that is still there: asked first, so the
      // text of the big blocks is not read.
      if (!TAIL_BLOCKS.has(el.localName) || sizes.get(el)!.hasBlock || isGone(ctx, el)) continue;
      const raw = squash(el.textContent);
      if (!raw || !(isLeaf(el) || isLabelledDateWithIcon(el, raw)) || !standsAlone(el)) continue;
      if (isDateLine(el, raw)) remove(ctx, el, "headline", "date line", "text");
      else if (isBylineLine(raw, ctx.authors)) remove(ctx, el, "headline", "byline line", "text");
    }
  },
};
