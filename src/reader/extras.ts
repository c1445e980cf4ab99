/**
 * What the reader tab adds to the shared article view once an article is on screen: reading
 * progress and time left, the place in a saved article remembered, and Print.
 */
import type Browser from "webextension-polyfill";
import type { Article } from "../core/types.ts";
import type { RenderedArticle } from "../ui/article-view.ts";
import { rememberPosition } from "../ui/position.ts";
import { setUpPrint } from "../ui/print.ts";
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
    const undo: (() => void)[] = [];
    if (bar) {
      const progress = trackProgress(bar, rendered.element, article);
      undo.push(progress.dispose);
      if (saved !== null && body) undo.push(rememberPosition(storage, saved, body, bar, rendered.complete));
    }
    if (printButton) undo.push(setUpPrint(printButton, rendered.element, article));
    return () => {
      for (const step of undo) step();
    };
  };
}
