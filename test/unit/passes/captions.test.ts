/**
 * Captions: `hiddenCopies` (screen-reader-only and CSS-hidden copies, before Readability),
 * `captionMarks` (remembers which blocks were captions/credits across Readability, which strips
 * classes) and `repeatedText` (after Readability: a caption, credit or block printed twice).
 */
import { describe, expect, it } from "vitest";
import { captionMarks, hiddenCopies, repeatedText } from "../../../src/core/passes/captions.ts";
import type { PassContext } from "../../../src/core/passes/context.ts";
import { passSetup } from "./harness.ts";

function setup(html: string, hidden?: (root: Element) => Element[]) {
  const parts = passSetup(html);
  if (hidden) parts.ctx.hidden = new Set(hidden(parts.root));
  return parts;
}

/** What the pipeline does around Readability: mark captions, then lose the class names. */
function afterReadability(root: Element, ctx: PassContext): void {
  captionMarks.run(root, ctx);
  for (const el of root.querySelectorAll("[class]")) el.removeAttribute("class");
  repeatedText.run(root, ctx);
}

function count(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

const CAPTION =
  "Russian President Vladimir Putin (R) and Indian Prime Minister Narendra Modi. Credit: AFP File Photo";
const LONG =
  "The council said the repairs would take most of the summer and that the footpath along the river would stay closed until the contractors had finished their work on the embankment.";

describe("hiddenCopies", () => {
  it.each([
    ["visually-hidden", `<span class="visually-hidden">Image caption, </span>`],
    ["sr-only", `<span class="sr-only">Image source, </span>`],
    ["screen-reader-text", `<span class="screen-reader-text">Skip to content</span>`],
    ["BBC's generated class", `<span class="ssrcss-1f39n02-VisuallyHidden e16en2lz0">Image caption, </span>`],
  ])("removes %s text", (_name, html) => {
    const { root, ctx, text } = setup(
      `<figure><img src="https://cdn.example/a.jpg"><figcaption>${html}<p>The sea wall at low tide</p></figcaption></figure>`,
    );
    hiddenCopies.run(root, ctx);
    expect(text()).toBe("The sea wall at low tide");
    expect(ctx.removed).toHaveLength(1);
    expect(ctx.removed[0]!.kind).toBe("hidden");
  });

  it("keeps a long screen-reader-only block (content, not a label)", () => {
    const long = `${LONG} ${LONG}`;
    const { root, ctx, text } = setup(`<div class="sr-only">${long}</div>`);
    hiddenCopies.run(root, ctx);
    expect(text()).toBe(long);
  });

  it("keeps classes that only look similar (hidden-gem, offscreen-canvas-free text)", () => {
    const { root, ctx, text } = setup(`<p class="hidden-gem">A hidden gem of a café on the harbour.</p>`);
    hiddenCopies.run(root, ctx);
    expect(text()).toBe("A hidden gem of a café on the harbour.");
    expect(ctx.removed).toEqual([]);
  });

  it("removes a caption copy the live page hides when a visible copy says the same", () => {
    const { root, ctx } = setup(
      `<figure><img src="https://cdn.example/a.jpg"><figcaption class="desktop-caption">${CAPTION}</figcaption><div class="mobile-caption caption">${CAPTION}</div></figure>`,
      (r) => [r.querySelector(".mobile-caption")!],
    );
    hiddenCopies.run(root, ctx);
    expect(root.querySelector(".mobile-caption")).toBeNull();
    expect(root.querySelector("figcaption")?.textContent).toBe(CAPTION);
    expect(ctx.removed).toEqual([
      expect.objectContaining({ kind: "caption", reason: "hidden copy of a visible caption" }),
    ]);
  });

  it("keeps a hidden caption that has no visible twin", () => {
    const { root, ctx } = setup(
      `<figure><img src="https://cdn.example/a.jpg"><figcaption class="mobile-caption">${CAPTION}</figcaption></figure>`,
      (r) => [r.querySelector("figcaption")!],
    );
    hiddenCopies.run(root, ctx);
    expect(root.querySelector("figcaption")?.textContent).toBe(CAPTION);
  });
});

describe("repeatedText", () => {
  it("keeps one of a desktop and a mobile caption", () => {
    const { root, ctx, text } = setup(
      `<figure><img src="https://cdn.example/a.jpg"><figcaption class="desktop-caption">${CAPTION}</figcaption><div class="mobile-caption caption">${CAPTION}</div></figure><p>${LONG}</p>`,
    );
    afterReadability(root, ctx);
    expect(count(text(), CAPTION)).toBe(1);
    expect(ctx.removed).toEqual([
      expect.objectContaining({ kind: "caption", reason: "caption printed twice" }),
    ]);
  });

  it("removes the caption repeated as a paragraph right after the figure", () => {
    const caption =
      "Workers sort freshly landed kelp at the processing plant, which opened in a former sardine cannery.";
    const { root, ctx, text } = setup(
      `<figure><img src="https://cdn.example/k.jpg"><figcaption><span class="caption-text">${caption}</span></figcaption></figure><p>${caption}</p><p>${LONG}</p>`,
    );
    afterReadability(root, ctx);
    expect(count(text(), caption)).toBe(1);
    expect(root.querySelector("figure figcaption")?.textContent).toContain(caption);
    expect(root.querySelectorAll(":scope > p")).toHaveLength(1);
  });

  it("removes a credit printed inside the caption and again beside it", () => {
    const credit = "Photo: Greta Lindqvist for The Daily Ledger";
    const { root, ctx, text } = setup(
      `<figure><img src="https://cdn.example/k.jpg"><figcaption>Workers sort kelp. <span>${credit}</span></figcaption><span class="credit">${credit}</span></figure>`,
    );
    afterReadability(root, ctx);
    expect(count(text(), credit)).toBe(1);
    expect(root.querySelector("figcaption")?.textContent).toContain(credit);
    expect(ctx.removed).toEqual([
      expect.objectContaining({ kind: "caption", reason: "credit line printed twice" }),
    ]);
  });

  it("keeps the same short credit under two different pictures", () => {
    const { root, ctx, text } = setup(
      `<figure><img src="https://cdn.example/1.jpg"><figcaption>Flood water in the square. <span class="credit">Photo: AFP</span></figcaption></figure>
       <figure><img src="https://cdn.example/2.jpg"><figcaption>Residents clear mud from a shop. <span class="credit">Photo: AFP</span></figcaption></figure>`,
    );
    afterReadability(root, ctx);
    expect(count(text(), "Photo: AFP")).toBe(2);
    expect(ctx.removed).toEqual([]);
  });

  it("empties an alt text equal to the caption and records it", () => {
    const alt = "Kelp lines are hauled aboard a lobster boat off Stonington in early March.";
    const { root, ctx } = setup(
      `<figure><img src="https://cdn.example/k.jpg" alt="${alt}"><figcaption>${alt}</figcaption></figure>`,
    );
    afterReadability(root, ctx);
    expect(root.querySelector("img")?.getAttribute("alt")).toBe("");
    expect(root.querySelector("figcaption")?.textContent).toBe(alt);
    expect(ctx.removed).toEqual([
      expect.objectContaining({ kind: "caption", reason: "alt text repeated the caption" }),
    ]);
  });

  it("keeps an alt text that differs from the caption", () => {
    const { root, ctx } = setup(
      `<figure><img src="https://cdn.example/k.jpg" alt="Two workers in orange overalls"><figcaption>Workers sort kelp at the plant.</figcaption></figure>`,
    );
    afterReadability(root, ctx);
    expect(root.querySelector("img")?.getAttribute("alt")).toBe("Two workers in orange overalls");
    expect(ctx.removed).toEqual([]);
  });

  it("keeps a story paragraph the story itself repeats (only captions are deduplicated)", () => {
    const { root, ctx, text } = setup(`<p>${LONG}</p><p>Another paragraph in between.</p><p>${LONG}</p>`);
    afterReadability(root, ctx);
    expect(count(text(), LONG)).toBe(2);
    expect(ctx.removed).toEqual([]);
  });

  it("keeps a paragraph that quotes the caption inside a longer sentence", () => {
    const caption = "The wall at Portreath Cove was built in 1871";
    const sentence = `As the caption on the parish noticeboard puts it, "${caption}", and nobody has repaired it since.`;
    const { root, ctx, text } = setup(
      `<figure><img src="https://cdn.example/w.jpg"><figcaption>${caption}</figcaption></figure><p>${sentence}</p>`,
    );
    afterReadability(root, ctx);
    expect(text()).toContain(sentence);
    expect(ctx.removed).toEqual([]);
  });

  it("keeps short repeated lines (under the repeat threshold)", () => {
    const { root, ctx } = setup(`<p>Yes.</p><p>${LONG}</p><p>Yes.</p>`);
    afterReadability(root, ctx);
    expect(root.querySelectorAll("p")).toHaveLength(3);
  });
});

describe("photo credits on a line of their own", () => {
  it.each([
    "Foto: dpa",
    "Photograph by Jane Roe for The Ledger",
    "© Reuters",
    "AFP / Marco Bertorello",
    "Judy Eddy/WENN.com",
    "iStock.com",
    "Bild: Getty Images",
  ])("removes %j", (credit) => {
    const { root, ctx, text } = setup(`<p>${LONG}</p><p>${credit}</p>`);
    repeatedText.run(root, ctx);
    expect(text()).not.toContain(credit);
    expect(ctx.removed).toEqual([expect.objectContaining({ kind: "credit" })]);
  });
  it.each([
    "Bild und Ton liefen auseinander, sagte die Regisseurin nach der Premiere.",
    "Source code and data are on the project page.",
    "Input/output errors were logged.",
    "He and/or she",
  ])("keeps %j", (line) => {
    const { root, ctx, text } = setup(`<p>${LONG}</p><p>${line}</p>`);
    repeatedText.run(root, ctx);
    expect(text()).toContain(line);
    expect(ctx.removed).toEqual([]);
  });
  it("keeps a credit that is part of a caption's sentence", () => {
    const { root, ctx, text } = setup(
      `<figure><img src="https://cdn.example/a.jpg"><figcaption>The harbour at dawn. <span>Foto: dpa</span></figcaption></figure>`,
    );
    repeatedText.run(root, ctx);
    expect(text()).toContain("Foto: dpa");
  });
});

describe("caption text remembered across Readability's rebuilding", () => {
  it("removes a caption repeated in a new block that lost the caption mark", () => {
    const caption = "Rescue crews search the flooded valley north of the town on Sunday morning";
    const { root, ctx, text } = setup(`<div class="slideshow-description">${caption}</div>`);
    captionMarks.run(root, ctx);
    // Readability wraps the div's text in a new <p> and drops the div with its attributes.
    root.innerHTML = `<h2>${caption}</h2><p>${caption}</p><p>${LONG}</p>`;
    repeatedText.run(root, ctx);
    expect(count(text(), caption)).toBe(1);
  });
});
