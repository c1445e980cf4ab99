/**
 * The saved article, defined once (valibot): its type, the checks a record passes when the
 * extension saves an article and when a backup is imported (foreign data until proven
 * otherwise), and the copy that is stored, keeping only known fields as plain data.
 *
 * Every field has a check: its type, and a length cap (the core's own limits, src/core/limits.ts,
 * which it applies when it builds an article, so every article the core makes can be saved), so
 * a hostile or broken file can neither fill the disk nor freeze the page. The entries are typed
 * against the core's `Article`: a field added there fails to compile here until the library
 * learns to keep it. A problem reads as a sentence fragment naming the field ("title must be
 * text", "removed[0].kind must be one of ..."); callers say where it happened ("Article 12: ...").
 */
import * as v from "valibot";
import { FIELD_LIMITS } from "../core/limits.ts";
import type { Article, RemovalKind } from "../core/types.ts";
import { normalizeUrl } from "./keys.ts";

/** Length caps, in characters (UTF-16 code units): the core's. */
export const LIMITS = FIELD_LIMITS;

/** Most tags an article keeps, and the longest tag, in characters. */
export const TAG_LIMITS = { tags: 100, tag: 100 } as const;

/** Where an article stands in the reader's list. */
export const READ_STATES = ["unread", "read", "archived"] as const;
export type ReadState = (typeof READ_STATES)[number];

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

const count = (n: number) => n.toLocaleString("en-US");

/** The message for a value of the wrong type: a required field that is absent is "missing". */
const wrongType =
  (expected: string) =>
  (issue: v.BaseIssue<unknown>): string =>
    issue.input === undefined ? "is missing" : expected;

function text(max: number) {
  return v.pipe(
    v.string(wrongType("must be text")),
    v.maxLength(
      max,
      (issue) => `is too long (${count((issue.input as string).length)} characters; at most ${count(max)})`,
    ),
  );
}

function whole(max: number, integer: boolean) {
  const checks = v.pipe(
    v.number(wrongType("must be a number")),
    v.finite("must be a number"),
    v.minValue(0, (issue) => `is out of range (${issue.input})`),
    v.maxValue(max, (issue) => `is out of range (${issue.input})`),
  );
  return integer ? v.pipe(checks, v.integer("must be a whole number")) : checks;
}

function list<T extends v.GenericSchema>(max: number, item: T) {
  return v.pipe(
    v.array(item, wrongType("must be a list")),
    v.maxLength(
      max,
      (issue) => `has too many entries (${count((issue.input as unknown[]).length)}; at most ${count(max)})`,
    ),
  );
}

/** An object: its missing fields are named as missing, anything else is "not an object". */
function object<E extends v.ObjectEntries>(entries: E) {
  return v.object(entries, (issue) =>
    issue.path?.length && issue.input === undefined ? "is missing" : "must be an object",
  );
}

/**
 * An article's address: a web page's (http or https). A record is never keyed by a
 * `javascript:`, `data:`, `file:` or browser-internal address, whether saved or imported.
 */
const webAddress = v.pipe(
  text(LIMITS.url),
  v.check((value) => normalizeUrl(value) !== null, "is not a valid web address"),
  v.check(
    (value) => /^https?:/i.test(normalizeUrl(value) ?? ""),
    "is not a web address (only http and https are kept)",
  ),
);

/** Absent, null (older or hand-made records) or what `schema` accepts; stored as `fallback`. */
const optional = <T extends v.GenericSchema, F extends v.InferOutput<T> | null>(schema: T, fallback: F) =>
  v.nullish(schema, fallback as never) as unknown as v.GenericSchema<
    v.InferInput<T> | null | undefined,
    v.InferOutput<T> | F
  >;

const removal = object({
  kind: v.picklist(REMOVAL_KINDS, wrongType(`must be one of ${REMOVAL_KINDS.join(", ")}`)),
  reason: text(LIMITS.removalText),
  text: text(LIMITS.removalText),
});

const leadImage = object({
  url: text(LIMITS.url),
  alt: optional(text(LIMITS.imageText), null),
  caption: optional(text(LIMITS.imageText), null),
});

