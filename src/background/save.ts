/**
 * Saving to the library from the background: the `save-article` message of the popup and the
 * reader tab, and the context menu's "Save to Folio", which extracts the page itself (with its
 * Markdown, made in the page: the service worker has no DOM for turndown) and answers with a
 * badge on the toolbar button.
 *
 * Saves go through the background because they start in short-lived pages: a popup may close
 * before IndexedDB has committed, the background finishes the write anyway. Each save is
 * announced to open library pages (src/library/changes.ts). Once the article is saved (and the
 * reply sent), its images are kept offline (`AfterSave`, images.ts), from the page the save
 * came from when the sender names its tab.
 */
import type Browser from "webextension-polyfill";
import type { Article } from "../core/types.ts";
import { trustedUrl, withTrustedUrl } from "../library/canonical.ts";
import { announceChange, libraryChange } from "../library/changes.ts";
import type { OpenedLibrary } from "../library/connection.ts";
import type { SavedArticle } from "../library/schema.ts";
import type { SaveReply } from "../platform/messages.ts";
import { extractFromTab } from "../platform/read-tab.ts";

export type GetLibrary = () => Promise<OpenedLibrary>;
/** What runs after a save, not awaited by it: keeping the article's images (images.ts). */
export type AfterSave = (article: SavedArticle, tabId?: number) => Promise<void>;

/**
 * Saves `article` (its Markdown already made) and announces the change. Never throws. It is
 * saved under its canonical URL only when that is on the page's own site (canonical.ts): a page
 * cannot replace another site's article by naming it.
 */
export async function saveArticle(
  getLibrary: GetLibrary,
  given: Article,
  afterSave?: AfterSave,
  tabId?: number,
): Promise<SaveReply> {
  const article = given && typeof given === "object" ? withTrustedUrl(given) : given;
  if (typeof article?.markdown !== "string") {
    return {
      ok: false,
      error: { kind: "invalid", message: "This article cannot be saved: its Markdown was not made." },
    };
  }
  try {
    const opened = await getLibrary();
    if (!opened.ok) return { ok: false, error: opened.error };
    const saved = await opened.library.save(article);
    if (!saved.ok) return { ok: false, error: saved.error };
    announceChange(libraryChange([saved.entry]));
    void afterSave?.(saved.article, tabId).catch(() => {});
    return { ok: true, status: saved.status, url: saved.article.url, title: saved.article.title };
  } catch (error) {
    return {
      ok: false,
      error: { kind: "error", message: `Folio could not save the article (${String(error)}).` },
    };
  }
}

/**
 * Whether the article at `url` is already saved with its page, keyed as a save would key it
 * (canonical.ts). Never throws: a library that cannot be read answers "not saved".
 */
export async function isSaved(
  getLibrary: GetLibrary,
  url: string,
  pageUrl?: string,
): Promise<{ saved: boolean }> {
  try {
    if (typeof url !== "string") return { saved: false };
    const opened = await getLibrary();
    if (!opened.ok) return { saved: false };
    const found = await opened.library.get(
      trustedUrl({ url, pageUrl: typeof pageUrl === "string" ? pageUrl : undefined }),
    );
    return { saved: found.ok && found.article !== null && !found.article.linkOnly };
  } catch {
    return { saved: false };
  }
}

/**
 * Extracts the article of `tabId` (the menu click granted activeTab on it) with its Markdown
 * and saves it. A page that is not an article, or that the browser does not let Folio read,
 * is not saved: the reply says why.
 */
export async function saveTab(
  scripting: Browser.Scripting.Static,
  getLibrary: GetLibrary,
  tabId: number,
  url?: string,
  afterSave?: AfterSave,
): Promise<SaveReply> {
  const outcome = await extractFromTab(scripting, tabId, false, url, true);
  if (outcome.state !== "ready") {
    const hint =
      outcome.state === "not-article" ? " Open Folio on it and choose Show anyway, then Save." : "";
    return { ok: false, error: { kind: "no-article", message: `${outcome.title}.${hint}` } };
  }
  return saveArticle(getLibrary, outcome.article, afterSave, tabId);
}
