/**
 * Images kept offline, in their own IndexedDB database (`folio-images`), apart from the
 * articles: the library's schema and records stay as they are, and an article's HTML keeps
 * its images' web addresses (exports and backups stay portable; the reader shows a kept
 * image in place of its address when it draws the article).
 *
 * - `images`: one record per image address (image-sources.ts `imageUrl`), shared by every
 *   saved article that shows it: the bytes (a Blob of a checked type, image-data.ts), and the
 *   articles that hold it. An image no article holds any more is released (`releasedAt`), and
 *   deleted by `sweep` once an Undo can no longer want it back.
 * - `status`: per article, what happened to its images: how many it shows, how many are kept,
 *   and why the others stay online (the article's cap, a site that does not let Folio fetch
 *   them, a failure), which the library and the reader tell the reader.
 *
 * A kept image is never replaced: keeping the same address again (another article, a backup)
 * only adds its holder. Functions, not an object, so the background carries only the few it
 * uses. Every write is one transaction.
 */
import { type DBSchema, type IDBPDatabase, wrap } from "idb";

export const IMAGES_DB = "folio-images";
/** The channel on which a context says that articles' images changed (their keys). */
export const IMAGES_CHANNEL = "folio-images";
/** How long a released image waits for an Undo before `sweep` may delete it. */
export const RELEASE_GRACE_MS = 60_000;

export interface StoredImage {
  /** Its address (the key). */
  url: string;
  blob: Blob;
  /** Its format, found on its bytes (image-data.ts `sniffImage`). */
  type: string;
  bytes: number;
  /** The saved articles (library keys) that show it. */
  articles: string[];
  storedAt: number;
  /** When the last article let it go; absent while one holds it. */
  releasedAt?: number;
}

export interface ImageStatus {
  /** The article's key in the library. */
  url: string;
  /** Images the article shows. */
  found: number;
  /** Of them, kept offline. */
  kept: number;
  /** Bytes of the kept ones. */
  bytes: number;
  /** Left online: the article's cap (image-data.ts `IMAGE_LIMITS.perArticleBytes`) was reached. */
  capped: number;
  /** Left online: their site does not let Folio fetch them (it needs access to websites). */
  blocked: number;
  /** Left online: not found, too large, too slow, or not a picture. */
  failed: number;
  checkedAt: number;
}

interface ImagesSchema extends DBSchema {
  images: { key: string; value: StoredImage; indexes: { byArticle: string; byReleased: number } };
  status: { key: string; value: ImageStatus };
}

export type ImageDb = IDBPDatabase<ImagesSchema>;

/** Opens (creating) the images database. Rejects with the browser's error. */
export function openImages(factory: IDBFactory = indexedDB): Promise<ImageDb> {
  const request = factory.open(IMAGES_DB, 1);
  request.addEventListener("upgradeneeded", () => {
    const db = request.result;
    const images = db.createObjectStore("images", { keyPath: "url" });
    images.createIndex("byArticle", "articles", { multiEntry: true });
    images.createIndex("byReleased", "releasedAt");
    db.createObjectStore("status", { keyPath: "url" });
  });
  return (wrap(request) as unknown as Promise<ImageDb>).then((db) => {
    db.addEventListener("versionchange", () => db.close());
    return db;
  });
}

/** The images `article` holds. */
export function imagesOf(db: ImageDb, article: string): Promise<StoredImage[]> {
  return db.getAllFromIndex("images", "byArticle", article);
}

/** The images `article` holds, by address. */
export async function imageBlobs(db: ImageDb, article: string): Promise<Map<string, Blob>> {
  return new Map((await imagesOf(db, article)).map((image) => [image.url, image.blob]));
}

const without = (list: readonly string[], item: string) => list.filter((x) => x !== item);

/**
 * `article` now shows the images `urls`: it holds those already kept (their sizes are
 * returned, by address) and lets go of the images it held and no longer shows.
 */
export async function holdImages(
  db: ImageDb,
  article: string,
  urls: readonly string[],
  now: number = Date.now(),
): Promise<Map<string, number>> {
  const tx = db.transaction("images", "readwrite");
  const wanted = new Set(urls);
  for (const image of await tx.store.index("byArticle").getAll(article)) {
    if (wanted.has(image.url)) continue;
    const articles = without(image.articles, article);
    await tx.store.put({ ...image, articles, ...(articles.length ? {} : { releasedAt: now }) });
  }
  const held = new Map<string, number>();
  for (const url of wanted) {
    const image = await tx.store.get(url);
    if (!image) continue;
    held.set(url, image.bytes);
    if (image.articles.includes(article)) continue;
    const { releasedAt: _, ...kept } = image;
    await tx.store.put({ ...kept, articles: [...image.articles, article] });
  }
  await tx.done;
  return held;
}

/**
 * Keeps `blob` (its type checked) as the image at `url`, held by `article`. An image already
 * kept at that address is not replaced: `article` holds it too. Returns the bytes kept.
 */
export async function putImage(
  db: ImageDb,
  article: string,
  url: string,
  blob: Blob,
  type: string,
  now: number = Date.now(),
): Promise<number> {
  const tx = db.transaction("images", "readwrite");
  const here = await tx.store.get(url);
  if (here) {
    const { releasedAt: _, ...kept } = here;
    if (!here.articles.includes(article))
      await tx.store.put({ ...kept, articles: [...here.articles, article] });
  } else {
    await tx.store.put({ url, blob, type, bytes: blob.size, articles: [article], storedAt: now });
  }
  await tx.done;
  return here?.bytes ?? blob.size;
}

