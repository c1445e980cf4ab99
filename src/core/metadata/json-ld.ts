/**
 * JSON-LD (schema.org) reader.
 *
 * Reads every `script[type="application/ld+json"]` (its text parsed by json-ld-text.ts, which
 * tolerates what real pages ship). Objects are collected from top-level arrays and `@graph`s;
 * `{"@id": ...}` references (Yoast and friends) are resolved against every node on the page.
 *
 * The article node is the first node whose `@type` (string or list) ends in "Article" or
 * "Posting" (Article, NewsArticle, BlogPosting, ReportageNewsArticle, LiveBlogPosting...)
 * or is Report; else a Recipe (a recipe page's author, date and name are the recipe's); a
 * WebPage-family node (or its `mainEntity`) is a weak fallback.
 * `publisher` falls back to a top-level Organization / NewsMediaOrganization / WebSite node.
 */

import { parseJsonLdText } from "./json-ld-text.ts";
import type { PageIndex } from "./page-index.ts";
import { decodedText } from "./text.ts";
import { type DeclaredRecipe, readRecipe } from "./recipe.ts";
import {
  asArray,
  deref,
  indexIds,
  isObject,
  type JsonObject,
  text,
  topNodes,
  typesOf,
} from "./json-ld-nodes.ts";

export interface JsonLdImage {
  url: string;
  alt: string | null;
  caption: string | null;
}

export interface JsonLdArticle {
  /** The `@type` that made this node the article (for debugging / tests). */
  type: string;
  /** "article" for Article/Posting types, "page" for the WebPage fallback. */
  strength: "article" | "page";
  headline: string | null;
  name: string | null;
  alternativeHeadline: string | null;
  description: string | null;
  /** Raw author names in page order: strings and Person (or untyped) names. */
  authors: string[];
  /** Authors typed as an Organization (NewsMediaOrganization...): weaker than people. */
  organizationAuthors: string[];
  publisherName: string | null;
  /** Raw date strings (or numbers) as written; normalised by the caller. */
  datePublished: unknown;
  dateModified: unknown;
  images: JsonLdImage[];
  url: string | null;
  inLanguage: string | null;
}

export interface JsonLdData {
  article: JsonLdArticle | null;
  /** Name of a top-level Organization / WebSite node, for siteName when the article has none. */
  siteName: string | null;
  /** The recipe the page declares (recipe.ts). */
  recipe: DeclaredRecipe | null;
}

const ARTICLE_TYPE = /(?:Article|Posting)$|^Report$/;
const PAGE_TYPE = /^(?:WebPage|ItemPage|AboutPage|CollectionPage|QAPage|FAQPage|ProfilePage)$/;
const SITE_TYPE = /(?:Organization|WebSite|Corporation|NewsMediaOrganization)$/;

interface AuthorNames {
  people: string[];
  organizations: string[];
}

/** Author names, split into people (and untyped strings) and organisations. */
function names(value: unknown, ids: Map<string, JsonObject>, depth = 0): AuthorNames {
  const out: AuthorNames = { people: [], organizations: [] };
  if (depth > 3) return out;
  for (const item of asArray(value)) {
    const node = deref(item, ids);
    if (typeof node === "string") {
      const t = decodedText(node);
      if (t) out.people.push(t);
    } else if (isObject(node)) {
      const name = text(node.name) ?? joinName(node);
      const isOrganization = typesOf(node).some((t) => SITE_TYPE.test(t));
      if (name) (isOrganization ? out.organizations : out.people).push(name);
      // { "@type": "Role", "author": {...} } and similar wrappers
      else if (node.author !== undefined) {
        const inner = names(node.author, ids, depth + 1);
        out.people.push(...inner.people);
        out.organizations.push(...inner.organizations);
      }
    }
  }
  return out;
}

function joinName(node: JsonObject): string | null {
  const given = text(node.givenName);
  const family = text(node.familyName);
  if (given || family) return [given, family].filter(Boolean).join(" ");
  return null;
}

