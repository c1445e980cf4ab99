// @vitest-environment jsdom
/**
 * The content scripts' `extract` receivers: the popup's (`page`) skips the Markdown and the
 * sanitizer (the popup sanitizes each block as it shows it) and carries neither library; the
 * background's (`markdown`, the context menu's save, whose service worker cannot run turndown)
 * gives the sanitized article with its Markdown as a plain string, not as the core's lazy getter.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { CONTENT_SCRIPTS, type ExtractReply } from "../../src/platform/messages.ts";

type Receive = (message: unknown) => ExtractReply;
let receive: Receive;
let receiveMarkdown: Receive;

beforeAll(async () => {
  const html = readFileSync(join(import.meta.dirname, "..", "fixtures", "pages", "german-news.html"), "utf8");
  document.open();
  document.write(html);
  document.close();
  await import("../../src/content/extract.ts");
  await import("../../src/content/extract-markdown.ts");
  const published = globalThis as unknown as Record<string, Receive>;
  receive = published[CONTENT_SCRIPTS.page.global]!;
  receiveMarkdown = published[CONTENT_SCRIPTS.markdown.global]!;
});

describe("content script extract", () => {
  it("skips the Markdown by default", () => {
    const reply = receive({ type: "extract", force: false });
    expect(reply.ok).toBe(true);
    expect(reply.ok && reply.article.markdown).toBeNull();
  });

  it("returns the Markdown as a plain field when asked", () => {
    expect(receive({ type: "extract", force: false, markdown: true })).toMatchObject({ ok: false });
    const reply = receiveMarkdown({ type: "extract", force: false, markdown: true });
    if (!reply.ok) throw new Error(JSON.stringify(reply));
    const field = Object.getOwnPropertyDescriptor(reply.article, "markdown");
    expect(field?.get).toBeUndefined();
    expect(field?.value).toMatch(/^---\ntitle: "Aus dem Parkhaus wird ein Wohnhaus"/);
    expect(JSON.parse(JSON.stringify(reply.article)).markdown).toBe(field?.value);
  });

  it("leaves sanitizing to the page that shows it; the finished article (with Markdown) comes sanitized", () => {
    const shown = receive({ type: "extract", force: false });
    const finished = receiveMarkdown({ type: "extract", force: false, markdown: true });
    if (!shown.ok || !finished.ok) throw new Error("no article");
    expect(shown.article.content).toMatch(/ class="/);
    expect(finished.article.content).not.toMatch(/ class="/);
    expect(shown.article.textContent).toBe(finished.article.textContent);
  });

  it("gives the same reading from either script without Markdown", () => {
    const page = receive({ type: "extract", force: false });
    const other = receiveMarkdown({ type: "extract", force: false });
    if (!page.ok || !other.ok) throw new Error("no article");
    expect(other.article).toEqual(page.article);
  });

  it("answers an unknown message with a failure, not silence", () => {
    expect(receive({ type: "nonsense" })).toMatchObject({ ok: false, error: { kind: "exception" } });
  });
});