export async function setStatus(db: ImageDb, status: ImageStatus): Promise<void> {
  await db.put("status", status);
}

export function getStatus(db: ImageDb, article: string): Promise<ImageStatus | undefined> {
  return db.get("status", article);
}

export function allStatus(db: ImageDb): Promise<ImageStatus[]> {
  return db.getAll("status");
}

/** Every kept image that an article holds (for a backup). */
export async function heldImages(db: ImageDb): Promise<StoredImage[]> {
  return (await db.getAll("images")).filter((image) => image.articles.length > 0);
}

/** What deleted articles held, to give it back on Undo (`restoreImages`). */
export interface ReleasedImages {
  articles: { url: string; images: string[]; status: ImageStatus | null }[];
}

/**
 * Deleted articles let go of their images (kept for an Undo until `sweep`) and lose their
 * status. Returns what they held.
 */
export async function releaseImages(
  db: ImageDb,
  articles: readonly string[],
  now: number = Date.now(),
): Promise<ReleasedImages> {
  const tx = db.transaction(["images", "status"], "readwrite");
  const images = tx.objectStore("images");
  const released: ReleasedImages = { articles: [] };
  for (const article of articles) {
    const held = await images.index("byArticle").getAll(article);
    for (const image of held) {
      const rest = without(image.articles, article);
      await images.put({ ...image, articles: rest, ...(rest.length ? {} : { releasedAt: now }) });
    }
    const status = (await tx.objectStore("status").get(article)) ?? null;
    await tx.objectStore("status").delete(article);
    released.articles.push({ url: article, images: held.map((i) => i.url), status });
  }
  await tx.done;
  return released;
}

/**
 * Undo of `releaseImages`: the articles hold their images again. One swept meanwhile (another
 * page's clean-up) is counted as not kept in the article's status.
 */
export async function restoreImages(db: ImageDb, released: ReleasedImages): Promise<void> {
  const tx = db.transaction(["images", "status"], "readwrite");
  const images = tx.objectStore("images");
  for (const { url: article, images: urls, status } of released.articles) {
    let gone = 0;
    for (const url of urls) {
      const image = await images.get(url);
      if (!image) {
        gone++;
        continue;
      }
      const { releasedAt: _, ...kept } = image;
      await images.put({ ...kept, articles: [...without(image.articles, article), article] });
    }
    if (status) {
      const kept = Math.max(0, status.kept - gone);
      await tx.objectStore("status").put({ ...status, kept, blocked: status.blocked + (status.kept - kept) });
    }
  }
  await tx.done;
}

/** Deletes the images no article has held since `before` (epoch ms). Returns how many. */
export async function sweepImages(
  db: ImageDb,
  before: number = Date.now() - RELEASE_GRACE_MS,
): Promise<number> {
  const tx = db.transaction("images", "readwrite");
  let swept = 0;
  let cursor = await tx.store.index("byReleased").openCursor(IDBKeyRange.upperBound(before));
  while (cursor) {
    if (cursor.value.articles.length === 0) {
      await cursor.delete();
      swept++;
    }
    cursor = await cursor.continue();
  }
  await tx.done;
  return swept;
}

/** An image that comes from elsewhere (a backup): checked already, with the articles that show it. */
export interface IncomingImage {
  url: string;
  blob: Blob;
  type: string;
  articles: string[];
}

/**
 * Puts images from a backup back. An image kept here already is never replaced (the local copy
 * wins); the articles that show it hold it. Returns how many images were added.
 */
export async function addImages(
  db: ImageDb,
  incoming: readonly IncomingImage[],
  now: number = Date.now(),
): Promise<number> {
  const tx = db.transaction("images", "readwrite");
  let added = 0;
  for (const image of incoming) {
    const here = await tx.store.get(image.url);
    if (here) {
      const { releasedAt: _, ...kept } = here;
      const articles = [...new Set([...here.articles, ...image.articles])];
      if (articles.length !== here.articles.length || here.releasedAt !== undefined)
        await tx.store.put({ ...kept, articles });
      continue;
    }
    await tx.store.put({
      url: image.url,
      blob: image.blob,
      type: image.type,
      bytes: image.blob.size,
      articles: [...new Set(image.articles)],
      storedAt: now,
    });
    added++;
  }
  await tx.done;
  return added;
}

/** Tells the other extension pages that these articles' images changed. Never throws. */
export function announceImages(articles: readonly string[]): void {
  try {
    const channel = new BroadcastChannel(IMAGES_CHANNEL);
    channel.postMessage({ type: "images-changed", articles: [...articles] });
    channel.close();
  } catch {
    // No channel here (Node) or the context is closing: a page reads the status when it loads.
  }
}

/** Calls `onChange` with the articles whose images another context changed; returns the unsubscribe. */
export function watchImages(onChange: (articles: string[]) => void): () => void {
  if (typeof BroadcastChannel !== "function") return () => {};
  const channel = new BroadcastChannel(IMAGES_CHANNEL);
  channel.addEventListener("message", (event: MessageEvent) => {
    const data = event.data as { type?: unknown; articles?: unknown } | null;
    if (data?.type === "images-changed" && Array.isArray(data.articles))
      onChange(data.articles.filter((a): a is string => typeof a === "string"));
  });
  return () => channel.close();
}
