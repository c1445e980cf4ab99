/**
 * Folio's whole pipeline against Mozilla's Readability test pages (shared corpus, not in the
 * repo). Every page is parsed once with jsdom at http://fakehost/test/page.html and extracted
 * with `force: true`.
 *
 * - Text: word-token F1 of the text of `article.content` (blocks separated by whitespace)
 *   against the text of `expected.html`. Mean ≥ 0.98; every page ≥ 0.90 unless listed in
 *   `exceptions.json` (`{ "<page>": "reason" }`).
 * - Images: no page keeps fewer images than expected.html, unless listed with its reason in
 *   `image-exceptions.json` (the content guard's promise, checked on Mozilla's own pages).
 * - Metadata: title, byline, siteName, lang, dir: the raw agreement with expected-metadata.json
 *   (a listed deviation does not count as agreement) is at least the floor set per field below
 *   (what Folio reaches today, so that a regression fails), and every disagreement is listed in
 *   `metadata-exceptions.json` (`{ "<page>:<field>": "reason" }`), printed apart. Comparison rules:
 *     - all fields: whitespace collapsed and trimmed; null, missing and "" are equal;
 *     - byline: Folio's byline is a list of names without "By" (see types.ts), Readability's is
 *       the raw line; so both sides drop a leading "By", treat " and " / " & " / ";" as ", ",
 *       and compare case-insensitively. Dates, roles etc. left in the expected line differ;
 *     - lang: compared only when expected has one, case-insensitively;
 *     - dir: only right-to-left matters for rendering, so null and "ltr" are the same and
 *       "rtl" must match "rtl".
 * - Ad labels: no element whose whole text is an ad label in nytimes-1, nytimes-2, breitbart,
 *   bbc-1, tmz-1, yahoo-3.
 * - Captions: in yahoo-2 and nytimes-5 no caption text of the source (figcaption, class
 *   containing "caption" or "credit", long image alt text) appears more than once in
 *   `article.textContent` (compared with all whitespace removed, so "Credit" + "Name" glued or
 *   spaced both match).
 *
 * Without the corpus the suite is skipped with a console line, except under CI where a missing
 * corpus fails.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { JSDOM } from "jsdom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ExpectedMetadata,
  MOZILLA_URL,
  type MozillaPage,
  corpusStatus,
  listMozillaPages,
  makeDom,
  yieldToEventLoop,
} from "../../bench/corpus.ts";
import { type F1, htmlText, normalizeSpace, wordF1 } from "../../bench/text-metrics.ts";
import { extractArticle } from "../../src/core/extract.ts";
import type { Article } from "../../src/core/types.ts";

const MEAN_F1_MIN = 0.98;
const PAGE_F1_MIN = 0.9;
/**
 * Raw agreement floors: no listed deviation counts. The title's is low on purpose: the expected
 * title is Readability's own (the document <title> and meta tags, cut by its heuristics), and
 * Folio takes the headline the page prints (metadata/title.ts), which agrees with the titles
 * people wrote for trafilatura-dev's pages on 81-84 % of them where Readability's way gave 71-73 %
 * (`npm run bench:metadata`). Many of Readability's test pages print an h1 ("Lorem") that is not
 * their <title>.
 * The byline's is below Readability's own for a like reason: Folio's byline holds people's names
 * only (not Wikipedia's "Contributors to Wikimedia projects", three pages) and takes the author a
 * page declares in JSON-LD or meta tags before Readability's printed guess, which agrees more
 * often with the authors people wrote down for trafilatura-dev's check half.
 */
const METADATA_AGREEMENT_MIN: Record<string, number> = {
  title: 0.6,
  byline: 0.9,
  siteName: 0.96,
  lang: 1,
  dir: 1,
};
const AD_LABEL_PAGES = ["nytimes-1", "nytimes-2", "breitbart", "bbc-1", "tmz-1", "yahoo-3"];
const CAPTION_PAGES = ["yahoo-2", "nytimes-5"];
const FIELDS = ["title", "byline", "siteName", "lang", "dir"] as const;
type Field = (typeof FIELDS)[number];

const status = corpusStatus();
const present = status.mozilla.present;
const inCI = !!process.env.CI && !/^(0|false)$/i.test(process.env.CI);

if (!present) {
  console.log(`corpus absent at ${status.mozilla.path}: conformance suite not run`);
  if (inCI) {
    describe("corpus", () => {
      it("is present (CI always has it)", () => {
        throw new Error(
          `CI is set but the Mozilla corpus is absent at ${status.mozilla.path} (${status.mozilla.problem}).\n${status.summary}`,
        );
      });
    });
  }
}

