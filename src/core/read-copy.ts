/**
 * The copies a reading is made from (stages 2-6 of extract.ts, and the second looks of 6b-6d):
 * the working copy read whole, one element of the page read alone, elements of the page made
 * ready to join a reading. Each fresh copy gets a context of its own; what it removed is kept
 * with the reading that takes it.
 */
import { copyDocument } from "./depth.ts";
import { extractMetadata } from "./metadata/index.ts";
import { CAPTION_SELECTOR } from "./passes/captions.ts";
import type { PassContext } from "./passes/context.ts";
import { BEFORE_READABILITY } from "./passes/pipeline.ts";
import { type Memo, newMemo } from "./passes/memo.ts";
import { declaredArticleBodies, elementsByTag } from "./passes/scan.ts";
import { type Parsed, readDocument } from "./readability.ts";
import { atPath, type ElementPath, pathOf } from "./second-reading.ts";
import type { ExtractOptions } from "./types.ts";
import type { WorkingCopy } from "./working-copy.ts";

/**
 * Steps 3 to 6 on a working copy of `doc`: the live page's hidden caption copies mapped onto it,
 * its metadata (read before any pass touches it: the same page as the original, but for the
 * emptied blocks), the passes' context, then the before-passes and Readability.
 */
export function readCopy(doc: Document, work: WorkingCopy, url: string, options: ExtractOptions) {
  const clone = work.copy;
  const hidden = options.isVisible
    ? hiddenInClone(doc, clone, options.isVisible, work.emptied.length > 0)
    : undefined;
  const memo = newMemo();
  const meta = extractMetadata(clone, url);
  const ctx: PassContext = {
    ...memo,
    doc: clone,
    title: meta.title ?? "",
    subtitle: meta.subtitle,
    authors: meta.authors,
    hidden,
    removed: [],
  };
  // Whether the page declares its article's body (schema.org articleBody, or its one <article>),
  // known from the scan already; the element itself is looked up only when it is needed.
  const declares = clone.body ? declaration(memo, clone.body) : { articleBody: false, articles: 0 };
  return { meta, ctx, declares, parsed: readClone(clone, ctx), emptied: work.emptied.length > 0 };
}

/** Steps 5 and 6 on a working copy: the before-passes, then Readability (its element, not HTML). */
function readClone(clone: Document, ctx: PassContext): Parsed | null {
  for (const pass of BEFORE_READABILITY) pass.run(clone.body, ctx);
  return readDocument(clone);
}

/** Whether the page declares its article's body, from the passes' scan of the working copy. */
function declaration(memo: Memo, body: Element): { articleBody: boolean; articles: number } {
  return {
    articleBody: declaredArticleBodies(memo, body).length > 0,
    articles: elementsByTag(memo, body, "article").length,
  };
}

/** Takes a second reading's result and its record of removals. */
export function adopt(retry: { parsed: Parsed | null; ctx: PassContext }, ctx: PassContext): Parsed | null {
  ctx.removed = retry.ctx.removed;
  ctx.captionTexts = retry.ctx.captionTexts;
  return retry.parsed;
}

/**
 * A fresh copy of `doc` whose body holds only the elements at `paths` (those found, in that
 * order), with a context of its own; null when none is found.
 */
function copyHolding(
  doc: Document,
  paths: readonly ElementPath[],
  ctx: PassContext,
): { body: Element; fresh: PassContext } | null {
  const copy = copyDocument(doc);
  if (!copy.body) return null;
  const els = paths.map((path) => atPath(copy.body!, path)).filter((el): el is Element => el !== null);
  if (els.length === 0) return null;
  copy.body.replaceChildren(...els);
  return {
    body: copy.body,
    fresh: { ...ctx, doc: copy, hidden: undefined, removed: [], captionTexts: undefined },
  };
}

/** Steps 5 and 6 again on a fresh copy of `doc` whose body holds only the element at `path`. */
export function readAlone(
  doc: Document,
  path: ElementPath,
  ctx: PassContext,
): { parsed: Parsed | null; ctx: PassContext } | null {
  const held = copyHolding(doc, [path], ctx);
  return held && { parsed: readClone(held.fresh.doc, held.fresh), ctx: held.fresh };
}

/**
 * Step 5 on a fresh copy of `doc` whose body holds only the elements at `paths`, in that order:
 * their cleaned copies, to add to a reading. The removals are recorded with the reading's.
 */
export function preparedAlone(
  doc: Document,
  paths: readonly ElementPath[],
  ctx: PassContext,
): Element | null {
  const held = copyHolding(doc, paths, ctx);
  if (!held) return null;
  for (const pass of BEFORE_READABILITY) pass.run(held.body, held.fresh);
  ctx.removed.push(...held.fresh.removed);
  return held.body;
}

/**
 * Caption copies that the live page hides, as elements of the clone. Clone and original have
 * the same structure until the first pass runs (an emptied block stands where it stood), so
 * the n-th match in one is the n-th in the other, or, when blocks were emptied, the element at
 * the same path.
 */
function hiddenInClone(
  doc: Document,
  clone: Document,
  isVisible: (el: Element) => boolean,
  emptied: boolean,
): Set<Element> {
  const hidden = new Set<Element>();
  const copies = clone.querySelectorAll(CAPTION_SELECTOR);
  if (emptied) {
    if (!doc.body || !clone.body) return hidden;
    for (const copy of copies) {
      const live = atPath(doc.body, pathOf(copy, clone.body));
      if (live && !isVisible(live)) hidden.add(copy);
    }
    return hidden;
  }
  const live = doc.querySelectorAll(CAPTION_SELECTOR);
  if (live.length !== copies.length) return hidden;
  live.forEach((el, i) => {
    if (!isVisible(el)) hidden.add(copies[i]!);
  });
  return hidden;
}
