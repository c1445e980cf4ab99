/** Command-line options of `npm run extract`, parsed with Node's own `util.parseArgs`. */
import { parseArgs as nodeParseArgs } from "node:util";

export const FORMATS = ["markdown", "json", "html", "text"] as const;
export type Format = (typeof FORMATS)[number];

export interface CliOptions {
  format: Format;
  url?: string;
  force: boolean;
  explain: boolean;
  help: boolean;
  inputs: string[];
}

export class UsageError extends Error {}

export const USAGE = `Usage: npm run extract -- [options] <file-or-url>...

Reads news pages (saved HTML files or http(s) URLs) and prints the clean article.

Options:
  --format FORMAT  markdown (default), json, html or text. With several inputs, json prints
                   one object per line, in input order, each with an "input" field.
  --url URL        the page's address, for a file input (resolves its links and images)
  --force          extract even when the page does not look like an article
  --explain        list what the cleanup removed, on stderr
  -h, --help       show this help

Exit status: 0 success, 1 a page gave no article, 2 usage or I/O error.
`;

export function parseArgs(argv: string[]): CliOptions {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const format = values.format ?? "markdown";
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`unknown format "${format}" (choose ${FORMATS.join(", ")})`);
  }
  if (values.url !== undefined) {
    try {
      new URL(values.url);
    } catch {
      throw new UsageError(`--url needs an absolute URL, got "${values.url}"`);
    }
  }
  if (!values.help && positionals.length === 0)
    throw new UsageError("no input: give one or more files or URLs");
  return {
    format: format as Format,
    url: values.url,
    force: values.force ?? false,
    explain: values.explain ?? false,
    help: values.help ?? false,
    inputs: positionals,
  };
}

function parse(argv: string[]) {
  return nodeParseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: "string", short: "f" },
      url: { type: "string" },
      force: { type: "boolean" },
      explain: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
}
