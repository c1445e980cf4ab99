/** Word counts and reading time across scripts. */
import { describe, expect, it } from "vitest";
import { textStats } from "../../src/core/text-stats.ts";

describe("wordCount", () => {
  it.each([
    ["English", "The quick brown fox jumps over the lazy dog.", 9],
    ["English with punctuation-only tokens", "Rents rose — again — in March , said the council .", 8],
    ["numbers and abbreviations", "It cost £4.2m in 2024, up 5% on 2023.", 9],
    ["hyphenated and apostrophes", "The well-known café's owner didn't mind.", 6],
    ["German with umlauts and ß", "Die Bürgermeisterin eröffnete das Straßenfest am Rathausplatz.", 7],
    ["Arabic", "أعلنت بلدية الرمانة يوم الأحد عن إطلاق مشروع واسع", 9],
    ["Russian", "Мэр города открыл новый мост через реку.", 7],
    ["blank lines between blocks", "First block.\n\nSecond block here.\n\n\n  Third.", 6],
  ])("%s", (_name, text, expected) => {
    expect(textStats(text).wordCount).toBe(expected);
  });

  it("empty and whitespace-only text", () => {
    expect(textStats("")).toEqual({ wordCount: 0, readingTimeMinutes: 0 });
    expect(textStats("  \n\n\t ")).toEqual({ wordCount: 0, readingTimeMinutes: 0 });
    expect(textStats("— … · !").wordCount).toBe(0);
  });

  it("Japanese: words found without spaces", () => {
    const text = "北沢町の旧駅舎が町立図書館の分館として生まれ変わり、今月一日に開館した。";
    const { wordCount } = textStats(text);
    expect(text.split(/\s+/)).toHaveLength(1);
    expect(wordCount).toBeGreaterThanOrEqual(10);
    expect(wordCount).toBeLessThanOrEqual(text.length);
  });

  it("Chinese: words found without spaces", () => {
    const text = "北京市政府今天宣布了新的公共交通计划，预计明年开始实施。";
    const { wordCount } = textStats(text);
    expect(wordCount).toBeGreaterThanOrEqual(8);
    expect(wordCount).toBeLessThanOrEqual(text.length);
  });

  it("Japanese punctuation is not counted as words", () => {
    const withPunctuation = textStats("図書館が開館した。「駅を残してほしい」と話す。").wordCount;
    const without = textStats("図書館が開館した駅を残してほしいと話す").wordCount;
    expect(withPunctuation).toBe(without);
  });

  it("mixed Latin and CJK, with and without spaces", () => {
    expect(textStats("I visited 東京 in 2023 and loved it.").wordCount).toBe(8);
    const glued = textStats("AppleのiPhoneは日本で人気がある").wordCount;
    expect(glued).toBeGreaterThanOrEqual(6);
  });

  it("CJK counts far more words than whitespace tokens", () => {
    const paragraph =
      "改修では、当時の柱や梁、切符売り場の木枠をできるだけ残し、壁には地元産の杉材を使った本棚を造り付けた。かつての駅長室は子ども向けの読み聞かせの部屋になった。";
    const text = Array(5).fill(paragraph).join("\n\n");
    expect(textStats(text).wordCount).toBeGreaterThan(10 * text.split(/\s+/).length);
  });
});

describe("readingTimeMinutes", () => {
  const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i % 50}`).join(" ");

  it("at least one minute for any text", () => {
    expect(textStats("Hello.").readingTimeMinutes).toBe(1);
    expect(textStats(words(100)).readingTimeMinutes).toBe(1);
  });

  it("about 230 words a minute for spaced scripts", () => {
    expect(textStats(words(2300)).readingTimeMinutes).toBe(10);
    const five = textStats(words(1150)).readingTimeMinutes;
    expect(five).toBe(5);
  });

  it("grows with length", () => {
    expect(textStats(words(4600)).readingTimeMinutes).toBeGreaterThan(
      textStats(words(2300)).readingTimeMinutes,
    );
  });

  it("CJK is read by characters (about 500 a minute)", () => {
    const sentence = "図書館は今日から開館した"; // 12 characters
    const text = Array(420).fill(`${sentence}。`).join("\n"); // ~5,000 characters
    const { readingTimeMinutes } = textStats(text);
    expect(readingTimeMinutes).toBeGreaterThanOrEqual(8);
    expect(readingTimeMinutes).toBeLessThanOrEqual(12);
  });

  it("mixed text adds both rates", () => {
    const english = words(1150); // 5 minutes
    const japanese = Array(210).fill("図書館は今日から開館した。").join("\n"); // ~2,500 characters, 5 minutes
    const t = textStats(`${english}\n\n${japanese}`).readingTimeMinutes;
    expect(t).toBeGreaterThanOrEqual(9);
    expect(t).toBeLessThanOrEqual(11);
  });
});
