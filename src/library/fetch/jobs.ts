/**
 * The fetch queue's jobs, kept in their own small IndexedDB database ("folio-fetch"), one
 * record per page, so the queue survives the background being stopped and the browser being
 * restarted: whoever runs the queue reads the jobs again and goes on with those still waiting.
 *
 * A job is `waiting` (to fetch, not before `notBefore`), `done` (the page was read and saved:
 * the link is an article now) or `failed` (with the reason, in the reader's words). Finished
 * jobs stay until the next run starts or the reader dismisses the report, so the library page
 * can list the failures after a restart too.
 */
import { type DBSchema, type IDBPDatabase, wrap } from "idb";

export const FETCH_DB = "folio-fetch";

export type JobStatus = "waiting" | "done" | "failed";

export interface FetchJob {
  /** The link-only entry's URL (its library key). */
  url: string;
  /** Its title, to name it in the report. */
  title: string;
  status: JobStatus;
  /** Tries made so far. */
  attempts: number;
  /** Epoch ms before which it is not tried (a retry's backoff). */
  notBefore: number;
  /** When it was queued: the queue goes in this order. */
  queuedAt: number;
  /** Why it failed, or the last try's problem while it waits for a retry. */
  reason?: string;
}

interface FetchSchema extends DBSchema {
  jobs: { key: string; value: FetchJob };
}

export interface JobStore {
  all(): Promise<FetchJob[]>;
  put(jobs: readonly FetchJob[]): Promise<void>;
  /** Removes the jobs of `urls`. */
  remove(urls: readonly string[]): Promise<void>;
  close(): void;
}

/** Whether `value` is a job as this version writes them (the database is ours, but be safe). */
export function isJob(value: unknown): value is FetchJob {
  const j = value as Partial<FetchJob> | null;
  return (
    typeof j === "object" &&
    j !== null &&
    typeof j.url === "string" &&
    typeof j.title === "string" &&
    (j.status === "waiting" || j.status === "done" || j.status === "failed") &&
    typeof j.attempts === "number" &&
    typeof j.notBefore === "number" &&
    typeof j.queuedAt === "number"
  );
}

/** Opens the queue's database through `factory` (`indexedDB`, or fake-indexeddb's in tests). */
export async function openJobs(factory: IDBFactory, name = FETCH_DB): Promise<JobStore> {
  const request = factory.open(name, 1);
  request.addEventListener("upgradeneeded", () => {
    request.result.createObjectStore("jobs", { keyPath: "url" });
  });
  const db = await (wrap(request) as unknown as Promise<IDBPDatabase<FetchSchema>>);
  db.addEventListener("versionchange", () => db.close());
  return {
    async all() {
      return (await db.getAll("jobs")).filter(isJob).sort((a, b) => a.queuedAt - b.queuedAt);
    },
    async put(jobs) {
      if (!jobs.length) return;
      const tx = db.transaction("jobs", "readwrite");
      await Promise.all([...jobs.map((job) => tx.store.put(job)), tx.done]);
    },
    async remove(urls) {
      if (!urls.length) return;
      const tx = db.transaction("jobs", "readwrite");
      await Promise.all([...urls.map((url) => tx.store.delete(url)), tx.done]);
    },
    close: () => db.close(),
  };
}

/** What the library page shows of the queue. */
export interface FetchStatus {
  waiting: number;
  done: number;
  failed: number;
  /** The failures, with their reasons, in queue order. */
  failures: { url: string; title: string; reason: string }[];
  /** False once the runner stopped for want of access to websites (the jobs still wait). */
  running: boolean;
}

export function statusOf(jobs: Iterable<FetchJob>, running: boolean): FetchStatus {
  const status: FetchStatus = { waiting: 0, done: 0, failed: 0, failures: [], running };
  for (const job of jobs) {
    status[job.status]++;
    if (job.status === "failed") {
      status.failures.push({ url: job.url, title: job.title, reason: job.reason ?? "it failed" });
    }
  }
  return status;
}
