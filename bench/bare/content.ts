/**
 * Bench-only baseline content script: bare Readability on a clone of the page, nothing else.
 * Published like Folio's receiver so the popup uses the same two executeScript calls.
 */
import { Readability } from "@mozilla/readability";

(globalThis as unknown as Record<string, unknown>).__bareExtract = () => {
  const parsed = new Readability(document.cloneNode(true) as Document).parse();
  return parsed ? { title: parsed.title ?? "", content: parsed.content ?? "" } : null;
};
