/**
 * The page's side of searching a key ahead (library/search-guesses.ts): after the list shows a
 * query's rows, the worker is asked for the views the next key could make of it; when that key
 * comes, its rows are taken from here in the input event itself, so the character and its
 * results reach the screen in the same frame. The worker keeps each guess's rows under its id,
 * and `adopt` (sent by the list) makes the one shown the view it pages through.
 *
 * Guesses are only good for the worker's state they were made in: a query, a change or a build
 * sent since (`SearchClient.epoch`), or a newer guess asked, and they are not used.
 */
import type { ArticleSummary } from "../library/summary.ts";
import { guessKey } from "../library/search-guesses.ts";
import type { SearchClient } from "./search-client.ts";
import type { Guesses, SearchReply, SearchView } from "./search-protocol.ts";

/** A view's first rows as a query answers them. */
export type FirstRows = SearchReply<"query">;

interface Held {
  client: SearchClient;
  epoch: number;
  count: number;
  /** The view's filters and order, which the guesses share. */
  rest: string;
  items: ArticleSummary[];
  byQuery: Map<string, Guesses["next"][number]>;
  base: string;
  empty: boolean;
}

/** What a view is but its query. */
function restOf(view: SearchView): string {
  return JSON.stringify([view.site, view.tag, view.state, view.sort, view.locale ?? null]);
}

/** Whether the worker guesses for this view (the plain list: search-protocol.ts `guess`). */
export function guessable(view: SearchView): boolean {
  return !view.tag && !view.state && view.sort === "saved";
}

export class TypedAhead {
  private asked = 0;
  private held: Held | null = null;

  /** Asks the worker for the views one more key could make of `view` (its first `count` rows). */
  ask(client: SearchClient, view: SearchView, count: number): void {
    this.held = null;
    const mine = ++this.asked;
    if (!guessable(view)) return;
    const epoch = client.epoch;
    client.request("guess", { view, count }).then(
      (guesses) => {
        if (mine !== this.asked || client.epoch !== epoch) return;
        const byQuery = new Map(guesses.next.map((next) => [next.query, next]));
        const { items, base, empty } = guesses;
        this.held = { client, epoch, count, rest: restOf(view), items, byQuery, base, empty };
      },
      () => {
        // No guesses: the next key asks the worker, as without them.
      },
    );
  }

  /**
   * The first `count` rows of `view` when it is one of the views guessed (then the caller tells
   * the worker: `adopt`, unless the id is 0: no rows), else null. Each guess is taken once;
   * after a view that matched nothing, every longer query is answered (nothing) until the next
   * guess is asked.
   */
  take(client: SearchClient, view: SearchView, count: number): FirstRows | null {
    const held = this.held;
    if (!held || held.client !== client || held.epoch !== client.epoch) return null;
    if (held.count !== count || held.rest !== restOf(view)) return null;
    const key = guessKey(view.query);
    // Typed on after a view that matched nothing: nothing again (the worker keeps no rows: id 0).
    if (held.empty && key.startsWith(held.base)) return { id: 0, total: 0, items: [], done: true };
    const next = held.byQuery.get(key);
    if (!next) return null;
    this.held = null;
    return { id: next.id, total: next.total, done: next.done, items: next.rows.map((at) => held.items[at]!) };
  }
}
