/**
 * Author-name cleaning. Input: raw values as pages write them (meta content, JSON-LD names,
 * byline text from the DOM, Readability's byline). Output: clean, de-duplicated names.
 *
 *   "By Jane Doe and John Roe | Updated 3 hours ago"  -> ["Jane Doe", "John Roe"]
 *   "Par Sébastien Farcis"                             -> ["Sébastien Farcis"]
 *   "https://www.facebook.com/someone"                 -> []
 *   "April 28, 2019 at 6:01 am"                        -> []
 *
 * Splitting is deliberately conservative: a value is split on commas / "and" / "&" only
 * when every resulting part looks like a full name (two words or more, or a CJK name), so
 * "Mac & i", "Barnes & Noble" or "Smith, John" stay whole.
 */

import { onceIfRepeated, unglue } from "./byline-glue.ts";
import { looksLikeDate } from "./dates.ts";
import { comparable, decodeEntities, isUrlLike } from "./text.ts";
import { squash } from "../whitespace.ts";

export interface CleanAuthorsOptions {
  /**
   * The values come from a "Last, First" convention (Dublin Core `DC.creator`,
   * `citation_author`): a single comma does not separate two people.
   */
  lastFirst?: boolean;
  /**
   * The site's own names (og:site_name, publisher...): "Rob Picheta, CNN" on CNN names the
   * employer after the person, not a second author, and that part is dropped.
   */
  siteNames?: readonly string[];
}

const MAX_NAME_LENGTH = 80;
const MAX_NAME_WORDS = 8;

/** Prefixes that are always byline words, never part of a name. */
const BY_PREFIX =
  /^(?:(?:written|posted|reported|words|text|story|article|reporting|published|story\s+and\s+photos?)\s+)?(?:by|par|por|door|av|af|przez|от|автор|author|authors|autor|autores|auteur|auteurs|autore|written|byline)(?:\s*[:\-–—]\s*|\s+|$)/i;

/**
 * Prefixes that are also name particles ("Von der Leyen", "Di Maio", "De Vries", "Da Silva"):
 * stripped only when what follows looks like a full capitalised name.
 */
const PARTICLE_PREFIX = /^(von|di|de|da)\s+(?=\p{Lu})/iu;

const MONTH =
  "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

/** Where a byline stops being a name: dates, update notes, editors, separators. */
const CUT_AT = [
  new RegExp(`\\b${MONTH}\\.?\\s+\\d{1,2}\\b`, "i"), // March 25
  new RegExp(`\\d{1,2}(?:st|nd|rd|th)?\\.?\\s+${MONTH}\\b`, "i"), // 22 Dec (also "Nolan22 Dec")
  /\b\d{4}-\d{1,2}-\d{1,2}\b/, // 2015-03-25
  /\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b/, // 25/03/2015
  /\b\d{1,2}:\d{2}\b/, // 3:46
  /\b(?:last\s+)?(?:updated?|modified|published|posted)(?:\s+on)?\b/i,
  /\b(?:aktualisiert|veröffentlicht|mis à jour|publié le|actualizado|publicado)\b/i,
  /\b(?:edited|photos?|photographs|illustrations?|graphics|video|additional reporting|reviewed|fact[- ]checked|translated)\s+by\b/i,
  // The author link's neighbour: "Jane Roe Alle Artikel", "Jane Roe View all posts".
  /\b(?:(?:view|see|show|zeige)\s+)?(?:alle|all|mehr|more)\s+(?:artikel|beiträge|posts|articles|stories)\b/i,
  // German and French credits for the pictures: "Text von Jane Roe Illustration von John Doe".
  /\b(?:fotos?|bilder?|illustrations?|grafik|photos?)\s+(?:von|de)\b/i,
  // "Gespeichert von Jane Roe am 24. Juli 2017", "Posted by Jane Roe on 3 March": the date after.
  /\s(?:am|on|le|el|il)\s+\d/i,
  /\s[|•·]\s?|\s?[|•·]\s/,
  /\|/,
];

/** Credentials that follow a name ("Brenda Goodman, MA"); dropped. */
const CREDENTIAL = /,?\s+(?:M\.?A|M\.?S|MSc|M\.?D|Ph\.?\s?D|MPH|RN|D\.?O|MBA|J\.?D|Esq)\.?(?=$|[\s,;])/g;

/** Generational suffixes that must stay with the name across a comma ("John Roe, Jr."). */
const SUFFIX = /,\s+(Jr|Sr|II|III|IV)\b\.?/g;

