/** Button rows: a line of two or more of the site's machinery phrases, side by side. */
import { describe, expect, it } from "vitest";
import { buttonRows } from "../../../src/core/passes/button-rows.ts";
import { passSetup } from "./harness.ts";

const P =
  "<p>Den Teig in eine gefettete Form geben und im vorgeheizten Ofen etwa vierzig Minuten backen, bis ein Holzstäbchen sauber herauskommt.</p>";
const ICON = '<span class="icon"><svg viewBox="0 0 24 24"><path d="M0 0h24v24H0z"></path></svg></span>';

function run(html: string) {
  const setup = passSetup(html);
  buttonRows.run(setup.root, setup.ctx);
  return setup;
}

describe("button rows", () => {
  it.each([
    [
      "a recipe card's buttons with icons",
      `<p><a href="/print/1">${ICON} Rezept drucken</a> <span>${ICON} Bei Pinterest speichern</span></p>`,
    ],
    [
      "English buttons with a separator",
      `<div><a href="/print/1">Print Recipe</a> | <a href="#pin">Pin Recipe</a></div>`,
    ],
    ["a toolbar of share buttons", "<p><span>Teilen</span><span>Facebook</span><span>WhatsApp</span></p>"],
  ])("removes %s", (_, row) => {
    const { text, ctx } = run(`${P}${row}`);
    expect(text()).not.toMatch(/drucken|Print|Pinterest|Teilen|WhatsApp/);
    expect(text()).toContain("vorgeheizten Ofen");
    expect(ctx.removed.map((r) => r.reason)).toEqual(["a row of the site's buttons"]);
  });

  it.each([
    [
      "words of its own between the buttons",
      "<p><a href='/print'>Rezept drucken</a> oder gleich backen <a href='/pin'>Bei Pinterest speichern</a></p>",
    ],
    [
      "a piece that is not a button",
      "<p><a href='/print'>Rezept drucken</a> <strong>Lecker und einfach</strong></p>",
    ],
    ["one button in a sentence's line", "<p><a href='/print'>Rezept drucken</a></p>"],
  ])("keeps a line with %s", (_, line) => {
    const { text } = run(`${P}${line}`);
    expect(text()).toContain("Rezept drucken");
  });

  it("keeps a photo in a row of buttons", () => {
    const { text, root } = run(
      `${P}<p><a href="/print">Rezept drucken</a><a href="/pin">Bei Pinterest speichern</a><img src="https://example.com/kuchen.jpg" alt="Kuchen" width="800" height="600"></p>`,
    );
    expect(root.querySelector("img")).not.toBeNull();
    expect(text()).toContain("vorgeheizten Ofen");
  });
});
