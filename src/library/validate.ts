/**
 * The one definition of a valid saved article, used both when the extension saves an article
 * and when a backup is imported (whose content is foreign data until proven otherwise).
 *
 * Every field of `SavedArticle` has a check: its type, and a length cap so a hostile or broken
 * file cannot fill the disk or freeze the page. The field table is typed against `Article`, so a
 * field added to the core's article fails to compile here until the library learns to keep it.
 * A check answers with a sentence fragment naming the field ("title must be text"); callers
 * prefix where it happened ("Article 12: ..."). `readRecord` also copies the record, keeping only
 * known fields, so what is stored is plain data the library defined.
 */
import { FIELD_LIMITS } from "../core/limits.ts";
import type { Article, RemovalKind } from "../core/types.ts";
import { normalizeUrl } from "./keys.ts";
import type { SavedArticle } from "./record.ts";

/**
 * Length caps, in characters (UTF-16 code units): the core's own limits (src/core/limits.ts),
 * which it applies when it builds an article, so every article the core makes can be saved.
 */
export const LIMITS = FIELD_LIMITS;

/** The largest wordCount / readingTimeMinutes accepted. */
const MAX_COUNT = 100_000_000;
/** Epoch milliseconds that `new Date()` accepts. */
const MAX_TIME = 8.64e15;

const REMOVAL_KINDS_SET = {
  ad: true,
  "ad-label": true,
  caption: true,
  credit: true,
  promo: true,
  "lazy-image": true,
  headline: true,
  hidden: true,
  empty: true,
} satisfies Record<RemovalKind, true>;
export const REMOVAL_KINDS = Object.keys(REMOVAL_KINDS_SET) as RemovalKind[];

type Check = (value: unknown, name: string) => string | null;

const count = (n: number) => n.toLocaleString("en-US");

function text(max: number): Check {
  return (value, name) => {
    if (typeof value !== "string") return `${name} must be text`;
    if (value.length > max) {
      return `${name} is too long (${count(value.length)} characters; at most ${count(max)})`;
    }
    return null;
  };
}

/** null, or missing (older or hand-made records), or what `check` accepts. */
function optional(check: Check): Check {
  return (value, name) => (value === null || value === undefined ? null : check(value, name));
}

function number(max: number, integer: boolean): Check {
  return (value, name) => {
    if (typeof value !== "number" || !Number.isFinite(value)) return `${name} must be a number`;
    if (value < 0 || value > max) return `${name} is out of range (${value})`;
    if (integer && !Number.isInteger(value)) return `${name} must be a whole number`;
    return null;
  };
}

/**
 * An article's address: a web page's (http or https). A record is never keyed by a
 * `javascript:`, `data:`, `file:` or browser-internal address, whether saved or imported.
 */
const url: Check = (value, name) => {
  const problem = text(LIMITS.url)(value, name);
  if (problem) return problem;
  const key = normalizeUrl(value as string);
  if (!key) return `${name} is not a valid web address`;
  return /^https?:/i.test(key) ? null : `${name} is not a web address (only http and https are kept)`;
};

function list(max: number, item: Check): Check {
  return (value, name) => {
    if (!Array.isArray(value)) return `${name} must be a list`;
    if (value.length > max)
      return `${name} has too many entries (${count(value.length)}; at most ${count(max)})`;
    for (let i = 0; i < value.length; i++) {
      const problem = item(value[i], `${name}[${i}]`);
      if (problem) return problem;
    }
    return null;
  };
}

function object(fields: Record<string, Check>): Check {
  return (value, name) => {
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      return name ? `${name} must be an object` : "it is not an article object";
    }
    const record = value as Record<string, unknown>;
    for (const [key, check] of Object.entries(fields)) {
      const problem = check(record[key], name ? `${name}.${key}` : key);
      if (problem) return problem;
    }
    return null;
  };
}

const removalKind: Check = (value, name) =>
  typeof value === "string" && Object.hasOwn(REMOVAL_KINDS_SET, value)
    ? null
    : `${name} must be one of ${REMOVAL_KINDS.join(", ")}`;

