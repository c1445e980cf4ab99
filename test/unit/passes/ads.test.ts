/** The ad passes: `adSlots` (containers of ad systems, before Readability) and `adLabels` (after). */
import { describe, expect, it } from "vitest";
import { adLabels, adSlots, isAdLabel } from "../../../src/core/passes/ads.ts";
import { passSetup } from "./harness.ts";

const setup = (html: string) => passSetup(html);

const LONG =
  "The council said the repairs would take most of the summer and that the footpath along the river would stay closed until the contractors had finished their work on the embankment.";

describe("adSlots: removes", () => {
  it.each([
    ["a GPT slot", `<div id="div-gpt-ad-1629825090-0" data-google-query-id="CJ7x"></div>`],
    ["an AdSense unit", `<ins class="adsbygoogle" data-ad-client="ca-pub-1" data-ad-slot="42"></ins>`],
    ["a data-ad-slot container", `<div data-ad-slot="mid-1"><span>Advertisement</span></div>`],
    [
      "an amp-ad",
      `<amp-ad width="300" height="250" type="doubleclick" data-slot="/30497360/a4a/amp_ad_1"></amp-ad>`,
    ],
    [
      "a Taboola widget",
      `<div id="taboola-below-article-thumbnails"><a href="https://trc.taboola.com/1">You won't believe these celebrity homes</a></div>`,
    ],
    [
      "an Outbrain widget",
      `<div class="OUTBRAIN" data-widget-id="AR_1"><a href="https://paid.outbrain.com/1">Doctors stunned by this one trick</a></div>`,
    ],
    ["class ad-slot", `<div class="ad-slot ad-top"><div class="ad-label">ADVERTISEMENT</div></div>`],
    ["class ad_unit", `<div class="ad_unit"><p>Advertisement</p></div>`],
    ["class advertisement", `<aside class="advertisement">Buy now</aside>`],
    [
      "class sponsored-content",
      `<div class="sponsored-content"><h4>Grow more with GreenLite</h4><a href="/x">Shop now</a></div>`,
    ],
    ["class werbung (German)", `<div class="werbung">Anzeige</div>`],
    ["id ad-300x250", `<div id="ad-300x250"></div>`],
    [
      "a section labelled Anzeige for assistive tech",
      `<section aria-label="Anzeige"><img src="https://ads.example/banner.png"></section>`,
    ],
  ])("%s", (_name, html) => {
    const { root, ctx } = setup(`<p>${LONG}</p>${html}`);
    adSlots.run(root, ctx);
    expect(root.children).toHaveLength(1);
    expect(root.textContent).toContain("The council said");
    expect(ctx.removed.length).toBeGreaterThanOrEqual(1);
    expect(ctx.removed.every((r) => r.kind === "ad")).toBe(true);
  });

  it("records the reason and the removed text", () => {
    const { root, ctx } = setup(`<div class="ad-container"><span class="ad-label">Anzeige</span></div>`);
    adSlots.run(root, ctx);
    expect(ctx.removed).toEqual([
      { kind: "ad", reason: expect.stringContaining("ad-container"), text: "Anzeige" },
    ]);
  });
});

