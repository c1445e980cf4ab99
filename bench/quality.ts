/**
 * `npm run bench:quality`: extraction quality of Folio's pipeline next to bare Readability.
 *
 * - trafilatura-dev (document URL = the page's `url`): snippet scoring of `article.textContent`
 *   (force: true; a failure scores as empty text) and of bare `Readability.parse().textContent`;
 *   tp/fn/fp/tn summed over pages, then P, R, F. Pages where Folio did worse than bare (fewer
 *   tp or more fp) are listed with the snippets lost / leaked.
 * - Mozilla readability-test-pages: mean word-token F1 of the text of each one's `content`
 *   against expected.html.
 *
 * Options: --only id1,id2 (trafilatura ids and/or Mozilla page names), --all (list every worse
 * page, not the top 30), --json out.json (per-page results), --no-mozilla, --corpus DIR.
 */
import { writeFileSync } from "node:fs";
import { Readability } from "@mozilla/readability";
import { JSDOM } from "jsdom";
import { extractArticle } from "../src/core/extract.ts";
import { JSDOM_EXTRACT_OPTIONS } from "../src/node/jsdom.ts";
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

const TARGET = "F ≥ 0.92, precision ≥ 0.90, recall ≥ bare Readability's on the same pages";
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

function runBare(doc: Document): Extraction {
  const t0 = performance.now();
  try {
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

function runFolio(doc: Document, url: string): Extraction {
  const t0 = performance.now();
  try {
    const r = extractArticle(doc, { ...JSDOM_EXTRACT_OPTIONS, url, force: true });
    const ms = performance.now() - t0;
    if (r.ok) return { text: r.article.textContent, content: r.article.content, error: null, ms };
    return { text: "", content: "", error: `${r.error.kind}: ${r.error.message}`, ms };
  } catch (e) {
    return { text: "", content: "", error: `threw: ${(e as Error).message}`, ms: performance.now() - t0 };
  }
}

const pct = (x: number) => x.toFixed(3);
const line = (label: string, c: SnippetCounts) => {
  const s = prf(c);
  return `  ${label.padEnd(18)} F ${pct(s.f)}  P ${pct(s.precision)}  R ${pct(s.recall)}   (tp ${c.tp} fn ${c.fn} fp ${c.fp} tn ${c.tn})`;
};

// ---------------------------------------------------------------------------------------------
// trafilatura-dev

type Score = Omit<SnippetScore, "found">;
interface TrafResult {
  id: string;
  url: string;
  encoding: string;
  folio: Score & { error: string | null; ms: number };
  bare: Score & { error: string | null; ms: number };
  /** `with` snippets bare found and Folio missed / Folio found and bare missed. */
  lost: string[];
  gained: string[];
  /** `without` snippets Folio leaked and bare did not / bare leaked and Folio did not. */
  leakedMore: string[];
  leakedLess: string[];
}

const trafResults: TrafResult[] = [];
const folioTotal = zeroCounts();
const bareTotal = zeroCounts();

if (status.trafilatura.present) {
  let pages = listTrafilaturaPages(status);
  if (only) pages = pages.filter((p) => only.includes(p.id));
  const started = performance.now();
  for (const [i, page] of pages.entries()) {
    const decoded = page.load();
    let bare: Extraction;
    let folio: Extraction;
    let dom: JSDOM | null = null;
    try {
      dom = makeDom(decoded.text, page.url);
      bare = runBare(dom.window.document); // on a clone, first, so Folio sees the page untouched
      folio = runFolio(dom.window.document, page.url);
    } catch (e) {
      const err: Extraction = { text: "", content: "", error: `jsdom: ${(e as Error).message}`, ms: 0 };
      bare = err;
      folio = err;
    }
    dom?.window.close();
    await yieldToEventLoop();
    const fs = scoreSnippets(folio.text, page.with, page.without);
    const bs = scoreSnippets(bare.text, page.with, page.without);
    addCounts(folioTotal, fs);
    addCounts(bareTotal, bs);
    const { found: folioFound, ...folioScore } = fs;
    const { found: bareFound, ...bareScore } = bs;
    trafResults.push({
      id: page.id,
      url: page.url,
      encoding: `${decoded.encoding} (${decoded.from})`,
      folio: { ...folioScore, error: folio.error, ms: folio.ms },
      bare: { ...bareScore, error: bare.error, ms: bare.ms },
      lost: bareFound.filter((s) => !folioFound.includes(s)),
      gained: folioFound.filter((s) => !bareFound.includes(s)),
      leakedMore: fs.leaked.filter((s) => !bs.leaked.includes(s)),
      leakedLess: bs.leaked.filter((s) => !fs.leaked.includes(s)),
    });
    if ((i + 1) % 50 === 0 || i + 1 === pages.length) {
      const f = prf(folioTotal);
      const b = prf(bareTotal);
      process.stderr.write(
        `  trafilatura ${i + 1}/${pages.length} (${((performance.now() - started) / 1000).toFixed(0)} s): ` +
          `Folio F ${pct(f.f)}  bare F ${pct(b.f)}\n`,
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
    const bare = runBare(dom.window.document);
    const folio = runFolio(dom.window.document, MOZILLA_URL);
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
  const folioErrors = trafResults.filter((r) => r.folio.error);
  const bareErrors = trafResults.filter((r) => r.bare.error);
  out.push(
    `trafilatura-dev: ${trafResults.length} pages`,
    line("Folio", folioTotal),
    line("bare Readability", bareTotal),
    `  failures (empty text): Folio ${folioErrors.length}, bare ${bareErrors.length}` +
      (folioErrors.length
        ? ` — Folio: ${folioErrors
            .slice(0, 8)
            .map((r) => `${r.id} (${r.folio.error})`)
            .join("; ")}${folioErrors.length > 8 ? "; …" : ""}`
        : ""),
  );
  const loss = (r: TrafResult) => r.bare.tp - r.folio.tp + (r.folio.fp - r.bare.fp);
  const worse = trafResults
    .filter((r) => r.folio.tp < r.bare.tp || r.folio.fp > r.bare.fp)
    .sort(
      (a, b) =>
        loss(b) - loss(a) || b.lost.length + b.leakedMore.length - (a.lost.length + a.leakedMore.length),
    );
  const better = trafResults.filter((r) => r.folio.tp > r.bare.tp || r.folio.fp < r.bare.fp).length;
  out.push(`  pages where Folio is worse than bare: ${worse.length}; better: ${better}`);
  const shown = listAll ? worse : worse.slice(0, 30);
  if (shown.length) out.push(`  worse than bare${listAll ? "" : " (top 30)"}: id, Δtp, Δfp, url`);
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
  const f = prf(folioTotal);
  const b = prf(bareTotal);
  const ok = f.f >= 0.92 && f.precision >= 0.9 && f.recall >= b.recall;
  out.push(
    `  Folio: F ${pct(f.f)}, precision ${pct(f.precision)}, recall ${pct(f.recall)} (bare ${pct(b.recall)}): ${ok ? "MET" : "NOT MET"}`,
  );
}
console.log(out.join("\n"));

if (jsonOut) {
  writeFileSync(
    jsonOut,
    JSON.stringify(
      {
        trafilatura: {
          folio: { ...folioTotal, ...prf(folioTotal) },
          bare: { ...bareTotal, ...prf(bareTotal) },
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
