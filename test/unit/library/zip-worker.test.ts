/**
 * The zip worker's own logic (library/export/zip-handlers.ts), run as the worker runs it: a
 * request, cloned as a message is, answered by its handler. The archive must be byte for byte
 * the one the page made itself before (zip.ts `markdownZipWithImages`) for the same library;
 * a request of an unknown kind, and a handler that fails, get an answer that says so.
 */
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { markdownZipWithImages, type ZipImage } from "../../../src/library/export/zip.ts";
import { answerZipRequest, zipHandlers } from "../../../src/library/export/zip-handlers.ts";
import type { ZipHandlers, ZipRequest } from "../../../src/library/export/zip-protocol.ts";
import type { SavedArticle } from "../../../src/library/schema.ts";
import { makeRecord } from "./helpers.ts";
import { GIF, PNG } from "./image-fixtures.ts";

const join = (parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
};

function library(): { articles: SavedArticle[]; images: ZipImage[][] } {
  const shared: ZipImage = {
    url: "https://news.example/shared.gif",
    type: "image/gif",
    blob: new Blob([GIF as BlobPart], { type: "image/gif" }),
  };
  const articles = [
    makeRecord({
      url: "https://news.example/city",
      title: "The city library opens at night",
      markdown:
        "---\ntitle: City\n---\n\n# City\n\n![Room](https://news.example/photo.png)![](https://news.example/shared.gif)\n",
      savedAt: Date.UTC(2025, 2, 14, 12),
    }),
    makeRecord({
      url: "https://news.example/sea",
      title: "The sea wall",
      markdown: "---\ntitle: Sea\n---\n\n# Sea\n\n![](https://news.example/shared.gif)\n",
      savedAt: Date.UTC(2025, 2, 13, 9),
    }),
    // The same headline: the second file gets "-2".
    makeRecord({
      url: "https://news.example/sea-2",
      title: "The sea wall",
      savedAt: Date.UTC(2025, 2, 13, 9),
    }),
  ];
  const images = [
    [
      {
        url: "https://news.example/photo.png",
        type: "image/png",
        blob: new Blob([PNG as BlobPart], { type: "image/png" }),
      },
      shared,
    ],
    [shared],
    [],
  ];
  return { articles, images };
}

describe("the zip worker's logic", () => {
  it("makes the same archive, byte for byte, as the page made itself", async () => {
    const { articles, images } = library();
    const request: ZipRequest<"markdown-zip"> = {
      id: 7,
      kind: "markdown-zip",
      payload: { articles, images },
    };
    // As the page's postMessage delivers it: a structured clone.
    const reply = await answerZipRequest(structuredClone(request), zipHandlers, "TestScope");
    if (!reply.ok) throw new Error(reply.message);
    expect(reply).toMatchObject({ id: 7, builtIn: "TestScope" });

    const byIndex = new Map(articles.map((a, i) => [a.url, images[i]!]));
    const direct = await markdownZipWithImages(articles, async (a) => byIndex.get(a.url)!);
    const answer = reply.answer as typeof direct;
    expect(join(answer.parts)).toEqual(join(direct.parts));
    expect(answer.names).toEqual(direct.names);
    expect(answer.images).toBe(2);

    const files = unzipSync(join(answer.parts));
    expect(Object.keys(files).sort()).toEqual(
      [...direct.names, "images/photo.png", "images/shared.gif"].sort(),
    );
    expect(files["images/photo.png"]).toEqual(PNG);
    expect(strFromU8(files[answer.names[0]!]!)).toContain("![Room](images/photo.png)![](images/shared.gif)");
    expect(answer.names[2]).toMatch(/-2\.md$/);
  });

  it("answers a request it does not know, and a failed one, with a message and the request's id", async () => {
    const unknown = await answerZipRequest({ id: 3, kind: "pdf", payload: {} }, zipHandlers, "TestScope");
    expect(unknown).toMatchObject({ id: 3, ok: false, builtIn: "TestScope" });
    expect(await answerZipRequest("not a request")).toMatchObject({ id: -1, ok: false });

    const failing: ZipHandlers = {
      "markdown-zip": async () => {
        throw new Error("out of memory");
      },
    };
    const failed = await answerZipRequest(
      { id: 4, kind: "markdown-zip", payload: { articles: [], images: [] } },
      failing,
    );
    expect(failed).toEqual({ id: 4, ok: false, message: "out of memory", builtIn: "unknown" });
  });
});
