/**
 * Injected on demand (never declared in the manifest) by `scripting.executeScript` after the
 * user asked: toolbar click, shortcut or context menu. It publishes a receiver for the `extract`
 * message in the extension's isolated world; a second `executeScript` call sends the message
 * and gets the structured result back (see `sendToTab` in ../messages.ts).
 *
 * The core works on a clone; the live page is only read (computed styles for visibility).
 * Built as an IIFE with no top-level bindings, so injecting it again on the next open is safe.
 */
import { extractArticle } from "../core/extract.ts";
import { CONTENT_RECEIVER, dispatch, type ExtractReply, type Handlers } from "../platform/messages.ts";

/** Whether an element of the live page is rendered (display, visibility, content-visibility). */
function isVisible(element: Element): boolean {
  if (typeof element.checkVisibility === "function") {
    return element.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: false });
  }
  const style = getComputedStyle(element);
  return style.display !== "none" && style.visibility !== "hidden";
}

const handlers: Handlers<"extract"> = {
  extract: ({ force, markdown = false }): ExtractReply => {
    try {
      // The popup and the reader tab sanitize every block right before they show it, and the
      // whole article before it leaves them: the sanitizer, the costliest step on a long
      // article, does not run here for them. A request with Markdown (the background saving
      // from the context menu, which has no DOM) gets the finished article.
      const result = extractArticle(document, {
        url: location.href,
        force,
        markdown,
        sanitize: markdown,
        isVisible,
      });
      // The core computes Markdown on first read (a getter): read it here, so the reply carries
      // it as plain data whatever the browser's serialisation does with accessors.
      if (markdown && result.ok)
        return { ok: true, article: { ...result.article, markdown: result.article.markdown } };
      return result;
    } catch (error) {
      return { ok: false, error: { kind: "exception", message: String(error) } };
    }
  },
};

(globalThis as unknown as Record<string, unknown>)[CONTENT_RECEIVER] = (message: unknown) =>
  dispatch(handlers, message) ?? {
    ok: false,
    error: { kind: "exception", message: "Folio's page script got a message it does not know." },
  };
