import { describe, expect, it } from "vitest";
import { isGone, remove } from "../../../src/core/passes/context.ts";
import { REMOVAL_TEXT_MAX } from "../../../src/core/types.ts";
import { passSetup } from "./harness.ts";

describe("remove", () => {
  it("records the start of a long removed block, squashed and cut with an ellipsis", () => {
    const items = Array.from(
      { length: 200 },
      (_, i) => `<li>\n   <a href="/s/${i}">Story number ${i}</a>\n</li>`,
    ).join("");
    const { root, ctx } = passSetup(`<nav><ul>${items}</ul></nav><p>Body.</p>`);
    const nav = root.querySelector("nav")!;
    const full = nav.textContent!.replace(/\s+/g, " ").trim();
    expect(remove(ctx, nav, "promo", "navigation")).toBe(true);
    const text = ctx.removed[0]!.text;
    expect(text).toHaveLength(REMOVAL_TEXT_MAX);
    expect(text.endsWith("…")).toBe(true);
    expect(full.startsWith(text.slice(0, -1))).toBe(true);
    expect(root.querySelector("nav")).toBeNull();
    expect(isGone(ctx, nav)).toBe(true);
  });

  it("records a short block whole, even after much whitespace", () => {
    const { root, ctx } = passSetup(
      `<div class="ad">${" \n".repeat(400)}<span>ADVERTISEMENT</span>${" ".repeat(300)}<b>Ad</b></div>`,
    );
    remove(ctx, root.querySelector(".ad")!, "ad", "ad slot");
    expect(ctx.removed[0]!.text).toBe("ADVERTISEMENT Ad");
  });

  it("does not remove or record twice", () => {
    const { root, ctx } = passSetup(`<div id="a"><p id="b">x</p></div>`);
    const b = root.querySelector("#b")!;
    expect(remove(ctx, root.querySelector("#a")!, "promo", "box")).toBe(true);
    expect(remove(ctx, b, "promo", "inner")).toBe(false);
    expect(ctx.removed).toHaveLength(1);
  });
});
