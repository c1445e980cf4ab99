/**
 * The messages between the library page and the zip worker (zip.worker.ts), typed once: each
 * request kind names its payload and its answer, and the worker answers every request with its
 * `id`, either the answer or a message a person can read. The worker's handlers
 * (zip-handlers.ts) are a map from kind to function, so a kind without a handler, or a
 * handler that answers the wrong shape, does not compile.
 */
import type { SavedArticle } from "../schema.ts";
import type { ZipImage } from "./zip.ts";

/** Each request kind: what the page sends, and what the worker answers. */
export interface ZipRequests {
  /** The articles as Markdown files in one zip, with their images kept offline as files
   * (zip.ts `markdownZipWithImages`); `images[i]` are the images of `articles[i]`. */
  "markdown-zip": {
    payload: { articles: SavedArticle[]; images: ZipImage[][] };
    answer: { parts: Uint8Array[]; names: string[]; images: number };
  };
}

export type ZipKind = keyof ZipRequests;

export type ZipRequest<K extends ZipKind = ZipKind> = {
  id: number;
  kind: K;
  payload: ZipRequests[K]["payload"];
};

/** Where the work was done: the worker's global scope (`DedicatedWorkerGlobalScope`). */
export type ZipReply<K extends ZipKind = ZipKind> =
  | { id: number; ok: true; answer: ZipRequests[K]["answer"]; builtIn: string }
  | { id: number; ok: false; message: string; builtIn: string };

export type ZipHandlers = {
  [K in ZipKind]: (payload: ZipRequests[K]["payload"]) => Promise<ZipRequests[K]["answer"]>;
};
