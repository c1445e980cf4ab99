/**
 * A long anchored alternation (`^(?:a|b|...)tail`), asked by the word a text opens with.
 *
 * Why: V8 compiles a regular expression when it first runs it (to bytecode, then again to
 * machine code on the next run), and the cost grows with the pattern's length. A reader's first
 * click on a site runs the content script in a renderer that has compiled nothing of it, and
 * the promo-line alternation (about 80 alternatives, 5 kB) was then its costliest pattern.
 * Most texts open with a word no alternative opens with, so each alternative declares the words
 * a text it matches can open with, and a text is asked only of the alternatives declared for its
 * opening word: a few small patterns, each compiled when a text first reaches it.
 *
 * The declarations are checked by the tests against each alternative's source
 * (test/unit/helpers/opening-keys.ts): a text the whole alternation matches is never missed.
 * "*" declares an alternative that any text may match (it opens with a class such as `[^.]`);
 * "0-9" one that texts opening with a digit may match.
 */

/** A letter with case, or an ASCII digit: what opening words are made of. */
export function isWordChar(c: string): boolean {
  return (c >= "0" && c <= "9") || c.toLowerCase() !== c.toUpperCase();
}

/** A text's opening word: its opening run of word characters, lower-cased, else its first character. */
export function openingWord(text: string): string {
  let end = 0;
  while (end < text.length && isWordChar(text[end]!)) end++;
  return end > 0 ? text.slice(0, end).toLowerCase() : text.slice(0, 1);
}

/** One alternative: the words a text it matches opens with (space-separated), and its pattern. */
export type Alternative = readonly [opens: string, pattern: string];

export interface OpeningWordPattern {
  /** What `^(?:a|b|...)tail` with the same flags answers for `text`. */
  test(text: string): boolean;
}

/** `^(?:a|b|...)tail`, asked by opening word (see the module's comment). Flags without g or y. */
export function byOpeningWord(
  alternatives: readonly Alternative[],
  tail: string,
  flags = "",
): OpeningWordPattern {
  const byWord = new Map<string, RegExp[]>();
  for (const [opens, pattern] of alternatives) {
    const re = new RegExp(`^(?:${pattern})${tail}`, flags);
    for (const word of opens.split(" ")) byWord.set(word, [...(byWord.get(word) ?? []), re]);
  }
  const anyText = byWord.get("*") ?? [];
  const digit = byWord.get("0-9") ?? [];
  const asks = (patterns: RegExp[] | undefined, text: string) =>
    patterns?.some((re) => re.test(text)) ?? false;
  return {
    test(text: string): boolean {
      const c = text[0] ?? "";
      return (
        asks(byWord.get(openingWord(text)), text) ||
        (c >= "0" && c <= "9" && asks(digit, text)) ||
        asks(anyText, text)
      );
    },
  };
}
