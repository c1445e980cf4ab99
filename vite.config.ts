/**
 * Builds the extension for one browser: `TARGET_BROWSER=chrome|firefox vite build` writes
 * dist/chrome or dist/firefox. An env var, not `--mode`: the plugin defines NODE_ENV as the mode.
 */
import { cpSync } from "node:fs";
import { resolve } from "node:path";
import { defineConfig, type Plugin } from "vite";
import webExtension from "vite-plugin-web-extension";

const root = import.meta.dirname;
const browser = process.env.TARGET_BROWSER === "firefox" ? "firefox" : "chrome";
const outDir = `dist/${browser}`;
// One id per build, shared by the child builds the plugin runs in this process: the content
// script publishes its receiver under it, so a page keeps no stale receiver across updates.
process.env.FOLIO_BUILD_ID ??= Date.now().toString(36);

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
  define: { __FOLIO_BUILD__: JSON.stringify(process.env.FOLIO_BUILD_ID) },
  resolve: {
    alias: {
      // tldts's own minified build (the public suffix list, packed): 132 kB, where bundling its
      // es6 sources gives 251 kB. Only the background loads it (library/canonical.ts).
      tldts: resolve(root, "node_modules/tldts/dist/index.esm.min.js"),
    },
  },
  build: {
    outDir,
    emptyOutDir: true,
    // Firefox reviewers read the shipped code; Chrome gets the smaller bundle.
    minify: browser === "chrome",
    sourcemap: false,
  },
  plugins: [
    webExtension({
      browser,
      manifest: "manifest.json",
      additionalInputs: [
        "src/content/extract.ts",
        "src/reader/index.html",
        "src/library-page/index.html",
        "src/notes-page/index.html",
        // The fetch queue's host: Chrome's offscreen document, an iframe of Firefox's event page.
        "src/offscreen/index.html",
      ],
      skipManifestValidation: true,
      disableAutoLaunch: true,
    }),
    copyIcons(),
  ],
});
