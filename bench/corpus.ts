/**
 * Shared loader for the two evaluation corpora (never bundled, never copied into the repo):
 *
 * - `readability-test-pages/<name>/{source.html,expected.html,expected-metadata.json}`: Mozilla's
 *   Readability fixtures; documents are built with the URL {@link MOZILLA_URL}.
 * - `trafilatura-dev/expected.json` + `html/<id>.html.gz`: real pages with human-chosen snippets,
 *   gzip-compressed in their original encoding (decoded here as a browser would).
 *
 * Corpus root: `--corpus DIR` (or `--corpus=DIR`) on the command line, else env `FOLIO_CORPUS`,
 * else `../shared/corpus` next to the repository root (the folder holding package.json).
 */

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { gunzipSync } from "node:zlib";
import type { JSDOM } from "jsdom";
import { type DecodedHtml, declaredEncoding, decodeHtml } from "../src/core/decode.ts";
import { makeJSDOM } from "../src/node/jsdom.ts";

/** Document URL the Mozilla expected output assumes (see the corpus README). */
export const MOZILLA_URL = "http://fakehost/test/page.html";

// ---------------------------------------------------------------------------------------------
// Command line helpers (shared by the benches)

/** Value of `--name VALUE` or `--name=VALUE`, else undefined. */
export function argValue(name: string, argv: readonly string[] = process.argv): string | undefined {
  const flag = `--${name}`;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === flag) return argv[i + 1];
    if (a.startsWith(`${flag}=`)) return a.slice(flag.length + 1);
  }
  return undefined;
}

/** Whether `--name` is present. */
export function hasFlag(name: string, argv: readonly string[] = process.argv): boolean {
  return argv.includes(`--${name}`);
}

// ---------------------------------------------------------------------------------------------
// Where the corpus is

