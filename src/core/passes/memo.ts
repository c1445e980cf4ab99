/**
 * What one extraction works out once about its working copy and remembers for its passes: the
 * scan of names and tags (scan.ts), the text measures (measure.ts), the story's headline and
 * byline marks (content-guard.ts), and the nodes the passes removed (context.ts). It lives in
 * the extraction's context (every `PassContext` is a `Memo`), never in a module: the core
 * keeps nothing between extractions. Keyed by element, so a fresh copy of the page (a second
 * reading) simply misses.
 */
import type { Measured } from "./measure.ts";
import type { Scan } from "./scan.ts";

export interface Memo {
  scans: WeakMap<Element, Scan>;
  measures: WeakMap<Element, Measured>;
  storyMarks: WeakMap<Element, Set<Element>>;
  removedNodes: WeakSet<Node>;
}

export function newMemo(): Memo {
  return {
    scans: new WeakMap(),
    measures: new WeakMap(),
    storyMarks: new WeakMap(),
    removedNodes: new WeakSet(),
  };
}
