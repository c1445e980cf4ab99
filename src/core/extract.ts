/**
 * The extraction pipeline: a page's Document in, an Article (or a typed failure) out.
 *
 * The input document is never changed: metadata, every cleanup pass and Readability itself
 * work on one clone (metadata reads it before anything changes it). The order of the stages matters:
 *
 *   1. guards        refuse what cannot be read: not a web page (a PDF...), no body
 *   2. clone         one copy (read-copy.ts); everything below works on it. The big blocks
 *                    Readability drops unread (a comment thread, a mega-menu) are copied empty
 *                    (working-copy.ts);
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
 *   6d. recipe       a page that declares a recipe (schema.org Recipe) and whose reading lacks
 *                    its ingredients or its steps: the parts as the page prints them follow the
 *                    rest of the reading (recipe-reading.ts)
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
import { nonHtmlDocument } from "./document-type.ts";
import { serializeChildren } from "./html.ts";
import { leadImageOnce } from "./lead-image.ts";
import { defineLazyMarkdown } from "./lazy-markdown.ts";
import { toMarkdown } from "./markdown.ts";
import { assembleMetadata } from "./assemble.ts";
import { AFTER_READABILITY } from "./passes/pipeline.ts";
import { squash } from "./whitespace.ts";
import { oversized, withinLimits } from "./limits.ts";
import { FIRST_ATTEMPT_MIN_CHARS, workingCopy } from "./working-copy.ts";
import type { Parsed } from "./readability.ts";
import { adopt, preparedAlone, readAlone, readCopy } from "./read-copy.ts";
import { candidatesOf, declaredBody, pathOf, SECOND_READING } from "./second-reading.ts";
import { OWN_STORY_MIN_CHARS, ownArticle, readsOwnStory } from "./own-article.ts";
import { mainRegionOutside } from "./forced-reading.ts";
import { plainText } from "./plain-text.ts";
import { missingRecipe, recipeKeys, withoutRepeats } from "./recipe-reading.ts";
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
  // 6d. A page that declares a recipe: when the reading lacks a part of it (the ingredients, the
  // steps), the recipe's parts are read from where the page prints them and follow the rest of
  // the reading, which keeps no copy of them (recipe-reading.ts).
  if (meta.recipe && parsed?.content && doc.body) {
    const missing = missingRecipe(doc.body, recipeKeys(meta.recipe), parsed.textContent ?? "");
    const added =
      missing.length > 0
        ? preparedAlone(
            doc,
            missing.map((el) => pathOf(el, doc.body!)),
            ctx,
          )
        : null;
    if (added) {
      withoutRepeats(parsed.content, added.textContent ?? "");
      parsed.content.append(...Array.from(added.childNodes));
    }
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
