/**
 * npm run bench:popup — click-to-article in real Chromium, Folio against a bare-Readability
 * popup (bench/bare/, a separate bench-only extension in dist/bench-bare, never shipped).
 *
 * Both extensions are loaded in one browser. For each page, the two popups are opened
 * alternately by real toolbar clicks (CDP Extensions.triggerAction), the order flipping every
 * round. A sample is the time from the click to the "article-painted" performance mark each
 * popup sets after the first paint with the article on screen (read as an epoch time from the
 * popup, so polling adds nothing). Prints medians and Folio/bare; target: <= 1.25 on every page.
 * The first open of each popup on a page (scripts injected and compiled in the page) is a
 * warm-up, printed on its own and left out of the medians.
 *
 * Pages: the seed-like fixture and the largest corpus pages, served from the shared corpus
 * folder (FOLIO_CORPUS, default ../shared/corpus/readability-test-pages), never copied here.
 * BENCH_RUNS sets the rounds per page (default 15).
 */
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import {
  attach,
  CHROME_DIST,
  type TargetSession,
  clickAction,
  closeTarget,
  findTarget,
  launch,
  ROOT,
  SITE_DIR,
  serveStatic,
  waitFor,
} from "../test/e2e/harness.ts";

const BARE_DIST = join(ROOT, "dist", "bench-bare");
const CORPUS = resolve(
  process.env.FOLIO_CORPUS ?? join(ROOT, "..", "shared", "corpus", "readability-test-pages"),
);
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const TARGET_RATIO = 1.25;

const PAGES: { name: string; path: string }[] = [
  { name: "seed-like", path: "/article.html" },
  { name: "guardian-1", path: "/corpus/guardian-1/source.html" },
  { name: "wikipedia-2", path: "/corpus/wikipedia-2/source.html" },
  { name: "yahoo-2", path: "/corpus/yahoo-2/source.html" },
];

interface Variant {
  name: "folio" | "bare";
  id: string;
  popup: string;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function paintedAt(popup: TargetSession): Promise<{ painted: number; state: string }> {
  return waitFor(
    () =>
      popup
        .evaluate<{ painted: number; state: string } | null>(
          `(() => { const m = performance.getEntriesByName("article-painted")[0];
             return m ? { painted: performance.timeOrigin + m.startTime, state: document.documentElement.dataset.state } : null; })()`,
        )
        .catch(() => null),
    30_000,
    "the article-painted mark",
  );
}

async function main(): Promise<void> {
  for (const [dir, hint] of [
    [CHROME_DIST, "npm run build:chrome"],
    [BARE_DIST, "FOLIO_VARIANT=bare vite build"],
  ]) {
    if (!existsSync(join(dir, "manifest.json")))
      throw new Error(`missing ${dir}: run ${hint} (npm run bench:popup does)`);
  }
  const pages = PAGES.filter(
    (p) => !p.path.startsWith("/corpus/") || existsSync(join(CORPUS, p.path.slice(8))),
  );
  if (pages.length < PAGES.length) console.warn(`corpus not found at ${CORPUS}: corpus pages skipped`);

  const server = await serveStatic({ "/": SITE_DIR, "/corpus/": CORPUS });
  const browser = await launch([CHROME_DIST, BARE_DIST]);
  const variants: Variant[] = [
    { name: "folio", id: browser.ids[0], popup: "src/popup/index.html" },
    { name: "bare", id: browser.ids[1], popup: "bench/bare/popup.html" },
  ];
  const rows: { page: string; folio: number; bare: number; ratio: number; states: string }[] = [];
  try {
    for (const { name, path } of pages) {
      const page = await browser.context.newPage();
      await page.goto(`${server.origin}${path}`, { waitUntil: "load" });
      const samples: Record<Variant["name"], number[]> = { folio: [], bare: [] };
      const firstOpen: Record<Variant["name"], number> = { folio: Number.NaN, bare: Number.NaN };
      const states = new Set<string>();
      // One warm-up round each (first injection compiles the scripts), then the measured rounds.
      for (let round = -1; round < RUNS; round++) {
        const order = round % 2 === 0 ? variants : [...variants].reverse();
        for (const v of order) {
          const clicked = await clickAction(browser.cdp, v.id, page);
          const target = await findTarget(browser.cdp, `chrome-extension://${v.id}/${v.popup}`);
          const popup = await attach(browser.cdp, target.targetId, target.url);
          const { painted, state } = await paintedAt(popup);
          states.add(`${v.name}:${state}`);
          if (round >= 0) samples[v.name].push(painted - clicked);
          else firstOpen[v.name] = painted - clicked;
          await popup.detach();
          await closeTarget(browser.cdp, target.targetId);
          await waitFor(
            async () => {
              const { targetInfos } = await browser.cdp.send("Target.getTargets");
              return !targetInfos.some((t) => t.targetId === target.targetId);
            },
            5_000,
            "the popup to close",
          );
        }
      }
      await page.close();
      const folio = median(samples.folio);
      const bare = median(samples.bare);
      rows.push({ page: name, folio, bare, ratio: folio / bare, states: [...states].join(" ") });
      console.log(
        `${name.padEnd(12)} folio ${folio.toFixed(0).padStart(5)} ms   bare ${bare.toFixed(0).padStart(5)} ms   ` +
          `folio/bare ${(folio / bare).toFixed(2)}   (${RUNS} runs each; first open: folio ` +
          `${firstOpen.folio.toFixed(0)} ms, bare ${firstOpen.bare.toFixed(0)} ms; ${[...states].join(", ")})`,
      );
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const worst = Math.max(...rows.map((r) => r.ratio));
  console.log(
    `\nclick-to-article medians; worst folio/bare ${worst.toFixed(2)} (target <= ${TARGET_RATIO}): ${
      worst <= TARGET_RATIO ? "met" : "NOT met"
    }`,
  );
}

await main();
