/**
 * "Cleaned" in people's words: the removals of an article grouped by what they were for a
 * reader ("3 ad slots", "Newsletter sign-up"), each group with a short preview or two of the
 * words that went. Never a selector, an id, a class or script text: the core's reasons name
 * those for the command line's `--explain`; here they only decide the group. Pure (no DOM).
 * `cleanedSummary` is the one line over the groups ("Cleaned: 3 ads, 1 promo").
 */
import type { Removal, RemovalKind } from "../core/types.ts";
import { formatNumber } from "../library/format.ts";

export interface CleanedGroup {
  /** "3 ad slots", "Newsletter sign-up", "2 share bars". */
  label: string;
  count: number;
  /** Up to two short quotes of the removed text, as the reader saw it. */
  previews: string[];
}

/** A kind of thing a reader recognises: singular and plural. */
type Noun = readonly [string, string];

/** Furniture words (from class names, see promos.ts) as readers call the thing. */
const FURNITURE: readonly [RegExp, Noun][] = [
  [/newsletter|subscri|sign-?up|opt-?in/, ["newsletter sign-up", "newsletter sign-ups"]],
  [/share|social|sharing/, ["share bar", "share bars"]],
  [/cookie|consent|gdpr|cmp|sp_message/, ["cookie notice", "cookie notices"]],
  [
    /related|recommend|more-?(?:stories|articles)|read-?more/,
    ["list of related stories", "lists of related stories"],
  ],
  [/most-?read|popular|trending/, ["most-read list", "most-read lists"]],
  [/video|watch/, ["video promo", "video promos"]],
  [/comment/, ["comment box", "comment boxes"]],
  [/breadcrumb/, ["breadcrumb trail", "breadcrumb trails"]],
  [/author|autoren/, ["author box", "author boxes"]],
  [/tag/, ["tag list", "tag lists"]],
  [/meta|footer/, ["post footer", "post footers"]],
  [/follow/, ["follow-us box", "follow-us boxes"]],
  [/app-promo|promo/, ["promo", "promos"]],
];

/** Reasons of the core (see src/core/passes) as readers call what went. */
const REASONS: readonly [RegExp, Noun][] = [
  [/^ad (?:slot|container)|picture (?:labelled|captioned) as an ad/, ["ad slot", "ad slots"]],
  [/^line marked as an ad/, ["ad line", "ad lines"]],
  [/^ad label/, ["ad label", "ad labels"]],
  [/^biography under/, ["author biography", "author biographies"]],
  [/^promo line/, ["promo line", "promo lines"]],
  [/legal footer/, ["legal footer", "legal footers"]],
  [/error message/, ["server error message", "server error messages"]],
  [/bracketed plug|link to another story/, ["link to another story", "links to other stories"]],
  [/^(?:block headed|heading|links under)/, ["list of other stories", "lists of other stories"]],
  [/screen readers/, ["text for screen readers only", "texts for screen readers only"]],
  [
    /credit line printed twice|caption printed twice|copy of a visible caption/,
    ["repeated caption", "repeated captions"],
  ],
  [/label over a picture/, ["label over a picture", "labels over pictures"]],
  [
    /caption of a picture that is not there/,
    ["caption without its picture", "captions without their pictures"],
  ],
  [/^photo credit/, ["photo credit", "photo credits"]],
  [/author's photo/, ["author photo", "author photos"]],
  [/headline repeated/, ["repeated headline", "repeated headlines"]],
  [/standfirst repeated/, ["repeated summary", "repeated summaries"]],
  [/byline repeated/, ["repeated byline", "repeated bylines"]],
  [/date line/, ["repeated date", "repeated dates"]],
  [/noscript|placeholder image/, ["image placeholder", "image placeholders"]],
  [/block left empty/, ["empty block", "empty blocks"]],
];

/** When no reason matches (an older or newer core): by kind. */
const BY_KIND: Record<string, Noun> = {
  ad: ["ad slot", "ad slots"],
  "ad-label": ["ad label", "ad labels"],
  promo: ["promo", "promos"],
  caption: ["repeated caption", "repeated captions"],
  credit: ["photo credit", "photo credits"],
  "lazy-image": ["image placeholder", "image placeholders"],
  headline: ["repeated header line", "repeated header lines"],
  hidden: ["hidden text", "hidden texts"],
  empty: ["empty block", "empty blocks"],
};

/** Groups a reader wants a preview of (the words say what the thing was). */
const PREVIEWED =
  /newsletter|promo|related|most-read|other stor|author bio|comment|ad line|ad label|cookie|credit/;

/** What a removal was, for a reader: from the core's reason, else from its kind. */
function nounFor(r: Removal): Noun {
  const reason = r.reason.toLowerCase();
  const furniture = /^page furniture \(.*: "([^"]*)"\)$/.exec(reason)?.[1];
  if (furniture !== undefined) {
    for (const [pattern, noun] of FURNITURE) if (pattern.test(furniture)) return noun;
    return ["promo", "promos"];
  }
  for (const [pattern, noun] of REASONS) if (pattern.test(reason)) return noun;
  return BY_KIND[r.kind] ?? ["removed block", "removed blocks"];
}

