/** The site's legal footer ("Impressum | Datenschutz | ©..."), printed inside the story's container. */
import { describe, expect, it } from "vitest";
import { isLegalFooterLine, promoLines } from "../../../src/core/passes/promo-lines.ts";
import { passSetup } from "./harness.ts";

const P =
  "<p>The council said the repairs would take most of the summer and that the footpath would stay closed until the work was done.</p>";

describe("the site's legal footer", () => {
  it.each([
    "IMPRESSUM | DATENSCHUTZ | COPYRIGHT JANE ROE",
    "Privacy · Terms · Contact",
    "© 2024 Example GmbH | Impressum",
  ])("%j is a footer", (line) => {
    expect(isLegalFooterLine(line)).toBe(true);
  });

  it.each([
    "Contact the council | Opening hours",
    "Copyright law changed in 2019 and the council must now ask first.",
  ])("%j is not", (line) => {
    expect(isLegalFooterLine(line)).toBe(false);
  });

  it("a copyright line with its year is removed; a credit in a figure and a sentence are kept", () => {
    const { root, ctx, text } = passSetup(
      `${P}<figure><img src="https://news.example/p.jpg" alt=""><figcaption><span>© 2023 Jane Roe</span></figcaption></figure><p>Copyright 2021 was a hard year for the archive, its keeper said.</p><div>© 2009–2024 Example Media Group. All rights reserved.</div>`,
    );
    promoLines.run(root, ctx);
    expect(text()).not.toContain("Example Media Group");
    expect(text()).toContain("© 2023 Jane Roe");
    expect(text()).toContain("hard year");
  });

  it("is removed as a line", () => {
    const { root, ctx, text } = passSetup(`${P}<p>Impressum | Datenschutz | © 2024 Example GmbH</p>`);
    promoLines.run(root, ctx);
    expect(text()).not.toContain("Impressum");
  });
});
