/**
 * The full-tab reader: the same article view as the popup, in a tab.
 * - `?id=<key>`: an article the popup already extracted, handed over in `storage.session`
 *   (no second extraction);
 * - `?tab=<id>`: extract from that tab (the context menu's click granted activeTab on it).
 */
import browser from "webextension-polyfill";
import { isStoredArticle, readerKey } from "../background/reader-store.ts";
import { startApp } from "../ui/app.ts";
import { extractFromTab } from "../ui/tab-source.ts";

const params = new URLSearchParams(location.search);
const id = params.get("id");
const tab = params.get("tab");

startApp({
  load: async (force) => {
    if (id && !force) {
      const key = readerKey(id);
      const stored = (await browser.storage.session.get(key))[key];
      if (isStoredArticle(stored)) return { state: "ready", article: stored.article };
      if (!tab) {
        return {
          state: "error",
          title: "This article is no longer here",
          message: "Reader tabs keep their article until the browser closes. Open the page and use Folio again.",
        };
      }
    }
    if (tab && /^\d+$/.test(tab)) {
      return extractFromTab(browser.scripting, Number(tab), force, params.get("url") ?? undefined);
    }
    return { state: "error", title: "Nothing to show", message: "This reader tab was opened without a page." };
  },
});
