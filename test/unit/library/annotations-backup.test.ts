/**
 * Highlights and notes travel with the library: the JSON backup carries them, a bad one refuses
 * the file, and putting them back keeps the newer of two versions (a backup, Undo of a delete).
 */
import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import { type Annotation, openAnnotations } from "../../../src/library/annotations.ts";
import { makeBackup, parseBackup } from "../../../src/library/export/backup.ts";
import { importBackup } from "../../../src/library/merge.ts";
import { freshLibrary, makeRecord, ok } from "./helpers.ts";

const EXPORTED = Date.UTC(2026, 10, 29);

function note(id: string, updated: number, text = "a note"): Annotation {
  return {
    id,
    url: "https://news.example/a",
    exact: "The library opens at night.",
    prefix: "",
    suffix: " The library",
    start: 0,
    end: 27,
    color: "yellow",
    note: text,
    created: 1_000,
    updated,
  };
}

describe("highlights in the backup", () => {
  it("are written and read back with the articles", () => {
    const notes = [note("h1", 2_000), note("h2", 3_000, "second")];
    const parsed = parseBackup(makeBackup([makeRecord({ url: "https://news.example/a" })], EXPORTED, notes));
    expect(parsed.ok && parsed.backup.annotations).toEqual(notes);
  });

  it("are optional: a backup made before them reads with none", () => {
    const parsed = parseBackup(makeBackup([makeRecord({ url: "https://news.example/a" })], EXPORTED));
    expect(parsed.ok && parsed.backup.annotations).toEqual([]);
  });

  it("refuse the file when one is not a highlight, naming it", () => {
    const bad = { ...note("h2", 3_000), url: "javascript:alert(1)" };
    const text = makeBackup([], EXPORTED, [note("h1", 2_000), bad]);
    expect(parseBackup(text)).toEqual({
      ok: false,
      message: "Highlight 2 is not a valid highlight or note.",
    });
  });

  it("come back from an import into the store, the newer version of each kept", async () => {
    const { library } = await freshLibrary();
    const store = await openAnnotations(new IDBFactory());
    await store.merge([note("h1", 5_000, "edited here since")]);
    const text = makeBackup([makeRecord({ url: "https://news.example/a" })], EXPORTED, [
      note("h1", 2_000, "older"),
      note("h2", 3_000, "new"),
    ]);
    const imported = ok(await importBackup(library, text));
    expect(await store.merge(imported.annotations)).toBe(1);
    const kept = await store.forArticle("https://news.example/a");
    expect(kept.map((a) => [a.id, a.note])).toEqual([
      ["h1", "edited here since"],
      ["h2", "new"],
    ]);
    store.close();
  });
});
