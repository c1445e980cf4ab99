/**
 * Page text written into Markdown stays text. Pages are hostile: a paragraph that reads
 * `<img src=x onerror=alert(1)>` or a headline holding `[Verify your account](https://evil)`
 * must not become an element or a link in any Markdown renderer (CommonMark passes inline HTML
 * through). Every character that can open Markdown or HTML syntax is backslash-escaped, which
 * CommonMark defines for all ASCII punctuation, so the text reads back exactly as it was.
 */
import { squash } from "./whitespace.ts";

/** Characters that open syntax anywhere in a line: emphasis, code, links, HTML, entities,
 * GFM strikethrough. (`|` is escaped by the GFM plugin in table cells, where it matters.) */
const INLINE = /[\\`*_[\]<>&~]/g;
/**
 * Syntax that only counts at the start of a line, followed by a space or the line's end:
 * ATX headings, list markers (`-`, `+`, `1.`, `1)`); and lines of only `=` or `-` (setext
 * underlines, thematic breaks). `>` and `*` are escaped wherever they are.
 */
const LINE_START = /^([ \t]*)(#{1,6}|[-+]|\d{1,9}[.)])(?=[ \t]|$)/gm;
const UNDERLINE = /^([ \t]*)([=-])(?=[=\- \t]*$)/gm;

/** `text` as Markdown inline text that renders as exactly this text (whitespace aside). */
export function escapeMarkdownText(text: string): string {
  return text
    .replace(INLINE, "\\$&")
    .replace(LINE_START, (_all, space: string, mark: string) =>
      /\d/.test(mark) ? `${space}${mark.slice(0, -1)}\\${mark.slice(-1)}` : `${space}\\${mark}`,
    )
    .replace(UNDERLINE, "$1\\$2");
}

/** One line of page text (a title, standfirst or caption) as Markdown text: no line breaks. */
export function escapeMarkdownLine(text: string): string {
  return escapeMarkdownText(squash(text));
}

/**
 * A URL as a Markdown link destination that cannot end early: whitespace and control
 * characters are percent-encoded, and the brackets that would close the destination escaped.
 */
export function markdownDestination(url: string): string {
  const encoded = url.trim().replace(/[\s\u0000-\u001f\u007f]/g, (c) => encodeURIComponent(c));
  return encoded.replace(/[\\<>()]/g, "\\$&");
}

/** A link title as the text of a `"..."` title: quotes and backslashes escaped, one line. */
export function markdownTitle(title: string): string {
  return squash(title).replace(/[\\"]/g, "\\$&");
}
