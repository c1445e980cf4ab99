/**
 * npm run bench:popup — click-to-article in real Chromium, Folio against an independent bare
 * popup: `../shared/baselines/bare-popup` (bare Readability on a clone, DOMPurify, no build
 * step), assembled into a temporary folder as its README says, with this repository's
 * Readability.js and purify.min.js. Nothing of Folio's is in it.
 *
 * Both extensions are loaded in one Chromium. For each page, the two popups are opened by real
 * toolbar clicks (CDP Extensions.triggerAction), alternating, the order flipping every round.
 * A sample is the time from the click (taken just before the CDP call) to the moment the popup
 * leaves its loading state:
 *   - bare popup: `document.body.dataset.state` leaves `loading` (its README's signal; it sets
 *     `ready` right after putting the whole sanitized article in its page);
 *   - Folio: `document.documentElement.dataset.state` leaves `loading` (Folio sets `ready`
 *     right after putting the header and the first screen of the sanitized body in its page;
 *     the rest follows after the first paint).
 * Neither popup is changed to be measured: a MutationObserver added through CDP as soon as the
 * popup's target appears records the epoch time of the change in the popup itself (no polling
 * delay). "painted" is the frame after that (rAF, then a task), printed for information.
 *
 * Three samples per variant and round: "new site", the page opened from a host the browser has
 * not seen (`folio-bench-<n>.test`, mapped to the local server; each its own site, as `.test`
 * is a top-level domain, so each gets a renderer process of its own with nothing compiled:
 * subdomains of one name would share one): what a reader gets on their first click in a site;
 * "first open", the page reloaded before the click (nothing of either extension in it, but its
 * renderer has run both scripts before: an article they just opened on a site they read);
 * and "again", a second click on the same page. Medians over
 * BENCH_RUNS rounds (default 9, at least 7), the ratio Folio/bare per page; target <= 1.0.
 * BENCH_PAGES picks pages (and "memory"); BENCH_FOLIO_DIST measures another build of Folio.
 * Beside each ratio, its 90 % bootstrap interval (ratio-interval.ts): at 7-15 rounds a ratio
 * moves by about 0.06 between runs of the same code.
 *
 * BENCH_VERSUS=<dir of another Folio build> puts that build where the bare popup was: two
 * builds side by side in one Chromium, alternating, to judge a change of a few milliseconds
 * (with BENCH_TRACE, their milestones inside the popup say more than the ratio). It gives no
 * verdict on the target.
 *
 * Pages: the seed-like fixture, guardian-1 and wikipedia-2 (read by path from the shared
 * corpus folder, FOLIO_CORPUS, never copied here), and a generated page of about 200,000
 * elements (a long article over a huge comment thread), written to a temporary folder.
 *
 * Last, memory: Folio opened twenty times on one load of wikipedia-2; the page's JS heap (its
 * main world and the extensions' isolated worlds) after a forced GC (CDP
 * HeapProfiler.collectGarbage, Runtime.getHeapUsage) and its DOM nodes and documents
 * (Performance.getMetrics), after one opening, ten and twenty: the content script must leave
 * nothing behind (target: ten within 10 % of one).
 */
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { CDPSession, Page } from "playwright-core";
import { generatedPage } from "./generated-page.ts";
import { median } from "./stats.ts";
import { ratioInterval } from "./ratio-interval.ts";
import {
  attach,
  CHROME_DIST,
  clickAction,
  closeTarget,
  launch,
  ROOT,
  SITE_DIR,
  serveStatic,
  type TargetSession,
  waitFor,
} from "../test/e2e/harness.ts";

const BASELINE = resolve(ROOT, "..", "shared", "baselines", "bare-popup");
const CORPUS = resolve(
  process.env.FOLIO_CORPUS ?? join(ROOT, "..", "shared", "corpus", "readability-test-pages"),
);
const RUNS = Math.max(7, Number(process.env.BENCH_RUNS ?? 9));
const ONLY = process.env.BENCH_PAGES?.split(",").filter(Boolean);
const TARGET_RATIO = 1.0;
/** Print, per page and popup, the medians of the popup's milestones (where the time goes). */
const TRACE = Boolean(process.env.BENCH_TRACE);
/** Folio's build to measure (another one, an older commit's, with BENCH_FOLIO_DIST). */
const FOLIO_DIST = resolve(process.env.BENCH_FOLIO_DIST ?? CHROME_DIST);
/** Another build of Folio in the bare popup's place (see above). */
const VERSUS = process.env.BENCH_VERSUS ? resolve(process.env.BENCH_VERSUS) : null;
/** What the second popup is called in the output. */
const SECOND = VERSUS ? "other" : "bare";

