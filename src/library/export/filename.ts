/**
 * File names for exported articles that every common file system accepts: Windows (no
 * `<>:"/\|?*`, no control characters, no trailing dot or space, no reserved device names such
 * as CON or LPT1, case-insensitive), macOS and Linux (no `/`, no NUL, 255 bytes per name).
 *
 * An article's name is `YYYY-MM-DD-headline-slug.ext`: the date it was published (else the
 * local date it was saved), then the
 * headline lower-cased with every run of anything but letters, digits and combining marks made
 * one hyphen. Unicode letters stay (a Greek or Japanese headline keeps its words); the slug is
 * capped in UTF-8 bytes, cut between characters, so names stay well under the 255-byte limit
 * with room for a "-2" suffix. `UniqueNames` makes names unique within one zip, comparing them
 * case-insensitively as Windows and macOS do.
 */

/** Bytes of UTF-8 the headline slug may take. */
export const MAX_SLUG_BYTES = 120;
const FALLBACK_SLUG = "article";

const RESERVED_RE = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(?:\..*)?$/i;
/** Characters that are not letters, digits or combining marks: hyphens in a slug. */
const SEPARATOR_RE = /[^\p{L}\p{N}\p{M}]+/gu;
const encoder = new TextEncoder();

/** `text` cut to at most `maxBytes` of UTF-8, never inside a character. */
function capBytes(text: string, maxBytes: number): string {
  if (encoder.encode(text).length <= maxBytes) return text;
  let out = "";
  let bytes = 0;
  for (const char of text) {
    const size = encoder.encode(char).length;
    if (bytes + size > maxBytes) break;
    out += char;
    bytes += size;
  }
  return out;
}

/** A headline as a file-name slug: lower case, hyphenated, capped; "article" when empty. */
export function slugify(headline: string, maxBytes: number = MAX_SLUG_BYTES): string {
  const slug = headline
    .normalize("NFC")
    .toLowerCase()
    .replace(SEPARATOR_RE, "-")
    .replace(/^-+|-+$/g, "");
  // A mark cannot start a name usefully (it would combine with the hyphen before it).
  const capped = capBytes(slug.replace(/^\p{M}+/u, ""), maxBytes).replace(/-+$/, "");
  return capped || FALLBACK_SLUG;
}

/**
 * Any string made safe as one file name (without directories): forbidden and control
 * characters replaced, trailing dots and spaces dropped, reserved device names suffixed.
 * `slugify` output is already safe; this is the general guard every exported name passes.
 */
export function safeFileName(name: string, fallback = FALLBACK_SLUG): string {
  let safe = name
    .normalize("NFC")
    .replace(/[<>:"/\\|?*\u0000-\u001f\u007f-\u009f]/g, "-")
    // Bidirectional and invisible format characters can disguise an extension.
    .replace(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, "")
    .replace(/[. ]+$/, "")
    .replace(/^[ ]+/, "");
  if (!safe || /^\.+$/.test(safe)) safe = fallback;
  if (RESERVED_RE.test(safe)) safe = `_${safe}`;
  return safe;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** `YYYY-MM-DD` of `time` (epoch ms) in the local time zone. */
export function localDate(time: number): string {
  const d = new Date(time);
  if (Number.isNaN(d.getTime())) return "0000-00-00";
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * The date an article's file is named by: the day it was published, as the publisher wrote it
 * (the date part of its ISO 8601 time, in the publisher's own offset, the day the article
 * shows), else the local day it was saved.
 */
export function articleDate(article: { publishedTime?: string | null; savedAt: number }): string {
  const published = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(article.publishedTime ?? "");
  if (published) {
    const [, y, m, d] = published.map(Number) as [number, number, number, number];
    const date = new Date(Date.UTC(y, m - 1, d));
    if (date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d) {
      return published[0].slice(0, 10);
    }
  }
  return localDate(article.savedAt);
}

/** `YYYY-MM-DD-headline-slug.ext`, dated by `articleDate`. */
export function articleFileName(
  article: { title: string; publishedTime?: string | null; savedAt: number },
  extension: "md" | "html",
): string {
  return safeFileName(`${articleDate(article)}-${slugify(article.title)}.${extension}`);
}

/** Hands out names unique within one archive (case-insensitive): "a.md", "a-2.md", "a-3.md"... */
export class UniqueNames {
  private used = new Set<string>();

  take(name: string): string {
    const dot = name.lastIndexOf(".");
    const stem = dot > 0 ? name.slice(0, dot) : name;
    const ext = dot > 0 ? name.slice(dot) : "";
    let candidate = name;
    for (let n = 2; this.used.has(candidate.toLowerCase()); n++) candidate = `${stem}-${n}${ext}`;
    this.used.add(candidate.toLowerCase());
    return candidate;
  }
}
