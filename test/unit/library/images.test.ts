/**
 * Images kept offline: what counts as a picture, which images an article shows, the image
 * store (shared by address, held and released by articles, swept after Undo), keeping an
 * article's images (the cap, refusals, a page that does not let Folio fetch), and the words
 * the library and the reader use.
 */
import "fake-indexeddb/auto";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { IMAGE_LIMITS, fromBase64, sniffImage, toBase64 } from "../../../src/library/image-data.ts";
import { imageSources, imageUrl, pickSource, swapImages } from "../../../src/library/image-sources.ts";
import {
  addImages,
  getStatus,
  imageBlobs,
  imagesOf,
  openImages,
  putImage,
  releaseImages,
  restoreImages,
  sweepImages,
} from "../../../src/library/image-store.ts";
import { imageNote } from "../../../src/library/image-words.ts";
import {
  type Fetched,
  type FetchImages,
  fetchFromHere,
  keepImages,
} from "../../../src/library/keep-images.ts";
import { parseDocument } from "../../../src/node/jsdom.ts";
import { GIF, PNG } from "./image-fixtures.ts";
import { SITE_ACCESS } from "../../../src/platform/site-access.ts";

const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0]);
const WEBP = new TextEncoder().encode("RIFF\u0010\u0000\u0000\u0000WEBPVP8 ");
const AVIF = new Uint8Array([0, 0, 0, 0x1c, ...new TextEncoder().encode("ftypavif"), 0, 0, 0, 0]);
const text = (s: string) => new TextEncoder().encode(s);
const SVG = text(
  '<?xml version="1.0"?>\n<!-- drawn -->\n<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect width="4" height="4"/></svg>',
);

let dbs = 0;
async function freshImages() {
  const factory = new IDBFactory();
  return { db: await openImages(factory), factory, n: ++dbs };
}

/** A fetcher that answers from a table: bytes, an error, or nothing (a failure). */
function fetcher(
  table: Record<string, Uint8Array | "blocked" | "failed">,
  asked: string[][] = [],
): FetchImages {
  return async (urls) => {
    asked.push(urls);
    return urls.map((url): Fetched => {
      const answer = table[url] ?? "failed";
      return typeof answer === "string"
        ? { url, error: answer }
        : { url, blob: new Blob([answer as BlobPart]) };
    });
  };
}

const article = (url: string, content: string, lead: string | null = null) => ({
  url,
  content,
  leadImage: lead ? { url: lead } : null,
});

describe("what is kept: pictures, found on their bytes", () => {
  it("knows each kept format by its signature, whatever a server said", () => {
    expect(sniffImage(PNG)).toBe("image/png");
    expect(sniffImage(GIF)).toBe("image/gif");
    expect(sniffImage(JPEG)).toBe("image/jpeg");
    expect(sniffImage(WEBP)).toBe("image/webp");
    expect(sniffImage(AVIF)).toBe("image/avif");
    expect(sniffImage(SVG)).toBe("image/svg+xml");
  });

  it("refuses a web page, text, a script, and an SVG that could run anything when opened", () => {
    expect(sniffImage(text("<!doctype html><html><body>not an image</body></html>"))).toBeNull();
    expect(sniffImage(text("just some text, long enough"))).toBeNull();
    expect(sniffImage(text("alert(document.cookie); // a script"))).toBeNull();
    for (const svg of [
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
      '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>',
      '<svg xmlns="http://www.w3.org/2000/svg"><a href="javascript:alert(1)"><rect/></a></svg>',
      '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><p>html</p></foreignObject></svg>',
      '<!DOCTYPE svg [<!ENTITY x "y">]><svg xmlns="http://www.w3.org/2000/svg">&x;</svg>',
    ]) {
      expect(sniffImage(text(svg)), svg).toBeNull();
    }
    expect(sniffImage(new Uint8Array(4))).toBeNull();
  });

  it("base64 goes both ways, and refuses what is not base64", () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 7) % 256);
    expect(fromBase64(toBase64(bytes))).toEqual(bytes);
    expect(fromBase64("not base64!")).toBeNull();
  });
});

