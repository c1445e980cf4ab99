/**
 * The extraction pipeline: a page's Document in, an Article (or a typed failure) out.
 *
 * The input document is never changed: metadata, every cleanup pass and Readability itself
 * work on one clone (metadata reads it before anything changes it). The order of the stages matters:
 *
 *   1. guards        refuse what cannot be read: too many elements, not an article (unless forced)
 *   2. clone         one deep copy; everything below works on it
 *   3. visibility    note which caption copies the live page hides (browser only, read-only)
 *   4. metadata      read what the page says about itself (JSON-LD, meta tags...) from the copy,
 *                    untouched yet; the same walk lists the elements the passes look at
 *   5. before-passes on the whole copy, so Readability neither scores nor keeps the clutter:
 *                    lazy images, ad slots, promo blocks, hidden copies, caption marks
 *   6. Readability   picks the article container and cleans it (captions are marked for stage 7)
 *   6b. declared body when the page declares its article's body (itemprop=articleBody, or its
 *                    one <article>), Readability's reading is short and holds less than half
 *                    of that body, the same on a fresh copy holding only that body; the longer
 *                    reading wins
 *   7. after-passes  on the article only (small, so cheap): ad labels, promo lines, repeated
 *                    text and captions, the header repeated in the body, blocks left empty
 *                    (Readability itself makes image and link URLs absolute)
 *   8. sanitize      in place, once: the article's HTML is safe from here on
 *   9. assemble      text, statistics, metadata precedence; Markdown on first read
 */
import { isProbablyReaderable, Readability } from "@mozilla/readability";
import { firstDescendant } from "./dom.ts";
import { serializeChildren } from "./html.ts";
import { toMarkdown } from "./markdown.ts";
import { cleanAuthors, extractMetadata } from "./metadata/index.ts";
import type { PageMetadata } from "./metadata/types.ts";
import { adLabels, adSlots } from "./passes/ads.ts";
import { CAPTION_SELECTOR, captionMarks, hiddenCopies, repeatedText } from "./passes/captions.ts";
import { type Pass, type PassContext, squash } from "./passes/context.ts";
import { emptyBlocks } from "./passes/empty-blocks.ts";
import { headline } from "./passes/headline.ts";
import { lazyImages } from "./passes/lazy-images.ts";
import { promoBlocks, promoLines } from "./passes/promos.ts";
import { declaredArticleBodies, elementsByTag, isArticleBody, scanAlong } from "./passes/scan.ts";
import { plainText } from "./plain-text.ts";
import { sanitizeInPlace } from "./sanitize.ts";
import { textStats } from "./text-stats.ts";
import type { Article, ExtractOptions, ExtractResult, LeadImage } from "./types.ts";

/** Passes over the whole working copy, before Readability. Order: fix images before judging blocks. */
export const BEFORE_READABILITY: readonly Pass[] = [lazyImages, adSlots, promoBlocks, hiddenCopies, captionMarks];

/** Passes over the extracted article. Order: labels and promos go first so duplicates compare clean text. */
export const AFTER_READABILITY: readonly Pass[] = [
  adLabels,
  promoLines,
  repeatedText,
  headline,
  emptyBlocks,
];

export const DEFAULT_MAX_ELEMENTS = 150_000;

type Parsed = NonNullable<ReturnType<Readability<Element>["parse"]>>;

function fail(kind: "not-article" | "empty" | "too-large" | "error", message: string): ExtractResult {
  return { ok: false, error: { kind, message } };
}

export function extractArticle(doc: Document, options: ExtractOptions = {}): ExtractResult {
  try {
    return extract(doc, options);
  } catch (error) {
    return fail("error", `Folio could not read this page (${error instanceof Error ? error.message : String(error)}).`);
  }
}

