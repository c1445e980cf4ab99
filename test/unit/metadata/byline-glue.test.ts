/** Bylines whose parts ran together (issue 10): the seams put back before cleaning. */
import { describe, expect, it } from "vitest";
import { cleanAuthors } from "../../../src/core/metadata/authors.ts";
import { onceIfRepeated, unglue } from "../../../src/core/metadata/byline-glue.ts";

describe("unglue", () => {
  it.each([
    ["the byline word glued to the name", "ByJane Doe", ["Jane Doe"]],
    ["a doubled byline word", "By By Jane Doe", ["Jane Doe"]],
    ["a job title run on after the name", "Jane DoeSenior Reporter", ["Jane Doe"]],
    ["an update line run on after the name", "Jane DoeUpdated 3 hours ago", ["Jane Doe"]],
    ["a social handle glued to the name", "Jane Doe@janedoe", ["Jane Doe"]],
    ["the name printed twice, glued", "Jane DoeJane Doe", ["Jane Doe"]],
    ["the name printed twice, spaced", "By Jane Doe Jane Doe", ["Jane Doe"]],
    ["the account's name on the line under the person's", "Jane\n   janedoe", ["Jane"]],
  ])("%s", (_name, raw, expected) => {
    expect(cleanAuthors([raw])).toEqual(expected);
  });

  it.each([
    ["a capital inside a name", "Ronald McDonald", ["Ronald McDonald"]],
    ["a particle's capital", "Anna DeVries and John MacKenzie", ["Anna DeVries", "John MacKenzie"]],
    ["an e-mail address is not a handle to cut", "jane@example.com", []],
    ["a user name alone is kept for the sources to judge", "By\njanedoe", ["janedoe"]],
    ["names joined across lines", "Jane Doe\nand\nJohn Roe", ["Jane Doe", "John Roe"]],
  ])("leaves alone: %s", (_name, raw, expected) => {
    expect(cleanAuthors([raw])).toEqual(expected);
  });

  it("says a repeated text once, and leaves a name that only starts like itself", () => {
    expect(onceIfRepeated("Ann LeeAnn Lee")).toBe("Ann Lee");
    expect(onceIfRepeated("Ann Lee Ann Lee")).toBe("Ann Lee");
    expect(onceIfRepeated("Ann Annan")).toBe("Ann Annan");
    expect(unglue("VonMax Mustermann")).toBe("Von Max Mustermann");
  });
});