describe("which images an article shows", () => {
  const base = "https://news.example/2024/story";

  it("each <img> once, in order, the lead image first, addresses resolved against the article", () => {
    const html =
      '<p>a</p><figure><img src="/img/one.jpg" alt="One"></figure>' +
      "<img alt='two' src='https://cdn.example/two.png?w=800&amp;q=80'>" +
      '<img src="/img/one.jpg#again"><img src=three.webp>' +
      '<img src="data:image/png;base64,AAAA"><img src="javascript:alert(1)"><img>';
    expect(imageSources(article(base, html, "https://cdn.example/lead.jpg"))).toEqual([
      "https://cdn.example/lead.jpg",
      "https://news.example/img/one.jpg",
      "https://cdn.example/two.png?w=800&q=80",
      "https://news.example/2024/three.webp",
    ]);
  });

  it("leaves out the lead image when the body shows the same picture (as the reader does)", () => {
    const html = '<img src="https://cdn.example/lead.jpg?w=1200">';
    expect(imageSources(article(base, html, "https://cdn.example/lead.jpg?w=600"))).toEqual([
      "https://cdn.example/lead.jpg?w=1200",
    ]);
  });

  it("without a src, the largest srcset candidate that is not too wide", () => {
    expect(pickSource(null, "a.jpg 400w, b.jpg 1200w, c.jpg 2400w", base)).toBe(
      "https://news.example/2024/b.jpg",
    );
    expect(pickSource(null, "a.jpg 1x, b.jpg 2x", base)).toBe("https://news.example/2024/b.jpg");
    expect(pickSource(null, "huge.jpg 3000w, bigger.jpg 4000w", base)).toBe(
      "https://news.example/2024/huge.jpg",
    );
    expect(pickSource(null, "https://x.example/a,b.jpg 500w", base)).toBe("https://x.example/a,b.jpg");
    expect(pickSource("", "", base)).toBeNull();
  });

  it("reads the same images from the HTML's text as a DOM does (the background has no DOM)", () => {
    const page = readFileSync(resolve(import.meta.dirname, "../../fixtures/site/photos.html"), "utf8");
    const { document } = parseDocument(page, "http://127.0.0.1:8000/photos.html");
    const body = document.querySelector("article")!.innerHTML;
    const fromDom = [
      ...new Set(
        [...document.querySelectorAll("article img")].map((img) =>
          pickSource(
            img.getAttribute("src"),
            img.getAttribute("srcset"),
            "http://127.0.0.1:8000/photos.html",
          ),
        ),
      ),
    ].filter(Boolean);
    expect(imageSources(article("http://127.0.0.1:8000/photos.html", body))).toEqual(fromDom);
    expect(fromDom.length).toBeGreaterThanOrEqual(3);
  });

  it("stops at the most images one article keeps", () => {
    const html = Array.from({ length: 300 }, (_, i) => `<img src="/i${i}.png">`).join("");
    expect(imageSources(article(base, html))).toHaveLength(IMAGE_LIMITS.perArticleCount);
  });

  it("puts kept images in place of their addresses, with their <picture> sources gone", () => {
    const { document } = parseDocument(
      '<div><picture><source srcset="/a.avif" type="image/avif"><img src="/a.jpg" srcset="/a2.jpg 2x" sizes="10vw"></picture><img src="/b.jpg"></div>',
      base,
    );
    const local = (url: string) => (url === "https://news.example/a.jpg" ? "blob:folio/1" : null);
    expect(swapImages(document.body, local, base)).toBe(1);
    expect(document.body.innerHTML).toBe(
      '<div><picture><img src="blob:folio/1"></picture><img src="/b.jpg"></div>',
    );
  });

  it("keys an image by its web address without fragment, and only http(s)", () => {
    expect(imageUrl(" /x.png#frag ", base)).toBe("https://news.example/x.png");
    expect(imageUrl("blob:https://a/b", base)).toBeNull();
    expect(imageUrl("file:///etc/passwd", base)).toBeNull();
  });
});

