/**
 * Search a key ahead, end to end without a Worker: the service's `guess` and `adopt`
 * (search-service.ts), the page's `TypedAhead` over a copying port (typed-ahead.ts), and how
 * many rows the first frame shows (first-screen.ts).
 */
import { describe, expect, it } from "vitest";
import type { ArticleSummary } from "../../../src/library/summary.ts";
import { FirstScreen } from "../../../src/library-page/first-screen.ts";
import { SearchClient } from "../../../src/library-page/search-client.ts";
import type {
  SearchMessage,
  SearchReply,
  SearchRequestType,
} from "../../../src/library-page/search-protocol.ts";
import { searchService } from "../../../src/library-page/search-service.ts";
import { TypedAhead } from "../../../src/library-page/typed-ahead.ts";
import { freshLibrary, makeArticle, ok, testClock } from "../library/helpers.ts";
import { portTo, view } from "./search-port.ts";

const TITLES = [
  "Climate change and the Alps",
  "Climbing in winter",
  "Clinics close early",
  "Cloud cover tonight",
  "Council votes",
  "Café prices",
];

async function service() {
  const clock = testClock();
  const { library } = await freshLibrary({ now: clock.now });
  for (const [i, title] of TITLES.entries()) {
    ok(await library.save(makeArticle({ url: `https://news.example/${i}`, title, textContent: title })));
  }
  const s = searchService({ open: async () => ({ ok: true, library }), batch: 4 });
  const ask = <K extends SearchRequestType>(message: SearchMessage<K>) =>
    s.receive(message) as Promise<SearchReply<K>>;
  return { service: s, ask };
}

const urls = (items: { url: string }[]) => items.map((s) => Number(s.url.split("/").pop()));

describe("the service's guesses", () => {
  it("answers each guessed view as a query would, and an adopted guess pages like one", async () => {
    const { ask } = await service();
    await ask({ type: "build" });
    const guesses = await ask({ type: "guess", view: view("Cl"), count: 1 });
    expect(guesses.base).toBe("cl");
    expect(guesses.next.map((g) => g.query)).toEqual(["cli", "clo", "cl "]);
    for (const guess of guesses.next) {
      const asked = await ask({ type: "query", view: view(guess.query), count: 1 });
      expect([guess.total, guess.done]).toEqual([asked.total, asked.done]);
      expect(urls(guess.rows.map((at) => guesses.items[at]!))).toEqual(urls(asked.items));
    }
    // The queries above dropped the guesses: none can be adopted now.
    expect(await ask({ type: "adopt", id: guesses.next[0]!.id })).toEqual({ ok: false });

    const again = await ask({ type: "guess", view: view("cl"), count: 1 });
    const cli = again.next.find((g) => g.query === "cli")!;
    expect(cli.total).toBe(3);
    expect(await ask({ type: "adopt", id: cli.id })).toEqual({ ok: true });
    const more = await ask({ type: "more", id: cli.id, from: 1, count: 5 });
    expect(urls(more.items)).toEqual([1, 0]);
    expect((await ask({ type: "urls", id: cli.id })).urls).toHaveLength(3);
  });

  it("guesses nothing for a filtered or sorted view, and drops its guesses on a change", async () => {
    const { ask } = await service();
    await ask({ type: "build" });
    expect((await ask({ type: "guess", view: view("cl", { state: "unread" }), count: 5 })).next).toEqual([]);
    expect((await ask({ type: "guess", view: view("cl", { sort: "title" }), count: 5 })).next).toEqual([]);
    // A guess that a query overtook before it started makes nothing; the query is answered.
    const overtaken = ask({ type: "guess", view: view("cl"), count: 5 });
    const query = ask({ type: "query", view: view("cli"), count: 5 });
    expect((await overtaken).next).toEqual([]);
    expect((await query).total).toBe(3);
    const none = await ask({ type: "guess", view: view("clq"), count: 5 });
    expect([none.empty, none.next]).toEqual([true, []]);
    expect((await ask({ type: "guess", view: view("cl"), count: 5 })).empty).toBe(false);
    const guesses = await ask({ type: "guess", view: view("cl"), count: 5 });
    await ask({ type: "change", change: { type: "library-changed", saved: [], deleted: [], reload: false } });
    expect(await ask({ type: "adopt", id: guesses.next[0]!.id })).toEqual({ ok: false });
  });
});

