/**
 * The views of the states other than `ready`: loading, not an article, restricted page, error.
 * Each has a plain message and, where there is something to do, one button.
 */
import type { Outcome } from "../platform/read-outcome.ts";

export interface StateAction {
  label: string;
  run: () => void;
}

export function renderLoading(container: HTMLElement): void {
  const doc = container.ownerDocument;
  const box = doc.createElement("div");
  box.className = "folio-state folio-loading";
  box.setAttribute("role", "status");
  const text = doc.createElement("p");
  text.textContent = "Reading the page…";
  box.append(text);
  for (const width of ["70%", "95%", "88%", "92%", "60%"]) {
    const line = doc.createElement("div");
    line.className = "folio-skeleton";
    line.style.width = width;
    box.append(line);
  }
  container.replaceChildren(box);
}

/** After this long, the loading view says the page is long (`renderLongLoading`). */
export const LONG_READING_MS = 1_000;

/** The loading view of a reading that takes more than a second: what Folio is doing. */
export function renderLongLoading(container: HTMLElement): void {
  const text = container.querySelector(".folio-loading p");
  if (!text) return;
  text.textContent = "Reading a long page…";
  const more = container.ownerDocument.createElement("p");
  more.className = "folio-loading-detail";
  more.textContent = "Folio is finding the article among everything else on it. This takes a few seconds.";
  text.after(more);
}

export function renderMessage(
  container: HTMLElement,
  outcome: Exclude<Outcome, { state: "ready" }>,
  action?: StateAction,
): HTMLButtonElement | null {
  const doc = container.ownerDocument;
  const box = doc.createElement("div");
  box.className = `folio-state folio-${outcome.state}`;
  box.setAttribute("role", outcome.state === "error" ? "alert" : "status");
  const title = doc.createElement("h1");
  title.className = "folio-state-title";
  title.textContent = outcome.title;
  const message = doc.createElement("p");
  message.textContent = outcome.message;
  box.append(title, message);
  let button: HTMLButtonElement | null = null;
  if (action) {
    button = doc.createElement("button");
    button.type = "button";
    button.className = "folio-button folio-primary";
    button.textContent = action.label;
    button.addEventListener("click", action.run);
    box.append(button);
  }
  container.replaceChildren(box);
  return button;
}