describe("the image store", () => {
  it("shares an image between articles by address, and keeps the first copy", async () => {
    const { db } = await freshImages();
    await putImage(
      db,
      "https://a.example/1",
      "https://cdn.example/p.png",
      new Blob([PNG as BlobPart]),
      "image/png",
    );
    await putImage(
      db,
      "https://a.example/2",
      "https://cdn.example/p.png",
      new Blob([GIF as BlobPart]),
      "image/gif",
    );
    const [image] = await imagesOf(db, "https://a.example/2");
    expect(image!.articles).toEqual(["https://a.example/1", "https://a.example/2"]);
    expect(image!.type).toBe("image/png");
    expect(new Uint8Array(await image!.blob.arrayBuffer())).toEqual(PNG);
    expect([...(await imageBlobs(db, "https://a.example/1")).keys()]).toEqual(["https://cdn.example/p.png"]);
  });

  it("releases an article's images on delete, brings them back on Undo, and sweeps them after", async () => {
    const { db } = await freshImages();
    await putImage(
      db,
      "https://a.example/1",
      "https://cdn.example/shared.png",
      new Blob([PNG as BlobPart]),
      "image/png",
    );
    await putImage(
      db,
      "https://a.example/2",
      "https://cdn.example/shared.png",
      new Blob([PNG as BlobPart]),
      "image/png",
    );
    await putImage(
      db,
      "https://a.example/1",
      "https://cdn.example/own.png",
      new Blob([PNG as BlobPart]),
      "image/png",
    );
    const both = '<img src="https://cdn.example/shared.png"><img src="https://cdn.example/own.png">';
    await keepImages(db, article("https://a.example/1", both), fetcher({})); // held already: no fetch

    const released = await releaseImages(db, ["https://a.example/1"], 1_000);
    expect(released.articles[0]!.images.sort()).toEqual([
      "https://cdn.example/own.png",
      "https://cdn.example/shared.png",
    ]);
    expect(await imagesOf(db, "https://a.example/1")).toEqual([]);
    expect(await getStatus(db, "https://a.example/1")).toBeUndefined();
    // Within the grace an Undo still finds them.
    expect(await sweepImages(db, 999)).toBe(0);
    await restoreImages(db, released);
    expect((await imagesOf(db, "https://a.example/1")).length).toBe(2);
    expect(await getStatus(db, "https://a.example/1")).toBeDefined();

    await releaseImages(db, ["https://a.example/1"], 2_000);
    expect(await sweepImages(db, 2_000)).toBe(1); // the shared one is still held by article 2
    expect((await imagesOf(db, "https://a.example/2")).map((i) => i.url)).toEqual([
      "https://cdn.example/shared.png",
    ]);
  });

  it("an Undo after a sweep says the images it lost are not kept", async () => {
    const { db } = await freshImages();
    const fetched = fetcher({ "https://cdn.example/p.png": PNG });
    await keepImages(db, article("https://a.example/1", '<img src="https://cdn.example/p.png">'), fetched);
    const released = await releaseImages(db, ["https://a.example/1"], 1_000);
    await sweepImages(db, 1_000);
    await restoreImages(db, released);
    expect(await getStatus(db, "https://a.example/1")).toMatchObject({ found: 1, kept: 0, blocked: 1 });
    expect(imageNote(await getStatus(db, "https://a.example/1"), false)?.action).toBe("allow");
  });

  it("images from a backup never replace one kept here, and add their holders", async () => {
    const { db } = await freshImages();
    await putImage(
      db,
      "https://a.example/1",
      "https://cdn.example/p.png",
      new Blob([PNG as BlobPart]),
      "image/png",
    );
    const added = await addImages(db, [
      {
        url: "https://cdn.example/p.png",
        blob: new Blob([GIF as BlobPart]),
        type: "image/gif",
        articles: ["https://a.example/2"],
      },
      {
        url: "https://cdn.example/q.gif",
        blob: new Blob([GIF as BlobPart]),
        type: "image/gif",
        articles: ["https://a.example/2"],
      },
    ]);
    expect(added).toBe(1);
    const images = await imagesOf(db, "https://a.example/2");
    expect(images.map((i) => [i.url, i.type])).toEqual([
      ["https://cdn.example/p.png", "image/png"],
      ["https://cdn.example/q.gif", "image/gif"],
    ]);
  });
});

