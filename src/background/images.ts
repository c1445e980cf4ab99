/**
 * Keeping a saved article's images offline, after the save (save.ts `AfterSave`): from the
 * page it came from (the tab the save names: the click's activeTab grant lets Folio run
 * there), or from any site once the reader allowed Folio to fetch from websites
 * (platform/page-images.ts). What happened is stored with the images (library/image-store.ts)
 * and announced, so an open library page updates the article's note.
 *
 * A failure here never undoes the save: the article is kept, its images stay online, and the
 * library says so.
 */
import type Browser from "webextension-polyfill";
import { announceImages, type ImageDb, openImages } from "../library/image-store.ts";
import { keepImages } from "../library/keep-images.ts";
import type { SavedArticle } from "../library/schema.ts";
import { imageFetcher } from "../platform/page-images.ts";

export function imageKeeper(
  api: Pick<Browser.Browser, "permissions" | "scripting">,
  factory: () => IDBFactory = () => indexedDB,
): (article: SavedArticle, tabId?: number) => Promise<void> {
  let db: Promise<ImageDb> | null = null;
  return async (article, tabId) => {
    if (article.linkOnly) return;
    try {
      db ??= openImages(factory());
      await keepImages(await db, article, await imageFetcher(api, tabId));
    } catch (error) {
      // Closed under us (the browser, or a newer Folio in another tab): opened again next time.
      db = null;
      console.warn(`Folio: the images of ${article.url} were not kept (${String(error)}).`);
    }
    announceImages([article.url]);
  };
}
