/**
 * Omnivore's export (a .zip, from before Omnivore closed in 2024): `metadata_0_to_20.json`,
 * `metadata_20_to_40.json`… each a list of `{ id, slug, title, description, author, url, state,
 * labels, savedAt, updatedAt, publishedAt, readingProgress, … }`; the article's HTML as
 * `content/{slug}.html` (`contents/` in some versions); the reader's highlights as
 * `highlights/{slug}.md`. Items with content are read by the core later; the rest are links.
 *
 * A zip is hostile too: entries are read only by these names, each capped in size (a
 * declared size over the cap is not inflated at all), and the whole capped, so a zip bomb
 * is refused rather than filling memory.
 */
import { strFromU8, unzipSync } from "fflate";
import { LIMITS } from "../schema.ts";
import {
  cleanTags,
  cleanText,
  fromDateText,
  isoTime,
  ItemList,
  item,
  type ParsedImport,
  webUrl,
} from "./item.ts";

/** The largest entry inflated, and the most inflated from one zip, in bytes. */
export const MAX_ZIP_ENTRY = 32 * 1024 * 1024;
export const MAX_ZIP_TOTAL = 1024 * 1024 * 1024;

const METADATA_RE = /(?:^|\/)metadata_[^/]*\.json$/i;
const CONTENT_RE = /(?:^|\/)contents?\/([^/]+)\.html$/i;
const HIGHLIGHTS_RE = /(?:^|\/)highlights\/([^/]+)\.md$/i;

type Entry = Record<string, unknown>;

/** Whether zip bytes start like a zip (`PK\3\4`). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function labelNames(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.map((l) =>
    typeof l === "string" ? l : typeof l === "object" && l !== null ? (l as Entry).name : null,
  ) as string[];
}

export function readOmnivoreZip(bytes: Uint8Array): ParsedImport {
  if (!isZip(bytes)) return { ok: false, message: "This is not a zip file." };
  let total = 0;
  let files: Record<string, Uint8Array>;
  const oversized: string[] = [];
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        const wanted =
          METADATA_RE.test(file.name) || CONTENT_RE.test(file.name) || HIGHLIGHTS_RE.test(file.name);
        if (!wanted) return false;
        if (file.originalSize > MAX_ZIP_ENTRY || total + file.originalSize > MAX_ZIP_TOTAL) {
          oversized.push(file.name);
          return false;
        }
        total += file.originalSize;
        return true;
      },
    });
  } catch (error) {
    return {
      ok: false,
      message: `This zip file is damaged (${error instanceof Error ? error.message : String(error)}).`,
    };
  }
  const names = Object.keys(files);
  const metadata = names.filter((name) => METADATA_RE.test(name)).sort();
  if (metadata.length === 0) {
    return { ok: false, message: "This is not an Omnivore export: the zip holds no metadata_*.json file." };
  }
  const contents = new Map<string, string>();
  const highlights = new Map<string, string>();
  for (const name of names) {
    const content = CONTENT_RE.exec(name);
    if (content) contents.set(content[1]!, name);
    const marks = HIGHLIGHTS_RE.exec(name);
    if (marks) highlights.set(marks[1]!, name);
  }
  const text = (name: string | undefined) => (name ? strFromU8(files[name]!) : null);

  const list = new ItemList();
  let seen = 0;
  for (const name of oversized) list.skip(name, "the file is too large to read");
  for (const file of metadata) {
    let entries: unknown;
    try {
      entries = JSON.parse(strFromU8(files[file]!));
    } catch {
      list.skip(file, "not JSON");
      continue;
    }
    if (!Array.isArray(entries)) {
      list.skip(file, "not a list of articles");
      continue;
    }
    for (const [i, raw] of entries.entries()) {
      seen++;
      const where = `${file}, item ${i + 1}`;
      if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
        list.skip(where, "not an article object");
        continue;
      }
      const entry = raw as Entry;
      const address = webUrl(entry.url);
      if (!address.ok) {
        list.skip(where, address.reason);
        continue;
      }
      const state = typeof entry.state === "string" ? entry.state.toLowerCase() : "";
      if (state === "deleted") {
        list.skip(where, "deleted in Omnivore");
        continue;
      }
      const slug = typeof entry.slug === "string" ? entry.slug : null;
      const content = slug ? text(contents.get(slug)) : null;
      const progress = typeof entry.readingProgress === "number" ? entry.readingProgress : 0;
      const next = item(address.url, where, {
        title: cleanText(entry.title, LIMITS.title) ?? "",
        excerpt: cleanText(entry.description, LIMITS.excerpt),
        author: cleanText(entry.author, LIMITS.byline),
        tags: cleanTags(labelNames(entry.labels)),
        state: state === "archived" ? "archived" : progress >= 98 ? "read" : "unread",
        savedAt: fromDateText(entry.savedAt),
        publishedTime: isoTime(fromDateText(entry.publishedAt)),
        content: content && content.length <= LIMITS.content && content.trim() ? content : null,
        highlights: slug ? text(highlights.get(slug)) : null,
      });
      if (!list.add(next)) break;
    }
  }
  return list.done("omnivore-zip", seen);
}
