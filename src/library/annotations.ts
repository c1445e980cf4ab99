/**
 * Highlights and notes on saved articles, kept apart from the articles: their own IndexedDB
 * database (`folio-annotations`, one object store `annotations` with an index by article URL),
 * so the library's schema and records stay as they are. An annotation is anchored the way the
 * W3C Web Annotation model's selectors do it: the quoted text with a little context before and
 * after (TextQuoteSelector) and its place in the article's body text (TextPositionSelector);
 * see src/ui/anchor.ts for how it is found again after the body is drawn anew.
 */
import { type DBSchema, type IDBPDatabase, wrap } from "idb";

export const ANNOTATIONS_DB = "folio-annotations";
export const COLORS = ["yellow", "green", "blue", "pink"] as const;
export type Color = (typeof COLORS)[number];

/** Characters of context kept before and after a quote. */
export const CONTEXT_CHARS = 32;
/** The longest quote and note kept. */
export const MAX_QUOTE = 5_000;
export const MAX_NOTE = 10_000;

/** Where an annotation is in the body's text: its words with some context, and their place. */
export interface TextAnchor {
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
}

/** The anchor of characters `start` to `end` of `text`. */
export function anchorOf(text: string, start: number, end: number): TextAnchor {
  return {
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT_CHARS), start),
    suffix: text.slice(end, end + CONTEXT_CHARS),
    start,
    end,
  };
}

export interface Annotation {
  /** Random, unique. */
  id: string;
  /** The saved article's URL (the library's key for it). */
  url: string;
  /** TextQuoteSelector: the words, and what comes just before and after them. */
  exact: string;
  prefix: string;
  suffix: string;
  /** TextPositionSelector: the words' place in the body's text (UTF-16 code units). */
  start: number;
  end: number;
  color: Color;
  note: string;
  created: number;
  updated: number;
}

interface AnnotationSchema extends DBSchema {
  annotations: { key: string; value: Annotation; indexes: { byUrl: string; byUpdated: number } };
}

type AnnotationDb = IDBPDatabase<AnnotationSchema>;

/** Whether `value` is a whole, sane annotation (what a store or a backup may hold). */
export function isAnnotation(value: unknown): value is Annotation {
  const a = value as Annotation;
  return (
    typeof a === "object" &&
    a !== null &&
    typeof a.id === "string" &&
    a.id.length > 0 &&
    a.id.length <= 100 &&
    typeof a.url === "string" &&
    /^https?:\/\//.test(a.url) &&
    typeof a.exact === "string" &&
    a.exact.length > 0 &&
    a.exact.length <= MAX_QUOTE &&
    typeof a.prefix === "string" &&
    a.prefix.length <= CONTEXT_CHARS &&
    typeof a.suffix === "string" &&
    a.suffix.length <= CONTEXT_CHARS &&
    Number.isInteger(a.start) &&
    Number.isInteger(a.end) &&
    a.start >= 0 &&
    a.end > a.start &&
    (COLORS as readonly string[]).includes(a.color) &&
    typeof a.note === "string" &&
    a.note.length <= MAX_NOTE &&
    Number.isFinite(a.created) &&
    Number.isFinite(a.updated)
  );
}

export interface AnnotationStore {
  add(fields: Omit<Annotation, "id" | "created" | "updated">): Promise<Annotation>;
  /** Changes the colour or the note; returns the annotation as stored, or null when it is gone. */
  update(id: string, change: Partial<Pick<Annotation, "color" | "note">>): Promise<Annotation | null>;
  remove(id: string): Promise<void>;
  /** An article's annotations, in the order of the text. */
  forArticle(url: string): Promise<Annotation[]>;
  /** Every annotation, the most recently changed first. */
  all(): Promise<Annotation[]>;
  /** Removes every annotation of an article (when the article is deleted). */
  removeArticle(url: string): Promise<void>;
  /**
   * Puts annotations back (a backup, Undo of a delete): each kept unless this store holds it
   * in a newer version (a larger `updated`). Returns how many were added or replaced.
   */
  merge(annotations: readonly Annotation[]): Promise<number>;
  close(): void;
}

function open(factory: IDBFactory): Promise<AnnotationDb> {
  const request = factory.open(ANNOTATIONS_DB, 1);
  request.addEventListener("upgradeneeded", () => {
    const store = request.result.createObjectStore("annotations", { keyPath: "id" });
    store.createIndex("byUrl", "url");
    store.createIndex("byUpdated", "updated");
  });
  return (wrap(request) as unknown as Promise<AnnotationDb>).then((db) => {
    db.addEventListener("versionchange", () => db.close());
    return db;
  });
}

const byPlace = (a: Annotation, b: Annotation) => a.start - b.start || a.end - b.end;

export async function openAnnotations(
  factory: IDBFactory = indexedDB,
  newId: () => string = () => crypto.randomUUID(),
  now: () => number = Date.now,
): Promise<AnnotationStore> {
  const db = await open(factory);
  return {
    async add(fields) {
      const at = now();
      const annotation: Annotation = {
        ...fields,
        note: fields.note.slice(0, MAX_NOTE),
        id: newId(),
        created: at,
        updated: at,
      };
      if (!isAnnotation(annotation))
        throw new Error("Folio could not keep this highlight (it is not valid).");
      await db.put("annotations", annotation);
      return annotation;
    },
    async update(id, change) {
      const tx = db.transaction("annotations", "readwrite");
      const current = await tx.store.get(id);
      if (!current) {
        await tx.done;
        return null;
      }
      const next: Annotation = {
        ...current,
        ...(change.color && (COLORS as readonly string[]).includes(change.color)
          ? { color: change.color }
          : {}),
        ...(typeof change.note === "string" ? { note: change.note.slice(0, MAX_NOTE) } : {}),
        updated: now(),
      };
      await tx.store.put(next);
      await tx.done;
      return next;
    },
    async remove(id) {
      await db.delete("annotations", id);
    },
    async forArticle(url) {
      return (await db.getAllFromIndex("annotations", "byUrl", url)).filter(isAnnotation).sort(byPlace);
    },
    async all() {
      return (await db.getAllFromIndex("annotations", "byUpdated")).filter(isAnnotation).reverse();
    },
    async removeArticle(url) {
      const tx = db.transaction("annotations", "readwrite");
      for (const key of await tx.store.index("byUrl").getAllKeys(url)) await tx.store.delete(key);
      await tx.done;
    },
    async merge(annotations) {
      const tx = db.transaction("annotations", "readwrite");
      let changed = 0;
      for (const incoming of annotations) {
        if (!isAnnotation(incoming)) continue;
        const here = await tx.store.get(incoming.id);
        if (here && here.updated >= incoming.updated) continue;
        await tx.store.put({ ...incoming });
        changed++;
      }
      await tx.done;
      return changed;
    },
    close: () => db.close(),
  };
}
