/**
 * One chunk for what a page needs before its first screen.
 *
 * Rolldown splits the modules that several pages share into chunks by which pages (and which
 * lazily loaded parts) use them: for the library page that made 17 small files to fetch before
 * its first rows, and each file an extension page requests costs its thread the request's start
 * and its answer (2-5 ms each on a busy 2-core machine, 60-100 ms in all). This plugin finds the
 * modules a page's entry imports statically (the first screen's code; what it imports with
 * `import()` stays lazy) and gives rolldown a code-splitting group that puts them in one chunk.
 * Modules that the popup's first screen imports too stay out of it, so the popup loads nothing
 * more than before; other pages that use some of these modules (the reader, the notes page)
 * load this one chunk instead of several small ones.
 */
import { resolve } from "node:path";
import type { Plugin } from "vite";

interface ModuleGraph {
  getModuleInfo(id: string): { importedIds: readonly string[] } | null;
}

/** Every module `entry` imports statically, itself excluded, in no particular order. */
function staticImports(graph: ModuleGraph, entry: string): Set<string> {
  const seen = new Set<string>();
  const stack = [entry];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    for (const next of graph.getModuleInfo(id)?.importedIds ?? []) {
      if (seen.has(next) || next === entry) continue;
      seen.add(next);
      stack.push(next);
    }
  }
  return seen;
}

export interface FirstScreenChunk {
  plugin: Plugin;
  /** The group for `output.codeSplitting.groups`. */
  group: { name: string; test: (id: string) => boolean; priority: number };
}

/**
 * @param root the project's folder
 * @param name the chunk's name
 * @param entry the page's entry module (relative to root); several: the modules all of them
 *   import statically (what their first screens share)
 * @param keepOut entries whose own static imports must not move into the chunk
 * @param priority rolldown's: a module two groups want goes to the higher one
 */
export function firstScreenChunk(
  root: string,
  name: string,
  entry: string | string[],
  keepOut: string[],
  priority = 10,
  /** Modules (relative to root) that go in too, with what they import: a lazily loaded entry. */
  also: string[] = [],
): FirstScreenChunk {
  const members = new Set<string>();
  const plugin: Plugin = {
    name: `folio-first-screen-${name}`,
    apply: "build",
    buildEnd() {
      members.clear();
      const graph = this as unknown as ModuleGraph;
      const entryIds = (Array.isArray(entry) ? entry : [entry]).map((e) => resolve(root, e));
      // A build without these pages (the content scripts).
      if (entryIds.some((id) => !graph.getModuleInfo(id))) return;
      const excluded = new Set<string>();
      for (const other of keepOut)
        for (const id of staticImports(graph, resolve(root, other))) excluded.add(id);
      const [first, ...rest] = entryIds.map((id) => staticImports(graph, id));
      const wanted = new Set([...(first ?? [])].filter((id) => rest.every((set) => set.has(id))));
      for (const extra of also.map((e) => resolve(root, e))) {
        wanted.add(extra);
        for (const id of staticImports(graph, extra)) wanted.add(id);
      }
      for (const id of wanted) if (!excluded.has(id)) members.add(id);
    },
  };
  return { plugin, group: { name, test: (id) => members.has(id), priority } };
}