/**
 * Texts bylines often hold that are not names: link labels ("All posts"), a comment form's
 * "Name *", a wiki's collective "Contributors to Wikimedia projects".
 */
const NOT_A_NAME =
  /^(?:contributors\s+to\b|alle\s+(?:beiträge|artikel)|all\s+(?:posts|articles|stories)|follow|share|subscribe|contact|email|e-mail|view\s+(?:all|more|profile)|more\s+(?:from|by|articles)|read\s+more|comments?|staff|admin|administrator|unknown|anonymous|guest|editor|editors|none|null|undefined|n\/a)\b/i;
const FORM_LABEL = /^name\s*(?:\*|\([^)]*\))?$/i;

/** Words of a job title or desk ("Senior Staff Technologist", "BuzzFeed News Reporter"). */
const ROLE =
  /\b(?:reporter|correspondent|editor|writer|columnist|contributor|technologist|producer|analyst|staff|desk|bureau|senior|chief|associate|deputy|managing|professor|director|researcher|photographer|intern|fellow|news service)s?\b/i;

/** Separators between several names; "with/avec/mit" only inside parentheses (see below). */
const SEPARATORS = /\s*(?:,|;|、|，|\s(?:and|&|und|et|y|e|og|och|i|en|ve)\s)\s*/i;

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;

function wordCount(value: string): number {
  return value.split(/\s+/).filter(Boolean).length;
}

/** CJK byline labels: 作者 (author), 记者/記者 (reporter), 文 (text by), 撰文, 筆者. */
const CJK_PREFIX = /^(?:作者|记者|記者|撰文|筆者|著者|文)\s*[:：／/]\s*|^(?:作者|记者|記者)\s+/;

/**
 * "Text von Jane Roe", "Gespeichert von Jane Roe": a German byline's verb before "von"; "Text:
 * Jane Roe", "Verfasserin: Jane Roe": a label.
 */
const VERB_VON =
  /^(?:(?:text|story|geschrieben|verfasst|gespeichert|eingestellt|ein\s+(?:beitrag|artikel))\s+von\s+|(?:text|verfasser|verfasserin|autorin)\s*:\s*)/i;

/** "Von: Jane Roe": with a colon a particle is the byline word, never part of a name. */
const PARTICLE_LABEL = /^(?:von|di|de|da)\s*:\s*/i;

/**
 * An author link's own words around the name: "View all posts by Jane Roe", "Zeige alle
 * Beiträge von Jane Roe →", "More articles from Jane Roe".
 */
const ALL_POSTS_BY =
  /^(?:(?:view|see|read|show|more|zeige|alle|mehr|voir)\s+)?(?:all\s+|alle\s+|tous\s+les\s+)?(?:posts|articles|stories|beiträge|artikel|texte|articles)\s+(?:by|from|von|de)\s+/i;
/** An author box's heading: "About Jane Roe", "Über Jane Roe". */
const ABOUT = /^(?:[Aa]bout|ABOUT|[Üü]ber|ÜBER|[ÀàA]\s+propos\s+de)\s+(?=\p{Lu})/u;
const TRAILING_ARROW = /\s*[→»›>]+\s*$/;

function stripPrefix(value: string): string {
  let v = value;
  for (let i = 0; i < 2; i++) {
    const before = v;
    v = v
      .replace(ALL_POSTS_BY, "")
      .replace(ABOUT, "")
      .replace(VERB_VON, "")
      .replace(PARTICLE_LABEL, "")
      .replace(BY_PREFIX, "")
      .replace(CJK_PREFIX, "")
      .replace(TRAILING_ARROW, "");
    const particle = PARTICLE_PREFIX.exec(v);
    if (particle) {
      const rest = v.slice(particle[0].length);
      // "Von Max Mustermann" -> strip; "Von der Leyen", "Di Maio" -> keep.
      if (wordCount(rest) >= 2 && /^\p{Lu}/u.test(rest)) v = rest;
    }
    if (v === before) break;
  }
  return v.trim();
}

/** A line break ends the byline once it holds a full name ("Jane Doe\nWebMD News"). */
function firstSegment(raw: string): string {
  const lines = raw
    .split(/\r?\n|\r/)
    .map(squash)
    .filter((line) => line !== "");
  if (lines.length <= 1) return lines[0] ?? "";
  let current = lines[0]!;
  for (const line of lines.slice(1)) {
    const name = stripPrefix(current);
    const continues =
      wordCount(name) < 2 ||
      /(?:,|;|&|\band|\bund|\bet|\by)$/i.test(current) ||
      /^(?:,|;|&|and\b|und\b|et\b|y\b)/i.test(line);
    if (!continues) break;
    current = `${current} ${line}`;
  }
  return current;
}

