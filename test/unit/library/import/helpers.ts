/** Shared set-up of the importer tests: the sample files, and an HTML parser (jsdom). */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { zipSync } from "fflate";
import { JSDOM } from "jsdom";
import type { ParsedImport } from "../../../../src/library/import/item.ts";

export const FIXTURES = resolve(import.meta.dirname, "../../../fixtures/imports");

export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), "utf8");
}

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURES, name)));
}

/** An inert document, as the library page's DOMParser makes one. */
export function parseHtml(html: string): Document {
  return new JSDOM(html).window.document;
}

/** The files under `dir` zipped, with their paths inside it (`prefix/` before each). */
export function zipDir(dir: string, prefix = ""): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[prefix + relative(dir, path).split("\\").join("/")] = new Uint8Array(readFileSync(path));
    }
  };
  walk(dir);
  return zipSync(files);
}

/** The parse's success, failing the test otherwise. */
export function parsed(result: ParsedImport | { ok: true; format: string; text?: string }) {
  if (!result.ok) throw new Error(`expected a parse, got: ${result.message}`);
  if (!("items" in result)) throw new Error(`expected items, got format ${result.format}`);
  return result;
}
