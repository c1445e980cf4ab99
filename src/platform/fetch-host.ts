/**
 * The page that runs the fetch queue (src/offscreen/index.html, "the host"), opened by the
 * background when there are pages to fetch and closed when they are done. Reading a page needs
 * a DOM (DOMParser, the core, DOMPurify, turndown), and the two browsers' backgrounds differ:
 *
 * - Chrome's background is a service worker, with no DOM: the host is an offscreen document
 *   (`offscreen.createDocument`, reason DOM_PARSER; the "offscreen" permission, Chrome only).
 *   It lives on when the worker is stopped for being idle.
 * - Firefox's background is an event page, a document: the host is an iframe in it (Firefox
 *   has no offscreen documents). It lives as long as the event page, which the host keeps
 *   awake while it works by telling the background (`host-alive`).
 *
 * The host says `host-ready` once it listens; the background waits for that before it sends
 * the host anything.
 */
import type Browser from "webextension-polyfill";

export const HOST_PAGE = "src/offscreen/index.html";

interface OffscreenApi {
  createDocument(options: { url: string; reasons: string[]; justification: string }): Promise<void>;
  closeDocument(): Promise<void>;
  hasDocument(): Promise<boolean>;
}

const offscreenOf = (api: Browser.Browser) => (api as unknown as { offscreen?: OffscreenApi }).offscreen;

/** How long the host may take to load before the background gives up on it. */
const READY_MS = 15_000;

export interface FetchHost {
  /** Opens the host unless it is open; resolves once it listens, true when it opened a new one. */
  open(): Promise<boolean>;
  /** The host said it listens. */
  ready(): void;
  /** Closes the host (its queue is empty). */
  close(): Promise<void>;
}

export function fetchHost(api: Browser.Browser): FetchHost {
  let waiting: { promise: Promise<void>; resolve: () => void } | null = null;
  let listening = false;
  // A close in progress: Chrome's offscreen document stays there (hasDocument) until
  // closeDocument resolves, so an open in that time would take the closing host for a live one
  // and send it a request that nobody answers. Opening waits for the close to end.
  let closing: Promise<void> | null = null;
  const frameSelector = "iframe[data-folio-host]";

  const create = async () => {
    const url = api.runtime.getURL(HOST_PAGE);
    const offscreen = offscreenOf(api);
    if (offscreen) {
      await offscreen.createDocument({
        url,
        reasons: ["DOM_PARSER"],
        justification:
          "Read the pages of the library's saved links (the reader asked to fetch them) into clean articles.",
      });
      return;
    }
    if (typeof document === "undefined")
      throw new Error("this background has no document to host the fetching");
    const frame = document.createElement("iframe");
    frame.dataset.folioHost = "";
    frame.src = url;
    document.body.append(frame);
  };

  return {
    async open() {
      while (closing) await closing;
      if (listening) {
        const offscreen = offscreenOf(api);
        if (!offscreen || (await offscreen.hasDocument())) return false;
        listening = false;
      }
      let pending = waiting;
      const creating = !pending;
      if (!pending) {
        const offscreen = offscreenOf(api);
        // A worker stopped and woken again finds the host it opened before, still listening.
        if (offscreen && (await offscreen.hasDocument())) {
          listening = true;
          return false;
        }
        let resolve = () => {};
        const promise = new Promise<void>((r) => {
          resolve = r;
        });
        pending = waiting = { promise, resolve };
        try {
          await create();
        } catch (error) {
          waiting = null;
          throw error;
        }
      }
      let timer: ReturnType<typeof setTimeout> | undefined;
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error("the page that fetches did not start")), READY_MS);
      });
      try {
        await Promise.race([pending.promise, late]);
      } finally {
        clearTimeout(timer);
      }
      return creating;
    },
    ready() {
      listening = true;
      waiting?.resolve();
      waiting = null;
    },
    close() {
      if (closing) return closing;
      listening = false;
      waiting = null;
      const offscreen = offscreenOf(api);
      closing = (async () => {
        if (offscreen) {
          if (await offscreen.hasDocument()) await offscreen.closeDocument();
        } else if (typeof document !== "undefined") {
          document.querySelector(frameSelector)?.remove();
        }
      })().finally(() => {
        closing = null;
      });
      return closing;
    },
  };
}