const dir: Check = (value, name) =>
  value === "ltr" || value === "rtl" ? null : `${name} must be "ltr" or "rtl"`;

const boolean: Check = (value, name) => (typeof value === "boolean" ? null : `${name} must be true or false`);

/** Required: a missing field is named as missing rather than as the wrong type. */
function required(check: Check): Check {
  return (value, name) => (value === undefined ? `${name} is missing` : check(value, name));
}

const ARTICLE_FIELDS: Record<keyof Omit<Article, "markdown">, Check> = {
  url: required(url),
  pageUrl: optional(url),
  title: required(text(LIMITS.title)),
  subtitle: optional(text(LIMITS.subtitle)),
  byline: optional(text(LIMITS.byline)),
  authors: optional(list(LIMITS.authors, text(LIMITS.author))),
  siteName: optional(text(LIMITS.siteName)),
  publishedTime: optional(text(LIMITS.time)),
  modifiedTime: optional(text(LIMITS.time)),
  lang: optional(text(LIMITS.lang)),
  dir: optional(dir),
  excerpt: optional(text(LIMITS.excerpt)),
  leadImage: optional(
    object({
      url: required(text(LIMITS.url)),
      alt: optional(text(LIMITS.imageText)),
      caption: optional(text(LIMITS.imageText)),
    }),
  ),
  content: required(text(LIMITS.content)),
  textContent: required(text(LIMITS.textContent)),
  wordCount: required(number(MAX_COUNT, true)),
  readingTimeMinutes: required(number(MAX_COUNT, false)),
  readerable: optional(boolean),
  removed: optional(
    list(
      LIMITS.removed,
      object({
        kind: required(removalKind),
        reason: required(text(LIMITS.removalText)),
        text: required(text(LIMITS.removalText)),
      }),
    ),
  ),
};

const RECORD_FIELDS: Record<keyof SavedArticle, Check> = {
  ...ARTICLE_FIELDS,
  markdown: required(text(LIMITS.markdown)),
  savedAt: required(number(MAX_TIME, true)),
  updatedAt: required(number(MAX_TIME, true)),
};

const checkArticleObject = object(ARTICLE_FIELDS);
const checkRecordObject = object(RECORD_FIELDS);

/** What is wrong with `value` as a core article (its markdown aside), or null. */
export function checkArticle(value: unknown): string | null {
  return checkArticleObject(value, "");
}

/** What is wrong with `value` as a saved article, or null. */
export function checkRecord(value: unknown): string | null {
  return checkRecordObject(value, "");
}

export type ReadRecord = { ok: true; record: SavedArticle } | { ok: false; message: string };

/**
 * `value` as a clean saved article: checked, copied field by field (unknown fields dropped,
 * missing optional fields null) and keyed by its normalised URL.
 */
export function readRecord(value: unknown): ReadRecord {
  const problem = checkRecord(value);
  if (problem) return { ok: false, message: problem };
  const v = value as SavedArticle;
  const lead = v.leadImage;
  const record: SavedArticle = {
    url: normalizeUrl(v.url)!,
    ...(v.pageUrl ? { pageUrl: v.pageUrl } : {}),
    title: v.title,
    subtitle: v.subtitle ?? null,
    byline: v.byline ?? null,
    authors: v.authors ? [...v.authors] : [],
    siteName: v.siteName ?? null,
    publishedTime: v.publishedTime ?? null,
    modifiedTime: v.modifiedTime ?? null,
    lang: v.lang ?? null,
    dir: v.dir ?? null,
    excerpt: v.excerpt ?? null,
    leadImage: lead ? { url: lead.url, alt: lead.alt ?? null, caption: lead.caption ?? null } : null,
    content: v.content,
    textContent: v.textContent,
    markdown: v.markdown,
    wordCount: v.wordCount,
    readingTimeMinutes: v.readingTimeMinutes,
    readerable: v.readerable ?? true,
    removed: v.removed ? v.removed.map((r) => ({ kind: r.kind, reason: r.reason, text: r.text })) : [],
    savedAt: v.savedAt,
    updatedAt: v.updatedAt,
  };
  return { ok: true, record };
}
