/**
 * Saving from the background: the `save-article` handler and the context menu's page save on a
 * library in fake-indexeddb, what the reader is told (status line, badge), the change announced
 * to open library pages, and the shared connection.
 */
import "fake-indexeddb/auto";
import type Browser from "webextension-polyfill";
import { afterEach, describe, expect, it } from "vitest";
import { isSaved, saveArticle, saveTab } from "../../src/background/save.ts";
import type { Article } from "../../src/core/types.ts";
import {
  isLibraryChange,
  LIBRARY_CHANNEL,
  type LibraryChange,
  libraryChange,
  MAX_CARRIED_ENTRIES,
} from "../../src/library/changes.ts";
import { libraryConnection } from "../../src/library/connection.ts";
import type { SearchEntry } from "../../src/library/search-terms.ts";
import { openLibrary } from "../../src/library/store.ts";
import { CONTENT_SCRIPTS, type ExtractReply, type SaveReply } from "../../src/platform/messages.ts";
import { saveBadge } from "../../src/platform/badge.ts";
import { SAVED_TEXT, saveText, UPDATED_TEXT } from "../../src/platform/save-text.ts";
import { makeArticle, makeRecord, ok } from "./library/helpers.ts";
import { importRecords } from "../../src/library/merge.ts";
import { READER_DEFAULTS } from "../../src/library/schema.ts";

let dbCount = 0;
const fresh = () => libraryConnection(() => new IDBFactory(), { name: `save-test-${++dbCount}` });

const listeners: BroadcastChannel[] = [];
afterEach(() => {
  for (const channel of listeners.splice(0)) channel.close();
});

/** What the other extension pages hear on the library channel. */
function overhear(): LibraryChange[] {
  const heard: LibraryChange[] = [];
  const channel = new BroadcastChannel(LIBRARY_CHANNEL);
  (channel as unknown as { unref?: () => void }).unref?.();
  channel.addEventListener("message", (event) => heard.push((event as MessageEvent).data));
  listeners.push(channel);
  return heard;
}

const until = async (probe: () => boolean) => {
  for (let i = 0; i < 100 && !probe(); i++) await new Promise((r) => setTimeout(r, 5));
};

describe("saveArticle (the save-article handler)", () => {
  it("adds, then updates the same canonical URL in place, and announces each save", async () => {
    const library = fresh();
    const heard = overhear();
    const article = makeArticle({ url: "https://news.example/a", title: "First" });
    const first = await saveArticle(library, article);
    expect(first).toEqual({ ok: true, status: "added", url: "https://news.example/a", title: "First" });
    const again = await saveArticle(library, {
      ...article,
      url: "https://news.example/a#comments",
      title: "Second",
    });
    expect(again).toMatchObject({ ok: true, status: "updated", title: "Second" });
    const opened = ok(await library());
    expect(ok(await opened.library.count()).count).toBe(1);

    await until(() => heard.length === 2);
    expect(heard.map((c) => c.saved.map((e) => e.url))).toEqual([
      ["https://news.example/a"],
      ["https://news.example/a"],
    ]);
    expect(heard.every(isLibraryChange)).toBe(true);
  });

  it("refuses an article without its Markdown (the service worker cannot make it)", async () => {
    const reply = await saveArticle(fresh(), makeArticle({ markdown: null }));
    expect(reply).toEqual({
      ok: false,
      error: { kind: "invalid", message: "This article cannot be saved: its Markdown was not made." },
    });
  });

  it("says what happened when the library is closed or cannot be opened", async () => {
    const library = fresh();
    ok(await library()).library.close();
    // The connection opens again after a close.
    expect(await saveArticle(library, makeArticle())).toMatchObject({ ok: true, status: "added" });

    const broken: SaveReply = await saveArticle(
      async () => ({
        ok: false,
        error: { kind: "unavailable", message: "The library cannot be opened in this browser (x)." },
      }),
      makeArticle(),
    );
    expect(broken).toEqual({
      ok: false,
      error: { kind: "unavailable", message: "The library cannot be opened in this browser (x)." },
    });
    const thrown = await saveArticle(async () => {
      throw new Error("boom");
    }, makeArticle());
    expect(thrown).toMatchObject({ ok: false, error: { kind: "error" } });
  });

  it("reports a full disk as the store words it", async () => {
    const name = `save-quota-${++dbCount}`;
    const factory = new IDBFactory();
    const opened = ok(await openLibrary(factory, { name }));
    const original = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = () => {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    };
    try {
      const reply = await saveArticle(async () => ({ ok: true, library: opened.library }), makeArticle());
      expect(reply.ok).toBe(false);
      expect(!reply.ok && reply.error.kind).toBe("quota");
      expect(saveText(reply).text).toMatch(/no more storage space.*Nothing was changed\.$/);
    } finally {
      IDBObjectStore.prototype.put = original;
    }
  });
});

/**
 * A scripting API whose page answers `reply`: injecting a content script's file answers that
 * script's usual request (platform/content-scripts.ts), as the build's wrapper makes it do.
 */
function fakeScripting(reply: ExtractReply | "refuse") {
  const calls: { files?: string[]; args?: unknown[]; request?: unknown }[] = [];
  const scripting = {
    executeScript: async (options: { files?: string[]; args?: unknown[] }) => {
      const script = Object.values(CONTENT_SCRIPTS).find((s) => options.files?.includes(s.file));
      calls.push({ ...options, request: script ? script.first : options.args?.[0] });
      if (reply === "refuse") throw new Error("Cannot access contents of the page.");
      return [{ result: reply }];
    },
  } as unknown as Browser.Scripting.Static;
  return { scripting, calls };
}

