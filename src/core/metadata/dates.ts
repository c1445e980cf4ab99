/**
 * Date normalisation for page metadata: whatever a page writes, return ISO 8601 or null.
 *
 * - The page's own offset is kept (`2021-08-24T23:01:00+05:30` stays as written); we never
 *   convert to UTC, because the offset tells the reader the publisher's local time.
 * - A date without a time stays a date (`2021-08-24`).
 * - A time without any zone stays a local time without an offset (ISO 8601 allows it);
 *   we do not guess the zone.
 * - Epoch numbers (seconds or milliseconds) are UTC by definition and come back with `Z`;
 *   `Z` / `GMT` / `UTC` become `Z`, a numeric `+00:00` stays `+00:00`.
 * - Fractions of a second are cut to milliseconds.
 * - Anything we cannot read with confidence is null. We never fall back to `Date.parse`,
 *   whose results depend on the engine and on the machine's time zone.
 */

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/** Zone abbreviations RFC 2822 defines (plus UTC); others are too ambiguous to trust. */
const ZONES: Record<string, string> = {
  z: "Z",
  ut: "Z",
  utc: "Z",
  gmt: "Z",
  est: "-05:00",
  edt: "-04:00",
  cst: "-06:00",
  cdt: "-05:00",
  mst: "-07:00",
  mdt: "-06:00",
  pst: "-08:00",
  pdt: "-07:00",
};

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export interface Parts {
  year: number;
  month: number;
  day: number;
  hour?: number;
  minute?: number;
  second?: number;
  fraction?: string;
  /** "Z" or "+HH:MM"; undefined when the page gave no zone. */
  offset?: string;
}

