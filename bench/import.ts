/**
 * npm run bench:import — a Pocket export of 30,000 links imported through the library page's
 * own Import control, in real Chromium, as a reader moving from Pocket would (no fetching: the
 * links become "to read" entries).
 *
 * 1. Writes a generated Pocket CSV (`title,url,time_added,cursor,tags,status`, the columns in
 *    Pocket's order, realistic titles and addresses on 400 sites, tags on a third of the rows,
 *    a quarter archived) to a temporary file.
 * 2. Loads the built Chrome extension in a fresh profile, opens the library page, gives the file
 *    to `#lib-import`, and times from then until the page reports "Imported ..." (the store
 *    holds every row), then until the search index is ready again.
 * 3. Counts the library's rows in IndexedDB, so a run that lost rows cannot pass.
 *
 * Target (issue 15): 30,000 rows in <= 30 s. BENCH_ROWS changes the size.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CHROME_DIST, launch } from "../test/e2e/harness.ts";

const ROWS = Number(process.env.BENCH_ROWS ?? 30_000);
const TARGET_S = 30;

const WORDS = [
  "council",
  "river",
  "housing",
  "election",
  "harbour",
  "school",
  "climate",
  "budget",
  "bridge",
  "museum",
  "festival",
  "rail",
  "hospital",
  "market",
  "forest",
  "court",
  "energy",
  "village",
  "library",
  "coast",
  "farmers",
  "strike",
  "ferry",
  "theatre",
  "storm",
  "prices",
  "science",
];
const TAGS = ["later", "work", "recipes", "longread", "city", "travel", "tech", "politics"];

/** A deterministic generator (no Math.random: the same file on every run). */
function* rows(n: number): Generator<string> {
  let seed = 42;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed;
  };
  const pick = <T>(list: readonly T[]) => list[next() % list.length]!;
  for (let i = 0; i < n; i++) {
    const words = Array.from({ length: 4 + (next() % 6) }, () => pick(WORDS));
    const title = `${words.join(" ")} ${i}`.replace(/^\w/, (c) => c.toUpperCase());
    const site = `site${next() % 400}.example`;
    const url = `https://www.${site}/${2015 + (next() % 10)}/${words.slice(0, 3).join("-")}-${i}`;
    const time = 1_500_000_000 + (next() % 250_000_000);
    const tags = next() % 3 === 0 ? [pick(TAGS), pick(TAGS)].join("|") : "";
    const status = next() % 4 === 0 ? "archive" : "unread";
    yield `"${title.replace(/"/g, '""')}",${url},${time},${Buffer.from(String(time)).toString("base64")},${tags},${status}`;
  }
}

async function main(): Promise<void> {
  if (!existsSync(join(CHROME_DIST, "manifest.json"))) {
    throw new Error(`missing ${CHROME_DIST}: run npm run build:chrome (npm run bench:import does)`);
  }
  const dir = mkdtempSync(join(tmpdir(), "folio-bench-import-"));
  const file = join(dir, "part_000000.csv");
  writeFileSync(file, ["title,url,time_added,cursor,tags,status", ...rows(ROWS)].join("\n"));
  const browser = await launch([CHROME_DIST]);
  try {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.ids[0]}/src/library-page/index.html`);
    await page.waitForFunction(() => document.documentElement.dataset.search === "ready");
    const started = Date.now();
    await page.locator("#lib-import").setInputFiles(file);
    await page.waitForFunction(
      () =>
        document.getElementById("lib-info")?.textContent?.startsWith("Imported") ||
        document.getElementById("lib-alert")?.textContent,
      undefined,
      { timeout: 600_000, polling: 100 },
    );
    const imported = (Date.now() - started) / 1000;
    const alert = await page.locator("#lib-alert").textContent();
    if (alert) throw new Error(`the import failed: ${alert}`);
    const report = (await page.locator("#lib-info").textContent())?.trim() ?? "";
    await page.waitForFunction(() => document.documentElement.dataset.search === "ready", undefined, {
      timeout: 600_000,
    });
    const searchable = (Date.now() - started) / 1000;
    const stored = await page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open("folio-library");
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const count = open.result.transaction("summaries").objectStore("summaries").count();
            count.onsuccess = () => resolve(count.result);
          };
        }),
    );
    console.log(
      `Pocket CSV of ${ROWS.toLocaleString("en-US")} rows through the library page's Import (Chromium):`,
    );
    console.log(`  report: ${report.slice(0, 160)}`);
    console.log(
      `  imported (report shown): ${imported.toFixed(1)} s; searchable (index ready): ${searchable.toFixed(1)} s`,
    );
    console.log(`  rows in the library: ${stored.toLocaleString("en-US")}`);
    const ok = stored === ROWS && imported <= TARGET_S;
    console.log(
      `target: all ${ROWS.toLocaleString("en-US")} rows kept, imported in <= ${TARGET_S} s: ${ok ? "MET" : "NOT MET"}`,
    );
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
