/**
 * The zip worker: builds the library's Markdown zip off the library page's main thread, so the
 * page keeps painting and answering while thousands of files are compressed. A module Worker,
 * bundled by vite (`new Worker(new URL("./zip.worker.ts", import.meta.url), { type: "module" })`
 * in library-page/zip-export.ts), loaded from the extension's own files (the extension pages'
 * CSP allows 'self' in Chrome and Firefox alike). It answers each request (zip-protocol.ts)
 * with its handler (zip-handlers.ts), handing the zip's bytes over without copying them.
 */
import { answerZipRequest, zipHandlers } from "./zip-handlers.ts";

/** What this file uses of the worker's global (the DOM library types the page's `self`). */
interface WorkerScope {
  addEventListener(type: "message", listener: (event: MessageEvent) => void): void;
  postMessage(message: unknown, transfer: Transferable[]): void;
  constructor: { name: string };
}

const scope = self as unknown as WorkerScope;

scope.addEventListener("message", (event: MessageEvent) => {
  void answerZipRequest(event.data, zipHandlers, scope.constructor.name).then((reply) => {
    // Each buffer once: fflate's chunks may share one.
    const transfer = reply.ok
      ? [...new Set(reply.answer.parts.map((part) => part.buffer as ArrayBuffer))]
      : [];
    scope.postMessage(reply, transfer);
  });
});
