/**
 * The extraction pipeline: a page's Document in, an Article (or a typed failure) out.
 *
 * The input document is never changed: metadata, every cleanup pass and Readability itself
 * work on one clone (metadata reads it before anything changes it). The order of the stages matters:
 *
 *   1. guards        refuse what cannot be read: not a web page (a PDF...), no body
 *   2. clone         one copy; everything below works on it. The big blocks Readability drops
 *                    unread (a comment thread, a mega-menu) are copied empty (working-copy.ts);
 *                    when what is left reads shorter than Readability's threshold, a whole copy
 *                    is read again. Past the depth the browser's parser allows, a copy made
 *                    without recursion, cut at that depth (depth.ts)
 *   3. visibility    note which caption copies the live page hides (browser only, read-only)
 *   4. metadata      read what the page says about itself (JSON-LD, meta tags...) from the copy,
 *                    untouched yet; the same walk lists the elements the passes look at
 *   5. before-passes on the whole copy, so Readability neither scores nor keeps the clutter:
 *                    lazy images, ad slots, promo blocks, hidden copies, caption marks; then
 *                    the shield takes furniture-sounding names off content in the story's flow
 *   6. Readability   picks the article container and cleans it (captions are marked for stage 7)
 *   6b. second look  when Readability's reading is short and holds less than half of the page's
 *                    declared body (itemprop=articleBody, or its one <article>) or of the block
 *                    whose paragraphs hold the most text, the same on a fresh copy holding only
 *                    that element; the longest reading wins (second-reading.ts)
 *   6c. own story    a page of several <article>s (infinite scroll): the one the address or the
 *                    declared title names, when Readability kept another (own-article.ts)
 *   7. after-passes  on the article only (small, so cheap): ad labels, promo lines, notices, calendar
 *                    widgets, repeated text and captions, figures, the header repeated in the
 *                    body, lists of other stories, blocks left empty (URLs are absolute by then);
 *                    first, on a page that names no person elsewhere, the byline the story
 *                    prints at its start or end (story-byline.ts)
 *   7b. article?     unless forced: a page that declares an article is read; otherwise the
 *                    reading must be prose and not a list of teasers (reading-evidence.ts)
 *   8. sanitize      in place, once: the article's HTML is safe from here on (or, with
 *                    `sanitize: false`, by the caller, block by block, right before it shows it)
 *   9. assemble      text, statistics, metadata precedence, field limits (limits.ts); Markdown
 *                    on first read
 */
import { isProbablyReaderable } from "@mozilla/readability";
import { copyDocument } from "./depth.ts";
import { nonHtmlDocument } from "./document-type.ts";
import { serializeChildren } from "./html.ts";
import { leadImageOnce } from "./lead-image.ts";
import { defineLazyMarkdown } from "./lazy-markdown.ts";
import { toMarkdown } from "./markdown.ts";
import { assembleMetadata } from "./assemble.ts";
import { extractMetadata } from "./metadata/index.ts";
import { CAPTION_SELECTOR } from "./passes/captions.ts";
import type { PassContext } from "./passes/context.ts";
import { AFTER_READABILITY, BEFORE_READABILITY } from "./passes/pipeline.ts";
import { squash } from "./whitespace.ts";
import { oversized, withinLimits } from "./limits.ts";
import { type Memo, newMemo } from "./passes/memo.ts";
import { FIRST_ATTEMPT_MIN_CHARS, type WorkingCopy, workingCopy } from "./working-copy.ts";
import { declaredArticleBodies, elementsByTag } from "./passes/scan.ts";
import { type Parsed, readDocument } from "./readability.ts";
import {
  atPath,
  candidatesOf,
  declaredBody,
  type ElementPath,
  pathOf,
  SECOND_READING,
} from "./second-reading.ts";
import { OWN_STORY_MIN_CHARS, ownArticle, readsOwnStory } from "./own-article.ts";
import { mainRegionOutside } from "./forced-reading.ts";
import { plainText } from "./plain-text.ts";
import { isTeaserList, readingEvidence, readsAsArticle } from "./reading-evidence.ts";
import { sanitizeInPlace, sanitizerDropsContent } from "./sanitize.ts";
import { textStats } from "./text-stats.ts";
import { storyByline } from "./story-byline.ts";
import type { Article, ExtractOptions, ExtractResult, FailureKind } from "./types.ts";

const fail = (kind: FailureKind, message: string): ExtractResult => ({ ok: false, error: { kind, message } });

