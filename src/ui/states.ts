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