interface Variant {
  name: "folio" | "bare";
  id: string;
  popup: string;
  /** The element whose `data-state` says whether the popup is still loading. */
  stateOf: "documentElement" | "body";
}

interface Sample {
  state: string;
  /** With BENCH_TRACE: the popup's own milestones, ms from the click. */
  stages?: Record<string, number>;
  /** Click to leaving `loading`, ms. */
  ready: number;
  /** Click to the frame after that, ms. */
  painted: number;
}

/** The bare popup, assembled as ../shared/baselines/README.md says. */
function assembleBaseline(): string {
  if (!existsSync(join(BASELINE, "manifest.json"))) throw new Error(`baseline not found at ${BASELINE}`);
  const dir = mkdtempSync(join(tmpdir(), "folio-bare-popup-"));
  for (const file of readdirSync(BASELINE)) copyFileSync(join(BASELINE, file), join(dir, file));
  copyFileSync(
    join(ROOT, "node_modules", "@mozilla", "readability", "Readability.js"),
    join(dir, "Readability.js"),
  );
  copyFileSync(join(ROOT, "node_modules", "dompurify", "dist", "purify.min.js"), join(dir, "purify.js"));
  return dir;
}

/** Waits for a page target of the popup to appear, from the moment of the call. */
function nextPopupTarget(cdp: CDPSession, url: string): Promise<string> {
  return new Promise((resolvePopup, reject) => {
    const timer = setTimeout(() => {
      cdp.off("Target.targetCreated", onTarget);
      cdp.off("Target.targetInfoChanged", onTarget);
      reject(new Error(`no popup at ${url} after 10 s`));
    }, 10_000);
    const onTarget = ({ targetInfo }: { targetInfo: { targetId: string; type: string; url: string } }) => {
      if (targetInfo.type !== "page" || !targetInfo.url.startsWith(url)) return;
      clearTimeout(timer);
      cdp.off("Target.targetCreated", onTarget);
      cdp.off("Target.targetInfoChanged", onTarget);
      resolvePopup(targetInfo.targetId);
    };
    cdp.on("Target.targetCreated", onTarget);
    cdp.on("Target.targetInfoChanged", onTarget);
  });
}

/**
 * In the popup: the epoch time its `data-state` leaves `loading`, recorded by a MutationObserver
 * (`late` when it had already left when the observer came).
 */
const observeState = (stateOf: Variant["stateOf"]) => `new Promise((resolve) => {
  if (!location.href.startsWith("chrome-extension:")) { resolve(null); return; }
  const read = () => document.${stateOf}?.dataset.state;
  const finish = (late) => {
    const at = Date.now();
    const state = read();
    requestAnimationFrame(() => setTimeout(() => resolve({ at, painted: Date.now(), late, state }), 0));
  };
  const now = read();
  if (now && now !== "loading") { finish(true); return; }
  const observer = new MutationObserver(() => {
    const s = read();
    if (s && s !== "loading") { observer.disconnect(); finish(false); }
  });
  observer.observe(document, { subtree: true, attributes: true, attributeFilter: ["data-state"] });
})`;

/** One click on `page` for `variant`: the sample, or null when the observer came too late. */
async function openOnce(cdp: CDPSession, page: Page, v: Variant): Promise<Sample | null> {
  const popupUrl = `chrome-extension://${v.id}/${v.popup}`;
  const appeared = nextPopupTarget(cdp, popupUrl);
  const clicked = await clickAction(cdp, v.id, page);
  const targetId = await appeared;
  let popup: TargetSession | null = null;
  try {
    popup = await attach(cdp, targetId, popupUrl);
    const session = popup;
    const seen = await waitFor(
      () =>
        session
          .evaluate<{ at: number; painted: number; late: boolean; state: string } | null>(
            observeState(v.stateOf),
          )
          .catch(() => null),
      60_000,
      `the ${v.name} popup to leave loading`,
    );
    if (seen.late) return null;
    const stages = TRACE ? await popupStages(session, clicked) : undefined;
    return { state: seen.state, ready: seen.at - clicked, painted: seen.painted - clicked, stages };
  } finally {
    await popup?.detach();
    await closeTarget(cdp, targetId);
    await waitFor(
      async () => {
        const { targetInfos } = await cdp.send("Target.getTargets");
        return !targetInfos.some((t) => t.targetId === targetId);
      },
      5_000,
      "the popup to close",
    );
  }
}

