/**
 * The one way Folio normalises text for comparing, recording and showing it in one line: every
 * run of whitespace (including no-break, zero-width and byte-order-mark spaces) becomes one
 * space, and the ends are trimmed.
 */

const WHITESPACE = /[\s\u00a0\u200b\ufeff]+/g;

/** `text` with whitespace runs as one space, trimmed ("" for null or undefined). */
export function squash(text: string | null | undefined): string {
  return (text ?? "").replace(WHITESPACE, " ").trim();
}

/** `squash(text)`, or null when nothing is left. */
export function squashOrNull(text: string | null | undefined): string | null {
  return squash(text) || null;
}