describe("TypedAhead", () => {
  it("gives a guessed view's first rows once, and none after a query, a change or for other filters", async () => {
    const { service: s } = await service();
    const client = new SearchClient(portTo((m) => s.receive(m)));
    await client.request("build", {});
    const ahead = new TypedAhead();
    const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

    ahead.ask(client, view("cl"), 2);
    expect(ahead.take(client, view("cli"), 2)).toBeNull(); // not answered yet
    await settle();
    expect(ahead.take(client, view("cli", { site: "Elsewhere" }), 2)).toBeNull();
    expect(ahead.take(client, view("cli"), 20)).toBeNull();
    expect(ahead.take(client, view("clx"), 2)).toBeNull();
    const rows = ahead.take(client, view("CLI"), 2);
    const asked = await client.request("query", { view: view("cli"), count: 2 });
    expect(rows && { total: rows.total, done: rows.done, urls: urls(rows.items) }).toEqual({
      total: asked.total,
      done: asked.done,
      urls: urls(asked.items),
    });
    expect(ahead.take(client, view("cli"), 2)).toBeNull(); // taken once

    ahead.ask(client, view("cl"), 2);
    await settle();
    void client.request("query", { view: view("c"), count: 2 });
    expect(ahead.take(client, view("clo"), 2)).toBeNull(); // a query was sent since

    ahead.ask(client, view("cl"), 2);
    await settle();
    void client.request("change", {
      change: { type: "library-changed", saved: [], deleted: [], reload: false },
    });
    expect(ahead.take(client, view("clo"), 2)).toBeNull(); // a change was sent since

    // After a view that matched nothing, anything typed on matches nothing: no worker needed.
    ahead.ask(client, view("clz"), 2);
    await settle();
    const none = { id: 0, total: 0, items: [], done: true };
    expect(ahead.take(client, view("clzz"), 2)).toEqual(none);
    expect(ahead.take(client, view("clz cli"), 2)).toEqual(none);
    expect(ahead.take(client, view("cl"), 2)).toBeNull(); // shorter: not known
    const asked2 = await client.request("query", { view: view("clz cli"), count: 2 });
    expect(asked2.total).toBe(0);

    ahead.ask(client, view("cl", { tag: "food" }), 2);
    await settle();
    expect(ahead.take(client, view("clo", { tag: "food" }), 2)).toBeNull(); // not guessed
  });
});

describe("FirstScreen", () => {
  /** A list whose rows have these heights (an excerpt on the tall ones), its top at `top`. */
  function list(heights: number[], top: number) {
    const rows = heights.map((height) => ({
      getBoundingClientRect: () => ({ height }),
      querySelector: (selector: string) => (selector === ".lib-excerpt" && height > 50 ? {} : null),
    }));
    return { children: rows, getBoundingClientRect: () => ({ top }) } as unknown as HTMLElement;
  }
  const items = (excerpts: boolean[]) =>
    excerpts.map(
      (excerpt, i) => ({ url: String(i), excerpt: excerpt ? "An excerpt." : null }) as ArticleSummary,
    );

  it("shows every row until it has measured, then what fills the window and one row more", () => {
    const screen = new FirstScreen();
    expect(screen.fit(items(Array(20).fill(true)))).toBe(20);
    screen.measure(list([64, 66, 48, 64], 100), { innerHeight: 900 } as Window);
    // 800 px of room: 12 rows of 64 px fill 768, the 13th reaches past the edge, one more spare.
    expect(screen.fit(items(Array(20).fill(true)))).toBe(14);
    // Rows without an excerpt are 48 px: 17 fill 816.
    expect(screen.fit(items(Array(20).fill(false)))).toBe(18);
    expect(screen.fit(items([true, true]))).toBe(2);
    // Scrolled down: the list's top above the window, more rows fit below it.
    screen.measure(list([64], -640), { innerHeight: 900 } as Window);
    expect(screen.fit(items(Array(30).fill(true)))).toBe(26);
  });
});
