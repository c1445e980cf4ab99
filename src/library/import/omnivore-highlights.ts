/**
 * Omnivore's highlights (`highlights/{slug}.md` in its export) made Folio highlights.
 *
 * Omnivore wrote each highlight as a Markdown quote, its blank lines turned into `> ` so that a
 * quote of several paragraphs stays one (the later paragraphs ride on as lazy continuation
 * lines), then its labels as `#label` words and the reader's note, each after a blank line;
 * the highlights one after another, a blank line apart. Older exports end a quote with a link
 * back to it (`[⤴️](https://omnivore.app/me/slug#id)`). A note with no quote is a note on the
 * whole article, which Folio's highlights cannot hold: it is reported, not imported.
 *
 * A highlight is anchored as Folio anchors its own (annotations.ts): the words as they stand
 * in the text of the article's body, found there whatever the white space between them (a
 * selection's line breaks are not the page's), with their context and place. Words
 * that are not in the article (the export's text differs from what Folio read) are reported.
 */
import { type Annotation, anchorOf, MAX_NOTE, MAX_QUOTE } from "../annotations.ts";
import type { Skipped } from "./item.ts";

export interface OmnivoreHighlight {
  quote: string;
  /** The labels as `#label` words, then the note. */
  note: string;
}

const QUOTE_LINE = /^\s{0,3}>\s?(.*)$/;
const BACK_LINK = /\s*\[\u2934\uFE0F?\]\([^)\s]*\)\s*$/u;
const LABELS = /^#\S+(?:\s+#\S+)*$/;

/** The highlights of one file, and how many notes it holds without a quote. */
export function parseOmnivoreHighlights(markdown: string): {
  highlights: OmnivoreHighlight[];
  notesWithoutQuote: number;
} {
  const highlights: OmnivoreHighlight[] = [];
  let notesWithoutQuote = 0;
  let quote: string[] | null = null;
  // The paragraphs after the current quote (labels, note), or before any quote.
  let after: string[] = [];
  let paragraph: string[] = [];
  let inQuote = false;

  const endParagraph = () => {
    if (paragraph.length) after.push(paragraph.join("\n").trim());
    paragraph = [];
  };
  const endHighlight = () => {
    endParagraph();
    const notes = after.filter(Boolean);
    if (quote) {
      const text = quote.join("\n").replace(BACK_LINK, "").trim();
      if (text) highlights.push({ quote: text, note: notes.join("\n\n") });
    } else if (notes.length) {
      notesWithoutQuote += notes.filter((n) => !LABELS.test(n)).length;
    }
    quote = null;
    after = [];
  };

  for (const line of markdown.replace(/\r\n?/g, "\n").split("\n")) {
    const quoted = QUOTE_LINE.exec(line);
    if (quoted && !(inQuote && quote)) {
      // A new quote: the highlight before it (or the notes before any) ends here.
      endHighlight();
      quote = [quoted[1]!];
      inQuote = true;
    } else if (quoted && quote) {
      quote.push(quoted[1]!);
    } else if (!line.trim()) {
      if (!inQuote) endParagraph();
      inQuote = false;
    } else if (inQuote && quote) {
      // A lazy continuation line: still the quote.
      quote.push(line);
    } else {
      paragraph.push(line);
    }
  }
  endHighlight();
  return { highlights, notesWithoutQuote };
}

/**
 * Where `quote` is in `text`, white space left out on both sides (a selection across two
 * paragraphs has a line break where the body's text has none); null when it is not there.
 */
export function findQuote(text: string, quote: string): { start: number; end: number } | null {
  // The text's characters other than white space, and where each of them was.
  let flat = "";
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (/\s/.test(text[i]!)) continue;
    flat += text[i];
    at.push(i);
  }
  const wanted = quote.replace(/\s+/g, "");
  if (!wanted) return null;
  const found = flat.indexOf(wanted);
  if (found < 0) return null;
  return { start: at[found]!, end: at[found + wanted.length - 1]! + 1 };
}

/** A short stable hash (FNV-1a), so importing the same file again gives the same ids. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

/**
 * The Folio highlights of one imported article: `markdown` is the item's highlights file,
 * `bodyText` the text of the article's body as the reader shows it, `at` the item's date
 * (the highlights' created and updated time: importing the file again changes nothing).
 */
export function omnivoreAnnotations(
  markdown: string,
  article: { url: string; bodyText: string; at: number },
  where: string,
): { annotations: Annotation[]; left: Skipped[] } {
  const { highlights, notesWithoutQuote } = parseOmnivoreHighlights(markdown);
  const annotations: Annotation[] = [];
  const left: Skipped[] = [];
  if (notesWithoutQuote) {
    left.push({
      where,
      reason: `${notesWithoutQuote === 1 ? "a note" : `${notesWithoutQuote} notes`} on the whole article (Folio keeps notes on highlighted words only)`,
    });
  }
  for (const [i, highlight] of highlights.entries()) {
    const place = findQuote(article.bodyText, highlight.quote);
    if (!place || place.end - place.start > MAX_QUOTE) {
      left.push({
        where: `${where}, highlight ${i + 1}`,
        reason: place ? "the highlight is too long" : "its words are not in the article's text",
      });
      continue;
    }
    const anchor = anchorOf(article.bodyText, place.start, place.end);
    annotations.push({
      ...anchor,
      id: `omnivore-${hash(article.url)}-${hash(anchor.exact)}-${i}`,
      url: article.url,
      color: "yellow",
      note: highlight.note.slice(0, MAX_NOTE),
      created: article.at,
      updated: article.at,
    });
  }
  return { annotations, left };
}
