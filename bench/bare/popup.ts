/**
 * Bench-only baseline popup: inject, run bare Readability, sanitize its output with DOMPurify's
 * defaults, put it in the page. Marks "article-painted" after the next paint, as Folio does.
 */
import DOMPurify from "dompurify";

/** Chromium's promise-based extension API (this baseline only runs in Chromium). */
declare const chrome: import("webextension-polyfill").Browser;

const root = document.documentElement;
performance.mark("bare-load-start");
const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
const target = { tabId: tab.id as number };
await chrome.scripting.executeScript({ target, files: ["bench/bare/content.js"] });
performance.mark("bare-injected");
const [injection] = await chrome.scripting.executeScript({
  target,
  func: () => (globalThis as unknown as { __bareExtract?: () => unknown }).__bareExtract?.() ?? null,
});
const article = injection?.result as { title: string; content: string } | null;
performance.mark("bare-load-end");
if (article) {
  const h1 = document.createElement("h1");
  h1.textContent = article.title;
  const body = document.createElement("div");
  body.innerHTML = DOMPurify.sanitize(article.content);
  document.body.replaceChildren(h1, body);
  root.dataset.state = "ready";
  performance.mark("bare-rendered");
} else {
  document.body.textContent = "Not an article";
  root.dataset.state = "not-article";
}
let marked = false;
const mark = () => {
  if (!marked) {
    marked = true;
    performance.mark("article-painted");
  }
};
requestAnimationFrame(() => setTimeout(mark, 0));
setTimeout(mark, 50);
