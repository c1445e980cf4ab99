/**
 * The fetch queue's runner: takes the waiting jobs (jobs.ts) in order, at most
 * `FETCH_LIMITS.concurrency` at a time, fetches each page, reads it and saves it in place of
 * its link, and writes each job's outcome as soon as it is known, so a runner stopped anywhere
 * (the browser closed, the background stopped) is started again with the same jobs and
 * repeats at most the pages that were in flight.
 *
 * What it does is given to it (the network, the reading, the library, the clock): the host
 * page (src/offscreen/) gives the real ones, the unit tests fakes. One page's failure is
 * recorded with its reason and never stops the others; a failure worth another try (a network
 * error, a timeout, 429, 5xx) waits with a growing backoff (policy.ts) and is tried again, up
 * to `FETCH_LIMITS.attempts` tries.
 */
import type { Article } from "../../core/types.ts";
import { type FetchJob, type FetchStatus, type JobStore, statusOf } from "./jobs.ts";
import { FETCH_LIMITS, type PageProblem, retryDelay } from "./policy.ts";

export type Fetched = { ok: true; html: string; url: string } | ({ ok: false } & PageProblem);
export type ReadPage = { ok: true; article: Article & { markdown: string } } | { ok: false; reason: string };
/** `saved`: the link is an article now; `skipped`: nothing to do (the reason says why). */
export type SavePage = { ok: true } | { ok: false; reason: string };

export interface RunnerDeps {
  jobs: JobStore;
  fetchPage(url: string, signal: AbortSignal): Promise<Fetched>;
  readPage(html: string, url: string): ReadPage | Promise<ReadPage>;
  /** Saves the page's article in place of the link at `linkUrl`. */
  save(linkUrl: string, article: Article & { markdown: string }): Promise<SavePage>;
  /** The link-only entries of the library, for a run over all of them. */
  links(): Promise<{ url: string; title: string }[]>;
  /** Told after every change of the queue. */
  publish(status: FetchStatus): void;
  now(): number;
  /** Resolves after `ms` (or at once when `signal` aborts). */
  wait(ms: number, signal: AbortSignal): Promise<void>;
  /** Told when the queue has nothing left to do. */
  idle?(): void;
  concurrency?: number;
  attempts?: number;
}

export interface Runner {
  /** Queues the links of `urls` (all the library's links when absent); starts when needed. */
  enqueue(urls?: readonly string[]): Promise<{ queued: number }>;
  /** Goes on with the waiting jobs (after a restart); resolves when the queue is empty or stopped. */
  run(): Promise<void>;
  /** Drops the waiting jobs (their entries stay links) and stops the pages in flight. */
  cancel(): Promise<void>;
  /** Stops without dropping anything (no access to websites any more): `run` goes on later. */
  stop(): Promise<void>;
  /** Forgets the finished jobs (the reader dismissed the report). */
  clear(): Promise<void>;
  status(): Promise<FetchStatus>;
}

