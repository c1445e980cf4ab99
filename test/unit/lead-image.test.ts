/** The lead image, once: the body's copy when the body shows the same picture. */
import { describe, expect, it } from "vitest";
import { leadImageOnce } from "../../src/core/lead-image.ts";
import { onceIfDoubled } from "../../src/core/metadata/text.ts";
import { parseDocument } from "../../src/node/jsdom.ts";

const BASE = "https://news.example/story";
function body(html: string): Element {
  return parseDocument(`<body><div id="r">${html}</div></body>`, BASE).document.getElementById("r")!;
}

describe("leadImageOnce", () => {
  it("takes the body's copy of the same file at another size", () => {
    const root = body(
      `<figure><img src="https://cdn.example/2024/05/ferry-1024x683.jpg" alt="The ferry"><figcaption>The ferry at night.</figcaption></figure>`,
    );
    const lead = leadImageOnce(
      { url: "https://cdn.example/2024/05/ferry.jpg", alt: null, caption: null },
      root,
      BASE,
    );
    expect(lead).toEqual({
      url: "https://cdn.example/2024/05/ferry-1024x683.jpg",
      alt: "The ferry",
      caption: "The ferry at night.",
    });
  });

  it("takes the body's copy of the same picture under another name when the words match", () => {
    const root = body(
      `<figure><img src="https://static.example/images/merlin_150498339-articleLarge.jpg?quality=75&auto=webp"><figcaption>A worker repairing cables in Queens. Credit: Chang W. Lee</figcaption></figure>`,
    );
    const lead = leadImageOnce(
      {
        url: "https://static.example/images/00winter-facebookJumbo.jpg",
        alt: "A worker repairing cables in Queens.",
        caption: null,
      },
      root,
      BASE,
    );
    expect(lead?.url).toBe(
      "https://static.example/images/merlin_150498339-articleLarge.jpg?quality=75&auto=webp",
    );
  });

  it("keeps a different lead image", () => {
    const root = body(
      `<figure><img src="https://cdn.example/chart.png"><figcaption>Tonnes picked per year.</figcaption></figure>`,
    );
    const declared = { url: "https://cdn.example/orchard.jpg", alt: "An orchard", caption: null };
    expect(leadImageOnce(declared, root, BASE)).toEqual(declared);
  });
});

describe("onceIfDoubled", () => {
  it("says a caption printed twice once", () => {
    expect(onceIfDoubled("Dawn over the harbour.  Dawn over the harbour.")).toBe("Dawn over the harbour.");
    expect(onceIfDoubled("Dawn over the harbour.")).toBe("Dawn over the harbour.");
  });
});