/** The repository root: the nearest folder at or above this file that holds package.json. */
export function repoRoot(): string {
  let dir = import.meta.dirname;
  for (;;) {
    if (existsSync(join(dir, "package.json"))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${import.meta.dirname}`);
    dir = up;
  }
}

export interface CorpusRoot {
  path: string;
  /** Where the path came from. */
  from: "--corpus" | "FOLIO_CORPUS" | "default";
}

export function corpusRoot(
  argv: readonly string[] = process.argv,
  env: NodeJS.ProcessEnv = process.env,
): CorpusRoot {
  const arg = argValue("corpus", argv);
  if (arg) return { path: resolve(arg), from: "--corpus" };
  if (env.FOLIO_CORPUS) return { path: resolve(env.FOLIO_CORPUS), from: "FOLIO_CORPUS" };
  return { path: resolve(repoRoot(), "../shared/corpus"), from: "default" };
}

export interface CorpusPart {
  present: boolean;
  /** The folder looked at. */
  path: string;
  /** Number of pages found (0 when absent). */
  pages: number;
  /** Why it counts as absent, when it does. */
  problem?: string;
}

export interface CorpusStatus {
  root: CorpusRoot;
  mozilla: CorpusPart;
  trafilatura: CorpusPart;
  /** One line per corpus, e.g. "mozilla: present (130 pages) at /x/readability-test-pages". */
  summary: string;
}

export function corpusStatus(root: CorpusRoot = corpusRoot()): CorpusStatus {
  const mozPath = join(root.path, "readability-test-pages");
  const mozilla: CorpusPart = { present: false, path: mozPath, pages: 0 };
  if (!existsSync(mozPath)) mozilla.problem = "folder missing";
  else {
    mozilla.pages = mozillaPageNames(mozPath).length;
    if (mozilla.pages === 0) mozilla.problem = "no <page>/source.html folders";
    else mozilla.present = true;
  }

  const trafPath = join(root.path, "trafilatura-dev");
  const trafilatura: CorpusPart = { present: false, path: trafPath, pages: 0 };
  if (!existsSync(join(trafPath, "expected.json"))) trafilatura.problem = "expected.json missing";
  else if (!existsSync(join(trafPath, "html"))) trafilatura.problem = "html/ folder missing";
  else {
    try {
      trafilatura.pages = Object.keys(readTrafilaturaIndex(trafPath)).length;
      trafilatura.present = trafilatura.pages > 0;
      if (!trafilatura.present) trafilatura.problem = "expected.json lists no pages";
    } catch (e) {
      trafilatura.problem = `expected.json unreadable: ${(e as Error).message}`;
    }
  }

  const line = (name: string, p: CorpusPart) =>
    `${name}: ${p.present ? `present (${p.pages} pages)` : `ABSENT (${p.problem})`} at ${p.path}`;
  const summary = [
    `corpus root ${root.path} (from ${root.from})`,
    line("mozilla", mozilla),
    line("trafilatura", trafilatura),
  ].join("\n");
  return { root, mozilla, trafilatura, summary };
}

// ---------------------------------------------------------------------------------------------
// Mozilla readability-test-pages

export interface ExpectedMetadata {
  title?: string | null;
  byline?: string | null;
  excerpt?: string | null;
  siteName?: string | null;
  publishedTime?: string | null;
  dir?: string | null;
  lang?: string | null;
  readerable?: boolean;
}

export interface MozillaPage {
  name: string;
  dir: string;
  /** `source.html` (UTF-8). */
  source(): string;
  /** `expected.html` (UTF-8). */
  expectedHtml(): string;
  expectedMetadata(): ExpectedMetadata;
}

function mozillaPageNames(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, "source.html")))
    .map((d) => d.name)
    .sort();
}

/** All Mozilla test pages, sorted by name (files are read lazily). Empty when absent. */
export function listMozillaPages(status: CorpusStatus = corpusStatus()): MozillaPage[] {
  if (!status.mozilla.present) return [];
  const root = status.mozilla.path;
  return mozillaPageNames(root).map((name) => {
    const dir = join(root, name);
    return {
      name,
      dir,
      source: () => readFileSync(join(dir, "source.html"), "utf8"),
      expectedHtml: () => readFileSync(join(dir, "expected.html"), "utf8"),
      expectedMetadata: () =>
        JSON.parse(readFileSync(join(dir, "expected-metadata.json"), "utf8")) as ExpectedMetadata,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// trafilatura-dev

interface TrafilaturaEntry {
  url: string;
  html: string;
  with: string[];
  without: string[];
  title?: string;
  author?: string;
  date?: string;
}

export interface TrafilaturaPage extends TrafilaturaEntry {
  id: string;
  /** Absolute path of the `.html.gz` file. */
  file: string;
  /** Reads, gunzips and decodes the page. */
  load(): DecodedHtml;
}

function readTrafilaturaIndex(dir: string): Record<string, TrafilaturaEntry> {
  return JSON.parse(readFileSync(join(dir, "expected.json"), "utf8")) as Record<string, TrafilaturaEntry>;
}

/** All trafilatura-dev pages in id order (HTML read lazily). Empty when absent. */
export function listTrafilaturaPages(status: CorpusStatus = corpusStatus()): TrafilaturaPage[] {
  if (!status.trafilatura.present) return [];
  const dir = status.trafilatura.path;
  const index = readTrafilaturaIndex(dir);
  return Object.keys(index)
    .sort()
    .map((id) => {
      const entry = index[id]!;
      const file = join(dir, entry.html);
      return {
        ...entry,
        with: entry.with ?? [],
        without: entry.without ?? [],
        id,
        file,
        load: () => decodeHtml(gunzipSync(readFileSync(file))),
      };
    });
}

// ---------------------------------------------------------------------------------------------
// Decoding bytes as a browser would: src/core/decode.ts, shared with the command line.

export { type DecodedHtml, declaredEncoding, decodeHtml };

// ---------------------------------------------------------------------------------------------
// Building documents

/** A jsdom window for `html` at `url`, with jsdom's own console chatter (CSS errors) silenced. */
export function makeDom(html: string, url: string): JSDOM {
  return makeJSDOM(html, url);
}

/**
 * Lets the event loop turn. jsdom keeps nodes behind WeakRefs, and a WeakRef's target stays
 * alive until the current synchronous job ends: a loop over many pages that never yields keeps
 * every closed window in memory (≈5 MB per page, out of memory after ~450 pages). Await this
 * after each page.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
