/**
 * The recipe a page declares (schema.org `Recipe`, in JSON-LD or as microdata): its ingredients
 * and its steps, as text. Recipe sites almost all declare one (search engines show recipes from
 * it), and the reading uses it to check that what Folio shows holds the recipe
 * (recipe-reading.ts).
 */
import { asArray, deref, isObject, type JsonObject, text, typesOf } from "./json-ld-nodes.ts";
import { readItemprop } from "./meta-tags.ts";
import type { PageIndex } from "./page-index.ts";
import { decodedText } from "./text.ts";

export interface DeclaredRecipe {
  /** "125 g Mehl", "2 tbsp oil": one entry per ingredient, as declared. */
  ingredients: string[];
  /** The method, one entry per step (a single text when the page declares one). */
  steps: string[];
}

/** Past this many entries a list is not a recipe's (and reading it costs more than it tells). */
const MAX_ENTRIES = 200;
/** Sections of steps nest; the schema's own examples go two deep. */
const MAX_DEPTH = 4;

/**
 * The recipe marked up as microdata (`itemprop="recipeIngredient"`, the older "ingredients",
 * `itemprop="recipeInstructions"`): the marked elements' text. Null when none is marked.
 */
export function readMicrodataRecipe(index: PageIndex): DeclaredRecipe | null {
  const ingredients = [...readItemprop(index, "recipeIngredient"), ...readItemprop(index, "ingredients")];
  const steps = readItemprop(index, "recipeInstructions");
  return ingredients.length > 0 || steps.length > 0
    ? { ingredients: ingredients.slice(0, MAX_ENTRIES), steps: steps.slice(0, MAX_ENTRIES) }
    : null;
}

/** The first JSON-LD Recipe node among `nodes` (or a node's `mainEntity`), read; null when none. */
export function readRecipe(nodes: JsonObject[], ids: Map<string, JsonObject>): DeclaredRecipe | null {
  for (const node of nodes) {
    const recipe = isRecipe(node) ? node : mainRecipe(node, ids);
    if (!recipe) continue;
    const ingredients = strings(recipe.recipeIngredient ?? recipe.ingredients);
    const steps: string[] = [];
    collectSteps(recipe.recipeInstructions, ids, steps, 0);
    if (ingredients.length > 0 || steps.length > 0) return { ingredients, steps };
  }
  return null;
}

function isRecipe(node: JsonObject): boolean {
  return typesOf(node).includes("Recipe");
}

function mainRecipe(node: JsonObject, ids: Map<string, JsonObject>): JsonObject | null {
  for (const entity of asArray(node.mainEntity)) {
    const inner = deref(entity, ids);
    if (isObject(inner) && isRecipe(inner)) return inner;
  }
  return null;
}

function strings(value: unknown): string[] {
  const out: string[] = [];
  for (const item of asArray(value).slice(0, MAX_ENTRIES)) {
    const t = text(item);
    if (t) out.push(t);
  }
  return out;
}

/**
 * Steps as declared: a text, a list of texts, `HowToStep`s (their `text`, else `name`), and
 * `HowToSection`s or `ItemList`s of those (`itemListElement`).
 */
function collectSteps(value: unknown, ids: Map<string, JsonObject>, out: string[], depth: number): void {
  if (depth > MAX_DEPTH) return;
  for (const item of asArray(value)) {
    if (out.length >= MAX_ENTRIES) return;
    const node = deref(item, ids);
    if (typeof node === "string") {
      const t = decodedText(node);
      if (t) out.push(t);
    } else if (isObject(node)) {
      if (node.itemListElement !== undefined) collectSteps(node.itemListElement, ids, out, depth + 1);
      else {
        const t = text(node.text) ?? text(node.name);
        if (t) out.push(t);
      }
    }
  }
}
