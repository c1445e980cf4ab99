/**
 * Nothing lost: backup -> wipe -> restore gives back every article, tag, state, highlight and
 * image. And the images' ways out of the library: the backup's `images` (checked on import),
 * the standalone HTML file (images inside, as data: URLs), the zip (images as files, the
 * Markdown pointing at them).
 */
import "fake-indexeddb/auto";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { type Annotation, openAnnotations } from "../../../src/library/annotations.ts";
import { makeBackup, parseBackup } from "../../../src/library/export/backup.ts";
import { articleHtml } from "../../../src/library/export/html.ts";
import { markdownZipWithImages, pointImages } from "../../../src/library/export/zip.ts";
import { backupImagePieces, importImages } from "../../../src/library/image-backup.ts";
import { imageDataUrl, toBase64 } from "../../../src/library/image-data.ts";
import {
  allStatus,
  getStatus,
  imageBlobs,
  imagesOf,
  openImages,
  putImage,
} from "../../../src/library/image-store.ts";
import { type Fetched, keepImages } from "../../../src/library/keep-images.ts";
import { importBackup } from "../../../src/library/merge.ts";
import { organise } from "../../../src/library/organise.ts";
import { parseDocument } from "../../../src/node/jsdom.ts";
import { freshLibrary, makeArticle, makeRecord, ok } from "./helpers.ts";
import { GIF, PNG } from "./image-fixtures.ts";

const CITY = "https://news.example/city";
const SEA = "https://news.example/sea";

const bytesOf = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());

/** A library with two articles, tags, states, a highlight and images, in its own databases. */
async function filledLibrary() {
  const { library } = await freshLibrary();
  const factory = new IDBFactory();
  const images = await openImages(factory);
  const notes = await openAnnotations(factory);
  const saved = [
    makeArticle({
      url: CITY,
      title: "City",
      content:
        '<p>Night reading.</p><img src="/photo.png" alt="Room"><img src="https://cdn.example/shared.gif">',
      leadImage: { url: "https://news.example/lead.png", alt: null, caption: null },
    }),
    makeArticle({
      url: SEA,
      title: "Sea",
      content: '<p>Tide.</p><img src="https://cdn.example/shared.gif">',
    }),
  ];
  const table: Record<string, Uint8Array> = {
    "https://news.example/photo.png": PNG,
    "https://news.example/lead.png": PNG.slice(),
    "https://cdn.example/shared.gif": GIF,
  };
  for (const article of saved) {
    const record = ok(await library.save(article)).article;
    await keepImages(images, record, async (urls) =>
      urls.map((url): Fetched => ({ url, blob: new Blob([table[url]! as BlobPart]) })),
    );
  }
  ok(await organise(library, CITY, { tags: ["night", "city"], state: "read", favourite: true }));
  ok(await organise(library, SEA, { state: "archived" }));
  const highlight: Omit<Annotation, "id" | "created" | "updated"> = {
    url: CITY,
    exact: "Night reading.",
    prefix: "",
    suffix: "",
    start: 0,
    end: 14,
    color: "green",
    note: "yes",
  };
  await notes.add(highlight);
  return { library, images, notes };
}

