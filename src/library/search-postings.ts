/**
 * The search index's postings (search.ts): each word's documents, as a list of document
 * numbers (unordered, its first `lengths[id]` in use) while the word is in few documents, and
 * as a bitset (one bit per document number) once it is in more than one in 32, where the set
 * is smaller than the list and joins with other sets a machine word (32 documents) at a time.
 * Bitsets hold `span * 32` document numbers; `grow` makes them longer, and makes the postings
 * that are small for the new span lists again.
 */

export const EMPTY = new Uint32Array(0);

/** `array` in a new one of `size` (at least its own length). */
export function grownTo(array: Uint32Array<ArrayBuffer>, size: number): Uint32Array<ArrayBuffer> {
  const grown = new Uint32Array(Math.max(size, array.length));
  grown.set(array);
  return grown;
}

export function popcount(bits: Uint32Array): number {
  let count = 0;
  for (let i = 0; i < bits.length; i++) {
    let v = bits[i]!;
    if (v === 0) continue;
    v -= (v >>> 1) & 0x55555555;
    v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
    count += (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
  }
  return count;
}

export const hasBit = (bits: Uint32Array, n: number) => (bits[n >>> 5]! & (1 << (n & 31))) !== 0;

/** `a` joined with `b`, in `a` (which the caller owns). */
export function and(a: Uint32Array, b: Uint32Array): Uint32Array {
  for (let w = 0; w < a.length; w++) a[w]! &= b[w] ?? 0;
  return a;
}

/** The document numbers of a bitset, in increasing order. */
export function numbersOf(bits: Uint32Array): number[] {
  const out: number[] = [];
  for (let w = 0; w < bits.length; w++) {
    let v = bits[w]!;
    while (v !== 0) {
      const low = v & -v;
      out.push(w * 32 + 31 - Math.clz32(low));
      v ^= low;
    }
  }
  return out;
}

export class Postings {
  /** Each word's documents: a list, or a bitset where `dense[id]` is 1. */
  readonly lists: Uint32Array[] = [];
  /** How many documents hold each word. */
  readonly lengths: number[] = [];
  readonly dense: number[] = [];
  /** Bitset length in 32-bit words. */
  span = 0;

  /** A new word's (empty) posting; its id is the next. */
  addWord(): void {
    this.lists.push(EMPTY);
    this.lengths.push(0);
    this.dense.push(0);
  }

  /**
   * Makes room for `need[id]` more documents in each `touched` word's posting (zeroing `need`):
   * a list sized once, or a bitset when the list would be longer than one.
   */
  reserve(touched: readonly number[], need: Uint32Array): void {
    const limit = this.span;
    for (const id of touched) {
      const extra = need[id]!;
      need[id] = 0;
      if (this.dense[id]) continue;
      const len = this.lengths[id]!;
      const old = this.lists[id]!;
      if (len + extra > limit) {
        this.toDense(id);
      } else if (len + extra > old.length) {
        // Exact size for the first fill; doubling when one more article grows it later.
        const size = len === 0 ? extra : Math.min(limit, Math.max(len + extra, old.length * 2));
        const grown = new Uint32Array(size);
        grown.set(old.subarray(0, len));
        this.lists[id] = grown;
      }
    }
  }

  /** Takes document `n` out of word `id`'s posting (nothing when it is not there). */
  unpost(id: number, n: number): void {
    const posting = this.lists[id]!;
    const len = this.lengths[id]!;
    if (len === 0) return;
    if (this.dense[id]) {
      const bit = 1 << (n & 31);
      if ((posting[n >>> 5]! & bit) === 0) return;
      posting[n >>> 5]! &= ~bit;
    } else {
      const at = posting.lastIndexOf(n, len - 1);
      if (at < 0) return;
      posting[at] = posting[len - 1]!;
    }
    this.lengths[id] = len - 1;
  }

  /** A word's documents as a new bitset. */
  copy(id: number): Uint32Array {
    if (this.dense[id]) return this.lists[id]!.slice();
    return this.orInto(new Uint32Array(this.span), id);
  }

  /** `set` joined with a word's documents (in place when they are a bitset). */
  and(set: Uint32Array, id: number): Uint32Array {
    if (this.dense[id]) return and(set, this.lists[id]!);
    const out = new Uint32Array(this.span);
    const posting = this.lists[id]!;
    const len = this.lengths[id]!;
    for (let i = 0; i < len; i++) {
      const n = posting[i]!;
      const bit = 1 << (n & 31);
      if (set[n >>> 5]! & bit) out[n >>> 5]! |= bit;
    }
    return out;
  }

  /** Adds a word's documents to the bitset `out`. */
  orInto(out: Uint32Array, id: number): Uint32Array {
    const posting = this.lists[id]!;
    if (this.dense[id]) {
      for (let w = 0; w < posting.length; w++) out[w]! |= posting[w]!;
    } else {
      const len = this.lengths[id]!;
      for (let j = 0; j < len; j++) {
        const n = posting[j]!;
        out[n >>> 5]! |= 1 << (n & 31);
      }
    }
    return out;
  }

  /** Longer bitsets (`span` words); postings now small become lists again. */
  grow(span: number): void {
    this.span = span;
    for (let id = 0; id < this.lists.length; id++) {
      if (!this.dense[id]) continue;
      // Hysteresis: back to a list only well under the limit, so no word flips at each change.
      if (this.lengths[id]! * 2 < span) this.toSparse(id);
      else this.lists[id] = grownTo(this.lists[id]! as Uint32Array<ArrayBuffer>, span);
    }
  }

  private toDense(id: number): void {
    const bits = new Uint32Array(this.span);
    const posting = this.lists[id]!;
    const len = this.lengths[id]!;
    for (let i = 0; i < len; i++) {
      const n = posting[i]!;
      bits[n >>> 5]! |= 1 << (n & 31);
    }
    this.lists[id] = bits;
    this.dense[id] = 1;
  }

  private toSparse(id: number): void {
    const numbers = numbersOf(this.lists[id]!);
    const list = new Uint32Array(Math.max(numbers.length, 1));
    list.set(numbers);
    this.lists[id] = list;
    this.dense[id] = 0;
  }
}
