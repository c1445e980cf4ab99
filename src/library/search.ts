/**
 * Library search: an in-memory inverted index over headline, standfirst, byline, site and body.
 * Pure (no IndexedDB, no DOM): the store persists each article's `SearchEntry` (its folded,
 * de-duplicated words) and the library page's search worker feeds them to a `SearchIndex` on
 * load, then keeps it current with `add` and `remove` as articles are saved, deleted and
 * restored.
 *
 * Matching: the query is folded like the text (fold.ts: any case, diacritics, ß = ss) and cut
 * into words; every word must match (AND), in any order; the last word matches as a prefix
 * while it is being typed (the query does not end in a space or punctuation), the others as
 * whole words. Han, Hiragana and Katakana, written without spaces, are indexed one character
 * per word, so a Chinese or Japanese query matches articles holding all its characters. An
 * optional site filter keeps one site's articles. Results come newest saved first.
 *
 * Cost per keystroke, and why not a library (MiniSearch, FlexSearch): the README's
 * architecture notes.
 */
import { squash } from "../core/whitespace.ts";
import { fold } from "./fold.ts";
import { hostKey } from "./keys.ts";
import { type SiteCount, siteCounts, siteFilter } from "./sites.ts";

export type { SiteCount };
import { parseQuery, type SearchEntry } from "./search-terms.ts";

export interface SearchOptions {
  /** Only articles of this site: its key (`SiteCount.key`), or a name compared folded. */
  site?: string | null;
}

interface Doc {
  url: string;
  site: string;
  siteKey: string;
  /** keys.ts `hostKey`: one site however its pages name themselves. */
  host: string;
  savedAt: number;
  /** The ids of its words, to take it out of their postings on removal. */
  words: Uint32Array;
}

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

/** The list's order: newest saved first, then by URL (descending), as the store lists them. */
function newestFirst(a: Doc, b: Doc): number {
  return b.savedAt - a.savedAt || (a.url < b.url ? 1 : a.url > b.url ? -1 : 0);
}

function siteKey(site: string): string {
  return squash(fold(site));
}

const EMPTY = new Uint32Array(0);
/** Prefixes of up to this many characters keep their documents as one set, updated as it goes. */
const CACHED_PREFIX = 2;

