/**
 * One saved article as a Markdown file: the article's Markdown as the core made it (YAML front
 * matter with title, author, site, source, published; the headline, standfirst, lead image and
 * body) with a `saved` date added to the front matter.
 *
 * The front matter is the core's (src/core/markdown.ts): its fields are not listed again here.
 * The stored Markdown is reused rather than converted again from HTML, which keeps a zip of
 * 10,000 articles to string work; `saved` goes in as the last field through the core's own
 * `frontMatter` escaping. A record whose Markdown has no front matter (an edited or foreign
 * backup) is converted again with the core's `toMarkdown(article, undefined, { saved })`.
 */
import { frontMatter, toMarkdown } from "../../core/markdown.ts";
import type { SavedArticle } from "../schema.ts";
import { articleFileName } from "./filename.ts";

/** The core's front matter block at the start of a Markdown document. */
const FRONT_MATTER_RE = /^---\n((?:[^\n]*\n)*?)---(?:\n|$)/;

/** The `saved` front matter line(s) for `savedAt` (ISO 8601, UTC), escaped by the core. */
function savedLines(savedAt: number): string {
  const block = frontMatter({ saved: new Date(savedAt).toISOString() });
  return block.slice("---\n".length, -"---".length);
}

/** The article as a Markdown document with `saved` in its front matter. */
export function articleMarkdown(article: SavedArticle): string {
  const match = FRONT_MATTER_RE.exec(article.markdown);
  if (!match) return toMarkdown(article, undefined, { saved: new Date(article.savedAt).toISOString() });
  const fields = match[1]!
    .split("\n")
    .filter((line) => line && !line.startsWith("saved:"))
    .map((line) => `${line}\n`)
    .join("");
  return `---\n${fields}${savedLines(article.savedAt)}---\n${article.markdown.slice(match[0].length)}`;
}

/** The article's Markdown file: name (`YYYY-MM-DD-headline.md`) and text. */
export function markdownFile(article: SavedArticle): { name: string; text: string } {
  return { name: articleFileName(article, "md"), text: articleMarkdown(article) };
}