describe("keeping an article's images", () => {
  const url = "https://news.example/story";
  const html =
    '<img src="/a.png"><img src="https://cdn.example/b.gif"><img src="/gone.jpg"><img src="/page.png">';

  it("keeps the pictures, and says which stay online and why", async () => {
    const { db } = await freshImages();
    const status = await keepImages(
      db,
      article(url, html),
      fetcher({
        "https://news.example/a.png": PNG,
        "https://cdn.example/b.gif": "blocked",
        "https://news.example/page.png": text("<!doctype html><title>Sign in</title>"),
      }),
      () => 5_000,
    );
    expect(status).toEqual({
      url,
      found: 4,
      kept: 1,
      bytes: PNG.length,
      capped: 0,
      blocked: 1,
      failed: 2,
      checkedAt: 5_000,
    });
    expect(await getStatus(db, url)).toEqual(status);
    const [kept] = await imagesOf(db, url);
    expect(kept).toMatchObject({ url: "https://news.example/a.png", type: "image/png", bytes: PNG.length });
    expect(kept!.blob.type).toBe("image/png");
    expect(imageNote(status, false)).toEqual({
      text: "3 images not kept offline: allow Folio to fetch images from other websites to keep them.",
      brief: "3 images not kept offline:",
      action: "allow",
    });
    expect(imageNote(status, true)).toEqual({
      text: "3 images not kept offline: they could not be fetched.",
      brief: "3 images not kept offline:",
      action: "retry",
    });
  });

  it("fetches only what is not kept already, and a save again lets go of images no longer shown", async () => {
    const { db } = await freshImages();
    const table = { "https://news.example/a.png": PNG, "https://news.example/b.gif": GIF };
    await keepImages(db, article("https://news.example/other", '<img src="/a.png">'), fetcher(table));
    const asked: string[][] = [];
    await keepImages(db, article(url, '<img src="/a.png"><img src="/b.gif">'), fetcher(table, asked));
    expect(asked).toEqual([["https://news.example/b.gif"]]);
    // Saved again without b.gif: released (and swept later), a.png still shared.
    const status = await keepImages(db, article(url, '<img src="/a.png">'), fetcher(table));
    expect(status).toMatchObject({ found: 1, kept: 1 });
    expect((await imagesOf(db, url)).map((i) => i.url)).toEqual(["https://news.example/a.png"]);
    expect(await sweepImages(db, Date.now() + 1)).toBe(1);
  });

  it("stops at the article's cap, and says so", async () => {
    const { db } = await freshImages();
    const big = new Uint8Array(7 * 1024 * 1024);
    big.set(PNG);
    const many = Array.from({ length: 6 }, (_, i) => `<img src="/big${i}.png">`).join("");
    const table = Object.fromEntries(
      Array.from({ length: 6 }, (_, i) => [`https://news.example/big${i}.png`, big]),
    );
    const status = await keepImages(db, article(url, many), fetcher(table));
    expect(status.kept).toBe(2); // 14 MB; a third would pass 20 MB
    expect(status.capped).toBe(4);
    expect(status.bytes).toBeLessThanOrEqual(IMAGE_LIMITS.perArticleBytes);
    expect(imageNote(status, true)).toEqual({
      text: "4 images not kept offline: an article keeps at most 20 MB of images.",
      brief: "4 images not kept offline (over the 20 MB an article keeps)",
      action: null,
    });
  });

  it("refuses an image larger than one image may be", async () => {
    const { db } = await freshImages();
    const huge = new Uint8Array(IMAGE_LIMITS.perImageBytes + 1);
    huge.set(PNG);
    const status = await keepImages(
      db,
      article(url, '<img src="/huge.png">'),
      fetcher({ "https://news.example/huge.png": huge }),
    );
    expect(status).toMatchObject({ kept: 0, failed: 1 });
  });

  it("a fetcher that throws leaves the images online, and the article's status is still written", async () => {
    const { db } = await freshImages();
    const status = await keepImages(db, article(url, html), async () => {
      throw new Error("the tab is gone");
    });
    expect(status).toMatchObject({ found: 4, kept: 0, failed: 4 });
  });

  it("fetching from here: a refused request is blocked without access, failed with it; a large body is cut", async () => {
    const refuse = (async () => {
      throw new TypeError("Failed to fetch");
    }) as typeof fetch;
    expect(await fetchFromHere(false, refuse)(["https://x.example/a.png"])).toEqual([
      { url: "https://x.example/a.png", error: "blocked" },
    ]);
    expect(await fetchFromHere(true, refuse)(["https://x.example/a.png"])).toEqual([
      { url: "https://x.example/a.png", error: "failed" },
    ]);
    const huge = (async () =>
      new Response(new Uint8Array(IMAGE_LIMITS.perImageBytes + 10))) as unknown as typeof fetch;
    expect(await fetchFromHere(true, huge)(["https://x.example/a.png"])).toEqual([
      { url: "https://x.example/a.png", error: "failed" },
    ]);
    const notFound = (async () => new Response("gone", { status: 404 })) as unknown as typeof fetch;
    expect((await fetchFromHere(true, notFound)(["https://x.example/a.png"]))[0]).toHaveProperty("error");
    const fine = (async () => new Response(PNG as BlobPart)) as unknown as typeof fetch;
    const [got] = await fetchFromHere(true, fine)(["https://x.example/a.png"]);
    expect(new Uint8Array(await (got as { blob: Blob }).blob.arrayBuffer())).toEqual(PNG);
  });
});

describe("access to websites", () => {
  it("the background asks for the same access as the library's button, the manifest's optional one", () => {
    // host-access.ts (the buttons', with the polyfill) re-exports site-access.ts's constant.
    const source = readFileSync(resolve(import.meta.dirname, "../../../src/platform/host-access.ts"), "utf8");
    expect(source).toMatch(/import \{ SITE_ACCESS \} from "\.\/site-access\.ts"/);
    const manifest = JSON.parse(readFileSync(resolve(import.meta.dirname, "../../../manifest.json"), "utf8"));
    expect(manifest.optional_host_permissions).toEqual(SITE_ACCESS.origins);
  });
});
