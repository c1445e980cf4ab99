/**
 * src/core/dom.ts: the tag and ancestor lookups the core uses instead of selector queries.
 * Each must give what the selector query it replaces gives (checked against jsdom's own
 * `closest` / `querySelectorAll` on the same tree), including the element itself for the
 * ancestor lookups and not the root for the descendant ones.
 */
import { describe, expect, it } from "vitest";
import {
  closestTag,
  closestWhere,
  descendants,
  descendantsWhere,
  firstDescendant,
  hasDescendant,
} from "../../src/core/dom.ts";
import { parseDocument } from "../../src/node/jsdom.ts";

const { document } = parseDocument(
  `<!DOCTYPE html><html dir="ltr"><body>
    <article id="story" role="main">
      <header><h1 id="h">Title</h1><p id="dek" class="x-byline-box">Dek</p></header>
      <figure id="f1"><picture><img id="i1" src="a.jpg"></picture><figcaption id="c1">One</figcaption>
        <figure id="f2"><img id="i2" src="b.jpg"><figcaption id="c2" data-folio-caption="caption">Two</figcaption></figure>
      </figure>
      <div dir="rtl"><p id="inner">Text <span id="s">here</span></p></div>
    </article>
    <footer><p id="foot">Footer</p></footer>
  </body></html>`,
  "https://x.example/",
);
const byId = (id: string) => document.getElementById(id)!;

describe("closestTag and closestWhere", () => {
  it.each([
    ["i1", "figure"],
    ["i2", "figure"],
    ["f2", "figure"],
    ["c1", "picture"],
    ["s", "article"],
    ["foot", "article"],
    ["h", "header, hgroup"],
  ])("%s: closestTag matches closest(%s)", (id, selector) => {
    const tags = selector.split(", ");
    const got = tags.length === 1 ? closestTag(byId(id), tags[0]!) : closestTag(byId(id), new Set(tags));
    expect(got).toBe(byId(id).closest(selector));
  });

  it("includes the element itself and reads attributes on the way up", () => {
    expect(closestTag(byId("f2"), "figure")).toBe(byId("f2"));
    expect(closestWhere(byId("s"), (el) => el.hasAttribute("dir"))).toBe(byId("s").closest("[dir]"));
    expect(closestWhere(byId("h"), (el) => el.getAttribute("role") === "main")).toBe(byId("story"));
    expect(closestWhere(byId("foot"), (el) => el.getAttribute("role") === "main")).toBeNull();
  });
});

describe("descendant lookups", () => {
  const story = byId("story");

  it("descendants and descendantsWhere list what querySelectorAll lists, in order, without the root", () => {
    expect(descendants(story, "figure")).toEqual([...story.querySelectorAll("figure")]);
    expect(descendants(story, new Set(["img", "figcaption"]))).toEqual([
      ...story.querySelectorAll("img, figcaption"),
    ]);
    const f1 = byId("f1");
    expect(descendants(f1, "figure")).toEqual([byId("f2")]);
    expect(
      descendantsWhere(
        f1,
        (el) => el.localName === "figcaption" || el.getAttribute("data-folio-caption") === "caption",
      ),
    ).toEqual([...f1.querySelectorAll("figcaption, [data-folio-caption='caption']")]);
  });

  it("firstDescendant stops at the first match; hasDescendant says whether there is one", () => {
    expect(firstDescendant(story, (el) => el.localName === "p")).toBe(byId("dek"));
    expect(firstDescendant(byId("s"), () => true)).toBeNull();
    expect(hasDescendant(story, new Set(["picture"]))).toBe(true);
    expect(hasDescendant(story, new Set(["table"]))).toBe(false);
  });
});
