/**
 * Search a key ahead: the queries that one more typed character would make of a query, with
 * their matches, found while the reader is between two keys. The library page holds them, so
 * that when the next key is one of them its results are on screen in the same frame as the
 * character itself, with no round trip to the search worker in between (issue 15: keydown to
 * results painted within 30 ms, where one frame is 16.7 ms).
 *
 * Which characters: those that come next in the indexed words that start with the word being
 * typed (all the words' first letters after a space or in an empty box), and a space, which
 * ends the word. Letters before digits before the rest, at most `MAX_GUESSES`. A character
 * not guessed (a backspace, a paste, a letter no indexed word has there) is asked for as
 * before; it costs a frame more, never a wrong answer.
 *
 * Pure: a `SearchIndex` in, its matches out (the search worker keeps them, search-service.ts).
 */
import { fold } from "./fold.ts";
import type { Matches, SearchIndex, SearchOptions } from "./search.ts";
import { parseQuery } from "./search-terms.ts";

/** Queries guessed after each query at most (each costs the worker well under a millisecond). */
export const MAX_GUESSES = 40;

export interface Guess {
  /** The folded query this guess answers: the folded query it was made from, and one character. */
  query: string;
  matches: Matches;
}

const LETTER_RE = /\p{L}/u;
const DIGIT_RE = /\p{N}/u;

/** Letters first, then digits, then anything else (a reader types letters most). */
function rank(char: string): number {
  return LETTER_RE.test(char) ? 0 : DIGIT_RE.test(char) ? 1 : 2;
}

/** The folded form a typed query is looked up by among the guesses (the same on both sides). */
export function guessKey(query: string): string {
  return fold(query);
}

/** The folded queries one more character would make of `query` (what `guessNext` answers). */
export function guessQueries(index: SearchIndex, query: string, limit = MAX_GUESSES): string[] {
  const base = guessKey(query);
  const typing = parseQuery(base).prefix;
  // Surrogate halves are never guessed: a typed character outside the BMP comes as a pair.
  const chars = index
    .nextChars(typing ?? "", 4 * limit)
    .filter((c) => !/[\ud800-\udfff]/.test(c))
    .sort((a, b) => rank(a) - rank(b))
    .slice(0, typing ? limit - 1 : limit);
  // A space ends the word being typed: it then matches whole.
  if (typing) chars.push(" ");
  return chars.map((c) => base + c);
}

/** The queries one more character would make of `query`, each with its matches. */
export function guessNext(
  index: SearchIndex,
  query: string,
  options: SearchOptions = {},
  limit = MAX_GUESSES,
): Guess[] {
  return guessQueries(index, query, limit).map((q) => ({ query: q, matches: index.match(q, options) }));
}
