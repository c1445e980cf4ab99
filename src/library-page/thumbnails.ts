/**
 * Row thumbnails, kept offline when they can be. A row's thumbnail (its article's lead image)
 * is loaded only when the row comes near the window, never for the whole list at once: if the
 * image is kept in the `folio-images` database (library/image-store.ts) for that article, the
 * row shows a small copy of it (drawn at twice the thumbnail's size, as a `blob:` URL made here);
 * otherwise its web address, as before. A `blob:` URL is revoked when its row is dropped for
 * good (the list keeps built rows for reuse; listing.ts says when one is let go).
 */
import { imageUrl } from "../library/image-sources.ts";
import { type ImageDb, imagesOf } from "../library/image-store.ts";
import type { RowHooks } from "./listing.ts";
import type { LibraryPage } from "./page.ts";

/** The drawn copy's side, in pixels: the 48 px thumbnail on a 2x screen. */
const THUMB_PX = 96;

/** Host and path: how the reader and the image keeping compare a lead image with the body's. */
function fileOf(address: string): string {
  const url = new URL(address);
  return `${url.host}${url.pathname}`;
}

/** The kept image for the lead image `lead` of the article `article`, if there is one. */
export async function keptThumbnail(db: ImageDb, article: string, lead: string): Promise<Blob | null> {
  const address = imageUrl(lead, article);
  if (!address) return null;
  const held = await imagesOf(db, article);
  const same =
    held.find((image) => image.url === address) ?? held.find((i) => fileOf(i.url) === fileOf(address));
  return same?.blob ?? null;
}

/** `blob` drawn small (covering a square of `size` px), or `blob` itself when it cannot be or is small. */
export async function smallCopy(blob: Blob, size = THUMB_PX): Promise<Blob> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(blob);
  } catch {
    return blob; // An SVG (drawn at any size by <img>), or a format the browser cannot draw here.
  }
  try {
    const scale = Math.max(size / bitmap.width, size / bitmap.height);
    if (scale >= 1 || typeof OffscreenCanvas !== "function") return blob;
    const canvas = new OffscreenCanvas(size, size);
    const context = canvas.getContext("2d");
    if (!context) return blob;
    const width = bitmap.width * scale;
    const height = bitmap.height * scale;
    context.drawImage(bitmap, (size - width) / 2, (size - height) / 2, width, height);
    return await canvas.convertToBlob({ type: "image/webp", quality: 0.85 });
  } catch {
    return blob;
  } finally {
    bitmap.close();
  }
}

export function thumbnails(page: LibraryPage): RowHooks {
  const made = new Map<HTMLLIElement, string>();
  /** Rows dropped while still on the list: revoked once they are off it. */
  const later = new Set<HTMLLIElement>();
  const gone = new WeakSet<HTMLLIElement>();

  const revoke = (row: HTMLLIElement) => {
    const url = made.get(row);
    if (url) URL.revokeObjectURL(url);
    made.delete(row);
    later.delete(row);
  };

  const load = async (img: HTMLImageElement) => {
    const row = img.closest<HTMLLIElement>(".lib-row");
    const src = img.dataset.src;
    const article = row?.dataset.url;
    if (!row || !src || !article) return;
    delete img.dataset.src;
    let blob: Blob | null = null;
    try {
      const db = await page.images();
      blob = db ? await keptThumbnail(db, article, src) : null;
      if (blob) blob = await smallCopy(blob);
    } catch {
      blob = null; // The kept copies cannot be read: the web one.
    }
    if (gone.has(row) && !row.isConnected) return;
    if (blob) {
      const url = URL.createObjectURL(blob);
      made.set(row, url);
      if (gone.has(row)) later.add(row);
      img.dataset.kept = "true";
      img.src = url;
    } else {
      img.src = src;
    }
  };

  const near = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        near.unobserve(entry.target);
        void load(entry.target as HTMLImageElement);
      }
    },
    { rootMargin: "400px 0px" },
  );

  return {
    shown(row, _summary, fresh) {
      for (const old of later) if (!old.isConnected) revoke(old);
      if (!fresh) return;
      const img = row.querySelector<HTMLImageElement>("img.lib-thumb[data-src]");
      if (img) near.observe(img);
    },
    dropped(row) {
      gone.add(row);
      const img = row.querySelector<HTMLImageElement>("img.lib-thumb");
      if (img) near.unobserve(img);
      if (row.isConnected) later.add(row);
      else revoke(row);
    },
  };
}
