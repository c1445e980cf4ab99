/**
 * The library page's search worker without a Worker: its work (search-service.ts) on
 * fake-indexeddb, driven by the typed requests of search-protocol.ts, and the page's client
 * (search-client.ts) over a port that copies every message as postMessage does.
 */
import { describe, expect, it } from "vitest";
import type { LibraryChange } from "../../../src/library/changes.ts";
import { SearchIndex } from "../../../src/library/search.ts";
import type { LibraryStore } from "../../../src/library/store.ts";
import { resultSource, SearchClient } from "../../../src/library-page/search-client.ts";
import type {
  BuildReply,
  Facets,
  SearchMessage,
  SearchReply,
  SearchRequestType,
} from "../../../src/library-page/search-protocol.ts";
import { readBatch, searchService } from "../../../src/library-page/search-service.ts";
import { freshLibrary, makeArticle, ok, testClock } from "../library/helpers.ts";
import { portTo, view } from "./search-port.ts";

const TITLES = [
  "Climate change and the Alps",
  "A café on the Straße",
  "Change management",
  "Zürich floods again",
  "Harbour wall repaired",
  "Climbing in winter",
  "Election results tonight",
];

/** A library of the titles above (newest last), two sites, a link to read and some tags. */
async function library(): Promise<LibraryStore> {
  const clock = testClock();
  const { library } = await freshLibrary({ now: clock.now });
  for (const [i, title] of TITLES.entries()) {
    ok(
      await library.save(
        makeArticle({
          url: `https://news.example/${i}`,
          title,
          siteName: i % 2 ? "Odd Times" : "Even Post",
          textContent: `Story number ${i}. ${title}.`,
        }),
      ),
    );
  }
  const { organise } = await import("../../../src/library/organise.ts");
  ok(await organise(library, "https://news.example/1", { tags: ["food"], state: "read" }));
  ok(await organise(library, "https://news.example/3", { tags: ["Food", "weather"] }));
  return library;
}

function serviceOf(store: LibraryStore, batch = 3) {
  const service = searchService({ open: async () => ({ ok: true, library: store }), batch });
  const ask = <K extends SearchRequestType>(message: SearchMessage<K>) =>
    service.receive(message) as Promise<SearchReply<K>>;
  return { service, ask };
}

/** A build's answer, which must have succeeded. */
function built(reply: BuildReply): { size: number; facets: Facets } {
  if (!reply.ok) throw new Error(`the build failed: ${JSON.stringify(reply)}`);
  return reply;
}

const urlsOf = (items: { url: string }[]) => items.map((s) => s.url.replace("https://news.example/", ""));

describe("readBatch", () => {
  it("reads every article's words and summary a batch at a time, in URL order", async () => {
    const store = await library();
    const seen: string[] = [];
    let after: string | null = null;
    let batches = 0;
    do {
      const got: { entries: { url: string }[]; summaries: { url: string }[]; last: string | null } = ok(
        await readBatch(store, after, 3),
      );
      expect(got.entries.map((e) => e.url)).toEqual(got.summaries.map((s) => s.url));
      seen.push(...got.entries.map((e) => e.url));
      after = got.last;
      batches++;
    } while (after !== null);
    expect(batches).toBe(3);
    expect(seen).toEqual([...seen].sort());
    expect(seen).toHaveLength(TITLES.length);
  });
});

