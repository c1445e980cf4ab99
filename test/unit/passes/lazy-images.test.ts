/** Lazy images: real sources out of data-* attributes, placeholders and noscript copies out. */
import { describe, expect, it } from "vitest";
import { extractArticle } from "../../../src/core/extract.ts";
import { isPlaceholderSrc, lazyImages } from "../../../src/core/passes/lazy-images.ts";
import { passSetup } from "./harness.ts";

function setup(html: string) {
  const { doc, root, ctx } = passSetup(
    html,
    {},
    "https://www.longread.example/lifeandstyle/2024/may/11/story",
  );
  const srcs = () => [...root.querySelectorAll("img")].map((img) => img.getAttribute("src"));
  return { doc, root, ctx, srcs };
}

const GIF_1X1 = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7";
const PNG_1X1 =
  "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";
const SVG_BOX = "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 4 3'%3E%3C/svg%3E";

describe("isPlaceholderSrc", () => {
  it.each([
    null,
    "",
    "   ",
    "about:blank",
    GIF_1X1,
    PNG_1X1,
    SVG_BOX,
    "/static/img/blank.gif",
    "/img/spacer.gif",
    "/assets/placeholder.png",
    "https://cdn.example/1x1.gif",
  ])("%j is a placeholder", (src) => {
    expect(isPlaceholderSrc(src)).toBe(true);
  });

  it.each([
    "https://i.longread.example/img/media/4be1/workshop-master.jpg?width=1200",
    "/images/2024/05/chain.jpg",
    "https://cdn.example/charts/rainfall.gif",
    `data:image/png;base64,${"iVBORw0KGgo".repeat(30)}`,
  ])("%j is a real image", (src) => {
    expect(isPlaceholderSrc(src)).toBe(false);
  });
});

describe("lazyImages: fixes", () => {
  it("data-src over a 1x1 GIF", () => {
    const { root, ctx, srcs } = setup(
      `<img src="${GIF_1X1}" data-src="https://cdn.example/photo.jpg" alt="A photo">`,
    );
    lazyImages.run(root, ctx);
    expect(srcs()).toEqual(["https://cdn.example/photo.jpg"]);
    expect(ctx.removed).toEqual([expect.objectContaining({ kind: "lazy-image" })]);
  });

  it("data-lazy-src over a base64 PNG placeholder", () => {
    const { root, ctx, srcs } = setup(
      `<img src="${PNG_1X1}" data-lazy-src="https://cdn.example/ride-log.jpg">`,
    );
    lazyImages.run(root, ctx);
    expect(srcs()).toEqual(["https://cdn.example/ride-log.jpg"]);
  });

  it("a relative data-original over a grey GIF (Readability makes it absolute later)", () => {
    const { root, ctx, srcs } = setup(
      `<img class="lazy" src="/static/img/grey.gif" data-original="/img/media/c3d4/first-ride.jpg">`,
    );
    lazyImages.run(root, ctx);
    expect(srcs()).toEqual(["/img/media/c3d4/first-ride.jpg"]);
  });

  it("data-srcset only: srcset set and src taken from its first candidate", () => {
    const { root, ctx } = setup(
      `<img src="${SVG_BOX}" data-srcset="https://cdn.example/a-480.jpg 480w, https://cdn.example/a-960.jpg 960w">`,
    );
    lazyImages.run(root, ctx);
    const img = root.querySelector("img")!;
    expect(img.getAttribute("src")).toBe("https://cdn.example/a-480.jpg");
    expect(img.getAttribute("srcset")).toBe(
      "https://cdn.example/a-480.jpg 480w, https://cdn.example/a-960.jpg 960w",
    );
  });

  it("<picture><source data-srcset>", () => {
    const { root, ctx } = setup(
      `<picture><source type="image/webp" data-srcset="https://cdn.example/f.webp 800w" srcset="${GIF_1X1}"><source data-srcset="https://cdn.example/f.jpg 800w"><img src="${SVG_BOX}" data-src="https://cdn.example/f.jpg"></picture>`,
    );
    lazyImages.run(root, ctx);
    const sources = [...root.querySelectorAll("source")].map((s) => s.getAttribute("srcset"));
    expect(sources).toEqual(["https://cdn.example/f.webp 800w", "https://cdn.example/f.jpg 800w"]);
    expect(root.querySelector("img")?.getAttribute("src")).toBe("https://cdn.example/f.jpg");
  });

  it("drops the noscript fallback when its content is markup text (browser, scripting on)", () => {
    const { doc, root, ctx, srcs } = setup(
      `<figure><img src="${GIF_1X1}" data-src="https://cdn.example/levers.jpg?w=800"></figure>`,
    );
    const noscript = doc.createElement("noscript");
    noscript.textContent = `<img src="https://cdn.example/levers.jpg?w=800" alt="">`;
    root.querySelector("figure")!.append(noscript);
    lazyImages.run(root, ctx);
    expect(root.querySelector("noscript")).toBeNull();
    expect(srcs()).toEqual(["https://cdn.example/levers.jpg?w=800"]);
    expect(ctx.removed.some((r) => r.kind === "lazy-image" && /noscript/.test(r.reason))).toBe(true);
  });

  it("drops the noscript fallback when it was parsed as elements (jsdom, scripting off)", () => {
    const { root, ctx } = setup(
      `<figure><img src="${GIF_1X1}" data-src="https://cdn.example/levers.jpg?w=800"><noscript><img src="https://cdn.example/levers.jpg?w=800" alt=""></noscript></figure>`,
    );
    lazyImages.run(root, ctx);
    expect(root.querySelector("noscript")).toBeNull();
    expect(root.querySelectorAll("img")).toHaveLength(1);
  });

  it("removes a placeholder image that has no real source", () => {
    const { root, ctx } = setup(`<p>Text <img src="${GIF_1X1}" width="1" height="1"> more text</p>`);
    lazyImages.run(root, ctx);
    expect(root.querySelector("img")).toBeNull();
    expect(ctx.removed).toEqual([
      expect.objectContaining({ kind: "lazy-image", reason: "placeholder image with no real source" }),
    ]);
  });
});

