/**
 * Text comparison used by the corpus suite and the benches:
 *
 * - word-token F1 between an extraction and a reference (multiset overlap of word tokens);
 * - the trafilatura snippet scoring (substring match of `with` / `without` snippets after
 *   whitespace normalisation, tp/fn/fp/tn summed over pages, then P, R, F);
 * - {@link blockText}: the text of a DOM subtree with whitespace between blocks, so that
 *   `<p>foo</p><p>bar</p>` reads "foo bar", not "foobar".
 */

// ---------------------------------------------------------------------------------------------
// Word tokens and F1

/** Scripts written without spaces: every character is its own token. */
const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const UNSPACED_G = new RegExp(UNSPACED.source, "gu");
/**
 * A token: a run of letters and digits (`\p{L}\p{N}`). Combining marks (`\p{M}`) continue a token
 * so that Devanagari, Arabic and decomposed Latin words are not cut at every vowel sign.
 */
const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;

/** Lowercased word tokens (NFC). Han, Kana, Thai, Lao, Khmer and Myanmar count per character. */
export function wordTokens(text: string): string[] {
  const spaced = text.normalize("NFC").toLowerCase().replace(UNSPACED_G, " $& ");
  return spaced.match(TOKEN) ?? [];
}

export interface F1 {
  precision: number;
  recall: number;
  f1: number;
  /** Tokens in the extraction / in the reference / in both (multiset). */
  predicted: number;
  reference: number;
  overlap: number;
}

function counts(tokens: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of tokens) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
}

/** Word-token F1 of `predicted` against `reference`. Two empty texts agree fully (1). */
export function wordF1(predicted: string, reference: string): F1 {
  const p = wordTokens(predicted);
  const r = wordTokens(reference);
  if (p.length === 0 && r.length === 0) {
    return { precision: 1, recall: 1, f1: 1, predicted: 0, reference: 0, overlap: 0 };
  }
  const rc = counts(r);
  let overlap = 0;
  for (const [tok, n] of counts(p)) overlap += Math.min(n, rc.get(tok) ?? 0);
  const precision = p.length ? overlap / p.length : 0;
  const recall = r.length ? overlap / r.length : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, predicted: p.length, reference: r.length, overlap };
}

// ---------------------------------------------------------------------------------------------
// Snippet scoring (trafilatura's method)

/** Collapses every whitespace run (incl. NBSP) to one space and trims. */
export function normalizeSpace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

export interface SnippetCounts {
  tp: number;
  fn: number;
  fp: number;
  tn: number;
}

export interface SnippetScore extends SnippetCounts {
  /** `with` snippets found / missed. */
  found: string[];
  missed: string[];
  /** `without` snippets found (false positives). */
  leaked: string[];
}

/** Scores one page's extracted text against its `with` / `without` snippets. */
export function scoreSnippets(
  text: string,
  withSnippets: readonly string[],
  withoutSnippets: readonly string[],
): SnippetScore {
  const t = normalizeSpace(text);
  const found: string[] = [];
  const missed: string[] = [];
  const leaked: string[] = [];
  for (const s of withSnippets) (t.includes(normalizeSpace(s)) ? found : missed).push(s);
  for (const s of withoutSnippets) if (t.includes(normalizeSpace(s))) leaked.push(s);
  return {
    tp: found.length,
    fn: missed.length,
    fp: leaked.length,
    tn: withoutSnippets.length - leaked.length,
    found,
    missed,
    leaked,
  };
}

export function addCounts(total: SnippetCounts, c: SnippetCounts): SnippetCounts {
  total.tp += c.tp;
  total.fn += c.fn;
  total.fp += c.fp;
  total.tn += c.tn;
  return total;
}

export function zeroCounts(): SnippetCounts {
  return { tp: 0, fn: 0, fp: 0, tn: 0 };
}

export interface PRF {
  precision: number;
  recall: number;
  f: number;
}

/** Precision tp/(tp+fp), recall tp/(tp+fn), F 2tp/(2tp+fp+fn) (0 when undefined). */
export function prf(c: SnippetCounts): PRF {
  return {
    precision: c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0,
    recall: c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0,
    f: c.tp ? (2 * c.tp) / (2 * c.tp + c.fp + c.fn) : 0,
  };
}

// ---------------------------------------------------------------------------------------------
// Text of a DOM subtree

/** Elements that flow inside a line: no whitespace is added around them. */
const INLINE = new Set([
  "a",
  "abbr",
  "acronym",
  "b",
  "bdi",
  "bdo",
  "big",
  "cite",
  "code",
  "data",
  "del",
  "dfn",
  "em",
  "font",
  "i",
  "ins",
  "kbd",
  "label",
  "mark",
  "q",
  "s",
  "samp",
  "small",
  "span",
  "strike",
  "strong",
  "sub",
  "sup",
  "time",
  "tt",
  "u",
  "var",
  "nobr",
]);
/** Elements whose text is never shown. */
const SKIPPED = new Set(["script", "style", "template", "noscript"]);

/** The text of `node` with a space around every non-inline element (and for `<br>`). */
export function blockText(node: Node): string {
  const out: string[] = [];
  const walk = (n: Node): void => {
    if (n.nodeType === 3 /* TEXT_NODE */) {
      out.push((n as Text).data);
      return;
    }
    if (n.nodeType === 1 /* ELEMENT_NODE */) {
      const name = (n as Element).localName;
      if (SKIPPED.has(name)) return;
      const block = !INLINE.has(name);
      if (block) out.push(" ");
      for (let c = n.firstChild; c; c = c.nextSibling) walk(c);
      if (block) out.push(" ");
      return;
    }
    if (n.nodeType === 9 /* DOCUMENT */ || n.nodeType === 11 /* FRAGMENT */) {
      for (let c = n.firstChild; c; c = c.nextSibling) walk(c);
    }
  };
  walk(node);
  return normalizeSpace(out.join(""));
}

/** {@link blockText} of an HTML fragment, parsed inert in a `<template>` of `doc`. */
export function htmlText(doc: Document, html: string): string {
  const template = doc.createElement("template");
  template.innerHTML = html;
  return blockText(template.content);
}
