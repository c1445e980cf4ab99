/** A tag renamed across the library: merged without repeats, written whole, refused when empty. */
import { describe, expect, it } from "vitest";
import { organise } from "../../../src/library/organise.ts";
import { renamedTags, renameTag, tagNameProblem } from "../../../src/library/rename-tag.ts";
import { freshLibrary, makeArticle, ok } from "./helpers.ts";

async function withTags(tagsByUrl: Record<string, string[]>) {
  const { library } = await freshLibrary();
  for (const [url, tags] of Object.entries(tagsByUrl)) {
    ok(await library.save(makeArticle({ url })));
    ok(await organise(library, url, { tags }));
  }
  return library;
}

describe("renaming a tag", () => {
  it("renames it, in any case, on every article that carries it, in article, summary and search words", async () => {
    const library = await withTags({
      "https://t.example/1": ["Cooking", "slow"],
      "https://t.example/2": ["cooking"],
      "https://t.example/3": ["travel"],
    });
    const before = ok(await library.get("https://t.example/3")).article!;
    const done = ok(await renameTag(library, "COOKING", "  Kitchen   notes "));
    expect(done.name).toBe("Kitchen notes");
    expect(done.summaries.map((s) => s.url).sort()).toEqual(["https://t.example/1", "https://t.example/2"]);
    expect(ok(await library.get("https://t.example/1")).article!.tags).toEqual(["Kitchen notes", "slow"]);
    expect(ok(await library.get("https://t.example/2")).article!.tags).toEqual(["Kitchen notes"]);
    // An article without the tag is not written.
    expect(ok(await library.get("https://t.example/3")).article).toEqual(before);
    const summaries = ok(await library.summaries(["https://t.example/1"])).items;
    expect(summaries[0].tags).toEqual(["Kitchen notes", "slow"]);
    const terms = ok(await library.searchEntries()).entries.find((e) => e.url === "https://t.example/1")!;
    expect(terms.terms.split(" ")).toContain("kitchen");
    expect(terms.terms.split(" ")).not.toContain("cooking");
    expect(done.entries.map((e) => e.url).sort()).toEqual(done.summaries.map((s) => s.url).sort());
  });

  it("merges into a tag of the new name already on an article, never repeating it", async () => {
    const library = await withTags({
      "https://t.example/a": ["recipes", "Food", "later"],
      "https://t.example/b": ["recipes"],
    });
    ok(await renameTag(library, "recipes", "food"));
    expect(ok(await library.get("https://t.example/a")).article!.tags).toEqual(["food", "later"]);
    expect(ok(await library.get("https://t.example/b")).article!.tags).toEqual(["food"]);
  });

  it("changes only the case when asked to, and writes nothing when the name is the same", async () => {
    const library = await withTags({ "https://t.example/c": ["science"] });
    const first = ok(await renameTag(library, "science", "Science"));
    expect(first.summaries).toHaveLength(1);
    expect(ok(await library.get("https://t.example/c")).article!.tags).toEqual(["Science"]);
    const stored = ok(await library.get("https://t.example/c")).article!;
    const again = ok(await renameTag(library, "Science", "Science"));
    expect(again.summaries).toEqual([]);
    expect(ok(await library.get("https://t.example/c")).article).toEqual(stored);
  });

  it("refuses an empty, comma-holding or too long name with a message, changing nothing", async () => {
    const library = await withTags({ "https://t.example/d": ["keep"] });
    const stored = ok(await library.get("https://t.example/d")).article!;
    for (const bad of ["", "   ", "a, b", "x".repeat(101)]) {
      const result = await renameTag(library, "keep", bad);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.message).toBe(tagNameProblem(bad));
    }
    expect(tagNameProblem(" \t")).toMatch(/needs a name/);
    expect(ok(await library.get("https://t.example/d")).article).toEqual(stored);
  });

  it("leaves a tag list without the tag alone", () => {
    expect(renamedTags(["a", "b"], "c", "d")).toBeNull();
    expect(renamedTags(["a", "B", "c"], "b", "A")).toEqual(["a", "c"]);
  });
});
