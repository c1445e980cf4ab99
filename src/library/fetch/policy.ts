/**
 * How Folio fetches the pages of link-only entries: how many at once, how often it tries
 * again, how long it waits, how much it reads, and which answers are worth another try.
 * Pure: numbers and decisions, no network (fetch-page.ts does the fetching, runner.ts the
 * scheduling).
 */

export const FETCH_LIMITS = {
  /** Pages fetched at the same time. */
  concurrency: 3,
  /** Tries per page, the first included. */
  attempts: 3,
  /** How long one try may take, headers and body. */
  timeoutMs: 20_000,
  /** The largest page read (5 MB): a bigger answer is not an article page. */
  maxBytes: 5 * 1024 * 1024,
  /** The first retry's wait; each later one waits four times longer (2 s, 8 s). */
  backoffMs: 2_000,
  /** The longest wait a site's Retry-After is honoured for. */
  maxWaitMs: 60_000,
} as const;

/** Why a page gave no HTML, and whether trying again later may help. */
export interface PageProblem {
  retry: boolean;
  reason: string;
  /** The site's own Retry-After, in ms, when it sent one. */
  waitMs?: number;
}

/** Only web pages are fetched: `http:` and `https:`, nothing else. */
export function fetchableUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === "http:" || protocol === "https:";
  } catch {
    return false;
  }
}

const HTML_TYPES = new Set(["text/html", "application/xhtml+xml"]);

/**
 * What is wrong with an answer, from its status and Content-Type, or null when it is a web page
 * to read. 429 and 5xx are worth another try (the site is busy or broken for now); a page that
 * is gone (404, 410), forbidden, or not HTML (a PDF, an image) is not. An answer without a
 * Content-Type is sniffed by its bytes later, as a browser would read it as HTML.
 */
export function responseProblem(
  status: number,
  contentType: string | null,
  retryAfter?: string | null,
): PageProblem | null {
  if (status === 429 || status >= 500) {
    const waitMs = retryAfterMs(retryAfter);
    return {
      retry: true,
      reason:
        status === 429 ? "the site asked Folio to slow down (429)" : `the site had an error (${status})`,
      ...(waitMs === undefined ? {} : { waitMs }),
    };
  }
  if (status === 404 || status === 410) return { retry: false, reason: `the page is gone (${status})` };
  if (status === 401 || status === 403) {
    return { retry: false, reason: `the site refused to show the page (${status})` };
  }
  if (status < 200 || status >= 300) return { retry: false, reason: `the site answered ${status}` };
  const type = mediaType(contentType);
  if (type && !HTML_TYPES.has(type)) return { retry: false, reason: `it is not a web page (${type})` };
  return null;
}

/** The media type of a Content-Type header, lower case, without parameters ("" when absent). */
export function mediaType(contentType: string | null): string {
  return (contentType ?? "").split(";")[0]!.trim().toLowerCase();
}

/** The charset parameter of a Content-Type header, or null. */
export function charsetOf(contentType: string | null): string | null {
  const m = /;\s*charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType ?? "");
  return m ? m[1]! : null;
}

/** A Retry-After header (seconds, or an HTTP date) in ms from now, capped; undefined when absent. */
export function retryAfterMs(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value.trim());
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(value) - now;
  if (!Number.isFinite(ms)) return undefined;
  return Math.min(Math.max(ms, 0), FETCH_LIMITS.maxWaitMs);
}

/** How long to wait before try number `attempt + 1` after try `attempt` (1-based) failed. */
export function retryDelay(attempt: number, problem?: PageProblem): number {
  const backoff = FETCH_LIMITS.backoffMs * 4 ** Math.max(0, attempt - 1);
  return Math.min(Math.max(backoff, problem?.waitMs ?? 0), FETCH_LIMITS.maxWaitMs);
}
