/**
 * The page's side of the search worker: typed requests (search-protocol.ts) over a port, each
 * answered by its id, and the list's rows of a view as a `Source` (sources.ts) that asks the
 * worker for more as the reader scrolls. A worker that fails (its script did not load, it
 * crashed) fails every request waiting and every later one.
 */
import type { ArticleSummary } from "../library/summary.ts";
import type {
  SearchAnswer,
  SearchEnvelope,
  SearchMessage,
  SearchProtocol,
  SearchReply,
  SearchRequestType,
} from "./search-protocol.ts";
import type { Source } from "./sources.ts";

/** What the client needs of a Worker (a fake in tests). */
export interface SearchPort {
  postMessage(message: SearchEnvelope): void;
  onmessage: ((event: { data: SearchAnswer }) => void) | null;
  onerror?: ((event: { message?: string }) => void) | null;
}

/** Requests after which the worker's answers may differ (it drops its guesses on each). */
const CHANGING: ReadonlySet<SearchRequestType> = new Set(["build", "change", "query"]);

export class SearchClient {
  /** Counts the requests sent that change what the worker would answer (`CHANGING`). */
  epoch = 0;
  private next = 0;
  private waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  private failed: Error | null = null;

  constructor(private readonly port: SearchPort) {
    port.onmessage = ({ data }) => {
      const pending = this.waiting.get(data.id);
      if (!pending) return;
      this.waiting.delete(data.id);
      if ("error" in data) pending.reject(new Error(data.error));
      else pending.resolve(data.reply);
    };
    port.onerror = (event) => this.fail(new Error(event?.message || "the search worker failed"));
  }

  request<K extends SearchRequestType>(
    type: K,
    fields: SearchProtocol[K]["request"],
  ): Promise<SearchReply<K>> {
    if (this.failed) return Promise.reject(this.failed);
    if (CHANGING.has(type)) this.epoch++;
    const id = ++this.next;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      try {
        this.port.postMessage({ id, message: { type, ...fields } as SearchMessage });
      } catch (error) {
        this.waiting.delete(id);
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  }

  /** Every request waiting, and every later one, fails with `error`. */
  fail(error: Error): void {
    this.failed ??= error;
    for (const pending of this.waiting.values()) pending.reject(error);
    this.waiting.clear();
  }
}

/**
 * A view's rows as the list reads them: first the rows the query brought (`first`), then more
 * from the worker. Positions count the view's rows as they were found, so rows deleted since
 * are skipped, not shifted.
 */
export function resultSource(
  client: SearchClient,
  first: { id: number; items: ArticleSummary[]; done: boolean },
  asked: number,
): Source {
  let given = false;
  let at = asked;
  let done = first.done;
  return {
    total: null,
    get done() {
      return given && done;
    },
    async next(n) {
      if (!given) {
        given = true;
        return { ok: true, items: first.items.slice(0, n) };
      }
      if (done) return { ok: true, items: [] };
      const from = at;
      at += n;
      try {
        const got = await client.request("more", { id: first.id, from, count: n });
        done = got.done;
        return { ok: true, items: got.items };
      } catch (error) {
        return { ok: false, error: { kind: "error", message: `Search failed: ${String(error)}` } };
      }
    },
  };
}
