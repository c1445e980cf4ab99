/**
 * Keeping a saved article's images offline: find the images it shows (image-sources.ts), hold
 * those already kept for another article, fetch the others a few at a time, check each (a
 * picture of a kept format, not too large: image-data.ts), keep what fits in the article's
 * cap, and write down what happened (image-store.ts `ImageStatus`).
 *
 * How images are fetched is the caller's: the background asks the page the article came from
 * (platform/page-images.ts: the page may fetch its own site's images without any permission),
 * or fetches them itself when the reader allowed Folio to fetch from websites
 * (`fetchFromHere`). Never throws for an image; a database failure rejects.
 */
import { IMAGE_LIMITS, sniffImage } from "./image-data.ts";
import { type ImageHolder, imageSources } from "./image-sources.ts";
import { holdImages, type ImageDb, type ImageStatus, putImage, setStatus } from "./image-store.ts";

/** Why an image could not be fetched: its site does not let Folio (`blocked`), or anything else. */
export type FetchError = "blocked" | "failed";
export type Fetched = { url: string; blob: Blob } | { url: string; error: FetchError };
/** Fetches a few images at once; answers for every address it was given. */
export type FetchImages = (urls: string[]) => Promise<Fetched[]>;

/**
 * Fetches from this extension context. Without access to websites, the browser lets an image
 * of another site through only when that site allows it (CORS); a refused request is
 * `blocked`. With access (`access`), a refused request is a failure.
 */
export function fetchFromHere(access: boolean, fetchFn: typeof fetch = fetch): FetchImages {
  const one = async (url: string): Promise<Fetched> => {
    let response: Response;
    try {
      response = await fetchFn(url, {
        credentials: "omit",
        referrerPolicy: "no-referrer",
        signal: AbortSignal.timeout(IMAGE_LIMITS.timeoutMs),
      });
    } catch (error) {
      const refused = (error as Error)?.name === "TypeError" && !access;
      return { url, error: refused ? "blocked" : "failed" };
    }
    try {
      const declared = Number(response.headers.get("content-length"));
      if (!response.ok || declared > IMAGE_LIMITS.perImageBytes) throw new Error("not kept");
      const body = response.body?.getReader();
      const chunks: Uint8Array[] = [];
      let size = 0;
      for (;;) {
        const chunk = await body?.read();
        if (!chunk || chunk.done) break;
        size += chunk.value.length;
        if (size > IMAGE_LIMITS.perImageBytes) {
          void body?.cancel();
          throw new Error("too large");
        }
        chunks.push(chunk.value);
      }
      return { url, blob: new Blob(chunks as BlobPart[]) };
    } catch {
      return { url, error: "failed" };
    }
  };
  return (urls) => Promise.all(urls.map(one));
}

/**
 * Keeps the images of `article` (a saved article: its `url` is its library key) and returns
 * what happened, as stored. Images already kept are held again, not fetched.
 */
export async function keepImages(
  db: ImageDb,
  article: ImageHolder,
  fetchImages: FetchImages,
  now: () => number = Date.now,
): Promise<ImageStatus> {
  const urls = imageSources(article);
  const held = await holdImages(db, article.url, urls, now());
  const status: ImageStatus = {
    url: article.url,
    found: urls.length,
    kept: held.size,
    bytes: [...held.values()].reduce((a, b) => a + b, 0),
    capped: 0,
    blocked: 0,
    failed: 0,
    checkedAt: 0,
  };
  const missing = urls.filter((url) => !held.has(url));
  for (let i = 0; i < missing.length; i += IMAGE_LIMITS.concurrency) {
    const batch = missing.slice(i, i + IMAGE_LIMITS.concurrency);
    if (status.bytes >= IMAGE_LIMITS.perArticleBytes) {
      status.capped += missing.length - i;
      break;
    }
    let results: Fetched[];
    try {
      results = await fetchImages(batch);
    } catch {
      results = batch.map((url) => ({ url, error: "failed" as const }));
    }
    for (const url of batch) {
      const result = results.find((r) => r.url === url);
      if (!result || "error" in result) {
        status[result?.error ?? "failed"]++;
        continue;
      }
      const bytes = new Uint8Array(await result.blob.arrayBuffer());
      const type = bytes.length <= IMAGE_LIMITS.perImageBytes ? sniffImage(bytes) : null;
      if (!type) {
        status.failed++;
      } else if (status.bytes + bytes.length > IMAGE_LIMITS.perArticleBytes) {
        status.capped++;
      } else {
        status.bytes += await putImage(db, article.url, url, new Blob([bytes], { type }), type, now());
        status.kept++;
      }
    }
  }
  status.checkedAt = now();
  await setStatus(db, status);
  return status;
}

/** Whether some images of an article stay online although they might be kept (not the cap). */
export function missingImages(status: ImageStatus | undefined): number {
  return status ? status.blocked + status.failed : 0;
}
