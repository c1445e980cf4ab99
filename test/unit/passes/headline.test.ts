/** The header, once: headline, standfirst, byline and date stubs repeated at the top of the body. */
import { describe, expect, it } from "vitest";
import type { PassContext } from "../../../src/core/passes/context.ts";
import { headline } from "../../../src/core/passes/headline.ts";
import { passSetup } from "./harness.ts";

const TITLE = "India, Russia to have permanent channel to exchange views on Afghanistan";
const SUBTITLE =
  "India and Russia, along with Iran, Tajikistan and Turkey, had in the 1990s supported the Northern Alliance";
const LONG =
  "Prime Minister Narendra Modi and Russian President Vladimir Putin discussed the unfolding situation in Afghanistan during a phone call on Tuesday.";

function setup(html: string, meta: Partial<Pick<PassContext, "title" | "subtitle" | "authors">> = {}) {
  const { root, ctx } = passSetup(html, {
    title: TITLE,
    subtitle: SUBTITLE,
    authors: ["Anirban Bhaumik"],
    ...meta,
  });
  const blocks = () =>
    [...root.querySelectorAll("h1, h2, h3, p, div, time, span")]
      .map((el) => el.textContent!.trim())
      .filter(Boolean);
  return { root, ctx, blocks };
}

describe("headline: removes", () => {
  it("the headline repeated as a heading, ignoring quotes and end punctuation", () => {
    const { root, ctx } = setup(`<h1>“${TITLE}.”</h1><p>${LONG}</p>`);
    headline.run(root, ctx);
    expect(root.querySelector("h1")).toBeNull();
    expect(ctx.removed).toEqual([
      expect.objectContaining({ kind: "headline", reason: "headline repeated in the body" }),
    ]);
  });

  it("the standfirst repeated as the first paragraph", () => {
    const { root, ctx } = setup(`<h2>${SUBTITLE}</h2><p>${LONG}</p>`);
    headline.run(root, ctx);
    expect(root.textContent).not.toContain(SUBTITLE);
    expect(ctx.removed).toEqual([expect.objectContaining({ reason: "standfirst repeated in the body" })]);
  });

  it.each([
    ["By Anirban Bhaumik", ["Anirban Bhaumik"]],
    ["Anirban Bhaumik, DHNS", ["Anirban Bhaumik"]],
    ["By Marisol Whitcombe and Daniel Okafor", ["Marisol Whitcombe", "Daniel Okafor"]],
    ["Von Katrin Oberländer und Jonas Wiesehöfer", ["Katrin Oberländer", "Jonas Wiesehöfer"]],
    ["von Katrin Oberländer am 3. Mai 2024, 15:40 Uhr", ["Katrin Oberländer"]],
    ["By Marisol Whitcombe on May 3, 2024", ["Marisol Whitcombe"]],
  ])("the byline line %j", (line, authors) => {
    const { root, ctx } = setup(`<div class="byline">${line}</div><p>${LONG}</p>`, { authors });
    headline.run(root, ctx);
    expect(root.textContent).not.toContain(line);
    expect(ctx.removed).toEqual([
      expect.objectContaining({ kind: "headline", reason: "byline repeated in the body" }),
    ]);
  });

  it.each([
    "Last Updated IST",
    "Updated: 24 Aug 2021",
    "Published 24 August 2021, 23:01 IST",
    "Aktualisiert am 18.06.2024, 17:05 Uhr",
  ])("the date stub %j near the top", (line) => {
    const { root, ctx } = setup(`<div class="dateline">${line}</div><p>${LONG}</p>`);
    headline.run(root, ctx);
    expect(root.textContent).not.toContain(line);
    expect(ctx.removed).toEqual([expect.objectContaining({ reason: "date line repeated in the body" })]);
  });

  it("the publication line closing the story", () => {
    const { root, ctx } = setup(
      `<p>${LONG}</p>${`<p>${LONG} More.</p>`.repeat(10)}<p>(Published 24 August 2021, 23:01 IST)</p>`,
    );
    headline.run(root, ctx);
    expect(root.textContent).not.toContain("(Published 24 August 2021");
    expect(root.querySelectorAll("p")).toHaveLength(11);
  });
});

