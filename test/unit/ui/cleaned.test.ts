/**
 * "Cleaned" in people's words (issue 16, item 6): grouped counts and short previews, never the
 * selectors, ids or script text the core's reasons carry for `--explain`.
 */
import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import type { Removal } from "../../../src/core/types.ts";
import { renderArticle } from "../../../src/ui/article-view.ts";
import { cleanedGroups, preview, readsAsProse } from "../../../src/ui/cleaned.ts";
import { makeArticle } from "../library/helpers.ts";

/** What a page like the BBC's gives the core: technical reasons, script text as "text". */
const REMOVED: Removal[] = [
  {
    kind: "ad",
    reason: "ad container (div#bbccom_leaderboard)",
    text: '/*<![CDATA[*/ if (window.bbcdotcom && bbcdotcom.adverts) { bbcdotcom.slot("leaderboard", [1,2,3]); } /*]]>*/',
  },
  { kind: "ad", reason: "ad slot (div.ad-slot.ad-top)", text: "ADVERTISEMENT" },
  { kind: "ad", reason: 'ad slot (aside#mpu, labelled "Advertisement")', text: "" },
  {
    kind: "promo",
    reason: 'page furniture (div.newsletter-box.nl-inline: "newsletter")',
    text: "Get the latest headlines delivered to your inbox every morning",
  },
  { kind: "promo", reason: 'page furniture (ul#share-tools: "share")', text: "Share Facebook X Email" },
  { kind: "promo", reason: 'page furniture (div.cfg-x: "promo")', text: ".promo-box{display:none} #x .y" },
  {
    kind: "promo",
    reason: 'block headed "Related stories"',
    text: "Related stories Branch libraries to close on Sundays",
  },
  { kind: "credit", reason: "photo credit", text: "Getty Images" },
  { kind: "headline", reason: "byline repeated in the body", text: "By Helen Tregothnan" },
  { kind: "empty", reason: "block left empty", text: "" },
];

describe("cleaned groups", () => {
  it("counts by what the reader recognises, with previews of words only", () => {
    const groups = cleanedGroups(REMOVED);
    expect(groups.map((g) => g.label)).toEqual([
      "3 ad slots",
      "Newsletter sign-up",
      "Share bar",
      "Promo",
      "List of other stories",
      "Photo credit",
      "Repeated byline",
      "Empty block",
    ]);
    const newsletter = groups.find((g) => g.label === "Newsletter sign-up");
    expect(newsletter?.previews).toEqual(["Get the latest headlines delivered to your …"]);
    expect(groups.find((g) => g.label === "Promo")?.previews).toEqual([]); // CSS is no preview
    expect(groups[0].previews).toEqual([]); // nor is script text
  });

  it("tells prose from code and selectors", () => {
    for (const code of [
      "/*<![CDATA[*/ googletag.cmd.push()",
      "div#bbccom_leaderboard",
      ".ad-slot .label",
      "var x = 1",
      '{"@type":"Ad"}',
      "https://ads.example/x",
      "window.dataLayer",
    ]) {
      expect(readsAsProse(code), code).toBe(false);
    }
    for (const prose of [
      "Get the latest news every morning",
      "Sign up: it's free",
      "Open until 2 a.m. daily",
    ]) {
      expect(readsAsProse(prose), prose).toBe(true);
    }
  });

  it("cuts a preview at a word", () => {
    expect(preview("Get the latest headlines delivered to your inbox every morning", 30)).toBe(
      "Get the latest headlines …",
    );
    expect(preview("Short one")).toBe("Short one");
  });
});

describe("the Cleaned list on screen", () => {
  it("shows no selector, id, class or script text", async () => {
    const dom = new JSDOM(`<!doctype html><body><main id="m"></main></body>`, {
      url: "chrome-extension://abcdefghijklmnop/src/popup/index.html",
      pretendToBeVisual: true,
    });
    const win = dom.window as unknown as Window;
    const container = win.document.getElementById("m") as HTMLElement;
    await renderArticle(container, makeArticle({ removed: REMOVED }), win).complete;
    const list = container.querySelector(".folio-cleaned ul");
    const text = list?.textContent ?? "";
    expect(text).toContain("3 ad slots");
    expect(text).toContain("Newsletter sign-up: Get the latest headlines");
    expect(list?.querySelectorAll("li")).toHaveLength(8);
    for (const bad of [
      "#",
      "div#",
      "div.",
      ".ad",
      ".nl",
      "/*",
      "<![CDATA[",
      "CDATA",
      "{",
      "window.",
      "bbcdotcom",
      "(",
      "page furniture",
    ]) {
      expect(text, bad).not.toContain(bad);
    }
    dom.window.close();
  });
});
