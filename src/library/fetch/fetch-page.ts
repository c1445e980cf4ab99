/**
 * Fetching one link-only entry's page: only `http:` and `https:`, no cookies or referrer sent
 * (Folio fetches as a visitor who is not signed in), within a time limit and a size limit, and
 * decoded as a browser would (the HTTP charset, a BOM, a `<meta charset>`, UTF-8, else
 * windows-1252: core/decode.ts). What comes back is text: the host parses it into an inert
 * document (read-page.ts), where none of the page's scripts run.
 */
import { decodeHtml } from "../../core/decode.ts";
import type { Fetched } from "./runner.ts";
import { charsetOf, FETCH_LIMITS, fetchableUrl, responseProblem } from "./policy.ts";

export interface FetchOptions {
  fetch?: typeof fetch;
  timeoutMs?: number;
  maxBytes?: number;
}

const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

/** The body's bytes, or null when it is larger than `max` (the rest is not read). */
async function readCapped(response: Response, max: number): Promise<Uint8Array | null> {
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

export async function fetchPage(
  url: string,
  signal: AbortSignal,
  options: FetchOptions = {},
): Promise<Fetched> {
  if (!fetchableUrl(url)) {
    return { ok: false, retry: false, reason: "it is not a web address (only http and https are fetched)" };
  }
  const timeoutMs = options.timeoutMs ?? FETCH_LIMITS.timeoutMs;
  const maxBytes = options.maxBytes ?? FETCH_LIMITS.maxBytes;
  const timeout = AbortSignal.timeout(timeoutMs);
  const both = AbortSignal.any([signal, timeout]);
  try {
    const response = await (options.fetch ?? fetch)(url, {
      signal: both,
      credentials: "omit",
      referrerPolicy: "no-referrer",
      redirect: "follow",
      headers: { accept: "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1" },
    });
    const finalUrl = response.url || url;
    if (!fetchableUrl(finalUrl)) {
      return { ok: false, retry: false, reason: "it led to an address that is not a web page" };
    }
    const type = response.headers.get("content-type");
    const problem = responseProblem(response.status, type, response.headers.get("retry-after"));
    if (problem) {
      await response.body?.cancel().catch(() => {});
      return { ok: false, ...problem };
    }
    const declared = Number(response.headers.get("content-length"));
    if (declared > maxBytes) {
      await response.body?.cancel().catch(() => {});
      return { ok: false, retry: false, reason: `the page is too large (over ${megabytes(maxBytes)})` };
    }
    const bytes = await readCapped(response, maxBytes);
    if (!bytes)
      return { ok: false, retry: false, reason: `the page is too large (over ${megabytes(maxBytes)})` };
    return { ok: true, html: decodeHtml(bytes, charsetOf(type)).text, url: finalUrl };
  } catch (error) {
    if (signal.aborted) return { ok: false, retry: false, reason: "cancelled" };
    if (timeout.aborted) {
      return { ok: false, retry: true, reason: `the site did not answer within ${timeoutMs / 1000} s` };
    }
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, retry: true, reason: `the site could not be reached (${detail})` };
  }
}
