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

function hasText(p: Element): boolean {
  return squash(p.textContent) !== "";
}

/** The people a byline line at the start or end of the reading `root` names; [] when none. */
export function storyByline(root: Element, siteNames: string[]): string[] {
  const all = root.getElementsByTagName("p");
  // The first and last few paragraphs with text, found from each end (not every one measured).
  const first: Element[] = [];
  for (let i = 0; i < all.length && first.length < LOOK_AT; i++) if (hasText(all[i]!)) first.push(all[i]!);
  const last: Element[] = [];
  for (let i = all.length - 1; i >= 0 && last.length < LOOK_AT && !first.includes(all[i]!); i--)
    if (hasText(all[i]!)) last.unshift(all[i]!);
  const ends = [...first, ...last];
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
