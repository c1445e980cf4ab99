/**
 * The background's content script (platform/content-scripts.ts, `markdown`): the finished
 * article, sanitized, with its Markdown, for the save from the context menu (a service worker
 * has no DOM for the sanitizer or turndown). A request without `markdown` gets the page's
 * reading as the popup's script gives it.
 *
 * Built as an IIFE with no top-level bindings, wrapped by the build so that injecting it answers
 * one request and leaves nothing behind (see content-scripts.ts).
 */
import { extractArticle } from "../core/extract.ts";
import { CONTENT_SCRIPTS } from "../platform/messages.ts";
import { extractHandler, publish } from "./receiver.ts";

publish(
  CONTENT_SCRIPTS.markdown.global,
  extractHandler(extractArticle, (result) =>
    // The core computes Markdown on first read (a getter): read it here, so the reply carries it
    // as plain data whatever the browser's serialisation does with accessors.
    result.ok && result.article.markdown !== null
      ? { ok: true, article: { ...result.article, markdown: result.article.markdown } }
      : result,
  ),
);