describe("searchService", () => {
  it("builds from the library and answers a view's first rows, its count, more rows and every URL", async () => {
    const { ask } = serviceOf(await library());
    const done = built(await ask({ type: "build" }));
    expect(done.size).toBe(7);
    expect(done.facets.sites).toEqual([
      { site: "Even Post", key: "even post", count: 4 },
      { site: "Odd Times", key: "odd times", count: 3 },
    ]);
    expect(done.facets.tags).toEqual([
      { tag: "food", count: 2 },
      { tag: "weather", count: 1 },
    ]);
    expect(done.facets.links).toBe(0);

    const all = await ask({ type: "query", view: view(""), count: 3 });
    expect(all).toMatchObject({ total: 7, done: false });
    expect(urlsOf(all.items)).toEqual(["6", "5", "4"]);
    expect(all.items[0]).toMatchObject({ title: "Election results tonight", site: "Even Post" });
    const more = await ask({ type: "more", id: all.id, from: 3, count: 3 });
    expect(urlsOf(more.items)).toEqual(["3", "2", "1"]);
    expect(more.done).toBe(false);
    expect(urlsOf((await ask({ type: "more", id: all.id, from: 6, count: 3 })).items)).toEqual(["0"]);

    const clim = await ask({ type: "query", view: view("CLIM"), count: 20 });
    expect(clim).toMatchObject({ total: 2, done: true });
    expect(urlsOf(clim.items)).toEqual(["5", "0"]);
    // The earlier view is gone: asking for it gives nothing.
    expect(await ask({ type: "more", id: all.id, from: 0, count: 3 })).toEqual({ items: [], done: true });
    expect(await ask({ type: "urls", id: all.id })).toEqual({ urls: [] });
    expect((await ask({ type: "urls", id: clim.id })).urls).toEqual([
      "https://news.example/5",
      "https://news.example/0",
    ]);
  });

  it("searches exactly as SearchIndex does: every word, any order, folded, the last word a prefix", async () => {
    const store = await library();
    const { ask } = serviceOf(store);
    await ask({ type: "build" });
    const index = new SearchIndex(ok(await store.searchEntries()).entries);
    for (const query of [
      "cafe strasse",
      "CAFÉ",
      "zurich",
      "change ",
      "chan",
      "story number",
      "alps cha",
      "x",
    ]) {
      const got = await ask({ type: "query", view: view(query), count: 50 });
      expect(
        got.items.map((s: { url: string }) => s.url),
        query,
      ).toEqual(index.search(query));
    }
    const odd = await ask({ type: "query", view: view("story", { site: "odd times" }), count: 50 });
    expect(urlsOf(odd.items)).toEqual(["5", "3", "1"]);
  });

  it("filters by tag and state and sorts by the summaries it holds", async () => {
    const { ask } = serviceOf(await library());
    await ask({ type: "build" });
    const food = await ask({ type: "query", view: view("", { tag: "FOOD" }), count: 20 });
    expect(urlsOf(food.items)).toEqual(["3", "1"]);
    const read = await ask({ type: "query", view: view("", { state: "read" }), count: 20 });
    expect(urlsOf(read.items)).toEqual(["1"]);
    const byTitle = await ask({ type: "query", view: view("", { sort: "title", locale: "en" }), count: 3 });
    expect(byTitle.items.map((s) => s.title)).toEqual([
      "A café on the Straße",
      "Change management",
      "Climate change and the Alps",
    ]);
    expect(byTitle).toMatchObject({ total: 7, done: false });
    const rest = await ask({ type: "more", id: byTitle.id, from: 3, count: 10 });
    expect(rest.items.map((s) => s.title).at(-1)).toBe("Zürich floods again");
    expect((await ask({ type: "urls", id: byTitle.id })).urls).toHaveLength(7);
  });

  it("follows changes: a save is searchable with its summary, a delete leaves the rows shown and the count", async () => {
    const store = await library();
    const { ask } = serviceOf(store);
    await ask({ type: "build" });
    const shown = await ask({ type: "query", view: view("story"), count: 2 });
    expect(shown.total).toBe(7);

    const saved = ok(
      await store.save(makeArticle({ url: "https://news.example/new", title: "Zeppelins", siteName: "Sky" })),
    );
    const deleted = ok(await store.delete(["https://news.example/5"]));
    expect(deleted.deleted).toHaveLength(1);
    const change: LibraryChange = {
      type: "library-changed",
      saved: [saved.entry],
      deleted: ["https://news.example/5"],
      reload: false,
    };
    const answer = await ask({ type: "change", change });
    // The rows shown stay where they were; the deleted one is skipped, and counted out.
    expect(answer.latest).toEqual({ id: shown.id, total: 6 });
    expect(answer.facets?.sites.map((s) => s.site)).toContain("Sky");
    const more = await ask({ type: "more", id: shown.id, from: 0, count: 3 });
    expect(urlsOf(more.items)).toEqual(["6", "4"]);

    const zep = await ask({ type: "query", view: view("zep"), count: 5 });
    expect(zep.items).toEqual([saved.summary]);
    expect((await ask({ type: "query", view: view("climbing"), count: 5 })).total).toBe(0);
  });

  it("applies changes that come while it builds after the build, and a query after them sees them", async () => {
    const store = await library();
    const { ask } = serviceOf(store, 2);
    const building = ask({ type: "build" });
    const saved = ok(await store.save(makeArticle({ url: "https://news.example/late", title: "Latecomer" })));
    const changing = ask({
      type: "change",
      change: { type: "library-changed", saved: [saved.entry], deleted: [], reload: false },
    });
    const late = ask({ type: "query", view: view("latecomer"), count: 5 });
    expect((await building).ok).toBe(true);
    expect((await changing).facets).not.toBeNull();
    expect(urlsOf((await late).items)).toEqual(["late"]);
  });

  it("stops a build when another starts, and says why a build failed", async () => {
    const store = await library();
    const { ask } = serviceOf(store, 1);
    const first = ask({ type: "build" });
    const second = ask({ type: "build" });
    expect(await first).toEqual({ ok: false, superseded: true });
    expect(await second).toMatchObject({ ok: true, size: 7 });

    const failing = searchService({
      open: async () => ({ ok: false, error: { kind: "unavailable", message: "No IndexedDB here." } }),
    });
    expect(await failing.receive({ type: "build" })).toEqual({ ok: false, message: "No IndexedDB here." });
    // Before a build, changes are nothing to apply and queries an error.
    expect(
      await failing.receive({
        type: "change",
        change: { type: "library-changed", saved: [], deleted: ["x"], reload: false },
      }),
    ).toEqual({ facets: null, latest: null });
    await expect(failing.receive({ type: "query", view: view("x"), count: 1 })).rejects.toThrow(/not built/);
    await expect(failing.receive({ type: "nonsense" } as unknown)).rejects.toThrow(/not a search request/);
    // A failed request does not stop the ones after it.
    expect(await failing.receive({ type: "urls", id: 1 })).toEqual({ urls: [] });
  });

  it("counts links to read", async () => {
    const store = await library();
    const { importRecords } = await import("../../../src/library/merge.ts");
    const { makeRecord } = await import("../library/helpers.ts");
    ok(
      await importRecords(store, [
        makeRecord({ url: "https://links.example/a", linkOnly: true, textContent: "", savedAt: 1 }),
        makeRecord({ url: "https://links.example/b", linkOnly: true, textContent: "", savedAt: 2 }),
      ]),
    );
    const { ask } = serviceOf(store);
    expect(built(await ask({ type: "build" })).facets.links).toBe(2);
  });
});

