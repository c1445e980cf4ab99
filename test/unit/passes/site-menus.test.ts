/** The site's menu inside the reading: a list of short links to the site's sections. */
import { describe, expect, it } from "vitest";
import { siteMenus } from "../../../src/core/passes/site-menus.ts";
import { passSetup } from "./harness.ts";

const P =
  "<p>The club's sailors cleaned the shore on Saturday and collected four bags of plastic from the reeds.</p>";
const item = (text: string, href: string, sub = "") => `<li><a href="${href}">${text}</a>${sub}</li>`;
const MENU = `<ul>${item("Info", "/info/")}${item("Berichte", "/info/berichte/")}${item(
  "Regatta",
  "https://news.example/regatta/",
  `<ul>${item("Midsummersail", "/tag/midsummersail/")}</ul>`,
)}${item("Classics", "/classics/")}${item("Ausrüstung & Technik", "/ausruestung-technik/")}</ul>`;

function run(html: string) {
  const setup = passSetup(html);
  siteMenus.run(setup.root, setup.ctx);
  return setup;
}

describe("the site's menu in the reading", () => {
  it("goes, sub-list and all, and says why", () => {
    const { text, ctx } = run(`${MENU}${P}`);
    expect(text()).not.toContain("Regatta");
    expect(text()).not.toContain("Midsummersail");
    expect(text()).toContain("four bags of plastic");
    expect(ctx.removed.map((r) => r.reason)).toEqual(["the site's menu"]);
  });

  it.each([
    [
      "fewer than five items",
      `<ul>${item("Info", "/info/")}${item("Berichte", "/berichte/")}${item("Regatta", "/regatta/")}${item("Classics", "/classics/")}</ul>`,
    ],
    ["links to another site", MENU.replaceAll('href="/', 'href="https://other.example/')],
    ["links to stories (deep addresses)", MENU.replaceAll('href="/', 'href="/2020/02/23/')],
    ["links within the page (a table of contents)", MENU.replaceAll('href="/', 'href="#')],
    ["an item with words of its own", MENU.replace("<li><a", "<li>See <a")],
    ["an item of more than three words", MENU.replace(">Info<", ">The club's own history<")],
  ])("stays with %s", (_, list) => {
    const { text } = run(`${list}${P}`);
    expect(text()).toContain("Classics");
  });
});

describe("the site's menu laid out as a table", () => {
  const TOPICS = [
    "Decision trees",
    "Bagging",
    "Boosting",
    "Random forest",
    "k-means",
    "DBSCAN",
    "PCA",
    "t-SNE",
    "Bayes net",
    "Hidden Markov",
    "Q-learning",
  ];
  const cell = (t: string) => `<td><a href="/wiki/${t.replace(/ /g, "_")}">${t}</a></td>`;
  const TABLE = `<table><tr><th>Machine learning</th></tr>${TOPICS.map((t) => `<tr>${cell(t)}</tr>`).join("")}</table>`;

  it("goes before the story's first paragraph of prose, and says why", () => {
    const { text, ctx } = run(`${TABLE}${P}`);
    expect(text()).not.toContain("Bagging");
    expect(text()).toContain("four bags of plastic");
    expect(ctx.removed.map((r) => r.reason)).toEqual(["the site's menu, laid out as a table"]);
  });

  it.each([
    ["among the story's paragraphs", `${P}${TABLE}${P}`],
    ["linking to other sites", `${TABLE.replaceAll('href="/', 'href="https://other.example/')}${P}`],
    [
      "with words of its own (a table of data)",
      `${TABLE.replaceAll("</a></td>", "</a> was first described in 1995 by two researchers</td>")}${P}`,
    ],
    [
      "of fewer than ten links",
      `<table>${TOPICS.slice(0, 9)
        .map((t) => `<tr>${cell(t)}</tr>`)
        .join("")}</table>${P}`,
    ],
  ])("stays %s", (_, html) => {
    const { text } = run(html);
    expect(text()).toContain("Bagging");
  });
});
