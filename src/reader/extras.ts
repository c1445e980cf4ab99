/**
 * What the reader tab adds to the shared article view once an article is on screen: reading
 * progress and time left, the place in a saved article remembered, Print, Listen (read
 * aloud), and a saved article's highlights and notes.
 */
import type Browser from "webextension-polyfill";
import type { Article } from "../core/types.ts";
import { setUpAnnotations } from "../ui/annotate.ts";
import type { RenderedArticle } from "../ui/article-view.ts";
import { rememberPosition } from "../ui/position.ts";
import { setUpPrint } from "../ui/print.ts";
import { setUpReadAloud } from "../ui/read-aloud.ts";
import { trackProgress } from "../ui/progress.ts";

/**
 * The reader's `onReady`: `saved` is the library URL the article was opened from (its place is
 * remembered), or null.
 */
export function readerExtras(
  storage: Browser.Storage.Static,
  saved: string | null,
  doc: Document = document,
) {
  return (article: Article, rendered: RenderedArticle): (() => void) => {
    const bar = doc.querySelector<HTMLElement>(".folio-bar");
    const body = rendered.element.querySelector<HTMLElement>(".folio-body");
    const printButton = doc.getElementById("folio-print") as HTMLButtonElement | null;
    const listenButton = doc.getElementById("folio-listen") as HTMLButtonElement | null;
    const notesButton = doc.getElementById("folio-notes") as HTMLButtonElement | null;
    const undo: (() => void)[] = [];
    if (bar) {
      const progress = trackProgress(bar, rendered.element, article);
      undo.push(progress.dispose);
      if (saved !== null && body) undo.push(rememberPosition(storage, saved, body, bar, rendered.complete));
    }
    if (printButton) undo.push(setUpPrint(printButton, rendered.element, article));
    // Highlights and notes belong to saved articles (they are kept with the library).
    if (notesButton && saved !== null)
      undo.push(setUpAnnotations(notesButton, rendered.element, article, saved, rendered.complete));
    if (listenButton)
      undo.push(setUpReadAloud(listenButton, rendered.element, article, rendered.complete, storage));
    return () => {
      for (const step of undo) step();
    };
  };
}
