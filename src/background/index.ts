/**
 * Background: the "Read in Folio" context-menu item and the one place reader tabs are opened.
 * The keyboard shortcut (Alt+Shift+R) is the manifest's `_execute_action` command: the browser
 * opens the popup itself, nothing runs here for it.
 */
import browser from "webextension-polyfill";
import { type Handlers, listen } from "../messages.ts";
import { storeArticle } from "./reader-store.ts";

const MENU_ID = "folio-read";
const READER_PAGE = "src/reader/index.html";

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

const handlers: Handlers<"open-reader"> = {
  "open-reader": async ({ article, sourceTabId }) => {
    const id = await storeArticle(browser.storage.session, article);
    return { tabId: await openReader({ id }, sourceTabId) };
  },
};
listen(browser.runtime, handlers);

browser.runtime.onInstalled.addListener(async () => {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: MENU_ID, title: "Read in Folio", contexts: ["page", "selection"] });
});

browser.contextMenus.onClicked.addListener(async (info, tab) => {
  if (info.menuItemId !== MENU_ID || tab?.id === undefined || tab.id < 0) return;
  // The click granted activeTab on `tab`: the reader tab extracts from it.
  const query: Record<string, string> = { tab: String(tab.id) };
  if (info.pageUrl) query.url = info.pageUrl;
  await openReader(query, tab.id);
});
