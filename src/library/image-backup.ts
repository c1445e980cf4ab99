/**
 * Images kept offline in the JSON backup (export/backup.ts), when the reader asks for them:
 *
 *     "images": [{ "url": "https://…/photo.jpg", "type": "image/jpeg",
 *                  "articles": ["https://…/story"], "data": "<base64>" }, …]
 *
 * Each entry is checked on import (`readBackupImage`: a web address, a kept format, base64 no
 * larger than one image may be, the articles that show it as web addresses), and the bytes
 * once more when they are put back (image-data.ts `sniffImage`: they must be the picture the
 * entry says they are; one that is not is left out and counted). Putting them back never
 * replaces an image kept here already (the local copy wins), and an image is held only by the
 * articles in the library that show it.
 */
import * as v from "valibot";
import { fromBase64, IMAGE_LIMITS, IMAGE_TYPES, sniffImage, toBase64 } from "./image-data.ts";
import { imageSources, imageUrl } from "./image-sources.ts";
import {
  addImages,
  heldImages,
  type ImageDb,
  getStatus,
  type IncomingImage,
  imagesOf,
  setStatus,
} from "./image-store.ts";
import { normalizeUrl } from "./keys.ts";
import { LIMITS } from "./schema.ts";
import type { LibraryStore } from "./store.ts";

/** An image as the backup carries it. */
export interface BackupImage {
  url: string;
  type: string;
  articles: string[];
  /** Its bytes, base64. */
  data: string;
}

export const MAX_BACKUP_IMAGES = 100_000;
/** The most articles one image of a backup may name. */
const MAX_HOLDERS = 10_000;
/** The longest base64 text of one image. */
const MAX_DATA = Math.ceil(IMAGE_LIMITS.perImageBytes / 3) * 4;

const webAddress = v.pipe(
  v.string("must be text"),
  v.maxLength(LIMITS.url, "is too long"),
  v.check((value) => {
    const url = imageUrl(value, "http://invalid/");
    return url !== null && url === normalizeUrl(value);
  }, "is not a web address"),
);

const BackupImageSchema = v.object(
  {
    url: webAddress,
    type: v.picklist(IMAGE_TYPES, `must be one of ${IMAGE_TYPES.join(", ")}`),
    articles: v.pipe(v.array(webAddress, "must be a list"), v.maxLength(MAX_HOLDERS, "has too many entries")),
    data: v.pipe(
      v.string("must be text"),
      v.maxLength(MAX_DATA, "is larger than an image Folio keeps"),
      v.regex(/^[A-Za-z0-9+/]*={0,2}$/, "is not base64"),
    ),
  },
  "must be an object",
);

/** `value` as a backup's image, or the first problem ("type must be one of …"). */
export function readBackupImage(
  value: unknown,
): { ok: true; image: BackupImage } | { ok: false; message: string } {
  const result = v.safeParse(BackupImageSchema, value, { abortEarly: true });
  if (result.success) {
    const image = result.output;
    return {
      ok: true,
      image: {
        ...image,
        url: normalizeUrl(image.url)!,
        articles: image.articles.map((a) => normalizeUrl(a)!),
      },
    };
  }
  const issue = result.issues[0];
  const key = issue.path?.[0]?.key;
  return { ok: false, message: typeof key === "string" ? `${key} ${issue.message}` : issue.message };
}

/**
 * The backup's image entries, each one JSON text (export/backup.ts `backupPieces` takes them),
 * until `budget` bytes are used: what does not fit is counted in `left`.
 */
export async function backupImagePieces(
  db: ImageDb,
  budget: number,
): Promise<{ pieces: string[]; images: number; left: number }> {
  const pieces: string[] = [];
  let used = 0;
  let left = 0;
  for (const image of await heldImages(db)) {
    // Base64 is a third larger than the bytes; the rest of the entry is small.
    const size = Math.ceil(image.bytes / 3) * 4 + image.url.length + 200 * (image.articles.length + 1);
    if (used + size > budget) {
      left++;
      continue;
    }
    const data = toBase64(new Uint8Array(await image.blob.arrayBuffer()));
    const entry: BackupImage = { url: image.url, type: image.type, articles: image.articles, data };
    const piece = JSON.stringify(entry);
    used += piece.length;
    pieces.push(piece);
  }
  return { pieces, images: pieces.length, left };
}

/**
 * Puts a backup's images back, after its articles were merged into the library. An image is
 * held by the articles it names that are in the library and show it; its bytes must be the
 * picture its entry says. Then the image status of those articles and of `changed` (the
 * articles the import added or updated) is written anew from what is kept, so the library says
 * which images stay online. Returns how many images were added, and left out as not pictures.
 */
export async function importImages(
  db: ImageDb,
  library: LibraryStore,
  images: readonly BackupImage[],
  changed: readonly string[],
  now: number = Date.now(),
): Promise<{ added: number; refused: number }> {
  const articles = new Set(changed);
  for (const image of images) for (const a of image.articles) articles.add(a);
  const shows = new Map<string, Set<string>>();
  for (const url of articles) {
    const read = await library.get(url);
    if (!read.ok) throw new Error(read.error.message);
    if (read.article && !read.article.linkOnly)
      shows.set(read.article.url, new Set(imageSources(read.article)));
  }
  const incoming: IncomingImage[] = [];
  let refused = 0;
  for (const image of images) {
    const holders = image.articles.filter((a) => shows.get(a)?.has(image.url));
    if (holders.length === 0) continue;
    const bytes = fromBase64(image.data);
    if (!bytes || bytes.length > IMAGE_LIMITS.perImageBytes || sniffImage(bytes) !== image.type) {
      refused++;
      continue;
    }
    incoming.push({
      url: image.url,
      type: image.type,
      blob: new Blob([bytes as BlobPart], { type: image.type }),
      articles: holders,
    });
  }
  const added = await addImages(db, incoming, now);
  for (const [article, urls] of shows) {
    const kept = (await imagesOf(db, article)).filter((image) => urls.has(image.url));
    const before = await getStatus(db, article);
    // What this Folio knows of an article whose images the import did not change stays.
    if (before && before.found === urls.size && before.kept === kept.length) continue;
    await setStatus(db, {
      url: article,
      found: urls.size,
      kept: kept.length,
      bytes: kept.reduce((sum, image) => sum + image.bytes, 0),
      capped: 0,
      // Why the others were not kept is not known here: fetching them may need access.
      blocked: urls.size - kept.length,
      failed: 0,
      checkedAt: now,
    });
  }
  return { added, refused };
}
