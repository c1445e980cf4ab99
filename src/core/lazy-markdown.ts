import type { Article } from "./types.ts";

/**
 * `article.markdown` is computed on first read (then kept): converting a long article costs as
 * much as extracting it, and most readers never export. It is an ordinary enumerable property
 * to every consumer: JSON.stringify, spreading and structured cloning all read it.
 */
export function defineLazyMarkdown(article: Article, toMarkdown: (article: Article) => string): void {
  let markdown: string | null = null;
  Object.defineProperty(article, "markdown", {
    enumerable: true,
    configurable: true,
    get: () => {
      markdown ??= toMarkdown(article);
      return markdown;
    },
    set: (value: string | null) => {
      markdown = value;
    },
  });
}
