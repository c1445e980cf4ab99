/** Blocks left empty after the other passes: removed, outermost once; media and structure kept. */
import { describe, expect, it } from "vitest";
import { emptyBlocks, emptyHeadings } from "../../../src/core/passes/empty-blocks.ts";
import { passSetup } from "./harness.ts";

const setup = (html: string) => passSetup(html);

const P = "<p>Text that stays.</p>";

describe("emptyBlocks: removes", () => {
  it.each([
    ["an empty div", "<div></div>"],
    ["a paragraph of spaces", "<p>   \n  </p>"],
    ["a paragraph of non-breaking spaces", "<p>&nbsp;&nbsp;</p>"],
    ["an empty list", "<ul><li></li><li> </li></ul>"],
    ["an empty figure", "<figure><figcaption></figcaption></figure>"],
    ["an icon link", `<a href="/share" class="icon"><i class="icon-share"></i></a>`],
    ["nested empty wrappers", "<section><div><div><span></span></div></div></section>"],
  ])("%s", (_name, html) => {
    const { root, ctx } = setup(`${P}${html}${P}`);
    emptyBlocks.run(root, ctx);
    expect(root.innerHTML).toBe(`${P}${P}`);
    expect(ctx.removed.length).toBeGreaterThanOrEqual(1);
    expect(ctx.removed.every((r) => r.kind === "empty" && r.text === "")).toBe(true);
  });

  it("reports nested empty wrappers once, as the outermost", () => {
    const { root, ctx } = setup(`${P}<div class="ad-wrap"><div><div></div></div></div>`);
    emptyBlocks.run(root, ctx);
    expect(root.innerHTML).toBe(P);
    expect(ctx.removed).toHaveLength(1);
  });

  it("keeps the wrapper but drops its empty children when it also holds text", () => {
    const { root, ctx } = setup(`<div><div></div><p>Still here.</p><span> </span></div>`);
    emptyBlocks.run(root, ctx);
    expect(root.innerHTML).toBe("<div><p>Still here.</p></div>");
    expect(ctx.removed).toHaveLength(2);
  });
});

describe("emptyBlocks: keeps", () => {
  it.each([
    ["an image-only paragraph", `<p><img src="https://cdn.example/a.jpg" alt=""></p>`],
    [
      "a figure with a picture",
      `<figure><picture><source srcset="https://cdn.example/a.webp"><img src="https://cdn.example/a.jpg"></picture></figure>`,
    ],
    ["a video wrapper", `<div class="player"><video src="https://cdn.example/v.mp4"></video></div>`],
    ["an iframe wrapper", `<div><iframe src="https://www.youtube.com/embed/x"></iframe></div>`],
    ["a table with empty cells", "<table><tr><td></td><td>1</td></tr><tr><td></td><td></td></tr></table>"],
    ["a line break paragraph", "<p><br></p>"],
    ["a horizontal rule", "<hr>"],
    ["an inline SVG chart", `<div><svg viewBox="0 0 10 10"><rect width="5" height="5"></rect></svg></div>`],
    ["a code block of spaces", "<pre><code>    </code></pre>"],
    ["a paragraph that says 0", "<p>0</p>"],
    ["a linked image", `<a href="https://cdn.example/big.jpg"><img src="https://cdn.example/small.jpg"></a>`],
  ])("%s", (_name, html) => {
    const { root, ctx } = setup(html);
    const before = root.innerHTML;
    emptyBlocks.run(root, ctx);
    expect(root.innerHTML).toBe(before);
    expect(ctx.removed).toEqual([]);
  });

  it("never removes the root itself", () => {
    const { root, ctx } = setup("");
    emptyBlocks.run(root, ctx);
    expect(root.isConnected).toBe(true);
  });
});

describe("headings with nothing under them", () => {
  const P =
    "<p>The harbour board met on Thursday to decide how the old ferry pier should be repaired, and by whom.</p>";
  // (shadows the file's short paragraph: these cases need a story's sentence)
  const run = (html: string) => {
    const setup = passSetup(html);
    emptyHeadings.run(setup.root, setup.ctx);
    return setup;
  };

  it("removes headings with nothing under them at the reading's end, inside wrappers too", () => {
    const { text, ctx } = run(`${P}<div><h3>More harbour stories</h3><div><h4>Share this</h4></div></div>`);
    expect(text()).not.toMatch(/More harbour|Share this/);
    expect(text()).toContain("ferry pier");
    expect(ctx.removed).toHaveLength(2);
  });

  it.each([
    ["a heading with its paragraph", `<h3>What happens next</h3>${P}`],
    [
      "a subheading that says something (a paywalled section's lead)",
      "<h3>The board has not decided yet. It meets again in May.</h3>",
    ],
    [
      "a heading over a picture",
      `<h3>The pier at dusk</h3><p><img src="https://news.example/pier.jpg" alt="The pier"></p>`,
    ],
  ])("keeps %s", (_, end) => {
    const { text } = run(`${P}${end}`);
    expect(text()).toMatch(/What happens next|The pier at dusk|has not decided/);
  });

  it("removes a label-like heading whose next words are a heading of its rank or higher", () => {
    const { text, ctx } = run(`${P}<h3>Related stories</h3><div></div><h2>What the board decided</h2>${P}`);
    expect(text()).not.toContain("Related stories");
    expect(text()).toContain("What the board decided");
    expect(ctx.removed.map((r) => r.reason)).toEqual([
      "a heading with nothing under it, before the next heading",
    ]);
  });

  it("keeps a heading over its subsections", () => {
    const { text } = run(`${P}<h2>The pier</h2><h3>Its history</h3>${P}`);
    expect(text()).toContain("The pier");
  });

  it("keeps a reading's only words", () => {
    const { text } = run("<h2>Harbour board meets</h2>");
    expect(text()).toContain("Harbour board meets");
  });
});
