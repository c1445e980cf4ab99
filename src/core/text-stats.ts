/**
 * Word counts and reading time. Space-separated scripts count words between spaces; scripts
 * written without spaces (Chinese, Japanese, Thai, Lao, Khmer, Burmese) are segmented by
 * `Intl.Segmenter`, and where a runtime lacks it every Han/Kana character counts as a word.
 */

const NO_SPACE_SCRIPT =
  /[\u0E00-\u0EFF\u1000-\u109F\u1780-\u17FF\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]/;

/** Words per minute: ~230 for space-separated text; CJK is read per character (~500 chars/min). */
const WORDS_PER_MINUTE = 230;
const CJK_CHARS_PER_MINUTE = 500;

/** A word segmenter, or null where the runtime has none. Made per count. */
function wordSegmenter(): Intl.Segmenter | null {
  return typeof Intl !== "undefined" && "Segmenter" in Intl
    ? new Intl.Segmenter(undefined, { granularity: "word" })
    : null;
}

export interface TextStats {
  wordCount: number;
  readingTimeMinutes: number;
}

export function textStats(text: string): TextStats {
  let words = 0; // every word, any script
  let spacedWords = 0; // words of space-separated scripts, read at WORDS_PER_MINUTE
  let cjkChars = 0; // characters of unspaced scripts, read at CJK_CHARS_PER_MINUTE
  let seg: Intl.Segmenter | null | undefined; // made at the first unspaced token
  for (const token of text.split(/\s+/)) {
    if (!token) continue;
    if (!NO_SPACE_SCRIPT.test(token)) {
      if (/[\p{L}\p{N}]/u.test(token)) {
        words++;
        spacedWords++;
      }
      continue;
    }
    if (seg === undefined) seg = wordSegmenter();
    if (seg) {
      for (const part of seg.segment(token)) {
        if (!part.isWordLike) continue;
        words++;
        if (NO_SPACE_SCRIPT.test(part.segment)) cjkChars += part.segment.length;
        else spacedWords++;
      }
    } else {
      for (const ch of token) {
        if (NO_SPACE_SCRIPT.test(ch)) {
          words++;
          cjkChars++;
        }
      }
    }
  }
  const minutes = spacedWords / WORDS_PER_MINUTE + cjkChars / CJK_CHARS_PER_MINUTE;
  return { wordCount: words, readingTimeMinutes: words === 0 ? 0 : Math.max(1, Math.round(minutes)) };
}
