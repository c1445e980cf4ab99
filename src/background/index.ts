/**
 * Background: the context-menu items ("Read in Folio", "Save to Folio"), the one place reader
 * tabs are opened, the one place articles are saved to the library (save.ts), and the door to
 * the queue that fetches link-only entries (fetching.ts).
 * The keyboard shortcut (Alt+Shift+R) is the manifest's `_execute_action` command: the browser
 * opens the popup itself, nothing runs here for it.
 */
import { libraryConnection } from "../library/connection.ts";
import { type Handlers, listen } from "../platform/messages.ts";
import { contextMenusOf, nativeApi } from "../platform/browser.ts";
import { READER_PAGE } from "../platform/pages.ts";
import { saveBadge, showBadge } from "../platform/badge.ts";
import { storeArticle } from "../platform/reader-handoff.ts";
import { fetching } from "./fetching.ts";
import { imageKeeper } from "./images.ts";
import { isSaved, saveArticle, saveTab } from "./save.ts";

const READ_MENU_ID = "folio-read";
const SAVE_MENU_ID = "folio-save";

// The browser's own API, without the polyfill: every call here returns a promise in both
// browsers (Manifest V3), and message replies go through sendResponse (messages.ts).
const browser = nativeApi();
const library = libraryConnection();
const menus = contextMenusOf(browser);
const fetchQueue = fetching(browser);
const keepImages = imageKeeper(browser);

async function openReader(query: Record<string, string>, besideTabId?: number): Promise<number | null> {
  let index: number | undefined;
  if (besideTabId !== undefined) {
    try {
      index = (await browser.tabs.get(besideTabId)).index + 1;
    } catch {
      // The source tab is gone: open at the end.
    }
  }
  const url = browser.runtime.getURL(`${READER_PAGE}?${new URLSearchParams(query)}`);
  const tab = await browser.tabs.create({ url, index });
  return tab.id ?? null;
}

const handlers: Handlers<"open-reader" | "save-article" | "is-saved"> = {
  "open-reader": async ({ article, sourceTabId }) => {
    const id = await storeArticle(browser.storage.session, article);
    // `source`: the tab the article came from, where a save fetches its images.
    if (id) {
      const query: Record<string, string> = { id };
      if (sourceTabId !== undefined) query.source = String(sourceTabId);
      return { tabId: await openReader(query, sourceTabId) };
    }
    // Too large to hand over: the reader tab reads the page again (the click's activeTab
    // grant on it still holds).
    if (sourceTabId === undefined) throw new Error("the article is too large to open in a tab");
    return {
      tabId: await openReader({ tab: String(sourceTabId), url: article.pageUrl ?? article.url }, sourceTabId),
    };
  },
  "save-article": ({ article, tabId }) =>
    saveArticle(library, article, keepImages, typeof tabId === "number" ? tabId : undefined),
  "is-saved": ({ url, pageUrl }) => isSaved(library, url, pageUrl),
};
listen(browser.runtime, { ...handlers, ...fetchQueue.handlers });
// Pages left waiting when the worker (or the browser) stopped: go on with them.
void fetchQueue.wake();

browser.runtime.onInstalled.addListener(async () => {
  await menus.removeAll();
  menus.create({ id: READ_MENU_ID, title: "Read in Folio", contexts: ["page", "selection"] });
  menus.create({ id: SAVE_MENU_ID, title: "Save to Folio", contexts: ["page", "selection"] });
});

menus.onClicked.addListener(async (info, tab) => {
  if (tab?.id === undefined || tab.id < 0) return;
  if (info.menuItemId === READ_MENU_ID) {
    // The click granted activeTab on `tab`: the reader tab extracts from it.
    const query: Record<string, string> = { tab: String(tab.id) };
    if (info.pageUrl) query.url = info.pageUrl;
    await openReader(query, tab.id);
  } else if (info.menuItemId === SAVE_MENU_ID) {
    // Saved without opening anything; the badge on the toolbar button says how it went.
    const reply = await saveTab(browser.scripting, library, tab.id, info.pageUrl ?? tab.url, keepImages);
    const defaultTitle = browser.runtime.getManifest().action?.default_title ?? "Folio";
    await showBadge(browser.action, tab.id, saveBadge(reply), defaultTitle);
  }
});
