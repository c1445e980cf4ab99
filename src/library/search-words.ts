/**
 * The search index's vocabulary (search.ts): word -> id in an open-addressing hash table over
 * the words' text (FNV-1a), which `intern` probes with a word read in place from a longer
 * string, its hash computed by the caller as it scanned for the word's end. A library's 30
 * million words are read without making a string for each (a `Map` needs one per lookup). The
 * ids are also kept in the words' order, for prefix lookups.
 */

export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

export function hashOf(word: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), FNV_PRIME);
  return h;
}

/** Whether `source` holds `word` at `start` (a loop: several times faster than `startsWith` here). */
function same(word: string, source: string, start: number): boolean {
  for (let k = 0; k < word.length; k++) if (word.charCodeAt(k) !== source.charCodeAt(start + k)) return false;
  return true;
}

export class WordTable {
  /** Each word's text, by id. */
  readonly text: string[] = [];
  private hashes: number[] = [];
  private slots = new Int32Array(1024).fill(-1);
  /** Word ids ordered by their text (code unit order). */
  private sorted: number[] = [];
  /** Word ids added since `sorted` was last merged. */
  private unsorted: number[] = [];

  get size(): number {
    return this.text.length;
  }

  /** The id of `source.slice(start, end)`, whose `hash` the caller computed, added when new. */
  intern(source: string, start: number, end: number, hash: number): number {
    const mask = this.slots.length - 1;
    const length = end - start;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const id = this.slots[slot]!;
      if (id < 0) {
        const fresh = this.text.length;
        this.text.push(source.slice(start, end));
        this.hashes.push(hash);
        this.unsorted.push(fresh);
        this.slots[slot] = fresh;
        if (this.text.length * 2 > this.slots.length) this.grow();
        return fresh;
      }
      if (
        this.hashes[id] === hash &&
        this.text[id]!.length === length &&
        same(this.text[id]!, source, start)
      ) {
        return id;
      }
    }
  }

  /** The id of `word`, or -1. */
  lookup(word: string): number {
    const hash = hashOf(word);
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const id = this.slots[slot]!;
      if (id < 0) return -1;
      if (this.hashes[id] === hash && this.text[id] === word) return id;
    }
  }

  /** Sorts the words added since the last sort into the others; returns them. */
  sort(): string[] {
    if (this.unsorted.length === 0) return [];
    const text = this.text;
    const byText = (a: number, b: number) => (text[a]! < text[b]! ? -1 : text[a]! > text[b]! ? 1 : 0);
    const fresh = this.unsorted.sort(byText);
    const old = this.sorted;
    const merged: number[] = new Array(old.length + fresh.length);
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < old.length && j < fresh.length) {
      merged[k++] = byText(old[i]!, fresh[j]!) <= 0 ? old[i++]! : fresh[j++]!;
    }
    while (i < old.length) merged[k++] = old[i++]!;
    while (j < fresh.length) merged[k++] = fresh[j++]!;
    this.sorted = merged;
    this.unsorted = [];
    return fresh.map((id) => text[id]!);
  }

  /** Calls `each` with the id of every word that starts with `prefix`. */
  withPrefix(prefix: string, each: (id: number) => void): void {
    this.sort();
    const { sorted, text } = this;
    for (
      let i = this.firstAtLeast(prefix, 0);
      i < sorted.length && text[sorted[i]!]!.startsWith(prefix);
      i++
    ) {
      each(sorted[i]!);
    }
  }

  /**
   * The characters (UTF-16 code units) that come after `prefix` in the words that start with
   * it, in code unit order, at most `limit`: one binary search per character found, however
   * many words there are (a word equal to `prefix` adds none).
   */
  nextChars(prefix: string, limit: number): string[] {
    this.sort();
    const { sorted, text } = this;
    const out: string[] = [];
    let i = this.firstAtLeast(prefix, 0);
    while (out.length < limit && i < sorted.length) {
      const word = text[sorted[i]!]!;
      if (!word.startsWith(prefix)) break;
      if (word.length === prefix.length) {
        i++;
        continue;
      }
      const c = word.charCodeAt(prefix.length);
      out.push(String.fromCharCode(c));
      if (c === 0xffff) break;
      i = this.firstAtLeast(prefix + String.fromCharCode(c + 1), i);
    }
    return out;
  }

  /** The first place, from `from` on, in the sorted words whose text is not below `key`. */
  private firstAtLeast(key: string, from: number): number {
    const { sorted, text } = this;
    let lo = from;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (text[sorted[mid]!]! < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = slots.length - 1;
    for (let id = 0; id < this.text.length; id++) {
      let slot = this.hashes[id]! & mask;
      while (slots[slot] !== -1) slot = (slot + 1) & mask;
      slots[slot] = id;
    }
    this.slots = slots;
  }
}
