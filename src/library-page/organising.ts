/**
 * Organising from a row: favourite (★), Mark read / unread, Archive / Unarchive, Tag… (a small
 * field in the row: comma-separated names, Enter adds them, Escape leaves) and a tag's own
 * button, which removes it. Each change is one write (library/organise.ts) of the article, its
 * summary and its search words; the index, the row and the tag filter follow, and other open
 * library pages are told.
 */
import { editTags, organise, type ReaderChange } from "../library/organise.ts";
import type { ArticleSummary } from "../library/summary.ts";
import type { Listing } from "./listing.ts";
import { busy, type LibraryPage } from "./page.ts";
import type { RowAction } from "./rows.ts";
import type { Search } from "./search-index.ts";

export function organising(page: LibraryPage, list: Listing, search: Search): void {
  const { doc, ui, state, cache, library } = page;

  const apply = async (url: string, change: ReaderChange) => {
    const done = await organise(library, url, change);
    if (!done.ok) {
      page.alert(done.error.message);
      return;
    }
    // The search worker then fills the tag filter again (search-index.ts).
    search.changed([done.entry]);
    cache.remember([done.summary]);
    await list.show(state.rendered);
  };

  const summaryOf = async (url: string): Promise<ArticleSummary | null> => {
    const got = await cache.of([url]);
    if (!got.ok) {
      page.alert(got.error.message);
      return null;
    }
    return got.items[0] ?? null;
  };

  const askTags = (button: HTMLButtonElement, summary: ArticleSummary) => {
    const field = doc.createElement("input");
    field.type = "text";
    field.className = "lib-tag-input";
    field.placeholder = "tag, another tag";
    field.setAttribute("aria-label", `Tags to add to “${summary.title}”`);
    button.hidden = true;
    button.after(field);
    field.focus();
    const close = () => {
      field.remove();
      button.hidden = false;
    };
    field.addEventListener("keydown", (event) => {
      if (event.key === "Escape") {
        close();
        button.focus();
      } else if (event.key === "Enter") {
        event.preventDefault();
        const tags = editTags(summary.tags ?? [], field.value);
        close();
        void busy(page, button, () => apply(summary.url, { tags }));
      }
    });
    field.addEventListener("blur", () => setTimeout(close, 0), { once: true });
  };

  const act = async (action: RowAction, url: string, button: HTMLButtonElement) => {
    const summary = await summaryOf(url);
    if (!summary) return;
    const now = summary.state ?? "unread";
    switch (action) {
      case "favourite":
        return apply(url, { favourite: !summary.favourite });
      case "read":
        return apply(url, { state: now === "read" ? "unread" : "read" });
      case "archive":
        return apply(url, { state: now === "archived" ? "unread" : "archived" });
      case "untag":
        return apply(url, { tags: editTags(summary.tags ?? [], "", [button.dataset.tag ?? ""]) });
      case "tag":
        askTags(button, summary);
        return;
    }
  };

  ui.list.addEventListener("click", (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>("button[data-action]");
    const url = button?.closest<HTMLElement>(".lib-row")?.dataset.url;
    const action = button?.dataset.action as RowAction | undefined;
    if (!button || !url || !action || !["favourite", "read", "archive", "tag", "untag"].includes(action))
      return;
    if (action === "tag") void act(action, url, button);
    else void busy(page, button, () => act(action, url, button));
  });
}