/**
 * The popup's milestones, ms from the click: its document's start (the browser opening it), its
 * parsing done (`domInteractive`: its scripts may run), DOMContentLoaded, and its performance
 * marks (Folio's: its module's start, the page's answer).
 */
async function popupStages(session: TargetSession, clicked: number): Promise<Record<string, number>> {
  const { origin, entries } = await session.evaluate<{
    origin: number;
    entries: [string, number][];
  }>(`(() => {
    const nav = performance.getEntriesByType("navigation")[0];
    const entries = [["opened", 0], ["parsed", nav?.domInteractive ?? 0], ["dcl", nav?.domContentLoadedEventStart ?? 0]];
    for (const m of performance.getEntriesByType("mark")) entries.push([m.name, m.startTime]);
    for (const r of performance.getEntriesByType("resource")) entries.push(["loaded " + r.name.split("/").pop(), r.responseEnd]);
    return { origin: performance.timeOrigin, entries };
  })()`);
  return Object.fromEntries(entries.map(([name, at]) => [name, origin + at - clicked]));
}

/** The medians of each milestone over `samples` (those every sample has). */
function stageMedians(samples: Sample[]): string {
  const names = Object.keys(samples[0]?.stages ?? {}).filter((n) =>
    samples.every((s) => s.stages?.[n] !== undefined),
  );
  return names
    .map((n) => ({ n, at: median(samples.map((s) => s.stages![n]!)) }))
    .sort((a, b) => a.at - b.at)
    .map(({ n, at }) => `${n} ${Math.round(at)}`)
    .join(", ");
}

/** Samples discarded because the observer came after the popup had left `loading`, per variant. */
const late = { folio: 0, bare: 0 };

/** What happens to the page before each click: reloaded, opened at a new site's address, or nothing. */
type Before = "reload" | { goto: () => string } | "nothing";

/**
 * `openOnce` again until the observer is in time. On a busy machine attaching to the popup can
 * take longer than a fast popup takes to read a small page: such a sample is discarded (which
 * can only make that variant's median slower), and counted.
 */
async function sample(cdp: CDPSession, page: Page, v: Variant, before: Before): Promise<Sample> {
  for (let attempt = 0; attempt < 20; attempt++) {
    if (before === "reload") await page.reload({ waitUntil: "load" });
    else if (before !== "nothing") await page.goto(before.goto(), { waitUntil: "load" });
    const s = await openOnce(cdp, page, v);
    if (s) return s;
    late[v.name]++;
  }
  throw new Error(`the ${v.name} popup was always done before it could be observed`);
}

/**
 * The page's JS heap (main world and the extensions' isolated worlds) after a forced GC, and
 * its DOM nodes and documents (Blink's, outside the JS heap: a copy of the page left behind
 * would show there).
 */
async function memoryAfterGc(
  session: CDPSession,
): Promise<{ heap: number; nodes: number; documents: number }> {
  for (let i = 0; i < 3; i++) await session.send("HeapProfiler.collectGarbage");
  const { usedSize } = (await session.send("Runtime.getHeapUsage")) as { usedSize: number };
  const { metrics } = (await session.send("Performance.getMetrics")) as {
    metrics: { name: string; value: number }[];
  };
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
  return { heap: usedSize, nodes: metric("Nodes"), documents: metric("Documents") };
}

/**
 * A heap snapshot's self sizes, split: V8's compiled code (node type "code": bytecode, machine
 * code, feedback, inline caches, which a function run again and again gets more of until it is
 * optimised) and everything else (objects, strings, arrays, DOM wrappers: what a reading could
 * leave behind).
 */
async function heapByKind(session: CDPSession): Promise<{ code: number; data: number }> {
  for (let i = 0; i < 3; i++) await session.send("HeapProfiler.collectGarbage");
  let text = "";
  const chunk = (event: { chunk: string }) => {
    text += event.chunk;
  };
  session.on("HeapProfiler.addHeapSnapshotChunk", chunk);
  await session.send("HeapProfiler.takeHeapSnapshot", { reportProgress: false });
  session.off("HeapProfiler.addHeapSnapshotChunk", chunk);
  const snapshot = JSON.parse(text) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
    nodes: number[];
  };
  const fields = snapshot.snapshot.meta.node_fields;
  const types = snapshot.snapshot.meta.node_types[0];
  const [type, size] = [fields.indexOf("type"), fields.indexOf("self_size")];
  const totals = { code: 0, data: 0 };
  for (let i = 0; i < snapshot.nodes.length; i += fields.length) {
    totals[types[snapshot.nodes[i + type]!] === "code" ? "code" : "data"] += snapshot.nodes[i + size]!;
  }
  return totals;
}

