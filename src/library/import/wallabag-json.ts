/**
 * Wallabag's JSON export: a list of entries, each with `url`, `title`, `content` (the article's
 * HTML as Wallabag cleaned it), `tags` (names), `is_archived` and `is_starred` (0 or 1, or
 * true/false), `created_at` and `published_at` (dates as text), `published_by` (authors),
 * `domain_name`, `language`. Read by field name; unknown fields are ignored.
 */
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

type Entry = Record<string, unknown>;

const truthy = (value: unknown) => value === true || value === 1 || value === "1" || value === "true";

/** Whether parsed JSON looks like a Wallabag export. */
export function isWallabagJson(value: unknown): boolean {
  if (!Array.isArray(value)) return false;
  const first = value.find((e) => typeof e === "object" && e !== null) as Entry | undefined;
  return Boolean(first && "url" in first && ("is_archived" in first || "is_starred" in first));
}

/** Tag names from a list of names or of `{ label }` objects. */
function tagNames(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.map((t) =>
    typeof t === "string" ? t : typeof t === "object" && t !== null ? (t as Entry).label : null,
  ) as string[];
}

export function readWallabagJson(value: unknown): ParsedImport {
  if (!isWallabagJson(value)) {
    return {
      ok: false,
      message: "This is not a Wallabag export: it is not a list of entries with url and is_archived.",
    };
  }
  const entries = value as unknown[];
  const list = new ItemList();
  for (const [i, raw] of entries.entries()) {
    const where = `entry ${i + 1}`;
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
      list.skip(where, "not an entry object");
      continue;
    }
    const entry = raw as Entry;
    const address = webUrl(entry.url);
    if (!address.ok) {
      list.skip(where, address.reason);
      continue;
    }
    const authors = Array.isArray(entry.published_by)
      ? entry.published_by.filter((a): a is string => typeof a === "string")
      : [];
    const content = typeof entry.content === "string" && entry.content.trim() ? entry.content : null;
    if (content && content.length > LIMITS.content) {
      list.skip(where, "its content is too large to keep");
      continue;
    }
    const next = item(address.url, where, {
      title: cleanText(entry.title, LIMITS.title) ?? "",
      tags: cleanTags(tagNames(entry.tags)),
      state: truthy(entry.is_archived) ? "archived" : "unread",
      favourite: truthy(entry.is_starred),
      savedAt: fromDateText(entry.created_at),
      publishedTime: isoTime(fromDateText(entry.published_at)),
      author: cleanText(authors.join(", "), LIMITS.byline),
      siteName: cleanText(entry.domain_name, LIMITS.siteName),
      content,
    });
    if (!list.add(next)) break;
  }
  return list.done("wallabag-json", entries.length);
}
