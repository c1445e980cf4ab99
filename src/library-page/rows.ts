/**
 * One row of the library list, built with `textContent` only: the summary is data the library
 * stored from a web page (or an imported file), so none of it is ever parsed as HTML. The only
 * URL set is the reader's own page; the source link must be http(s).
 *
 *   [ ] SITE
 *       Headline (a link: opens the article in Folio's reader, from the library)
 *       14 Mar 2024 · 6 min read · saved 2 Dec 2026 · Original ↗
 *       The excerpt…
 *       [Markdown] [HTML] [Delete]
 *
 * The row's buttons carry `data-action`; the page handles their clicks once, on the list.
 */
import type { ArticleSummary } from "../library/summary.ts";
import { el, originalLink } from "../ui/elements.ts";
import { metaParts } from "./text.ts";

export type RowAction = "markdown" | "html" | "delete";

export interface RowOptions {
  locale?: string;
  selected: boolean;
  /** The reader page's URL for a saved article. */
  readerUrl: (url: string) => string;
}

let rowCount = 0;

export function renderRow(doc: Document, summary: ArticleSummary, options: RowOptions): HTMLLIElement {
  const n = ++rowCount;
  const titleId = `lib-title-${n}`;
  const row = el(doc, "li", "lib-row");
  row.dataset.url = summary.url;

  const check = el(doc, "input", "lib-check");
  check.type = "checkbox";
  check.checked = options.selected;
  check.setAttribute("aria-labelledby", titleId);
  check.title = "Select";

  const body = el(doc, "div", "lib-row-body");
  const langDir = (node: HTMLElement) => {
    if (summary.lang) node.lang = summary.lang;
    node.dir = summary.dir ?? "auto";
  };

  if (summary.site) body.append(el(doc, "p", "lib-site", summary.site));

  const heading = el(doc, "h2", "lib-title");
  const link = el(doc, "a", "lib-open", summary.title || "Untitled");
  link.id = titleId;
  link.href = options.readerUrl(summary.url);
  link.target = "_blank";
  link.rel = "noopener";
  langDir(heading);
  heading.append(link);
  body.append(heading);

  const parts = metaParts(summary, options.locale);
  const meta = el(doc, "p", "lib-meta");
  const items: HTMLElement[] = [];
  if (parts.published && summary.publishedTime) {
    const time = el(doc, "time", "lib-published", parts.published);
    time.dateTime = summary.publishedTime;
    items.push(time);
  }
  items.push(el(doc, "span", "lib-reading", parts.reading));
  const saved = el(doc, "time", "lib-saved", parts.saved);
  saved.dateTime = new Date(summary.savedAt).toISOString();
  items.push(saved);
  const original = originalLink(doc, summary.url, "lib-original");
  if (original) items.push(original);
  items.forEach((item, i) => {
    if (i > 0) meta.append(el(doc, "span", "lib-sep", " · "));
    meta.append(item);
  });
  body.append(meta);

  if (summary.excerpt) {
    const excerpt = el(doc, "p", "lib-excerpt", summary.excerpt);
    langDir(excerpt);
    body.append(excerpt);
  }

  const actions = el(doc, "div", "lib-actions");
  const button = (action: RowAction, label: string, hint: string) => {
    const b = el(doc, "button", `folio-button lib-${action}`, label);
    b.type = "button";
    b.dataset.action = action;
    b.title = hint;
    b.setAttribute("aria-describedby", titleId);
    actions.append(b);
  };
  button("markdown", "Markdown", "Download as a Markdown file (.md)");
  button("html", "HTML", "Download as a standalone web page (.html)");
  button("delete", "Delete", "Delete from the library (you can undo)");
  body.append(actions);

  row.append(check, body);
  return row;
}
