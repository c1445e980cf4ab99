/**
 * The cleanup passes in the order the pipeline (extract.ts) runs them: one list before
 * Readability, on the whole working copy, and one after, on the article Readability read.
 * Each pass's own file says why it exists.
 */
import { adLabels, adSlots } from "./ads.ts";
import { buttonRows } from "./button-rows.ts";
import { calendarGrids } from "./calendar-grids.ts";
import { captionMarks, hiddenCopies, repeatedText } from "./captions.ts";
import { contentShield } from "./content-shield.ts";
import type { Pass } from "./context.ts";
import { emptyBlocks, emptyHeadings } from "./empty-blocks.ts";
import { figures } from "./figures.ts";
import { headline } from "./headline.ts";
import { iconGlyphs } from "./icon-glyphs.ts";
import { lazyImages } from "./lazy-images.ts";
import { inlineLinkLists, labelledLinkLists } from "./link-lists.ts";
import { notices } from "./notices.ts";
import { promoBlocks } from "./promo-blocks.ts";
import { promoLines } from "./promo-lines.ts";
import { serverErrors } from "./server-errors.ts";
import { siteMenus } from "./site-menus.ts";

/**
 * Passes over the whole working copy, before Readability. Order: fix images before judging blocks.
 * They remove elements and change attributes, never add elements.
 */
export const BEFORE_READABILITY: readonly Pass[] = [
  lazyImages,
  adSlots,
  promoBlocks,
  hiddenCopies,
  iconGlyphs,
  serverErrors,
  captionMarks,
  contentShield,
];

/**
 * Passes over the extracted article. Order: labels and promos go first so duplicates compare
 * clean text; the lists of other stories after the lines; empty blocks last.
 */
export const AFTER_READABILITY: readonly Pass[] = [
  adLabels,
  promoLines,
  buttonRows,
  notices,
  calendarGrids,
  repeatedText,
  figures,
  headline,
  labelledLinkLists,
  inlineLinkLists,
  siteMenus,
  emptyBlocks,
  emptyHeadings,
];