function readExceptions(name: string): Record<string, string> {
  const raw = JSON.parse(readFileSync(join(import.meta.dirname, name), "utf8")) as unknown;
  if (typeof raw !== "object" || raw === null || Array.isArray(raw))
    throw new Error(`${name}: not an object`);
  return raw as Record<string, string>;
}

// ---------------------------------------------------------------------------------------------
// Comparison helpers

function norm(v: string | null | undefined): string {
  return normalizeSpace(v ?? "");
}

/**
 * Folio's byline is names only: no "By", no dates, no profile URLs (the issue's definition), where
 * Readability's is the raw line. Both sides drop what the definition excludes before comparing:
 * "By", "Par", "Written by", dates and times, "Updated", and URLs; nothing else is forgiven.
 */
const MONTHS =
  "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";
const DATE_WORDS = new RegExp(
  `\\b(?:(?:last )?updated:?|published:?|posted:?|at|on|${MONTHS})\\b\\.?|\\d+(?::\\d+)?(?:\\s?[ap]m)?\\b|[ap]m\\b`,
  "gi",
);

function normByline(v: string | null | undefined): string {
  return norm(v)
    .replace(/\(?https?:\/\/\S+\)?/gi, " ")
    .replace(/^(?:by|par|von|written by)\b[:\s]*/i, "")
    .replace(/\bedited by\b/gi, ",")
    .replace(DATE_WORDS, " ")
    .replace(/\s+/g, " ")
    .replace(/\s*(?:\band\b|&|;|,)\s*/gi, ", ")
    .replace(/^[,:;|\s]+|[,:;|\s]+$/g, "")
    .toLowerCase();
}

/**
 * Readability's byline may add roles, credentials or co-authors around the names ("Brenda
 * Goodman, MA WebMD Health News", "Martin Untersinger (avec Damien Leloup et Morgane Tual)",
 * "Written by Rob Ewaschuk Edited by Betsy Beyer"); Folio's holds names only. Two non-empty
 * bylines agree when every name of one is a name of the other. An empty side never agrees
 * with a non-empty one.
 */
function sameAuthors(expected: string, ours: string): boolean {
  const names = (v: string) =>
    v
      .split(/\s*(?:,|\(|\)|\bavec\b|\bwith\b|\bmit\b|\bet\b|\bund\b)\s*/i)
      .map((n) => n.trim())
      .filter(Boolean);
  const a = names(expected);
  const b = names(ours);
  if (a.length === 0 || b.length === 0) return false;
  const [small, large] = a.length <= b.length ? [a, b] : [b, a];
  return small.every((n) => large.includes(n));
}

/** [expected, ours] as compared, or null when the field is not compared on this page. */
function compared(field: Field, exp: ExpectedMetadata, a: Article | null): [string, string] | null {
  switch (field) {
    case "title":
      return [norm(exp.title), norm(a?.title)];
    case "siteName":
      return [norm(exp.siteName), norm(a?.siteName)];
    case "byline":
      return [normByline(exp.byline), normByline(a?.byline)];
    case "lang":
      if (!exp.lang) return null;
      return [norm(exp.lang).toLowerCase(), norm(a?.lang).toLowerCase()];
    case "dir": {
      const eff = (d: string | null | undefined) => (norm(d).toLowerCase() === "rtl" ? "rtl" : "ltr");
      return [eff(exp.dir), eff(a?.dir)];
    }
  }
}

/** An ad label, judged independently of the pipeline's own list. */
const AD_LABEL =
  /^(?:advertisements?|advertising|advert|ads?|sponsored(?: content| links?)?|paid (?:content|post)|(?:story|article|content) continues below(?: (?:this )?(?:advertisement|ad))?|continue reading below(?: advertisement)?|advertisement[\s\-–—:]*scroll to continue(?: with content)?|scroll to continue with content|skip advertisement)$/i;

function isAdLabelText(text: string): boolean {
  const t = normalizeSpace(text).replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "");
  return t.length > 0 && AD_LABEL.test(t);
}

function adLabelElements(root: ParentNode): string[] {
  const hits: string[] = [];
  for (const el of Array.from(root.querySelectorAll("*"))) {
    if (el.localName === "script" || el.localName === "style") continue;
    const text = el.textContent ?? "";
    if (isAdLabelText(text)) hits.push(`<${el.localName}> "${normalizeSpace(text)}"`);
  }
  return hits;
}

const CAPTION_MIN_CHARS = 20;
const squeeze = (s: string) => s.replace(/\s+/g, "");

