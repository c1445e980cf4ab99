/**
 * Folio's two content scripts, injected on demand by `scripting.executeScript` (never declared
 * in the manifest), and how each is reached:
 *
 * - `page`: the reading for the popup and the reader tab, its HTML not yet sanitized and without
 *   Markdown (they sanitize each block right before they show it). It carries neither DOMPurify
 *   nor turndown.
 * - `markdown`: the finished article, sanitized, with its Markdown, for the background's save
 *   from the context menu (a service worker has no DOM for the sanitizer or turndown).
 *
 * Each injection of a file answers one request and leaves nothing in the page. The hand-off is
 * one global of the extension's isolated world, `global`: a caller may leave a request there
 * before it injects the file; the build (vite.config.ts) wraps the file so that it takes that
 * request (or `first`, its usual request), runs the script, which leaves its handler there,
 * deletes the global and calls the handler. That call is the file's completion value, which
 * `executeScript` returns: one round trip reads the page. Show anyway leaves its request first
 * (one more round trip, on that click only).
 *
 * Nothing stays because a handler kept in the page kept the whole script with it: 3.3 MB of the
 * page's JS heap after one opening of wikipedia-2, 3.9 MB after ten as V8 compiled its functions
 * harder, in every tab Folio had read (bench:popup's memory; 1.1-1.2 MB without it, README,
 * Speed). The price: a second opening on the same page evaluates the script again.
 *
 * Imports nothing: vite.config.ts reads it too.
 */
export interface ContentScript {
  /** Source entry, from the repository's root. */
  entry: string;
  /** The built file, from the extension's root (a leading slash: see browser.ts). */
  file: string;
  /** The hand-off's global (see above): a plain identifier. */
  global: string;
  /** The request injecting the file answers when none was left. */
  first: { type: "extract"; force: false; markdown?: true };
}

export const CONTENT_SCRIPTS: { page: ContentScript; markdown: ContentScript } = {
  page: {
    entry: "src/content/extract.ts",
    file: "/src/content/extract.js",
    global: "__folioPage",
    first: { type: "extract", force: false },
  },
  markdown: {
    entry: "src/content/extract-markdown.ts",
    file: "/src/content/extract-markdown.js",
    global: "__folioMarkdown",
    first: { type: "extract", force: false, markdown: true },
  },
};
