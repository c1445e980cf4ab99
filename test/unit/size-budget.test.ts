/** The size budget (scripts/size-budget.mjs) passes a build within it and fails one over it. */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const SCRIPT = resolve(import.meta.dirname, "../../scripts/size-budget.mjs");

function fakeBuild(
  contentKb: number,
  libraryPreloads = 2,
  libraryStyles = 1,
  popupUi: Record<string, string> = { "app.js": "export{}", "ui.js": "x".repeat(1024) },
): string {
  const dist = mkdtempSync(join(tmpdir(), "folio-size-"));
  for (const dir of ["src/content", "src/background", "src/popup", "src/library-page"])
    mkdirSync(join(dist, dir), { recursive: true });
  writeFileSync(join(dist, "src/content/extract.js"), "x".repeat(contentKb * 1024));
  writeFileSync(join(dist, "src/background/index.js"), "x".repeat(10 * 1024));
  // The popup's entry, as vite writes it: the files its lazy UI import loads, in its preload list.
  const deps = [...Object.keys(popupUi), "chunk.js"].map((f) => `"${f}"`).join(",");
  const entry = `const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=[${deps}])))=>i.map(i=>d[i]);`;
  writeFileSync(join(dist, "src/popup/index.js"), entry.padEnd(2 * 1024, " "));
  writeFileSync(join(dist, "chunk.js"), "x".repeat(1024));
  for (const [file, code] of Object.entries(popupUi)) writeFileSync(join(dist, file), code);
  writeFileSync(
    join(dist, "src/popup/index.html"),
    '<script type="module" src="/src/popup/index.js"></script><link rel="modulepreload" href="/chunk.js">',
  );
  // The library page: its script, `libraryPreloads` modules, `libraryStyles` stylesheets.
  writeFileSync(
    join(dist, "src/library-page/index.html"),
    '<script type="module" crossorigin src="/src/library-page/index.js"></script>' +
      Array.from(
        { length: libraryPreloads },
        (_, i) => `<link rel="modulepreload" crossorigin href="/m${i}.js">`,
      ).join("") +
      Array.from(
        { length: libraryStyles },
        (_, i) => `<link rel="stylesheet" crossorigin href="/s${i}.css">`,
      ).join(""),
  );
  return dist;
}

const run = (dist: string) =>
  spawnSync(process.execPath, [SCRIPT], { env: { ...process.env, FOLIO_DIST: dist } });

describe("size budget", () => {
  it("prints each bundle and passes when all are within budget", () => {
    const result = run(fakeBuild(100));
    expect(result.status).toBe(0);
    expect(String(result.stdout)).toMatch(/popup, first chunk\s+3\.0 kB/);
    expect(String(result.stdout)).toMatch(/library page, files\s+4\s+budget\s+4\s+ok/);
    expect(String(result.stdout)).toMatch(/popup UI, files\s+2\s+budget\s+2\s+ok/);
  });

  it("fails when the popup's UI loads more files once its request has left", () => {
    const result = run(fakeBuild(100, 2, 1, { "app.js": "", "ui.js": "", "library-first.js": "" }));
    expect(result.status).toBe(1);
    expect(String(result.stdout)).toMatch(/popup UI, files\s+3\s+budget\s+2\s+OVER/);
  });

  it("fails when the popup's UI carries webextension-polyfill", () => {
    const polyfill = 'throw new Error("This script should only be loaded in a browser extension.")';
    const result = run(fakeBuild(100, 2, 1, { "app.js": "", "ui.js": polyfill }));
    expect(result.status).toBe(1);
    expect(String(result.stdout)).toMatch(/popup's UI loads webextension-polyfill \(ui\.js\)/);
  });

  it("fails when the library page fetches more files before its first rows", () => {
    const result = run(fakeBuild(100, 2, 2));
    expect(result.status).toBe(1);
    expect(String(result.stdout)).toMatch(/library page, files\s+5\s+budget\s+4\s+OVER/);
  });

  it("fails when the content script grows over its budget", () => {
    const result = run(fakeBuild(400));
    expect(result.status).toBe(1);
    expect(String(result.stdout)).toMatch(/content script\s+400\.0 kB.*OVER/);
  });
});
