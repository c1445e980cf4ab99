/**
 * The popup's and the reader tab's content script (platform/content-scripts.ts, `page`): the
 * page's reading, its HTML not yet sanitized and without Markdown. The popup and the reader tab
 * sanitize every block right before they show it, and the whole article before it leaves them:
 * the sanitizer, the costliest step on a long article, does not run here, and this script
 * carries neither DOMPurify nor turndown (the core's `extractUnsanitized` reaches neither).
 *
 * Built as an IIFE with no top-level bindings, wrapped by the build so that injecting it answers
 * one request and leaves nothing behind (see content-scripts.ts).
 */
import { extractUnsanitized } from "../core/extract.ts";
import { CONTENT_SCRIPTS } from "../platform/messages.ts";
import { extractHandler, publish } from "./receiver.ts";

publish(
  CONTENT_SCRIPTS.page.global,
  extractHandler((doc, { markdown, ...options }) =>
    markdown
      ? {
          ok: false,
          error: {
            kind: "error",
            message: "Folio's page script makes no Markdown: that is the markdown script's.",
          },
        }
      : extractUnsanitized(doc, options),
  ),
);
