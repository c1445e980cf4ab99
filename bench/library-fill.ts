/**
 * Bench-only (npm run bench:library): fills the extension's library with generated articles,
 * through the library's own store: bulk writes in its `transact` (one transaction of 500
 * articles, their summaries by the store's `toSummary` and their search words, in the three
 * stores a save writes), the next batch generated while the last one is written. The search
 * words are made from the generator's own words (each vocabulary word tokenised once), which is
 * some twenty times faster than tokenising each body again; one article in 500 is checked
 * against `searchEntry`, what a save computes, and the fill stops on any difference.
 * bench/library.ts bundles this file with Vite into one script and evaluates it in a page of
 * the extension's origin (DevTools evaluation: the page's CSP does not apply to it). Nothing of
 * it ships in the extension.
 *
 * The articles look like news: 1,000 to 1,500 words of body in paragraphs, a headline and a
 * standfirst, 40 sites, bylines, dates over three years, a lead image on most. Words follow a
 * Zipf law over a vocabulary of real English news words, names and places (some with
 * diacritics: "Zürich", "café", "São Paulo") and a long tail of generated words, so each body
 * has some 500 to 700 distinct words, as real ones do.
 */
import { ALL_STORES } from "../src/library/db.ts";
import { READER_DEFAULTS, type SavedArticle } from "../src/library/schema.ts";
import { type SearchEntry, searchEntry, tokenize } from "../src/library/search-terms.ts";
import { openLibrary } from "../src/library/store.ts";
import { toSummary } from "../src/library/summary.ts";
import { seededRandom } from "./stats.ts";

const FUNCTION_WORDS = `the of and to a in that is for it on was with he as by at said his be from have are this
but not they had has an its were been their more who which would will about after there than
up one year two people out also new into some could over first them when other time last years`;

const TOPIC_WORDS = `government city council minister president police company state public report week day million
percent market prices housing workers school schools children families health hospital doctors
climate energy water river coast flood storm heat summer winter election vote voters party
campaign parliament court judge law trial case rights border trade tariffs economy economic bank
banks interest rates inflation budget tax taxes spending union strike talks deal plan plans
project research scientists study data university students teachers library museum art music
film festival theatre football match season team players coach club league final record win
lost victory defeat crowd stadium transport rail train trains station bus road roads traffic
airport flights travel tourism tourists hotel restaurant food farmers harvest crops village town
region mayor residents community local national international world war peace troops military
security attack protest protesters police officers arrested investigation evidence witnesses
company shares investors profit losses jobs unemployment wages pay rent homes building buildings
construction bridge tower street market square park garden forest wildlife species birds fish
sea beach island mountain valley weather rain snow wind temperature emissions carbon solar wind
power electricity gas oil nuclear batteries cars electric technology software internet phone
phones app users online platform privacy data artificial intelligence computer chips factory
factories industry exports imports growth recession crisis recovery support funding grant charity
volunteers hospital patients nurses care elderly pension pensions youth young older women men
family mother father daughter son friends neighbours night morning evening hours minutes
decision decided announced expected according told spokesman statement interview officials
leaders talks summit agreement treaty sanctions embassy foreign domestic policy reform reforms`;

const ACCENTED = `Zürich café cafés São Paulo Müller München Kraków Málaga résumé naïve façade señor jalapeño
crème brûlée fiancée déjà vu Ærø Øresund Göteborg Düsseldorf Straße Łódź Dvořák Brontë Beyoncé
Pokémon Citroën Peñarol Curaçao Orléans Besançon Córdoba Bogotá Medellín Reykjavík Tromsø Malmö
Gdańsk Poznań Wrocław Škoda Ljubljana Timișoara İstanbul Antalya Ibiza Zaragoza Cádiz Sevilla`;