describe("saveTab (the context menu's Save to Folio)", () => {
  it("asks the page for the article with its Markdown, and saves it", async () => {
    const article: Article = makeArticle({ url: "https://news.example/menu", title: "From the menu" });
    const { scripting, calls } = fakeScripting({ ok: true, article });
    const library = fresh();
    expect(await saveTab(scripting, library, 7, "https://news.example/menu")).toMatchObject({
      ok: true,
      status: "added",
      title: "From the menu",
    });
    expect(calls.map((c) => c.request)).toEqual([{ type: "extract", force: false, markdown: true }]);
    expect(calls[0]?.files).toEqual([CONTENT_SCRIPTS.markdown.file]);
    const stored = ok(await ok(await library()).library.get("https://news.example/menu")).article!;
    expect(stored.markdown).toBe(article.markdown);
  });

  it("does not save a page that is not an article, and says what to do", async () => {
    const { scripting } = fakeScripting({ ok: false, error: { kind: "not-article", message: "x" } });
    const reply = await saveTab(scripting, fresh(), 7);
    expect(reply).toEqual({
      ok: false,
      error: {
        kind: "no-article",
        message: "This doesn't look like an article. Open Folio on it and choose Show anyway, then Save.",
      },
    });
  });

  it("does not save a page the browser keeps from extensions", async () => {
    const { scripting } = fakeScripting("refuse");
    const reply = await saveTab(scripting, fresh(), 7, "chrome://settings");
    expect(reply).toMatchObject({ ok: false, error: { message: "Folio can't read this page." } });
  });
});

describe("what the reader is told", () => {
  const added: SaveReply = { ok: true, status: "added", url: "https://x.example/", title: "T" };
  const updated: SaveReply = { ...added, status: "updated" };
  const failed: SaveReply = {
    ok: false,
    error: { kind: "closed", message: "The library is closed. Reload this page to go on." },
  };

  it("in the popup and the reader tab", () => {
    expect(saveText(added)).toEqual({ ok: true, text: SAVED_TEXT });
    expect(SAVED_TEXT).toBe("Saved to your library");
    expect(saveText(updated)).toEqual({ ok: true, text: UPDATED_TEXT });
    expect(UPDATED_TEXT).toBe("Already in your library: updated");
    expect(saveText(failed)).toEqual({
      ok: false,
      text: "The library is closed. Reload this page to go on.",
    });
    expect(saveText({ ok: false, error: { kind: "error", message: "" } }).text).toBe(
      "Folio could not save this article.",
    );
  });

  it("on the toolbar button after the context menu", () => {
    expect(saveBadge(added)).toMatchObject({ text: "✓", title: "Folio: Saved to your library (T)" });
    expect(saveBadge(updated).title).toBe("Folio: Already in your library: updated (T)");
    const bad = saveBadge(failed);
    expect(bad.text).toBe("!");
    expect(bad.title).toBe(
      "Folio could not save this page. The library is closed. Reload this page to go on.",
    );
    expect(bad.clearAfterMs).toBeGreaterThan(saveBadge(added).clearAfterMs);
  });
});

describe("library changes", () => {
  const entry = (n: number): SearchEntry => ({
    url: `https://x.example/${n}`,
    site: "x",
    savedAt: n,
    terms: "a b",
  });

  it("carry the saved entries and deleted URLs, or say reload when too many", () => {
    expect(libraryChange([entry(1)], ["https://x.example/2"])).toEqual({
      type: "library-changed",
      saved: [entry(1)],
      deleted: ["https://x.example/2"],
      reload: false,
    });
    const many = Array.from({ length: MAX_CARRIED_ENTRIES + 1 }, (_, i) => entry(i));
    expect(libraryChange(many)).toEqual({ type: "library-changed", saved: [], deleted: [], reload: true });
  });

  it("are recognised only when well formed", () => {
    expect(isLibraryChange(libraryChange([]))).toBe(true);
    expect(isLibraryChange({ type: "library-changed", saved: [] })).toBe(false);
    expect(isLibraryChange({ type: "other", saved: [], deleted: [], reload: false })).toBe(false);
    expect(isLibraryChange(null)).toBe(false);
  });
});

describe("isSaved (the is-saved handler)", () => {
  it("knows a saved article by its address or its trusted canonical one, and a link to read as not saved", async () => {
    const library = fresh();
    expect(await isSaved(library, "https://news.example/s")).toEqual({ saved: false });
    ok(await saveArticle(library, makeArticle({ url: "https://news.example/s" })));
    expect(await isSaved(library, "https://news.example/s#top")).toEqual({ saved: true });
    // A canonical address on another site is not trusted: the page's own address is the key.
    expect(await isSaved(library, "https://news.example/s", "https://other.example/copy")).toEqual({
      saved: false,
    });
    const opened = ok(await library());
    ok(
      await importRecords(opened.library, [
        makeRecord({ url: "https://news.example/link", ...READER_DEFAULTS, linkOnly: true }),
      ]),
    );
    expect(await isSaved(library, "https://news.example/link")).toEqual({ saved: false });
  });
});
