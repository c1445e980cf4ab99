/**
 * The nodes of a page's JSON-LD, for the readers of its article (json-ld.ts) and its recipe
 * (recipe.ts): objects collected from top-level arrays and `@graph`s, `{"@id": ...}`
 * references resolved, text values read as text.
 */
import { decodedText } from "./text.ts";

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** `@type` as a list of bare type names ("http://schema.org/NewsArticle" -> "NewsArticle"). */
export function typesOf(node: JsonObject): string[] {
  return asArray(node["@type"])
    .filter((t): t is string => typeof t === "string")
    .map((t) => t.trim().replace(/^.*[/#:]/, ""));
}

/** Top-level nodes of a parsed script: arrays and `@graph`s flattened (one level each). */
export function topNodes(parsed: unknown): JsonObject[] {
  const out: JsonObject[] = [];
  const visit = (value: unknown, depth: number) => {
    if (depth > 4) return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
      return;
    }
    if (!isObject(value)) return;
    if (Array.isArray(value["@graph"]) || isObject(value["@graph"])) {
      visit(value["@graph"], depth + 1);
      if (value["@type"] === undefined) return;
    }
    out.push(value);
  };
  visit(parsed, 0);
  return out;
}

/** Every object with an `@id` anywhere in the data, for resolving references. */
export function indexIds(nodes: JsonObject[]): Map<string, JsonObject> {
  const ids = new Map<string, JsonObject>();
  const seen = new Set<unknown>();
  const visit = (value: unknown, depth: number) => {
    if (depth > 8 || seen.has(value)) return;
    if (Array.isArray(value)) {
      seen.add(value);
      for (const item of value) visit(item, depth + 1);
      return;
    }
    if (!isObject(value)) return;
    seen.add(value);
    const id = value["@id"];
    // Prefer the fullest definition of an id over a bare reference to it.
    if (
      typeof id === "string" &&
      (!ids.has(id) || Object.keys(value).length > Object.keys(ids.get(id)!).length)
    ) {
      ids.set(id, value);
    }
    for (const key of Object.keys(value)) visit(value[key], depth + 1);
  };
  visit(nodes, 0);
  return ids;
}

export function deref(value: unknown, ids: Map<string, JsonObject>): unknown {
  if (isObject(value) && typeof value["@id"] === "string" && Object.keys(value).length <= 2) {
    return ids.get(value["@id"]) ?? value;
  }
  return value;
}

/** A text value: string, number, `{ "@value": ... }`, or the first of a list. */
export function text(value: unknown): string | null {
  if (typeof value === "string") return decodedText(value);
  if (Array.isArray(value)) {
    for (const item of value) {
      const t = text(item);
      if (t) return t;
    }
    return null;
  }
  if (isObject(value) && "@value" in value) return text(value["@value"]);
  return null;
}
