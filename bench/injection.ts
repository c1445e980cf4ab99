/**
 * npm run bench:injection — what a content script costs to compile, against what it costs to
 * run: Folio's shipped popup content script (dist/chrome/src/content/extract.js) and the bare
 * popup's two files (Readability.js + content.js of ../shared/baselines/bare-popup), in
 * Chromium, on the pages bench:popup times.
 *
 * Per sample, a freshly loaded page, and in it one new isolated world after another (as a
 * content script gets), each evaluating the script through CDP `Runtime.evaluate`:
 *   - first world:  V8 compiles the script's functions as they are first called (cold), and
 *                   runs the reading;
 *   - next worlds:  the same source again, its compiled functions reused from V8's in-process
 *                   compilation cache: the reading's cost with no compiling.
 * first - next is the compile cost a reader pays on a page whose renderer has not run the script
 * yet (a new site). Medians over BENCH_RUNS samples (default 9), the two scripts alternating,
 * after one unrecorded round.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium } from "playwright-core";
import { CHROMIUM_PATH, CHROME_DIST, ROOT, SITE_DIR, serveStatic } from "../test/e2e/harness.ts";
import { generatedPage } from "./generated-page.ts";
import { median } from "./stats.ts";

const CORPUS = resolve(
  process.env.FOLIO_CORPUS ?? join(ROOT, "..", "shared", "corpus", "readability-test-pages"),
);
const BARE = resolve(ROOT, "..", "shared", "baselines", "bare-popup");
const RUNS = Math.max(3, Number(process.env.BENCH_RUNS ?? 9));
const NEXT_WORLDS = 3;

async function main(): Promise<void> {
  const folioFile = join(CHROME_DIST, "src", "content", "extract.js");
  if (!existsSync(folioFile)) throw new Error(`missing ${folioFile}: run npm run build:chrome first`);
  const scripts = {
    folio: readFileSync(folioFile, "utf8"),
    bare: `${readFileSync(join(ROOT, "node_modules", "@mozilla", "readability", "Readability.js"), "utf8")}\n;${readFileSync(join(BARE, "content.js"), "utf8")}`,
  };
  const generatedDir = mkdtempSync(join(tmpdir(), "folio-bench-pages-"));
  writeFileSync(join(generatedDir, "comments-200k.html"), generatedPage().html);
  const pages = [
    { name: "seed-like", path: "/article.html" },
    { name: "guardian-1", path: "/corpus/guardian-1/source.html" },
    { name: "wikipedia-2", path: "/corpus/wikipedia-2/source.html" },
    { name: "comments-200k", path: "/generated/comments-200k.html" },
  ].filter((p) => !p.path.startsWith("/corpus/") || existsSync(join(CORPUS, p.path.slice(8))));
  const server = await serveStatic({ "/": SITE_DIR, "/corpus/": CORPUS, "/generated/": generatedDir });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ["--no-sandbox"] });
  console.log(
    `bench:injection: ${browser.version()}; Folio's content script ${(scripts.folio.length / 1024).toFixed(1)} kB, ` +
      `bare Readability.js + content.js ${(scripts.bare.length / 1024).toFixed(1)} kB (unminified); medians of ${RUNS}, ms\n`,
  );
  try {
    for (const { name, path } of pages) {
      const samples = {
        folio: { first: [] as number[], next: [] as number[] },
        bare: { first: [] as number[], next: [] as number[] },
      };
      // One unrecorded round first (the browser's own start-up and caches).
      for (let run = -1; run < RUNS; run++) {
        const order = run % 2 ? (["bare", "folio"] as const) : (["folio", "bare"] as const);
        for (const variant of order) {
          const context = await browser.newContext();
          const page = await context.newPage();
          await page.goto(`${server.origin}${path}`, { waitUntil: "load" });
          const cdp = await context.newCDPSession(page);
          const { frameTree } = await cdp.send("Page.getFrameTree");
          const times: number[] = [];
          for (let world = 0; world <= NEXT_WORLDS; world++) {
            const { executionContextId } = await cdp.send("Page.createIsolatedWorld", {
              frameId: frameTree.frame.id,
              worldName: `bench-${world}`,
            });
            const start = performance.now();
            const result = await cdp.send("Runtime.evaluate", {
              expression: scripts[variant],
              contextId: executionContextId,
              returnByValue: true,
            });
            times.push(performance.now() - start);
            if (result.exceptionDetails)
              throw new Error(`${variant} on ${name}: ${result.exceptionDetails.text}`);
            const value = result.result.value as { ok?: boolean; content?: string } | null;
            if (variant === "folio" ? !value?.ok : !value?.content)
              throw new Error(`${variant} read nothing on ${name}`);
          }
          if (run >= 0) {
            samples[variant].first.push(times[0]!);
            samples[variant].next.push(median(times.slice(1)));
          }
          await context.close();
        }
      }
      const line = (v: "folio" | "bare") => {
        const first = median(samples[v].first);
        const next = median(samples[v].next);
        return `${v} first world ${first.toFixed(0)}, next worlds ${next.toFixed(0)}, compiling ≈ ${(first - next).toFixed(0)}`;
      };
      console.log(`${name.padEnd(14)} ${line("folio")}   |   ${line("bare")}`);
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(generatedDir, { recursive: true, force: true });
  }
}

await main();
