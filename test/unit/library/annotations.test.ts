/**
 * Highlights and notes (issue 16, item 8): their own store, anchored by quote and place so
 * they are found again after the text changes a little, and exported as Markdown that keeps
 * page text and notes as text.
 */
import "fake-indexeddb/auto";
import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { annotationsToMarkdown } from "../../../src/library/annotations-markdown.ts";
import { type Annotation, isAnnotation, openAnnotations } from "../../../src/library/annotations.ts";
import { anchorOf, findAnchor } from "../../../src/ui/anchor.ts";

const URL_A = "https://news.example/a";
const TEXT = "The library opens at night. The library stays warm. Tea is free at the library.";

function fields(start: number, end: number, note = "") {
  return { url: URL_A, ...anchorOf(TEXT, start, end), color: "yellow" as const, note };
}

describe("the annotation store", () => {
  it("adds, lists in text order, edits notes, and deletes, apart from the library", async () => {
    let n = 0;
    const store = await openAnnotations(
      new IDBFactory(),
      () => `id-${++n}`,
      () => 1_000 + n,
    );
    const second = await store.add(fields(28, 51));
    const first = await store.add(fields(0, 27, "opening hours"));
    await store.add({ ...fields(0, 3), url: "https://news.example/b" });
    expect((await store.forArticle(URL_A)).map((a) => a.id)).toEqual([first.id, second.id]);
    const edited = await store.update(second.id, { note: "warm!", color: "green" });
    expect(edited).toMatchObject({ note: "warm!", color: "green" });
    expect((await store.all())[0].id).toBe(second.id); // the most recently changed first
    await store.remove(first.id);
    expect((await store.forArticle(URL_A)).map((a) => a.id)).toEqual([second.id]);
    await store.removeArticle(URL_A);
    expect(await store.forArticle(URL_A)).toEqual([]);
    expect(await store.all()).toHaveLength(1);
    store.close();
  });

  it("refuses what is not a sane annotation", async () => {
    const store = await openAnnotations(new IDBFactory());
    await expect(store.add({ ...fields(0, 3), url: "javascript:alert(1)" })).rejects.toThrow(/not valid/);
    expect(isAnnotation({ ...fields(0, 3), id: "x", created: 1, updated: 1, color: "red" })).toBe(false);
    store.close();
  });
});

describe("anchoring", () => {
  it("finds the quote at its place, or by its context when the text moved", () => {
    const second = anchorOf(TEXT, TEXT.indexOf("The library stays"), TEXT.indexOf("The library stays") + 11);
    expect(second.exact).toBe("The library");
    expect(findAnchor(TEXT, second)).toEqual({ start: second.start, end: second.end });
    // A sentence added at the top: the same words, further on; the context picks the right ones.
    const changed = `A new first line. ${TEXT}`;
    const found = findAnchor(changed, second);
    expect(found).not.toBeNull();
    expect(changed.slice(found!.start, found!.end + 11)).toBe("The library stays warm");
    // Gone from the text: not found.
    expect(findAnchor("Something else entirely.", second)).toBeNull();
  });
});

describe("highlights as Markdown", () => {
  it("quotes each highlight with its note, page text and notes kept as text", () => {
    const annotations = [
      { ...fields(0, 27, "Ask about *weekends*"), id: "1", created: 1, updated: 1 },
      { ...fields(52, 78), exact: "<img src=x onerror=alert(1)>", id: "2", created: 1, updated: 1 },
    ] as Annotation[];
    const markdown = annotationsToMarkdown("Night [opening]", URL_A, annotations);
    expect(markdown).toContain("> The library opens at night.");
    expect(markdown).toContain("Ask about \\*weekends\\*");
    const html = new MarkdownIt({ html: true }).render(markdown);
    expect(html).not.toMatch(/<img|<em>/);
    expect(html).toContain("<blockquote>");
  });
});
