/** Notices a site's software prints into a story: consent boxes, affiliate disclosures, channel invitations, date lines. */
import { describe, expect, it } from "vitest";
import { calendarGrids } from "../../../src/core/passes/calendar-grids.ts";
import { protectedContent } from "../../../src/core/passes/content-guard.ts";
import { isDateLine, noticeOf, notices } from "../../../src/core/passes/notices.ts";
import { passSetup } from "./harness.ts";

const P =
  "<p>The council said the repairs would take most of the summer and that the footpath would stay closed until the work was done.</p>";

describe("notices", () => {
  it.each([
    [
      "Mit dem Laden des Videos akzeptieren Sie die Datenschutzerklärung von YouTube. Klicken Sie hier, um den Inhalt anzuzeigen.",
      "a consent placeholder for embedded content",
    ],
    [
      "We respect your privacy: this post is not loaded from Instagram until you click to enable external content.",
      "a consent placeholder for embedded content",
    ],
    [
      "Bei den mit * markierten Links handelt es sich um Affiliate-Links. Kaufst du darüber, erhalten wir eine kleine Provision.",
      "an affiliate disclosure",
    ],
    ["Stand: 3.04.2023 / Bilder von der Amazon Product Advertising API", "an affiliate disclosure"],
    [
      "Dieser Beitrag enthält Links zu Händlern, von denen wir beim Kauf eine Provision erhalten.",
      "an affiliate disclosure",
    ],
    ["This page contains links to retailers; we may earn a commission.", "an affiliate disclosure"],
    [
      "Tenemos un canal de WhatsApp: únete desde este enlace.",
      "an invitation to the site's messaging channel",
    ],
    ["Join our Telegram channel for the day's headlines.", "an invitation to the site's messaging channel"],
    ["Aktualisiert: 11.04.2021, 09:15", "a date line"],
    ["Published on 3 March 2022 at 10:00", "a date line"],
  ])("%j is %s", (text, reason) => {
    expect(noticeOf(text)).toBe(reason);
  });

  it.each([
    // Prose about the same things is the story.
    "Facebook must ask for consent before it shows ads based on what people do on other sites, the court ruled on Tuesday.",
    "The shop earns a commission on each sale, the founder said, which pays for the reviews.",
    "The ministry published its figures on Monday.",
    "Updated guidance for schools: what changes in September",
    "Telegram said it had removed the channel after the reports.",
    "Users who join a Telegram channel can now hide their number, the company said.",
  ])("%j is not a notice", (text) => {
    expect(noticeOf(text)).toBeNull();
  });

  it("takes a date line only when the rest is a date", () => {
    expect(isDateLine("Veröffentlicht am 3. März 2021 um 10:00 Uhr")).toBe(true);
    expect(isDateLine("Veröffentlicht: Die neue Studie zum Klimawandel 2021")).toBe(false);
    expect(isDateLine("Updated: 2 dead, 14 injured after the crash on the A1")).toBe(false);
  });

  it("removes a notice standing alone and records why", () => {
    const { root, ctx, text } = passSetup(
      `${P}<p>Wir respektieren deine Privatsphäre: ohne dein Einverständnis wird keine Verbindung zu Twitter hergestellt. Hier kannst du deine Einstellungen ändern.</p>${P}`,
    );
    notices.run(root, ctx);
    expect(text()).not.toContain("Privatsphäre");
    expect(text()).toContain("The council said");
    expect(ctx.removed.map((r) => r.reason)).toEqual(["a consent placeholder for embedded content"]);
  });

  it("leaves a notice's words inside a sentence of the story", () => {
    const { root, ctx, text } = passSetup(
      `<p>The group's Telegram channel, which thousands followed last spring, was closed by the company on Friday.</p>`,
    );
    notices.run(root, ctx);
    expect(text()).toContain("Telegram channel, which thousands followed");
  });
});

const grid = (caption: string) => {
  const days = Array.from({ length: 31 }, (_, i) => i + 1);
  const rows: string[] = [];
  for (let i = 0; i < days.length; i += 7)
    rows.push(
      `<tr>${days
        .slice(i, i + 7)
        .map((d) => `<td><a href="/2008/12/${d}">${d}</a></td>`)
        .join("")}</tr>`,
    );
  return `<table><caption>${caption}</caption><thead><tr><th>M</th><th>T</th><th>W</th><th>T</th><th>F</th><th>S</th><th>S</th></tr></thead><tbody>${rows.join("")}</tbody><tfoot><tr><td colspan="3"><a href="/2008/11/">« Nov</a></td></tr></tfoot></table>`;
};

describe("calendar widgets", () => {
  it("removes a month's grid of day links", () => {
    const { root, ctx, text } = passSetup(`${P}${grid("December 2008")}`);
    calendarGrids.run(root, ctx);
    expect(text()).not.toContain("December 2008");
    expect(ctx.removed[0]?.reason).toMatch(/calendar widget/);
  });

  it("keeps a table of the article's data, and the guard still protects it", () => {
    const rows = Array.from(
      { length: 12 },
      (_, i) => `<tr><td>${i + 1}</td><td>District ${i + 1}</td><td>${(i * 37) % 100}</td></tr>`,
    ).join("");
    const { root, ctx, doc } = passSetup(`${P}<table id="t">${rows}</table>`);
    calendarGrids.run(root, ctx);
    const table = doc.getElementById("t")!;
    expect(table.isConnected).toBe(true);
    expect(protectedContent(table)).toBe("table");
  });

  it("the guard does not call a calendar grid a table of data", () => {
    const { root } = passSetup(grid("March 2021"));
    expect(protectedContent(root.querySelector("table")!)).toBeNull();
  });
});