function notAnArticle(): ExtractResult {
  return fail(
    "not-article",
    "This page does not look like an article. Use --force (or Show anyway) to extract it anyway.",
  );
}

/** What finishes an article for the outside world: the sanitizer and the Markdown converter. */
interface Finisher {
  sanitizeInPlace: (element: Element, win: Window) => void;
  toMarkdown: (article: Article) => string;
}

/** A page's article, sanitized, with its Markdown on first read (unless `options` say not). */
export function extractArticle(doc: Document, options: ExtractOptions = {}): ExtractResult {
  return guarded(() => extract(doc, options, { sanitizeInPlace, toMarkdown }));
}

/**
 * The same reading, its HTML not yet sanitized and without Markdown (`sanitize: false,
 * markdown: false`), for a page that sanitizes every block itself right before it shows it
 * (the popup, the reader tab). Neither the sanitizer nor the Markdown converter is reached from
 * here, so the content script of that path carries neither (the build drops both libraries).
 */
export function extractUnsanitized(doc: Document, options: ExtractOptions = {}): ExtractResult {
  return guarded(() => extract(doc, { ...options, sanitize: false, markdown: false }, null));
}

function guarded(run: () => ExtractResult): ExtractResult {
  try {
    return run();
  } catch (error) {
    return fail(
      "error",
      `Folio could not read this page (${error instanceof Error ? error.message : String(error)}).`,
    );
  }
}

function extract(doc: Document, options: ExtractOptions, finish: Finisher | null): ExtractResult {
  const url = options.url ?? doc.URL;
  const win = options.window ?? doc.defaultView;
  if (!win) return fail("error", "Folio needs the page's window to make its HTML safe.");

  // 1. Guards.
  const notHtml = nonHtmlDocument(doc);
  if (notHtml) {
    return fail(
      "not-html",
      `This is ${notHtml.name} (${notHtml.type}), not a web page: Folio reads web pages only.`,
    );
  }
  if (!doc.body) return fail("empty", "This page has no body to read.");
  // Readability's own guess, from the page's long paragraphs, on the page itself (read only).
  // It refuses nothing by itself: whether a page is an article is decided after reading (7b).
  const readerable = isProbablyReaderable(doc);

  // 2-6. The working copy (without the inside of the big blocks Readability drops unread:
  // working-copy.ts), its metadata, the before-passes and Readability. When that reading is
  // shorter than Readability's threshold, Readability would have tried again without dropping
  // those blocks: it reads a whole copy then.
  let work = readCopy(doc, workingCopy(doc), url, options);
  // (Blocks are emptied only on a page within the depth limit: a plain clone, no depth walk.)
  if (work.emptied && readLength(work.parsed) < FIRST_ATTEMPT_MIN_CHARS)
    work = readCopy(doc, { copy: doc.cloneNode(true) as Document, emptied: [] }, url, options);
  const { ctx, declares } = work;
  let meta = work.meta;
  let parsed = work.parsed;

  // 6b. A short reading gets a second look (see the stage list above). Only short readings are
  // checked, in the untouched original: looking on every page would cost every page.
  let kept = readLength(parsed);
  if (kept < SECOND_READING.shortReading && doc.body) {
    const declared = declaredBody(doc.body, declares.articleBody, declares.articles);
    for (const candidate of candidatesOf(doc.body, declared)) {
      if (candidate.length < SECOND_READING.minChars || kept >= candidate.length * SECOND_READING.shortfall)
        continue;
      const retry = readAlone(doc, candidate.path, ctx);
      const retried = retry?.parsed?.content ? squash(retry.parsed.textContent).length : 0;
      if (retry && retried > kept) [parsed, kept] = [adopt(retry, ctx), retried];
    }
  }
  // 6c. Several stories on one page (infinite scroll): the one the address names is read when
  // Readability kept another (own-article.ts).
  const own = declares.articles >= 2 && doc.body ? ownArticle(doc.body, url, meta.title) : null;
  if (own && parsed?.content && !readsOwnStory(own, parsed.textContent ?? "")) {
    const retry = readAlone(doc, pathOf(own.own, doc.body), ctx);
    if (retry?.parsed?.content && squash(retry.parsed.textContent).length >= OWN_STORY_MIN_CHARS)
      parsed = adopt(retry, ctx);
  }
  let root = parsed?.content;
  if (!parsed || !root) return fail("empty", "Folio found no article text on this page.");

  // 7. After Readability, on the article only. Titles may be better known now, and so may the
  // authors: a page that names no person anywhere else may print its byline in the story.
  ctx.title = meta.title ?? parsed.title ?? "";
  if ((meta.authorsKind === "none" || meta.authorsKind === "site") && !parsed.byline) {
    const names = storyByline(root, meta.siteName ? [meta.siteName] : []);
    if (names.length > 0) [meta, ctx.authors] = [{ ...meta, authors: names, authorsKind: "printed" }, names];
  }
  for (const pass of AFTER_READABILITY) pass.run(root, ctx);

  // 7b. Is it an article? Decided after reading: a page that declares an article is one; else
  // the reading must be prose, never a list of teasers (a section front, search results, a feed).
  if (!meta.declaresArticle && !isArticleReading(root, readerable)) {
    if (!options.force) return notAnArticle();
    // Shown anyway: the page's main region when Readability read around it (forced-reading.ts).
    const main = doc.body && mainRegionOutside(doc.body, root);
    const retry = main ? readAlone(doc, pathOf(main, doc.body!), ctx) : null;
    if (retry?.parsed?.content) {
      [parsed, root] = [adopt(retry, ctx) ?? parsed, retry.parsed.content];
      for (const pass of AFTER_READABILITY) pass.run(root, ctx);
    }
  }

  // 8. Sanitize once, in place; or leave it to a caller that sanitizes each block as it shows
  // it (the popup's first screen need not wait for the rest). The text is the same either way.
  const sanitize = finish !== null && options.sanitize !== false;
  if (sanitize) finish.sanitizeInPlace(root, win);

  // 9. Assemble.
  const body = plainText(root, sanitize ? undefined : sanitizerDropsContent);
  if (!body) return fail("empty", "Folio found no article text on this page.");
  // The body is what the reader reads under the header; the standfirst is `subtitle` (the
  // header shows it, Markdown gives it a line of its own), so the text does not repeat it.
  const stats = textStats(meta.subtitle ? `${meta.subtitle}\n\n${body}` : body);
  // Within the field limits the library keeps (limits.ts): what Folio shows, it can save.
  const article: Article = withinLimits({
    ...assembleMetadata(meta, parsed, url),
    leadImage: leadImageOnce(meta.leadImage, root, url),
    content: serializeChildren(root),
    textContent: body,
    markdown: null,
    wordCount: stats.wordCount,
    readingTimeMinutes: stats.readingTimeMinutes,
    readerable,
    removed: ctx.removed,
  });
  if (oversized(article)) {
    return fail("too-large", "This article is too long to show or save (over 10 million characters).");
  }
  if (sanitize && options.markdown !== false) defineLazyMarkdown(article, finish.toMarkdown);
  return { ok: true, article };
}

