/**
 * The byline a story prints in its own text, for pages whose markup, header and Readability
 * name no person: "Text von Christian Seiler" in italics under the standfirst, "von Daniela
 * Obers" over the first paragraph, "Text: Jane Roe" closing the story. Small sites' editors
 * type the byline into the story itself, where the header's readers (metadata/byline.ts) do not
 * look. Only the lines of the reading's first and last few paragraphs are looked at; a line
 * must open with a byline word and hold nothing long (metadata/byline.ts), and the names must
 * be written as names are (capitalised words), so "Von Berlin aus fuhr er..." is not taken.
 * The names become the article's authors, and the headline pass then takes the line out of
 * the body as a byline repeated there.
 */
import { cleanAuthors } from "./metadata/authors.ts";
import { writtenAsName } from "./metadata/author-sources.ts";
import { isBylineStart } from "./metadata/byline.ts";
import { visibleText } from "./metadata/text.ts";
import { squash } from "./whitespace.ts";

/** Paragraphs looked at, at each end of the reading. */
const LOOK_AT = 3;

/** The people a byline line at the start or end of the reading `root` names; [] when none. */
export function storyByline(root: Element, siteNames: string[]): string[] {
  const paragraphs = Array.from(root.getElementsByTagName("p")).filter((p) => squash(p.textContent) !== "");
  const ends =
    paragraphs.length > 2 * LOOK_AT
      ? [...paragraphs.slice(0, LOOK_AT), ...paragraphs.slice(-LOOK_AT)]
      : paragraphs;
  const sites = new Set(siteNames.map((s) => s.toLowerCase()));
  for (const p of ends) {
    for (const raw of visibleText(p).split("\n")) {
      const line = squash(raw);
      if (!isBylineStart(line)) continue;
      const names = cleanAuthors([line], { siteNames }).filter(
        (name) => writtenAsName(name) && !sites.has(name.toLowerCase()),
      );
      if (names.length > 0) return names;
    }
  }
  return [];
}
