/**
 * The Node adapter's one HTML parser: a page's markup to a jsdom Document, with scripts off,
 * no sub-resources loaded and the page's CSS/console noise discarded. Used by the command
 * line, the tests and the benchmarks; extension code parses with the browser instead.
 */
import { JSDOM, VirtualConsole } from "jsdom";
import type { ExtractOptions } from "../core/types.ts";

/**
 * What `extractArticle` should know about documents parsed here: jsdom's selector engine is
 * slow (it prepares itself for every document and every selector), so Readability's tag
 * lookups walk the tree instead (see src/core/readability.ts). Every Node caller passes these.
 */
export const JSDOM_EXTRACT_OPTIONS = { tagLookup: "walk" } as const satisfies ExtractOptions;

export interface NodeDocument {
  document: Document;
  window: Window;
  /** Frees the jsdom window; call it when done with many pages in one process. */
  close(): void;
}

export function parseDocument(html: string, url: string): NodeDocument {
  const dom = makeJSDOM(html, url);
  const window = dom.window as unknown as Window;
  return { document: window.document, window, close: () => dom.window.close() };
}

/**
 * A jsdom that parses `html` the way a browser with scripting on does (the browser Folio runs
 * in): the content of `<noscript>` is text, not markup. jsdom parses with scripting off unless it
 * also runs the page's scripts, and then an unclosed tag inside a `<noscript>` swallows the rest
 * of the page. Scripts still never run; the flag only steers the parser.
 */
export function makeJSDOM(html: string, url: string): JSDOM {
  const parse = (markup: string) =>
    new JSDOM(markup, { url, virtualConsole: new VirtualConsole(), beforeParse: parseAsScripted });
  try {
    return parse(html);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    // jsdom parses every <style> as it is built, and some valid-enough stylesheets make its
    // CSS value parser throw (`calc(100% - (2px }`: ")" is expected), which would lose the whole
    // page. Folio reads no stylesheet in Node (there is no layout), so the page is parsed again
    // with its style blocks typed as something jsdom leaves alone: in HTML the first of two
    // `type` attributes wins.
    return parse(html.replace(/<style\b/gi, '<style type="text/x-folio-not-parsed"'));
  }
}

function parseAsScripted(window: unknown): void {
  const doc = (window as { document: object }).document as Record<
    symbol,
    { _parseOptions?: { scriptingEnabled?: boolean } }
  >;
  for (const symbol of Object.getOwnPropertySymbols(doc)) {
    const impl = doc[symbol];
    if (impl?._parseOptions) impl._parseOptions.scriptingEnabled = true;
  }
}