/** The "new site" samples' hosts: `folio-bench-<n>.test` (the browser resolves `.test` to the local server). */
const NEW_SITE_PREFIX = "folio-bench-";

const fmt = (ms: number) => `${ms.toFixed(0).padStart(6)} ms`;

async function main(): Promise<void> {
  if (!existsSync(join(FOLIO_DIST, "manifest.json")))
    throw new Error(`missing ${FOLIO_DIST}: run npm run build:chrome (npm run bench:popup does)`);
  const bareDir = assembleBaseline();
  const generatedDir = mkdtempSync(join(tmpdir(), "folio-bench-pages-"));
  const big = generatedPage();
  writeFileSync(join(generatedDir, "comments-200k.html"), big.html);

  const all: { name: string; path: string }[] = [
    { name: "seed-like", path: "/article.html" },
    { name: "guardian-1", path: "/corpus/guardian-1/source.html" },
    { name: "wikipedia-2", path: "/corpus/wikipedia-2/source.html" },
    { name: "comments-200k", path: "/generated/comments-200k.html" },
  ];
  const pages = all
    .filter((p) => !ONLY || ONLY.includes(p.name))
    .filter((p) => {
      const present = !p.path.startsWith("/corpus/") || existsSync(join(CORPUS, p.path.slice(8)));
      if (!present) console.warn(`corpus not found at ${CORPUS}: ${p.name} skipped`);
      return present;
    });

  const server = await serveStatic({ "/": SITE_DIR, "/corpus/": CORPUS, "/generated/": generatedDir });
  if (VERSUS && !existsSync(join(VERSUS, "manifest.json"))) throw new Error(`missing ${VERSUS}`);
  // Hosts the browser has not seen, each a site of its own (a renderer process with nothing
  // compiled), served by the same local server.
  const port = new URL(server.origin).port;
  let sites = 0;
  const newSite = (path: string): Before => ({
    goto: () => `http://${NEW_SITE_PREFIX}${++sites}.test:${port}${path}`,
  });
  const browser = await launch([FOLIO_DIST, VERSUS ?? bareDir], {
    args: ["--host-resolver-rules=MAP *.test 127.0.0.1"],
  });
  await browser.cdp.send("Target.setDiscoverTargets", { discover: true });
  const variants: Variant[] = [
    { name: "folio", id: browser.ids[0]!, popup: "src/popup/index.html", stateOf: "documentElement" },
    VERSUS
      ? { name: "bare", id: browser.ids[1]!, popup: "src/popup/index.html", stateOf: "documentElement" }
      : { name: "bare", id: browser.ids[1]!, popup: "popup.html", stateOf: "body" },
  ];
  if (VERSUS) console.log(`BENCH_VERSUS: the second popup ("other") is Folio's build at ${VERSUS}.`);
  const chromium = `Chromium ${browser.context.browser()?.version() ?? "?"}`;
  console.log(
    `bench:popup: ${chromium}, headless; ${RUNS} rounds per page, the two popups alternating, order flipped each round.\n` +
      "ready = click to the popup leaving `loading` (Folio: <html data-state>, after header + first screen;\n" +
      "bare: <body data-state>, after the whole article); painted = the frame after. Medians.\n" +
      `generated page: ${big.elements.toLocaleString("en")} elements, ${(big.html.length / 1e6).toFixed(1)} MB\n`,
  );
  const worst: number[] = [];
  try {
    for (const { name, path } of pages) {
      const page = await browser.context.newPage();
      await page.goto(`${server.origin}${path}`, { waitUntil: "load" });
      const samples = {
        site: { folio: [] as Sample[], bare: [] as Sample[] },
        first: { folio: [] as Sample[], bare: [] as Sample[] },
        again: { folio: [] as Sample[], bare: [] as Sample[] },
      };
      const states = new Set<string>();
      // An unmeasured round first (the extensions' pages and the browser's caches warm).
      for (let round = -1; round < RUNS; round++) {
        const order = round % 2 === 0 ? variants : [...variants].reverse();
        for (const v of order) {
          const site = await sample(browser.cdp, page, v, newSite(path));
          const first = await sample(browser.cdp, page, v, "reload");
          const again = await sample(browser.cdp, page, v, "nothing");
          states.add(`${v.name}:${first.state}`);
          if (round < 0) continue;
          samples.site[v.name].push(site);
          samples.first[v.name].push(first);
          samples.again[v.name].push(again);
        }
      }
      await page.close();
      for (const kind of ["site", "first", "again"] as const) {
        const f = median(samples[kind].folio.map((s) => s.ready));
        const b = median(samples[kind].bare.map((s) => s.ready));
        const fp = median(samples[kind].folio.map((s) => s.painted));
        const bp = median(samples[kind].bare.map((s) => s.painted));
        worst.push(f / b);
        const interval = ratioInterval(
          samples[kind].folio.map((s) => s.ready),
          samples[kind].bare.map((s) => s.ready),
        );
        const spread = interval ? ` (90% ${interval.low.toFixed(2)}-${interval.high.toFixed(2)})` : "";
        console.log(
          `${name.padEnd(14)} ${{ site: "new site  ", first: "first open", again: "again     " }[kind]}  ready: folio ${fmt(f)}  ${SECOND} ${fmt(b)}  ` +
            `folio/${SECOND} ${(f / b).toFixed(2)}${spread}   painted: folio ${fmt(fp)}  ${SECOND} ${fmt(bp)}  ${(fp / bp).toFixed(2)}` +
            (kind === "site" ? `   (${[...states].join(", ")})` : ""),
        );
        if (TRACE)
          for (const v of ["folio", "bare"] as const)
            console.log(
              `    ${(v === "bare" ? SECOND : v).padEnd(5)} ms from the click: ${stageMedians(samples[kind][v])}, ready ${Math.round(median(samples[kind][v].map((s) => s.ready)))}`,
            );
      }
    }

    if (!ONLY || ONLY.includes("memory")) {
      const path = "/corpus/wikipedia-2/source.html";
      if (existsSync(join(CORPUS, "wikipedia-2", "source.html"))) {
        const page = await browser.context.newPage();
        await page.goto(`${server.origin}${path}`, { waitUntil: "load" });
        const session = await browser.context.newCDPSession(page);
        await session.send("Performance.enable");
        const before = await memoryAfterGc(session);
        const after = new Map<number, Awaited<ReturnType<typeof memoryAfterGc>>>();
        const kinds = new Map<number, { code: number; data: number }>();
        for (let i = 1; i <= 20; i++) {
          await sample(browser.cdp, page, variants[0]!, "nothing");
          if (i === 1 || i === 10 || i === 20) {
            after.set(i, await memoryAfterGc(session));
            kinds.set(i, await heapByKind(session));
          }
        }
        const [one, ten, twenty] = [after.get(1)!, after.get(10)!, after.get(20)!];
        const mb = (n: number) => `${(n / 1e6).toFixed(2)} MB`;
        console.log(
          `\nmemory, wikipedia-2, Folio opened again and again on one page load, after a forced GC: JS heap ` +
            `${mb(before.heap)} before, ${mb(one.heap)} after one opening, ${mb(ten.heap)} after ten, ` +
            `${mb(twenty.heap)} after twenty: ten/one ${(ten.heap / one.heap).toFixed(3)} (target <= 1.10), ` +
            `twenty/ten ${(twenty.heap / ten.heap).toFixed(3)}; DOM nodes ${before.nodes} before, ${one.nodes}, ` +
            `${ten.nodes}, ${twenty.nodes}; documents ${before.documents}, ${one.documents}, ${ten.documents}, ${twenty.documents}`,
        );
        const [k1, k10, k20] = [kinds.get(1)!, kinds.get(10)!, kinds.get(20)!];
        console.log(
          `  by kind (heap snapshots): V8's compiled code ${mb(k1.code)}, ${mb(k10.code)}, ${mb(k20.code)}; ` +
            `everything else ${mb(k1.data)}, ${mb(k10.data)}, ${mb(k20.data)} (ten/one ${(k10.data / k1.data).toFixed(3)})`,
        );
        await session.detach();
        await page.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(bareDir, { recursive: true, force: true });
    rmSync(generatedDir, { recursive: true, force: true });
  }
  if (late.folio + late.bare > 0)
    console.log(
      `\nsamples discarded (the popup was done before the observer came): folio ${late.folio}, ${SECOND} ${late.bare}`,
    );
  // No page timed (BENCH_PAGES=memory), or two builds of Folio compared: no verdict on the ratio.
  if (worst.length === 0 || VERSUS) return;
  const max = Math.max(...worst);
  console.log(
    `\nworst folio/bare ${max.toFixed(2)} (target <= ${TARGET_RATIO.toFixed(1)} on every page): ${max <= TARGET_RATIO ? "met" : "NOT met"}`,
  );
}

await main();
