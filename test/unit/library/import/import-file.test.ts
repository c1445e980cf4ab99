/**
 * Importing files into a library (fake-indexeddb): links to read and articles read by the core,
 * the merge rules (a newer local copy is never overwritten, a page replaces a link), the report,
 * a bad file changing nothing, and the new fields through backups old and new.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BACKUP_FORMAT, makeBackup, parseBackup } from "../../../../src/library/export/backup.ts";
import { importFile } from "../../../../src/library/import/import-file.ts";
import { importBackup } from "../../../../src/library/merge.ts";
import { organise } from "../../../../src/library/organise.ts";
import type { LibraryStore } from "../../../../src/library/store.ts";
import { freshLibrary, makeArticle, makeRecord, ok, testClock } from "../helpers.ts";
import { FIXTURES, fixtureBytes, parseHtml, zipDir } from "./helpers.ts";

const NOW = Date.UTC(2026, 10, 29, 12);
const options = { parseHtml, now: NOW, pause: async () => {} };

async function importNamed(library: LibraryStore, name: string, bytes = fixtureBytes(name)) {
  return importFile(library, { name, bytes }, options);
}

describe("importing another app's export", () => {
  it("makes Pocket's items links to read, with tags, state and dates, and reports the skipped rows", async () => {
    const { library } = await freshLibrary();
    const { report } = ok(await importNamed(library, "pocket.csv"));
    expect(report).toMatchObject({ format: "pocket-csv", added: 4, updated: 0, kept: 0, unchanged: 0 });
    expect(report.skipped.map((s) => s.where)).toEqual(["line 5", "line 8"]);
    const buses = ok(await library.get("https://transit.example/2024/night-buses")).article!;
    expect(buses).toMatchObject({
      title: "How the city's night buses got their routes back",
      linkOnly: true,
      content: "",
      tags: ["transport", "city"],
      state: "unread",
      savedAt: 1717236000 * 1000,
    });
    const braises = ok(await library.get("https://food.example/braises?utm_source=pocket")).article!;
    expect(braises.state).toBe("archived");
    // The list knows a link from an article, and finds it by its tags.
    const { items } = ok(await library.list());
    expect(items.every((s) => s.linkOnly)).toBe(true);
    const entries = ok(await library.searchEntries()).entries;
    expect(entries.find((e) => e.url === buses.url)?.terms.split(" ")).toContain("transport");
  });

  it("reads Wallabag's content with the core: sanitized, with Markdown; its link-only entry stays a link", async () => {
    const { library } = await freshLibrary();
    const { report } = ok(await importNamed(library, "wallabag.json"));
    expect(report).toMatchObject({ format: "wallabag-json", added: 2, asLinks: [] });
    const octopus = ok(await library.get("https://science.example/octopus-dreams")).article!;
    expect(octopus).toMatchObject({
      linkOnly: false,
      favourite: true,
      tags: ["science", "oceans"],
      byline: "Chiara Esposito",
      publishedTime: "2024-05-30T06:00:00.000Z",
    });
    expect(octopus.textContent).toContain("In a basement laboratory in Naples");
    expect(octopus.markdown).toContain("In a basement laboratory in Naples");
    expect(octopus.wordCount).toBeGreaterThan(100);
    expect(octopus.content).not.toMatch(/<script|onerror|alert/i);
    const link = ok(await library.get("https://links.example/just-a-link")).article!;
    expect(link).toMatchObject({ linkOnly: true, state: "archived" });
  });

  it("reads Omnivore's content and its highlights, anchored in the article's text as the reader's own", async () => {
    const { library } = await freshLibrary();
    const bytes = zipDir(join(FIXTURES, "omnivore"));
    const result = ok(await importNamed(library, "omnivore.zip", bytes));
    const { report } = result;
    expect(report).toMatchObject({ format: "omnivore-zip", added: 2 });
    expect(report.skipped).toHaveLength(2);
    const harbour = ok(await library.get("https://history.example/harbour")).article!;
    expect(harbour).toMatchObject({ linkOnly: false, state: "archived", byline: "Mara Lindqvist" });
    expect(harbour.textContent).toContain("the boats of Skerholm");
    expect(harbour.content).not.toMatch(/onerror/);

    // Two of the three highlights are in the article's text: the second runs across two
    // paragraphs and carries its labels and note; the back link is not part of the words.
    const body = parseHtml(harbour.content).body.textContent ?? "";
    expect(result.annotations.map((a) => a.exact)).toEqual([
      "The land, still rising after the last ice age, lifted the harbour floor a few millimetres a year",
      "and to let the old one become a pond.The old quay is still there, with its iron rings",
    ]);
    for (const a of result.annotations) {
      expect(a).toMatchObject({ url: harbour.url, color: "yellow", created: harbour.updatedAt });
      expect(body.slice(a.start, a.end)).toBe(a.exact);
      expect(body.slice(a.start - a.prefix.length, a.start)).toBe(a.prefix);
    }
    expect(result.annotations[1]!.note).toBe("#history #quays\n\nWorth a visit in summer.");
    expect(report.highlightsLeft).toEqual([
      {
        where: "metadata_0_to_20.json, item 1, highlight 3",
        reason: "its words are not in the article's text",
      },
      {
        where: "metadata_0_to_20.json, item 2",
        reason: "its highlights need the article's text, which the file does not hold",
      },
    ]);
    // The same file again gives the same highlights (same ids), not copies.
    const again = ok(await importNamed(library, "omnivore.zip", bytes));
    expect(again.annotations.map((a) => a.id)).toEqual(result.annotations.map((a) => a.id));
  });

  it("imports bookmarks and both Instapaper files", async () => {
    const { library } = await freshLibrary();
    expect(ok(await importNamed(library, "bookmarks.html")).report).toMatchObject({ added: 4 });
    // The same addresses again, from Instapaper: the bookmarks were saved earlier, so the newer wins.
    const { report } = ok(await importNamed(library, "instapaper.csv"));
    expect(report.added + report.updated + report.kept + report.unchanged).toBe(4);
    const harbour = ok(await library.get("https://history.example/harbour")).article!;
    expect(harbour.linkOnly).toBe(true);
  });
});

describe("nothing lost", () => {
  it("never replaces an article saved with its page by a link, nor a newer copy by an older one", async () => {
    const clock = testClock(NOW);
    const { library } = await freshLibrary({ now: clock.now });
    ok(await library.save(makeArticle({ url: "https://transit.example/2024/night-buses", title: "Mine" })));
    const { report } = ok(await importNamed(library, "pocket.csv"));
    expect(report).toMatchObject({ added: 3, kept: 1 });
    const mine = ok(await library.get("https://transit.example/2024/night-buses")).article!;
    expect(mine).toMatchObject({ title: "Mine", linkOnly: false });
    // The same file again changes nothing.
    const again = ok(await importNamed(library, "pocket.csv")).report;
    expect(again).toMatchObject({ added: 0, updated: 0, kept: 1, unchanged: 3 });
  });

  it("an article with its page replaces a link to read, keeping the link's tags", async () => {
    const { library } = await freshLibrary();
    ok(await importNamed(library, "ril_export.html"));
    const { report } = ok(await importNamed(library, "wallabag.json"));
    expect(report).toMatchObject({ added: 1, updated: 1 });
    const octopus = ok(await library.get("https://science.example/octopus-dreams")).article!;
    expect(octopus.linkOnly).toBe(false);
    // The earlier of the two saved dates: Wallabag's, here.
    expect(octopus.savedAt).toBe(Date.parse("2024-06-02T10:00:00+02:00"));
  });

  it("a file that cannot be read changes nothing and says why", async () => {
    const { library } = await freshLibrary();
    ok(await importNamed(library, "pocket.csv"));
    const before = ok(await library.all()).articles;
    for (const [name, text] of [
      ["notes.csv", "a,b\n1,2\n"],
      ["broken.json", '{"format":"folio-library","version":1,"articles":[{"url":"javascript:x"}]}'],
      ["bad.csv", "title,url,time_added,tags,status\nx,javascript:alert(1),1,,unread\n"],
    ] as const) {
      const result = await importNamed(library, name, new TextEncoder().encode(text));
      expect(result.ok, name).toBe(false);
    }
    expect(ok(await library.all()).articles).toEqual(before);
  });

  it("saving an article again keeps its tags, state and favourite", async () => {
    const { library } = await freshLibrary();
    ok(await importNamed(library, "wallabag.json"));
    const saved = ok(await library.save(makeArticle({ url: "https://science.example/octopus-dreams" })));
    expect(saved.status).toBe("updated");
    expect(saved.article).toMatchObject({ tags: ["science", "oceans"], favourite: true, linkOnly: false });
  });
});

describe("backups and the new fields", () => {
  it("round-trips tags, state, favourite and links to read", async () => {
    const records = [
      makeRecord({ url: "https://b.example/1", tags: ["a", "b"], state: "read", favourite: true }),
      makeRecord({ url: "https://b.example/2", linkOnly: true, content: "", textContent: "", markdown: "" }),
    ];
    const parsed = parseBackup(makeBackup(records));
    expect(parsed.ok && parsed.backup.articles).toEqual(records);
  });

  it("imports a backup made before they existed, with their defaults", async () => {
    const {
      tags: _t,
      state: _s,
      favourite: _f,
      linkOnly: _l,
      ...old
    } = makeRecord({ url: "https://b.example/old" });
    const text = JSON.stringify({
      format: BACKUP_FORMAT,
      version: 1,
      exportedAt: "2025-01-01T00:00:00Z",
      articles: [old],
    });
    const { library } = await freshLibrary();
    expect(ok(await importBackup(library, text)).report.added).toBe(1);
    expect(ok(await library.get("https://b.example/old")).article).toMatchObject({
      tags: [],
      state: "unread",
      favourite: false,
      linkOnly: false,
    });
  });

  it("refuses a backup whose state is not one it knows", () => {
    const bad = { ...makeRecord({ url: "https://b.example/x" }), state: "deleted" };
    const parsed = parseBackup(JSON.stringify({ format: BACKUP_FORMAT, version: 1, articles: [bad] }));
    expect(parsed).toEqual({ ok: false, message: "Article 1: state must be one of unread, read, archived." });
  });
});

describe("backup, wipe, restore", () => {
  it("gives back every article, link, tag, state and favourite", async () => {
    const { library } = await freshLibrary();
    ok(await importNamed(library, "pocket.csv"));
    ok(await importNamed(library, "wallabag.json"));
    ok(await library.save(makeArticle({ url: "https://saved.example/one" })));
    ok(
      await organise(library, "https://saved.example/one", {
        tags: ["kept"],
        state: "read",
        favourite: true,
      }),
    );
    const before = ok(await library.all()).articles;
    expect(before.some((a) => a.linkOnly)).toBe(true);

    const backup = makeBackup(before);
    ok(await library.delete(before.map((a) => a.url)));
    expect(ok(await library.count()).count).toBe(0);
    const { report } = ok(await importBackup(library, backup));
    expect(report.added).toBe(before.length);
    expect(ok(await library.all()).articles).toEqual(before);
    expect(ok(await library.get("https://saved.example/one")).article).toMatchObject({
      tags: ["kept"],
      state: "read",
      favourite: true,
    });
  });
});