describe("SearchClient", () => {
  it("asks by type, gets each answer by its id, and pages a view as the list's source", async () => {
    const store = await library();
    const service = searchService({ open: async () => ({ ok: true, library: store }), batch: 4 });
    const client = new SearchClient(portTo((m) => service.receive(m)));
    const [built, all] = [client.request("build", {}), client.request("query", { view: view(""), count: 2 })];
    expect((await built).ok).toBe(true);
    const first = await all;
    const source = resultSource(client, first, 2);
    const seen: string[] = [];
    while (!source.done) {
      const page = await source.next(2);
      if (!page.ok) throw new Error(page.error.message);
      seen.push(...urlsOf(page.items));
    }
    expect(seen).toEqual(["6", "5", "4", "3", "2", "1", "0"]);
    await expect(client.request("query", { view: view(""), count: 0 }).then((r) => r.total)).resolves.toBe(7);
    await expect(client.request("nonsense" as "build", {})).rejects.toThrow(/not a search request/);
  });

  it("fails what waits and what comes when the worker fails", async () => {
    const never = new Promise<unknown>(() => {});
    const port = portTo(() => never);
    const client = new SearchClient(port);
    const waiting = client.request("build", {});
    port.crash();
    await expect(waiting).rejects.toThrow("boom");
    await expect(client.request("urls", { id: 1 })).rejects.toThrow("boom");
  });
});
