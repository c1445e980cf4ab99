/**
 * What every importer gives: the items of a file, each checked and in one shape, and the rows
 * it skipped with the reason. An imported file is hostile until proven otherwise: only http and
 * https addresses are kept, every text is capped (the library's own limits), dates outside what
 * a reading list can hold are dropped, and a bad row is skipped with its reason, never stopping
 * the import. Parsers go by header and element names, never by column position.
 */
import { squash } from "../../core/whitespace.ts";
import { normalizeUrl } from "../keys.ts";
import { LIMITS, type ReadState, TAG_LIMITS } from "../schema.ts";

export type { ReadState };

export type ImportFormat =
  | "folio-backup"
  | "pocket-csv"
  | "pocket-html"
  | "instapaper-csv"
  | "omnivore-zip"
  | "wallabag-json"
  | "bookmarks-html";

/** Names people know the formats by, for the report. */
export const FORMAT_NAMES: Record<ImportFormat, string> = {
  "folio-backup": "Folio backup",
  "pocket-csv": "Pocket export (CSV)",
  "pocket-html": "Pocket export (HTML)",
  "instapaper-csv": "Instapaper export (CSV)",
  "omnivore-zip": "Omnivore export (zip)",
  "wallabag-json": "Wallabag export (JSON)",
  "bookmarks-html": "Browser bookmarks (HTML)",
};

/** One thing to read later (or already read), as a foreign file described it. */
export interface ImportItem {
  /** Normalised, http or https. */
  url: string;
  /** "" when the file gave none (the list then shows the address). */
  title: string;
  tags: string[];
  state: ReadState;
  favourite: boolean;
  /** When the reader saved it in the other app, epoch ms; null when the file does not say. */
  savedAt: number | null;
  /** ISO 8601, or null. */
  publishedTime: string | null;
  author: string | null;
  siteName: string | null;
  excerpt: string | null;
  /** The article's HTML when the file carries it (hostile: read by the core, sanitized). */
  content: string | null;
  /** Highlights the other app kept (Markdown), not yet imported as annotations. */
  highlights: string | null;
  /** Where in the file, for the report: "row 12", "item 3". */
  where: string;
}

export interface Skipped {
  where: string;
  reason: string;
}

export type ParsedImport =
  | { ok: true; format: ImportFormat; items: ImportItem[]; skipped: Skipped[] }
  | { ok: false; message: string };

/** Most items one file may hold (more are skipped, with the reason, not silently lost). */
export const MAX_IMPORT_ITEMS = 200_000;
/** Most tags an item keeps, and the longest tag (the library's limits). */
export const MAX_TAGS = TAG_LIMITS.tags;
export const MAX_TAG_LENGTH = TAG_LIMITS.tag;

/** `value` as an http(s) address, normalised; or why it is not one. */
export function webUrl(value: unknown): { ok: true; url: string } | { ok: false; reason: string } {
  if (typeof value !== "string" || !value.trim()) return { ok: false, reason: "no address" };
  const text = value.trim();
  if (text.length > LIMITS.url) return { ok: false, reason: "the address is too long" };
  const url = normalizeUrl(text);
  if (!url) return { ok: false, reason: "the address is not a valid web address" };
  if (!/^https?:/i.test(url)) {
    return {
      ok: false,
      reason: `only http and https addresses are kept (this one is ${url.split(":")[0]}:)`,
    };
  }
  return { ok: true, url };
}

/** Text cut to `max` characters, whitespace squashed; null when empty or not text. */
export function cleanText(value: unknown, max: number): string | null {
  if (typeof value !== "string") return null;
  const text = squash(value.length > max * 2 ? value.slice(0, max * 2) : value);
  if (!text) return null;
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Tags: trimmed, squashed, de-duplicated (any case), capped in length and number. */
export function cleanTags(values: Iterable<unknown>): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const value of values) {
    const tag = cleanText(value, MAX_TAG_LENGTH);
    if (!tag) continue;
    const key = tag.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
    if (out.length >= MAX_TAGS) break;
  }
  return out;
}

/** Earliest and latest accepted dates: 1990 to 2200. */
const EARLIEST = Date.UTC(1990, 0, 1);
const LATEST = Date.UTC(2200, 0, 1);

function inRange(ms: number): number | null {
  return Number.isFinite(ms) && ms >= EARLIEST && ms < LATEST ? Math.round(ms) : null;
}

/** Unix seconds (a number or digits) as epoch ms; null when absent or absurd. */
export function fromUnixSeconds(value: unknown): number | null {
  if (typeof value === "number") return inRange(value * 1000);
  if (typeof value !== "string" || !/^\s*\d{1,12}(?:\.\d+)?\s*$/.test(value)) return null;
  return inRange(Number(value) * 1000);
}

/** A date as text (ISO 8601 and the like) as epoch ms; null when not a date. */
export function fromDateText(value: unknown): number | null {
  if (typeof value !== "string" || value.length > 100 || !value.trim()) return null;
  // "2023-01-05T10:00:00+0100" (no colon in the offset) is what PHP writes.
  const text = value.trim().replace(/([+-]\d{2})(\d{2})$/, "$1:$2");
  return inRange(Date.parse(text));
}

/** Epoch ms as ISO 8601, or null. */
export function isoTime(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}

/** A fresh item with defaults for what the file does not say. */
export function item(url: string, where: string, fields: Partial<ImportItem> = {}): ImportItem {
  return {
    url,
    title: "",
    tags: [],
    state: "unread",
    favourite: false,
    savedAt: null,
    publishedTime: null,
    author: null,
    siteName: null,
    excerpt: null,
    content: null,
    highlights: null,
    where,
    ...fields,
  };
}

/** Collects items and skips, stopping at {@link MAX_IMPORT_ITEMS}. */
export class ItemList {
  readonly items: ImportItem[] = [];
  readonly skipped: Skipped[] = [];

  /** False when the list is full (the caller stops reading). */
  add(value: ImportItem): boolean {
    if (this.items.length >= MAX_IMPORT_ITEMS) return false;
    this.items.push(value);
    return true;
  }

  skip(where: string, reason: string): void {
    this.skipped.push({ where, reason });
  }

  done(format: ImportFormat, total: number): ParsedImport {
    if (total > this.items.length + this.skipped.length) {
      this.skip(
        "the rest of the file",
        `at most ${MAX_IMPORT_ITEMS.toLocaleString("en-US")} items are read from one file`,
      );
    }
    return { ok: true, format, items: this.items, skipped: this.skipped };
  }
}
