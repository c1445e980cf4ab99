/**
 * The date the article's header prints, for pages that declare none in their markup: news
 * sites' and blogs' date lines ("Erstellt am 09.02.2022", "Published: 23. Juli 2017",
 * "March 4, 2021 · 5 min read", "Datum 28.01.2022"). Read from the header region (header.ts:
 * the h1's nearby ancestor, up to the next heading), the h1 itself left out, the first date
 * written in one of the unambiguous forms below. A date only (`YYYY-MM-DD`): a time printed
 * beside it has no zone anyone could trust.
 *
 * Numeric dates are read day first only with dots (`09.02.2022`, as German, Polish, Czech...
 * write them; `09.02.22` with a year of two digits, 1990-2069) or year first (`2022-02-09`,
 * `2022/02/09`, `2022年2月9日`); a slash date with the year last (`02/09/2022`) is left
 * alone, as it is day first in Europe and month first in the United States.
 */
import { format } from "./dates.ts";
import { headerRegion } from "./header.ts";
import { inFurniture, type PageIndex } from "./page-index.ts";
import { readItemprop } from "./meta-tags.ts";
import { squash } from "../whitespace.ts";

/**
 * Month names, lower case: English, German, French, Dutch, Italian, Spanish, Polish and Russian
 * (the last two in the genitive a date line prints), with their usual abbreviations; one string
 * a month (a smaller script than a list of strings).
 */
const MONTH_NAMES: readonly string[] = [
  "january jan januar jänner janvier janv januari gennaio enero stycznia января",
  "february feb februar février févr fevrier februari febbraio febrero lutego февраля",
  "march mar märz maerz mars maart marzo marca марта",
  "april apr avril avr aprile abril kwietnia апреля",
  "may mai mei maggio mayo maja мая",
  "june jun juni juin giugno junio czerwca июня",
  "july jul juli juillet juil luglio julio lipca июля",
  "august aug août aout augustus agosto sierpnia августа",
  "september sep sept settembre septiembre września сентября",
  "october oct oktober okt octobre ottobre octubre października октября",
  "november nov novembre noviembre listopada ноября",
  "december dec dezember dez décembre decembre dicembre diciembre grudnia декабря",
];
const MONTH = new Map(MONTH_NAMES.flatMap((names, i) => names.split(" ").map((n) => [n, i + 1] as const)));
const MONTH_WORD = "(\\p{L}{3,12})\\.?";

/** The forms read (global patterns, for `matchAll`), each giving [day, month, year] from its groups. */
const FORMS: ReadonlyArray<{ re: RegExp; parts: (m: RegExpExecArray) => [string, string, string] }> = [
  // 09.02.2022, 9. 2. 2022
  { re: /(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})(?![\d.]\d)/g, parts: (m) => [m[1]!, m[2]!, m[3]!] },
  // 09.02.22, 2.11.22: the short form German and Austrian sites print in date lines
  {
    re: /(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{2})(?![\d.]\d|\d)/g,
    parts: (m) => [m[1]!, m[2]!, `${Number(m[3]) < 70 ? 20 : 19}${m[3]!}`],
  },
  // 2022-02-09; year first with a slash or dot too (2022/02/09, 2022.02.09: Japanese, Chinese,
  // Korean and Hungarian sites), unambiguous as no one writes the day between year and month
  { re: /(?<![\d./])(\d{4})([-/.])\s?(\d{1,2})\2\s?(\d{1,2})(?!\d)/g, parts: (m) => [m[4]!, m[3]!, m[1]!] },
  // 2022年2月9日, 2022년 2월 9일
  {
    re: /(?<!\d)(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]/g,
    parts: (m) => [m[3]!, m[2]!, m[1]!],
  },
  // 23. Juli 2017, 23 July 2017, 10 décembre 2019, 14 de enero de 2020
  {
    re: new RegExp(`(?<!\\d)(\\d{1,2})\\.?\\s+(?:de\\s+)?${MONTH_WORD}\\s+(?:de\\s+)?(\\d{4})(?!\\d)`, "gu"),
    parts: (m) => [m[1]!, m[2]!, m[3]!],
  },
  // March 4, 2021; Mar. 4 2021
  {
    re: new RegExp(`(?<!\\p{L})${MONTH_WORD}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)`, "gu"),
    parts: (m) => [m[2]!, m[1]!, m[3]!],
  },
];

/** How much of the header's text is searched, and how many of its text nodes. */
const MAX_CHARS = 1500;
const MAX_NODES = 2000;

function isoDay(day: string, month: string, year: string): string | null {
  const m = /^\d+$/.test(month) ? Number(month) : MONTH.get(month.toLowerCase());
  const y = Number(year);
  if (!m || y < 1990 || y > 2100) return null;
  return format({ year: y, month: m, day: Number(day) });
}

/** The first date `text` writes in a form above, as `YYYY-MM-DD`; null when none. */
export function dateInText(text: string): string | null {
  let best: { at: number; day: string } | null = null;
  for (const form of FORMS) {
    // Each form's first match that is a real date ("3 Kommentare 2020" is not). Every form's
    // pattern is global: `matchAll` copies it, so no `lastIndex` is shared between calls.
    for (const m of text.matchAll(form.re)) {
      if (best && m.index >= best.at) break;
      const day = isoDay(...form.parts(m as RegExpExecArray));
      if (day) {
        best = { at: m.index, day };
        break;
      }
    }
  }
  return best?.day ?? null;
}

/** The date printed in the article's header, or null. */
export function readPrintedDate(index: PageIndex, title: string | null): string | null {
  const region = headerRegion(index, title);
  if (!region?.scope) return null;
  let text = "";
  let seen = 0;
  const walker = region.scope.ownerDocument.createTreeWalker(region.scope, 4 /* SHOW_TEXT */);
  for (
    let node = walker.nextNode();
    node && text.length < MAX_CHARS && seen++ < MAX_NODES;
    node = walker.nextNode()
  ) {
    const parent = node.parentElement;
    if (!parent || region.h1.contains(parent)) continue;
    if (region.isPast(parent)) break;
    const tag = parent.localName;
    if (tag === "script" || tag === "style" || tag === "noscript" || inFurniture(parent, index.furniture))
      continue;
    text += ` ${node.nodeValue ?? ""}`;
  }
  return dateInText(text);
}

/**
 * The date an `itemprop="datePublished"` element prints when it gives no machine-readable value
 * (`<span itemprop="datePublished">28. Dezember 2022</span>`, no `content` or `datetime`): the
 * page declares the element its date, and the date is read from its words as a header's is.
 */
export function readItempropPrintedDate(index: PageIndex): string | null {
  for (const value of readItemprop(index, "datePublished")) {
    const day = dateInText(value);
    if (day) return day;
  }
  return null;
}

/** The longest text of a date-named element that is read: a date line, not a block. */
const NAMED_DATE_MAX_CHARS = 100;

/**
 * The date printed in an element the template names for it (`<p class="date">Erstellt am
 * Dienstag 6. Mai 2014</p>`, `<li class="content__meta__date">26.02.2020</li>`,
 * `<span class="itemPostDate">am 25.08.2015</span>`) anywhere outside the page's furniture,
 * the first in the page: the last resort, for pages whose header the header region misses
 * (the date in a meta column or under the story).
 */
export function readNamedDate(index: PageIndex): string | null {
  for (const el of index.dateCandidates) {
    if (inFurniture(el, index.furniture)) continue;
    const text = squash(el.textContent);
    if (text.length === 0 || text.length > NAMED_DATE_MAX_CHARS) continue;
    const day = dateInText(text);
    if (day) return day;
  }
  return null;
}