function isArticleReading(root: Element, readerable: boolean): boolean {
  const evidence = readingEvidence(root);
  return readerable ? !isTeaserList(evidence) : readsAsArticle(evidence);
}

/** The squashed length of a reading's text (0 for none). */
function readLength(parsed: Parsed | null): number {
  return parsed?.content ? squash(parsed.textContent).length : 0;
}

/**
 * Steps 3 to 6 on a working copy of `doc`: the live page's hidden caption copies mapped onto it,
 * its metadata (read before any pass touches it: the same page as the original, but for the
 * emptied blocks), the passes' context, then the before-passes and Readability.
 */
function readCopy(doc: Document, work: WorkingCopy, url: string, options: ExtractOptions) {
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
function adopt(retry: { parsed: Parsed | null; ctx: PassContext }, ctx: PassContext): Parsed | null {
  ctx.removed = retry.ctx.removed;
  ctx.captionTexts = retry.ctx.captionTexts;
  return retry.parsed;
}

/** Steps 5 and 6 again on a fresh copy of `doc` whose body holds only the element at `path`. */
function readAlone(
  doc: Document,
  path: ElementPath,
  ctx: PassContext,
): { parsed: Parsed | null; ctx: PassContext } | null {
  const copy = copyDocument(doc);
  if (!copy.body) return null;
  const el = atPath(copy.body, path);
  if (!el) return null;
  copy.body.replaceChildren(el);
  const fresh: PassContext = { ...ctx, doc: copy, hidden: undefined, removed: [], captionTexts: undefined };
  return { parsed: readClone(copy, fresh), ctx: fresh };
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
