/**
 * Whether a reading holds the recipe the page declares, and where in the page that recipe is
 * printed (stage 6d of the pipeline, extract.ts).
 *
 * Recipe pages split the recipe into boxes: the ingredients in a table or a list of short
 * items, the method in another box, with ratings, photo strips, nutrition facts and shop
 * teasers around them. Readability scores long prose, so it often keeps the blog post above
 * the recipe, a photo overview or the comments, and drops the ingredients (or all of it). The
 * page's schema.org `Recipe` (recipe.ts) says what the recipe is; this module matches
 * its entries against text by their letters and digits only, so table cells, spans and line
 * breaks between an entry's words do not matter ("125 g" | "Mehl" is "125 g Mehl").
 */
import type { DeclaredRecipe } from "./metadata/recipe.ts";

/** When a reading is checked against the declared recipe (extract.ts, stage 6d). */
export const RECIPE_READING = {
  /** A reading that holds at least this share of a part's entries (ingredients, steps) has it. */
  enough: 0.6,
  /** An ingredient's key shorter than this ("Ei", "Salz") says nothing about where it is. */
  minIngredientKey: 4,
  /** Sentences of the method looked for, at most. */
  maxSteps: 100,
  /** A sentence of the method is matched by the first this many characters of its key. */
  stepKey: 48,
  /** A sentence's key shorter than this ("Servieren.") is not looked for. */
  minStepKey: 12,
  /** Entries looked for in the page: keys at least this long, the rest would match anywhere. */
  minPlaceKey: 8,
  /** At least this share of a part's entries must be found in the page to place the part. */
  placed: 0.6,
  /** A part's element holds at most this many times its entries' text, plus `slack`. */
  spread: 3,
  slack: 1500,
  /** How deep in a reading its copies of the parts are looked for. */
  repeatDepth: 12,
  /** A box around a part is taken with it when it adds at most this many characters (a heading, a servings form). */
  boxExtra: 200,
} as const;

/** Where the text of a page is not: code, styles, templates, form controls. */
const NOT_TEXT = new Set(["script", "style", "noscript", "template", "textarea", "select", "svg"]);

/** An entry's letters and digits, lowercased: what is matched, whatever stands between words. */
export function recipeKey(text: string): string {
  return text
    .replace(/<[^>]*>/g, " ")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

/** Where a sentence of a method ends: its stop and the space after it, or a line break. */
const SENTENCE_END = /(?<=[.!?])\s+|\n+/;

/** A recipe's entries worth looking for, as keys: its ingredients and its steps apart. */
export interface RecipeKeys {
  ingredients: string[];
  steps: string[];
}

export function recipeKeys(recipe: DeclaredRecipe): RecipeKeys {
  const ingredients: string[] = [];
  for (const item of recipe.ingredients) {
    const key = recipeKey(item);
    if (key.length >= RECIPE_READING.minIngredientKey) ingredients.push(key);
  }
  // By sentence: a page may declare its whole method as one text, or a step with its heading.
  const steps: string[] = [];
  for (const sentence of recipe.steps.flatMap((step) => step.split(SENTENCE_END))) {
    const key = recipeKey(sentence).slice(0, RECIPE_READING.stepKey);
    if (key.length >= RECIPE_READING.minStepKey) steps.push(key);
  }
  return { ingredients, steps: steps.slice(0, RECIPE_READING.maxSteps) };
}

/** The share of `keys` found in `text` (1 when there are none to look for). */
export function recipeCoverage(text: string, keys: readonly string[]): number {
  return shareIn(recipeKey(text), keys);
}

/** The share of `keys` found in a text's key. */
function shareIn(key: string, keys: readonly string[]): number {
  if (keys.length === 0) return 1;
  let found = 0;
  for (const k of keys) if (key.includes(k)) found++;
  return found / keys.length;
}

/** The page's text as one key, each text node's part of it known by where it starts. */
interface TextMap {
  key: string;
  starts: number[];
  nodes: Node[];
}

function textMap(body: Element): TextMap {
  const map: TextMap = { key: "", starts: [], nodes: [] };
  const parts: string[] = [];
  let length = 0;
  // Text and elements (NodeFilter.SHOW_ELEMENT | SHOW_TEXT); a walk, not a recursion, for deep
  // pages; the elements where text is not are skipped whole (FILTER_REJECT).
  const walker = body.ownerDocument.createTreeWalker(body, 1 | 4, {
    acceptNode: (n: Node) => (n.nodeType === 1 && NOT_TEXT.has((n as Element).localName) ? 2 : 1),
  });
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.nodeType !== 3) continue;
    const key = recipeKey(n.nodeValue ?? "");
    if (!key) continue;
    map.starts.push(length);
    map.nodes.push(n);
    parts.push(key);
    length += key.length;
  }
  map.key = parts.join("");
  return map;
}

