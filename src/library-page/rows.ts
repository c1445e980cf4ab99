/**
 * One row of the library list, compact (about 60 px: ten and more on a 900 px window), built
 * with `textContent` only: the summary is data the library stored from a web page (or an
 * imported file), so none of it is ever parsed as HTML. The only URLs set are the reader's own
 * page and http(s) addresses (the original, the thumbnail).
 *
 *   [ ] [thumb]  Headline (opens the article in Folio's reader; a link to read opens the page) #tag
 *                SITE · 14 Mar 2024 · 6 min read · saved 2 Dec 2026 · Original ↗
 *                The excerpt, one line…  [★] [Mark read] [Archive] [Tag…] [Markdown] [HTML] [Delete]
 *   (a link to read has [Fetch] instead of [Markdown] [HTML]: library-page/fetching.ts)
 *
 * The buttons end the excerpt's line (the meta line's, when there is no excerpt) and show while
 * the pointer or the focus is on the row; then that line is cut short (with an ellipsis) before
 * them, never under them. They are made then, not with the row (`addRowButtons`). The
 * thumbnail's address waits in `data-src`: thumbnails.ts shows the kept copy of the image, or
 * the web one, when the row comes near the window.
 *
 * The row's buttons carry `data-action`; the page handles their clicks once, on the list.
 */
import { safeHttpUrl } from "../library/format.ts";
import type { ArticleSummary } from "../library/summary.ts";
import { el, originalLink } from "../ui/elements.ts";
import { metaParts } from "./text.ts";

export type RowAction =
  | "markdown"
  | "html"
  | "delete"
  | "favourite"
  | "read"
  | "archive"
  | "tag"
  | "untag"
  | "fetch";

export interface RowOptions {
  locale?: string;
  selected: boolean;
  /** The reader page's URL for a saved article. */
  readerUrl: (url: string) => string;
}

let rowCount = 0;

function thumbnail(doc: Document, summary: ArticleSummary): HTMLElement {
  const src = safeHttpUrl(summary.leadImageUrl);
  if (!src) return el(doc, "span", "lib-thumb lib-thumb-none");
  const img = el(doc, "img", "lib-thumb");
  img.alt = "";
  img.loading = "lazy";
  img.decoding = "async";
  img.referrerPolicy = "no-referrer";
  img.width = 48;
  img.height = 48;
  img.addEventListener("error", () => img.classList.add("lib-thumb-none"), { once: true });
  img.dataset.src = src;
  return img;
}

export function renderRow(doc: Document, summary: ArticleSummary, options: RowOptions): HTMLLIElement {
  const n = ++rowCount;
  const titleId = `lib-title-${n}`;
  const state = summary.state ?? "unread";
  const row = el(doc, "li", `lib-row lib-state-${state}${summary.linkOnly ? " lib-link" : ""}`);
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

  const heading = el(doc, "h2", "lib-title");
  const link = el(doc, "a", "lib-open", summary.title || "Untitled");
  link.id = titleId;
  if (summary.linkOnly) {
    // Not read yet: there is nothing in the library to show, so the page itself opens.
    link.href = safeHttpUrl(summary.url) ?? "about:blank";
    link.rel = "noopener noreferrer";
    link.title = `${summary.url} (a link to read: opens the page)`;
  } else {
    link.href = options.readerUrl(summary.url);
    link.rel = "noopener";
  }
  link.target = "_blank";
  langDir(heading);
  heading.append(link);
  // The headline's line: the headline (cut short with an ellipsis when long) and the tags,
  // each a button that removes it, never cut.
  const head = el(doc, "div", "lib-head");
  head.append(heading);
  if (summary.tags?.length) {
    const tags = el(doc, "span", "lib-tags");
    for (const tag of summary.tags) {
      const chip = el(doc, "button", "lib-chip", tag);
      chip.type = "button";
      chip.dataset.action = "untag";
      chip.dataset.tag = tag;
      chip.title = `Remove the tag “${tag}”`;
      chip.setAttribute("aria-label", `Remove tag ${tag}`);
      tags.append(chip);
    }
    head.append(tags);
  }
  body.append(head);

  const parts = metaParts(summary, options.locale);
  const meta = el(doc, "p", "lib-meta");
  const items: HTMLElement[] = [];
  if (summary.site) items.push(el(doc, "span", "lib-site", summary.site));
  if (parts.published && summary.publishedTime) {
    const time = el(doc, "time", "lib-published", parts.published);
    time.dateTime = summary.publishedTime;
    items.push(time);
  }
  items.push(
    summary.linkOnly
      ? el(doc, "span", "lib-badge", "Link to read")
      : el(doc, "span", "lib-reading", parts.reading),
  );
  if (state !== "unread") items.push(el(doc, "span", "lib-badge", state === "read" ? "Read" : "Archived"));
  const saved = el(doc, "time", "lib-saved", parts.saved);
  saved.dateTime = new Date(summary.savedAt).toISOString();
  items.push(saved);
  if (!summary.linkOnly) {
    const original = originalLink(doc, summary.url, "lib-original");
    if (original) items.push(original);
  }
  items.forEach((item, i) => {
    // A plain text node between the items: an element more per item would be styled too.
    if (i > 0) meta.append(" · ");
    meta.append(item);
  });

  // The last line: the excerpt (else the meta line), then the buttons (shown on hover or focus).
  const last = el(doc, "div", "lib-last");
  if (summary.excerpt) {
    const excerpt = el(doc, "p", "lib-excerpt", summary.excerpt);
    langDir(excerpt);
    body.append(meta);
    last.append(excerpt);
  } else {
    last.append(meta);
  }
  body.append(last);
  row.append(check, thumbnail(doc, summary), body);
  return row;
}

/**
 * The row's buttons, made the first time the pointer or the focus comes to the row
 * (listing.ts): they show only then, and a row without them is a third lighter to style and
 * lay out, which is most of what a keystroke that brings new rows costs. Made once per row.
 */
export function addRowButtons(doc: Document, row: HTMLLIElement, summary: ArticleSummary): void {
  const last = row.querySelector(".lib-last");
  if (!last || last.querySelector(".lib-actions")) return;
  const titleId = row.querySelector(".lib-open")?.id ?? "";
  const state = summary.state ?? "unread";
  const actions = el(doc, "div", "lib-actions");
  const button = (action: RowAction, label: string, hint: string, pressed?: boolean) => {
    const b = el(doc, "button", `folio-button lib-${action}`, label);
    b.type = "button";
    b.dataset.action = action;
    b.title = hint;
    if (titleId) b.setAttribute("aria-describedby", titleId);
    if (pressed !== undefined) b.setAttribute("aria-pressed", String(pressed));
    actions.append(b);
  };
  button("favourite", summary.favourite ? "★" : "☆", "Favourite", summary.favourite === true);
  actions.lastElementChild?.setAttribute("aria-label", "Favourite");
  button(
    "read",
    state === "read" ? "Mark unread" : "Mark read",
    state === "read" ? "Mark as not read yet" : "Mark as read",
  );
  button(
    "archive",
    state === "archived" ? "Unarchive" : "Archive",
    state === "archived" ? "Back to the reading list" : "Archive",
  );
  button("tag", "Tag…", "Add tags (separate them with commas)");
  if (summary.linkOnly) {
    button("fetch", "Fetch", "Fetch the page and keep it as a clean article (asks for access to websites)");
  } else {
    button("markdown", "Markdown", "Download as a Markdown file (.md)");
    button("html", "HTML", "Download as a standalone web page (.html)");
  }
  button("delete", "Delete", "Delete from the library (you can undo)");

  last.append(actions);
}