function cutTail(value: string): string {
  let v = value;
  for (const pattern of CUT_AT) {
    const m = pattern.exec(v);
    if (m) v = v.slice(0, m.index);
  }
  return v;
}

function looksLikeName(part: string): boolean {
  if (CJK.test(part)) return part.length >= 2;
  return wordCount(part) >= 2;
}

function isAcceptableName(name: string): boolean {
  if (name === "" || name.length > MAX_NAME_LENGTH || wordCount(name) > MAX_NAME_WORDS) return false;
  if (!/\p{L}/u.test(name)) return false;
  if (isUrlLike(name) || /\S+@\S+\.\S+/.test(name) || name.startsWith("@")) return false;
  if (NOT_A_NAME.test(name) || FORM_LABEL.test(name)) return false;
  if (looksLikeDate(name)) return false;
  if (/^\d/.test(name)) return false;
  return true;
}

function tidyName(value: string): string {
  return value
    .replace(/^(?:and|&|und|et)\s+/i, "")
    .replace(/^[\s,;:：|\-–—·•]+|[\s,;:：|\-–—·•]+$/g, "")
    .trim();
}

/** Cleans one raw author value into zero or more names. */
export function splitAuthor(raw: string, options: CleanAuthorsOptions = {}): string[] {
  let v = firstSegment(unglue(decodeEntities(raw)));
  if (v === "" || isUrlLike(v)) return [];

  // URLs written next to a name: "Bradley M. Kuhn (http://ebb.org/bkuhn/)".
  v = v.replace(/\(\s*(?:[a-z]+:\/\/|www\.)[^)]*\)/gi, " ");
  v = v.replace(/(?:^|\s)(?:[a-z]+:\/\/|www\.)\S+/gi, " ");
  // Social handles next to the name: "Ahiza Garcia @ahiza_garcia".
  v = v.replace(/(?:^|\s)@[\w.]+/g, " ");
  // "Martin Untersinger (avec Damien Leloup et Morgane Tual)": co-authors in parentheses.
  v = v.replace(/\(\s*(?:with|avec|mit|con|com|met)\s+([^)]*)\)/gi, ", $1");
  v = squash(v);

  // "By Jane Doe Jane Doe": the name printed twice, seen once the "By" is gone.
  v = onceIfRepeated(stripPrefix(v));
  v = cutTail(v);
  v = v.replace(SUFFIX, " $1.").replace(/\s+\./g, ".");
  v = v.replace(CREDENTIAL, "");
  v = tidyName(stripPrefix(tidyName(v)));
  if (v === "") return [];

  let parts = [v];
  const singleComma = (v.match(/,/g) ?? []).length === 1 && !/\s(?:and|&|und|et)\s/i.test(v);
  if (!(options.lastFirst && singleComma)) {
    const split = v
      .split(SEPARATORS)
      .map((p) => tidyName(stripPrefix(p)))
      .filter((p) => p !== "");
    // "Jane Doe, Staff Writer": job titles after a name are not more names.
    const sites = new Set((options.siteNames ?? []).map(comparable));
    const names = split.filter((p, i) => i === 0 || !(ROLE.test(p) || sites.has(comparable(p))));
    if (split.length > 1 && (names.length === 1 || names.every(looksLikeName))) parts = names;
  }
  // "Daniel Kahn Gillmor, Senior Staff Technologist, ACLU Speech, Privacy, and Technology
  // Project": unsplittable and too long as a whole, but it starts with the name.
  if (parts.length === 1 && !isAcceptableName(parts[0]!) && v.includes(",")) {
    parts = [tidyName(v.slice(0, v.indexOf(",")))];
  }
  return parts.filter(isAcceptableName);
}

/** Cleans, splits and de-duplicates (case-insensitively) a list of raw author values. */
export function cleanAuthors(values: Iterable<string>, options: CleanAuthorsOptions = {}): string[] {
  const seen = new Set<string>();
  const names: string[] = [];
  for (const raw of values) {
    for (const name of splitAuthor(raw, options)) {
      const key = comparable(name);
      if (seen.has(key)) continue;
      seen.add(key);
      names.push(name);
    }
  }
  return names;
}
