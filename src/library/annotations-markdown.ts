/**
 * An article's highlights and notes as Markdown: each quote as a blockquote, its note under it.
 * The quotes are page text and the notes the reader's own: both stay text (escaped as the
 * article's Markdown is, src/core/markdown-escape.ts).
 */
import { escapeMarkdownLine, escapeMarkdownText, markdownDestination } from "../core/markdown-escape.ts";
import type { Annotation } from "./annotations.ts";

const lines = (text: string) => text.replace(/\r\n?/g, "\n").split("\n");

export function annotationsToMarkdown(
  title: string,
  url: string,
  annotations: readonly Annotation[],
): string {
  const out = [`## Highlights: ${escapeMarkdownLine(title)}`, ""];
  out.push(`[${escapeMarkdownText(url)}](${markdownDestination(url)})`, "");
  for (const a of annotations) {
    for (const line of lines(a.exact)) out.push(`> ${escapeMarkdownLine(line.trim())}`);
    out.push("");
    const note = a.note.trim();
    if (note) {
      for (const line of lines(note)) out.push(escapeMarkdownLine(line));
      out.push("");
    }
  }
  return `${out.join("\n").trimEnd()}\n`;
}
