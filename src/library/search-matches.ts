/**
 * A query's answer (search.ts `SearchIndex.match`): the set of documents it found, counted, and
 * listed newest saved first only as far as asked. Few matches are sorted; many (a short prefix
 * matches most of a library) are found by walking the documents in the date order the index
 * keeps and keeping the matching ones, which costs no sort at all, and stops once the page
 * asked for is full.
 */
import { hasBit, numbersOf, popcount } from "./search-postings.ts";

/**
 * The articles matching one query: how many, and their URLs newest saved first, a page at a
 * time (a broad query over a large library never lists every URL unless asked to). Valid
 * until the index changes; `freeze` first keeps it as it is (its URLs listed once).
 */
export interface Matches {
  readonly count: number;
  /** The URLs from `from` (newest first), at most `n`. */
  slice(from: number, n: number): string[];
  /** Every URL, newest first. */
  all(): string[];
  /** Lists the URLs now, so that the answers stay the same whatever the index does next. */
  freeze(): void;
}

/** What a `Matches` needs of its index. */
export interface MatchSource {
  /** How many documents the index holds. */
  readonly size: number;
  /** Counts the index's changes. */
  readonly version: number;
  url(n: number): string;
  /** Newest saved first. */
  compare(a: number, b: number): number;
  /** The document numbers, newest saved first. */
  order(): readonly number[];
}

export function matchesOf(index: MatchSource, found: Uint32Array | null): Matches {
  const version = index.version;
  const count = found ? popcount(found) : 0;
  /** Document numbers found so far, in date order, and how far the date order was walked. */
  let listed: number[] | null = null;
  let walked = 0;
  let frozen: string[] | null = null;
  const extend = (upTo: number): number[] => {
    if (!found) return [];
    if (version !== index.version) throw new Error("the search index changed since this search");
    if (!listed) {
      if (count * 16 < index.size) {
        listed = numbersOf(found).sort(index.compare);
        walked = Number.POSITIVE_INFINITY;
      } else {
        listed = [];
      }
    }
    if (listed.length >= upTo || walked === Number.POSITIVE_INFINITY) return listed;
    const order = index.order();
    while (listed.length < upTo && walked < order.length) {
      const n = order[walked++]!;
      if (hasBit(found, n)) listed.push(n);
    }
    return listed;
  };
  const urls = (from: number, n: number) =>
    extend(from + n)
      .slice(from, from + n)
      .map((d) => index.url(d));
  return {
    count,
    slice: (from, n) => (frozen ? frozen.slice(from, from + n) : urls(from, n)),
    all: () => (frozen ? [...frozen] : urls(0, count)),
    freeze: () => {
      frozen ??= urls(0, count);
    },
  };
}

/**
 * The document numbers newest saved first, kept through changes: a removal takes one out, a
 * few new documents go in by binary search (a save, an Undo), many make it sort again when
 * next needed.
 */
export class DateOrder {
  private order: number[] | null = null;

  constructor(
    private readonly compare: (a: number, b: number) => number,
    /** Every live document number. */
    private readonly numbers: () => number[],
  ) {}

  get(): number[] {
    this.order ??= this.numbers().sort(this.compare);
    return this.order;
  }

  add(added: readonly number[]): void {
    const order = this.order;
    if (!order) return;
    if (added.length > 64) {
      this.order = null;
      return;
    }
    for (const n of added) {
      let lo = 0;
      let hi = order.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (this.compare(order[mid]!, n) < 0) lo = mid + 1;
        else hi = mid;
      }
      order.splice(lo, 0, n);
    }
  }

  remove(n: number): void {
    const at = this.order ? this.order.indexOf(n) : -1;
    if (at >= 0) this.order!.splice(at, 1);
  }
}
