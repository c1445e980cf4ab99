/**
 * `npm run bench:quality`: extraction quality of Folio's pipeline next to bare Readability.
 *
 * - trafilatura-dev (document URL = the page's `url`), split as its README says: the tune half
 *   (ids ending 0-7), where failures are studied, and the check half (8-f), which judges every
 *   rule and is not read page by page. Each system is scored twice:
 *     - as a click: what the reader gets. Folio without `force` (a refusal scores as empty
 *       text); bare Readability behind its own `isProbablyReaderable` gate, as the browsers'
 *       reader views use it;
 *     - forced: Folio with `force: true`; bare `Readability.parse()` on every page.
 *   The text scored is what the reader reads under the headline: the standfirst (`subtitle`)
 *   and the body (`textContent`); for bare Readability its `textContent`. Snippets are counted
 *   as tp/fn/fp/tn, summed per half, then P, R, F. Refusals are counted per half, and Folio's
 *   refusals of pages that declare an article (schema.org Article types, og:type article).
 *   Pages where Folio did worse than bare are listed from the tune half only.
 * - Mozilla readability-test-pages: mean word-token F1 of the text of each one's `content`
 *   against expected.html.
 *
 * Options: --only id1,id2 (trafilatura ids and/or Mozilla page names), --all (list every worse
 * tune page, not the top 30), --json out.json (per-page results), --no-mozilla, --corpus DIR.
 */
import { writeFileSync } from "node:fs";
import { isProbablyReaderable, Readability } from "@mozilla/readability";
import { JSDOM } from "jsdom";
import { extractArticle } from "../src/core/extract.ts";
import { extractMetadata } from "../src/core/metadata/index.ts";
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
import {
  type SnippetCounts,
  type SnippetScore,
  addCounts,
  htmlText,
  prf,
  scoreSnippets,
  wordF1,
  zeroCounts,
} from "./text-metrics.ts";

const TARGET =
  "check half as a click: F ≥ 0.94, precision ≥ 0.93; tune and check within 0.01; no refused page that declares an article";
const only = argValue("only")?.split(",").filter(Boolean);
const listAll = hasFlag("all");
const jsonOut = argValue("json");

const status = corpusStatus();
console.log(status.summary);
if (!status.trafilatura.present && !status.mozilla.present) process.exit(1);

interface Extraction {
  text: string;
  /** Content HTML (Mozilla only needs it). */
  content: string;
  error: string | null;
  ms: number;
}

function runBare(doc: Document, gated: boolean): Extraction {
  const t0 = performance.now();
  try {
    if (gated && !isProbablyReaderable(doc))
      return { text: "", content: "", error: "refused", ms: performance.now() - t0 };
    const r = new Readability(doc.cloneNode(true) as Document).parse();
    return {
      text: r?.textContent ?? "",
      content: r?.content ?? "",
      error: r ? null : "parse() returned null",
      ms: performance.now() - t0,
    };
  } catch (e) {
    return { text: "", content: "", error: `threw: ${(e as Error).message}`, ms: performance.now() - t0 };
  }
}

/** What the reader reads under the headline: the standfirst, then the body. */
function readerText(article: Article): string {
  return article.subtitle ? `${article.subtitle}\n\n${article.textContent}` : article.textContent;
}

function runFolio(doc: Document, url: string, force: boolean): Extraction & { refused: boolean } {
  const t0 = performance.now();
  try {
    const r = extractArticle(doc, { url, force });
    const ms = performance.now() - t0;
    if (r.ok)
      return { text: readerText(r.article), content: r.article.content, error: null, ms, refused: false };
    return {
      text: "",
      content: "",
      error: `${r.error.kind}: ${r.error.message}`,
      ms,
      refused: r.error.kind === "not-article",
    };
  } catch (e) {
    return {
      text: "",
      content: "",
      error: `threw: ${(e as Error).message}`,
      ms: performance.now() - t0,
      refused: false,
    };
  }
}

const pct = (x: number) => x.toFixed(3);
// ---------------------------------------------------------------------------------------------
// trafilatura-dev