describe("adSlots: keeps", () => {
  it.each([
    ["class header", `<div class="header"><h2>Flood defences</h2></div>`],
    ["class shadow", `<div class="shadow"><p>Shaded text</p></div>`],
    ["class load-more", `<div class="load-more"><p>Loaded text</p></div>`],
    ["class download", `<div class="download"><a href="/report.pdf">The report</a></div>`],
    ["class headline", `<div class="headline">Flood defences approved</div>`],
    ["class badge", `<span class="badge">Exclusive</span>`],
    ["class gradient", `<div class="gradient">Text on a gradient</div>`],
    ["class adamant", `<p class="adamant">The minister was adamant.</p>`],
    ["id road-closures", `<div id="road-closures">Roads closed: A30, A39.</div>`],
  ])("%s", (_name, html) => {
    const { root, ctx, text } = setup(html);
    const before = text();
    adSlots.run(root, ctx);
    expect(text()).toBe(before);
    expect(ctx.removed).toEqual([]);
  });

  it("a div.has-ads that wraps three long paragraphs (the story itself)", () => {
    const { root, ctx } = setup(
      `<div class="has-ads"><p>${LONG}</p><p>${LONG} Again.</p><p>${LONG} Once more.</p></div>`,
    );
    adSlots.run(root, ctx);
    expect(root.querySelectorAll("p")).toHaveLength(3);
    expect(ctx.removed).toEqual([]);
  });

  it("an ad-system container that holds the story's prose", () => {
    const { root, ctx } = setup(`<div id="ad-slot-wrapper"><p>${LONG}</p><p>${LONG} Again.</p></div>`);
    adSlots.run(root, ctx);
    expect(root.querySelectorAll("p")).toHaveLength(2);
  });

  it("a sentence about advertising", () => {
    const { root, ctx } = setup(`<p>Advertising revenue fell 5% this year.</p>`);
    adSlots.run(root, ctx);
    expect(root.textContent).toBe("Advertising revenue fell 5% this year.");
  });
});

describe("adLabels: removes", () => {
  it.each([
    "Advertisement",
    "ADVERTISEMENT",
    "SKIP ADVERTISEMENT",
    "Story continues below advertisement",
    "Article continues below this ad",
    "Anzeige",
    "– ANZEIGE –",
    "Werbung",
    "Publicité",
    "Реклама",
    "إعلان",
    "広告",
    "广告",
    "Sponsored",
    "(Advertisement)",
  ])("a block whose whole text is %j", (label) => {
    const { root, ctx } = setup(`<p>${LONG}</p><div class="x"><p>${label}</p></div><p>${LONG} End.</p>`);
    adLabels.run(root, ctx);
    expect(root.textContent).not.toContain(label);
    expect(root.querySelectorAll("p")).toHaveLength(2);
    expect(ctx.removed.length).toBeGreaterThanOrEqual(1);
    expect(ctx.removed[0]).toMatchObject({ kind: "ad-label", text: label });
  });

  it("a label in a heading or a link of its own", () => {
    const { root, ctx } = setup(
      `<h3>Advertisement</h3><p>${LONG}</p><a href="#after-ad">SKIP ADVERTISEMENT</a>`,
    );
    adLabels.run(root, ctx);
    expect(root.textContent).not.toMatch(/advertisement/i);
    expect(ctx.removed.map((r) => r.kind)).toEqual(["ad-label", "ad-label"]);
  });
});

describe("adLabels: keeps", () => {
  it.each([
    "Advertising revenue fell 5% this year.",
    "Die Polizei hat Anzeige erstattet.",
    "The advertisement was banned by the regulator.",
    "Sponsored by nobody, the race still drew 4,000 runners.",
    "Ad hoc committees met twice.",
  ])("the sentence %j", (sentence) => {
    const { root, ctx } = setup(`<p>${sentence}</p>`);
    adLabels.run(root, ctx);
    expect(root.textContent).toBe(sentence);
    expect(ctx.removed).toEqual([]);
  });

  it.each([
    [
      "an <em>",
      "The trip was <em>sponsored</em> by the regional tourism board.",
      "The trip was sponsored by the regional tourism board.",
    ],
    [
      "an <a>",
      `Revenue from <a href="/topics/advertising">advertising</a> rose by a tenth.`,
      "Revenue from advertising rose by a tenth.",
    ],
    [
      "a <strong>",
      "The word on the poster was <strong>Anzeige</strong>, which means advert.",
      "The word on the poster was Anzeige, which means advert.",
    ],
  ])("a label word in %s inside a sentence", (_name, html, expected) => {
    const { root, ctx } = setup(`<p>${html}</p>`);
    adLabels.run(root, ctx);
    expect(root.textContent).toBe(expected);
    expect(ctx.removed).toEqual([]);
  });

  it("an image next to a label outside any figure (the image is not a label)", () => {
    const { root, ctx } = setup(`<div><img src="https://cdn.example/a.jpg"><span>Advertisement</span></div>`);
    adLabels.run(root, ctx);
    expect(root.querySelector("img")).not.toBeNull();
    expect(root.textContent).not.toMatch(/advertisement/i);
  });
});

