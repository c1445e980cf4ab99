/**
 * Pure formatting for the article view: dates for the reader's locale, counts, the
 * "Cleaned: …" summary, and URL checks for the few attributes the UI sets itself.
 * No DOM and no extension APIs, so unit tests can load it.
 */
import type { Removal, RemovalKind } from "../core/types.ts";

/** Formatters are costly to create: one per locale, kept. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * The date as the reader writes it: "24 August 2021" (`long`), "24 Aug 2021" (`medium`); null
 * when unparseable. `value` is an ISO string or epoch milliseconds.
 */
export function formatDate(
  value: string | number | null,
  locale?: string,
  style: "long" | "medium" = "long",
): string | null {
  if (value === null || value === "") return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  try {
    const key = `${locale ?? ""} ${style}`;
    let format = dateFormats.get(key);
    if (!format) {
      format = new Intl.DateTimeFormat(locale, { dateStyle: style });
      dateFormats.set(key, format);
    }
    return format.format(date);
  } catch {
    return date.toDateString();
  }
}

export function formatNumber(n: number, locale?: string): string {
  if (Math.abs(n) < 1000 && Number.isInteger(n)) return String(n);
  try {
    const key = locale ?? "";
    let format = numberFormats.get(key);
    if (!format) {
      format = new Intl.NumberFormat(locale);
      numberFormats.set(key, format);
    }
    return format.format(n);
  } catch {
    return String(n);
  }
}

/** "6 min read · 1,234 words" */
export function formatReading(minutes: number, words: number, locale?: string): string {
  const time = minutes < 1 ? "under 1 min read" : `${formatNumber(minutes, locale)} min read`;
  return `${time} · ${formatNumber(words, locale)} ${words === 1 ? "word" : "words"}`;
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

/** The URL when it is http(s), resolved against `base`; null otherwise. */
export function safeHttpUrl(value: string | null | undefined, base?: string): string | null {
  if (!value) return null;
  try {
    const url = new URL(value, base);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

/** The host name without "www.", for a site line when the page names no site. */
export function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^www\./, "") || null;
  } catch {
    return null;
  }
}
