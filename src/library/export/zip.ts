/**
 * The whole library as one zip of Markdown files (export/markdown.ts), one per article, named
 * `YYYY-MM-DD-headline.md` and made unique within the archive ("-2", "-3"...). fflate's
 * `zipSync` builds it in memory; the UI turns the bytes into a Blob to download. Each entry's
 * modification time is the article's save time, so the archive is the same for the same library.
 * `markdownZipWithImages` adds the articles' images kept offline, as files.
 */
import { strToU8, Zip, ZipDeflate, ZipPassThrough, type Zippable, zipSync } from "fflate";
import { imageExtension } from "../image-data.ts";
import { imageUrl } from "../image-sources.ts";
import type { SavedArticle } from "../schema.ts";
import { localDate, safeFileName, slugify, UniqueNames } from "./filename.ts";
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

/** An image kept offline, as the zip takes it. */
export interface ZipImage {
  url: string;
  type: string;
  blob: Blob;
}

/** Markdown image destinations: `![alt](destination` (escapes as the core writes them). */
const IMAGE_LINK = /(!\[(?:\\.|[^\]\\\n])*\]\()((?:\\.|[^\s()\\])+)/g;

/**
 * `markdown` with the images that `local` knows pointing at their files in the zip: an image's
 * destination is read back as the core wrote it (markdown-escape.ts `markdownDestination`).
 */
export function pointImages(markdown: string, base: string, local: (url: string) => string | null): string {
  return markdown.replace(IMAGE_LINK, (whole, head: string, destination: string) => {
    const url = imageUrl(destination.replace(/\\(.)/g, "$1"), base);
    const file = url ? local(url) : null;
    return file ? `${head}${file}` : whole;
  });
}

/** A kept image's file name in the zip: `images/` and its own name, made safe, with its type's extension. */
function imageFileName(url: string, type: string): string {
  let name = "image";
  try {
    name = decodeURIComponent(new URL(url).pathname.split("/").pop() ?? "");
  } catch {
    // An address that does not decode: the default name.
  }
  const base = name.replace(/\.[a-z0-9]{2,5}$/i, "");
  const stem = /[\p{L}\p{N}]/u.test(base) ? slugify(base, 60) : "image";
  return `images/${safeFileName(`${stem}.${imageExtension(type)}`, "image")}`;
}

/**
 * The library as a zip of Markdown files with their images kept offline as files
 * (`images/...`), each Markdown file pointing at them (`![alt](images/name.jpg)`); an image
 * shared by several articles is one file. Made as it goes (fflate's streaming `Zip`): the
 * images are stored as they are (already compressed), the text compressed. Returns the zip's
 * pieces, for a Blob.
 */
export async function markdownZipWithImages(
  articles: readonly SavedArticle[],
  imagesOf: (article: SavedArticle) => Promise<ZipImage[]>,
): Promise<{ parts: Uint8Array[]; names: string[]; images: number }> {
  const parts: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else parts.push(chunk);
  });
  const unique = new UniqueNames();
  const files = new Map<string, string>();
  const names: string[] = [];
  for (const article of articles) {
    const mtime = new Date(Math.max(article.savedAt, ZIP_EPOCH));
    for (const image of await imagesOf(article)) {
      if (files.has(image.url)) continue;
      const name = unique.take(imageFileName(image.url, image.type));
      files.set(image.url, name);
      const entry = new ZipPassThrough(name);
      entry.mtime = mtime;
      zip.add(entry);
      entry.push(new Uint8Array(await image.blob.arrayBuffer()), true);
    }
    const file = markdownFile(article);
    const name = unique.take(file.name);
    names.push(name);
    const entry = new ZipDeflate(name, { level: 6 });
    entry.mtime = mtime;
    zip.add(entry);
    entry.push(strToU8(pointImages(file.text, article.url, (url) => files.get(url) ?? null)), true);
    if (failure) throw failure;
  }
  zip.end();
  if (failure) throw failure;
  return { parts, names, images: files.size };
}
