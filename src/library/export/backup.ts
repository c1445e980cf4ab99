/**
 * The library's JSON backup: making it, and reading one back with every field checked.
 *
 *     { "format": "folio-library", "version": 1, "exportedAt": "<ISO 8601>", "articles": [...],
 *       "annotations": [...], "images": [...] }
 *
 * Each article is a saved article as stored (schema.ts; `savedAt`/`updatedAt` in epoch ms);
 * `annotations`, the reader's highlights and notes (annotations.ts), is there when there are
 * any (older Folio versions ignore it; backups made before it read with none); `images`, the
 * images kept offline (image-backup.ts), when the reader chose to include them (older Folio
 * versions ignore it too).
 * A backup file is foreign data: `parseBackup` refuses anything that is not exactly a backup
 * this version understands, with one message naming the first problem ("This is not a Folio
 * backup: missing format field", "Article 12: title must be text"), before anything is
 * written. Caps on the file size, the number of articles and every field's length (schema.ts)
 * keep a hostile file from exhausting memory or storage.
 */
import { type Annotation, isAnnotation } from "../annotations.ts";
import { type BackupImage, MAX_BACKUP_IMAGES, readBackupImage } from "../image-backup.ts";
import type { SavedArticle } from "../schema.ts";
import { readRecord } from "../schema.ts";

export const BACKUP_FORMAT = "folio-library";
export const BACKUP_VERSION = 1;
/** Largest backup read, in bytes (a file) or characters (its text). */
export const MAX_BACKUP_BYTES = 500 * 1024 * 1024;
export const MAX_BACKUP_ARTICLES = 100_000;
export const MAX_BACKUP_ANNOTATIONS = 1_000_000;

export interface LibraryBackup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** ISO 8601, UTC. */
  exportedAt: string;
  articles: SavedArticle[];
  /** Highlights and notes (annotations.ts); absent in backups made before they existed. */
  annotations: Annotation[];
  /** Images kept offline (image-backup.ts), when the backup includes them. */
  images: BackupImage[];
}

export type ParsedBackup = { ok: true; backup: LibraryBackup } | { ok: false; message: string };

const NOT_A_BACKUP = "This is not a Folio backup";