type Score = Omit<SnippetScore, "found">;
type Half = "tune" | "check";
type Mode = "click" | "forced";
type System = "folio" | "bare";
const HALVES: readonly Half[] = ["tune", "check"];

/** The corpus README's split: by the last hex digit of the id. */
function halfOf(id: string): Half {
  return /[0-7]$/i.test(id) ? "tune" : "check";
}

interface TrafResult {
  id: string;
  half: Half;
  url: string;
  encoding: string;
  declaresArticle: boolean;
  folio: Score & { error: string | null; ms: number };
  bare: Score & { error: string | null; ms: number };
  /** Folio and bare as a click: refused (not-article / not readerable). */
  folioRefused: boolean;
  bareRefused: boolean;
  /** `with` snippets bare found and Folio missed / Folio found and bare missed (both forced). */
  lost: string[];
  gained: string[];
  /** `without` snippets Folio leaked and bare did not / bare leaked and Folio did not. */
  leakedMore: string[];
  leakedLess: string[];
}

const trafResults: TrafResult[] = [];
const totals = {} as Record<`${System}-${Mode}-${Half}`, SnippetCounts>;
for (const system of ["folio", "bare"] as const)
  for (const mode of ["click", "forced"] as const)
    for (const half of HALVES) totals[`${system}-${mode}-${half}`] = zeroCounts();

if (status.trafilatura.present) {
  let pages = listTrafilaturaPages(status);
  if (only) pages = pages.filter((p) => only.includes(p.id));
  const started = performance.now();
  for (const [i, page] of pages.entries()) {
    const half = halfOf(page.id);
    const decoded = page.load();
    let bare: Extraction;
    let folio: Extraction;
    let folioRefused = false;
    let bareRefused = false;
    let declares = false;
    let dom: JSDOM | null = null;
    try {
      dom = makeDom(decoded.text, page.url);
      const doc = dom.window.document;
      declares = extractMetadata(doc, page.url).declaresArticle;
      bareRefused = !isProbablyReaderable(doc);
      bare = runBare(doc, false); // on a clone, first, so Folio sees the page untouched
      const click = runFolio(doc, page.url, false);
      folioRefused = click.refused;
      // Forced differs from a click only where the click was refused.
      folio = click.refused ? runFolio(doc, page.url, true) : click;
    } catch (e) {
      const err: Extraction = { text: "", content: "", error: `jsdom: ${(e as Error).message}`, ms: 0 };
      bare = err;
      folio = err;
    }
    dom?.window.close();
    await yieldToEventLoop();
    const fs = scoreSnippets(folio.text, page.with, page.without);
    const bs = scoreSnippets(bare.text, page.with, page.without);
    const none = scoreSnippets("", page.with, page.without);
    addCounts(totals[`folio-forced-${half}`], fs);
    addCounts(totals[`bare-forced-${half}`], bs);
    addCounts(totals[`folio-click-${half}`], folioRefused ? none : fs);
    addCounts(totals[`bare-click-${half}`], bareRefused ? none : bs);
    const { found: folioFound, ...folioScore } = fs;
    const { found: bareFound, ...bareScore } = bs;
    trafResults.push({
      id: page.id,
      half,
      url: page.url,
      encoding: `${decoded.encoding} (${decoded.from})`,
      declaresArticle: declares,
      folio: { ...folioScore, error: folio.error, ms: folio.ms },
      bare: { ...bareScore, error: bare.error, ms: bare.ms },
      folioRefused,
      bareRefused,
      lost: bareFound.filter((s) => !folioFound.includes(s)),
      gained: folioFound.filter((s) => !bareFound.includes(s)),
      leakedMore: fs.leaked.filter((s) => !bs.leaked.includes(s)),
      leakedLess: bs.leaked.filter((s) => !fs.leaked.includes(s)),
    });
    if ((i + 1) % 50 === 0 || i + 1 === pages.length) {
      const sum = (key: "folio-click" | "bare-click") =>
        prf(addCounts(addCounts(zeroCounts(), totals[`${key}-tune`]), totals[`${key}-check`]));
      process.stderr.write(
        `  trafilatura ${i + 1}/${pages.length} (${((performance.now() - started) / 1000).toFixed(0)} s): ` +
          `Folio F ${pct(sum("folio-click").f)}  bare F ${pct(sum("bare-click").f)} (as a click)\n`,
      );
    }
  }
} else {
  console.log(`trafilatura-dev absent at ${status.trafilatura.path}: skipped`);
}

