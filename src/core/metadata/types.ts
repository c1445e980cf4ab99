import type { DeclaredRecipe } from "./recipe.ts";

/** What the page says about itself, before Readability looks at it. */
export interface PageMetadata {
  /** Canonical URL (link rel=canonical, og:url, JSON-LD url), absolute; null when none. */
  canonicalUrl: string | null;
  title: string | null;
  /** The title is the text of the page's h1 (the headline it shows), not only declared. */
  titlePrinted: boolean;
  /** Standfirst / dek / description written for the article. */
  subtitle: string | null;
  /** The subtitle is printed on the page (a dek element near the headline), not only declared. */
  subtitlePrinted: boolean;
  authors: string[];
  /**
   * Where the authors come from: "declared" (JSON-LD, meta tags), "printed" (the page's byline,
   * author links), "site" (only the site, its publisher or an organisation: another source may
   * name a person), "none".
   */
  authorsKind: "declared" | "printed" | "site" | "none";
  siteName: string | null;
  /** ISO 8601, offset kept when the page gives one. */
  publishedTime: string | null;
  modifiedTime: string | null;
  lang: string | null;
  dir: "ltr" | "rtl" | null;
  /** Description for the excerpt (meta description, og:description). */
  description: string | null;
  /** The page declares itself an article: a schema.org Article type (or Posting, Report), or og:type article. */
  declaresArticle: boolean;
  /** The recipe the page declares (schema.org Recipe): its ingredients and steps. */
  recipe: DeclaredRecipe | null;
  leadImage: { url: string; alt: string | null; caption: string | null } | null;
}
