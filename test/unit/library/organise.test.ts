/** Tags, read state and favourite changed on a saved article: stored whole, searched, checked. */
import { describe, expect, it } from "vitest";
import { editTags, organise } from "../../../src/library/organise.ts";
import { freshLibrary, makeArticle, ok } from "./helpers.ts";

describe("organising an article", () => {
  it("changes tags, state and favourite in the article, its summary and its search words", async () => {
    const { library } = await freshLibrary();
    const saved = ok(await library.save(makeArticle({ url: "https://o.example/1" }))).article;
    const { summary, entry } = ok(
      await organise(library, saved.url, { tags: ["Slow cooking"], state: "read", favourite: true }),
    );
    expect(summary).toMatchObject({ tags: ["Slow cooking"], state: "read", favourite: true });
    expect(entry.terms.split(" ")).toContain("slow");
    const stored = ok(await library.get(saved.url)).article!;
    expect(stored).toMatchObject({ tags: ["Slow cooking"], state: "read", favourite: true });
    expect(stored.updatedAt).toBeGreaterThan(saved.updatedAt);
    expect(ok(await library.list()).items[0]).toMatchObject({ state: "read" });
  });

  it("refuses a state it does not know and an article that is gone, changing nothing", async () => {
    const { library } = await freshLibrary();
    const saved = ok(await library.save(makeArticle({ url: "https://o.example/2" }))).article;
    const bad = await organise(library, saved.url, { state: "deleted" as never });
    expect(bad.ok).toBe(false);
    expect(ok(await library.get(saved.url)).article).toEqual(saved);
    const gone = await organise(library, "https://o.example/none", { favourite: true });
    expect(gone).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/no longer in your library/) },
    });
  });

  it("edits tag lists: comma-separated names added, removed ones dropped, no repeats", () => {
    expect(editTags(["a", "B"], " b , c,, d ")).toEqual(["a", "B", "c", "d"]);
    expect(editTags(["a", "B", "c"], "", ["b"])).toEqual(["a", "c"]);
  });
});
