/**
 * Library search: an in-memory inverted index over headline, standfirst, byline, site and body.
 * Pure (no IndexedDB, no DOM): the store persists each article's `SearchEntry` (its folded,
 * de-duplicated words) and the library page feeds them to a `SearchIndex` on load, then keeps
 * it current with `add` and `remove` as articles are saved, deleted and restored.
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

/** The list's order: newest saved first, then by URL (descending), as the store lists them. */
function newestFirst(a: Doc, b: Doc): number {
  return b.savedAt - a.savedAt || (a.url < b.url ? 1 : a.url > b.url ? -1 : 0);
}

function siteKey(site: string): string {
  return squash(fold(site));
}

const EMPTY = new Uint32Array(0);

export class SearchIndex {
  /** Documents by internal number; holes are reused through `free`. */
  private docs: (Doc | undefined)[] = [];
  private free: number[] = [];
  private byUrl = new Map<string, number>();
  /** Word -> id; `wordText[id]`; `postings[id]` (unordered), its first `lengths[id]` in use. */
  private wordIds = new Map<string, number>();
  private wordText: string[] = [];
  private postings: Uint32Array[] = [];
  private lengths: number[] = [];
  /** The add batch that last met each word, to drop repeats within one entry. */
  private wordStamp: number[] = [];
  private stamp = 0;
  /** Word ids ordered by their text (code unit order), for prefix lookups. */
  private sorted: number[] = [];
  /** Word ids added since `sorted` was last merged. */
  private unsorted: number[] = [];
  private marks = new Uint32Array(0);
  private generation = 0;
  /** Scratch counts per word id for `addAll` (all zero between calls). */
  private need = new Uint32Array(0);
  /** Document numbers newest saved first; null after a change until the next search needs it. */
  private order: number[] | null = null;

  constructor(entries: Iterable<SearchEntry> = []) {
    this.addAll(entries);
  }

  get size(): number {
    return this.byUrl.size;
  }

