/**
 * The toolbar popup. The user's click granted activeTab on the active tab; the popup injects
 * the content script there, shows the states and renders the article.
 *
 * The page's work starts first: this module is tiny and asks the tab for its article at once,
 * while the UI code (renderer, sanitizer, settings) loads in parallel.
 * `?tab=<id>` targets a given tab instead (used when this page is opened in a tab by tests).
 */
import type { Outcome } from "../platform/read-outcome.ts";
import { nativeApi } from "../platform/browser.ts";
import { sendToBackground } from "../platform/messages.ts";
import { LIBRARY_PAGE } from "../platform/pages.ts";
import { extractFromTab } from "../platform/read-tab.ts";

const api = nativeApi();

async function targetTab(): Promise<{ id: number; url?: string } | null> {
  const param = new URLSearchParams(location.search).get("tab");
  if (param && /^\d+$/.test(param)) return { id: Number(param) };
  const [tab] = await api.tabs.query({ active: true, currentWindow: true });
  return tab?.id === undefined ? null : { id: tab.id, url: tab.url };
}

const tab = targetTab();

async function load(force: boolean): Promise<Outcome> {
  const target = await tab;
  if (!target) {
    return {
      state: "restricted",
      title: "No page to read",
      message: "Folio found no open page in this window.",
    };
  }
  performance.mark("folio-asked");
  return extractFromTab(api.scripting, target.id, force, target.url);
}

performance.mark("folio-load-start");
let first: Promise<Outcome> | null = load(false);
// The UI's chunk loads once the request has left: loading and compiling it holds this
// thread, which would otherwise delay the tab query's answer and so the request itself (on a
// page the content script already knows, the page answers in about the time it takes).
// `load` asked for the tab first, so its request goes before this line resumes. It is one
// chunk without the polyfill (the UI gets this page's native API): what loads meanwhile
// competes with the page's reading for the machine's cores (vite.config.ts, popup-ui).
await tab.catch(() => null);

const { startApp } = await import("../ui/app.ts");
performance.mark("folio-ui-loaded");

startApp({
  storage: api.storage,
  load: (force) => {
    const prefetched = first;
    first = null;
    return prefetched && !force ? prefetched : load(force);
  },
  openInTab: async (article) => {
    const target = await tab;
    await sendToBackground(api.runtime, { type: "open-reader", article, sourceTabId: target?.id });
    window.close();
  },
  // The background writes, so the save completes even if the popup closes meanwhile.
  // Its images are fetched in the tab it came from (background/images.ts).
  save: async (article) =>
    sendToBackground(api.runtime, { type: "save-article", article, tabId: (await tab)?.id }),
  isSaved: async (article) =>
    (await sendToBackground(api.runtime, { type: "is-saved", url: article.url, pageUrl: article.pageUrl }))
      .saved,
  openLibrary: async () => {
    await api.tabs.create({ url: api.runtime.getURL(LIBRARY_PAGE) });
    window.close();
  },
});
