/**
 * A fetched page's article put in place of its link-only entry (the fetch queue's save), in one
 * transaction, never losing what the reader kept:
 *
 * - the entry keeps its tags, read state, favourite and saved date;
 * - it is saved under its canonical URL when that is on the page's own site (canonical.ts), as
 *   any save is; the link's record then goes, and when the library already holds an article
 *   saved with its page at that URL, that article is kept as it is (the link's tags and
 *   favourite are added to it) and the fetched copy is dropped;
 * - a link deleted meanwhile is not brought back, and one saved with its page meanwhile (a
 *   newer local copy) is not overwritten.
 */
import type { Article } from "../core/types.ts";
import { trustedUrl } from "./canonical.ts";
import { ALL_STORES } from "./db.ts";
import { normalizeUrl } from "./keys.ts";
import { mergeTags } from "./merge.ts";
import { fail, type LibraryResult } from "./result.ts";
import { readRecord, type SavedArticle } from "./schema.ts";
import { type SearchEntry, searchEntry } from "./search-terms.ts";
import type { LibraryStore } from "./store.ts";
import { toSummary } from "./summary.ts";

export type Replaced =
  /** The link is an article now (under `url`, which may be its canonical URL). */
  | { status: "replaced"; url: string; saved: SearchEntry[]; deleted: string[] }
  /** Nothing written: the reason says why (deleted, or saved with its page meanwhile). */
  | { status: "unchanged"; reason: string; saved: []; deleted: [] };

export async function replaceLink(
  library: LibraryStore,
  linkUrl: string,
  article: Article & { markdown: string },
  now: number = Date.now(),
): Promise<LibraryResult<Replaced>> {
  const linkKey = normalizeUrl(linkUrl);
  if (!linkKey) return fail("invalid", "The link's address is not valid.");
  const read = readRecord({ ...article, url: trustedUrl(article), savedAt: now, updatedAt: now });
  if (!read.ok) return fail("invalid", `The page's article cannot be saved: ${read.message}.`);
  const fresh = read.record;
  return library.transact("readwrite", ALL_STORES, "save the fetched page", async (tx) => {
    const articles = tx.objectStore("articles");
    const link = await articles.get(linkKey);
    if (!link) {
      return {
        status: "unchanged",
        reason: "it was deleted from the library meanwhile",
        saved: [],
        deleted: [],
      };
    }
    if (!link.linkOnly) {
      return { status: "unchanged", reason: "it was saved with its page meanwhile", saved: [], deleted: [] };
    }
    const other = fresh.url === link.url ? null : ((await articles.get(fresh.url)) ?? null);
    let record: SavedArticle;
    if (other && !other.linkOnly) {
      // The article is in the library already, under its canonical URL: it stays as it is.
      record = {
        ...other,
        tags: mergeTags(other.tags, link.tags),
        favourite: other.favourite || link.favourite,
        updatedAt: Math.max(now, other.updatedAt + 1),
      };
    } else {
      record = {
        ...fresh,
        tags: other ? mergeTags(link.tags, other.tags) : link.tags,
        state: link.state,
        favourite: link.favourite || (other?.favourite ?? false),
        savedAt: Math.min(link.savedAt, other?.savedAt ?? link.savedAt),
        updatedAt: Math.max(now, link.updatedAt + 1, (other?.updatedAt ?? 0) + 1),
      };
    }
    // Synchronous, so the transaction stays open (the tags are part of the search words).
    const entry = searchEntry(record);
    const deleted: string[] = [];
    if (record.url !== link.url) {
      await articles.delete(link.url);
      await tx.objectStore("summaries").delete(link.url);
      await tx.objectStore("terms").delete(link.url);
      deleted.push(link.url);
    }
    await articles.put(record);
    await tx.objectStore("summaries").put(toSummary(record));
    await tx.objectStore("terms").put(entry);
    return { status: "replaced", url: record.url, saved: [entry], deleted };
  });
}
