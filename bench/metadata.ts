/**
 * `npm run bench:metadata`: how often the header fields agree with what people wrote down,
 * Folio and bare Readability side by side, as a click would read the page (Folio's refusals
 * count as no answer).
 *
 * - trafilatura-dev: `title`, `author`, `date` where the corpus gives them, by half (tune 0-7,
 *   check 8-f; the check half judges). Title: equal after collapsing whitespace, case and
 *   quotes. Author: the same set of names (split on commas, semicolons, "and", "&", "/"),
 *   case-insensitive. Date: the same calendar day as written (`publishedTime`'s date in the
 *   page's own offset).
 * - Mozilla readability-test-pages: title, byline (same names), siteName, publishedTime (same
 *   day) against expected-metadata.json, where it gives them.
 *
 * Options: --only id1,id2, --list (print the disagreements of the tune half), --corpus DIR.
 */
import { Readability } from "@mozilla/readability";
import { extractArticle } from "../src/core/extract.ts";
import type { Article } from "../src/core/types.ts";
import {
  MOZILLA_URL,
  argValue,
  corpusStatus,
  hasFlag,
  listMozillaPages,
  listTrafilaturaPages,
  makeDom,
  yieldToEventLoop,
} from "./corpus.ts";

type Field = "title" | "author" | "date" | "siteName";
interface Reading {
  title: string | null;
  author: string | null;
  date: string | null;
  siteName: string | null;
}

const only = argValue("only")?.split(",").filter(Boolean);
const list = hasFlag("list");
const status = corpusStatus();
console.log(status.summary);

/** A field as text: corpora write some as lists ("author": ["A", "B"]). */
function asText(value: unknown): string {
  if (Array.isArray(value)) return value.map(asText).join(", ");
  return value === null || value === undefined ? "" : String(value);
}

function text(value: unknown): string {
  return asText(value)
    .replace(/[“”"'‘’«»„]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

function names(value: unknown): string {
  return text(value)
    .replace(/^(?:by|von|par|por)\s+/, "")
    .split(/\s*(?:,|;|&|\/|\band\b|\bund\b|\bet\b|\by\b)\s*/)
    .map((n) => n.trim())
    .filter(Boolean)
    .sort()
    .join("|");
}

function day(value: unknown): string {
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(asText(value));
  return m ? m[1]! : "";
}

function agrees(field: Field, expected: unknown, got: string | null): boolean {
  switch (field) {
    case "title":
    case "siteName":
      return text(expected) === text(got);
    case "author":
      return names(expected) !== "" && names(expected) === names(got);
    case "date":
      return day(expected) !== "" && day(expected) === day(got);
  }
}

function folio(doc: Document, url: string): Reading | null {
  try {
    const r = extractArticle(doc, { url, markdown: false });
    if (!r.ok) return null;
    const a: Article = r.article;
    return { title: a.title, author: a.byline, date: a.publishedTime, siteName: a.siteName };
  } catch {
    return null;
  }
}

function bare(doc: Document): Reading | null {
  try {
    const r = new Readability(doc.cloneNode(true) as Document).parse();
    return r
      ? {
          title: r.title ?? null,
          author: r.byline ?? null,
          date: r.publishedTime ?? null,
          siteName: r.siteName ?? null,
        }
      : null;
  } catch {
    return null;
  }
}

interface Tally {
  total: number;
  folio: number;
  bare: number;
}
const tallies = new Map<string, Tally>();
const misses: string[] = [];

function count(
  key: string,
  field: Field,
  expected: unknown,
  f: Reading | null,
  b: Reading | null,
  label: string,
): void {
  const t = tallies.get(key) ?? { total: 0, folio: 0, bare: 0 };
  t.total++;
  const ok = agrees(field, expected, f?.[field] ?? null);
  if (ok) t.folio++;
  if (agrees(field, expected, b?.[field] ?? null)) t.bare++;
  tallies.set(key, t);
  if (!ok && list && key.includes("tune"))
    misses.push(
      `${label} ${field}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(f?.[field] ?? null)}`,
    );
}

if (status.trafilatura.present) {
  let pages = listTrafilaturaPages(status);
  if (only) pages = pages.filter((p) => only.includes(p.id));
  for (const page of pages) {
    const half = /[0-7]$/i.test(page.id) ? "tune" : "check";
    const dom = makeDom(page.load().text, page.url);
    const b = bare(dom.window.document);
    const f = folio(dom.window.document, page.url);
    dom.window.close();
    await yieldToEventLoop();
    const entry = page as unknown as Partial<Record<"title" | "author" | "date", unknown>>;
    for (const field of ["title", "author", "date"] as const) {
      const expected = entry[field];
      if (expected) count(`trafilatura-dev ${half} ${field}`, field, expected, f, b, page.id);
    }
  }
}

if (status.mozilla.present) {
  let pages = listMozillaPages(status);
  if (only) pages = pages.filter((p) => only.includes(p.name));
  for (const page of pages) {
    const dom = makeDom(page.source(), MOZILLA_URL);
    const b = bare(dom.window.document);
    const f = folio(dom.window.document, MOZILLA_URL);
    dom.window.close();
    await yieldToEventLoop();
    const exp = page.expectedMetadata() as unknown as Record<string, unknown>;
    const fields: [Field, unknown][] = [
      ["title", exp.title],
      ["author", exp.byline],
      ["siteName", exp.siteName],
      ["date", exp.publishedTime],
    ];
    for (const [field, expected] of fields)
      if (expected) count(`mozilla ${field}`, field, expected, f, b, page.name);
  }
}

const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}%` : "-");
console.log(`\n${"".padEnd(34)}${"pages".padEnd(8)}${"Folio".padEnd(10)}bare Readability`);
for (const [key, t] of [...tallies].sort(([a], [b]) => a.localeCompare(b))) {
  console.log(
    `  ${key.padEnd(32)}${String(t.total).padEnd(8)}${pct(t.folio, t.total).padEnd(10)}${pct(t.bare, t.total)}`,
  );
}
if (list && misses.length) console.log(`\ntune-half disagreements:\n${misses.join("\n")}`);
