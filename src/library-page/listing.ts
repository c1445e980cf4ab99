/**
 * The list of articles: the first screen of rows, more rows as the reader scrolls, the count,
 * and what an empty list says. Rows come from a source (sources.ts): the whole library, newest
 * first, until the search index is built; then the search worker's view (search-client.ts),
 * which sends the rows shown and their count, never the whole list.
 * Row elements are kept and reused (typing a longer word mostly shows the same rows again).
 */
import { parseQuery } from "../library/search-terms.ts";
import type { ArticleSummary } from "../library/summary.ts";
import { afterPaint } from "../ui/paint.ts";
import type { LibraryPage } from "./page.ts";
import { showHighlighted } from "./highlight.ts";
import { showEmptyList } from "./empty-list.ts";
import { FirstScreen } from "./first-screen.ts";
import { listFocus } from "./list-focus.ts";
import { addRowButtons, renderRow } from "./rows.ts";
import { resultSource } from "./search-client.ts";
import type { ResultsRef, SearchView } from "./search-protocol.ts";
import { browseSource, type Source } from "./sources.ts";
import { countText } from "./text.ts";
import { TypedAhead } from "./typed-ahead.ts";
import type { SortKey } from "./views.ts";

/** Rows on the first screen of a list or a search (a tall window shows about ten). */
const FIRST_ROWS = 20;
/** Rows added at a time as the reader scrolls. */
const PAGE = 50;
/** Row elements kept for reuse. */
const ROW_CACHE = 600;
/** Performance mark (read by `npm run bench:library`): each search's results painted. */
export const RESULTS_MARK = "library-results";

/** What other features do to rows: decorate them as they are shown, let go when they are dropped. */
export interface RowHooks {
  /** A row goes on the list; `fresh` when it was just built (else a kept row reused). */
  shown?(row: HTMLLIElement, summary: ArticleSummary, fresh: boolean): void;
  /** A row built earlier is dropped for good: it will not be shown again. */
  dropped?(row: HTMLLIElement): void;
}

export interface Listing {
  /** Adds what another feature does to rows (see {@link RowHooks}). */
  hook(hooks: RowHooks): void;
  /** Replaces the list with the first `keep` (at least a screen of) rows of the current view. */
  show(keep?: number): Promise<void>;
  /** Adds the next rows of the current view. */
  loadMore(): Promise<void>;
  /** Counts the library again, and says so. */
  refreshTotal(): Promise<void>;
  updateCount(): void;
  /** Shows what an empty list means (an empty library, or no match), or hides it. */
  showEmpty(): void;
  /**
   * Once the index is ready and the list painted: measures the window's room for rows
   * (first-screen.ts) and has the worker answer ahead the queries the next key could make
   * (typed-ahead.ts).
   */
  prepareTyping(): void;
}

