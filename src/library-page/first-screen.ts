/**
 * How many of a view's first rows fill the window: the list shows those in the frame that
 * answers a key, and the rest (below the window's edge) one frame later (listing.ts), so that
 * a keystroke's frame styles and lays out only what the reader sees (issue 15's search p95).
 *
 * Row heights are measured after a paint, per kind (a row with an excerpt has one line more),
 * and the list's top with them; until then every row is shown at once. One row more than the
 * estimate is shown, so a row a little shorter than measured leaves no gap.
 */
import type { ArticleSummary } from "../library/summary.ts";

/** The rows measured at most. */
const MEASURED = 30;

export class FirstScreen {
  /** The shortest row of each kind seen, in CSS pixels (0: none seen yet). */
  private withExcerpt = 0;
  private without = 0;
  /** The room below the list's top, down to the window's bottom edge. */
  private room = 0;

  /** Reads the list's rows and place once they are painted (their layout is then clean). */
  measure(list: HTMLElement, win: Window): void {
    let withExcerpt = 0;
    let without = 0;
    const rows = list.children;
    for (let i = 0; i < rows.length && i < MEASURED; i++) {
      const row = rows[i]!;
      const height = row.getBoundingClientRect().height;
      if (height <= 0) continue;
      if (row.querySelector(".lib-excerpt"))
        withExcerpt = withExcerpt ? Math.min(withExcerpt, height) : height;
      else without = without ? Math.min(without, height) : height;
    }
    if (withExcerpt) this.withExcerpt = withExcerpt;
    if (without) this.without = without;
    this.room = win.innerHeight - list.getBoundingClientRect().top;
  }

  /** How many of `items` (at most all) to show in this frame. */
  fit(items: readonly ArticleSummary[]): number {
    const tall = this.withExcerpt || this.without;
    const short = this.without || this.withExcerpt;
    if (!tall) return items.length;
    let used = 0;
    for (let i = 0; i < items.length; i++) {
      if (used >= this.room) return Math.min(items.length, i + 1);
      used += items[i]!.excerpt ? tall : short;
    }
    return items.length;
  }
}