/** The text node whose part of the key holds `offset`. */
function nodeAt(map: TextMap, offset: number): Node {
  let lo = 0;
  let hi = map.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (map.starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return map.nodes[lo]!;
}

/** The nearest element that holds both `a` and `b`. */
function commonElement(a: Node, b: Node): Element | null {
  const above = new Set<Node>();
  for (let n: Node | null = a; n; n = n.parentNode) above.add(n);
  for (let n: Node | null = b; n; n = n.parentNode) {
    if (above.has(n)) return n.nodeType === 1 ? (n as Element) : n.parentElement;
  }
  return null;
}

/**
 * The element that prints one part of the recipe (its ingredients, or its steps): the nearest
 * element around the first place of each entry, when enough of them are found and it holds
 * little besides them; null otherwise.
 */
function partBlock(body: Element, map: TextMap, keys: readonly string[]): Element | null {
  const placeable = keys.filter((k) => k.length >= RECIPE_READING.minPlaceKey);
  if (placeable.length === 0) return null;
  let block: Element | null = null;
  let found = 0;
  let length = 0;
  for (const key of placeable) {
    const at = map.key.indexOf(key);
    if (at < 0) continue;
    found++;
    length += key.length;
    const around = commonElement(nodeAt(map, at), nodeAt(map, at + key.length - 1));
    block = block && around ? commonElement(block, around) : (block ?? around);
  }
  if (found < placeable.length * RECIPE_READING.placed || !block || !body.contains(block) || block === body)
    return null;
  return recipeKey(block.textContent ?? "").length <= length * RECIPE_READING.spread + RECIPE_READING.slack
    ? block
    : null;
}

const HEADING = /^h[2-6]$/;
const TABLE_PART = new Set(["tbody", "thead", "tfoot", "tr", "td", "th", "caption"]);

/**
 * A part as the page shows it: the whole table or list around its entries, and the box around
 * that when the box adds little more than the part's heading ("Zutaten", "Instructions").
 */
function shownPart(block: Element, body: Element): Element {
  let part = block;
  while (TABLE_PART.has(part.localName) && part.parentElement && part.parentElement !== body)
    part = part.parentElement;
  if (part.localName === "li" && part.parentElement && part.parentElement !== body) part = part.parentElement;
  const own = recipeKey(part.textContent ?? "").length;
  for (let box = part.parentElement, i = 0; box && box !== body && i < 3; box = box.parentElement, i++) {
    if (recipeKey(box.textContent ?? "").length > own + RECIPE_READING.boxExtra) break;
    part = box;
    if (HEADING.test(part.firstElementChild?.localName ?? "")) break;
  }
  return part;
}

/** The heading just before a part that does not open with the same words itself. */
function headingBefore(part: Element): Element | null {
  if (HEADING.test(part.firstElementChild?.localName ?? "")) return null;
  let sibling = part.previousElementSibling;
  for (let i = 0; sibling && i < 3; i++, sibling = sibling.previousElementSibling) {
    if (!HEADING.test(sibling.localName)) continue;
    const words = recipeKey(sibling.textContent ?? "");
    return words && !recipeKey(part.textContent ?? "").startsWith(words) ? sibling : null;
  }
  return null;
}

/**
 * What a reading lacks of the recipe the page declares. When it holds less than `enough` of a
 * part (the ingredients, the steps), the page's elements that print the recipe: each part it can
 * place, with its heading, in page order, to be read whole, in the page's order, after the rest
 * of the reading (the reading's own copy of a part goes: `withoutRepeats`). Empty when nothing
 * is missing or the page does not print the missing part where it can be found.
 */
export function missingRecipe(body: Element, recipe: RecipeKeys, readingText: string): Element[] {
  const parts = [recipe.ingredients, recipe.steps].filter((keys) => keys.length > 0);
  const reading = recipeKey(readingText);
  const lacking = parts.filter((keys) => shareIn(reading, keys) < RECIPE_READING.enough);
  if (lacking.length === 0) return [];
  const map = textMap(body);
  const out: Element[] = [];
  for (const keys of parts) {
    const found = partBlock(body, map, keys);
    const block = found && shownPart(found, body);
    if (!block || out.some((el) => el.contains(block))) continue;
    const heading = headingBefore(block);
    if (heading && !out.includes(heading)) out.push(heading);
    out.push(block);
  }
  // Nothing to add unless a missing part was found.
  const added = recipeKey(out.map((el) => el.textContent ?? "").join(" "));
  if (!lacking.some((keys) => shareIn(added, keys) >= RECIPE_READING.enough)) return [];
  // In page order, an element inside another taken once.
  return out
    .filter((el) => !out.some((other) => other !== el && other.contains(el)))
    .sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : 1));
}

/**
 * Takes out of a reading what the recipe's parts added after it print again: every element whose
 * text is wholly in theirs (a part's heading, the entries Readability had kept of it), so that
 * the recipe reads once. Not a removal of content: the reader reads it in the parts. Elements
 * with no text (a photo) stay.
 */
export function withoutRepeats(root: Element, added: string): void {
  const key = recipeKey(added);
  // Looked for down to a depth that real readings' blocks stand at: below it, each level would
  // measure the same text again (a hostile page nests thousands of levels).
  const stack = Array.from(root.children, (el) => ({ el, depth: 1 }));
  while (stack.length > 0) {
    const { el, depth } = stack.pop()!;
    const own = recipeKey(el.textContent ?? "");
    if (own && key.includes(own)) el.remove();
    else if (depth < RECIPE_READING.repeatDepth)
      stack.push(...Array.from(el.children, (child) => ({ el: child, depth: depth + 1 })));
  }
}
