/**
 * Omnivore's highlight files: quotes of one or several paragraphs, labels and notes, the old
 * back link, notes on the whole article; and quotes found in the body's text whatever the
 * white space.
 */
import { describe, expect, it } from "vitest";
import {
  findQuote,
  omnivoreAnnotations,
  parseOmnivoreHighlights,
} from "../../../../src/library/import/omnivore-highlights.ts";

describe("Omnivore's highlight files", () => {
  it("reads each quote with its labels and note, one after another", () => {
    const md = [
      "> First words [⤴️](https://omnivore.app/me/a#1)",
      "",
      "> Second, first paragraph",
      "> ",
      "second paragraph",
      "",
      "#one #two",
      "",
      "A note",
      "on two lines",
      "",
      "> Third",
    ].join("\r\n");
    expect(parseOmnivoreHighlights(md)).toEqual({
      highlights: [
        { quote: "First words", note: "" },
        { quote: "Second, first paragraph\n\nsecond paragraph", note: "#one #two\n\nA note\non two lines" },
        { quote: "Third", note: "" },
      ],
      notesWithoutQuote: 0,
    });
  });

  it("counts notes with no quote (notes on the whole article)", () => {
    expect(parseOmnivoreHighlights("A thought on the whole piece\n\n\n> Words\n")).toEqual({
      highlights: [{ quote: "Words", note: "" }],
      notesWithoutQuote: 1,
    });
    expect(parseOmnivoreHighlights("")).toEqual({ highlights: [], notesWithoutQuote: 0 });
  });
});

describe("finding a quote in the body's text", () => {
  const text = "One paragraph ends here.Another begins\n  with  spaces.";
  it("matches whatever the white space, and gives the place in the text as it is", () => {
    const place = findQuote(text, "ends here.\n\nAnother begins with spaces.");
    expect(place).not.toBeNull();
    expect(text.slice(place!.start, place!.end)).toBe("ends here.Another begins\n  with  spaces.");
  });
  it("is null when the words are not there", () => {
    expect(findQuote(text, "ends there")).toBeNull();
    expect(findQuote(text, "  \n")).toBeNull();
  });
});

describe("Folio highlights from a file", () => {
  const article = { url: "https://a.example/x", bodyText: "Alpha beta gamma. Delta epsilon.", at: 1000 };
  it("anchors what is there and reports the rest; ids are the same for the same file", () => {
    const md = "Whole-article note\n\n> beta gamma\n\nmine\n\n> zeta\n";
    const first = omnivoreAnnotations(md, article, "item 1");
    expect(first.annotations).toEqual([
      {
        id: expect.stringMatching(/^omnivore-/),
        url: article.url,
        exact: "beta gamma",
        prefix: "Alpha ",
        suffix: ". Delta epsilon.",
        start: 6,
        end: 16,
        color: "yellow",
        note: "mine",
        created: 1000,
        updated: 1000,
      },
    ]);
    expect(first.left).toEqual([
      {
        where: "item 1",
        reason: "a note on the whole article (Folio keeps notes on highlighted words only)",
      },
      { where: "item 1, highlight 2", reason: "its words are not in the article's text" },
    ]);
    expect(omnivoreAnnotations(md, article, "item 1").annotations[0]!.id).toBe(first.annotations[0]!.id);
  });
});
