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
 * How: each word's documents are a list or a bitset (search-postings.ts); a query's words are
 * joined into one bitset, counted, and listed in date order only as far as asked
 * (search-matches.ts), so a one-letter prefix over 50,000 articles costs a few sets joined.
 * The one- and two-letter prefixes keep their sets, updated as articles come and go. Cost per
 * keystroke, and why not a library (MiniSearch, FlexSearch): the README's architecture notes.
 */
import { squash } from "../core/whitespace.ts";
import { fold } from "./fold.ts";
import { hostKey } from "./keys.ts";
import { DateOrder, type Matches, matchesOf } from "./search-matches.ts";
import { and, EMPTY, grownTo, Postings } from "./search-postings.ts";
import { parseQuery, type SearchEntry } from "./search-terms.ts";
import { FNV_OFFSET, FNV_PRIME, WordTable } from "./search-words.ts";
import { type SiteCount, siteCounts, siteFilter } from "./sites.ts";

export type { Matches, SiteCount };

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
  /** Where the ids of its words are in the index's pool, to take it out of their postings. */
  wordsAt: number;
  wordCount: number;
}

/** The list's order: newest saved first, then by URL (descending), as the store lists them. */
function newestFirst(a: Doc, b: Doc): number {
  return b.savedAt - a.savedAt || (a.url < b.url ? 1 : a.url > b.url ? -1 : 0);
}

function siteKey(site: string): string {
  return squash(fold(site));
}

/** Prefixes of up to this many characters keep their documents as one set, updated as it goes. */
const CACHED_PREFIX = 2;