/** The ISO text of `p` (a day, or a day and time), or null when it is no real date. */
export function format(p: Parts): string | null {
  if (p.year < 1000 || p.year > 9999 || p.month < 1 || p.month > 12) return null;
  if (p.day < 1 || p.day > daysInMonth(p.year, p.month)) return null;
  const date = `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
  if (p.hour === undefined) return date;
  const minute = p.minute ?? 0;
  const second = p.second ?? 0;
  if (p.hour > 23 || minute > 59 || second > 60) return null;
  // Millisecond precision at most: what `Date` keeps, and what every consumer parses.
  const fraction = p.fraction ? `.${p.fraction.slice(0, 3)}` : "";
  return `${date}T${pad(p.hour)}:${pad(minute)}:${pad(second)}${fraction}${p.offset ?? ""}`;
}

/** "+0530", "+05:30", "+05", "-4", "GMT+2", "UTC", "EDT" -> "Z" / "+05:30"; null if unreadable. */
function parseOffset(raw: string | undefined): string | undefined | null {
  if (raw === undefined || raw === "") return undefined;
  const zone = raw.trim().toLowerCase();
  if (zone in ZONES) return ZONES[zone];
  // An abbreviation we cannot pin down (CEST, IST...): keep the local time, drop the zone.
  if (/^[a-z]{1,5}$/.test(zone)) return undefined;
  const m = /^(?:gmt|utc)?\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?$/.exec(zone);
  if (!m) return null;
  const hours = Number(m[2]);
  const minutes = Number(m[3] ?? "0");
  if (hours > 14 || minutes > 59) return null;
  // "+00:00" stays as written ("-00:00", which ISO 8601 forbids, becomes "+00:00").
  if (hours === 0 && minutes === 0) return "+00:00";
  return `${m[1]}${pad(hours)}:${pad(minutes)}`;
}

function to24h(hour: number, meridiem: string | undefined): number | null {
  if (!meridiem) return hour;
  if (hour < 1 || hour > 12) return null;
  const pm = meridiem.toLowerCase().startsWith("p");
  return (hour % 12) + (pm ? 12 : 0);
}

function fromEpoch(value: number): string | null {
  if (!Number.isFinite(value) || value <= 0) return null;
  // Seconds until the year 5138; anything larger is milliseconds.
  const ms = value < 1e11 ? value * 1000 : value;
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return null;
  return date.toISOString().replace(/\.000Z$/, "Z");
}

// 2021-08-24, 2021-08-24T23:01:00+05:30, 2021-08-24 23:01:00.123 -0400, 2021/08/24 23:01 GMT
const ISO_LIKE =
  /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:(?:T|\s+|T\s*)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(am|pm|a\.m\.|p\.m\.)?\s*(Z|(?:GMT|UTC)?\s*[+-]\s*\d{1,2}(?::?\d{2})?|[A-Za-z]{1,4})?)?$/i;

// 20210824 or 20210824T230100Z (basic ISO format)
const ISO_BASIC = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

// Time tail shared by the month-name forms: "3:46 PM", "at 6:01 am", "17:31:00 GMT", "09:53 -0400".
const TIME_TAIL =
  "(?:,?\\s*(?:at\\s+)?(\\d{1,2})[:.](\\d{2})(?::(\\d{2}))?\\s*(am|pm|a\\.m\\.|p\\.m\\.)?\\s*((?:GMT|UTC)?\\s*[+-]\\s*\\d{1,2}(?::?\\d{2})?|[A-Za-z]{1,4})?)?";

// Tue, 24 Aug 2021 17:31:00 GMT / 24 August 2021 / 24. August 2021
const DAY_MONTH_YEAR = new RegExp(
  `^(?:[A-Za-z]{3,9}\\.?,?\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\.?\\s+([A-Za-z]{3,9})\\.?,?\\s+(\\d{4})${TIME_TAIL}$`,
  "i",
);

// August 24, 2021 / Aug. 24 2021 3:46 PM / Tuesday, August 24, 2021
const MONTH_DAY_YEAR = new RegExp(
  `^(?:[A-Za-z]{3,9}\\.?,?\\s+)?([A-Za-z]{3,9})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})${TIME_TAIL}$`,
  "i",
);

function monthNumber(name: string): number | undefined {
  const key = name.toLowerCase();
  return MONTHS[key] ?? MONTHS[key.slice(0, 3)];
}

function withTime(
  base: { year: number; month: number; day: number },
  hour: string | undefined,
  minute: string | undefined,
  second: string | undefined,
  meridiem: string | undefined,
  zone: string | undefined,
  fraction?: string,
): string | null {
  if (hour === undefined) {
    // A zone without a time means nothing for a calendar date.
    return format(base);
  }
  const h = to24h(Number(hour), meridiem);
  if (h === null) return null;
  const offset = parseOffset(zone);
  if (offset === null) return null;
  return format({
    ...base,
    hour: h,
    minute: Number(minute),
    second: second === undefined ? undefined : Number(second),
    fraction,
    offset,
  });
}

/**
 * Normalises a date as a page writes it to ISO 8601, or returns null.
 * Accepts strings (ISO and near-ISO, RFC 2822, English month names, epoch digits) and numbers.
 */
export function normalizeDate(input: unknown): string | null {
  if (typeof input === "number") return fromEpoch(input);
  if (typeof input !== "string") return null;
  const value = input.trim().replace(/\s+/g, " ");
  if (value === "" || value.length > 64) return null;

  if (/^\d{9,13}$/.test(value)) return fromEpoch(Number(value));

  let m = ISO_LIKE.exec(value);
  if (m) {
    return withTime(
      { year: Number(m[1]), month: Number(m[3]), day: Number(m[4]) },
      m[5],
      m[6],
      m[7],
      m[9],
      m[10],
      m[8],
    );
  }

  m = ISO_BASIC.exec(value);
  if (m) {
    const base = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
    if (m[4] === undefined) return format(base);
    return withTime(base, m[4], m[5], m[6] ?? "00", undefined, m[7]);
  }

  m = DAY_MONTH_YEAR.exec(value);
  if (m) {
    const month = monthNumber(m[2]!);
    if (month === undefined) return null;
    return withTime({ year: Number(m[3]), month, day: Number(m[1]) }, m[4], m[5], m[6], m[7], m[8]);
  }

  m = MONTH_DAY_YEAR.exec(value);
  if (m) {
    const month = monthNumber(m[1]!);
    if (month === undefined) return null;
    return withTime({ year: Number(m[3]), month, day: Number(m[2]) }, m[4], m[5], m[6], m[7], m[8]);
  }

  return null;
}

/** True when the string reads as a date and nothing else (used to drop dates posing as names). */
export function looksLikeDate(value: string): boolean {
  return normalizeDate(value) !== null;
}
