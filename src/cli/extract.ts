/**
 * `npm run extract -- [options] <file-or-url>...`: the core, in Node.
 *
 * Exit codes: 0 every input gave an article; 1 some page gave no article (the message says
 * why); 2 a usage or I/O error (bad option, missing file, failed download).
 */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { extractArticle } from "../core/extract.ts";
import type { Article, ExtractFailure, ExtractResult } from "../core/types.ts";
import { parseDocument } from "../node/jsdom.ts";
import { decodeHtml } from "../core/decode.ts";
import { type CliOptions, parseArgs, USAGE, UsageError } from "./args.ts";

const FETCH_TIMEOUT_MS = 20_000;
const MAX_BYTES = 15 * 1024 * 1024;

class InputError extends Error {}

interface Loaded {
  html: string;
  url: string;
}

async function fetchPage(url: string): Promise<Loaded> {
  let response: Response;
  try {
    response = await fetch(url, {
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
      headers: { accept: "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5" },
      redirect: "follow",
    });
  } catch (error) {
    const reason =
      error instanceof Error && error.name === "TimeoutError"
        ? `no answer in ${FETCH_TIMEOUT_MS / 1000} s`
        : String((error as Error).cause ?? (error as Error).message);
    throw new InputError(`could not fetch ${url}: ${reason}`);
  }
  if (!response.ok) throw new InputError(`could not fetch ${url}: HTTP ${response.status}`);
  const length = Number(response.headers.get("content-length") ?? 0);
  if (length > MAX_BYTES) throw new InputError(`${url} is larger than ${MAX_BYTES / 1024 / 1024} MB`);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > MAX_BYTES) {
      await reader.cancel();
      throw new InputError(`${url} is larger than ${MAX_BYTES / 1024 / 1024} MB`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  const charset = /charset=([\w.:-]+)/i.exec(response.headers.get("content-type") ?? "")?.[1];
  return { html: decodeHtml(bytes, charset).text, url: response.url || url };
}

async function readPage(path: string, url: string | undefined): Promise<Loaded> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(
      code === "ENOENT" ? `no such file: ${path}` : `cannot read ${path}: ${code ?? error}`,
    );
  }
  if (bytes.byteLength > MAX_BYTES)
    throw new InputError(`${path} is larger than ${MAX_BYTES / 1024 / 1024} MB`);
  return { html: decodeHtml(bytes).text, url: url ?? pathToFileURL(resolve(path)).href };
}

function load(input: string, options: CliOptions): Promise<Loaded> {
  return /^https?:\/\//i.test(input) ? fetchPage(input) : readPage(input, options.url);
}

function render(article: Article, options: CliOptions): string {
  switch (options.format) {
    case "json":
      return JSON.stringify(article, null, 2);
    case "html":
      return article.content;
    case "text":
      return `${article.title}\n\n${article.textContent}`;
    default:
      return article.markdown ?? "";
  }
}

function explain(input: string, article: Article): void {
  process.stderr.write(`${input}: removed ${article.removed.length}\n`);
  for (const r of article.removed)
    process.stderr.write(`  ${r.kind.padEnd(10)} ${r.reason}${r.text ? `: ${r.text}` : ""}\n`);
}

export async function main(argv: string[]): Promise<number> {
  let options: CliOptions;
  try {
    options = parseArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`folio extract: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
  if (options.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const jsonLines = options.format === "json" && options.inputs.length > 1;
  let code = 0;
  for (const input of options.inputs) {
    let loaded: Loaded;
    try {
      loaded = await load(input, options);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      process.stderr.write(`folio extract: ${error.message}\n`);
      if (jsonLines)
        process.stdout.write(`${JSON.stringify({ input, error: { kind: "io", message: error.message } })}\n`);
      code = 2;
      continue;
    }
    // One page never stops the run: whatever it makes the parser, the core or the output throw
    // is that input's error line, and the next input goes on.
    let output: string;
    try {
      const result = extractLoaded(loaded);
      if (!result.ok) {
        reportFailure(input, result.error, jsonLines);
        code = Math.max(code, 1);
        continue;
      }
      output = jsonLines ? JSON.stringify({ input, ...result.article }) : render(result.article, options);
      if (options.explain) explain(input, result.article);
    } catch (error) {
      reportFailure(
        input,
        {
          kind: "error",
          message: `Folio could not read this page (${error instanceof Error ? error.message : String(error)}).`,
        },
        jsonLines,
      );
      code = Math.max(code, 1);
      continue;
    }
    process.stdout.write(`${output}\n`);
  }
  return code;

  function extractLoaded(loaded: Loaded): ExtractResult {
    const page = parseDocument(loaded.html, loaded.url);
    try {
      return extractArticle(page.document, {
        url: loaded.url,
        force: options.force,
      });
    } finally {
      page.close();
    }
  }
}

function reportFailure(input: string, error: ExtractFailure, jsonLines: boolean): void {
  process.stderr.write(`folio extract: ${input}: ${error.message}\n`);
  if (jsonLines) process.stdout.write(`${JSON.stringify({ input, error })}\n`);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(
      `folio extract: unexpected error: ${error instanceof Error ? error.stack : error}\n`,
    );
    process.exitCode = 2;
  },
);
