/**
 * The library's word on each article's images: a line under the row when some are not kept
 * offline ("2 images not kept offline: allow Folio to fetch images from other websites to keep
 * them."), with what can be done about it. Folio never asks for access to websites by itself:
 * the row's button asks (the browser's prompt, once granted for every site), right in the
 * click, as Firefox requires. Once allowed, the images are fetched here, for that article and
 * then for every other article whose images were left online for want of it, one article at
 * a time, with the progress on the page's info line. "Try again" fetches an article's missing
 * images again.
 *
 * The notes come from the images' status (library/image-store.ts), read once after the first
 * rows are painted and kept up to date from the images channel (the background keeping a new
 * save's images, a reader tab fetching them). Images no article holds any more are deleted
 * here: when the page opens, and when an Undo is no longer offered (deleting.ts).
 */
import {
  allStatus,
  announceImages,
  getStatus,
  type ImageStatus,
  sweepImages,
  watchImages,
} from "../library/image-store.ts";
import { IMAGE_ACTION_LABELS, type ImageAction, imageNote } from "../library/image-words.ts";
import { fetchFromHere, keepImages, missingImages } from "../library/keep-images.ts";
import { browser } from "../platform/extension.ts";
import { hasSiteAccess, requestSiteAccess } from "../platform/host-access.ts";
import { el } from "../ui/elements.ts";
import { articlesText } from "./text.ts";
import type { LibraryPage } from "./page.ts";

export interface ImageNotes {
  /** Reads every article's image status and shows the notes. */
  load(): Promise<void>;
}

export function imageNotes(page: LibraryPage): ImageNotes {
  const { doc, ui, library, locale } = page;
  const statuses = new Map<string, ImageStatus>();
  let access = false;
  let working = false;

  const rowsOf = (url: string) =>
    [...ui.list.children].filter((row): row is HTMLElement => (row as HTMLElement).dataset.url === url);

  const decorate = (row: HTMLElement) => {
    const url = row.dataset.url;
    if (!url || row.classList.contains("lib-link")) return;
    const note = imageNote(statuses.get(url), access);
    let box = row.querySelector<HTMLElement>(".lib-images");
    if (!note) {
      box?.remove();
      return;
    }
    const key = `${note.action ?? ""} ${note.text}`;
    if (box?.dataset.key === key) return;
    if (!box) {
      box = el(doc, "p", "lib-images");
      // Under the meta line (under the line it shares with the row's buttons, when it does).
      const meta = row.querySelector(".lib-meta");
      if (meta) (meta.closest(".lib-last") ?? meta).after(box);
      else row.querySelector(".lib-row-body")?.append(box);
    }
    box.dataset.key = key;
    // Short, so that the row's buttons, shown over its right end, never cover the note's.
    box.replaceChildren(el(doc, "span", undefined, note.brief));
    box.title = note.text;
    if (note.action) {
      const button = el(doc, "button", "lib-images-button", IMAGE_ACTION_LABELS[note.action]);
      button.type = "button";
      button.dataset.images = note.action;
      button.title = note.text;
      box.append(" ", button);
    }
  };
  const decorateAll = () => {
    for (const row of ui.list.children) decorate(row as HTMLElement);
  };
  const update = (status: ImageStatus | undefined, url: string) => {
    if (status) statuses.set(url, status);
    else statuses.delete(url);
    for (const row of rowsOf(url)) decorate(row);
  };

  // Rows come and go as the list is searched and scrolled: each new one gets its note.
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) if (node instanceof HTMLElement) decorate(node);
    }
  }).observe(ui.list, { childList: true });

  watchImages(async (urls) => {
    const db = await page.images();
    if (!db) return;
    for (const url of urls) update(await getStatus(db, url), url);
  });

  const accessChanged = async () => {
    access = await hasSiteAccess().catch(() => false);
    decorateAll();
  };
  browser.permissions.onAdded.addListener(() => void accessChanged());
  browser.permissions.onRemoved.addListener(() => void accessChanged());

  /** Fetches the missing images of `first`, then (with access) of every article that waited for it. */
  const keepFor = async (first: string, action: ImageAction, asked: Promise<boolean>) => {
    const granted = await asked.catch(() => false);
    if (action === "allow" && !granted) {
      page.info(
        "Folio was not allowed to fetch images, so they stay online. You can allow it later with the same button.",
      );
      return;
    }
    access = granted;
    const db = await page.images();
    if (!db || working) return;
    working = true;
    const queue = [first];
    if (granted) {
      for (const [url, status] of statuses) if (url !== first && status.blocked > 0) queue.push(url);
    }
    let done = 0;
    let stillMissing = 0;
    try {
      for (const url of queue) {
        page.info(
          queue.length > 1
            ? `Keeping images offline: ${done + 1} of ${articlesText(queue.length, locale)}…`
            : "Keeping images offline…",
        );
        const read = await library.get(url);
        if (!read.ok || !read.article || read.article.linkOnly) continue;
        const status = await keepImages(db, read.article, fetchFromHere(access));
        update(status, url);
        announceImages([url]);
        done++;
        if (missingImages(status) > 0) stillMissing++;
      }
      page.info(
        `Images kept offline for ${articlesText(done, locale)}.${
          stillMissing
            ? ` Some images of ${articlesText(stillMissing, locale)} could not be fetched: they stay online.`
            : ""
        }`,
      );
    } catch (error) {
      page.alert(`The images could not be kept: ${String(error)}`);
    } finally {
      working = false;
      decorateAll();
    }
  };

  ui.list.addEventListener("click", (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>("button[data-images]");
    const url = button?.closest<HTMLElement>(".lib-row")?.dataset.url;
    const action = button?.dataset.images as ImageAction | undefined;
    if (!button || !url || (action !== "allow" && action !== "retry") || button.disabled) return;
    // Asked first, in the click itself: Firefox shows its prompt only during the gesture.
    const asked = action === "allow" ? requestSiteAccess() : hasSiteAccess();
    button.disabled = true;
    void keepFor(url, action, asked).finally(() => {
      button.disabled = false;
    });
  });

  const load = async () => {
    const db = await page.images();
    if (!db) return;
    try {
      const [all] = await Promise.all([allStatus(db), accessChanged()]);
      for (const status of all) statuses.set(status.url, status);
      decorateAll();
      await sweepImages(db);
    } catch {
      // No notes: the images themselves are untouched.
    }
  };

  return { load };
}
