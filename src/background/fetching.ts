/**
 * The background's part in fetching link-only entries (issue 15): it checks that the reader
 * gave Folio access to websites, opens the page that runs the queue (platform/fetch-host.ts:
 * Chrome's offscreen document, an iframe of Firefox's event page) and hands it the library
 * page's requests. The queue itself, and every page's fetching and reading, live in that host
 * (src/offscreen/), so the service worker stays small and needs no DOM.
 *
 * Surviving a restart: the queue's jobs are in IndexedDB (library/fetch/jobs.ts). When the
 * browser starts, when the worker starts for any reason, and when access to websites is
 * given, the background looks for jobs still waiting and, with access, sets the host on them
 * again. No alarms: the host keeps working while it has pages in flight, and in Firefox tells
 * the event page it is alive so that it is not put to sleep under it. Without access nothing
 * is fetched: the host is stopped when access is taken away, and the jobs wait.
 */
import type Browser from "webextension-polyfill";
import { openJobs } from "../library/fetch/jobs.ts";
import { fetchHost } from "../platform/fetch-host.ts";
import { type FetchReply, type Handlers, sendToBackground } from "../platform/messages.ts";
import { siteAccessIn } from "../platform/site-access.ts";

const NO_ACCESS =
  "Folio has no access to websites, so it fetched nothing. Choose Fetch again and allow access when your browser asks.";

export type FetchMessages =
  | "fetch-links"
  | "fetch-cancel"
  | "fetch-clear"
  | "fetch-resume"
  | "host-ready"
  | "host-alive";

export function fetching(api: Browser.Browser): { handlers: Handlers<FetchMessages>; wake(): Promise<void> } {
  const host = fetchHost(api);
  const allowed = () => siteAccessIn(api.permissions);
  // The host asks to be closed when it has nothing to do; not while it is answering a request,
  // nor when it decided so before a request sent since reached it (`seen` < `sent`): closing
  // then would end the work that request started.
  let asking = 0;
  let sent = 0;
  let closeWanted = false;
  const closeIfWanted = async () => {
    if (asking > 0 || !closeWanted) return;
    closeWanted = false;
    await host.close().catch(() => {});
  };
  const toHost = async <T extends "host-fetch" | "host-cancel" | "host-clear" | "host-stop">(
    message: Parameters<typeof sendToBackground<T>>[1],
  ) => {
    asking++;
    closeWanted = false;
    try {
      if (await host.open()) sent = 0;
      sent++;
      return await sendToBackground<T>(api.runtime, message);
    } finally {
      asking--;
      void closeIfWanted();
    }
  };

  /** Jobs still waiting, and access: set the host on them. */
  const wake = async () => {
    try {
      const jobs = await openJobs(indexedDB);
      const waiting = (await jobs.all()).some((job) => job.status === "waiting");
      jobs.close();
      if (waiting && (await allowed())) await toHost({ type: "host-fetch", resume: true });
    } catch {
      // The library page asks again (fetch-resume) when it opens.
    }
  };

  const handlers: Handlers<FetchMessages> = {
    "fetch-links": async ({ urls }): Promise<FetchReply> => {
      if (!(await allowed())) return { ok: false, error: { kind: "no-access", message: NO_ACCESS } };
      try {
        const list = Array.isArray(urls) ? urls.filter((u): u is string => typeof u === "string") : undefined;
        const { queued } = await toHost({ type: "host-fetch", urls: list });
        return { ok: true, queued };
      } catch (error) {
        return {
          ok: false,
          error: { kind: "error", message: `Folio could not start fetching (${String(error)}).` },
        };
      }
    },
    "fetch-cancel": async () => toHost({ type: "host-cancel" }),
    "fetch-clear": async () => toHost({ type: "host-clear" }),
    "fetch-resume": async () => {
      if (!(await allowed())) return { running: false };
      await toHost({ type: "host-fetch", resume: true });
      return { running: true };
    },
    "host-ready": () => {
      host.ready();
      return { ok: true };
    },
    "host-alive": ({ idle, seen }) => {
      closeWanted = idle && seen >= sent;
      void closeIfWanted();
      return { ok: true };
    },
  };

  api.permissions.onRemoved.addListener(async () => {
    if (!(await allowed())) await sendToBackground(api.runtime, { type: "host-stop" }).catch(() => {});
  });
  api.permissions.onAdded.addListener(() => void wake());
  api.runtime.onStartup.addListener(() => void wake());
  return { handlers, wake };
}
