/** Figures: one picture, one caption with its credit once and apart, no labels, no orphans. */
import { describe, expect, it } from "vitest";
import { figures } from "../../../src/core/passes/figures.ts";
import { promoLines } from "../../../src/core/passes/promo-lines.ts";
import { passSetup } from "./harness.ts";

const IMG = `<img src="https://cdn.example/photos/harbour.jpg" alt="">`;

describe("figures: labels over pictures", () => {
  it.each(["Image", "Photo", "Video", "Foto", "1 of 12", "Bild 3/8"])(
    "removes a line that only says %j inside a figure",
    (label) => {
      const { root, ctx, text } = passSetup(
        `<figure><div><span>${label}</span>${IMG}</div><figcaption>The harbour at dawn.</figcaption></figure>`,
      );
      figures.run(root, ctx);
      expect(text()).toBe("The harbour at dawn.");
      expect(root.querySelector("img")).not.toBeNull();
      expect(ctx.removed).toEqual([
        expect.objectContaining({ kind: "caption", reason: "label over a picture" }),
      ]);
    },
  );

  it("removes the label on the line right before a picture", () => {
    const { root, ctx, text } = passSetup(`<p>Story text before the picture.</p><p>Photo</p><p>${IMG}</p>`);
    figures.run(root, ctx);
    expect(text()).toBe("Story text before the picture.");
  });

  it("keeps the word in a sentence, and a lone word far from any picture", () => {
    const { root, ctx } = passSetup(
      `<p>Photo</p><p>The photo was taken at dawn.</p><figure>${IMG}<figcaption>Photo</figcaption></figure>`,
    );
    figures.run(root, ctx);
    expect(root.textContent).toBe("PhotoThe photo was taken at dawn.Photo");
  });
});

describe("figures: the credit in a caption", () => {
  it("says a doubled credit label once, apart from the caption", () => {
    const { root, ctx, text } = passSetup(
      `<figure>${IMG}<figcaption><span>A worker repairing cables in Queens.</span><span><span>Credit</span><span><span>Credit</span><span>Chang W. Lee/The New York Times</span></span></span></figcaption></figure>`,
    );
    figures.run(root, ctx);
    expect(text()).toBe("A worker repairing cables in Queens. Credit: Chang W. Lee/The New York Times");
  });
});

describe("figures: the author's photo", () => {
  it("removes a picture whose alt text is an author's name, with its link", () => {
    const { root, ctx } = passSetup(
      `<p>Story.</p><a href="https://news.example/by/corey"><img src="https://cdn.example/author-corey.jpg" alt="Corey Kilgannon"></a><p>More story.</p>`,
      { authors: ["Corey Kilgannon"] },
    );
    figures.run(root, ctx);
    expect(root.querySelector("img")).toBeNull();
    expect(root.querySelector("a")).toBeNull();
  });

  it("keeps a photo of someone else", () => {
    const { root, ctx } = passSetup(
      `<figure><img src="https://cdn.example/mayor.jpg" alt="Mayor Jane Roe"><figcaption>The mayor.</figcaption></figure>`,
      {
        authors: ["Corey Kilgannon"],
      },
    );
    figures.run(root, ctx);
    expect(root.querySelector("img")).not.toBeNull();
  });
});

describe("figures: a caption without its picture", () => {
  it("goes with its figure", () => {
    const { root, ctx, text } = passSetup(
      `<p>Story.</p><figure><div></div><figcaption>The harbour at dawn.</figcaption></figure>`,
    );
    figures.run(root, ctx);
    expect(text()).toBe("Story.");
  });

  it("a figure holding a table or a quotation stays", () => {
    const { root, ctx } = passSetup(
      `<figure><blockquote>We saved the people.</blockquote><figcaption>The chairwoman.</figcaption></figure>`,
    );
    figures.run(root, ctx);
    expect(root.querySelector("figure")).not.toBeNull();
  });
});

describe("figures: an instruction to enlarge a picture", () => {
  it.each([
    [
      "Der Hafen im Jahr 1910. Zum Vergrößern bitte anklicken. CC-BY-SA 2.0",
      "Der Hafen im Jahr 1910. CC-BY-SA 2.0",
    ],
    ["The route of the march (click to enlarge)", "The route of the march"],
    ["Le parcours. Cliquez sur l’image pour l’agrandir.", "Le parcours."],
    ["Mapa de la ruta. Haga clic para ampliar.", "Mapa de la ruta."],
    ["Trasa marszu. Kliknij, aby powiększyć.", "Trasa marszu."],
  ])("goes from the caption %j, which keeps its other words", (caption, kept) => {
    const { root, ctx, text } = passSetup(`<figure>${IMG}<figcaption>${caption}</figcaption></figure>`);
    figures.run(root, ctx);
    expect(text()).toBe(kept);
    expect(ctx.removed).toEqual([
      expect.objectContaining({ kind: "caption", reason: "an instruction to enlarge a picture" }),
    ]);
  });

  it("a line that says only that goes; a sentence of the story that mentions clicking stays", () => {
    const story = "Readers could click to enlarge the map on the council's site, the mayor said.";
    const { root, ctx, text } = passSetup(`<p>${IMG}</p><p>(Click image to enlarge)</p><p>${story}</p>`);
    figures.run(root, ctx);
    expect(text()).toBe(story);
    expect(ctx.removed).toHaveLength(1);
  });
});

describe("promo lines: a bracketed plug", () => {
  it("removes a whole line in brackets around a link", () => {
    const { root, ctx, text } = passSetup(
      `<p><em>[What you need to know to start the day:</em> <a href="/newsletters/today"><em>Get New York Today in your inbox</em></a><em>.]</em></p><p>The story.</p>`,
    );
    promoLines.run(root, ctx);
    expect(text()).toBe("The story.");
  });

  it("keeps a bracketed editor's note without a link", () => {
    const { root, ctx, text } = passSetup(
      `<p>[This article was updated on Monday with the council's response.]</p>`,
    );
    promoLines.run(root, ctx);
    expect(text()).toContain("This article was updated");
  });
});
