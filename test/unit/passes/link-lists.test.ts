/** Lists of other stories inside the reading: link lists under a short label, and between the story's paragraphs. */
import { describe, expect, it } from "vitest";
import type { PassContext } from "../../../src/core/passes/context.ts";
import { inlineLinkLists, labelledLinkLists } from "../../../src/core/passes/link-lists.ts";

const linkLists = {
  run(root: Element, ctx: PassContext) {
    labelledLinkLists.run(root, ctx);
  },
};
import { passSetup } from "./harness.ts";

const P =
  "<p>The harbour board met on Thursday to decide how the old ferry pier should be repaired, and by whom the work would be paid for over the next two years.</p>";
const P2 =
  "<p>Residents who spoke at the meeting asked that the pier stay open to anglers during the repairs, which the board promised to look into before the summer.</p>";

const headlines = (n: number, path = "/news") =>
  Array.from(
    { length: n },
    (_, i) =>
      `<li><a href="https://news.example${path}/${i}">Council votes to extend the night bus service number ${i}</a></li>`,
  ).join("");

describe("link-lists: removes", () => {
  it.each([
    ["a heading", "<h3>Elsewhere today</h3>"],
    ["a short bold line", "<p><strong>ALSO ON THE SITE</strong></p>"],
    ["a label in another language", "<h4>Zum Weiterlesen heute</h4>"],
  ])("a list of headline links under %s, and the label", (_, label) => {
    const { root, ctx, text } = passSetup(`${P}${label}<ul>${headlines(3)}</ul>${P2}`);
    linkLists.run(root, ctx);
    expect(text()).not.toContain("night bus");
    expect(text()).not.toMatch(/Elsewhere|ALSO ON|Weiterlesen/);
    expect(text()).toContain("anglers");
    expect(ctx.removed.map((r) => r.reason)).toContain("label of a list of other stories");
  });
});

describe("link-lists: keeps", () => {
  it("a list of short names under a heading (sources, see-also)", () => {
    const names = ["Harbour board", "Ferry pier", "Night bus", "Anglers' club"]
      .map((n, i) => `<li><a href="https://news.example/topic/${i}">${n}</a></li>`)
      .join("");
    const { root, ctx, text } = passSetup(`${P}<h3>See also</h3><ul>${names}</ul>${P2}`);
    linkLists.run(root, ctx);
    expect(text()).toContain("Anglers' club");
    expect(text()).toContain("See also");
  });

  it("a list of headline links to other sites (the author's recommendations or sources)", () => {
    const shops = ["books.example", "games.example", "films.example"]
      .map(
        (h, i) =>
          `<li><a href="https://${h}/item/${i}">Book: the long history of the night bus ${i}</a></li>`,
      )
      .join("");
    const { root, ctx, text } = passSetup(`${P}<p>Picks from our editor:</p><ul>${shops}</ul>${P2}`);
    linkLists.run(root, ctx);
    expect(text()).toContain("Picks from our editor");
    expect(text()).toContain("night bus 2");
  });

  it("a list of text that holds a few links, under a heading", () => {
    const items = [
      'The board will <a href="https://news.example/a">publish the plans</a> in May and ask for comments.',
      "Repairs start in autumn once the contract is signed and the weather allows it.",
      'Anglers may use the <a href="https://news.example/b">north steps</a> while the work goes on.',
    ]
      .map((t) => `<li>${t}</li>`)
      .join("");
    const { root, ctx, text } = passSetup(`${P}<h3>What happens next</h3><ul>${items}</ul>${P2}`);
    linkLists.run(root, ctx);
    expect(text()).toContain("What happens next");
    expect(text()).toContain("north steps");
  });

  it("a long heading-like sentence followed by links, and links to places on the same page", () => {
    const toc = Array.from(
      { length: 3 },
      (_, i) => `<li><a href="#part-${i}">What the board decided about part ${i}</a></li>`,
    ).join("");
    const { root, ctx, text } = passSetup(`<h3>Contents</h3><ul>${toc}</ul>${P}${P2}`);
    linkLists.run(root, ctx);
    expect(text()).toContain("What the board decided about part 1");
  });

  it("a small article with a link, and a heading followed by a picture", () => {
    const { root, ctx, text } = passSetup(
      `${P}${P2}<article><h3>Correction</h3><a href="https://news.example/corrections">An earlier version misnamed the board</a></article><h2>The pier at dusk</h2><p><img src="https://news.example/pier.jpg" alt="The pier"></p>`,
    );
    linkLists.run(root, ctx);
    expect(text()).toContain("Correction");
    expect(text()).toContain("The pier at dusk");
  });
});

describe("link-lists: links between the story's paragraphs", () => {
  const run = (html: string) => {
    const setup = passSetup(html);
    inlineLinkLists.run(setup.root, setup.ctx);
    return setup;
  };

  it("removes a list of one bold headline link to another story of the site, between two paragraphs", () => {
    const { text, ctx } = run(
      `${P}<ul><li><a href="https://news.example/2020/timeline-of-the-outbreak"><strong>The latest news about the outbreak in the region, free to read</strong></a></li></ul>${P2}`,
    );
    expect(text()).not.toContain("The latest news");
    expect(text()).toContain("anglers");
    expect(ctx.removed.map((r) => r.reason)).toEqual([
      "links to other stories between the story's paragraphs",
    ]);
  });

  it("removes two such links", () => {
    const { text } = run(`${P}<ul>${headlines(2)}</ul>${P2}`);
    expect(text()).not.toContain("night bus");
  });

  it.each([
    [
      "a list of text with a link inside a sentence",
      `<ul><li>The board meets again in May, as the <a href="https://news.example/news/1">agenda for the spring meetings</a> says.</li></ul>`,
    ],
    [
      "links to another site (the author's sources)",
      `<ul><li><a href="https://harbour-board.example/report-2020">The harbour board's report on the pier and its repairs</a></li></ul>`,
    ],
    [
      "short links (names, topics)",
      `<ul><li><a href="https://news.example/topic/pier">Ferry pier</a></li></ul>`,
    ],
    ["a long list (the story's own list of links)", `<ul>${headlines(6)}</ul>`],
  ])("keeps %s", (_, list) => {
    const { text } = run(`${P}${list}${P2}`);
    expect(text()).toContain(list.replace(/<[^>]+>/g, "").slice(0, 20));
  });

  it("keeps such a list when it is not between two paragraphs (the story's end, a list of its own)", () => {
    const { text } = run(`${P}${P2}<ul>${headlines(2)}</ul>`);
    expect(text()).toContain("night bus");
  });
});