function extract(doc: Document, options: ExtractOptions): ExtractResult {
  const url = options.url ?? doc.URL;
  const win = options.window ?? doc.defaultView;
  if (!win) return fail("error", "Folio needs the page's window to make its HTML safe.");

  // 1. Guards.
  const maxElements = options.maxElements ?? DEFAULT_MAX_ELEMENTS;
  const elements = doc.getElementsByTagName("*").length;
  if (elements > maxElements) {
    return fail("too-large", `This page is too large to read (${elements} elements; the limit is ${maxElements}).`);
  }
  if (!doc.body) return fail("empty", "This page has no body to read.");
  const readerable = isProbablyReaderable(doc);
  if (!readerable && !options.force) {
    return fail("not-article", "This page does not look like an article. Use --force (or Show anyway) to extract it anyway.");
  }

  // 2 + 3. Clone, and map the live page's hidden caption copies onto the clone.
  const clone = doc.cloneNode(true) as Document;
  const hidden = options.isVisible ? hiddenInClone(doc, clone, options.isVisible) : undefined;

  // 4. Metadata, from the clone before any pass touches it (the same page as the original).
  // The passes' scan of the body rides on the metadata's walk: one walk instead of two.
  const scan = clone.body ? scanAlong(clone.body) : null;
  const meta = extractMetadata(clone, url, scan?.visit);
  scan?.finish();

  const ctx: PassContext = {
    doc: clone,
    title: meta.title ?? "",
    subtitle: meta.subtitle,
    authors: meta.authors,
    hidden,
    removed: [],
  };

  // The body the page itself declares (schema.org articleBody, or its one <article>).
  const declared = clone.body ? declaredBody(clone.body) : null;

  // 5 + 6. Before-passes, then Readability.
  let parsed = readClone(clone, ctx);

  // 6b. When the page declares its article's body and Readability kept much less than it
  // (it chose a neighbouring block, or cleaned the body away as a sidebar: some sites put the
  // story in an <aside>), read the declared body alone, on a fresh copy, and keep the longer.
  // Only a short reading is worth the check: the declared body is measured in the untouched
  // original, and only then (measuring it on every page would cost every page).
  const kept = declared ? (parsed?.content ? squash(parsed.content.textContent).length : 0) : Infinity;
  if (declared && kept < SHORT_READING_CHARS) {
    const length = declaredLength(doc, declared);
    if (length >= DECLARED_MIN_CHARS && kept < length * DECLARED_SHORTFALL) {
      const retry = readDeclaredBody(doc, declared, ctx);
      const retried = retry?.parsed?.content ? squash(retry.parsed.content.textContent).length : 0;
      if (retry && retried > kept) {
        parsed = retry.parsed;
        ctx.removed = retry.ctx.removed;
        ctx.captionTexts = retry.ctx.captionTexts;
      }
    }
  }
  const root = parsed?.content;
  if (!parsed || !root) return fail("empty", "Folio found no article text on this page.");

  // 7. After Readability, on the article only. Titles may be better known now.
  ctx.title = meta.title ?? parsed.title ?? "";
  for (const pass of AFTER_READABILITY) pass.run(root, ctx);

  // 8. Sanitize once, in place.
  sanitizeInPlace(root, win);

  // 9. Assemble.
  const standfirst = ctx.standfirstRemoved ? meta.subtitle : null;
  const body = plainText(root);
  if (!body) return fail("empty", "Folio found no article text on this page.");
  const textContent = standfirst ? `${standfirst}\n\n${body}` : body;
  const stats = textStats(textContent);
  const article: Article = {
    ...assembleMetadata(meta, parsed, url),
    leadImage: meta.leadImage ?? firstImage(root),
    content: serializeChildren(root),
    textContent,
    markdown: null,
    wordCount: stats.wordCount,
    readingTimeMinutes: stats.readingTimeMinutes,
    readerable,
    removed: ctx.removed,
  };
  if (options.markdown !== false) defineLazyMarkdown(article);
  return { ok: true, article };
}

/** Below this many characters a declared article body is not worth a second reading. */
const DECLARED_MIN_CHARS = 500;
/** Readings at least this long are taken as they are. */
const SHORT_READING_CHARS = 2500;
/** Readability kept less than this share of the declared body's text: read the body alone. */
const DECLARED_SHORTFALL = 0.5;

/** Steps 5 and 6 on a working copy: the before-passes, then Readability (its element, not HTML). */
function readClone(clone: Document, ctx: PassContext): Parsed | null {
  for (const pass of BEFORE_READABILITY) pass.run(clone.body, ctx);
  // `keepClasses`: the sanitizer drops every class anyway; Readability's own pass over the
  // article to strip them would be work done twice.
  return new Readability<Element>(clone, {
    serializer: (node) => node as Element,
    keepClasses: true,
  }).parse();
}

/**
 * The body the page declares: its first `itemprop=articleBody` element, else its one and only
 * `<article>`. Returns which kind and its place among the elements of that kind.
 */
function declaredBody(body: Element): Declared | null {
  if (declaredArticleBodies(body).length > 0) return { kind: "articleBody", position: 0 };
  return elementsByTag(body, "article").length === 1 ? { kind: "article", position: 0 } : null;
}

interface Declared {
  kind: "articleBody" | "article";
  position: number;
}

/** The declared body of `root`'s subtree (found by a walk, without the passes' scan). */
function findDeclared(root: Element, declared: Declared): Element | null {
  const matches = declared.kind === "article" ? (el: Element) => el.localName === "article" : isArticleBody;
  let seen = -1;
  return firstDescendant(root, (el) => matches(el) && ++seen === declared.position);
}