const SITES = [
  ["The Harbour Herald", "harbourherald.example"],
  ["BBC News", "bbc.example"],
  ["The Guardian", "theguardian.example"],
  ["Le Monde", "lemonde.example"],
  ["Der Tagesspiegler", "tagesspiegler.example"],
  ["El País Semanal", "elpais.example"],
  ["Neue Zürcher Blatt", "nzb.example"],
  ["The Coastal Times", "coastaltimes.example"],
  ["Reuters Wire", "reuters.example"],
  ["The Atlantic Review", "atlanticreview.example"],
  ["Ars Technica Daily", "arstechnica.example"],
  ["The Verge Weekly", "theverge.example"],
  ["Wired Notes", "wired.example"],
  ["Nature Briefing", "nature.example"],
  ["Science Daily News", "sciencedaily.example"],
  ["Financial Ledger", "ledger.example"],
  ["The Economist's Desk", "economistdesk.example"],
  ["Bloomfield Business", "bloomfield.example"],
  ["São Paulo Diário", "spdiario.example"],
  ["Gazeta Kraków", "gazetakrakow.example"],
];
while (SITES.length < 40) SITES.push([`Local Courier ${SITES.length}`, `courier${SITES.length}.example`]);

const NAMES = [
  "Maya Lindqvist",
  "José Álvarez",
  "Zoë Müller",
  "Ana Łukasiewicz",
  "Tomás Ó Briain",
  "Chloé Dubois",
  "Ahmed Karim",
  "Priya Raman",
  "James Whitfield",
  "Lena Hoffmann",
  "Björn Ekström",
  "Nadia Petrović",
  "Sarah O'Connell",
  "Kenji Watanabe",
  "Amara Okafor",
  "Lucía Fernández",
];

const SYLLABLES =
  "ba be bi bo bu ca co cu da de di do fa fe fi fo ga ge go ha he hi ho ka ke ki ko la le li lo lu ma me mi mo mu na ne ni no nu pa pe pi po ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo za ze zo ar er ir or ur an en in on un el al il ol st str tr pr gr bl cl fl".split(
    " ",
  );

/**
 * Words by rank: the function words first, then generated words with the topic words spread
 * over ranks 60 to about 3,000 (a news topic word is in a few to half of the articles) and the
 * names and places with diacritics over ranks 500 to about 10,000 (in a few percent).
 */
function vocabulary(rand: () => number): string[] {
  const split = (text: string) => [...new Set(text.split(/\s+/).filter(Boolean))];
  const tail = new Set<string>();
  while (tail.size < 20_000) {
    const n = 2 + Math.floor(rand() * 3);
    let word = "";
    for (let i = 0; i < n; i++) word += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
    tail.add(word);
  }
  const words = [...split(FUNCTION_WORDS), ...tail];
  for (const [i, word] of split(TOPIC_WORDS).entries()) words.splice(60 + Math.floor((i * i) / 25), 0, word);
  for (const [i, word] of split(ACCENTED).entries()) words.splice(500 + i * 150, 0, word);
  return words;
}

