/** Author-name cleaning: prefixes, trailing dates, splitting, URLs, dedupe. */
import { describe, expect, it } from "vitest";
import { cleanAuthors } from "../../../src/core/metadata/authors.ts";

describe("cleanAuthors", () => {
  it.each([
    ["By X and Y", ["By Jane Doe and John Roe"], ["Jane Doe", "John Roe"]],
    ["A, B & C", ["Ann Lee, Bo Park & Cy Young"], ["Ann Lee", "Bo Park", "Cy Young"]],
    ["French prefix", ["Par Sébastien Farcis"], ["Sébastien Farcis"]],
    ["German prefix", ["Von Max Mustermann"], ["Max Mustermann"]],
    ["Spanish prefix", ["Por Ana García"], ["Ana García"]],
    ["Italian prefix", ["di Marco Rossi"], ["Marco Rossi"]],
    ["By: with colon", ["By: JOE WEE"], ["JOE WEE"]],
    ["trailing | Updated", ["By Jane Doe | Updated 3 hours ago"], ["Jane Doe"]],
    ["trailing date on the next line", ["By Nathan Willis\n      March 25, 2015"], ["Nathan Willis"]],
    ["date glued to the name", ["by Lucas Nolan22 Dec 2016651"], ["Lucas Nolan"]],
    ["editor credit dropped", ["Written by Rob Ewaschuk\n   Edited by Betsy Beyer"], ["Rob Ewaschuk"]],
    [
      "credential and affiliation dropped",
      ["By Brenda  Goodman, MA\n   WebMD Health News"],
      ["Brenda Goodman"],
    ],
    [
      "co-authors in parentheses",
      ["Martin Untersinger (avec Damien Leloup et Morgane Tual)"],
      ["Martin Untersinger", "Damien Leloup", "Morgane Tual"],
    ],
    ["URL after the name", ["Bradley M. Kuhn (http://ebb.org/bkuhn/)"], ["Bradley M. Kuhn"]],
    ["social handle after the name", ["by Ahiza Garcia @ahiza_garcia February 1, 2016"], ["Ahiza Garcia"]],
    ["job title after a comma", ["By John Smith, Staff Writer"], ["John Smith"]],
    [
      "long affiliation after the name",
      ["By Daniel Kahn Gillmor, Senior Staff Technologist, ACLU Speech, Privacy, and Technology Project"],
      ["Daniel Kahn Gillmor"],
    ],
    ["Chinese author label", ["作者：肖春芳"], ["肖春芳"]],
    ["case-insensitive dedupe keeps the first spelling", ["Jane Doe", "JANE DOE", "jane doe"], ["Jane Doe"]],
    ["dedupe across values", ["By Jane Doe", "Jane Doe and John Roe"], ["Jane Doe", "John Roe"]],
  ])("%s", (_name, input, expected) => {
    expect(cleanAuthors(input)).toEqual(expected);
  });

  it.each([
    ["facebook profile", "https://www.facebook.com/someone"],
    ["bare host path", "www.facebook.com/someone"],
    ["twitter handle", "@someone"],
    ["email", "desk@example.com"],
    ["a date", "April 28, 2019"],
    ["a date with update note", "April 28, 2019 at 6:01 am Updated April 29, 2019 at 3:33 pm"],
    ["Last updated", "Last Updated: January 7, 2025"],
    ["UI text", "Follow Author"],
    ["very long text", `By ${"word ".repeat(30)}`],
    ["only a prefix", "By"],
    ["only a CJK label", "作者："],
  ])("drops what is not a name: %s", (_name, input) => {
    expect(cleanAuthors([input])).toEqual([]);
  });

  it("does not split names that only look like lists", () => {
    expect(cleanAuthors(["Mac & i"])).toEqual(["Mac & i"]);
    expect(cleanAuthors(["Barnes & Noble"])).toEqual(["Barnes & Noble"]);
    expect(cleanAuthors(["Von der Leyen"])).toEqual(["Von der Leyen"]);
    expect(cleanAuthors(["Byron Smith", "Avery Jones"])).toEqual(["Byron Smith", "Avery Jones"]);
  });

  it('keeps "Last, First" whole when the source uses that convention', () => {
    expect(cleanAuthors(["Jong, Michiel de"], { lastFirst: true })).toEqual(["Jong, Michiel de"]);
    expect(cleanAuthors(["Kooman, F.", "Jong, Michiel de"], { lastFirst: true })).toEqual([
      "Kooman, F.",
      "Jong, Michiel de",
    ]);
  });

  it("keeps a generational suffix with its name", () => {
    expect(cleanAuthors(["John Roe, Jr. and Jane Doe"])).toEqual(["John Roe Jr.", "Jane Doe"]);
  });

  it("keeps CJK names whole", () => {
    expect(cleanAuthors(["青网校园崔宁宁"])).toEqual(["青网校园崔宁宁"]);
  });
});

describe("cleanAuthors: an author link's own words", () => {
  it.each([
    ["Von: Wolfgang Schmale", "Wolfgang Schmale"],
    ["Zeige alle Beiträge von Simon Dückert →", "Simon Dückert"],
    ["View all posts by Jane Roe", "Jane Roe"],
    ["Von der Leyen", "Von der Leyen"],
  ])("%j is %j", (raw, name) => {
    expect(cleanAuthors([raw])).toEqual([name]);
  });
});

describe("cleanAuthors: what bylines hold beside names (issue 10)", () => {
  it.each([
    ["the site after the name", ["Rob Roe, Example News"], ["Rob Roe"]],
    ["the site after two names", ["Ann Lee and Bo Park, Example News"], ["Ann Lee", "Bo Park"]],
  ])("%s", (_name, input, expected) => {
    expect(cleanAuthors(input, { siteNames: ["Example News"] })).toEqual(expected);
  });

  it("keeps a one-word second part that is not the site", () => {
    expect(cleanAuthors(["Rob Roe, Reuters"], { siteNames: ["Example News"] })).toEqual(["Rob Roe, Reuters"]);
  });

  it.each([
    ["a German verb before 'von'", "Text von Jane Roe Illustration von John Doe", ["Jane Roe"]],
    [
      "a CMS's submitted line with its date",
      "Gespeichert von Jane Roe am 24. Juli 2017 - 18:55",
      ["Jane Roe"],
    ],
    ["an author box's heading", "Über Jane Roe", ["Jane Roe"]],
    ["an author box's heading in English", "About Jane Roe", ["Jane Roe"]],
    ["the author link's neighbour", "Jane Roe Alle Artikel", ["Jane Roe"]],
    ["the author link's neighbour in English", "Jane Roe View all posts", ["Jane Roe"]],
  ])("cuts %s", (_name, input, expected) => {
    expect(cleanAuthors([input])).toEqual(expected);
  });

  it.each([
    ["a comment form's label", "Name (required)"],
    ["a comment form's starred label", "Name *"],
    ["a link's label", "Alle Beiträge"],
    ["a wiki's collective credit", "Contributors to Wikimedia projects"],
  ])("drops %s", (_name, input) => {
    expect(cleanAuthors([input])).toEqual([]);
  });
});
