/**
 * Fetching an article's images for keeping offline (library/keep-images.ts), from where the
 * browser lets Folio fetch them:
 *
 * - the page the article was read from: the user's click granted activeTab on it, so a
 *   function run in it (the content script's isolated world) fetches as the page does, and the
 *   page's own site serves its images without any permission; another site's only when that
 *   site allows it (CORS), else the image is `blocked`;
 * - this extension context, which may fetch from any site once the reader allowed Folio to
 *   fetch from websites (site-access.ts, the manifest's `optional_host_permissions`).
 *
 * Imports no polyfill (the background takes the browser's own API), so the worker stays small.
 */
import type Browser from "webextension-polyfill";
import { fromBase64, IMAGE_LIMITS } from "../library/image-data.ts";
import { type FetchImages, fetchFromHere } from "../library/keep-images.ts";
import { executeInTab } from "./browser.ts";
import { siteAccessIn } from "./site-access.ts";

interface PageAnswer {
  u: string;
  /** The bytes, base64. */
  d?: string;
  e?: "blocked" | "failed";
}

/**
 * Runs in the page (serialised by `executeScript`: self-contained, no outside names). Fetches
 * `urls` as the page would, each within `timeout` ms and `max` bytes, and answers base64.
 */
async function fetchHere(urls: string[], max: number, timeout: number): Promise<PageAnswer[]> {
  const one = async (u: string): Promise<PageAnswer> => {
    let response: Response;
    try {
      response = await fetch(u, { signal: AbortSignal.timeout(timeout) });
    } catch (error) {
      const refused = (error as Error)?.name === "TypeError" && new URL(u).origin !== location.origin;
      return { u, e: refused ? "blocked" : "failed" };
    }
    try {
      if (!response.ok || Number(response.headers.get("content-length")) > max) throw new Error();
      const blob = await response.blob();
      if (blob.size > max) throw new Error();
      const url = await new Promise<string>((resolve, reject) => {
        const reader = new FileReader();
        reader.onload = () => resolve(String(reader.result));
        reader.onerror = reject;
        reader.readAsDataURL(blob);
      });
      return { u, d: url.slice(url.indexOf(",") + 1) };
    } catch {
      return { u, e: "failed" };
    }
  };
  return Promise.all(urls.map(one));
}

/**
 * Fetches in the page of `tabId`. When the browser no longer lets Folio run there (the tab was
 * closed or went to another page), fetches from here instead (`fetchFromHere`, without access).
 */
export function fetchInPage(scripting: Browser.Scripting.Static, tabId: number): FetchImages {
  const here = fetchFromHere(false);
  return async (urls) => {
    let answers: PageAnswer[] | undefined;
    try {
      answers = await executeInTab<PageAnswer[]>(scripting, tabId, {
        func: fetchHere,
        args: [urls, IMAGE_LIMITS.perImageBytes, IMAGE_LIMITS.timeoutMs],
      });
    } catch {
      return here(urls);
    }
    if (!Array.isArray(answers)) return here(urls);
    return urls.map((url) => {
      const answer = answers.find((a) => a?.u === url);
      const bytes = typeof answer?.d === "string" ? fromBase64(answer.d) : null;
      if (bytes) return { url, blob: new Blob([bytes as BlobPart]) };
      return { url, error: answer?.e === "blocked" ? "blocked" : "failed" };
    });
  };
}

/** How the background fetches an article's images: see above. */
export async function imageFetcher(
  api: Pick<Browser.Browser, "permissions" | "scripting">,
  tabId: number | undefined,
): Promise<FetchImages> {
  if (await siteAccessIn(api.permissions)) return fetchFromHere(true);
  return tabId === undefined ? fetchFromHere(false) : fetchInPage(api.scripting, tabId);
}
