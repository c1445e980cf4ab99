/**
 * Reading a fetched page with the core, as Folio reads an open tab: the HTML parsed by the
 * browser's `DOMParser` into an inert document (its scripts never run, nothing loads), then
 * `extractArticle`, which sanitizes the article (core/sanitize.ts) and makes its Markdown. It
 * needs a DOM: Chrome's background has none, so this runs in the host page (src/offscreen/).
 */
import { extractArticle } from "../../core/extract.ts";
import type { ReadPage } from "./runner.ts";

export function readPage(
  html: string,
  url: string,
  parse: (html: string) => Document,
  win: Window,
): ReadPage {
  let doc: Document;
  try {
    doc = parse(html);
  } catch {
    return { ok: false, reason: "its HTML could not be parsed" };
  }
  const read = extractArticle(doc, { url, markdown: true, window: win });
  if (!read.ok) {
    return {
      ok: false,
      reason:
        read.error.kind === "not-article"
          ? "Folio found no article on it (it stays a link: open it to read it)"
          : read.error.message,
    };
  }
  try {
    const markdown = read.article.markdown ?? "";
    return { ok: true, article: { ...read.article, markdown } };
  } catch {
    return { ok: false, reason: "its Markdown could not be made" };
  }
}