export function fetchRunner(deps: RunnerDeps): Runner {
  const concurrency = deps.concurrency ?? FETCH_LIMITS.concurrency;
  const maxAttempts = deps.attempts ?? FETCH_LIMITS.attempts;
  let jobs: Map<string, FetchJob> | null = null;
  let loading: Promise<Map<string, FetchJob>> | null = null;
  let running: Promise<void> | null = null;
  let stopper = new AbortController();
  let wake: () => void = () => {};

  // The stored jobs are read once, into the one list every call works on. Two calls at once
  // (the host opened again gets "go on" and "fetch" together) must not each make a list: the
  // loop would work on one while the outcomes are written to the other, dropped as stale, and
  // the same pages fetched again and again.
  const load = () => {
    loading ??= deps.jobs.all().then(
      (stored) => {
        jobs = new Map(stored.map((job) => [job.url, job]));
        return jobs;
      },
      (error: unknown) => {
        loading = null; // read again next time
        throw error;
      },
    );
    return loading;
  };
  const publish = () => deps.publish(statusOf(jobs?.values() ?? [], running !== null));

  const finish = async (job: FetchJob, outcome: Partial<FetchJob>) => {
    const next = { ...job, ...outcome };
    // Cancelled meanwhile (and perhaps queued again, as another job): not this job's to write.
    if (jobs?.get(job.url) !== job) return;
    jobs.set(job.url, next);
    await deps.jobs.put([next]);
    publish();
  };

  const attempt = async (job: FetchJob, signal: AbortSignal): Promise<void> => {
    const attempts = job.attempts + 1;
    try {
      const fetched = await deps.fetchPage(job.url, signal);
      if (signal.aborted) return;
      if (!fetched.ok) {
        if (fetched.retry && attempts < maxAttempts) {
          const notBefore = deps.now() + retryDelay(attempts, fetched);
          await finish(job, { attempts, notBefore, reason: fetched.reason });
        } else {
          await finish(job, { attempts, status: "failed", reason: fetched.reason });
        }
        return;
      }
      const read = await deps.readPage(fetched.html, fetched.url);
      if (!read.ok) {
        await finish(job, { attempts, status: "failed", reason: read.reason });
        return;
      }
      if (signal.aborted) return;
      const saved = await deps.save(job.url, read.article);
      await finish(
        job,
        saved.ok
          ? { attempts, status: "done", reason: undefined }
          : { attempts, status: "failed", reason: saved.reason },
      );
    } catch (error) {
      if (signal.aborted) return;
      // Never stops the batch: this page failed, the others go on.
      await finish(job, { attempts, status: "failed", reason: `Folio could not read it (${String(error)})` });
    }
  };

  const loop = async () => {
    const all = await load();
    const signal = stopper.signal;
    const inFlight = new Map<string, Promise<void>>();
    publish();
    while (!signal.aborted) {
      const now = deps.now();
      const waiting = [...all.values()].filter((j) => j.status === "waiting" && !inFlight.has(j.url));
      for (const job of waiting) {
        if (inFlight.size >= concurrency) break;
        if (job.notBefore > now) continue;
        const work = attempt(job, signal).finally(() => inFlight.delete(job.url));
        inFlight.set(job.url, work);
      }
      if (inFlight.size === 0 && waiting.length === 0) break;
      const later = waiting.filter((j) => !inFlight.has(j.url)).map((j) => j.notBefore);
      const woken = new Promise<void>((resolve) => {
        wake = resolve;
      });
      const pause = new AbortController();
      const waits: Promise<unknown>[] = [...inFlight.values(), woken];
      if (later.length && inFlight.size < concurrency) {
        waits.push(deps.wait(Math.max(0, Math.min(...later) - now), pause.signal));
      }
      await Promise.race(waits);
      pause.abort();
    }
    await Promise.allSettled(inFlight.values());
  };

  const run = async (): Promise<void> => {
    // A stopped loop finishes its pages in flight first (they are dropped, not saved).
    if (running && stopper.signal.aborted) await running;
    if (stopper.signal.aborted) stopper = new AbortController();
    running ??= loop().finally(() => {
      running = null;
      const left = [...(jobs?.values() ?? [])].some((j) => j.status === "waiting");
      // Queued while the loop was finishing: go on with them.
      if (left && !stopper.signal.aborted) {
        void run();
        return;
      }
      publish();
      if (!left) deps.idle?.();
    });
    return running;
  };

  return {
    async enqueue(urls) {
      const all = await load();
      const links = await deps.links();
      const wanted = urls ? new Set(urls) : null;
      // A new run starts with a clean report: the finished jobs of the last one go.
      if (!running) {
        const finished = [...all.values()].filter((j) => j.status !== "waiting").map((j) => j.url);
        for (const url of finished) all.delete(url);
        await deps.jobs.remove(finished);
      }
      const now = deps.now();
      const added: FetchJob[] = [];
      for (const link of links) {
        if (wanted && !wanted.has(link.url)) continue;
        const known = all.get(link.url);
        if (known?.status === "waiting") continue;
        const job: FetchJob = {
          url: link.url,
          title: link.title,
          status: "waiting",
          attempts: 0,
          notBefore: now,
          queuedAt: now + added.length / 1000,
        };
        added.push(job);
        all.set(job.url, job);
      }
      await deps.jobs.put(added);
      wake();
      void run();
      publish();
      return { queued: added.length };
    },
    run: async () => {
      await load();
      return run();
    },
    async cancel() {
      const all = await load();
      stopper.abort();
      wake();
      const dropped = [...all.values()].filter((j) => j.status === "waiting").map((j) => j.url);
      for (const url of dropped) all.delete(url);
      await deps.jobs.remove(dropped);
      await running;
      publish();
    },
    async stop() {
      stopper.abort();
      wake();
      await running;
    },
    async clear() {
      const all = await load();
      const finished = [...all.values()].filter((j) => j.status !== "waiting").map((j) => j.url);
      for (const url of finished) all.delete(url);
      await deps.jobs.remove(finished);
      publish();
    },
    async status() {
      return statusOf((await load()).values(), running !== null);
    },
  };
}
