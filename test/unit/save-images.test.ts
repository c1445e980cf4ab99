/**
 * The background's part in keeping images offline: a save hands the saved article and its tab
 * to the image keeper after replying (a keeper that fails changes nothing of the reply), and
 * the keeper fetches in that tab without access to websites, from the extension with it, and
 * from the extension when the tab can no longer be scripted. The function run in the page is
 * exercised in real browsers (test/e2e/images.test.ts, test/e2e-firefox/images.test.ts).
 */
import "fake-indexeddb/auto";
import type Browser from "webextension-polyfill";
import { afterEach, describe, expect, it, vi } from "vitest";
import { imageKeeper } from "../../src/background/images.ts";
import { saveArticle } from "../../src/background/save.ts";
import { toBase64 } from "../../src/library/image-data.ts";
import { getStatus, imagesOf, openImages } from "../../src/library/image-store.ts";
import { libraryConnection } from "../../src/library/connection.ts";
import type { SavedArticle } from "../../src/library/schema.ts";
import { imageFetcher } from "../../src/platform/page-images.ts";
import { PNG } from "./library/image-fixtures.ts";
import { makeArticle } from "./library/helpers.ts";

let n = 0;
const library = () => libraryConnection(() => new IDBFactory(), { name: `save-images-${++n}` });

/** A browser API with `permissions.contains` answering `access`, and a recording `executeScript`. */
function fakeApi(access: boolean, answer: (args: unknown[]) => unknown) {
  const calls: { tabId: number; args: unknown[]; func: boolean }[] = [];
  const api = {
    permissions: { contains: async () => access },
    scripting: {
      executeScript: async (details: { target: { tabId: number }; func?: unknown; args?: unknown[] }) => {
        calls.push({
          tabId: details.target.tabId,
          args: details.args ?? [],
          func: typeof details.func === "function",
        });
        return [{ result: answer(details.args ?? []) }];
      },
    },
  } as unknown as Pick<Browser.Browser, "permissions" | "scripting">;
  return { api, calls };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("a save and its images", () => {
  it("hands the saved article and its tab to the keeper, after the reply, whatever the keeper does", async () => {
    const handed: { url: string; tabId?: number }[] = [];
    const reply = await saveArticle(
      library(),
      makeArticle({ url: "https://news.example/a" }),
      async (article, tabId) => {
        handed.push({ url: article.url, tabId });
        throw new Error("the keeper failed");
      },
      42,
    );
    expect(reply).toMatchObject({ ok: true, status: "added" });
    expect(handed).toEqual([{ url: "https://news.example/a", tabId: 42 }]);
  });

  it("a save that fails hands nothing over", async () => {
    const handed: string[] = [];
    const reply = await saveArticle(
      library(),
      { ...makeArticle(), url: "javascript:alert(1)" },
      async (a) => {
        handed.push(a.url);
      },
    );
    expect(reply.ok).toBe(false);
    expect(handed).toEqual([]);
  });
});

describe("where the background fetches images", () => {
  const urls = ["https://news.example/a.png", "https://cdn.example/b.png"];

  it("without access: in the page of the tab, which answers base64 or why not", async () => {
    const { api, calls } = fakeApi(false, ([asked]) =>
      (asked as string[]).map((u) => (u.includes("cdn") ? { u, e: "blocked" } : { u, d: toBase64(PNG) })),
    );
    const fetched = await (await imageFetcher(api, 7))(urls);
    expect(calls).toEqual([{ tabId: 7, func: true, args: [urls, 8 * 1024 * 1024, 15_000] }]);
    expect(fetched[1]).toEqual({ url: urls[1], error: "blocked" });
    expect(new Uint8Array(await (fetched[0] as { blob: Blob }).blob.arrayBuffer())).toEqual(PNG);
  });

  it("with access: from the extension itself, never in the page", async () => {
    const { api, calls } = fakeApi(true, () => []);
    const fetch = vi.fn(async () => new Response(PNG as BlobPart));
    vi.stubGlobal("fetch", fetch);
    const fetched = await (await imageFetcher(api, 7))(urls);
    expect(calls).toEqual([]);
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(fetch.mock.calls[0]).toMatchObject([
      urls[0],
      { credentials: "omit", referrerPolicy: "no-referrer" },
    ]);
    expect(fetched.every((f) => "blob" in f)).toBe(true);
  });

  it("a tab that can no longer be scripted: from the extension, where another site refuses (blocked)", async () => {
    const api = {
      permissions: { contains: async () => false },
      scripting: {
        executeScript: async () => {
          throw new Error("Cannot access contents of the page");
        },
      },
    } as unknown as Pick<Browser.Browser, "permissions" | "scripting">;
    vi.stubGlobal("fetch", async () => {
      throw new TypeError("Failed to fetch");
    });
    expect(await (await imageFetcher(api, 7))(urls)).toEqual([
      { url: urls[0], error: "blocked" },
      { url: urls[1], error: "blocked" },
    ]);
  });

  it("the keeper keeps what the page gave, writes the status, and skips a link to read", async () => {
    const { api } = fakeApi(false, ([asked]) => (asked as string[]).map((u) => ({ u, d: toBase64(PNG) })));
    const factory = new IDBFactory();
    const keep = imageKeeper(api, () => factory);
    const article = {
      ...makeArticle({ url: "https://news.example/s", content: '<img src="/a.png">' }),
      linkOnly: false,
    } as unknown as SavedArticle;
    await keep(article, 3);
    const db = await openImages(factory);
    expect(await getStatus(db, article.url)).toMatchObject({ found: 1, kept: 1 });
    expect((await imagesOf(db, article.url)).map((i) => i.type)).toEqual(["image/png"]);
    await keep({ ...article, url: "https://news.example/link", linkOnly: true }, 3);
    expect(await getStatus(db, "https://news.example/link")).toBeUndefined();
  });
});