describe("backup -> wipe -> restore", () => {
  it("gives back every article, tag, state, highlight and image", async () => {
    const before = await filledLibrary();
    const articles = ok(await before.library.all()).articles;
    const notes = await before.notes.all();
    const pieces = await backupImagePieces(before.images, 100 * 1024 * 1024);
    expect(pieces).toMatchObject({ images: 3, left: 0 });
    const text = makeBackup(articles, Date.UTC(2026, 10, 30), notes, pieces.pieces);

    // Wiped: fresh databases, nothing in them.
    const { library } = await freshLibrary();
    const factory = new IDBFactory();
    const images = await openImages(factory);
    const store = await openAnnotations(factory);
    expect(ok(await library.count()).count).toBe(0);

    const imported = ok(await importBackup(library, text));
    expect(imported.report).toMatchObject({ added: 2, updated: 0 });
    expect(await store.merge(imported.annotations)).toBe(1);
    const restored = await importImages(
      images,
      library,
      imported.images,
      imported.report.changed.map((e) => e.url),
    );
    expect(restored).toEqual({ added: 3, refused: 0 });

    expect(ok(await library.all()).articles).toEqual(articles); // tags, states, favourite, times
    expect(await store.all()).toEqual(notes);
    for (const url of [CITY, SEA]) {
      const was = await imageBlobs(before.images, url);
      const now = await imageBlobs(images, url);
      expect([...now.keys()].sort()).toEqual([...was.keys()].sort());
      for (const [address, blob] of was)
        expect(await bytesOf(now.get(address)!)).toEqual(await bytesOf(blob));
    }
    // The shared image is one image, held by both.
    const shared = (await imagesOf(images, SEA))[0]!;
    expect(shared.articles.sort()).toEqual([CITY, SEA]);
    expect(await getStatus(images, CITY)).toMatchObject({ found: 3, kept: 3, blocked: 0 });
  });

  it("without the images, the articles come back and the library knows their images are online", async () => {
    const before = await filledLibrary();
    const text = makeBackup(ok(await before.library.all()).articles, Date.now(), await before.notes.all());
    expect(JSON.parse(text)).not.toHaveProperty("images");
    const { library } = await freshLibrary();
    const images = await openImages(new IDBFactory());
    const imported = ok(await importBackup(library, text));
    expect(imported.images).toEqual([]);
    await importImages(
      images,
      library,
      [],
      imported.report.changed.map((e) => e.url),
    );
    expect(await getStatus(images, CITY)).toMatchObject({ found: 3, kept: 0, blocked: 3 });
    expect(await getStatus(images, SEA)).toMatchObject({ found: 1, kept: 0, blocked: 1 });
  });

  it("an import never replaces an image kept here, and leaves out one that is not the picture it claims", async () => {
    const before = await filledLibrary();
    const pieces = await backupImagePieces(before.images, 100 * 1024 * 1024);
    // One image's bytes tampered with: a web page where a PNG should be.
    const tampered = pieces.pieces.map((piece) => {
      const entry = JSON.parse(piece);
      return entry.url.endsWith("photo.png")
        ? JSON.stringify({
            ...entry,
            data: toBase64(new TextEncoder().encode("<html><body>hi</body></html>")),
          })
        : piece;
    });
    const text = makeBackup(ok(await before.library.all()).articles, Date.now(), [], tampered);
    const { library } = await freshLibrary();
    const images = await openImages(new IDBFactory());
    // A newer local copy of the shared image (a GIF here) stays.
    await putImage(images, SEA, "https://cdn.example/shared.gif", new Blob([GIF.slice()]), "image/gif");
    const imported = ok(await importBackup(library, text));
    const result = await importImages(
      images,
      library,
      imported.images,
      imported.report.changed.map((e) => e.url),
    );
    expect(result).toEqual({ added: 1, refused: 1 });
    expect([...(await imageBlobs(images, CITY)).keys()].sort()).toEqual([
      "https://cdn.example/shared.gif",
      "https://news.example/lead.png",
    ]);
    expect(await getStatus(images, CITY)).toMatchObject({ found: 3, kept: 2, blocked: 1 });
    expect((await allStatus(images)).length).toBe(2);
  });

  it("a backup's image entry is checked, and a bad one refuses the file, naming it", () => {
    const record = makeRecord({ url: CITY });
    const good = {
      url: "https://cdn.example/a.png",
      type: "image/png",
      articles: [CITY],
      data: toBase64(PNG),
    };
    const check = (entry: unknown) => parseBackup(makeBackup([record], 0, [], [JSON.stringify(entry)]));
    expect(check(good)).toMatchObject({ ok: true, backup: { images: [good] } });
    expect(check({ ...good, type: "text/html" })).toEqual({
      ok: false,
      message: expect.stringMatching(/^Image 1: type must be one of image\/png, /),
    });
    expect(check({ ...good, url: "javascript:alert(1)" })).toEqual({
      ok: false,
      message: "Image 1: url is not a web address.",
    });
    expect(check({ ...good, data: "<script>" })).toEqual({
      ok: false,
      message: "Image 1: data is not base64.",
    });
    expect(check({ ...good, articles: "all" })).toEqual({
      ok: false,
      message: "Image 1: articles must be a list.",
    });
    expect(parseBackup('{"format":"folio-library","version":1,"articles":[],"images":{}}')).toEqual({
      ok: false,
      message: "This Folio backup's images field must be a list.",
    });
  });

  it("leaves out images past what a backup may hold, and says how many", async () => {
    const before = await filledLibrary();
    expect(await backupImagePieces(before.images, 0)).toEqual({ pieces: [], images: 0, left: 3 });
  });
});

