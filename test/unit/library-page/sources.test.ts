/** The list's row source on fake-indexeddb (the library newest first, a page at a time) and the summary cache. */
import { describe, expect, it, vi } from "vitest";
import { browseSource, SummaryCache } from "../../../src/library-page/sources.ts";
import { freshLibrary, makeArticle, ok, testClock } from "../library/helpers.ts";

async function libraryOf(n: number) {
  const clock = testClock();
  const { library } = await freshLibrary({ now: clock.now });
  const articles = Array.from({ length: n }, (_, i) =>
    makeArticle({ url: `https://news.example/${i}`, title: `Story ${i}` }),
  );
  for (const article of articles) ok(await library.save(article));
  return library;
}

describe("browseSource", () => {
  it("pages through the whole library, newest first, without repeats", async () => {
    const library = await libraryOf(7);
    const source = browseSource(library);
    expect(source.total).toBeNull();
    const seen: string[] = [];
    while (!source.done) {
      const page = await source.next(3);
      if (!page.ok) throw new Error(page.error.message);
      seen.push(...page.items.map((s) => s.title));
    }
    expect(seen).toEqual(["Story 6", "Story 5", "Story 4", "Story 3", "Story 2", "Story 1", "Story 0"]);
    expect(await source.next(3)).toEqual({ ok: true, items: [] });
  });

  it("passes a failure on", async () => {
    const library = await libraryOf(1);
    library.close();
    const page = await browseSource(library).next(10);
    expect(page.ok).toBe(false);
  });
});

describe("SummaryCache", () => {
  it("reads summaries in the order asked, each once, and again once forgotten", async () => {
    const library = await libraryOf(5);
    const read = vi.spyOn(library, "summaries");
    const cache = new SummaryCache(library);
    const first = await cache.of([
      "https://news.example/3",
      "https://news.example/gone",
      "https://news.example/0",
      "https://news.example/4",
    ]);
    expect(first.ok && first.items.map((s) => s.title)).toEqual(["Story 3", "Story 0", "Story 4"]);

    // Asking again for the same articles reads nothing again.
    read.mockClear();
    const again = await cache.of(["https://news.example/4", "https://news.example/3"]);
    expect(again.ok && again.items.map((s) => s.title)).toEqual(["Story 4", "Story 3"]);
    expect(read).not.toHaveBeenCalled();

    // A changed article is read again once forgotten.
    ok(await library.save(makeArticle({ url: "https://news.example/4", title: "Story 4, updated" })));
    cache.forget(["https://news.example/4"]);
    const fresh = await cache.of(["https://news.example/4"]);
    expect(fresh.ok && fresh.items[0]?.title).toBe("Story 4, updated");
    expect(read).toHaveBeenCalledTimes(1);
  });
});
