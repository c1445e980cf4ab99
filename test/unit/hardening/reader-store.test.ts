/**
 * Issue 13, finding 6: "Open in a tab" failed for the rest of the session after three large
 * articles ("Session storage quota bytes exceeded"), since old hand-offs were pruned only after
 * a successful write. The hand-off now makes room first and never fails on the quota.
 */
import type Browser from "webextension-polyfill";
import { describe, expect, it } from "vitest";
import { isStoredArticle, readerKey, storeArticle } from "../../../src/platform/reader-handoff.ts";
import { makeArticle } from "../library/helpers.ts";

/** storage.session as Chrome keeps it: a byte quota over the JSON of every key and value. */
function sessionArea(quota: number): Browser.Storage.StorageArea & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  const bytes = (entries: Iterable<[string, unknown]>) =>
    [...entries].reduce((n, [k, v]) => n + k.length + JSON.stringify(v).length, 0);
  return {
    data,
    get: async (keys?: null | string | string[] | Record<string, unknown>) => {
      if (keys === null || keys === undefined) return Object.fromEntries(data);
      const list = typeof keys === "string" ? [keys] : Array.isArray(keys) ? keys : Object.keys(keys);
      return Object.fromEntries(list.filter((k) => data.has(k)).map((k) => [k, data.get(k)]));
    },
    set: async (items: Record<string, unknown>) => {
      const next = new Map(data);
      for (const [k, v] of Object.entries(items)) next.set(k, structuredClone(v));
      if (bytes(next) > quota)
        throw new Error("Session storage quota bytes exceeded. Values were not stored.");
      for (const [k, v] of next) data.set(k, v);
    },
    remove: async (keys: string | string[]) => {
      for (const k of typeof keys === "string" ? [keys] : keys) data.delete(k);
    },
    clear: async () => data.clear(),
  } as unknown as Browser.Storage.StorageArea & { data: Map<string, unknown> };
}

const MB = 1024 * 1024;
const large = (n: number) => makeArticle({ title: `Large ${n}`, content: `<p>${"x".repeat(3.5 * MB)}</p>` });

describe("the reader hand-off (finding 6)", () => {
  it("keeps working after many large articles: the newest is always stored", async () => {
    const session = sessionArea(10 * MB);
    for (let n = 1; n <= 6; n++) {
      const id = await storeArticle(session, large(n));
      expect(id).not.toBeNull();
      const stored = session.data.get(readerKey(id!));
      expect(isStoredArticle(stored) && stored.article.title).toBe(`Large ${n}`);
    }
  });

  it("keeps the newest ten small ones", async () => {
    const session = sessionArea(10 * MB);
    const ids: string[] = [];
    for (let n = 1; n <= 12; n++)
      ids.push((await storeArticle(session, makeArticle({ title: `Small ${n}` })))!);
    expect([...session.data.keys()].sort()).toEqual(ids.slice(-10).map(readerKey).sort());
  });

  it("answers null, storing nothing, for an article too large for the area alone", async () => {
    const session = sessionArea(2 * MB);
    await storeArticle(session, makeArticle({ title: "Small" }));
    expect(await storeArticle(session, large(1))).toBeNull();
    expect(session.data.size).toBe(0);
  });
});