/**
 * Whether removed text reads as words a person wrote, not as code or markup: script text
 * (`/*<![CDATA[*\/ if (window.x) {`), CSS, JSON, selectors (`div#slot`, `.ad-top`), URLs.
 */
export function readsAsProse(text: string): boolean {
  if (text.length < 3) return false;
  if (
    /[{}<>;=\\|^`]|\/\*|\*\/|\[\]|\(\)|=>|&&|\|\||\bfunction\b|\bvar\b|\bconst\b|\bwindow\.|\bdocument\./i.test(
      text,
    )
  )
    return false;
  if (/#[\w-]|(?:^|\s)\.[a-z_-]/i.test(text)) return false; // #id, .class
  if (/\b(?:div|span|section|aside|ul|li|ins|iframe|figure|header|footer|nav|article)\.[\w-]/i.test(text))
    return false; // div.ad-slot
  if (/https?:\/\/|www\.\w/i.test(text)) return false;
  const letters = (text.match(/\p{L}/gu) ?? []).length;
  return letters / text.length >= 0.6;
}

/** A preview: the first words, at most `max` characters, cut at a word, with an ellipsis. */
export function preview(text: string, max = 48): string {
  const t = text.replace(/\s+/g, " ").trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:–—-]+$/, "")} …`;
}

/** The removals as a reader's list: groups in order of first appearance, counted, previewed. */
export function cleanedGroups(removed: readonly Removal[], locale?: string): CleanedGroup[] {
  const groups = new Map<string, { noun: Noun; count: number; previews: string[] }>();
  for (const r of removed) {
    const noun = nounFor(r);
    let group = groups.get(noun[0]);
    if (!group) {
      group = { noun, count: 0, previews: [] };
      groups.set(noun[0], group);
    }
    group.count++;
    const text = (r.text ?? "").trim();
    if (group.previews.length < 2 && PREVIEWED.test(noun[0]) && readsAsProse(text)) {
      const shown = preview(text);
      if (!group.previews.includes(shown)) group.previews.push(shown);
    }
  }
  const number = (n: number) => (locale ? n.toLocaleString(locale) : String(n));
  return [...groups.values()].map(({ noun, count, previews }) => ({
    label: count === 1 ? capitalise(noun[0]) : `${number(count)} ${noun[1]}`,
    count,
    previews,
  }));
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** How each kind of removal is named in the summary: singular, plural. */
const KIND_NAMES: Record<RemovalKind, [string, string]> = {
  ad: ["ad", "ads"],
  "ad-label": ["ad label", "ad labels"],
  promo: ["promo", "promos"],
  caption: ["repeated caption", "repeated captions"],
  credit: ["photo credit", "photo credits"],
  "lazy-image": ["image placeholder", "image placeholders"],
  headline: ["repeated header line", "repeated header lines"],
  hidden: ["hidden text", "hidden texts"],
  empty: ["empty block", "empty blocks"],
};

export function kindName(kind: RemovalKind, count = 1): string {
  const names = KIND_NAMES[kind] ?? [kind, `${kind}s`];
  return count === 1 ? names[0] : names[1];
}

/** The order of kinds in the summary: what readers care about most first. */
const KIND_ORDER = Object.keys(KIND_NAMES) as RemovalKind[];

/** "Cleaned: 3 ads, 1 repeated caption, 1 promo", or null when nothing was removed. */
export function cleanedSummary(removed: readonly Removal[], locale?: string): string | null {
  if (removed.length === 0) return null;
  const counts = new Map<RemovalKind, number>();
  for (const r of removed) counts.set(r.kind, (counts.get(r.kind) ?? 0) + 1);
  const rank = (kind: RemovalKind) => {
    const i = KIND_ORDER.indexOf(kind);
    return i < 0 ? KIND_ORDER.length : i;
  };
  const parts = [...counts]
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([kind, n]) => `${formatNumber(n, locale)} ${kindName(kind, n)}`);
  return `Cleaned: ${parts.join(", ")}`;
}
