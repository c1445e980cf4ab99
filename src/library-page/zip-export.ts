/**
 * The Markdown zip made in the zip worker (library/export/zip.worker.ts), off this page's main
 * thread: the page reads the articles and their images kept offline, sends them (the images'
 * Blobs are shared, not copied), and gets the zip's pieces back (handed over, not copied).
 * One worker per export, ended when it answers. Requests and replies are typed by
 * library/export/zip-protocol.ts.
 */
import type { ZipImage } from "../library/export/zip.ts";
import type { ZipKind, ZipReply, ZipRequest, ZipRequests } from "../library/export/zip-protocol.ts";
import type { SavedArticle } from "../library/schema.ts";

/** A request's answer, and the global scope the worker says it ran in. */
export interface Answered<K extends ZipKind> {
  answer: ZipRequests[K]["answer"];
  builtIn: string;
}

/** Sends one request to a fresh zip worker and ends the worker when it answers (or fails). */
export function askZipWorker<K extends ZipKind>(
  kind: K,
  payload: ZipRequests[K]["payload"],
): Promise<Answered<K>> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL("../library/export/zip.worker.ts", import.meta.url), { type: "module" });
    } catch (error) {
      reject(new Error(`the zip worker could not start (${error instanceof Error ? error.message : error})`));
      return;
    }
    const id = 1;
    const end = (settle: () => void) => {
      worker.terminate();
      settle();
    };
    worker.addEventListener("message", (event: MessageEvent) => {
      const reply = event.data as ZipReply<K>;
      if (reply?.id !== id) return;
      end(() =>
        reply.ok
          ? resolve({ answer: reply.answer, builtIn: reply.builtIn })
          : reject(new Error(reply.message)),
      );
    });
    worker.addEventListener("error", (event: ErrorEvent) => {
      event.preventDefault();
      end(() => reject(new Error(`the zip worker failed (${event.message || "it could not be loaded"})`)));
    });
    worker.addEventListener("messageerror", () =>
      end(() => reject(new Error("the zip worker's answer could not be read"))),
    );
    const request: ZipRequest<K> = { id, kind, payload };
    worker.postMessage(request);
  });
}

/** The articles as a Markdown zip with their images (zip.ts `markdownZipWithImages`), made in the worker. */
export function markdownZipInWorker(
  articles: SavedArticle[],
  images: ZipImage[][],
): Promise<Answered<"markdown-zip">> {
  return askZipWorker("markdown-zip", { articles, images });
}