export function listing(page: LibraryPage): Listing {
  const { doc, ui, state, cache, library, locale, root } = page;
  const rows = new Map<string, { updatedAt: number; row: HTMLLIElement }>();
  /** Each row's summary, for its buttons (made when the pointer or the focus comes to it). */
  const summaries = new WeakMap<HTMLLIElement, ArticleSummary>();
  const focusedControl = listFocus(doc, ui.list, (url) => rows.get(url)?.row);
  let loadingMore = false;
  const ahead = new TypedAhead();
  const screen = new FirstScreen();
  /** The rows of the last view below the window's edge, added a frame after the others. */
  let tail: Promise<void> | null = null;
  const hooks: RowHooks[] = [];
  const drop = (row: HTMLLIElement) => {
    for (const h of hooks) h.dropped?.(row);
  };
  const shown = (row: HTMLLIElement, summary: ArticleSummary, fresh: boolean) => {
    for (const h of hooks) h.shown?.(row, summary, fresh);
    return row;
  };

  /** The query parsed once for all the rows it marks. */
  let parsed = { query: "", words: parseQuery("") };
  /** A row marked with the current query's hits (rebuilt only when the query changed). */
  const marked = (row: HTMLLIElement, summary: ArticleSummary): HTMLLIElement => {
    const query = ui.query.value;
    if ((row.dataset.query ?? "") === query) return row;
    row.dataset.query = query;
    if (parsed.query !== query) parsed = { query, words: parseQuery(query) };
    const title = row.querySelector<HTMLElement>(".lib-open");
    if (title) showHighlighted(title, summary.title || "Untitled", parsed.words);
    const excerpt = row.querySelector<HTMLElement>(".lib-excerpt");
    if (excerpt) showHighlighted(excerpt, summary.excerpt, parsed.words);
    return row;
  };

  const rowFor = (summary: ArticleSummary): HTMLLIElement => {
    const kept = rows.get(summary.url);
    if (kept && kept.updatedAt === summary.updatedAt) {
      const box = kept.row.querySelector<HTMLInputElement>(".lib-check");
      if (box) box.checked = state.selected.has(summary.url);
      return shown(marked(kept.row, summary), summary, false);
    }
    const row = renderRow(doc, summary, {
      locale,
      selected: state.selected.has(summary.url),
      readerUrl: page.readerUrl,
    });
    summaries.set(row, summary);
    // A row changed under the pointer or the focus (marked read, tagged…) keeps its buttons.
    if (kept?.row.querySelector(".lib-actions")) addRowButtons(doc, row, summary);
    if (kept) drop(kept.row);
    rows.delete(summary.url);
    rows.set(summary.url, { updatedAt: summary.updatedAt, row });
    if (rows.size > ROW_CACHE) {
      const [oldest, { row: old }] = rows.entries().next().value!;
      rows.delete(oldest);
      drop(old);
    }
    return shown(marked(row, summary), summary, true);
  };

  /**
   * Puts `wanted` in the list, in order, from its row `from` on, moving only what moved: rows
   * already in place stay (as you type a longer word the first rows are mostly the same, and
   * are not laid out again). What is after them is removed, unless `keepRest` (the first rows
   * of a view, whose last rows come a frame later: the rows below the window stay until then).
   */
  const showRows = (wanted: readonly HTMLLIElement[], from = 0, keepRest = false) => {
    const focus = focusedControl();
    let at: ChildNode | null = ui.list.children[from] ?? null;
    for (const row of wanted) {
      if (row === at) at = at.nextSibling;
      else ui.list.insertBefore(row, at);
    }
    // What is left after them goes in one removal (one by one, each is a mutation of its own).
    if (at && !keepRest) {
      const rest = doc.createRange();
      rest.setStartBefore(at);
      rest.setEndAfter(ui.list.lastChild!);
      rest.deleteContents();
    }
    if (focus && (!doc.activeElement || doc.activeElement === doc.body)) focus();
  };

  const updateCount = () => {
    const filtered = page.filtered();
    ui.count.textContent = countText(
      { filtered, matches: filtered ? (state.results?.total ?? null) : null, total: state.total },
      locale,
    );
  };

  const showEmpty = () => showEmptyList(page);

  const currentView = (): SearchView => ({
    query: ui.query.value,
    site: ui.site.value || null,
    tag: ui.tag.value,
    state: ui.readState.value,
    sort: ui.sort.value as SortKey,
    locale,
  });

  const guessAhead = () => {
    if (state.index) ahead.ask(state.index, currentView(), FIRST_ROWS);
  };

  /** After a paint (or a resize): the window's room for rows, for the next view's first frame. */
  const measure = () => screen.measure(ui.list, page.win);
  page.win.addEventListener("resize", measure, { passive: true });

  /** Adds rows at the list's end. */
  const append = (items: readonly ArticleSummary[]) => {
    const fragment = doc.createDocumentFragment();
    for (const item of items) fragment.append(rowFor(item));
    ui.list.append(fragment);
  };

  const show = async (keep = 0): Promise<void> => {
    const mine = ++state.run;
    const isFiltered = page.filtered();
    if ((isFiltered || page.sorted()) && !state.index) {
      // The index is still being built: the search runs when it is ready.
      ui.count.textContent =
        root.dataset.search === "failed" ? "Search is not available" : "Preparing search…";
      return;
    }
    const q = ui.query.value;
    const site = ui.site.value || null;
    const count = Math.max(FIRST_ROWS, keep);
    let next: Source;
    let results: ResultsRef | null = null;
    if (state.index) {
      // The worker knows the whole list too, in the same order, with every summary: it answers
      // with the view's count and its first rows.
      const view = currentView();
      const index = state.index;
      // The key just typed was guessed (typed-ahead.ts): its rows are here, shown in this very
      // event, and the worker is told which view the page now shows.
      const guessed = ahead.take(index, view, count);
      if (guessed?.id) void index.request("adopt", { id: guessed.id }).catch(() => undefined);
      const found =
        guessed ?? (await index.request("query", { view, count }).catch((error: unknown) => error as Error));
      if (mine !== state.run) return;
      if (found instanceof Error) {
        page.alert(`Search failed: ${found.message}`);
        return;
      }
      results = { id: found.id, total: found.total };
      next = resultSource(index, found, count);
    } else {
      next = browseSource(library);
    }
    const got = await next.next(count);
    if (mine !== state.run) return;
    if (!got.ok) {
      page.alert(got.error.message);
      return;
    }
    state.results = results;
    cache.remember(got.items);
    state.source = next;
    // What fits the window now; the rest once this frame is painted.
    const now = screen.fit(got.items);
    showRows(got.items.slice(0, now).map(rowFor), 0, now < got.items.length);
    state.rendered = got.items.length;
    ui.more.hidden = next.done;
    root.dataset.state = state.rendered || isFiltered ? "ready" : "empty";
    ui.main.setAttribute("aria-busy", "false");
    showEmpty();
    updateCount();
    const detail = { query: q, site, matches: state.results?.total ?? 0 };
    const painted = afterPaint(page.win).then(() => {
      if (mine !== state.run) return;
      if (isFiltered) performance.mark(RESULTS_MARK, { detail });
      measure();
      if (now < got.items.length) {
        showRows(got.items.slice(now).map(rowFor), now);
        // Observed again, the sentinel is measured anew below the whole first page.
        nearEnd.unobserve(ui.more);
        nearEnd.observe(ui.more);
      }
      // Asked once this frame is painted: the worker's guessing would take the processor from
      // the frame's style and layout on a machine with few cores.
      guessAhead();
    });
    if (now < got.items.length) {
      tail = painted;
      void painted.then(() => {
        if (tail === painted) tail = null;
      });
    }
  };

  const loadMore = async () => {
    if (loadingMore || state.source.done) return;
    loadingMore = true;
    // The rows below the window's edge come first.
    if (tail) await tail;
    const mine = state.run;
    const from = state.source;
    const got = await from.next(PAGE);
    loadingMore = false;
    if (mine !== state.run || from !== state.source) return;
    if (!got.ok) {
      page.alert(got.error.message);
      return;
    }
    cache.remember(got.items);
    append(got.items);
    state.rendered += got.items.length;
    ui.more.hidden = from.done;
  };

  const refreshTotal = async () => {
    const counted = await library.count();
    if (counted.ok) state.total = counted.count;
    updateCount();
  };

  // Search as you type; the site filter.
  ui.query.addEventListener("input", () => void show());
  for (const select of [ui.site, ui.tag, ui.readState, ui.sort]) {
    select.addEventListener("change", () => void show());
  }

  // A row's buttons, made when the pointer or the focus first comes to it (rows.ts).
  const withButtons = (event: Event) => {
    const row = (event.target as Element | null)?.closest?.<HTMLLIElement>(".lib-row");
    const summary = row && summaries.get(row);
    if (row && summary) addRowButtons(doc, row, summary);
  };
  ui.list.addEventListener("pointerover", withButtons);
  ui.list.addEventListener("focusin", withButtons);

  // More rows: when "Show more" comes within 300 px of the window (a view's first 20 rows
  // reach past that on a 900 px window: a keystroke's results do not also bring 50 more rows
  // the reader has not scrolled to), or when it is pressed.
  // While a first page's last rows wait for their frame, the sentinel is not where it will be.
  ui.more.addEventListener("click", () => void loadMore());
  const nearEnd = new IntersectionObserver(
    (entries) => {
      if (!tail && entries.some((e) => e.isIntersecting)) void loadMore();
    },
    { rootMargin: "300px" },
  );
  nearEnd.observe(ui.more);

  // A feature wired after the first rows were painted sees them too.
  const hook = (more: RowHooks) => {
    hooks.push(more);
    for (const row of ui.list.querySelectorAll<HTMLLIElement>(".lib-row")) {
      const summary = row.dataset.url ? cache.get(row.dataset.url) : undefined;
      if (summary) more.shown?.(row, summary, true);
    }
  };

  const prepareTyping = () => {
    measure();
    guessAhead();
  };

  return { hook, show, loadMore, refreshTotal, updateCount, showEmpty, prepareTyping };
}
