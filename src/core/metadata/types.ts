/** What the page says about itself, before Readability looks at it. */
export interface PageMetadata {
  /** Canonical URL (link rel=canonical, og:url, JSON-LD url), absolute; null when none. */
  canonicalUrl: string | null;
  title: string | null;
  /** Standfirst / dek / description written for the article. */
  subtitle: string | null;
  /** The subtitle is printed on the page (a dek element near the headline), not only declared. */
  subtitlePrinted: boolean;
  authors: string[];
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
  leadImage: { url: string; alt: string | null; caption: string | null } | null;
}
