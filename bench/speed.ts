/**
 * `npm run bench`: how much Folio's pipeline costs over bare Readability, on every Mozilla test
 * page, in one process with jsdom.
 *
 * Per page (parsed once, outside the timings, by src/node/jsdom.ts: both variants read the same
 * jsdom document, with the same DOM shim installed on its window), the median over N rounds of
 *   (a) bare:     new Readability(doc.cloneNode(true)).parse()
 *   (b) pipeline: extractArticle(doc, { url, force: true }), as the CLI runs it
 *   (c) floor:    doc.cloneNode(true) + one TreeWalker pass touching every element
 * The three alternate inside each round and their order rotates from round to round. A global
 * warm-up (all three on the first pages) and one untimed round per page come first.
 *
 * Options: --runs N (default 5), --warmup-pages N (default 10), --only a,b, --verbose (rows per
 * page), --no-markdown (pipeline with `markdown: false`, to see what Markdown costs), --corpus DIR,
 * --same-work (two more variants, to compare the same work on both sides:
 *   (d) reading:   extractUnsanitized(doc, { url, force: true }), what the extension's content
 *                  script runs (the popup sanitizes what it shows, block by block)
 *   (e) bare+sanitizer: (a), then its HTML through Folio's sanitizer, as a reader that shows
 *                  bare Readability's article must do (the bare popup sanitizes it with DOMPurify)
 * and prints reading/bare and pipeline/(bare+sanitizer) beside the target's pipeline/bare).
 */
import { Readability } from "@mozilla/readability";
import { extractArticle, extractUnsanitized } from "../src/core/extract.ts";
import { sanitizeHtml } from "../src/core/sanitize.ts";
import {
  MOZILLA_URL,
  argValue,
  corpusStatus,
  hasFlag,
  listMozillaPages,
  makeDom,
  yieldToEventLoop,
} from "./corpus.ts";
import { median } from "./stats.ts";

const TARGET_RATIO = 1.1;

const runs = Math.max(1, Number(argValue("runs") ?? 5));
const warmupPages = Math.max(0, Number(argValue("warmup-pages") ?? 10));
const verbose = hasFlag("verbose");
const markdown = !hasFlag("no-markdown");
const only = argValue("only")?.split(",").filter(Boolean);
const sameWork = hasFlag("same-work");

const status = corpusStatus();
if (!status.mozilla.present) {
  console.error(`corpus absent at ${status.mozilla.path}: nothing to benchmark\n${status.summary}`);
  process.exit(1);
}
let pages = listMozillaPages(status);
if (only) pages = pages.filter((p) => only.includes(p.name));
if (pages.length === 0) {
  console.error("no pages selected");
  process.exit(1);
}

let sink = 0; // keeps results observable so nothing is optimised away

type Variant = "bare" | "pipeline" | "floor" | "reading" | "bareSanitized";
const VARIANTS: Variant[] = [
  "bare",
  "pipeline",
  "floor",
  ...(sameWork ? (["reading", "bareSanitized"] as const) : []),
];

function runOnce(variant: Variant, doc: Document, showElement: number): void {
  switch (variant) {
    case "bare": {
      const r = new Readability(doc.cloneNode(true) as Document).parse();
      sink += r?.content?.length ?? 0;
      return;
    }
    case "pipeline": {
      const r = extractArticle(doc, { url: MOZILLA_URL, force: true, markdown });
      sink += r.ok ? r.article.content.length : 1;
      return;
    }
    case "reading": {
      const r = extractUnsanitized(doc, { url: MOZILLA_URL, force: true });
      sink += r.ok ? r.article.content.length : 1;
      return;
    }
    case "bareSanitized": {
      const r = new Readability(doc.cloneNode(true) as Document).parse();
      sink += sanitizeHtml(r?.content ?? "", doc.defaultView as unknown as Window).length;
      return;
    }
    case "floor": {
      const clone = doc.cloneNode(true) as Document;
      const walker = clone.createTreeWalker(clone.documentElement, showElement);
      for (let n = walker.currentNode; n; n = walker.nextNode()!) sink += (n as Element).localName.length;
      return;
    }
  }
}

/** Nearest-rank percentile. */
function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

function elementCount(doc: Document): number {
  return doc.getElementsByTagName("*").length;
}

// Warm-up: JIT for all three code paths on a spread of pages.
const warmSet = pages
  .filter((_, i) => i % Math.max(1, Math.floor(pages.length / warmupPages)) === 0)
  .slice(0, warmupPages);
process.stderr.write(`warming up on ${warmSet.length} pages…\n`);
for (const page of warmSet) {
  const dom = makeDom(page.source(), MOZILLA_URL);
  const show = dom.window.NodeFilter.SHOW_ELEMENT;
  for (let i = 0; i < 2; i++) for (const v of VARIANTS) runOnce(v, dom.window.document, show);
  dom.window.close();
  await yieldToEventLoop();
}