function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024)).toLocaleString("en-US")} MB`;
}

/** The message for a file too large to read, or null. Check `file.size` before reading it. */
export function checkBackupSize(bytes: number): string | null {
  return bytes > MAX_BACKUP_BYTES
    ? `This file is too large to be a Folio backup (${megabytes(bytes)}; at most ${megabytes(MAX_BACKUP_BYTES)}).`
    : null;
}

/**
 * The backup as JSON text in pieces (one per article, one per image), for `new Blob(pieces)`:
 * a large library can exceed what one JavaScript string holds. Joined, they are `makeBackup`'s
 * text. `images` are image-backup.ts `backupImagePieces`' entries, each JSON text.
 */
export function backupPieces(
  articles: readonly SavedArticle[],
  exportedAt: number = Date.now(),
  annotations: readonly Annotation[] = [],
  images: readonly string[] = [],
): string[] {
  const head = JSON.stringify({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date(exportedAt).toISOString(),
  });
  const pieces = [`${head.slice(0, -1)},"articles":[`];
  articles.forEach((article, i) => {
    pieces.push(`${i ? "," : ""}\n${JSON.stringify(article)}`);
  });
  // Highlights and notes after the articles (absent when there are none), then the images.
  const notes = annotations.length > 0 ? `,"annotations":${JSON.stringify(annotations)}` : "";
  if (images.length === 0) {
    pieces.push(`\n]${notes}}\n`);
    return pieces;
  }
  pieces.push(`\n]${notes},"images":[`);
  images.forEach((image, i) => {
    pieces.push(`${i ? "," : ""}\n${image}`);
  });
  pieces.push("\n]}\n");
  return pieces;
}

/** The backup as one JSON string. */
export function makeBackup(
  articles: readonly SavedArticle[],
  exportedAt: number = Date.now(),
  annotations: readonly Annotation[] = [],
  images: readonly string[] = [],
): string {
  return backupPieces(articles, exportedAt, annotations, images).join("");
}

/** The backup's file name: `folio-library-YYYY-MM-DD.json` (local date). */
export function backupFileName(exportedAt: number = Date.now()): string {
  const d = new Date(exportedAt);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `folio-library-${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}.json`;
}

/** Reads and checks a backup's text. Never throws. */
export function parseBackup(text: string): ParsedBackup {
  if (typeof text !== "string")
    return { ok: false, message: `${NOT_A_BACKUP}: the file could not be read as text.` };
  const tooLarge = checkBackupSize(text.length);
  if (tooLarge) return { ok: false, message: tooLarge };
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return { ok: false, message: `${NOT_A_BACKUP}: the file is not JSON.` };
  }
  return validateBackup(value);
}

/** Checks an already-parsed backup: the format, the version, then every article. */
export function validateBackup(value: unknown): ParsedBackup {
  const refuse = (message: string): ParsedBackup => ({ ok: false, message });
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return refuse(`${NOT_A_BACKUP}: the file does not hold a backup object.`);
  }
  const v = value as Record<string, unknown>;
  if (v.format === undefined) return refuse(`${NOT_A_BACKUP}: missing format field.`);
  if (v.format !== BACKUP_FORMAT) {
    const shown = typeof v.format === "string" ? `"${v.format.slice(0, 60)}"` : `of type ${typeof v.format}`;
    return refuse(`${NOT_A_BACKUP}: its format is ${shown}, not "${BACKUP_FORMAT}".`);
  }
  if (v.version === undefined) return refuse("This Folio backup has no version field.");
  if (typeof v.version !== "number" || !Number.isInteger(v.version) || v.version < 1) {
    return refuse("This Folio backup's version is not a version number.");
  }
  if (v.version > BACKUP_VERSION) {
    return refuse(
      `This backup was made by a newer Folio (backup version ${v.version}; this Folio reads version ${BACKUP_VERSION}). Update Folio to import it.`,
    );
  }
  if (v.exportedAt !== undefined && (typeof v.exportedAt !== "string" || v.exportedAt.length > 100)) {
    return refuse("This Folio backup's exportedAt must be a date as text.");
  }
  if (v.articles === undefined) return refuse("This Folio backup has no articles field.");
  if (!Array.isArray(v.articles)) return refuse("This Folio backup's articles field must be a list.");
  if (v.articles.length > MAX_BACKUP_ARTICLES) {
    return refuse(
      `This backup holds too many articles (${v.articles.length.toLocaleString("en-US")}; at most ${MAX_BACKUP_ARTICLES.toLocaleString("en-US")}).`,
    );
  }
  const articles: SavedArticle[] = [];
  for (let i = 0; i < v.articles.length; i++) {
    const read = readRecord(v.articles[i]);
    if (!read.ok) return refuse(`Article ${i + 1}: ${read.message}.`);
    articles.push(read.record);
  }
  const annotations: Annotation[] = [];
  if (v.annotations !== undefined) {
    if (!Array.isArray(v.annotations)) return refuse("This Folio backup's annotations field must be a list.");
    if (v.annotations.length > MAX_BACKUP_ANNOTATIONS) {
      return refuse(
        `This backup holds too many highlights (${v.annotations.length.toLocaleString("en-US")}; at most ${MAX_BACKUP_ANNOTATIONS.toLocaleString("en-US")}).`,
      );
    }
    for (let i = 0; i < v.annotations.length; i++) {
      const a = v.annotations[i];
      if (!isAnnotation(a)) return refuse(`Highlight ${i + 1} is not a valid highlight or note.`);
      annotations.push({ ...a });
    }
  }
  const images: BackupImage[] = [];
  if (v.images !== undefined) {
    if (!Array.isArray(v.images)) return refuse("This Folio backup's images field must be a list.");
    if (v.images.length > MAX_BACKUP_IMAGES) {
      return refuse(
        `This backup holds too many images (${v.images.length.toLocaleString("en-US")}; at most ${MAX_BACKUP_IMAGES.toLocaleString("en-US")}).`,
      );
    }
    for (let i = 0; i < v.images.length; i++) {
      const read = readBackupImage(v.images[i]);
      if (!read.ok) return refuse(`Image ${i + 1}: ${read.message}.`);
      images.push(read.image);
    }
  }
  return {
    ok: true,
    backup: {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: typeof v.exportedAt === "string" ? v.exportedAt : "",
      articles,
      annotations,
      images,
    },
  };
}
