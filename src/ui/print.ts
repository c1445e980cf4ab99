/**
 * Print (reader tab): the toolbar's Print button prints the article alone (the print rules in
 * folio.css hide the rest) with its header, images and a line naming where it came from.
 */
import type { Article } from "../core/types.ts";
import { safeHttpUrl } from "../library/format.ts";

/** Shows `button`, which prints; adds the printed source line to the article's header. */
export function setUpPrint(button: HTMLButtonElement, view: HTMLElement, article: Article): () => void {
  const doc = view.ownerDocument;
  const source = doc.createElement("p");
  source.className = "folio-print-source";
  const url = safeHttpUrl(article.url);
  if (url) {
    source.textContent = `Source: ${url}`;
    view.querySelector(".folio-header")?.append(source);
  }
  const print = () => doc.defaultView?.print();
  button.hidden = false;
  button.addEventListener("click", print);
  return () => {
    button.hidden = true;
    button.removeEventListener("click", print);
    source.remove();
  };
}
