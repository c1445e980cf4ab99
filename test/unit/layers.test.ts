/**
 * Imports run one way: core <- library <- platform <- (ui, the pages, the background). A
 * wrong-way import, the extension API imported outside src/platform/, or module-level mutable
 * state in the core fails here, with the file and the import or the variable named.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = resolve(import.meta.dirname, "../../src");

/** Which layers each layer may import (its own is always allowed). */
const MAY_IMPORT: Record<string, readonly string[]> = {
  core: [],
  node: ["core"],
  cli: ["core", "node"],
  library: ["core"],
  platform: ["core", "library"],
  content: ["core", "platform"],
  ui: ["core", "library", "platform"],
  popup: ["core", "library", "platform", "ui"],
  reader: ["core", "library", "platform", "ui"],
  "library-page": ["core", "library", "platform", "ui"],
  "notes-page": ["core", "library", "platform", "ui"],
  background: ["core", "library", "platform"],
  offscreen: ["core", "library", "platform"],
  types: [],
};

interface Import {
  specifier: string;
  typeOnly: boolean;
}

/** The import and re-export specifiers of a source text, static and dynamic. */
function importsOf(source: string): Import[] {
  const found: Import[] = [];
  const statement = /^\s*(import|export)\s+(type\s+)?[^;]*?\sfrom\s+["']([^"']+)["']/gm;
  for (const m of source.matchAll(statement)) found.push({ specifier: m[3], typeOnly: Boolean(m[2]) });
  const bare = /^\s*import\s+["']([^"']+)["']/gm;
  for (const m of source.matchAll(bare)) found.push({ specifier: m[1], typeOnly: false });
  const dynamic = /\bimport\(\s*["']([^"']+)["']\s*\)/g;
  for (const m of source.matchAll(dynamic)) found.push({ specifier: m[1], typeOnly: false });
  return found;
}

const layerOf = (file: string): string => relative(SRC, file).split(/[\\/]/)[0].replace(/\.ts$/, "");

/** What is wrong with `file` importing `imp`, or null. `file` is an absolute path under src/. */
function violation(file: string, imp: Import): string | null {
  const from = layerOf(file);
  const where = relative(SRC, file);
  if (imp.specifier === "webextension-polyfill" && !imp.typeOnly && from !== "platform") {
    return `${where} imports webextension-polyfill: the extension API comes from src/platform/extension.ts`;
  }
  if (from === "core" && imp.specifier === "webextension-polyfill") {
    return `${where} imports the extension API's types: the core knows nothing of the extension`;
  }
  if (!imp.specifier.startsWith(".")) return null;
  const target = resolve(dirname(file), imp.specifier);
  const to = layerOf(target);
  if (to === from) return null;
  const allowed = MAY_IMPORT[from];
  if (!allowed) return `${where} is in src/${from}, a layer the import rules do not know`;
  return allowed.includes(to)
    ? null
    : `${where} imports ${relative(SRC, target)} (${from} may not import ${to})`;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(name) ? [path] : [];
  });
}

/** Module-level `let`, or a module-level Map/Set/WeakMap/WeakSet that code fills (not a constant). */
function moduleState(source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(/^(?:export\s+)?let\s+(\w+)/gm)) found.push(`let ${m[1]}`);
  for (const m of source.matchAll(/^(?:export\s+)?const\s+(\w+)[^=\n]*=\s*new\s+(Weak)?(Map|Set)\b/gm)) {
    const name = m[1];
    const filled = new RegExp(`\\b${name}\\.(?:set|add|delete|clear)\\(`).test(source);
    if (filled) found.push(`${name} (a ${m[2] ?? ""}${m[3]} filled at run time)`);
  }
  return found;
}

describe("imports run one way", () => {
  const files = sourceFiles(SRC);

  it("finds the source tree", () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it("no file imports a layer above its own", () => {
    const problems = files.flatMap((file) =>
      importsOf(readFileSync(file, "utf8"))
        .map((imp) => violation(file, imp))
        .filter((p): p is string => p !== null),
    );
    expect(problems).toEqual([]);
  });

  it("the check catches a wrong-way import, a dynamic one, and the polyfill outside the platform", () => {
    const core = join(SRC, "core", "extract.ts");
    const library = join(SRC, "library", "record.ts");
    expect(violation(core, { specifier: "../ui/app.ts", typeOnly: true })).toMatch(/core may not import ui/);
    expect(violation(library, importsOf('const m = await import("../ui/cleaned.ts");')[0])).toMatch(
      /library may not import ui/,
    );
    expect(
      violation(join(SRC, "ui", "app.ts"), { specifier: "webextension-polyfill", typeOnly: false }),
    ).toMatch(/extension API comes from src\/platform/);
    expect(
      violation(join(SRC, "background", "index.ts"), { specifier: "../ui/app.ts", typeOnly: false }),
    ).toMatch(/background may not import ui/);
    expect(
      violation(join(SRC, "ui", "app.ts"), { specifier: "../library/store.ts", typeOnly: false }),
    ).toBeNull();
  });
});

describe("the core keeps no state between extractions", () => {
  it("no module-level let, Map or Set that code fills, anywhere in src/core", () => {
    const core = sourceFiles(join(SRC, "core"));
    const problems = core.flatMap((file) =>
      moduleState(readFileSync(file, "utf8")).map((s) => `${relative(SRC, file)}: ${s}`),
    );
    expect(problems).toEqual([]);
  });

  it("the check finds a lazy singleton and a module-level cache", () => {
    expect(moduleState("let service: X | undefined;\n")).toEqual(["let service"]);
    expect(
      moduleState("const cache = new WeakMap<Element, S>();\nfunction f(e) { cache.set(e, 1); }\n"),
    ).toEqual(["cache (a WeakMap filled at run time)"]);
    expect(moduleState('const TAGS = new Set(["p", "div"]);\nTAGS.has("p");\n')).toEqual([]);
  });
});

describe("small modules", () => {
  const MAX_LINES = 350;

  it(`no source file over ${MAX_LINES} lines`, () => {
    const long = sourceFiles(SRC)
      .map((file) => ({
        file: relative(SRC, file),
        lines: readFileSync(file, "utf8").split("\n").length - 1,
      }))
      .filter(({ lines }) => lines > MAX_LINES);
    expect(long).toEqual([]);
  });
});