describe("the images in exports", () => {
  const { window } = parseDocument("<!DOCTYPE html><html><body></body></html>", "https://folio.invalid/");

  it("the HTML file carries the kept images as data: URLs, the others by address", async () => {
    const record = makeRecord({
      url: CITY,
      content:
        '<p>x</p><picture><source srcset="https://news.example/photo.avif"><img src="/photo.png" srcset="/photo-2x.png 2x" alt="Room"></picture><img src="https://elsewhere.example/online.jpg">',
      leadImage: { url: "https://news.example/lead.png", alt: "Lead", caption: null },
    });
    const png = await imageDataUrl(new Blob([PNG as BlobPart], { type: "image/png" }));
    const images = new Map([
      ["https://news.example/photo.png", png],
      ["https://news.example/lead.png", png],
      // Not an image's data URL: never written.
      ["https://elsewhere.example/online.jpg", "javascript:alert(1)"],
    ]);
    const html = articleHtml(record, window, { images });
    const doc = parseDocument(html, "file:///export.html").document;
    const srcs = [...doc.querySelectorAll("img")].map((img) => img.getAttribute("src"));
    expect(srcs).toEqual([png, png, "https://elsewhere.example/online.jpg"]);
    expect(doc.querySelector("picture source")).toBeNull();
    expect(doc.querySelector("img[srcset]")).toBeNull();
    expect(html).not.toContain("javascript:");
  });

  it("the zip carries them as files, each shared image once, the Markdown pointing at them", async () => {
    const { library } = await freshLibrary();
    const images = await openImages(new IDBFactory());
    const articles = [
      makeArticle({
        url: CITY,
        title: "City",
        content:
          '<p>x</p><img src="https://news.example/photo.png" alt="Room"><img src="https://cdn.example/shared.gif">',
        markdown: undefined,
      }),
      makeArticle({ url: SEA, title: "Sea", content: '<img src="https://cdn.example/shared.gif">' }),
    ];
    articles[0]!.markdown =
      '---\ntitle: "City"\n---\n\n# City\n\nx\n\n![Room](https://news.example/photo.png)![](https://cdn.example/shared.gif "t")\n';
    articles[1]!.markdown = '---\ntitle: "Sea"\n---\n\n# Sea\n\n![](https://cdn.example/shared.gif)\n';
    for (const a of articles) ok(await library.save(a));
    await putImage(
      images,
      CITY,
      "https://news.example/photo.png",
      new Blob([PNG as BlobPart], { type: "image/png" }),
      "image/png",
    );
    await putImage(
      images,
      CITY,
      "https://cdn.example/shared.gif",
      new Blob([GIF as BlobPart], { type: "image/gif" }),
      "image/gif",
    );
    await putImage(
      images,
      SEA,
      "https://cdn.example/shared.gif",
      new Blob([GIF as BlobPart], { type: "image/gif" }),
      "image/gif",
    );
    const saved = ok(await library.all()).articles;
    const zip = await markdownZipWithImages(saved, (a) => imagesOf(images, a.url));
    const files = unzipSync(new Uint8Array(await new Blob(zip.parts as BlobPart[]).arrayBuffer()));
    expect(zip.images).toBe(2);
    expect(
      Object.keys(files)
        .filter((n) => n.startsWith("images/"))
        .sort(),
    ).toEqual(["images/photo.png", "images/shared.gif"]);
    expect(files["images/photo.png"]).toEqual(PNG);
    const city = strFromU8(files[zip.names.find((n) => n.includes("city"))!]!);
    expect(city).toContain('![Room](images/photo.png)![](images/shared.gif "t")');
    const sea = strFromU8(files[zip.names.find((n) => n.includes("sea"))!]!);
    expect(sea).toContain("![](images/shared.gif)");
  });

  it("points only images it has, reading destinations as the core escapes them", () => {
    const local = (url: string) => (url === "https://x.example/a%20(1).png" ? "images/a-1.png" : null);
    expect(
      pointImages(
        "![a](https://x.example/a%20\\(1\\).png) ![b](https://x.example/b.png)",
        "https://x.example/",
        local,
      ),
    ).toBe("![a](images/a-1.png) ![b](https://x.example/b.png)");
  });
});
