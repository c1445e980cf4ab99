/**
 * Works out, from an alternative's source, the words a text it matches can open with: what
 * `byOpeningWord`'s callers declare beside each alternative (src/core/opening-words.ts). Only
 * the tests use it, to check every declaration; the extension never parses its patterns.
 */

import { isWordChar } from "../../../src/core/opening-words.ts";

/** The key of texts that open with a digit. */
const DIGITS = "0-9";

/** One parsed item of a pattern, with how often it may repeat. */
type Item = (
  | { kind: "char"; c: string }
  | { kind: "group"; branches: Item[][] }
  | { kind: "digit" }
  | { kind: "boundary" } // \b or $: what follows is no word character
  | { kind: "separator" } // a class of non-word characters only (\s, [\s:.!…])
  | { kind: "other" } // anything that may match a word character, or a lookaround
) & { min: number; max: number };

const ESCAPED_CHARS: Record<string, string> = { n: "\n", t: "\t", r: "\r", f: "\f", v: "\v", "0": "\0" };

/** Parses the subset of regular-expression syntax the alternatives use (anything unknown is "other"). */
function parse(src: string): Item[][] {
  let i = 0;
  const sequence = (): Item[][] => {
    const branches: Item[][] = [[]];
    while (i < src.length && src[i] !== ")") {
      const c = src[i]!;
      if (c === "|") {
        branches.push([]);
        i++;
        continue;
      }
      const item = atom();
      quantify(item);
      branches[branches.length - 1]!.push(item);
    }
    return branches;
  };
  const atom = (): Item => {
    const c = src[i++]!;
    if (c === "(") {
      let lookaround = false;
      if (src[i] === "?") {
        const kind = src.slice(i + 1, i + 3);
        if (kind.startsWith(":"))
          i += 2; // (?:
        else if (kind[0] === "=" || kind[0] === "!")
          [lookaround, i] = [true, i + 2]; // (?= (?!
        else if (kind === "<=" || kind === "<!")
          [lookaround, i] = [true, i + 3]; // (?<= (?<!
        else i = src.indexOf(">", i) + 1; // (?<name>
      }
      const branches = sequence();
      i++; // ")"
      return lookaround ? { kind: "other", min: 1, max: 1 } : { kind: "group", branches, min: 1, max: 1 };
    }
    if (c === "[") {
      const start = i;
      while (i < src.length && src[i] !== "]") i += src[i] === "\\" ? 2 : 1;
      const body = src.slice(start, i++);
      return { kind: separatorClass(body) ? "separator" : "other", min: 1, max: 1 };
    }
    if (c === "\\") {
      const e = src[i++]!;
      if (e === "b" || e === "B") return { kind: e === "b" ? "boundary" : "other", min: 1, max: 1 };
      if (e === "d") return { kind: "digit", min: 1, max: 1 };
      if (e === "s") return { kind: "separator", min: 1, max: 1 };
      if (/[DwWSpPk]/.test(e) || /[1-9]/.test(e)) return { kind: "other", min: 1, max: 1 };
      if (e === "u" || e === "x") {
        const n = e === "u" ? 4 : 2;
        const ch = String.fromCharCode(Number.parseInt(src.slice(i, i + n), 16));
        i += n;
        return { kind: "char", c: ch, min: 1, max: 1 };
      }
      return { kind: "char", c: ESCAPED_CHARS[e] ?? e, min: 1, max: 1 };
    }
    if (c === "$") return { kind: "boundary", min: 1, max: 1 };
    if (c === "^") return { kind: "char", c: "", min: 1, max: 1 };
    if (c === ".") return { kind: "other", min: 1, max: 1 };
    return { kind: "char", c, min: 1, max: 1 };
  };
  const quantify = (item: Item) => {
    const q = src[i];
    if (q === "?" || q === "*" || q === "+") {
      item.min = q === "+" ? 1 : 0;
      item.max = q === "?" ? 1 : Number.POSITIVE_INFINITY;
      i++;
    } else if (q === "{") {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(src.slice(i));
      if (!m) return;
      item.min = Number(m[1]);
      item.max = m[2] ? (m[3] ? Number(m[3]) : Number.POSITIVE_INFINITY) : item.min;
      i += m[0].length;
    } else return;
    if (src[i] === "?") i++; // lazy
  };
  return sequence();
}

/** Whether a class body (between the brackets) holds only characters that are not word characters. */
function separatorClass(body: string): boolean {
  if (body.startsWith("^")) return false;
  for (let j = 0; j < body.length; j++) {
    const c = body[j]!;
    if (c === "\\") {
      const e = body[++j]!;
      if (e !== "s" && isWordChar(e)) return false;
      continue;
    }
    if (c === "-" && j > 0 && j < body.length - 1) return false; // a range
    if (isWordChar(c)) return false;
  }
  return true;
}

/** A reading of the pattern so far: the opening word read, or the key once the word has ended. */
interface State {
  word: string;
  key?: string;
}

/** The states after `items`; null when an opening word cannot be told. */
function advance(items: readonly Item[], states: State[]): State[] | null {
  let now = states;
  for (const item of items) {
    if (now.every((s) => s.key !== undefined)) return now;
    let next: State[] = item.min === 0 ? [...now] : [];
    const once = step(item, now);
    if (once === null) return null;
    if (item.max > 1 && once.some((s) => s.key === undefined)) {
      // A repeated part inside the opening word ("a+", "(?:ab)*"): only a separator may repeat.
      if (item.kind !== "separator") return null;
    }
    next = next.concat(once);
    now = next;
  }
  return now;
}

/** The states after one occurrence of `item`. */
function step(item: Item, states: State[]): State[] | null {
  const out: State[] = [];
  for (const s of states) {
    if (s.key !== undefined) {
      out.push(s);
      continue;
    }
    switch (item.kind) {
      case "char": {
        if (item.c === "") out.push(s);
        else if (isWordChar(item.c)) out.push({ word: s.word + item.c.toLowerCase() });
        else out.push({ word: s.word, key: s.word || item.c });
        break;
      }
      case "group": {
        for (const branch of item.branches) {
          const after = advance(branch, [s]);
          if (after === null) return null;
          out.push(...after);
        }
        break;
      }
      case "digit":
        if (s.word !== "") return null;
        out.push({ word: "", key: DIGITS });
        break;
      case "boundary":
      case "separator":
        if (s.word === "") return null;
        out.push({ word: s.word, key: s.word });
        break;
      default:
        return null;
    }
  }
  return out;
}

/** The keys a text that `alternative` (followed by `tail`) matches can open with; null when unknown. */
export function openingKeys(alternative: string, tail: string): Set<string> | null {
  const branches = parse(`(?:${alternative})${tail}`);
  if (branches.length !== 1) return null;
  const states = advance(branches[0]!, [{ word: "" }]);
  if (states === null || states.some((s) => s.key === undefined)) return null;
  return new Set(states.map((s) => s.key!));
}

/** The words declared for `alternative`: its keys joined by spaces, or "*" when not known. */
export function declaredOpenings(alternative: string, tail: string): string {
  const keys = openingKeys(alternative, tail);
  return keys === null ? "*" : [...keys].join(" ");
}
