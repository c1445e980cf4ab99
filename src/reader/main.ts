/**
 * The full-tab reader: the same article view as the popup, in a tab.
 * - `?id=<key>`: an article the popup already extracted, handed over in `storage.session`
 *   (no second extraction);
 * - `?tab=<id>`: extract from that tab (the context menu's click granted activeTab on it);
 * - `?saved=<url>`: an article of the library, read from IndexedDB (offline: the page it came
 *   from is not needed, nor are the sites of its images kept offline: images.ts), rendered by
 *   the same view through the same sanitizer.
 *
 * `?source=<id>` (or `?tab=<id>`) names the tab the article came from: a Save fetches the
 * article's images there, to keep them offline (background/images.ts).
 */
import { browser } from "../platform/extension.ts";
import { isStoredArticle, readerKey } from "../platform/reader-handoff.ts";
import { libraryConnection } from "../library/connection.ts";
import { sendToBackground } from "../platform/messages.ts";
import { startApp } from "../ui/app.ts";
import type { Outcome } from "../platform/read-outcome.ts";
import { LIBRARY_PAGE } from "../platform/pages.ts";
import { extractFromTab } from "../platform/read-tab.ts";
import { readerExtras } from "./extras.ts";
import { type ReaderImages, readerImages } from "./images.ts";

const params = new URLSearchParams(location.search);
const id = params.get("id");
const tab = params.get("tab");
const saved = params.get("saved");
const source = tab ?? params.get("source");
const sourceTabId = source && /^\d+$/.test(source) ? Number(source) : undefined;
const library = libraryConnection();
/** The saved article's images kept offline, read with it. */
let kept: ReaderImages | null = null;

async function loadSaved(url: string): Promise<Outcome> {
  const opened = await library();
  if (!opened.ok)
    return { state: "error", title: "Your library could not be opened", message: opened.error.message };
  const read = await opened.library.get(url);
  if (!read.ok)
    return { state: "error", title: "This article could not be read", message: read.error.message };
  if (!read.article) {
    return {
      state: "error",
      title: "This article is not in your library",
      message: "It may have been deleted. Open the library to see what it holds.",
      action: null,
    };
  }
  kept = await readerImages(read.article.url);
  return { state: "ready", article: read.article };
}

const extras = readerExtras(browser.storage, saved);

startApp({
  storage: browser.storage,
  // An article of the library is not saved again from here.
  save:
    saved === null
      ? (article) => sendToBackground(browser.runtime, { type: "save-article", article, tabId: sourceTabId })
      : undefined,
  isSaved:
    saved === null
      ? async (article) =>
          (
            await sendToBackground(browser.runtime, {
              type: "is-saved",
              url: article.url,
              pageUrl: article.pageUrl,
            })
          ).saved
      : undefined,
  openLibrary: async () => {
    await browser.tabs.create({ url: browser.runtime.getURL(LIBRARY_PAGE) });
  },
  onReady: (article, rendered) => {
    const undo = [extras(article, rendered), kept?.note(article, rendered)];
    return () => {
      for (const step of undo) step?.();
    };
  },
  localImages: () => kept?.local,
  load: async (force) => {
    if (saved !== null) return loadSaved(saved);
    if (id && !force) {
      const key = readerKey(id);
      const stored = (await browser.storage.session.get(key))[key];
      if (isStoredArticle(stored)) return { state: "ready", article: stored.article };
      if (!tab) {
        return {
          state: "error",
          title: "This article is no longer here",
          message:
            "Reader tabs keep their article until the browser closes. Open the page and use Folio again.",
          action: null,
        };
      }
    }
    if (tab && /^\d+$/.test(tab)) {
      return extractFromTab(browser.scripting, Number(tab), force, params.get("url") ?? undefined);
    }
    return {
      state: "error",
      title: "Nothing to show",
      message: "This reader tab was opened without a page.",
      action: null,
    };
  },
});