describe("headline: keeps", () => {
  it("the headline text deep in the story (past the first blocks)", () => {
    const body = `<p>${LONG}</p>`.repeat(10);
    const { root, ctx } = setup(`${body}<h2>${TITLE}</h2>${body}`);
    headline.run(root, ctx);
    expect(root.querySelector("h2")?.textContent).toBe(TITLE);
  });

  it("a paragraph (not a heading) that equals the headline", () => {
    const { root, ctx } = setup(`<p>${TITLE}</p><p>${LONG}</p>`);
    headline.run(root, ctx);
    expect(root.querySelectorAll("p")).toHaveLength(2);
  });

  it("a first paragraph that starts with the standfirst and goes on", () => {
    const longer = `${SUBTITLE}, a group of warlords who had fought the Taliban.`;
    const { root, ctx } = setup(`<p>${longer}</p>`);
    headline.run(root, ctx);
    expect(root.textContent).toBe(longer);
  });

  it("a sentence that names the author", () => {
    const sentence =
      "Anirban Bhaumik, who has covered diplomacy for a decade, asked the ministry for comment.";
    const { root, ctx } = setup(`<p>${sentence}</p>`);
    headline.run(root, ctx);
    expect(root.textContent).toBe(sentence);
  });

  it("a line that names the author with a date and more words", () => {
    const line = "Anirban Bhaumik on 3 May 2024 asked the ministry for comment";
    const { root, ctx } = setup(`<p>${line}</p><p>${LONG}</p>`, { authors: ["Anirban Bhaumik"] });
    headline.run(root, ctx);
    expect(root.querySelector("p")?.textContent).toBe(line);
  });

  it("a byline-like line when the authors are not known", () => {
    const { root, ctx } = setup(`<p>By Anirban Bhaumik</p><p>${LONG}</p>`, { authors: [] });
    headline.run(root, ctx);
    expect(root.querySelectorAll("p")).toHaveLength(2);
  });

  it.each([
    "Updated rules for landlords take effect in March.",
    "Published accounts show the club lost money again.",
    "Posted workers will need a new permit from July.",
    "Stand der Verhandlungen ist weiter offen.",
  ])("a short first paragraph that starts with a date-stub word: %j", (sentence) => {
    const { root, ctx } = setup(`<p>${sentence}</p><p>${LONG}</p>`);
    headline.run(root, ctx);
    expect(root.querySelector("p")?.textContent).toBe(sentence);
    expect(ctx.removed).toEqual([]);
  });

  it("an empty title or subtitle never matches everything", () => {
    const { root, ctx } = setup(`<h2>Background</h2><p>${LONG}</p>`, {
      title: "",
      subtitle: null,
      authors: [],
    });
    headline.run(root, ctx);
    expect(root.querySelector("h2")).not.toBeNull();
    expect(ctx.removed).toEqual([]);
  });
});