/** Text length (squashed) of the declared body in the untouched page. */
function declaredLength(doc: Document, declared: Declared): number {
  const el = doc.body ? findDeclared(doc.body, declared) : null;
  return el ? squash(el.textContent).length : 0;
}

/** Steps 4-6 again on a fresh copy of `doc` whose body holds only its declared article body. */
function readDeclaredBody(doc: Document, declared: Declared, ctx: PassContext): { parsed: Parsed | null; ctx: PassContext } | null {
  const copy = doc.cloneNode(true) as Document;
  if (!copy.body) return null;
  // Found by a walk of its own: the passes' scan of this body must be made after the cut.
  const body = findDeclared(copy.body, declared);
  if (!body) return null;
  copy.body.replaceChildren(body);
  const fresh: PassContext = { ...ctx, doc: copy, hidden: undefined, removed: [], captionTexts: undefined };
  return { parsed: readClone(copy, fresh), ctx: fresh };
}

/**
 * `article.markdown` is computed on first read (then kept): converting a long article costs as
 * much as extracting it, and most readers never export. It is an ordinary enumerable property
 * to every consumer: JSON.stringify, spreading and structured cloning all read it.
 */
function defineLazyMarkdown(article: Article): void {
  let markdown: string | null = null;
  Object.defineProperty(article, "markdown", {
    enumerable: true,
    configurable: true,
    get: () => {
      markdown ??= toMarkdown(article);
      return markdown;
    },
    set: (value: string | null) => {
      markdown = value;
    },
  });
}

/**
 * Which fields come from where, once. The page's own metadata (JSON-LD, OpenGraph, meta tags,
 * see metadata/index.ts for their order) wins over Readability's guesses, except for the title
 * and the byline: Readability's title logic (JSON-LD headline, meta titles, `<title>` with the
 * site name cut, checked against the page's headings) and its byline logic (JSON-LD and meta
 * authors, then the byline printed in the article) are tuned on thousands of pages, so they go
 * first (the byline cleaned of "By", dates and URLs) and Folio's metadata fills in where
 * Readability found nothing.
 */
function assembleMetadata(meta: PageMetadata, parsed: Parsed, url: string) {
  const fromReadability = cleanAuthors(parsed.byline ? [parsed.byline] : []);
  // Readability takes an organisation author ("BBC News" on BBC News) as readily as a person.
  const site = (meta.siteName ?? parsed.siteName ?? "").toLowerCase();
  const onlySite = fromReadability.every((name) => name.toLowerCase() === site);
  const authors = fromReadability.length > 0 && !(onlySite && meta.authors.length > 0) ? fromReadability : meta.authors;
  const dir = meta.dir ?? (parsed.dir === "rtl" || parsed.dir === "ltr" ? parsed.dir : null);
  return {
    url: meta.canonicalUrl ?? url,
    title: clean(parsed.title) ?? meta.title ?? "",
    subtitle: meta.subtitle,
    byline: authors.length > 0 ? authors.join(", ") : null,
    authors,
    siteName: meta.siteName ?? clean(parsed.siteName),
    publishedTime: meta.publishedTime,
    modifiedTime: meta.modifiedTime,
    lang: meta.lang ?? clean(parsed.lang),
    dir,
    excerpt: meta.description ?? clean(parsed.excerpt),
  };
}

function clean(value: string | null | undefined): string | null {
  return squash(value) || null;
}

function firstImage(root: Element): LeadImage | null {
  const img = firstDescendant(root, (el) => el.localName === "img" && el.hasAttribute("src"));
  const src = img?.getAttribute("src");
  if (!img || !src || src.startsWith("data:")) return null;
  const caption = img.closest("figure")?.querySelector("figcaption")?.textContent?.replace(/\s+/g, " ").trim();
  return { url: src, alt: img.getAttribute("alt") || null, caption: caption || null };
}

/**
 * Caption copies that the live page hides, as elements of the clone. Clone and original have
 * the same structure until the first pass runs, so the n-th match in one is the n-th in the other.
 */
function hiddenInClone(doc: Document, clone: Document, isVisible: (el: Element) => boolean): Set<Element> {
  const hidden = new Set<Element>();
  const live = doc.querySelectorAll(CAPTION_SELECTOR);
  const copies = clone.querySelectorAll(CAPTION_SELECTOR);
  if (live.length !== copies.length) return hidden;
  live.forEach((el, i) => {
    if (!isVisible(el)) hidden.add(copies[i]!);
  });
  return hidden;
}
