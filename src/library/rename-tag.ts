/**
 * Renaming a tag across the whole library. Tags are compared as everywhere else in the library
 * (organise.ts `editTags`, the tag filter): in any case, with their spaces squashed. An article
 * that already carries a tag of the new name keeps one (the rename merges the two tags, never
 * repeating one); every changed article is written once, in one transaction, with its summary
 * and search words (tags are searched), so they stay consistent. Nothing is written when the
 * new name is not a name.
 */
import { ALL_STORES } from "./db.ts";
import { editTags } from "./organise.ts";
import { fail, type LibraryResult } from "./result.ts";
import { readRecord } from "./schema.ts";
import { type SearchEntry, searchEntry } from "./search-terms.ts";
import type { LibraryStore } from "./store.ts";
import { type ArticleSummary, toSummary } from "./summary.ts";

/** The longest tag name the library keeps (as `editTags` cuts them). */
export const TAG_MAX = 100;

export interface RenamedTag {
  /** The new name, as stored. */
  name: string;
  /** The changed articles' summaries and search entries (empty when nothing changed). */
  summaries: ArticleSummary[];
  entries: SearchEntry[];
}

const squashed = (name: string) => name.replace(/\s+/g, " ").trim();

/** Why `name` cannot be a tag's new name, or null when it can. */
export function tagNameProblem(name: string): string | null {
  const clean = squashed(name);
  if (!clean) return "A tag needs a name: type one, or press Escape to keep the tag as it is.";
  if (clean.includes(",")) return "A tag's name cannot hold a comma (commas separate tags).";
  if (clean.length > TAG_MAX) return `A tag's name can be at most ${TAG_MAX} characters long.`;
  return null;
}

/** `tags` with `from` (in any case) renamed `to`, once, where `from` was; null when `from` is not there. */
export function renamedTags(tags: readonly string[], from: string, to: string): string[] | null {
  const old = squashed(from).toLowerCase();
  const at = tags.findIndex((t) => squashed(t).toLowerCase() === old);
  if (at < 0) return null;
  const next = [...tags];
  next[at] = squashed(to);
  // A tag of the new name already there (in any case) merges with it: the first one stays.
  return editTags(next, "");
}

/** Renames the tag `from` (in any case) `to` on every article that carries it. */
export async function renameTag(
  library: LibraryStore,
  from: string,
  to: string,
  now: number = Date.now(),
): Promise<LibraryResult<RenamedTag>> {
  const problem = tagNameProblem(to);
  if (problem) return fail("invalid", problem);
  if (!squashed(from)) return fail("invalid", "Choose the tag to rename.");
  const name = squashed(to);
  return library.transact("readwrite", ALL_STORES, "rename the tag", async (tx) => {
    // The summaries are small and carry the tags: they say which articles to change.
    const old = squashed(from).toLowerCase();
    const urls: string[] = [];
    let cursor = await tx.objectStore("summaries").openCursor();
    while (cursor) {
      if (cursor.value.tags?.some((t) => squashed(t).toLowerCase() === old)) urls.push(cursor.value.url);
      cursor = await cursor.continue();
    }
    const articles = tx.objectStore("articles");
    const summaries: ArticleSummary[] = [];
    const entries: SearchEntry[] = [];
    for (const url of urls) {
      const here = await articles.get(url);
      const tags = here && renamedTags(here.tags ?? [], from, name);
      if (!here || !tags || tags.join("\n") === (here.tags ?? []).join("\n")) continue;
      const read = readRecord({ ...here, tags, updatedAt: Math.max(now, here.updatedAt + 1) });
      if (!read.ok) throw new Error(read.message);
      const summary = toSummary(read.record);
      const entry = searchEntry(read.record);
      await articles.put(read.record);
      await tx.objectStore("summaries").put(summary);
      await tx.objectStore("terms").put(entry);
      summaries.push(summary);
      entries.push(entry);
    }
    return { name, summaries, entries };
  });
}
