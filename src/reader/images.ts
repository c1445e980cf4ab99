/**
 * A saved article's images in the reader tab: the kept ones shown in place of their web
 * addresses (as `blob:` URLs made here, so they show with the network gone), and a note under
 * the header when some are not kept, with what can be done: allow Folio to fetch images from
 * websites (asked for right in the click, as Firefox requires), or try again. What is fetched
 * then is kept for the article and shown at once.
 */
import type { Article } from "../core/types.ts";
import {
  imageBlobs,
  type ImageDb,
  type ImageStatus,
  announceImages,
  getStatus,
  openImages,
} from "../library/image-store.ts";
import { swapImages } from "../library/image-sources.ts";
import { IMAGE_ACTION_LABELS, imageNote } from "../library/image-words.ts";
import { fetchFromHere, keepImages } from "../library/keep-images.ts";
import { hasSiteAccess, requestSiteAccess } from "../platform/host-access.ts";
import type { LocalImage, RenderedArticle } from "../ui/article-view.ts";

export interface ReaderImages {
  /** For the article view: a kept image's `blob:` URL by its web address. */
  local: LocalImage;
  /** The note under the header (when images are missing); returns its removal. */
  note(article: Article, rendered: RenderedArticle, doc?: Document): () => void;
}

/** The images kept for the saved article `url`. Never throws: without them, images stay online. */
export async function readerImages(url: string): Promise<ReaderImages> {
  const urls = new Map<string, string>();
  let db: ImageDb | null = null;
  try {
    db = await openImages(indexedDB);
    for (const [address, blob] of await imageBlobs(db, url)) urls.set(address, URL.createObjectURL(blob));
  } catch {
    db = null;
  }
  const local: LocalImage = (address) => urls.get(address) ?? null;

  const note = (article: Article, rendered: RenderedArticle, doc: Document = document) => {
    if (!db) return () => {};
    const images = db;
    const box = doc.createElement("p");
    box.className = "folio-images-note";
    box.hidden = true;
    rendered.element.querySelector(".folio-header")?.after(box);

    const show = (status: ImageStatus | undefined, access: boolean) => {
      const said = imageNote(status, access);
      box.replaceChildren();
      box.hidden = !said;
      if (!said) return;
      const text = doc.createElement("span");
      text.textContent = said.text;
      box.append(text);
      if (!said.action) return;
      const button = doc.createElement("button");
      button.type = "button";
      button.className = "folio-button";
      button.textContent = IMAGE_ACTION_LABELS[said.action];
      button.addEventListener("click", () => {
        // Asked first, in the click itself: Firefox shows its prompt only during the gesture.
        const allow = said.action === "allow";
        void fetchMissing(allow ? requestSiteAccess() : hasSiteAccess(), allow, button);
      });
      box.append(" ", button);
    };

    const fetchMissing = async (asked: Promise<boolean>, allow: boolean, button: HTMLButtonElement) => {
      const access = await asked.catch(() => false);
      if (allow && !access) {
        const text = box.querySelector("span");
        if (text) text.textContent = "Folio was not allowed to fetch images, so they stay online.";
        return;
      }
      button.disabled = true;
      button.textContent = "Fetching images…";
      try {
        const status = await keepImages(images, article, fetchFromHere(access));
        for (const [address, blob] of await imageBlobs(images, article.url)) {
          if (!urls.has(address)) urls.set(address, URL.createObjectURL(blob));
        }
        swapImages(rendered.element, local, article.url);
        announceImages([article.url]);
        show(status, access);
      } catch (error) {
        box.textContent = `The images could not be kept: ${String(error)}`;
      }
    };

    void Promise.all([getStatus(images, article.url), hasSiteAccess().catch(() => false)]).then(
      ([status, access]) => show(status, access),
      () => {},
    );
    return () => box.remove();
  };

  return { local, note };
}
