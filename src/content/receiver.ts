/**
 * What both content scripts share: the live page's visibility test, and the handler they
 * leave in the extension's isolated world for the build's wrapper to call once and take off
 * (see platform/content-scripts.ts). The core works on
 * a clone; the live page is only read (computed styles for visibility).
 */
import type { ExtractOptions, ExtractResult } from "../core/types.ts";
import { dispatch, type ExtractReply, type Handlers } from "../platform/messages.ts";

/** Whether an element of the live page is rendered (display, visibility, content-visibility). */
export function isVisible(element: Element): boolean {
  if (typeof element.checkVisibility === "function") {
    return element.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: false });
  }
  const style = getComputedStyle(element);
  return style.display !== "none" && style.visibility !== "hidden";
}

/** The `extract` handler over one of the core's readings. */
export function extractHandler(
  read: (doc: Document, options: ExtractOptions) => ExtractResult,
  finish: (result: ExtractResult) => ExtractReply = (result) => result,
): Handlers<"extract"> {
  return {
    extract: ({ force, markdown = false }): ExtractReply => {
      try {
        return finish(read(document, { url: location.href, force, markdown, sanitize: markdown, isVisible }));
      } catch (error) {
        return { ok: false, error: { kind: "exception", message: String(error) } };
      }
    },
  };
}

/**
 * Leaves the handler under `name` (platform/content-scripts.ts). Scripts are injected at once,
 * not at the page's idle: a request that comes while the page is still being parsed waits for
 * the parsed document.
 */
export function publish(name: string, handlers: Handlers<"extract">): void {
  const receive = (message: unknown) =>
    dispatch(handlers, message) ?? {
      ok: false,
      error: { kind: "exception", message: "Folio's page script got a message it does not know." },
    };
  (globalThis as unknown as Record<string, unknown>)[name] = (message: unknown) =>
    document.readyState === "loading"
      ? new Promise((answer) =>
          document.addEventListener("DOMContentLoaded", () => answer(receive(message)), { once: true }),
        )
      : receive(message);
}