export class SearchIndex {
  /** Documents by internal number; holes are reused through `free`. */
  private docs: (Doc | undefined)[] = [];
  private free: number[] = [];
  private byUrl = new Map<string, number>();
  private words = new WordTable();
  private postings = new Postings();
  /** The add batch that last met each word, to drop repeats within one entry. */
  private wordStamp: number[] = [];
  private stamp = 0;
  /** Every document's word ids, one after another (`Doc.wordsAt`); removed ones leave holes. */
  private pool = new Uint32Array(1024);
  private pooled = 0;
  /** Pool entries in holes, made again into one run when they are half of it. */
  private holes = 0;
  /** The live documents, as a bitset. */
  private live = EMPTY;
  /** The documents of each short prefix ("c", "cl"), kept current once made. */
  private prefixSets = new Map<string, Uint32Array>();
  /** The documents of each site filtered on since the last change. */
  private siteSets = new Map<string, Uint32Array>();
  /** Scratch counts per word id for `addAll` (all zero between calls). */
  private need = new Uint32Array(0);
  private order = new DateOrder(
    (a, b) => newestFirst(this.docs[a]!, this.docs[b]!),
    () => [...this.byUrl.values()],
  );
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
    const firsts = new Set(this.words.sort().map((word) => word.slice(0, 1)));
    this.order.get();
    for (const first of firsts) this.prefixSet(first);
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
    if (this.need.length < this.words.size + 1024) this.need = grownTo(this.need, this.words.size * 2 + 4096);
    let need = this.need;
    const touched: number[] = [];
    const { words, postings } = this;
    for (const entry of entries) {
      this.remove(entry.url);
      const n = this.free.pop() ?? this.docs.length;
      const stamp = ++this.stamp;
      // The words are read off the terms string in place, each hashed as it is scanned: no
      // string is made for a word the index knows.
      const terms = entry.terms ?? "";
      const length = terms.length;
      this.ensurePool((length >>> 1) + 1);
      const pool = this.pool;
      const wordsAt = this.pooled;
      let count = 0;
      for (let i = 0; i < length; i++) {
        const start = i;
        let hash = FNV_OFFSET;
        let c = terms.charCodeAt(i);
        while (c !== 32) {
          hash = Math.imul(hash ^ c, FNV_PRIME);
          if (++i === length) break;
          c = terms.charCodeAt(i);
        }
        if (i === start) continue;
        const known = words.size;
        const id = words.intern(terms, start, i, hash);
        if (id === known) {
          postings.addWord();
          this.wordStamp.push(0);
          if (id >= need.length) {
            need = grownTo(need, id * 2);
            this.need = need;
          }
        }
        if (this.wordStamp[id] === stamp) continue;
        this.wordStamp[id] = stamp;
        pool[wordsAt + count++] = id;
        if (need[id]!++ === 0) touched.push(id);
      }
      this.pooled += count;
      const doc = { url: entry.url, site: entry.site, savedAt: entry.savedAt, wordsAt, wordCount: count };
      this.docs[n] = { ...doc, siteKey: siteKey(entry.site), host: hostKey(entry.url) };
      this.byUrl.set(entry.url, n);
      added.push(n);
    }
    if (added.length === 0) return;
    this.changed();
    // A URL given twice in one batch reuses its number: post each live document once (the
    // words of the one replaced were counted in `need` too: it only sizes the lists).
    const live = added.length === 1 ? added : [...new Set(added)].filter((n) => this.docs[n]);
    this.order.add(live);
    this.ensureSpan(this.docs.length);
    postings.reserve(touched, need);
    const pool = this.pool;
    const { lists, lengths, dense } = postings;
    for (const n of live) {
      const word = n >>> 5;
      const bit = 1 << (n & 31);
      this.live[word]! |= bit;
      const doc = this.docs[n]!;
      for (let k = doc.wordsAt, end = doc.wordsAt + doc.wordCount; k < end; k++) {
        const id = pool[k]!;
        if (dense[id]) lists[id]![word]! |= bit;
        else lists[id]![lengths[id]!] = n;
        lengths[id]!++;
      }
      if (this.prefixSets.size) this.addToPrefixSets(doc, n);
    }
  }

  /** Removes an article; false when it was not indexed. */
  remove(url: string): boolean {
    const n = this.byUrl.get(url);
    if (n === undefined) return false;
    const doc = this.docs[n]!;
    for (let k = doc.wordsAt, end = doc.wordsAt + doc.wordCount; k < end; k++) {
      this.postings.unpost(this.pool[k]!, n);
    }
    const word = n >>> 5;
    if (word < this.postings.span) {
      const bit = 1 << (n & 31);
      this.live[word]! &= ~bit;
      for (const set of this.prefixSets.values()) set[word]! &= ~bit;
    }
    this.order.remove(n);
    this.holes += doc.wordCount;
    this.docs[n] = undefined;
    this.free.push(n);
    this.byUrl.delete(url);
    this.changed();
    return true;
  }

  /** The characters that come after `prefix` in the indexed words (search-words.ts `nextChars`). */
  nextChars(prefix: string, limit: number): string[] {
    return this.words.nextChars(prefix, limit);
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
    const { postings } = this;
    const ids: number[] = [];
    for (const word of whole) {
      const id = this.words.lookup(word);
      if (id < 0 || postings.lengths[id] === 0) return matchesOf(this.matchSource(), null);
      ids.push(id);
    }
    ids.sort((a, b) => postings.lengths[a]! - postings.lengths[b]!);
    let found: Uint32Array | null = null;
    for (const id of ids) found = found ? postings.and(found, id) : postings.copy(id);
    if (prefix !== null) {
      const set = this.prefixSet(prefix);
      found = found ? and(found, set) : set.slice();
    }
    if (options.site) {
      const set = this.siteSet(siteKey(options.site));
      found = found ? and(found, set) : set.slice();
    }
    found = found ? and(found, this.live) : this.live.slice();
    return matchesOf(this.matchSource(), found);
  }

  private matchSource() {
    const index = this;
    return {
      get size() {
        return index.size;
      },
      get version() {
        return index.version;
      },
      url: (n: number) => this.docs[n]!.url,
      compare: (a: number, b: number) => newestFirst(this.docs[a]!, this.docs[b]!),
      order: () => this.order.get(),
    };
  }

  /** The documents holding a word that starts with `prefix` (not to be changed by the caller). */
  private prefixSet(prefix: string): Uint32Array {
    const cached = this.prefixSets.get(prefix);
    if (cached) return cached;
    const out = new Uint32Array(this.postings.span);
    this.words.withPrefix(prefix, (id) => this.postings.orInto(out, id));
    if (prefix.length <= CACHED_PREFIX) this.prefixSets.set(prefix, out);
    return out;
  }

  private addToPrefixSets(doc: Doc, n: number): void {
    for (let k = doc.wordsAt, end = doc.wordsAt + doc.wordCount; k < end; k++) {
      const text = this.words.text[this.pool[k]!]!;
      for (let p = 1; p <= CACHED_PREFIX && p <= text.length; p++) {
        const set = this.prefixSets.get(text.slice(0, p));
        if (set) set[n >>> 5]! |= 1 << (n & 31);
      }
    }
  }

  /** The documents of a site (a `SiteCount.key` or a folded name), until the next change. */
  private siteSet(key: string): Uint32Array {
    const cached = this.siteSets.get(key);
    if (cached) return cached;
    const inSite = siteFilter(this.docs, key);
    const out = new Uint32Array(this.postings.span);
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

  /** Room in the pool for `extra` more entries, the holes closed up first when they are half of it. */
  private ensurePool(extra: number): void {
    if (this.pooled + extra <= this.pool.length) return;
    if (this.holes * 2 > this.pooled) {
      const pool = new Uint32Array(Math.max(this.pool.length, this.pooled - this.holes + extra));
      let at = 0;
      for (const doc of this.docs) {
        if (!doc) continue;
        pool.set(this.pool.subarray(doc.wordsAt, doc.wordsAt + doc.wordCount), at);
        doc.wordsAt = at;
        at += doc.wordCount;
      }
      this.pool = pool;
      this.pooled = at;
      this.holes = 0;
      if (this.pooled + extra <= this.pool.length) return;
    }
    this.pool = grownTo(this.pool, Math.max(this.pooled + extra, this.pool.length * 2));
  }

  /** Grows the bitsets to hold `count` document numbers. */
  private ensureSpan(count: number): void {
    const needed = Math.ceil(count / 32);
    const old = this.postings.span;
    if (needed <= old) return;
    const span = Math.max(needed, old * 2, 4);
    this.live = grownTo(this.live as Uint32Array<ArrayBuffer>, span);
    for (const [prefix, set] of this.prefixSets) {
      this.prefixSets.set(prefix, grownTo(set as Uint32Array<ArrayBuffer>, span));
    }
    this.siteSets.clear();
    this.postings.grow(span);
  }
}
