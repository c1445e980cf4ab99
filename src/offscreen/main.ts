/**
 * The host of the fetch queue (issue 15): a page with a DOM, never shown, that the background
 * opens when there are link-only entries to fetch (platform/fetch-host.ts: Chrome's offscreen
 * document; in Firefox an iframe of the event page) and closes when they are done.
 *
 * It runs the queue (library/fetch/runner.ts) with the real world: `fetch` (fetch-page.ts:
 * http(s) only, no cookies, a time and size limit, decoded as a browser would), `DOMParser`
 * and the core (read-page.ts: an inert document, the article sanitized, its Markdown made),
 * and the library (replace-link.ts: the article in place of its link, keeping the reader's tags,
 * state, favourite and saved date). Each change is announced to open library pages
 * (library/changes.ts), and the queue's progress on its own channel (library/fetch/progress.ts).
 *
 * It only does what the background tells it (the background checked access to websites): it
 * starts nothing by itself when it loads.
 */
import { announceChange, libraryChange } from "../library/changes.ts";
import { libraryConnection } from "../library/connection.ts";
import { fetchPage } from "../library/fetch/fetch-page.ts";
import { type JobStore, openJobs } from "../library/fetch/jobs.ts";
import { progressPublisher } from "../library/fetch/progress.ts";
import { readPage } from "../library/fetch/read-page.ts";
import { fetchRunner } from "../library/fetch/runner.ts";
import { replaceLink } from "../library/replace-link.ts";
import { nativeApi } from "../platform/browser.ts";
import { type Handlers, listen, sendToBackground } from "../platform/messages.ts";

/** How often the host tells the background it is still working (under Firefox's 30 s idle). */
const ALIVE_MS = 15_000;

const api = nativeApi();
const library = libraryConnection();
const opened = openJobs(indexedDB);
const jobs: JobStore = {
  all: async () => (await opened).all(),
  put: async (list) => (await opened).put(list),
  remove: async (urls) => (await opened).remove(urls),
  close: () => void opened.then((store) => store.close()),
};
const parser = new DOMParser();

/** The background's requests received so far (it closes this page only when none is unseen). */
let seen = 0;
const tell = (idle: boolean) =>
  sendToBackground(api.runtime, { type: "host-alive", idle, seen }).catch(() => {});

const runner = fetchRunner({
  jobs,
  fetchPage: (url, signal) => fetchPage(url, signal),
  readPage: (html, url) => readPage(html, url, (text) => parser.parseFromString(text, "text/html"), window),
  async save(linkUrl, article) {
    const lib = await library();
    if (!lib.ok) return { ok: false, reason: lib.error.message };
    const replaced = await replaceLink(lib.library, linkUrl, article);
    if (!replaced.ok) return { ok: false, reason: replaced.error.message };
    // Deleted or saved with its page meanwhile: nothing to do, and nothing lost.
    if (replaced.status === "replaced") announceChange(libraryChange(replaced.saved, replaced.deleted));
    return { ok: true };
  },
  async links() {
    const lib = await library();
    if (!lib.ok) throw new Error(lib.error.message);
    const all = await lib.library.allSummaries();
    if (!all.ok) throw new Error(all.error.message);
    return all.items.filter((s) => s.linkOnly).map((s) => ({ url: s.url, title: s.title }));
  },
  publish: progressPublisher(),
  now: Date.now,
  wait: (ms, signal) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      signal.addEventListener("abort", () => {
        clearTimeout(timer);
        resolve();
      });
    }),
  idle: () => closeWhenIdle(),
});

/**
 * Asks to be closed when there is nothing to do (the waiting jobs stay in the database): after
 * the current reply has gone, since closing ends this page.
 */
function closeWhenIdle() {
  setTimeout(async () => {
    const status = await runner.status();
    if (!status.running) await tell(true);
  }, 0);
}

const handlers: Handlers<"host-fetch" | "host-cancel" | "host-clear" | "host-stop"> = {
  "host-fetch": async ({ urls, resume }) => {
    seen++;
    if (resume) {
      void runner.run();
      return { queued: 0 };
    }
    return runner.enqueue(Array.isArray(urls) ? urls : undefined);
  },
  "host-cancel": async () => {
    seen++;
    await runner.cancel();
    closeWhenIdle();
    return { ok: true };
  },
  "host-clear": async () => {
    seen++;
    await runner.clear();
    closeWhenIdle();
    return { ok: true };
  },
  "host-stop": async () => {
    seen++;
    await runner.stop();
    closeWhenIdle();
    return { ok: true };
  },
};
listen(api.runtime, handlers);

setInterval(() => {
  void runner.status().then((status) => {
    if (status.running) void tell(false);
  });
}, ALIVE_MS);

void sendToBackground(api.runtime, { type: "host-ready" }).catch(() => {});
