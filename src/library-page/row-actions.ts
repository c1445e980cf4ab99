/**
 * The buttons on a row: download the article as Markdown or as an HTML file (with its images
 * kept offline in it, as `data:` URLs), or delete it.
 * Handled once on the list, not per row (organising.ts handles tags, state and favourite).
 */
import { imageDataUrl } from "../library/image-data.ts";
import { imageBlobs } from "../library/image-store.ts";
import type { SavedArticle } from "../library/schema.ts";
import { downloadText } from "./download.ts";
import { busy, type LibraryPage } from "./page.ts";
import type { RowAction } from "./rows.ts";

export function rowActions(page: LibraryPage, remove: (urls: string[]) => Promise<void>): void {
  const { doc, ui, library, locale } = page;

  const getArticle = async (url: string): Promise<SavedArticle | null> => {
    const read = await library.get(url);
    if (!read.ok) {
      page.alert(read.error.message);
      return null;
    }
    if (!read.article) page.alert("This article is no longer in your library.");
    return read.article;
  };

  const act = async (action: RowAction, url: string, button: HTMLButtonElement) => {
    if (action === "delete") {
      await busy(page, button, () => remove([url]));
      return;
    }
    await busy(page, button, async () => {
      const article = await getArticle(url);
      if (!article) return;
      if (action === "markdown") {
        const { markdownFile } = await import("../library/export/markdown.ts");
        const file = markdownFile(article);
        // The reader's highlights and notes follow the article, as quotes with their notes.
        const notes = await (await page.annotations()).forArticle(article.url).catch(() => []);
        const { annotationsToMarkdown } = await import("../library/annotations-markdown.ts");
        const text = notes.length
          ? `${file.text.trimEnd()}\n\n${annotationsToMarkdown(article.title, article.url, notes)}`
          : file.text;
        downloadText(doc, text, file.name, "text/markdown;charset=utf-8");
      } else {
        const { htmlFile } = await import("../library/export/html.ts");
        const images = new Map<string, string>();
        const db = await page.images();
        if (db) {
          for (const [address, blob] of await imageBlobs(db, article.url)) {
            images.set(address, await imageDataUrl(blob));
          }
        }
        const file = htmlFile(article, page.win, { locale, images });
        downloadText(doc, file.text, file.name, "text/html;charset=utf-8");
      }
    });
  };

  ui.list.addEventListener("click", (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>("button[data-action]");
    const url = button?.closest<HTMLElement>(".lib-row")?.dataset.url;
    const action = button?.dataset.action as RowAction | undefined;
    if (!button || !url || (action !== "markdown" && action !== "html" && action !== "delete")) return;
    void act(action, url, button);
  });
}
