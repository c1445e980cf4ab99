/**
 * Text folding for search: one function that both the indexed text and the typed query go
 * through, so that "Crème", "CREME" and "creme" are the same word, and "Straße" matches
 * "strasse". It owns the folding rules only; tokenising is search.ts's.
 *
 * Rules: Unicode NFKD (which also splits ligatures such as "ﬁ" and folds full-width Latin),
 * every combining mark dropped, lower case, then the letters that NFKD does not decompose
 * but a reader types without their stroke or as two letters (ß, æ, œ, ø, đ, ð, þ, ł, ı, ħ).
 * Dropping marks also drops Arabic harakat and Hebrew niqqud, as readers expect; in scripts
 * whose vowel signs are marks (Devanagari, Thai) it folds some distinct words together, which
 * costs precision, never recall, because the query is folded the same way.
 */

const SPECIAL: Readonly<Record<string, string>> = {
  ß: "ss",
  æ: "ae",
  œ: "oe",
  ø: "o",
  đ: "d",
  ð: "d",
  þ: "th",
  ł: "l",
  ı: "i",
  ħ: "h",
};
const SPECIAL_RE = /[ßæœøđðþłıħ]/g;
const MARKS_RE = /\p{M}+/gu;
const NON_ASCII_RE = /[^\u0000-\u007f]/;

/** `text` folded for matching: no diacritics, lower case, ß as "ss". */
export function fold(text: string): string {
  // Most English text is ASCII: skip the normalisation pass entirely.
  if (!NON_ASCII_RE.test(text)) return text.toLowerCase();
  return text
    .normalize("NFKD")
    .replace(MARKS_RE, "")
    .toLowerCase()
    .replace(SPECIAL_RE, (c) => SPECIAL[c] ?? c);
}