/** Picks words by a Zipf law (rank r with weight 1 / (r + 2.7)^1.07): their ranks. */
function zipf(words: readonly string[], rand: () => number): () => number {
  const cdf = new Float64Array(words.length);
  let sum = 0;
  for (let r = 0; r < words.length; r++) {
    sum += 1 / (r + 2.7) ** 1.07;
    cdf[r] = sum;
  }
  // Where each 1/65,536th of the weight starts, to narrow the binary search (same answers).
  const BUCKETS = 65_536;
  const starts = new Uint32Array(BUCKETS + 1);
  for (let b = 0, r = 0; b <= BUCKETS; b++) {
    while (r < cdf.length - 1 && cdf[r]! < (b * sum) / BUCKETS) r++;
    starts[b] = r;
  }
  return () => {
    const x = rand() * sum;
    const b = Math.min(BUCKETS - 1, Math.floor((x / sum) * BUCKETS));
    let lo = starts[Math.max(0, b - 1)]!;
    let hi = starts[Math.min(BUCKETS, b + 2)]!;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cdf[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export interface FillReport {
  articles: number;
  meanWords: number;
  meanDistinctWords: number;
  meanContentBytes: number;
  fillMs: number;
  usageBytes: number | null;
}

/** One generated article with its search entry. */
export interface Generated {
  record: SavedArticle;
  entry: SearchEntry;
}

/**
 * Search words the way search-terms.ts `searchEntry` makes them (each part's folded words, in
 * order, de-duplicated), from words already tokenised: `ids(text)` gives a text's word ids
 * once, and an article's entry is the union of its parts' ids in order.
 */
class Terms {
  private ids = new Map<string, number>();
  private text: string[] = [];
  private stamp: number[] = [];
  private article = 0;
  private out: number[] = [];

  /** The word ids of `text`, tokenised as a save tokenises it. */
  of(text: string): number[] {
    return tokenize(text).map((word) => {
      let id = this.ids.get(word);
      if (id === undefined) {
        id = this.text.length;
        this.ids.set(word, id);
        this.text.push(word);
        this.stamp.push(0);
      }
      return id;
    });
  }

  start(): void {
    this.article++;
    this.out = [];
  }

  add(ids: readonly number[]): void {
    for (const id of ids) {
      if (this.stamp[id] === this.article) continue;
      this.stamp[id] = this.article;
      this.out.push(id);
    }
  }

  finish(): string {
    return this.out.map((id) => this.text[id]).join(" ");
  }
}

/** `count` generated articles, in batches of `batch` (deterministic for a seed). */
export function* generateArticles(
  count: number,
  seed = 42,
  batch = 500,
  now = Date.now(),
): Generator<Generated[]> {
  const rand = seededRandom(seed);
  const words = vocabulary(rand);
  const word = zipf(words, rand);
  const terms = new Terms();
  // Each vocabulary word, site and name tokenised once. A word that starts a sentence is
  // capitalised, which folds back to the same words (no Greek final sigma in the vocabulary).
  const wordIds = words.map((w) => terms.of(w));
  const siteIds = SITES.map(([name]) => terms.of(name));
  const nameIds = NAMES.map((name) => terms.of(name));
  /** A sentence of `n` words, its words' ranks pushed to `ranks`. */
  const sentence = (n: number, ranks: number[]) => {
    const out: string[] = [];
    for (let i = 0; i < n; i++) {
      const r = word();
      ranks.push(r);
      out.push(words[r]!);
    }
    return `${cap(out.join(" "))}.`;
  };
  const threeYears = 3 * 365 * 24 * 3600 * 1000;
  for (let start = 0; start < count; start += batch) {
    const made: Generated[] = [];
    for (let i = start; i < Math.min(count, start + batch); i++) {
      const site = Math.floor(rand() * SITES.length);
      const [siteName, host] = SITES[site]!;
      const titleRanks: number[] = [];
      const title = cap(sentence(6 + Math.floor(rand() * 7), titleRanks).slice(0, -1));
      const subtitleRanks: number[] = [];
      const subtitle = sentence(15 + Math.floor(rand() * 11), subtitleRanks);
      const name = Math.floor(rand() * NAMES.length);
      const author = NAMES[name]!;
      const published = new Date(now - threeYears + rand() * threeYears);
      const target = 1_000 + Math.floor(rand() * 501);
      const paragraphs: string[] = [];
      const bodyRanks: number[] = [];
      let n = 0;
      while (n < target) {
        const sentences: string[] = [];
        const size = Math.min(target - n, 40 + Math.floor(rand() * 80));
        let left = size;
        while (left > 0) {
          const len = Math.min(left, 8 + Math.floor(rand() * 18));
          sentences.push(sentence(len, bodyRanks));
          left -= len;
        }
        paragraphs.push(sentences.join(" "));
        n += size;
      }
      const slug = title
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .slice(0, 60);
      const url = `https://www.${host}/${published.getUTCFullYear()}/${String(published.getUTCMonth() + 1).padStart(2, "0")}/${slug}-${i}`;
      const content = `<div>${paragraphs.map((p) => `<p>${p}</p>`).join("")}</div>`;
      const textContent = paragraphs.join("\n\n");
      const markdown = `---\ntitle: ${JSON.stringify(title)}\nauthor: ${JSON.stringify(author)}\nsite: ${JSON.stringify(siteName)}\nsource: ${JSON.stringify(url)}\npublished: ${JSON.stringify(published.toISOString())}\n---\n\n# ${title}\n\n${subtitle}\n\n${paragraphs.join("\n\n")}\n`;
      const savedAt = now - (count - i) * 60_000 - Math.floor(rand() * 30_000);
      const record: SavedArticle = {
        url,
        title,
        subtitle,
        byline: author,
        authors: [author],
        siteName,
        publishedTime: published.toISOString(),
        modifiedTime: null,
        lang: "en",
        dir: "ltr",
        excerpt: subtitle,
        leadImage:
          rand() < 0.7
            ? { url: `https://img.${host}/${i}.jpg`, alt: title, caption: sentence(10, []) }
            : null,
        content,
        textContent,
        markdown,
        wordCount: n,
        readingTimeMinutes: Math.max(1, Math.round(n / 230)),
        readerable: true,
        removed: [{ kind: "ad", reason: "ad slot (class ad-slot)", text: "ADVERTISEMENT" }],
        ...READER_DEFAULTS,
        savedAt,
        updatedAt: savedAt,
      };
      // searchEntry's parts in its order: headline, standfirst, byline, site, (tags), body.
      terms.start();
      for (const r of titleRanks) terms.add(wordIds[r]!);
      for (const r of subtitleRanks) terms.add(wordIds[r]!);
      terms.add(nameIds[name]!);
      terms.add(siteIds[site]!);
      for (const r of bodyRanks) terms.add(wordIds[r]!);
      const entry: SearchEntry = { url, site: siteName, savedAt, terms: terms.finish() };
      if (i % 500 === 0) {
        const saved = searchEntry(record);
        if (JSON.stringify(saved) !== JSON.stringify(entry)) {
          throw new Error(`article ${i}: the fill's search words differ from searchEntry's`);
        }
      }
      made.push({ record, entry });
    }
    yield made;
  }
}

/**
 * Adds `count` generated articles to the library, `batch` per transaction, through the store's
 * `transact` (the three stores a save writes). Each batch is generated while the one before is
 * being written.
 */
export async function fill(count: number, seed = 42, batch = 500): Promise<FillReport> {
  const started = performance.now();
  const opened = await openLibrary(indexedDB);
  if (!opened.ok) throw new Error(opened.error.message);
  const library = opened.library;
  let totalWords = 0;
  let totalDistinct = 0;
  let totalContent = 0;
  const write = (made: Generated[]) =>
    library.transact("readwrite", ALL_STORES, "fill the library", async (tx) => {
      const writes: Promise<unknown>[] = [];
      for (const { record, entry } of made) {
        writes.push(
          tx.objectStore("articles").put(record),
          tx.objectStore("summaries").put(toSummary(record)),
          tx.objectStore("terms").put(entry),
        );
      }
      await Promise.all(writes);
      return {};
    });
  let writing: ReturnType<typeof write> | null = null;
  for (const made of generateArticles(count, seed, batch)) {
    for (const { record, entry } of made) {
      totalWords += record.wordCount;
      totalDistinct += entry.terms.split(" ").length;
      totalContent += record.content.length;
    }
    const written = await writing;
    if (written && !written.ok) throw new Error(written.error.message);
    writing = write(made);
  }
  const written = await writing;
  if (written && !written.ok) throw new Error(written.error.message);
  library.close();
  const estimate = await navigator.storage?.estimate?.().catch(() => null);
  return {
    articles: count,
    meanWords: Math.round(totalWords / count),
    meanDistinctWords: Math.round(totalDistinct / count),
    meanContentBytes: Math.round(totalContent / count),
    fillMs: Math.round(performance.now() - started),
    usageBytes: estimate?.usage ?? null,
  };
}