describe("lazyImages: keeps", () => {
  it("an ordinary image", () => {
    const { root, ctx, srcs } = setup(`<img src="https://cdn.example/photo.jpg" alt="x">`);
    lazyImages.run(root, ctx);
    expect(srcs()).toEqual(["https://cdn.example/photo.jpg"]);
    expect(ctx.removed).toEqual([]);
  });

  it("a real src even when data-src names another rendition", () => {
    const { root, ctx, srcs } = setup(
      `<img src="https://cdn.example/small.jpg" data-src="https://cdn.example/large.jpg">`,
    );
    lazyImages.run(root, ctx);
    expect(srcs()).toEqual(["https://cdn.example/small.jpg"]);
  });

  it("a noscript image that shows a different picture", () => {
    const { root, ctx } = setup(
      `<div><img src="https://cdn.example/a.jpg"><noscript><img src="https://cdn.example/b.jpg"></noscript></div>`,
    );
    lazyImages.run(root, ctx);
    expect(root.querySelector("noscript")).not.toBeNull();
  });

  it("a real inline image (a long base64 PNG)", () => {
    const data = `data:image/png;base64,${"iVBORw0KGgo".repeat(30)}`;
    const { root, ctx, srcs } = setup(`<img src="${data}" alt="chart">`);
    lazyImages.run(root, ctx);
    expect(srcs()).toEqual([data]);
  });

  it.each(["empty-shelves.jpg", "loading-dock.jpg", "grey-seal.jpg", "pixel-art-festival.png"])(
    "a real photo whose file name contains a placeholder word (%s)",
    (name) => {
      const { root, ctx, srcs } = setup(
        `<figure><img src="https://cdn.example/photos/2024/${name}" alt="A photo"></figure>`,
      );
      lazyImages.run(root, ctx);
      expect(srcs()).toEqual([`https://cdn.example/photos/2024/${name}`]);
      expect(ctx.removed).toEqual([]);
    },
  );
});

describe("lazyImages: a placeholder with the real image in the <noscript> after it", () => {
  // The pattern of Next.js image components (theverge): Readability swaps the noscript's image in
  // for the placeholder right before it, so the placeholder must still be there when it runs.
  it("keeps the placeholder for Readability, and the whole figure reads with its photo", () => {
    const para =
      "<p>The headset's screens sit a few centimetres from the eyes, and the software draws windows that seem to float in the room around the wearer, anchored to walls and tables.</p>";
    const { doc } = passSetup(
      `<article><h1>Vision</h1>${para}${para}<figure><span><img alt="A window floating in a room" src="${GIF_1X1}"><noscript><img alt="A window floating in a room" src="https://cdn.example/vision/window.png"></noscript></span><figcaption>A window floating in a room.</figcaption></figure>${para}${para}</article>`,
    );
    const result = extractArticle(doc, {
      url: "https://news.example/story",
      force: true,
    });
    expect(result.ok && result.article.content).toContain("https://cdn.example/vision/window.png");
    expect(result.ok && result.article.removed.some((r) => /placeholder image/.test(r.reason))).toBe(false);
  });
});
