/**
 * The fetch queue's runner with fakes for the network, the reading and the library: order and
 * bounded concurrency, retries with backoff for what may pass (network, 429, 5xx) and none for
 * what will not (404, not HTML), one failure never stopping the rest, cancel, stop, and going
 * on from the stored jobs after a restart (a new runner on the same database).
 */
import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import type { Article } from "../../../../src/core/types.ts";
import { type FetchJob, type FetchStatus, openJobs } from "../../../../src/library/fetch/jobs.ts";
import { FETCH_LIMITS } from "../../../../src/library/fetch/policy.ts";
import { type Fetched, fetchRunner, type RunnerDeps } from "../../../../src/library/fetch/runner.ts";
import { makeArticle } from "../helpers.ts";

let dbs = 0;

/** A world of fakes: `pages` answers per URL (a function of the attempt number). */
async function world(
  pages: Record<string, (attempt: number) => Fetched | Promise<Fetched>>,
  factory: IDBFactory = new IDBFactory(),
) {
  const db = `fetch-test-${++dbs}`;
  const jobs = await openJobs(factory, db);
  const clock = { t: 1_000_000 };
  const tries: Record<string, number> = {};
  const saved: string[] = [];
  const statuses: FetchStatus[] = [];
  const waits: number[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  let idle = 0;
  const deps: RunnerDeps = {
    jobs,
    async fetchPage(url) {
      tries[url] = (tries[url] ?? 0) + 1;
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try {
        await new Promise((r) => setTimeout(r, 1));
        const page = pages[url];
        return page ? await page(tries[url]!) : { ok: false, retry: false, reason: "no such page" };
      } finally {
        inFlight--;
      }
    },
    readPage: (html, url) =>
      html.includes("<article>")
        ? {
            ok: true,
            article: { ...makeArticle({ url }), markdown: "# x" } as Article & { markdown: string },
          }
        : { ok: false, reason: "Folio found no article on it" },
    async save(linkUrl) {
      saved.push(linkUrl);
      return { ok: true };
    },
    links: async () => Object.keys(pages).map((url) => ({ url, title: `Title of ${url}` })),
    publish: (s) => statuses.push(s),
    now: () => clock.t,
    async wait(ms) {
      waits.push(ms);
      clock.t += ms; // time passes at once
    },
    idle: () => idle++,
  };
  return {
    deps,
    jobs,
    factory,
    tries,
    saved,
    statuses,
    waits,
    max: () => maxInFlight,
    idle: () => idle,
  };
}

const page = (): Fetched => ({ ok: true, html: "<article>text</article>", url: "" });

describe("fetch runner", () => {
  it("fetches every link, at most three at a time, and saves each article", async () => {
    const pages = Object.fromEntries(
      Array.from({ length: 10 }, (_, i) => [`https://site.example/${i}`, () => page()]),
    );
    const w = await world(pages);
    const runner = fetchRunner(w.deps);
    expect(await runner.enqueue()).toEqual({ queued: 10 });
    await runner.run();
    expect(w.saved.sort()).toEqual(Object.keys(pages).sort());
    expect(w.max()).toBeLessThanOrEqual(FETCH_LIMITS.concurrency);
    expect(w.max()).toBeGreaterThan(1);
    const last = w.statuses.at(-1)!;
    expect(last).toMatchObject({ waiting: 0, done: 10, failed: 0, running: false });
    expect(w.idle()).toBe(1);
  });

  it("retries network errors and 5xx with a growing wait, but not a 404 or a PDF", async () => {
    const w = await world({
      "https://a.example/flaky": (n) =>
        n < 3 ? { ok: false, retry: true, reason: "the site had an error (503)" } : page(),
      "https://a.example/down": () => ({ ok: false, retry: true, reason: "the site could not be reached" }),
      "https://a.example/gone": () => ({ ok: false, retry: false, reason: "the page is gone (404)" }),
      "https://a.example/pdf": () => ({
        ok: false,
        retry: false,
        reason: "it is not a web page (application/pdf)",
      }),
      "https://a.example/list": () => ({ ok: true, html: "<ul>teasers</ul>", url: "" }),
    });
    const runner = fetchRunner(w.deps);
    await runner.enqueue();
    await runner.run();
    expect(w.tries["https://a.example/flaky"]).toBe(3);
    expect(w.tries["https://a.example/down"]).toBe(FETCH_LIMITS.attempts);
    expect(w.tries["https://a.example/gone"]).toBe(1);
    expect(w.tries["https://a.example/pdf"]).toBe(1);
    expect(w.saved).toEqual(["https://a.example/flaky"]);
    // Backoff: the second try waits 2 s, the third 8 s.
    expect(w.waits).toContain(FETCH_LIMITS.backoffMs);
    expect(w.waits.some((ms) => ms >= FETCH_LIMITS.backoffMs * 4)).toBe(true);
    const status = await runner.status();
    expect(status).toMatchObject({ done: 1, failed: 4, waiting: 0 });
    expect(Object.fromEntries(status.failures.map((f) => [f.url, f.reason]))).toEqual({
      "https://a.example/down": "the site could not be reached",
      "https://a.example/gone": "the page is gone (404)",
      "https://a.example/pdf": "it is not a web page (application/pdf)",
      "https://a.example/list": "Folio found no article on it",
    });
  });

  it("records a page whose reading throws as failed and goes on", async () => {
    const w = await world({ "https://b.example/1": page, "https://b.example/2": page });
    w.deps.readPage = (_html, url) => {
      if (url.endsWith("/1")) throw new Error("boom");
      return {
        ok: true,
        article: { ...makeArticle({ url }), markdown: "" } as Article & { markdown: string },
      };
    };
    w.deps.fetchPage = async (url) => ({ ok: true, html: "<article>", url });
    const runner = fetchRunner(w.deps);
    await runner.enqueue();
    await runner.run();
    const status = await runner.status();
    expect(status.done).toBe(1);
    expect(status.failures[0]).toMatchObject({ url: "https://b.example/1" });
    expect(status.failures[0]!.reason).toContain("boom");
  });

  it("queues only the links asked for, and never the same link twice", async () => {
    const w = await world({ "https://c.example/1": page, "https://c.example/2": page });
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const real = w.deps.fetchPage;
    w.deps.fetchPage = async (url, signal) => {
      await gate;
      return real(url, signal);
    };
    const runner = fetchRunner(w.deps);
    expect(await runner.enqueue(["https://c.example/2", "https://elsewhere.example/"])).toEqual({
      queued: 1,
    });
    expect(await runner.enqueue(["https://c.example/2"])).toEqual({ queued: 0 });
    release();
    await runner.run();
    expect(w.saved).toEqual(["https://c.example/2"]);
  });

  it("goes on after a restart from the stored jobs, and repeats no finished page", async () => {
    const pages = { "https://d.example/1": page, "https://d.example/2": page, "https://d.example/3": page };
    const first = await world(pages);
    // The first runner stops (the worker or the browser went away) after one page.
    const saves: string[] = [];
    let stopNow: () => Promise<void> = async () => {};
    const stopped = fetchRunner({
      ...first.deps,
      concurrency: 1,
      async save(url) {
        saves.push(url);
        void stopNow();
        return { ok: true };
      },
    });
    stopNow = () => stopped.stop();
    await stopped.enqueue();
    await stopped.run();
    const stored: FetchJob[] = await first.jobs.all();
    expect(stored.filter((j) => j.status === "waiting").length).toBe(2);
    expect(stored.filter((j) => j.status === "done").map((j) => j.url)).toEqual(saves);

    // A new runner (the host opened again) on the same database.
    const again = await world(pages, first.factory);
    const resumed = fetchRunner({ ...again.deps, jobs: first.jobs });
    await resumed.run();
    expect(again.saved.sort()).toEqual(
      Object.keys(pages)
        .filter((u) => !saves.includes(u))
        .sort(),
    );
    expect(await resumed.status()).toMatchObject({ done: 3, waiting: 0 });
  });

  it("a new host told to go on and to fetch at once reads the stored jobs once, and finishes", async () => {
    // The Firefox host, opened again after access was given back, gets the background's
    // "go on" (permissions.onAdded) and the library page's "fetch" in the same moment, "go on"
    // first now and then: both read the stored jobs. Each outcome must land in the one list of
    // jobs the loop works on, or none is ever kept and the same pages are fetched again and again.
    const pages: Record<string, () => Fetched> = {
      "https://h.example/1": page,
      "https://h.example/2": page,
      "https://h.example/gone": () => ({ ok: false, retry: false, reason: "the page is gone (404)" }),
    };
    const w = await world(pages);
    // The jobs as the host left them when access was taken away: all still waiting.
    await w.jobs.put(
      Object.keys(pages).map((url, i) => ({
        url,
        title: url,
        status: "waiting" as const,
        attempts: 0,
        notBefore: 0,
        queuedAt: i,
      })),
    );
    let tries = 0;
    const runner = fetchRunner({
      ...w.deps,
      async fetchPage(url, signal) {
        // Bounded: a runner that drops its outcomes would fetch the same pages forever.
        if (++tries > 20) void runner.stop();
        return w.deps.fetchPage(url, signal);
      },
    });
    await Promise.all([runner.run(), runner.enqueue()]);
    await runner.run();
    expect(tries).toBe(3);
    expect(w.saved.sort()).toEqual(["https://h.example/1", "https://h.example/2"]);
    expect(await runner.status()).toMatchObject({ done: 2, failed: 1, waiting: 0 });
    expect((await w.jobs.all()).map((j) => j.status).sort()).toEqual(["done", "done", "failed"]);
  });

  it("cancel drops the waiting pages and saves nothing more", async () => {
    const pages = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`https://e.example/${i}`, page]));
    const w = await world(pages);
    const runner = fetchRunner(w.deps);
    let cancelled: Promise<void> | null = null;
    w.deps.save = async (url) => {
      w.saved.push(url);
      cancelled ??= runner.cancel();
      return { ok: true };
    };
    await runner.enqueue();
    await runner.run();
    await cancelled;
    const status = await runner.status();
    expect(status.waiting).toBe(0);
    expect(w.saved.length).toBeLessThan(8);
    expect(await w.jobs.all()).toHaveLength(status.done + status.failed);
    expect(status.running).toBe(false);
  });

  it("a new run forgets the last run's report", async () => {
    const w = await world({
      "https://f.example/gone": () => ({ ok: false, retry: false, reason: "the page is gone (404)" }),
    });
    const runner = fetchRunner(w.deps);
    await runner.enqueue();
    await runner.run();
    expect((await runner.status()).failed).toBe(1);
    await runner.clear();
    expect(await runner.status()).toMatchObject({ failed: 0, done: 0, waiting: 0 });
    expect(await w.jobs.all()).toEqual([]);
  });
});