function popcount(bits: Uint32Array): number {
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

const hasBit = (bits: Uint32Array, n: number) => (bits[n >>> 5]! & (1 << (n & 31))) !== 0;

/**
 * Postings: each word's documents, as a list of document numbers (unordered, its first
 * `lengths[id]` in use) while the word is in few documents, and as a bitset (one bit per
 * document number) once it is in more than one in 32, where the set is smaller than the list
 * and joins with other sets a machine word (32 documents) at a time. A query's words are joined
 * into one bitset; its count is the set's population, and its first rows are found by walking
 * the documents in date order (or sorting, when they are few), so that a one-letter prefix that
 * matches a whole library of 50,000 costs no more than a few sets joined.
 */
export class SearchIndex {
  /** Documents by internal number; holes are reused through `free`. */
  private docs: (Doc | undefined)[] = [];
  private free: number[] = [];
  private byUrl = new Map<string, number>();
  /** Word ids by text (`lookup`); `wordText[id]`; `postings[id]`; `lengths[id]` documents hold it. */
  private words = new WordTable();
  private wordText = this.words.text;
  private postings: Uint32Array[] = [];
  private lengths: number[] = [];
  /** 1 where `postings[id]` is a bitset. */
  private dense: number[] = [];
  /** The add batch that last met each word, to drop repeats within one entry. */
  private wordStamp: number[] = [];
  private stamp = 0;
  /** Word ids ordered by their text (code unit order), for prefix lookups. */
  private sorted: number[] = [];
  /** Word ids added since `sorted` was last merged. */
  private unsorted: number[] = [];
  /** Bitset length in 32-bit words: document numbers below `span * 32` fit. */
  private span = 0;
  /** The live documents, as a bitset. */
  private live = EMPTY;
  /** The documents of each short prefix ("c", "cl"), kept current once made. */
  private prefixSets = new Map<string, Uint32Array>();
  /** The documents of each site filtered on since the last change. */
  private siteSets = new Map<string, Uint32Array>();
  /** Scratch counts per word id for `addAll` (all zero between calls). */
  private need = new Uint32Array(0);
  /** Scratch word ids of the entry being added. */
  private idScratch = new Uint32Array(1024);
  /** Scratch bitset for joins. */
  private scratch = EMPTY;
  /** Document numbers newest saved first; null after a change until the next search needs it. */
  private order: number[] | null = null;
  /** Counts changes, so that a `Matches` knows when it is out of date. */
  private version = 0;

  constructor(entries: Iterable<SearchEntry> = []) {
    this.addAll(entries);
  }

  get size(): number {
    return this.byUrl.size;
  }

  /**
   * Makes room for `count` documents at once (a build that knows the library's size), so that
   * the postings are not first made for a small library and then grown.
   */
  reserve(count: number): void {
    this.ensureSpan(count);
  }

  /**
   * Does now what the first keystroke would: sorts the words added since the last prefix
   * lookup, orders the documents by date and makes the one-letter prefix sets.
   */
  prepare(): void {
    const firsts = new Set<string>();
    for (const id of this.unsorted) firsts.add(this.wordText[id]!.slice(0, 1));
    this.mergeSorted();
    this.newestFirst();
    for (const first of firsts) this.prefixSet(first);
  }

  has(url: string): boolean {
    return this.byUrl.has(url);
  }

  /** Adds an article, or replaces the one with the same URL. */
  add(entry: SearchEntry): void {
    this.addAll([entry]);
  }

  /**
   * Adds many articles (replacing any with the same URL): the words of every entry first, then
   * each posting sized once and filled (several times faster than growing each).
   */
  addAll(entries: Iterable<SearchEntry>): void {
    const added: number[] = [];
    for (const entry of entries) {
      this.remove(entry.url);
      const n = this.free.pop() ?? this.docs.length;
      const stamp = ++this.stamp;
      // The words are read off the terms string in place: no string is made for a known word.
      const terms = entry.terms ?? "";
      let ids = this.idScratch;
      let count = 0;
      const table = this.words;
      for (let start = 0; start < terms.length; ) {
        let end = terms.indexOf(" ", start);
        if (end < 0) end = terms.length;
        if (end > start) {
          const known = table.text.length;
          const id = table.intern(terms, start, end);
          if (id === known) {
            this.postings.push(EMPTY);
            this.lengths.push(0);
            this.dense.push(0);
            this.wordStamp.push(0);
            this.unsorted.push(id);
          }
          if (this.wordStamp[id] !== stamp) {
            this.wordStamp[id] = stamp;
            if (count === ids.length) {
              const grown = new Uint32Array(ids.length * 2);
              grown.set(ids);
              ids = this.idScratch = grown;
            }
            ids[count++] = id;
          }
        }
        start = end + 1;
      }
      this.docs[n] = {
        url: entry.url,
        site: entry.site,
        siteKey: siteKey(entry.site),
        host: hostKey(entry.url),
        savedAt: entry.savedAt,
        words: ids.slice(0, count),
      };
      this.byUrl.set(entry.url, n);
      added.push(n);
    }
    if (added.length === 0) return;
    this.changed();
    // A URL given twice in one batch reuses its number: post each live document once.
    const live = added.length === 1 ? added : [...new Set(added)].filter((n) => this.docs[n]);
    this.placeInOrder(live);
    this.ensureSpan(this.docs.length);
    if (this.need.length < this.wordText.length) {
      this.need = new Uint32Array(Math.max(this.wordText.length, this.need.length * 2));
    }
    const need = this.need;
    const touched: number[] = [];
    for (const n of live) {
      for (const id of this.docs[n]!.words) if (need[id]!++ === 0) touched.push(id);
    }
    const limit = this.denseLimit();
    for (const id of touched) {
      const extra = need[id]!;
      need[id] = 0;
      if (this.dense[id]) continue;
      const len = this.lengths[id]!;
      const old = this.postings[id]!;
      if (len + extra > limit) {
        this.toDense(id);
      } else if (len + extra > old.length) {
        // Exact size for the first fill; doubling when one more article grows it later.
        const grown = new Uint32Array(
          len === 0 ? extra : Math.min(limit, Math.max(len + extra, old.length * 2)),
        );
        grown.set(old.subarray(0, len));
        this.postings[id] = grown;
      }
    }
    for (const n of live) {
      const word = n >>> 5;
      const bit = 1 << (n & 31);
      this.live[word]! |= bit;
      for (const id of this.docs[n]!.words) {
        if (this.dense[id]) this.postings[id]![word]! |= bit;
        else this.postings[id]![this.lengths[id]!] = n;
        this.lengths[id]!++;
      }
    }
    if (this.prefixSets.size) {
      for (const n of live) {
        for (const id of this.docs[n]!.words) {
          const text = this.wordText[id]!;
          for (let k = 1; k <= CACHED_PREFIX && k <= text.length; k++) {
            const set = this.prefixSets.get(text.slice(0, k));
            if (set) set[n >>> 5]! |= 1 << (n & 31);
          }
        }
      }
    }
  }

  /** Removes an article; false when it was not indexed. */
  remove(url: string): boolean {
    const n = this.byUrl.get(url);
    if (n === undefined) return false;
    const doc = this.docs[n]!;
    const word = n >>> 5;
    const bit = 1 << (n & 31);
    for (const id of doc.words) {
      const posting = this.postings[id]!;
      const len = this.lengths[id]!;
      if (len === 0) continue;
      if (this.dense[id]) {
        if ((posting[word]! & bit) === 0) continue;
        posting[word]! &= ~bit;
      } else {
        const at = posting.lastIndexOf(n, len - 1);
        if (at < 0) continue;
        posting[at] = posting[len - 1]!;
      }
      this.lengths[id] = len - 1;
    }
    if (word < this.span) {
      this.live[word]! &= ~bit;
      for (const set of this.prefixSets.values()) set[word]! &= ~bit;
    }
    if (this.order) {
      const at = this.order.indexOf(n);
      if (at >= 0) this.order.splice(at, 1);
    }
    this.docs[n] = undefined;
    this.free.push(n);
    this.byUrl.delete(url);
    this.changed();
    return true;
  }

  /** The sites of the indexed articles with their counts (sites.ts `siteCounts`). */
  sites(): SiteCount[] {
    return siteCounts(this.docs);
  }

  /** The URLs of the articles matching `query`, newest saved first. */
  search(query: string, options: SearchOptions = {}): string[] {
    return this.match(query, options).all();
  }

  /** The articles matching `query`: their count, and their URLs a page at a time. */
  match(query: string, options: SearchOptions = {}): Matches {
    const { whole, prefix } = parseQuery(query);
    const ids: number[] = [];
    for (const word of whole) {
      const id = this.words.lookup(word);
      if (id < 0 || this.lengths[id] === 0) return this.matches(null);
      ids.push(id);
    }
    ids.sort((a, b) => this.lengths[a]! - this.lengths[b]!);
    let found: Uint32Array | null = null;
    for (const id of ids) {
      found = found ? this.andPosting(found, id) : this.copyPosting(id);
    }
    if (prefix !== null) {
      const set = this.prefixSet(prefix);
      found = found ? and(found, set) : set.slice();
    }
    if (options.site) {
      const set = this.siteSet(siteKey(options.site));
      found = found ? and(found, set) : set.slice();
    }
    found = found ? and(found, this.live) : this.live.slice();
    return this.matches(found);
  }

  private matches(found: Uint32Array | null): Matches {
    const version = this.version;
    const count = found ? popcount(found) : 0;
    /** Document numbers found so far, in date order, and how far the date order was walked. */
    let listed: number[] | null = null;
    let walked = 0;
    let frozen: string[] | null = null;
    const extend = (upTo: number) => {
      if (!found) return [];
      if (version !== this.version) throw new Error("the search index changed since this search");
      if (!listed) {
        listed = [];
        // Few matches: sort them. Many (a short prefix matches most of a library): walk the
        // documents in date order and keep the matching ones, which costs no sort at all.
        if (count * 16 < this.size) {
          for (let w = 0; w < found.length; w++) {
            let v = found[w]!;
            while (v !== 0) {
              const low = v & -v;
              listed.push(w * 32 + 31 - Math.clz32(low));
              v ^= low;
            }
          }
          listed.sort((a, b) => newestFirst(this.docs[a]!, this.docs[b]!));
          walked = Number.POSITIVE_INFINITY;
        }
      }
      if (listed.length >= upTo || walked === Number.POSITIVE_INFINITY) return listed;
      const order = this.newestFirst();
      while (listed.length < upTo && walked < order.length) {
        const n = order[walked++]!;
        if (hasBit(found, n)) listed.push(n);
      }
      return listed;
    };
    const urls = (from: number, n: number) =>
      extend(from + n)
        .slice(from, from + n)
        .map((d) => this.docs[d]!.url);
    return {
      count,
      slice: (from, n) => (frozen ? frozen.slice(from, from + n) : urls(from, n)),
      all: () => (frozen ? [...frozen] : urls(0, count)),
      freeze: () => {
        frozen ??= urls(0, count);
      },
    };
  }

  /** A posting as a new bitset. */
  private copyPosting(id: number): Uint32Array {
    if (this.dense[id]) return this.postings[id]!.slice();
    const out = new Uint32Array(this.span);
    const posting = this.postings[id]!;
    const len = this.lengths[id]!;
    for (let i = 0; i < len; i++) {
      const n = posting[i]!;
      out[n >>> 5]! |= 1 << (n & 31);
    }
    return out;
  }

  /** `set` joined with a word's posting (in place when the posting is a bitset). */
  private andPosting(set: Uint32Array, id: number): Uint32Array {
    if (this.dense[id]) return and(set, this.postings[id]!);
    const out = new Uint32Array(this.span);
    const posting = this.postings[id]!;
    const len = this.lengths[id]!;
    for (let i = 0; i < len; i++) {
      const n = posting[i]!;
      const bit = 1 << (n & 31);
      if (set[n >>> 5]! & bit) out[n >>> 5]! |= bit;
    }
    return out;
  }

  /** The documents holding a word that starts with `prefix` (not to be changed by the caller). */
  private prefixSet(prefix: string): Uint32Array {
    const cached = this.prefixSets.get(prefix);
    if (cached) return cached;
    this.mergeSorted();
    const sorted = this.sorted;
    const text = this.wordText;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (text[sorted[mid]!]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const cache = prefix.length <= CACHED_PREFIX;
    let out: Uint32Array;
    if (cache) {
      out = new Uint32Array(this.span);
    } else {
      if (this.scratch.length !== this.span) this.scratch = new Uint32Array(this.span);
      out = this.scratch;
      out.fill(0);
    }
    for (let i = lo; i < sorted.length; i++) {
      const id = sorted[i]!;
      if (!text[id]!.startsWith(prefix)) break;
      const posting = this.postings[id]!;
      if (this.dense[id]) {
        for (let w = 0; w < posting.length; w++) out[w]! |= posting[w]!;
      } else {
        const len = this.lengths[id]!;
        for (let j = 0; j < len; j++) {
          const n = posting[j]!;
          out[n >>> 5]! |= 1 << (n & 31);
        }
      }
    }
    if (cache) this.prefixSets.set(prefix, out);
    return out;
  }

  /** The documents of a site (a `SiteCount.key` or a folded name), until the next change. */
  private siteSet(key: string): Uint32Array {
    const cached = this.siteSets.get(key);
    if (cached) return cached;
    const inSite = siteFilter(this.docs, key);
    const out = new Uint32Array(this.span);
    this.docs.forEach((doc, n) => {
      if (doc && inSite(doc)) out[n >>> 5]! |= 1 << (n & 31);
    });
    this.siteSets.set(key, out);
    return out;
  }

  /** Every change: the site sets are made again when next needed. */
  private changed(): void {
    this.version++;
    this.siteSets.clear();
  }

  /**
   * New documents into the date order, when it is kept: a few by binary search (a save, an
   * Undo), many by sorting again when next needed.
   */
  private placeInOrder(added: readonly number[]): void {
    const order = this.order;
    if (!order) return;
    if (added.length > 64) {
      this.order = null;
      return;
    }
    for (const n of added) {
      const doc = this.docs[n]!;
      let lo = 0;
      let hi = order.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (newestFirst(this.docs[order[mid]!]!, doc) < 0) lo = mid + 1;
        else hi = mid;
      }
      order.splice(lo, 0, n);
    }
  }

  /** A posting longer than this is a bitset (its list would take more room). */
  private denseLimit(): number {
    return this.span;
  }

  /** Grows the bitsets to hold `count` document numbers; postings now small become lists again. */
  private ensureSpan(count: number): void {
    const needed = Math.ceil(count / 32);
    if (needed <= this.span) return;
    const span = Math.max(needed, this.span * 2, 4);
    const grow = (bits: Uint32Array) => {
      const grown = new Uint32Array(span);
      grown.set(bits);
      return grown;
    };
    this.live = grow(this.live);
    for (const [prefix, set] of this.prefixSets) this.prefixSets.set(prefix, grow(set));
    this.siteSets.clear();
    this.span = span;
    for (let id = 0; id < this.postings.length; id++) {
      if (!this.dense[id]) continue;
      // Hysteresis: back to a list only well under the limit, so no word flips at each change.
      if (this.lengths[id]! * 2 < span) this.toSparse(id);
      else this.postings[id] = grow(this.postings[id]!);
    }
  }

  private toDense(id: number): void {
    const bits = new Uint32Array(this.span);
    const posting = this.postings[id]!;
    const len = this.lengths[id]!;
    for (let i = 0; i < len; i++) {
      const n = posting[i]!;
      bits[n >>> 5]! |= 1 << (n & 31);
    }
    this.postings[id] = bits;
    this.dense[id] = 1;
  }

  private toSparse(id: number): void {
    const bits = this.postings[id]!;
    const list = new Uint32Array(Math.max(this.lengths[id]!, 1));
    let k = 0;
    for (let w = 0; w < bits.length; w++) {
      let v = bits[w]!;
      while (v !== 0) {
        const low = v & -v;
        list[k++] = w * 32 + 31 - Math.clz32(low);
        v ^= low;
      }
    }
    this.postings[id] = list;
    this.dense[id] = 0;
  }

  /** The document numbers, newest saved first (sorted again only after a change). */
  private newestFirst(): number[] {
    if (!this.order) {
      const order: number[] = [];
      this.docs.forEach((doc, n) => {
        if (doc) order.push(n);
      });
      order.sort((a, b) => newestFirst(this.docs[a]!, this.docs[b]!));
      this.order = order;
    }
    return this.order;
  }

  /** Merges the words added since the last prefix lookup into the sorted list. */
  private mergeSorted(): void {
    if (this.unsorted.length === 0) return;
    const text = this.wordText;
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
  }
}

/** `a` joined with `b`, in `a` (which the caller owns). */
function and(a: Uint32Array, b: Uint32Array): Uint32Array {
  for (let w = 0; w < a.length; w++) a[w]! &= b[w] ?? 0;
  return a;
}

/**
 * Word -> id, an open-addressing hash table over the words' text (FNV-1a), which `intern` probes
 * with a word read in place from a longer string: a library's 30 million words are read without
 * making a string for each (a `Map` needs one per lookup).
 */
class WordTable {
  readonly text: string[] = [];
  private hashes: number[] = [];
  private slots = new Int32Array(1024).fill(-1);

  /** The id of `source.slice(start, end)`, added when new. */
  intern(source: string, start: number, end: number): number {
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) h = Math.imul(h ^ source.charCodeAt(i), 0x01000193);
    const mask = this.slots.length - 1;
    const length = end - start;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const id = this.slots[slot]!;
      if (id < 0) {
        const fresh = this.text.length;
        this.text.push(source.slice(start, end));
        this.hashes.push(h);
        this.slots[slot] = fresh;
        if (this.text.length * 2 > this.slots.length) this.grow();
        return fresh;
      }
      if (this.hashes[id] === h) {
        const word = this.text[id]!;
        if (word.length === length && source.startsWith(word, start)) return id;
      }
    }
  }

  /** The id of `word`, or -1. */
  lookup(word: string): number {
    let h = 0x811c9dc5;
    for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
    const mask = this.slots.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const id = this.slots[slot]!;
      if (id < 0) return -1;
      if (this.hashes[id] === h && this.text[id] === word) return id;
    }
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
