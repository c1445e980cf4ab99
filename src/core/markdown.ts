/**
 * Markdown export: turndown with GitHub-flavoured tables and strikethrough, behind a YAML front
 * matter block (title, author, site, source, published, plus any extra fields such as `saved`).
 */
import { gfm } from "@joplin/turndown-plugin-gfm";
import TurndownService from "turndown";
import { htmlHasUrl } from "./html.ts";
import {
  escapeMarkdownLine,
  escapeMarkdownText,
  markdownDestination,
  markdownTitle,
} from "./markdown-escape.ts";
import type { Article } from "./types.ts";

const OPTIONS: TurndownService.Options = {
  headingStyle: "atx",
  codeBlockStyle: "fenced",
  bulletListMarker: "-",
  emDelimiter: "_",
  hr: "---",
};

/** A converter with Folio's rules. Made per conversion: the core keeps nothing between calls. */
function turndown(): TurndownService {
  const service = new TurndownService(OPTIONS);
  service.use(gfm);
  // Page text stays text (markdown-escape.ts): turndown's own escaping leaves `<` and `&`.
  service.escape = escapeMarkdownText;
  // Links and images with destinations that cannot end early and alt text that stays text.
  service.addRule("link", {
    filter: (node) => node.nodeName === "A" && !!node.getAttribute("href"),
    replacement: (content, node) => {
      const el = node as HTMLElement;
      return `[${content}](${markdownDestination(el.getAttribute("href") ?? "")}${titlePart(el)})`;
    },
  });
  service.addRule("image", {
    filter: "img",
    replacement: (_content, node) => {
      const el = node as HTMLElement;
      const src = el.getAttribute("src");
      return src ? `![${altText(el.getAttribute("alt"))}](${markdownDestination(src)}${titlePart(el)})` : "";
    },
  });
  // Figures: the image, then the caption as an italic line under it.
  service.addRule("figcaption", {
    filter: "figcaption",
    replacement: (content) => (content.trim() ? `\n\n_${content.trim()}_\n\n` : ""),
  });
  return service;
}

function titlePart(el: HTMLElement): string {
  const title = el.getAttribute("title");
  return title?.trim() ? ` "${markdownTitle(title)}"` : "";
}

/** A YAML scalar that is always valid: a double-quoted string with JSON escapes. */
function yamlString(value: string): string {
  return JSON.stringify(value);
}

export type FrontMatter = Record<string, string | null | undefined>;

export function frontMatter(fields: FrontMatter): string {
  const lines = ["---"];
  for (const [key, value] of Object.entries(fields)) {
    if (value) lines.push(`${key}: ${yamlString(value)}`);
  }
  lines.push("---");
  return lines.join("\n");
}

/**
 * Converts article HTML (a string or an element whose children are the body) to Markdown.
 * The table plugin reads rows' child nodes as cells and throws on markup real pages have
 * (text between cells of a table inside `<pre>`); such an article is converted again with
 * tables as plain text rather than not at all.
 */
export function htmlToMarkdown(content: string | HTMLElement): string {
  try {
    return turndown().turndown(content).trim();
  } catch {
    return plainTurndown().turndown(content).trim();
  }
}

function plainTurndown(): TurndownService {
  return new TurndownService(OPTIONS);
}

type MarkdownSource = Pick<Article, "title" | "byline" | "siteName" | "url" | "publishedTime" | "content"> &
  Partial<Pick<Article, "subtitle" | "leadImage">>;

/** Image alt text: one line, with the page's brackets and markup kept as text. */
function altText(text: string | null): string {
  return escapeMarkdownLine(text ?? "");
}

/** The standfirst and lead image, which the reader's header shows and the body may lack. */
function header(article: MarkdownSource): string {
  const parts: string[] = [];
  if (article.subtitle?.trim()) parts.push(`_${escapeMarkdownLine(article.subtitle)}_`);
  const lead = article.leadImage;
  if (lead && !htmlHasUrl(article.content, lead.url)) {
    // An alt text that only repeats the caption is said once, by the caption.
    const alt = lead.alt && lead.alt.trim() !== lead.caption?.trim() ? lead.alt : "";
    parts.push(`![${altText(alt)}](${markdownDestination(lead.url)})`);
    if (lead.caption?.trim()) parts.push(`_${escapeMarkdownLine(lead.caption)}_`);
  }
  return parts.map((p) => `${p}\n\n`).join("");
}

/**
 * The article as a Markdown document. `body` may pass the content element the pipeline already
 * holds, to skip parsing `content` again; `extra` adds front matter fields (e.g. `saved`).
 */
export function toMarkdown(article: MarkdownSource, body?: HTMLElement, extra: FrontMatter = {}): string {
  const head = frontMatter({
    title: article.title,
    author: article.byline,
    site: article.siteName,
    source: article.url,
    published: article.publishedTime,
    ...extra,
  });
  return `${head}\n\n# ${escapeMarkdownLine(article.title)}\n\n${header(article)}${htmlToMarkdown(body ?? article.content)}\n`;
}
