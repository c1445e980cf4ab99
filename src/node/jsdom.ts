/**
 * The Node adapter's one HTML parser: a page's markup to a jsdom Document, with scripts off,
 * no sub-resources loaded and the page's CSS/console noise discarded. Used by the command
 * line, the tests and the benchmarks; extension code parses with the browser instead.
 */
import { JSDOM, VirtualConsole } from "jsdom";

export interface NodeDocument {
  document: Document;
  window: Window;
  /** Frees the jsdom window; call it when done with many pages in one process. */
  close(): void;
}

export function parseDocument(html: string, url: string): NodeDocument {
  const dom = new JSDOM(html, { url, virtualConsole: new VirtualConsole() });
  const window = dom.window as unknown as Window;
  return { document: window.document, window, close: () => dom.window.close() };
}
