/**
 * The whole library as one zip of Markdown files (export/markdown.ts), one per article, named
 * `YYYY-MM-DD-headline.md` and made unique within the archive ("-2", "-3"...). fflate's
 * `zipSync` builds it in memory; the UI turns the bytes into a Blob to download. Each entry's
 * modification time is the article's save time, so the archive is the same for the same library.
 */
import { strToU8, type Zippable, zipSync } from "fflate";
import type { SavedArticle } from "../schema.ts";
import { localDate, UniqueNames } from "./filename.ts";
import { markdownFile } from "./markdown.ts";

/** Zip timestamps start in 1980 (MS-DOS time). */
const ZIP_EPOCH = Date.UTC(1980, 0, 2);

/** The zip's bytes; `names` lists the file names in archive order. */
export function markdownZip(articles: readonly SavedArticle[]): { bytes: Uint8Array; names: string[] } {
  const unique = new UniqueNames();
  const files: Zippable = {};
  const names: string[] = [];
  for (const article of articles) {
    const file = markdownFile(article);
    const name = unique.take(file.name);
    names.push(name);
    files[name] = [strToU8(file.text), { mtime: new Date(Math.max(article.savedAt, ZIP_EPOCH)), level: 6 }];
  }
  return { bytes: zipSync(files), names };
}

/** The zip's file name: `folio-library-YYYY-MM-DD.zip` (local date). */
export function zipFileName(exportedAt: number = Date.now()): string {
  return `folio-library-${localDate(exportedAt)}.zip`;
}