/** The core article's fields (its Markdown aside), each with its check. */
const ARTICLE_ENTRIES = {
  url: webAddress,
  pageUrl: v.pipe(
    v.nullish(webAddress),
    v.transform((value) => value ?? undefined),
  ),
  title: text(LIMITS.title),
  subtitle: optional(text(LIMITS.subtitle), null),
  byline: optional(text(LIMITS.byline), null),
  authors: optional(list(LIMITS.authors, text(LIMITS.author)), []),
  siteName: optional(text(LIMITS.siteName), null),
  publishedTime: optional(text(LIMITS.time), null),
  modifiedTime: optional(text(LIMITS.time), null),
  lang: optional(text(LIMITS.lang), null),
  dir: optional(v.picklist(["ltr", "rtl"], 'must be "ltr" or "rtl"'), null),
  excerpt: optional(text(LIMITS.excerpt), null),
  leadImage: optional(leadImage, null),
  content: text(LIMITS.content),
  textContent: text(LIMITS.textContent),
  wordCount: whole(MAX_COUNT, true),
  readingTimeMinutes: whole(MAX_COUNT, false),
  readerable: optional(v.boolean(wrongType("must be true or false")), true),
  removed: optional(list(LIMITS.removed, removal), []),
} satisfies Record<keyof Omit<Article, "markdown">, v.GenericSchema>;

/**
 * What the reader keeps about an article besides its content (absent in records made before
 * they existed, which read with these defaults): its tags, its read state, whether it is a
 * favourite, and whether it is a link only, "to read", whose page has not been read yet (an
 * imported bookmark or Pocket item: its content, text and Markdown are empty).
 */
const READER_ENTRIES = {
  tags: optional(list(TAG_LIMITS.tags, text(TAG_LIMITS.tag)), []),
  state: optional(v.picklist(READ_STATES, wrongType(`must be one of ${READ_STATES.join(", ")}`)), "unread"),
  favourite: optional(v.boolean(wrongType("must be true or false")), false),
  linkOnly: optional(v.boolean(wrongType("must be true or false")), false),
};

/**
 * A saved article: the core's article with its Markdown made (a string), keyed by its normalised
 * URL (keys.ts: no #fragment), the reader's own entries (tags, state, favourite, link only), and
 * two times, epoch milliseconds (UTC): `savedAt`, when it was first saved (saving the same URL
 * again keeps it), and `updatedAt`, when the record last changed (import merges keep the record
 * with the larger one).
 */
export const SavedArticleSchema = object({
  ...ARTICLE_ENTRIES,
  url: v.pipe(
    webAddress,
    v.transform((value) => normalizeUrl(value)!),
  ),
  markdown: text(LIMITS.markdown),
  ...READER_ENTRIES,
  savedAt: whole(MAX_TIME, true),
  updatedAt: whole(MAX_TIME, true),
});

export type SavedArticle = v.InferOutput<typeof SavedArticleSchema>;

/** The reader's own entries of a record, as a new article gets them. */
export type ReaderFields = Pick<SavedArticle, "tags" | "state" | "favourite" | "linkOnly">;
export const READER_DEFAULTS: Readonly<ReaderFields> = {
  tags: [],
  state: "unread",
  favourite: false,
  linkOnly: false,
};

/** A saved article is an article: what reads one reads the other. */
export type IsArticle = SavedArticle extends Omit<Article, "markdown"> & { markdown: string } ? true : never;
const _savedIsArticle: IsArticle = true;
void _savedIsArticle;

/** "removed[0].kind", "authors[1]", "leadImage.url": where in the record a problem is. */
function pathName(issue: v.BaseIssue<unknown>): string {
  let name = "";
  for (const item of issue.path ?? []) {
    const key = (item as { key: unknown }).key;
    name += typeof key === "number" ? `[${key}]` : name ? `.${String(key)}` : String(key);
  }
  return name;
}

export type ReadRecord = { ok: true; record: SavedArticle } | { ok: false; message: string };

/**
 * `value` as a saved article: checked, and copied field by field (unknown fields dropped,
 * missing optional fields given their defaults), keyed by its normalised URL. The first problem
 * found is the message.
 */
export function readRecord(value: unknown): ReadRecord {
  const result = v.safeParse(SavedArticleSchema, value, { abortEarly: true });
  if (result.success) return { ok: true, record: result.output };
  const issue = result.issues[0];
  const where = pathName(issue);
  return { ok: false, message: where ? `${where} ${issue.message}` : "it is not an article object" };
}
