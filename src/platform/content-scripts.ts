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
 * Each publishes a receiver for the `extract` message under `receiver` in the extension's
 * isolated world (the name carries the build id: a receiver left in a page by an older build is
 * never called). The build (vite.config.ts) wraps each script so that injecting its file also
 * answers `first`, its usual request: the file's completion value, which `executeScript` returns,
 * is the reply. One round trip reads the page, the first time as the next (the script is not
 * evaluated again while its receiver is there). Other requests (Show anyway) go to the receiver.
 *
 * Imports nothing: vite.config.ts reads it too.
 */
export interface ContentScript {
  /** Source entry, from the repository's root. */
  entry: string;
  /** The built file, from the extension's root (a leading slash: see browser.ts). */
  file: string;
  /** The global its receiver is published under. */
  receiver: string;
  /** The request injecting the file answers. */
  first: { type: "extract"; force: false; markdown?: true };
}

export function contentScripts(build: string): { page: ContentScript; markdown: ContentScript } {
  return {
    page: {
      entry: "src/content/extract.ts",
      file: "/src/content/extract.js",
      receiver: `__folioReceive_${build}`,
      first: { type: "extract", force: false },
    },
    markdown: {
      entry: "src/content/extract-markdown.ts",
      file: "/src/content/extract-markdown.js",
      receiver: `__folioReceiveMarkdown_${build}`,
      first: { type: "extract", force: false, markdown: true },
    },
  };
}
