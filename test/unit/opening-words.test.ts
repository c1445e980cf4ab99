/** A long anchored alternation asked by opening word: the same answers as the whole pattern. */
import { describe, expect, it } from "vitest";
import { seededRandom } from "../../bench/stats.ts";
import { type Alternative, byOpeningWord, openingWord } from "../../src/core/opening-words.ts";
import { PROMO_HEADING_PARTS, PROMO_HEADING_TAIL } from "../../src/core/passes/promo-blocks.ts";
import { PROMO_LINE_PARTS, PROMO_LINE_TAIL } from "../../src/core/passes/promo-phrases.ts";
import { declaredOpenings, openingKeys } from "./helpers/opening-keys.ts";

const TAIL = "[\\s:.!…]*$";

describe("the words an alternative can open with", () => {
  it.each([
    ["(?:check out|watch) (?:the )?latest videos?", ["check", "watch"]],
    ["(?:no|\\d+) comments", ["no", "0-9"]],
    ["kommentare?\\b.*", ["kommentar", "kommentare"]],
    ["e-?mail", ["e", "email"]],
    ["log ?in", ["log", "login"]],
    ["©.*", ["©"]],
    ["\\(c\\).*", ["("]],
    ["(?:hier )?(?:können sie|kannst du) x", ["hier", "können", "kannst"]],
    ["(?:category|tags) ?:.{0,120}", ["category", "tags"]],
    ["Nach Oben", ["nach"]],
  ])("%j opens with %j", (alternative, keys) => {
    expect([...(openingKeys(alternative, TAIL) ?? [])].sort()).toEqual([...keys].sort());
  });

  it.each([
    "(?:[^.!?]{0,12} )?nie verpassen", // a class before the first word
    "abonnier\\w*", // a class inside it
    "(?<!x)foo", // a lookbehind
    "\\s*share", // a separator before it
    "a+b", // a repeated letter
    ".*share",
  ])("%j: not known, asked of every text", (alternative) => {
    expect(openingKeys(alternative, TAIL)).toBeNull();
  });

  it("a text's key is its opening run of letters and digits, lower-cased, else its first character", () => {
    expect(openingWord("Share this:")).toBe("share");
    expect(openingWord("Über uns")).toBe("über");
    expect(openingWord("Straße 1")).toBe("straße");
    expect(openingWord("12 comments")).toBe("12");
    expect(openingWord("© 2020 Jane Roe")).toBe("©");
    expect(openingWord("")).toBe("");
  });
});

const DECLARED = [
  { name: "promo lines", parts: PROMO_LINE_PARTS, tail: PROMO_LINE_TAIL },
  { name: "promo headings", parts: PROMO_HEADING_PARTS, tail: PROMO_HEADING_TAIL },
];

describe.each(DECLARED)("$name: each alternative opens with the words it declares", ({ parts, tail }) => {
  it.each(parts.map(([opens, pattern]) => [pattern, opens]))("%j (%j)", (pattern, opens) => {
    expect(opens).toBe(declaredOpenings(pattern, tail));
  });
});

describe("byOpeningWord answers as the whole alternation does", () => {
  const parts = [
    "(?:check out|watch) (?:the )?(?:latest|more) videos?(?: from [^:]{1,40})?",
    "(?:no|\\d+) comments(?: yet)?\\b.{0,60}",
    "(?:[^.!?]{0,12} )?(?:nie|nichts) (?:verpassen|versäumen)\\b.*",
    "kommentare? (?:sind )?geschlossen",
    "(?:e-?mail|log ?in|share)",
    "©.*",
    "\\(c\\) \\d{4}.*",
    "(?:direkt )?(?:zum|zur) (?:inhalt|suche)",
    "abonnier\\w* .*",
  ];
  const whole = new RegExp(`^(?:${parts.join("|")})${TAIL}`, "i");
  const split = byOpeningWord(
    parts.map((p): Alternative => [declaredOpenings(p, TAIL), p]),
    TAIL,
    "i",
  );

  it.each([
    "Check out the latest videos from Example TV",
    "WATCH MORE VIDEO",
    "12 comments",
    "No comments yet",
    "Kommentar geschlossen.",
    "Kommentare sind geschlossen",
    "E-Mail",
    "email",
    "Log in",
    "LOGIN:",
    "Share!",
    "© 2024 Example",
    "(c) 2019 Jane",
    "Direkt zum Inhalt",
    "Zur Suche",
    "Heute nie verpassen",
    "Abonnieren Sie uns",
    "Shares rose by 3%",
    "Emailing the council",
    "Login details were leaked.",
    "The council met on Tuesday.",
    "",
  ])("%j", (text) => {
    expect(split.test(text)).toBe(whole.test(text));
  });

  it("on random texts made of the alternatives' words, separators and other words", () => {
    const random = seededRandom(12);
    const words = [
      ...new Set(
        parts
          .join(" ")
          .toLowerCase()
          .match(/[a-zäöüß]+/g),
      ),
      "the",
      "council",
      "12",
      "2024",
      "©",
      "(c)",
      "e-mail",
    ];
    const seps = [" ", " ", " ", "", ":", ".", "-", "!", " – "];
    let matches = 0;
    for (let n = 0; n < 20000; n++) {
      let text = "";
      const length = 1 + Math.floor(random() * 5);
      for (let i = 0; i < length; i++) {
        const word = words[Math.floor(random() * words.length)]!;
        text += (random() < 0.3 ? word.toUpperCase() : word) + seps[Math.floor(random() * seps.length)];
      }
      const expected = whole.test(text);
      if (expected) matches++;
      expect(split.test(text), JSON.stringify(text)).toBe(expected);
    }
    expect(matches).toBeGreaterThan(100); // the texts do reach the alternatives
  });

  it.each(DECLARED)("$name: the same answers on lines made from its own words", ({ parts, tail }) => {
    const random = seededRandom(7);
    const whole = new RegExp(`^(?:${parts.map(([, p]) => p).join("|")})${tail}`, "i");
    const split = byOpeningWord(parts, tail, "i");
    const words = [
      ...new Set(
        parts
          .map(([, p]) => p)
          .join(" ")
          .toLowerCase()
          .match(/[\p{L}]+/gu),
      ),
    ];
    let matches = 0;
    for (let n = 0; n < 20000; n++) {
      const length = 1 + Math.floor(random() * 4);
      const text = Array.from({ length }, () => words[Math.floor(random() * words.length)]!).join(
        random() < 0.8 ? " " : ": ",
      );
      const expected = whole.test(text);
      if (expected) matches++;
      expect(split.test(text), JSON.stringify(text)).toBe(expected);
    }
    expect(matches).toBeGreaterThan(50);
  });
});
