/**
 * How far each article was read, on its row: "42% read" in the meta line and a thin bar along
 * the row's bottom, for the articles whose place the reader remembers (ui/position.ts: in
 * `storage.local`, the 300 most recent, on this device). Shown only: reading to the end does
 * not change the article's state (Mark read does). The places are read once when the page
 * opens, and again whenever a reader tab writes one, so an open library follows the reading.
 */
import type Browser from "webextension-polyfill";
import { el } from "../ui/elements.ts";
import { loadPositions, type Position, POSITIONS_KEY, validPositions } from "../ui/position.ts";
import type { RowHooks } from "./listing.ts";
import type { LibraryPage } from "./page.ts";

/** What a row says of `position`, or null when there is nothing to say. Pure. */
export function progressText(position: Position | undefined): { percent: number; text: string } | null {
  if (position?.progress === undefined) return null;
  const percent = Math.round(position.progress * 100);
  return { percent, text: `${percent}% read` };
}

export function readingProgress(page: LibraryPage, storage: Browser.Storage.Static): RowHooks {
  let positions: Record<string, Position> = {};

  const decorate = (row: HTMLElement) => {
    const url = row.dataset.url;
    const said = url && !row.classList.contains("lib-link") ? progressText(positions[url]) : null;
    let item = row.querySelector<HTMLElement>(".lib-progress");
    if (!said) {
      if (item) {
        if (item.previousSibling?.nodeType === Node.TEXT_NODE) item.previousSibling.remove(); // its " · "
        item.remove();
      }
      delete row.dataset.read;
      row.style.removeProperty("--read");
      return;
    }
    if (!item) {
      const reading = row.querySelector(".lib-reading");
      if (!reading) return;
      item = el(page.doc, "span", "lib-progress");
      reading.after(" · ", item);
    }
    item.textContent = said.text;
    row.dataset.read = String(said.percent);
    row.style.setProperty("--read", `${said.percent}%`);
  };

  const decorateAll = () => {
    for (const row of page.ui.list.children) decorate(row as HTMLElement);
  };

  void loadPositions(storage).then((all) => {
    positions = all;
    decorateAll();
  });
  storage.onChanged.addListener((changes, area) => {
    if (area !== "local" || !(POSITIONS_KEY in changes)) return;
    positions = validPositions(changes[POSITIONS_KEY].newValue);
    decorateAll();
  });

  return { shown: (row) => decorate(row) };
}
