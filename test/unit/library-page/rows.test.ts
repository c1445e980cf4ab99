// @vitest-environment jsdom
/** A library row: text only (hostile titles stay text), the reader link, a safe source link. */
import { describe, expect, it } from "vitest";
import type { ArticleSummary } from "../../../src/library/summary.ts";
import { addRowButtons, renderRow } from "../../../src/library-page/rows.ts";

function summary(fields: Partial<ArticleSummary> = {}): ArticleSummary {
  return {
    url: "https://news.example/story",
    title: "A headline",
    byline: "Ada",
    site: "The Example Times",
    publishedTime: "2024-03-14T21:40:00Z",
    excerpt: "The first words.",
    readingTimeMinutes: 6,
    wordCount: 1200,
    leadImageUrl: null,
    lang: "en",
    dir: "ltr",
    tags: [],
    state: "unread",
    favourite: false,
    linkOnly: false,
    savedAt: Date.UTC(2026, 10, 28, 12),
    updatedAt: Date.UTC(2026, 10, 28, 12),
    ...fields,
  };
}

/** A row as the reader sees it once the pointer or the focus came to it: with its buttons. */
function rowWithButtons(s: ArticleSummary, opts = options): HTMLLIElement {
  const row = renderRow(document, s, opts);
  addRowButtons(document, row, s);
  return row;
}

const options = {
  locale: "en-GB",
  selected: false,
  readerUrl: (url: string) => `reader.html?saved=${encodeURIComponent(url)}`,
};

describe("renderRow", () => {
  it("makes the buttons only when asked, once", () => {
    const s = summary();
    const row = renderRow(document, s, options);
    expect(row.querySelector(".lib-actions, button[data-action]")).toBeNull();
    addRowButtons(document, row, s);
    addRowButtons(document, row, s);
    expect(row.querySelectorAll(".lib-actions")).toHaveLength(1);
    expect(row.querySelectorAll("button[data-action]")).toHaveLength(7);
  });

  it("shows headline, site, date, reading time and excerpt, and links to the reader", () => {
    const row = rowWithButtons(summary());
    expect(row.dataset.url).toBe("https://news.example/story");
    expect(row.querySelector(".lib-site")?.textContent).toBe("The Example Times");
    const link = row.querySelector<HTMLAnchorElement>(".lib-open")!;
    expect(link.textContent).toBe("A headline");
    expect(link.getAttribute("href")).toBe("reader.html?saved=https%3A%2F%2Fnews.example%2Fstory");
    expect(row.querySelector(".lib-published")?.textContent).toBe("14 Mar 2024");
    expect(row.querySelector(".lib-published")?.getAttribute("datetime")).toBe("2024-03-14T21:40:00Z");
    expect(row.querySelector(".lib-reading")?.textContent).toBe("6 min read");
    expect(row.querySelector(".lib-saved")?.textContent).toBe("saved 28 Nov 2026");
    expect(row.querySelector(".lib-excerpt")?.textContent).toBe("The first words.");
    // The buttons end the excerpt's line (so the excerpt is cut before them, not covered).
    expect([...row.querySelector(".lib-last")!.children].map((c) => c.className)).toEqual([
      "lib-excerpt",
      "lib-actions",
    ]);
    expect(row.querySelector(".lib-original")?.getAttribute("href")).toBe("https://news.example/story");
    // The checkbox and the buttons are named by the headline.
    const check = row.querySelector<HTMLInputElement>(".lib-check")!;
    expect(check.checked).toBe(false);
    expect(check.getAttribute("aria-labelledby")).toBe(link.id);
    expect(
      [...row.querySelectorAll("button")].map((b) => [b.dataset.action, b.getAttribute("aria-describedby")]),
    ).toEqual([
      ["favourite", link.id],
      ["read", link.id],
      ["archive", link.id],
      ["tag", link.id],
      ["markdown", link.id],
      ["html", link.id],
      ["delete", link.id],
    ]);
    expect(
      renderRow(document, summary(), { ...options, selected: true }).querySelector<HTMLInputElement>(
        ".lib-check",
      )?.checked,
    ).toBe(true);
  });

  it("keeps page-derived text as text", () => {
    const hostile = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    const row = renderRow(document, summary({ title: hostile, site: hostile, excerpt: hostile }), options);
    expect(row.querySelector("img, script")).toBeNull();
    expect(row.querySelector(".lib-open")?.textContent).toBe(hostile);
    expect(row.querySelector(".lib-excerpt")?.textContent).toBe(hostile);
  });

  it("links to the source only over http(s), and keeps the article's language and direction", () => {
    const row = renderRow(document, summary({ url: "javascript:alert(1)", lang: "ar", dir: "rtl" }), options);
    expect(row.querySelector(".lib-original")).toBeNull();
    const title = row.querySelector<HTMLElement>(".lib-title")!;
    expect([title.lang, title.dir]).toEqual(["ar", "rtl"]);
    const plain = rowWithButtons(summary({ publishedTime: null, excerpt: "", site: "" }));
    expect(plain.querySelector(".lib-published, .lib-excerpt, .lib-site")).toBeNull();
    // No excerpt: the buttons end the meta line instead (the row stays two lines high).
    expect([...plain.querySelector(".lib-last")!.children].map((c) => c.className)).toEqual([
      "lib-meta",
      "lib-actions",
    ]);
  });

  it("shows a link to read as one: it opens the page, and has nothing to export", () => {
    const row = rowWithButtons(summary({ linkOnly: true, readingTimeMinutes: 0 }));
    expect(row.classList.contains("lib-link")).toBe(true);
    expect(row.querySelector(".lib-open")?.getAttribute("href")).toBe("https://news.example/story");
    expect(row.querySelector(".lib-badge")?.textContent).toBe("Link to read");
    expect(row.querySelector(".lib-reading, .lib-markdown, .lib-html")).toBeNull();
    expect(row.querySelector(".lib-fetch")?.textContent).toBe("Fetch");
  });

  it("shows tags (each a button that removes it), the state, the favourite and a thumbnail", () => {
    const row = rowWithButtons(
      summary({
        tags: ["city", "<b>x</b>"],
        state: "archived",
        favourite: true,
        leadImageUrl: "https://news.example/a.jpg",
      }),
    );
    const tags = [...row.querySelectorAll<HTMLButtonElement>(".lib-chip")];
    expect(tags.map((t) => [t.textContent, t.dataset.action, t.dataset.tag])).toEqual([
      ["city", "untag", "city"],
      ["<b>x</b>", "untag", "<b>x</b>"],
    ]);
    expect(row.querySelector("b")).toBeNull();
    expect(row.classList.contains("lib-state-archived")).toBe(true);
    expect(row.querySelector(".lib-archive")?.textContent).toBe("Unarchive");
    const star = row.querySelector(".lib-favourite")!;
    expect([star.getAttribute("aria-pressed"), star.getAttribute("aria-label")]).toEqual([
      "true",
      "Favourite",
    ]);
    // The address waits until the row comes near the window (thumbnails.ts picks the kept copy).
    const thumb = row.querySelector<HTMLImageElement>("img.lib-thumb")!;
    expect(thumb.dataset.src).toBe("https://news.example/a.jpg");
    expect(thumb.getAttribute("src")).toBeNull();
    const unsafe = renderRow(document, summary({ leadImageUrl: "javascript:alert(1)" }), options);
    expect(unsafe.querySelector("img")).toBeNull();
  });
});