interface Row {
  name: string;
  elements: number;
  bare: number;
  pipeline: number;
  floor: number;
  reading: number;
  bareSanitized: number;
  ratio: number;
}
const rows: Row[] = [];
const failures: string[] = [];

process.stderr.write(`timing ${pages.length} pages, ${runs} runs each…\n`);
const started = performance.now();
for (const [index, page] of pages.entries()) {
  const dom = makeDom(page.source(), MOZILLA_URL);
  const doc = dom.window.document;
  const show = dom.window.NodeFilter.SHOW_ELEMENT;
  const before = elementCount(doc);
  try {
    for (const v of VARIANTS) runOnce(v, doc, show); // untimed round
  } catch (e) {
    failures.push(`${page.name}: ${(e as Error).message}`);
    dom.window.close();
    await yieldToEventLoop();
    continue;
  }
  if (elementCount(doc) !== before) {
    console.error(
      `${page.name}: extractArticle changed the input document (${before} → ${elementCount(doc)} elements); timings would be wrong`,
    );
    process.exit(2);
  }
  const times: Record<Variant, number[]> = {
    bare: [],
    pipeline: [],
    floor: [],
    reading: [],
    bareSanitized: [],
  };
  for (let round = 0; round < runs; round++) {
    for (let k = 0; k < VARIANTS.length; k++) {
      const v = VARIANTS[(k + round + index) % VARIANTS.length]!;
      const t0 = performance.now();
      runOnce(v, doc, show);
      times[v].push(performance.now() - t0);
    }
    await yieldToEventLoop(); // lets the clones of this round be collected
  }
  const row: Row = {
    name: page.name,
    elements: before,
    bare: median(times.bare),
    pipeline: median(times.pipeline),
    floor: median(times.floor),
    reading: sameWork ? median(times.reading) : Number.NaN,
    bareSanitized: sameWork ? median(times.bareSanitized) : Number.NaN,
    ratio: 0,
  };
  row.ratio = row.pipeline / row.bare;
  rows.push(row);
  if (verbose) {
    console.log(
      `${row.name.padEnd(36)} ${String(row.elements).padStart(6)} el  bare ${row.bare.toFixed(2).padStart(8)} ms  ` +
        `pipeline ${row.pipeline.toFixed(2).padStart(8)} ms  floor ${row.floor.toFixed(2).padStart(7)} ms  ratio ${row.ratio.toFixed(2)}`,
    );
  }
  dom.window.close();
  await yieldToEventLoop();
}

const col = (k: Variant) => rows.map((r) => r[k]);
const fmt = (ms: number) => `${ms.toFixed(2)} ms`;
const ratios = rows.map((r) => r.ratio);
const medRatio = median(ratios);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
console.log(
  [
    "",
    `speed: ${rows.length} Mozilla pages, median of ${runs} runs each${markdown ? "" : ", pipeline without Markdown"} (${((performance.now() - started) / 1000).toFixed(1)} s)`,
    `                 median/page   p95/page    total`,
    ...(["bare", "pipeline", "floor"] as const).map(
      (k) =>
        `  ${(k === "bare" ? "bare Readability" : k === "pipeline" ? "Folio pipeline" : "floor clone+walk").padEnd(16)} ` +
        `${fmt(median(col(k))).padStart(10)} ${fmt(percentile(col(k), 95)).padStart(10)} ${fmt(sum(col(k))).padStart(11)}`,
    ),
    `  ratio pipeline/bare per page: median ${medRatio.toFixed(2)}, p95 ${percentile(ratios, 95).toFixed(2)}, ` +
      `total ${(sum(col("pipeline")) / sum(col("bare"))).toFixed(2)}`,
    `  slowest ratios: ${[...rows]
      .sort((a, b) => b.ratio - a.ratio)
      .slice(0, 5)
      .map((r) => `${r.name} ${r.ratio.toFixed(2)}`)
      .join(", ")}`,
    ...(sameWork
      ? [
          `  the same work on both sides: reading (the content script's, unsanitized) / bare: median ${median(rows.map((r) => r.reading / r.bare)).toFixed(2)}, ` +
            `total ${(sum(col("reading")) / sum(col("bare"))).toFixed(2)}; ` +
            `pipeline / bare + sanitizer: median ${median(rows.map((r) => r.pipeline / r.bareSanitized)).toFixed(2)}, ` +
            `total ${(sum(col("pipeline")) / sum(col("bareSanitized"))).toFixed(2)}`,
        ]
      : []),
    ...(failures.length ? [`  FAILED (not timed): ${failures.join("; ")}`] : []),
    `median ratio ${medRatio.toFixed(2)} (target ≤ ${TARGET_RATIO})`,
  ].join("\n"),
);
if (sink === 0) console.log("(no output produced)");
