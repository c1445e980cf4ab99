/**
 * Fetching the pages of links to read (issue 15), from the library page: the header's
 * "Fetch 1,234 linked pages…" button and a link row's Fetch button, the progress line with
 * Cancel, and the report (how many became articles, every failure with its reason).
 *
 * Opt-in: each click first asks for access to websites (platform/host-access.ts), in the click
 * itself (Firefox shows the prompt only then); without it nothing is fetched and the entries
 * stay links. The queue runs in the background (src/background/fetching.ts, src/offscreen/):
 * this page only asks and shows. It reads the queue's jobs when it opens (so a report or a run
 * interrupted by a restart shows again) and then follows the host's progress channel.
 */
import { type FetchStatus, openJobs, statusOf } from "../library/fetch/jobs.ts";
import { watchProgress } from "../library/fetch/progress.ts";
import { formatNumber } from "../library/format.ts";
import { browser } from "../platform/extension.ts";
import { requestSiteAccess } from "../platform/host-access.ts";
import { sendToBackground } from "../platform/messages.ts";
import type { LibraryPage } from "./page.ts";
import { showReportLines } from "./report-list.ts";

const NO_ACCESS =
  "Nothing was fetched: Folio needs your permission to visit websites to fetch the pages. Your links stay as they are.";

const pagesText = (n: number, locale?: string) => `${formatNumber(n, locale)} ${n === 1 ? "page" : "pages"}`;

export interface Fetching {
  /** How many links to read the library holds (the search worker counts them). */
  linksCounted(count: number): void;
  /** Counts them here (reads every summary: only when the search worker is not available). */
  countLinks(): Promise<void>;
}

export function fetching(page: LibraryPage): Fetching {
  const { ui, library, locale } = page;
  let links = 0;
  /** How many failures the report lists (it is made again only when that changes). */
  let shownFailures = 0;
  let status: FetchStatus | null = null;

  const render = () => {
    const waiting = status?.waiting ?? 0;
    const running = Boolean(status?.running && waiting > 0);
    ui.fetch.hidden = links === 0;
    ui.fetch.disabled = running;
    ui.fetch.textContent = `Fetch ${pagesText(links, locale).replace(/pages?$/, (w) => `linked ${w}`)}…`;
    const total = status ? status.waiting + status.done + status.failed : 0;
    ui.fetchBox.hidden = total === 0;
    if (!status || total === 0) return;
    const finished = status.done + status.failed;
    const failedText = status.failed ? `, ${formatNumber(status.failed, locale)} failed` : "";
    ui.fetchCancel.hidden = waiting === 0;
    ui.fetchClose.hidden = waiting > 0;
    ui.fetchProgress.hidden = waiting === 0;
    ui.fetchProgress.max = total;
    ui.fetchProgress.value = finished;
    if (running) {
      ui.fetchText.textContent = `Fetching ${pagesText(total, locale)}: ${formatNumber(finished, locale)} done${failedText}…`;
    } else if (waiting > 0) {
      ui.fetchText.textContent = `Fetching paused: ${pagesText(waiting, locale)} still to fetch. Choose Fetch to go on (Folio needs access to websites), or Cancel.`;
    } else {
      ui.fetchText.textContent = `Fetched ${pagesText(total, locale)}: ${formatNumber(status.done, locale)} ${
        status.done === 1 ? "is an article" : "are articles"
      } now${
        status.failed
          ? `; ${formatNumber(status.failed, locale)} could not be fetched and ${status.failed === 1 ? "stays a link" : "stay links"}`
          : ""
      }.`;
    }
    const lines = status.failures.map((f) => `${f.title || f.url} (${f.url}): ${f.reason}`);
    ui.fetchReport.hidden = lines.length === 0;
    if (lines.length !== shownFailures) {
      shownFailures = lines.length;
      ui.fetchSummary.textContent = `${pagesText(lines.length, locale)} not fetched, and why`;
      showReportLines(page.doc, ui.fetchList, lines, locale);
    }
  };

  const countLinks = async () => {
    const all = await library.allSummaries();
    if (all.ok) links = all.items.filter((s) => s.linkOnly).length;
    render();
  };

  /** Asks for access (in the click: nothing awaited before it), then for the fetching. */
  const start = (urls?: string[]) => {
    const asked = requestSiteAccess();
    void (async () => {
      page.alert(null);
      const granted = await asked.catch(() => false);
      if (!granted) {
        page.alert(NO_ACCESS);
        return;
      }
      try {
        const reply = await sendToBackground(browser.runtime, { type: "fetch-links", urls });
        if (!reply.ok) page.alert(reply.error.message);
        else if (reply.queued === 0 && !(status?.waiting ?? 0)) page.info("There was nothing to fetch.");
      } catch (error) {
        page.alert(`Folio could not start fetching: ${String(error)}`);
      }
    })();
  };

  ui.fetch.addEventListener("click", () => start());
  ui.list.addEventListener("click", (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button[data-action="fetch"]');
    const url = button?.closest<HTMLElement>(".lib-row")?.dataset.url;
    if (button && url) start([url]);
  });
  ui.fetchCancel.addEventListener("click", () => {
    ui.fetchCancel.disabled = true;
    void sendToBackground(browser.runtime, { type: "fetch-cancel" })
      .then(() => page.info("Fetching cancelled. The pages not fetched yet stay links to read."))
      .catch((error) => page.alert(`Folio could not cancel: ${String(error)}`))
      .finally(() => {
        ui.fetchCancel.disabled = false;
      });
  });
  ui.fetchClose.addEventListener("click", () => {
    ui.fetchBox.hidden = true;
    void sendToBackground(browser.runtime, { type: "fetch-clear" }).catch(() => {});
  });

  // Links come and go with other pages' changes (a page fetched becomes an article) and with
  // this page's own (an import, a delete): the search worker counts them again after each.
  watchProgress((next) => {
    status = next;
    render();
  });

  // The queue as it was left: a report, or pages still waiting (the background goes on with
  // them when it may; it is asked to, in case it has not woken since the browser started).
  void (async () => {
    try {
      const jobs = await openJobs(indexedDB);
      const stored = statusOf(await jobs.all(), false);
      jobs.close();
      status ??= stored;
      render();
      if (stored.waiting > 0) {
        const { running } = await sendToBackground(browser.runtime, { type: "fetch-resume" });
        if (status) status = { ...status, running: status.running || running };
        render();
      }
    } catch {
      // No queue to show.
    }
  })();

  return {
    linksCounted(count) {
      links = count;
      render();
    },
    countLinks,
  };
}