  /** Sorts the words added since the last prefix lookup now, so the first keystroke need not. */
  prepare(): void {
    this.mergeSorted();
    this.newestFirst();
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
   * each posting list sized once and filled (several times faster than growing each).
   */
  addAll(entries: Iterable<SearchEntry>): void {
    const added: number[] = [];
    for (const entry of entries) {
      this.remove(entry.url);
      const n = this.free.pop() ?? this.docs.length;
      const stamp = ++this.stamp;
      const terms = entry.terms ? entry.terms.split(" ") : [];
      const ids = new Uint32Array(terms.length);
      let count = 0;
      for (const term of terms) {
        if (!term) continue;
        let id = this.wordIds.get(term);
        if (id === undefined) {
          id = this.wordText.length;
          this.wordIds.set(term, id);
          this.wordText.push(term);
          this.postings.push(EMPTY);
          this.lengths.push(0);
          this.wordStamp.push(0);
          this.unsorted.push(id);
        }
        if (this.wordStamp[id] === stamp) continue;
        this.wordStamp[id] = stamp;
        ids[count++] = id;
      }
      this.docs[n] = {
        url: entry.url,
        site: entry.site,
        siteKey: siteKey(entry.site),
        host: hostKey(entry.url),
        savedAt: entry.savedAt,
        words: ids.subarray(0, count),
      };
      this.byUrl.set(entry.url, n);
      this.order = null;
      added.push(n);
    }
    if (added.length === 0) return;
    // A URL given twice in one batch reuses its number: post each live document once.
    const live = added.length === 1 ? added : [...new Set(added)].filter((n) => this.docs[n]);
    if (this.need.length < this.wordText.length) {
      this.need = new Uint32Array(Math.max(this.wordText.length, this.need.length * 2));
    }
    const need = this.need;
    const touched: number[] = [];
    for (const n of live) {
      for (const id of this.docs[n]!.words) if (need[id]!++ === 0) touched.push(id);
    }
    for (const id of touched) {
      const extra = need[id]!;
      need[id] = 0;
      const len = this.lengths[id]!;
      const old = this.postings[id]!;
      if (len + extra > old.length) {
        // Exact size for the first fill; doubling when one more article grows it later.
        const grown = new Uint32Array(len === 0 ? extra : Math.max(len + extra, old.length * 2));
        grown.set(old.subarray(0, len));
        this.postings[id] = grown;
      }
    }
    for (const n of live) {
      for (const id of this.docs[n]!.words) this.postings[id]![this.lengths[id]!++] = n;
    }
  }

  /** Removes an article; false when it was not indexed. */
  remove(url: string): boolean {
    const n = this.byUrl.get(url);
    if (n === undefined) return false;
    const doc = this.docs[n]!;
    for (const id of doc.words) {
      const posting = this.postings[id]!;
      const len = this.lengths[id]!;
      if (len === 0) continue;
      const at = posting.lastIndexOf(n, len - 1);
      if (at < 0) continue;
      posting[at] = posting[len - 1]!;
      this.lengths[id] = len - 1;
    }
    this.docs[n] = undefined;
    this.free.push(n);
    this.byUrl.delete(url);
    this.order = null;
    return true;
  }

  /** The sites of the indexed articles with their counts (sites.ts `siteCounts`). */
  sites(): SiteCount[] {
    return siteCounts(this.docs);
  }

  /** The URLs of the articles matching `query`, newest saved first. */
  search(query: string, options: SearchOptions = {}): string[] {
    const { whole, prefix } = parseQuery(query);
    const site = options.site ? siteFilter(this.docs, siteKey(options.site)) : null;
    let found: ArrayLike<number> | null = null;

    const lists: Uint32Array[] = [];
    for (const word of whole) {
      const id = this.wordIds.get(word);
      const len = id === undefined ? 0 : this.lengths[id]!;
      if (len === 0) return [];
      lists.push(this.postings[id!]!.subarray(0, len));
    }
    lists.sort((a, b) => a.length - b.length);
    for (const list of lists) {
      found = found ? this.intersect(found, list) : list;
      if (found.length === 0) return [];
    }
    if (prefix !== null) {
      found = this.withPrefix(prefix, found);
      if (found.length === 0) return [];
    }

    // Few matches: sort them. Many (a short prefix matches most of a library): walk the
    // documents in date order and keep the marked ones, which costs no sort at all.
    const docs: Doc[] = [];
    if (found && found.length * 16 < this.byUrl.size) {
      for (let i = 0; i < found.length; i++) {
        const doc = this.docs[found[i]!]!;
        if (!site || site(doc)) docs.push(doc);
      }
      docs.sort(newestFirst);
      return docs.map((doc) => doc.url);
    }
    const order = this.newestFirst();
    const urls: string[] = [];
    if (found) {
      const g = this.nextGeneration();
      const marks = this.marks;
      for (let i = 0; i < found.length; i++) marks[found[i]!] = g;
      for (const n of order) {
        const doc = this.docs[n]!;
        if (marks[n] === g && (!site || site(doc))) urls.push(doc.url);
      }
    } else {
      for (const n of order) {
        const doc = this.docs[n]!;
        if (!site || site(doc)) urls.push(doc.url);
      }
    }
    return urls;
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

  /** A fresh mark generation (the mark array sized to the documents). */
  private nextGeneration(): number {
    if (this.marks.length < this.docs.length) {
      const grown = new Uint32Array(Math.max(this.docs.length, this.marks.length * 2, 64));
      grown.set(this.marks);
      this.marks = grown;
    }
    if (this.generation >= 0xfffffff0) {
      this.marks.fill(0);
      this.generation = 0;
    }
    return ++this.generation;
  }

  private intersect(a: ArrayLike<number>, b: ArrayLike<number>): number[] {
    const small = a.length <= b.length ? a : b;
    const large = small === a ? b : a;
    const g = this.nextGeneration();
    const marks = this.marks;
    for (let i = 0; i < small.length; i++) marks[small[i]!] = g;
    const out: number[] = [];
    for (let i = 0; i < large.length; i++) if (marks[large[i]!] === g) out.push(large[i]!);
    return out;
  }

  /** Documents holding a word that starts with `prefix` (among `within`, when given). */
  private withPrefix(prefix: string, within: ArrayLike<number> | null): number[] {
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
    // Both generations first: taking one may grow or reset the mark array.
    const allowed = this.nextGeneration();
    const seen = this.nextGeneration();
    const marks = this.marks;
    if (within) for (let i = 0; i < within.length; i++) marks[within[i]!] = allowed;
    const out: number[] = [];
    for (let i = lo; i < sorted.length; i++) {
      const id = sorted[i]!;
      if (!text[id]!.startsWith(prefix)) break;
      const posting = this.postings[id]!;
      const len = this.lengths[id]!;
      for (let j = 0; j < len; j++) {
        const n = posting[j]!;
        if (marks[n] === seen || (within && marks[n] !== allowed)) continue;
        marks[n] = seen;
        out.push(n);
      }
    }
    return out;
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