describe("isAdLabel", () => {
  it("accepts labels with decoration and any case", () => {
    for (const t of [
      "Advertisement",
      " advertisement ",
      "- Advertisement -",
      "ADVERTISEMENT:",
      "[Anzeige]",
      "· Sponsored ·",
    ]) {
      expect(isAdLabel(t), t).toBe(true);
    }
  });
  it("rejects sentences and empty text", () => {
    for (const t of [
      "",
      "   ",
      "Advertisement revenue",
      "An advertisement for soap",
      "Anzeige erstattet",
      "x".repeat(70),
    ]) {
      expect(isAdLabel(t), t).toBe(false);
    }
  });
});

describe("adLabels: a picture captioned as an ad", () => {
  it("removes the figure, not only its label", () => {
    const { root, ctx } = setup(
      `<p>${LONG}</p><figure><a href="https://shop.example/"><img src="https://shop.example/banner.jpg" alt=""></a><figcaption>Reklama</figcaption></figure>`,
    );
    adLabels.run(root, ctx);
    expect(root.querySelector("figure")).toBeNull();
    expect(root.textContent).toContain(LONG.slice(0, 20));
    expect(ctx.removed.map((r) => r.kind)).toEqual(["ad"]);
  });
  it("removes a block that prints a bare label over its banner", () => {
    const { root, ctx } = setup(
      `<p>${LONG}</p><center>- Anzeige- <br><br><a href="https://www.awin1.com/cread.php?s=1"><img src="https://www.awin1.com/cshow.php?s=1"></a><br></center>`,
    );
    adLabels.run(root, ctx);
    expect(root.querySelector("img")).toBeNull();
    expect(root.textContent).not.toMatch(/anzeige/i);
    expect(ctx.removed.map((r) => [r.kind, r.reason])).toEqual([["ad", "picture labelled as an ad"]]);
  });

  it("keeps a picture block whose own words are more than a label", () => {
    const { root, ctx } = setup(
      `<div>Anzeige der Stadtwerke von 1920 <img src="https://cdn.example/poster.jpg"></div>`,
    );
    adLabels.run(root, ctx);
    expect(root.querySelector("img")).not.toBeNull();
    expect(ctx.removed).toEqual([]);
  });

  it("keeps a figure whose caption only mentions advertising", () => {
    const { root, ctx } = setup(
      `<figure><img src="https://cdn.example/poster.jpg" alt=""><figcaption>An advertisement from 1920 for soap</figcaption></figure>`,
    );
    adLabels.run(root, ctx);
    expect(root.querySelector("figure")).not.toBeNull();
  });
});

describe("adLabels: a line the label introduces", () => {
  it("removes 'ANZEIGE - ...' as an ad", () => {
    const line = "ANZEIGE - Heute mal ausgehen? Wie wäre es mit einem Tisch am Wasser:";
    const { root, ctx, text } = setup(`<p>${LONG}</p><p>${line}</p>`);
    adLabels.run(root, ctx);
    expect(text()).not.toContain("Heute mal ausgehen");
    expect(ctx.removed).toEqual([expect.objectContaining({ kind: "ad" })]);
  });
  it("keeps a sentence that starts with the word", () => {
    const line = "Anzeige gegen den Bürgermeister wurde am Montag erstattet.";
    const { root, ctx, text } = setup(`<p>${LONG}</p><p>${line}</p>`);
    adLabels.run(root, ctx);
    expect(text()).toContain(line);
  });
});
