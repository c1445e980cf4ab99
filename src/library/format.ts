/**
 * Pure formatting of an article's data for people: dates for the reader's locale, counts,
 * reading time, and URL checks for the few attributes Folio sets itself. Used by the reader's
 * views and by the library's HTML export. No DOM and no extension APIs.
 */

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