// ---------------------------------------------------------------------------------------------
// Mozilla

interface MozResult {
  name: string;
  folio: number;
  bare: number;
  folioError: string | null;
  bareError: string | null;
}
const mozResults: MozResult[] = [];
if (status.mozilla.present && !hasFlag("no-mozilla")) {
  let pages = listMozillaPages(status);
  if (only) pages = pages.filter((p) => only.includes(p.name));
  const scratch = new JSDOM("").window.document;
  for (const page of pages) {
    const dom = makeDom(page.source(), MOZILLA_URL);
    const bare = runBare(dom.window.document, false);
    const folio = runFolio(dom.window.document, MOZILLA_URL, true);
    dom.window.close();
    await yieldToEventLoop();
    const expected = htmlText(scratch, page.expectedHtml());
    mozResults.push({
      name: page.name,
      folio: wordF1(htmlText(scratch, folio.content), expected).f1,
      bare: wordF1(htmlText(scratch, bare.content), expected).f1,
      folioError: folio.error,
      bareError: bare.error,
    });
  }
  process.stderr.write(`  mozilla ${mozResults.length} pages done\n`);
}

// ---------------------------------------------------------------------------------------------
// Report

const out: string[] = [""];
if (trafResults.length) {
  const inHalf = (half: Half) => trafResults.filter((r) => r.half === half);
  const cell = (c: SnippetCounts) => {
    const s = prf(c);
    return `F ${pct(s.f)} P ${pct(s.precision)} R ${pct(s.recall)}`;
  };
  const both = (key: `${System}-${Mode}`) =>
    addCounts(addCounts(zeroCounts(), totals[`${key}-tune`]), totals[`${key}-check`]);
  const refusals = (system: System, half?: Half) =>
    trafResults.filter(
      (r) => (!half || r.half === half) && (system === "folio" ? r.folioRefused : r.bareRefused),
    ).length;
  out.push(
    `trafilatura-dev: ${trafResults.length} pages (tune half ${inHalf("tune").length}, check half ${inHalf("check").length})`,
    `  ${"".padEnd(26)}${"tune half".padEnd(36)}${"check half (judges)".padEnd(36)}all`,
  );
  const rows: [string, System, Mode][] = [
    ["bare Readability, click", "bare", "click"],
    ["bare Readability, forced", "bare", "forced"],
    ["Folio, click", "folio", "click"],
    ["Folio, forced", "folio", "forced"],
  ];
  for (const [label, system, mode] of rows) {
    out.push(
      `  ${label.padEnd(26)}${cell(totals[`${system}-${mode}-tune`]).padEnd(36)}${cell(totals[`${system}-${mode}-check`]).padEnd(36)}${cell(both(`${system}-${mode}`))}`,
    );
  }
  out.push(
    `  refused as a click (tune / check): Folio ${refusals("folio", "tune")} / ${refusals("folio", "check")}, ` +
      `bare Readability's isProbablyReaderable ${refusals("bare", "tune")} / ${refusals("bare", "check")}`,
  );
  const declaredRefused = trafResults.filter((r) => r.folioRefused && r.declaresArticle);
  out.push(
    `  Folio's refusals of pages that declare an article: ${declaredRefused.length}` +
      (declaredRefused.length ? ` (${declaredRefused.map((r) => `${r.id} [${r.half}]`).join(", ")})` : ""),
  );
  const tuneRefused = trafResults.filter((r) => r.folioRefused && r.half === "tune");
  if (tuneRefused.length)
    out.push(`  Folio refused on the tune half: ${tuneRefused.map((r) => `${r.id} ${r.url}`).join("; ")}`);
  const folioErrors = trafResults.filter((r) => r.folio.error && !r.folioRefused);
  out.push(
    `  failures other than refusals (empty text): Folio ${folioErrors.length}` +
      (folioErrors.length
        ? ` — ${folioErrors
            .slice(0, 8)
            .map((r) => `${r.id} (${r.folio.error})`)
            .join("; ")}${folioErrors.length > 8 ? "; …" : ""}`
        : ""),
  );
  const loss = (r: TrafResult) => r.bare.tp - r.folio.tp + (r.folio.fp - r.bare.fp);
  const worseAll = trafResults.filter((r) => r.folio.tp < r.bare.tp || r.folio.fp > r.bare.fp);
  const worse = worseAll
    .filter((r) => r.half === "tune")
    .sort(
      (a, b) =>
        loss(b) - loss(a) || b.lost.length + b.leakedMore.length - (a.lost.length + a.leakedMore.length),
    );
  const better = trafResults.filter((r) => r.folio.tp > r.bare.tp || r.folio.fp < r.bare.fp).length;
  out.push(
    `  pages where forced Folio is worse than bare: ${worseAll.length} (tune ${worse.length}); better: ${better}`,
  );
  const shown = listAll ? worse : worse.slice(0, 30);
  if (shown.length)
    out.push(`  worse than bare, tune half only${listAll ? "" : " (top 30)"}: id, Δtp, Δfp, url`);
  const clip = (s: string) => JSON.stringify(s.length > 90 ? `${s.slice(0, 87)}…` : s);
  for (const r of shown) {
    out.push(
      `    ${r.id}  Δtp ${r.folio.tp - r.bare.tp}  Δfp ${r.folio.fp - r.bare.fp > 0 ? "+" : ""}${r.folio.fp - r.bare.fp}  ${r.url}` +
        (r.folio.error ? `  [Folio ${r.folio.error}]` : ""),
    );
    for (const s of r.lost) out.push(`      lost   ${clip(s)}`);
    for (const s of r.leakedMore) out.push(`      leaked ${clip(s)}`);
    for (const s of r.gained) out.push(`      gained ${clip(s)}`);
    for (const s of r.leakedLess) out.push(`      dropped boilerplate ${clip(s)}`);
  }
}
if (mozResults.length) {
  const mean = (k: "folio" | "bare") => mozResults.reduce((s, r) => s + r[k], 0) / mozResults.length;
  const worse = mozResults
    .filter((r) => r.folio < r.bare - 0.01)
    .sort((a, b) => a.folio - a.bare - (b.folio - b.bare));
  out.push(
    "",
    `Mozilla readability-test-pages: ${mozResults.length} pages, mean word F1 vs expected.html: ` +
      `Folio ${mozResults.length ? mean("folio").toFixed(4) : "-"}, bare ${mean("bare").toFixed(4)}`,
    ...(worse.length
      ? [
          `  Folio below bare by > 0.01: ${worse
            .slice(0, listAll ? undefined : 15)
            .map((r) => `${r.name} ${r.folio.toFixed(3)} vs ${r.bare.toFixed(3)}`)
            .join(", ")}`,
        ]
      : []),
  );
}
out.push("", `target: ${TARGET}`);
if (trafResults.length) {
  const tune = prf(totals["folio-click-tune"]);
  const check = prf(totals["folio-click-check"]);
  const declaredRefused = trafResults.filter((r) => r.folioRefused && r.declaresArticle).length;
  const ok =
    check.f >= 0.94 && check.precision >= 0.93 && Math.abs(tune.f - check.f) <= 0.01 && declaredRefused === 0;
  out.push(
    `  Folio as a click, check half: F ${pct(check.f)}, precision ${pct(check.precision)}; tune half F ${pct(tune.f)} ` +
      `(gap ${pct(Math.abs(tune.f - check.f))}); declared articles refused ${declaredRefused}: ${ok ? "MET" : "NOT MET"}`,
  );
}
console.log(out.join("\n"));

if (jsonOut) {
  writeFileSync(
    jsonOut,
    JSON.stringify(
      {
        trafilatura: {
          totals: Object.fromEntries(Object.entries(totals).map(([k, c]) => [k, { ...c, ...prf(c) }])),
          pages: trafResults,
        },
        mozilla: mozResults,
      },
      null,
      2,
    ),
  );
  console.log(`per-page results written to ${jsonOut}`);
}
