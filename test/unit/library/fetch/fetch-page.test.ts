/**
 * Fetching one page (with a fake `fetch`): which answers are retried, the size and scheme
 * limits, and decoding by the HTTP charset as a browser would.
 */
import { describe, expect, it } from "vitest";
import { fetchPage } from "../../../../src/library/fetch/fetch-page.ts";
import { responseProblem, retryAfterMs, retryDelay } from "../../../../src/library/fetch/policy.ts";

const signal = new AbortController().signal;

function answer(body: BodyInit | null, init: ResponseInit & { url?: string } = {}): typeof fetch {
  return async () => {
    const response = new Response(body, init);
    Object.defineProperty(response, "url", { value: init.url ?? "https://site.example/a" });
    return response;
  };
}

describe("response policy", () => {
  it("retries 429 and 5xx, not 404, 403 or a PDF", () => {
    expect(responseProblem(503, "text/html")).toMatchObject({ retry: true });
    expect(responseProblem(429, "text/html", "30")).toMatchObject({ retry: true, waitMs: 30_000 });
    expect(responseProblem(404, "text/html")).toEqual({ retry: false, reason: "the page is gone (404)" });
    expect(responseProblem(403, "text/html")).toMatchObject({ retry: false });
    expect(responseProblem(200, "application/pdf")).toEqual({
      retry: false,
      reason: "it is not a web page (application/pdf)",
    });
    expect(responseProblem(200, "text/html; charset=utf-8")).toBeNull();
    expect(responseProblem(200, null)).toBeNull();
  });

  it("waits longer after each failed try, and honours Retry-After within a cap", () => {
    expect(retryDelay(1)).toBe(2_000);
    expect(retryDelay(2)).toBe(8_000);
    expect(retryDelay(1, { retry: true, reason: "", waitMs: 20_000 })).toBe(20_000);
    expect(retryAfterMs("99999")).toBe(60_000);
    expect(retryAfterMs("soon")).toBeUndefined();
  });
});

describe("fetchPage", () => {
  it("decodes by the HTTP charset", async () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode("<p>Stra"),
      0xdf,
      ...new TextEncoder().encode("e</p>"),
    ]);
    const got = await fetchPage("https://site.example/a", signal, {
      fetch: answer(bytes, { headers: { "content-type": "text/html; charset=windows-1252" } }),
    });
    expect(got).toEqual({ ok: true, html: "<p>Straße</p>", url: "https://site.example/a" });
  });

  it("refuses addresses that are not http(s) without fetching", async () => {
    let called = false;
    const got = await fetchPage("file:///etc/passwd", signal, {
      fetch: async () => {
        called = true;
        return new Response("");
      },
    });
    expect(got).toMatchObject({ ok: false, retry: false });
    expect(called).toBe(false);
  });

  it("stops reading a page over the size limit", async () => {
    const big = new Uint8Array(2048).fill(97);
    const got = await fetchPage("https://site.example/a", signal, {
      fetch: answer(big, { headers: { "content-type": "text/html" } }),
      maxBytes: 1024,
    });
    expect(got).toMatchObject({ ok: false, retry: false });
    expect(!got.ok && got.reason).toContain("too large");
  });

  it("says a 404 and a PDF plainly, and retries a network error or a timeout", async () => {
    const gone = await fetchPage("https://site.example/a", signal, { fetch: answer("no", { status: 404 }) });
    expect(gone).toEqual({ ok: false, retry: false, reason: "the page is gone (404)" });
    const pdf = await fetchPage("https://site.example/a", signal, {
      fetch: answer("%PDF", { headers: { "content-type": "application/pdf" } }),
    });
    expect(pdf).toMatchObject({ ok: false, retry: false });
    const down = await fetchPage("https://site.example/a", signal, {
      fetch: async () => {
        throw new TypeError("Failed to fetch");
      },
    });
    expect(down).toMatchObject({ ok: false, retry: true });
    const slow = await fetchPage("https://site.example/a", signal, {
      timeoutMs: 20,
      fetch: (_url, init) =>
        new Promise((_, reject) =>
          init?.signal?.addEventListener("abort", () => reject(init.signal?.reason)),
        ),
    });
    expect(slow).toMatchObject({ ok: false, retry: true });
    expect(!slow.ok && slow.reason).toContain("did not answer");
  });
});