function url(value: unknown, ids: Map<string, JsonObject>): string | null {
  const node = deref(value, ids);
  if (typeof node === "string") return decodedText(node);
  if (Array.isArray(node)) {
    for (const item of node) {
      const u = url(item, ids);
      if (u) return u;
    }
    return null;
  }
  if (isObject(node)) return text(node.url) ?? text(node.contentUrl) ?? text(node["@id"]);
  return null;
}

function images(value: unknown, ids: Map<string, JsonObject>): JsonLdImage[] {
  const out: JsonLdImage[] = [];
  for (const item of asArray(value)) {
    const node = deref(item, ids);
    if (typeof node === "string") {
      const u = decodedText(node);
      if (u) out.push({ url: u, alt: null, caption: null });
    } else if (Array.isArray(node)) {
      out.push(...images(node, ids));
    } else if (isObject(node)) {
      const u = text(node.url) ?? text(node.contentUrl);
      if (u) {
        out.push({
          url: u,
          alt: text(node.description) ?? text(node.name),
          caption: text(node.caption),
        });
      }
    }
  }
  return out;
}

function publisherName(value: unknown, ids: Map<string, JsonObject>): string | null {
  for (const item of asArray(value)) {
    const node = deref(item, ids);
    if (typeof node === "string") return decodedText(node);
    if (isObject(node)) {
      const name = text(node.name) ?? text(node.legalName) ?? text(node.alternateName);
      if (name) return name;
    }
  }
  return null;
}

function toArticle(
  node: JsonObject,
  type: string,
  strength: "article" | "page",
  ids: Map<string, JsonObject>,
) {
  const byAuthor = names(node.author, ids);
  const byline =
    byAuthor.people.length + byAuthor.organizations.length > 0 ? byAuthor : names(node.creator, ids);
  return {
    type,
    strength,
    headline: text(node.headline),
    name: text(node.name),
    alternativeHeadline: text(node.alternativeHeadline) ?? text(node.alternateName),
    description: text(node.description) ?? text(node.abstract),
    authors: byline.people,
    organizationAuthors: byline.organizations,
    publisherName: publisherName(node.publisher, ids) ?? publisherName(node.sourceOrganization, ids),
    datePublished: node.datePublished ?? node.dateCreated ?? node.uploadDate,
    dateModified: node.dateModified,
    images: images(node.image ?? node.thumbnailUrl, ids),
    url: url(node.url, ids) ?? url(node.mainEntityOfPage, ids),
    inLanguage: text(node.inLanguage),
  } satisfies JsonLdArticle;
}

/** The article described by the page's JSON-LD scripts, a site name and a recipe. Read-only. */
export function readJsonLd(index: PageIndex): JsonLdData {
  const parsed: unknown[] = [];
  for (const script of index.ldScripts) {
    const value = parseJsonLdText(script.textContent ?? "");
    if (value !== undefined) parsed.push(value);
  }
  const nodes = parsed.flatMap(topNodes);
  const ids = indexIds(nodes);

  let article: JsonLdArticle | null = null;
  let recipe: JsonLdArticle | null = null;
  let page: JsonLdArticle | null = null;
  let siteName: string | null = null;

  for (const node of nodes) {
    const types = typesOf(node);
    const articleType = types.find((t) => ARTICLE_TYPE.test(t));
    if (articleType && !article) article = toArticle(node, articleType, "article", ids);
    if (!recipe && types.includes("Recipe")) recipe = toArticle(node, "Recipe", "article", ids);
    const pageType = types.find((t) => PAGE_TYPE.test(t));
    if (pageType && !page) {
      page = toArticle(node, pageType, "page", ids);
      // A WebPage whose mainEntity is the article (common on news sites).
      if (!article) {
        for (const entity of asArray(node.mainEntity)) {
          const inner = deref(entity, ids);
          if (!isObject(inner)) continue;
          const innerType = typesOf(inner).find((t) => ARTICLE_TYPE.test(t));
          if (innerType) {
            article = toArticle(inner, innerType, "article", ids);
            break;
          }
        }
      }
    }
    if (!siteName && types.some((t) => SITE_TYPE.test(t))) siteName = text(node.name);
  }

  return { article: article ?? recipe ?? page, siteName, recipe: readRecipe(nodes, ids) };
}
