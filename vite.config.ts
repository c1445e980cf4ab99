/**
 * Builds the extension for one browser: `TARGET_BROWSER=chrome|firefox vite build` writes
 * dist/chrome or dist/firefox. An env var, not `--mode`: the plugin defines NODE_ENV as the mode.
 */
import { cpSync } from "node:fs";
import { resolve } from "node:path";
import { defineConfig, type Plugin } from "vite";
import webExtension from "vite-plugin-web-extension";
import { firstScreenChunk } from "./scripts/first-screen-chunk.ts";
import { CONTENT_SCRIPTS as CONTENT_SCRIPTS_BY_NAME } from "./src/platform/content-scripts.ts";

const root = import.meta.dirname;
const browser = process.env.TARGET_BROWSER === "firefox" ? "firefox" : "chrome";
const outDir = `dist/${browser}`;
const CONTENT_SCRIPTS = Object.values(CONTENT_SCRIPTS_BY_NAME);

/**
 * Each content script's file, wrapped so that injecting it answers one request and leaves
 * nothing in the page (src/platform/content-scripts.ts): the wrapper takes the request left in
 * the hand-off's global (or the usual one), runs the script's IIFE, which leaves its handler
 * there, deletes the global and calls the handler; that call is the file's completion value,
 * which executeScript returns. Applied after minifying (generateBundle), to the script's IIFE.
 */
const answerOnInjection = (): Plugin => ({
  name: "folio-content-answer",
  apply: "build",
  generateBundle(_options, bundle) {
    for (const chunk of Object.values(bundle)) {
      if (chunk.type !== "chunk" || !chunk.facadeModuleId) continue;
      const script = CONTENT_SCRIPTS.find((s) => chunk.facadeModuleId === resolve(root, s.entry));
      if (!script) continue;
      const name = script.global; // a plain identifier (content-scripts.ts)
      const iife = chunk.code.trim().replace(/;$/, "");
      if (!iife.startsWith("(function") || !iife.endsWith(")()"))
        throw new Error(`${script.entry}: expected an IIFE bundle to wrap`);
      chunk.code =
        `(g=>{const r=g.${name}??${JSON.stringify(script.first)};\n${iife};\n` +
        `const h=g.${name};delete g.${name};return h(r)})(globalThis);\n`;
    }
  },
});

// The library page's first rows come from one chunk (scripts/first-screen-chunk.ts).
const libraryFirst = firstScreenChunk(root, "library-first", "src/library-page/main.ts", [
  "src/popup/main.ts",
]);
// What the popup's entry imports (the tab query, the request to the page, the protocol): one
// chunk, which other pages share, instead of four files its module waited for before it started.
const popupFirst = firstScreenChunk(root, "popup-first", "src/popup/main.ts", [], 20);
// What the popup's UI shares with the library page's first screen (the reading settings, dates
// and sizes, small DOM helpers, 2.5 kB) goes in that chunk too, which both pages load first:
// the popup's UI then loads one file, not the library's first-screen chunk (40 kB) for them.
const uiShared = firstScreenChunk(
  root,
  "popup-first-shared", // its group joins popup-first's below
  ["src/ui/app.ts", "src/library-page/main.ts"],
  ["src/popup/main.ts"],
  20,
);
const popupFirstGroup = {
  ...popupFirst.group,
  test: (id: string) => popupFirst.group.test(id) || uiShared.group.test(id),
};
// The popup's UI (renderer, sanitizer, settings, the page controller itself), which it imports
// once its request to the page has left: one file. Each file an extension page
// fetches is work for the browser (its loader) and the popup's thread while the page reads, and
// on two cores that work slows the page's reading: as nine files it was 60-100 ms of fetching.
// Below library-first in priority, so the library page's first screen loads what it did.
const popupUi = firstScreenChunk(root, "popup-ui", "src/ui/app.ts", ["src/popup/main.ts"], 5, [
  "src/ui/app.ts",
]);

/** The plugin builds entry points only; the icons the manifest names are copied here. */
const copyIcons = (): Plugin => ({
  name: "folio-copy-icons",
  apply: "build",
  closeBundle() {
    cpSync(resolve(root, "icons"), resolve(root, outDir, "icons"), {
      recursive: true,
      filter: (src) => !src.endsWith(".svg"),
    });
  },
});

export default defineConfig({
  resolve: {
    alias: {
      // tldts's own minified build (the public suffix list, packed): 132 kB, where bundling its
      // es6 sources gives 251 kB. Only the background loads it (library/canonical.ts).
      tldts: resolve(root, "node_modules/tldts/dist/index.esm.min.js"),
    },
  },
  // The library page's search worker (library-page/search-index.ts) is a module worker: ES
  // output, loaded from the extension's own origin, which MV3's CSP allows in both browsers.
  worker: { format: "es" },
  build: {
    outDir,
    emptyOutDir: true,
    // Both browsers preload modules natively: no polyfill script fetched before each page's own.
    modulePreload: { polyfill: false },
    // Firefox reviewers read the shipped code; Chrome gets the smaller bundle.
    minify: browser === "chrome",
    sourcemap: false,
    rollupOptions: {
      output: { codeSplitting: { groups: [popupFirstGroup, libraryFirst.group, popupUi.group] } },
      // DOMPurify and turndown make an instance or probe the DOM at module level, but change
      // nothing outside themselves: a bundle that uses neither drops them (the popup's content
      // script: src/platform/content-scripts.ts).
      treeshake: {
        moduleSideEffects: (id: string) =>
          !/[\\/]node_modules[\\/](?:dompurify|turndown|@joplin[\\/]turndown-plugin-gfm)[\\/]/.test(id),
      },
    },
  },
  plugins: [
    webExtension({
      browser,
      manifest: "manifest.json",
      additionalInputs: [
        ...CONTENT_SCRIPTS.map((s) => s.entry),
        "src/reader/index.html",
        "src/library-page/index.html",
        "src/notes-page/index.html",
        // The fetch queue's host: Chrome's offscreen document, an iframe of Firefox's event page.
        "src/offscreen/index.html",
      ],
      skipManifestValidation: true,
      disableAutoLaunch: true,
    }),
    libraryFirst.plugin,
    popupUi.plugin,
    popupFirst.plugin,
    uiShared.plugin,
    copyIcons(),
    answerOnInjection(),
  ],
});