/** Caption-like texts of a source document (whitespace removed, ≥ 20 chars, distinct). */
function sourceCaptions(doc: Document): string[] {
  const texts = new Set<string>();
  for (const el of Array.from(
    doc.querySelectorAll("figcaption, [class*='caption' i], [class*='credit' i]"),
  )) {
    texts.add(squeeze(el.textContent ?? ""));
  }
  for (const img of Array.from(doc.querySelectorAll("img[alt]")))
    texts.add(squeeze(img.getAttribute("alt")!));
  return [...texts].filter((t) => t.length >= CAPTION_MIN_CHARS);
}

function occurrences(haystack: string, needle: string): number {
  let n = 0;
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + needle.length)) n++;
  return n;
}

// ---------------------------------------------------------------------------------------------

interface PageResult {
  name: string;
  article: Article | null;
  error: string | null;
  f1: F1;
  expected: ExpectedMetadata;
  ms: number;
  /** Ad-label elements found in the source (only for AD_LABEL_PAGES). */
  sourceAdLabels: string[];
  /** Caption texts found in the source (only for CAPTION_PAGES). */
  sourceCaptions: string[];
  /** Images in expected.html. */
  expectedImages: number;
}

describe.skipIf(!present)("Mozilla readability-test-pages conformance", () => {
  const results = new Map<string, PageResult>();
  let pages: MozillaPage[] = [];
  let exceptions: Record<string, string> = {};
  let metadataExceptions: Record<string, string> = {};
  let imageExceptions: Record<string, string> = {};
  const scratch = new JSDOM("").window.document;

  beforeAll(async () => {
    exceptions = readExceptions("exceptions.json");
    metadataExceptions = readExceptions("metadata-exceptions.json");
    imageExceptions = readExceptions("image-exceptions.json");
    pages = listMozillaPages(status);
    const started = performance.now();
    for (const page of pages) {
      const dom = makeDom(page.source(), MOZILLA_URL);
      const doc = dom.window.document;
      const sourceAdLabels = AD_LABEL_PAGES.includes(page.name) ? adLabelElements(doc) : [];
      const captions = CAPTION_PAGES.includes(page.name) ? sourceCaptions(doc) : [];
      let article: Article | null = null;
      let error: string | null = null;
      const t0 = performance.now();
      try {
        const res = extractArticle(doc, { url: MOZILLA_URL, force: true }); // as the CLI runs it
        if (res.ok) article = res.article;
        else error = `${res.error.kind}: ${res.error.message}`;
      } catch (e) {
        error = `threw: ${(e as Error).stack ?? e}`;
      }
      const ms = performance.now() - t0;
      const ours = article ? htmlText(scratch, article.content) : "";
      const expectedHtml = page.expectedHtml();
      const f1 = wordF1(ours, htmlText(scratch, expectedHtml));
      results.set(page.name, {
        name: page.name,
        article,
        error,
        f1,
        expected: page.expectedMetadata(),
        ms,
        sourceAdLabels,
        sourceCaptions: captions,
        expectedImages: parseHtml(scratch, expectedHtml).querySelectorAll("img").length,
      });
      dom.window.close();
      await yieldToEventLoop();
    }
    const all = [...results.values()];
    const mean = all.reduce((s, r) => s + r.f1.f1, 0) / all.length;
    const worst = [...all].sort((a, b) => a.f1.f1 - b.f1.f1).slice(0, 10);
    const rows = worst.map(
      (r) =>
        `  ${r.name.padEnd(40)} F1 ${r.f1.f1.toFixed(3)}  P ${r.f1.precision.toFixed(3)}  R ${r.f1.recall.toFixed(3)}` +
        `  words ${r.f1.predicted}/${r.f1.reference}${r.error ? `  ERROR ${r.error.split("\n")[0]}` : ""}`,
    );
    console.log(
      [
        `conformance: ${all.length} pages in ${((performance.now() - started) / 1000).toFixed(1)} s, mean word F1 ${mean.toFixed(4)} (min ${MEAN_F1_MIN})`,
        "worst 10 by F1:",
        ...rows,
      ].join("\n"),
    );
  });

  afterAll(() => {
    const stale = Object.keys(exceptions).filter((p) => (results.get(p)?.f1.f1 ?? 0) >= PAGE_F1_MIN);
    if (stale.length)
      console.log(`exceptions.json entries that now pass (could be removed): ${stale.join(", ")}`);
  });

  it("exception files name existing pages and fields", () => {
    const names = new Set(pages.map((p) => p.name));
    const bad = [...Object.keys(exceptions), ...Object.keys(imageExceptions)].filter((k) => !names.has(k));
    for (const key of Object.keys(metadataExceptions)) {
      const i = key.lastIndexOf(":");
      const [page, field] = [key.slice(0, i), key.slice(i + 1)];
      if (i < 0 || !names.has(page) || !(FIELDS as readonly string[]).includes(field)) bad.push(key);
    }
    expect(bad, "unknown keys in exceptions.json / metadata-exceptions.json").toEqual([]);
  });

  it(`mean word F1 ≥ ${MEAN_F1_MIN}`, () => {
    const all = [...results.values()];
    expect(all.length).toBeGreaterThan(0);
    const mean = all.reduce((s, r) => s + r.f1.f1, 0) / all.length;
    expect(mean).toBeGreaterThanOrEqual(MEAN_F1_MIN);
  });

  it(`every page has word F1 ≥ ${PAGE_F1_MIN} unless listed in exceptions.json`, () => {
    const failing = [...results.values()]
      .filter((r) => r.f1.f1 < PAGE_F1_MIN && !(r.name in exceptions))
      .map(
        (r) =>
          `${r.name}: F1 ${r.f1.f1.toFixed(3)} (P ${r.f1.precision.toFixed(3)}, R ${r.f1.recall.toFixed(3)})` +
          (r.error ? ` ${r.error.split("\n")[0]}` : ""),
      );
    expect(failing).toEqual([]);
  });

  it.each(FIELDS)("metadata %s: raw agreement at its floor, every deviation listed", (field) => {
    let total = 0;
    let agree = 0;
    const reviewed: string[] = [];
    const unlisted: string[] = [];
    for (const r of results.values()) {
      const pair = compared(field, r.expected, r.article);
      if (!pair) continue;
      total++;
      if (pair[0] === pair[1] || (field === "byline" && sameAuthors(pair[0], pair[1]))) agree++;
      else if (`${r.name}:${field}` in metadataExceptions)
        reviewed.push(`${r.name} (${JSON.stringify(pair[1])})`);
      else {
        unlisted.push(`${r.name}: expected ${JSON.stringify(pair[0])}, got ${JSON.stringify(pair[1])}`);
      }
    }
    console.log(
      `metadata ${field}: raw agreement ${agree}/${total} (${((100 * agree) / total).toFixed(1)}%); ` +
        `listed deviations, not counted: ${reviewed.length ? reviewed.join(", ") : "none"}`,
    );
    expect(unlisted, `${field} disagreements not in metadata-exceptions.json`).toEqual([]);
    expect(agree / total).toBeGreaterThanOrEqual(METADATA_AGREEMENT_MIN[field]!);
  });

  it("no page keeps fewer images than expected.html unless listed with its reason", () => {
    const fewer: string[] = [];
    for (const r of results.values()) {
      if (r.name in imageExceptions) continue;
      const ours = r.article ? parseHtml(scratch, r.article.content).querySelectorAll("img").length : 0;
      if (ours < r.expectedImages) fewer.push(`${r.name}: ${ours} of ${r.expectedImages}`);
    }
    expect(fewer).toEqual([]);
  });

  it("the ad-label check finds labels in the sources (so it can fail)", () => {
    const found = AD_LABEL_PAGES.reduce((n, p) => n + (results.get(p)?.sourceAdLabels.length ?? 0), 0);
    expect(found).toBeGreaterThan(0);
  });

  it.each(AD_LABEL_PAGES)("no ad label left in %s", (name) => {
    const r = results.get(name);
    expect(r, `page ${name} missing from corpus`).toBeDefined();
    expect(r!.error).toBeNull();
    expect(adLabelElements(parseHtml(scratch, r!.article!.content))).toEqual([]);
  });

  it.each(CAPTION_PAGES)("no caption printed twice in %s", (name) => {
    const r = results.get(name);
    expect(r, `page ${name} missing from corpus`).toBeDefined();
    expect(r!.error).toBeNull();
    expect(r!.sourceCaptions.length, "no caption texts found in the source").toBeGreaterThan(0);
    const text = squeeze(r!.article!.textContent);
    const repeated = r!.sourceCaptions
      .map((c) => [c, occurrences(text, c)] as const)
      .filter(([, n]) => n > 1)
      .map(([c, n]) => `${n}× ${c.slice(0, 80)}`);
    expect(repeated).toEqual([]);
  });
});

function parseHtml(doc: Document, html: string): DocumentFragment {
  const t = doc.createElement("template");
  t.innerHTML = html;
  return t.content;
}
