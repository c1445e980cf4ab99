/** The shared set-up of the pass tests: a page whose `#root` holds the markup, and a fresh context. */
import { newMemo } from "../../../src/core/passes/memo.ts";
import type { PassContext } from "../../../src/core/passes/context.ts";
import { parseDocument } from "../../../src/node/jsdom.ts";

export function passSetup(
  html: string,
  ctxFields: Partial<PassContext> = {},
  url = "https://news.example/story",
) {
  const page = parseDocument(`<!DOCTYPE html><html><body><div id="root">${html}</div></body></html>`, url);
  const doc = page.document;
  const root = doc.getElementById("root")!;
  const ctx: PassContext = {
    ...newMemo(),
    doc,
    title: "",
    subtitle: null,
    authors: [],
    removed: [],
    ...ctxFields,
  };
  const text = () => root.textContent!.replace(/\s+/g, " ").trim();
  return { doc, root, ctx, text };
}