describe("headline: date lines anywhere in the story", () => {
  it("removes a date line between paragraphs, past the header", () => {
    const paras = Array.from({ length: 10 }, (_, i) => `<p>${LONG} (${i})</p>`).join("");
    const { root, ctx } = setup(`${paras}<p>Aktualisiert: 03.04.2020, 14:30 Uhr</p><p>${LONG} (end)</p>`);
    headline.run(root, ctx);
    expect(root.textContent).not.toContain("Aktualisiert");
    expect(root.textContent).toContain("(end)");
  });
  it.each([
    ["a date label as a noun", "<p>Publication date: 4 May 2023</p>"],
    [
      "two labelled dates on one line",
      "<p><time>Posted: 02.05.2023, 08:10</time> <time>Updated: 04.05.2023, 17:45</time></p>",
    ],
    [
      "a date line with a clock icon drawn beside it",
      '<p><time datetime="2023-05-04"><svg viewBox="0 0 8 8"><path d="M1 1h6v6H1z"></path></svg>Updated: 04.05.2023, 17:45</time></p>',
    ],
  ])("removes %s between paragraphs", (_, line) => {
    const paras = Array.from({ length: 10 }, (_, i) => `<p>${LONG} (${i})</p>`).join("");
    const { root, ctx } = setup(`${paras}${line}<p>${LONG} (end)</p>`);
    headline.run(root, ctx);
    expect(root.textContent).not.toMatch(/Publication date|Posted|Updated/);
    expect(root.textContent).toContain("(end)");
  });
  it("removes the authors' names standing alone under the story, and keeps a sentence that names them", () => {
    const paras = Array.from({ length: 10 }, (_, i) => `<p>${LONG} (${i})</p>`).join("");
    const { root, ctx } = setup(
      `${paras}<p>Anirban Bhaumik said the talks would go on.</p><div><span><a href="/authors/ab">Anirban Bhaumik</a></span></div>`,
    );
    headline.run(root, ctx);
    expect(root.textContent).toContain("Anirban Bhaumik said");
    expect(ctx.removed).toEqual([expect.objectContaining({ reason: "byline line" })]);
  });
  it('keeps a bare time beside an icon (a video\'s length) and a lone "and" between names', () => {
    const paras = Array.from({ length: 10 }, (_, i) => `<p>${LONG} (${i})</p>`).join("");
    const { root, ctx } = setup(
      `${paras}<p><span><svg viewBox="0 0 8 8"><path d="M1 1l6 3-6 3z"></path></svg>8:09</span></p><div><span>and</span></div>`,
    );
    headline.run(root, ctx);
    expect(root.textContent).toContain("8:09");
    expect(root.textContent).toContain("and");
  });
  it.each([
    ["a cook time by its schema.org property", '<time itemprop="cookTime" datetime="">15 – 30 Min</time>'],
    ["a duration by its datetime", '<time datetime="PT1H20M">1:20</time>'],
    ["a duration by its words", "<time>45 Minuten</time>"],
  ])("keeps %s, at the top and between paragraphs, and still removes a date in <time>", (_, time) => {
    const paras = Array.from({ length: 10 }, (_, i) => `<p>${LONG} (${i})</p>`).join("");
    const { root, ctx } = setup(
      `<div>${time}</div><p>${LONG}</p>${paras}<div>${time}</div><div><time datetime="2024-03-14">14.03.2024</time></div>`,
    );
    headline.run(root, ctx);
    const kept = root.querySelectorAll("time");
    expect(kept).toHaveLength(2);
    expect([...kept].every((t) => t.textContent !== "14.03.2024")).toBe(true);
    expect(ctx.removed).toEqual([expect.objectContaining({ reason: "date line" })]);
  });
  it("keeps a line that only starts with a date label", () => {
    const paras = Array.from({ length: 10 }, (_, i) => `<p>${LONG} (${i})</p>`).join("");
    const { root, ctx } = setup(`${paras}<p>Publication date: to be set by the board in May</p>`);
    headline.run(root, ctx);
    expect(root.textContent).toContain("to be set by the board");
  });
  it("keeps the dates of a timeline list and a date inside a sentence", () => {
    const paras = Array.from({ length: 10 }, (_, i) => `<p>${LONG} (${i})</p>`).join("");
    const { root, ctx } = setup(
      `${paras}<ul><li>March 2020</li><li>April 2021</li></ul><p>The pier reopened on <time>14 March 2024</time> after repairs.</p>`,
    );
    headline.run(root, ctx);
    expect(root.textContent).toContain("March 2020");
    expect(root.textContent).toContain("14 March 2024");
  });
});
