/**
 * Each importer on a sample file written for the test (no real user data): what it keeps,
 * what it skips and why, and that it goes by header and element names, never by position.
 */
import { join } from "node:path";
import { zipSync, strToU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { readImport, UNKNOWN_FORMAT } from "../../../../src/library/import/read-import.ts";
import { readOmnivoreZip } from "../../../../src/library/import/omnivore-zip.ts";
import { FIXTURES, fixture, fixtureBytes, parseHtml, parsed, zipDir } from "./helpers.ts";

const read = (name: string, bytes: Uint8Array = fixtureBytes(name)) => readImport({ name, bytes }, parseHtml);
const secs = (s: number) => s * 1000;

describe("Pocket CSV", () => {
  const result = parsed(read("pocket.csv"));

  it("reads title, url, time_added, tags and status by name (a cursor column is ignored)", () => {
    expect(result.format).toBe("pocket-csv");
    const [buses, braises] = result.items;
    expect(buses).toMatchObject({
      url: "https://transit.example/2024/night-buses",
      title: "How the city's night buses got their routes back",
      tags: ["transport", "city"],
      state: "unread",
      savedAt: secs(1717236000),
      where: "line 2",
    });
    expect(braises).toMatchObject({
      url: "https://food.example/braises?utm_source=pocket",
      title: "Cooking, slowly: a week of braises",
      tags: [],
      state: "archived",
    });
  });

  it("keeps a formula-looking title as text, squashes a multi-line title, de-duplicates tags", () => {
    expect(result.items[2]).toMatchObject({ title: "=cmd|' /C calc'!A0", tags: ['=HYPERLINK("x")'] });
    expect(result.items[3]).toMatchObject({
      title: 'A title with "quotes" and a line break',
      tags: ["longread", "essays"],
      where: "line 6",
    });
    expect(result.items).toHaveLength(4);
  });

  it("skips a javascript: address and a row without one, with the reason", () => {
    expect(result.skipped).toEqual([
      { where: "line 5", reason: "only http and https addresses are kept (this one is javascript:)" },
      { where: "line 8", reason: "no address" },
    ]);
  });

  it("reads columns in another order the same", () => {
    const other = parsed(read("pocket-reordered.csv"));
    expect(other.items).toEqual([
      expect.objectContaining({
        url: "https://reorder.example/a",
        title: "Columns in another order",
        tags: ["x", "y"],
        savedAt: secs(1717236000),
      }),
    ]);
  });
});

describe("Pocket HTML (ril_export.html)", () => {
  const result = parsed(read("ril_export.html"));

  it("reads the Unread and Read Archive sections with their tags and dates", () => {
    expect(result.format).toBe("pocket-html");
    expect(result.items.map((i) => [i.url, i.state, i.tags, i.savedAt])).toEqual([
      ["https://transit.example/2024/night-buses", "unread", ["transport", "city"], secs(1717236000)],
      ["https://science.example/octopus-dreams", "unread", [], secs(1717322400)],
      ["https://food.example/braises", "archived", ["cooking"], secs(1709290800)],
    ]);
    expect(result.items[0]!.title).toBe("How the city's night buses got their routes back");
    expect(result.skipped).toEqual([
      { where: "link 3", reason: "only http and https addresses are kept (this one is data:)" },
    ]);
  });
});

describe("Instapaper CSV", () => {
  it("reads the old four columns: Folder Unread, Archive, Starred or a folder name (a tag)", () => {
    const result = parsed(read("instapaper-old.csv"));
    expect(result.format).toBe("instapaper-csv");
    expect(result.items.map((i) => [i.state, i.favourite, i.tags, i.savedAt])).toEqual([
      ["unread", false, [], null],
      ["archived", false, [], null],
      ["unread", true, [], null],
      ["unread", false, ["Long reads"], null],
    ]);
    expect(result.items[1]!.excerpt).toBe("Braising is patience, mostly.");
    expect(result.skipped).toEqual([
      { where: "line 6", reason: "only http and https addresses are kept (this one is file:)" },
    ]);
  });

  it("reads the newer Timestamp and Tags (a JSON list; other text split on commas)", () => {
    const result = parsed(read("instapaper.csv"));
    expect(result.items.map((i) => [i.tags, i.savedAt])).toEqual([
      [["transport", "city"], secs(1717236000)],
      [[], secs(1709290800)],
      [["science"], secs(1717322400)],
      [["Long reads", "not json", "just words"], secs(1690000000)],
    ]);
  });
});

describe("Wallabag JSON", () => {
  const result = parsed(read("wallabag.json"));

  it("reads content, tags, archived, starred, dates and authors", () => {
    expect(result.format).toBe("wallabag-json");
    const [octopus, link] = result.items;
    expect(octopus).toMatchObject({
      url: "https://science.example/octopus-dreams",
      tags: ["science", "oceans"],
      state: "unread",
      favourite: true,
      savedAt: Date.parse("2024-06-02T10:00:00+02:00"),
      publishedTime: "2024-05-30T06:00:00.000Z",
      author: "Chiara Esposito",
      siteName: "science.example",
    });
    expect(octopus!.content).toContain("In a basement laboratory in Naples");
    expect(link).toMatchObject({ state: "archived", favourite: false, content: null, publishedTime: null });
    expect(result.skipped).toEqual([
      { where: "entry 3", reason: "only http and https addresses are kept (this one is javascript:)" },
    ]);
  });
});

describe("Netscape bookmarks", () => {
  const result = parsed(read("bookmarks.html"));

  it("makes folders tags (not the browser's own), ADD_DATE the date, and skips what is not a web page", () => {
    expect(result.format).toBe("bookmarks-html");
    expect(result.items.map((i) => [i.url, i.tags, i.savedAt])).toEqual([
      ["https://transit.example/2024/night-buses", [], secs(1717236000)],
      ["https://history.example/harbour", ["Reading"], secs(1690000000)],
      ["https://food.example/braises", ["Reading", "Food"], secs(1709290800)],
      ["https://science.example/octopus-dreams", [], secs(1717322400)],
    ]);
    expect(result.skipped.map((s) => s.reason)).toEqual([
      "only http and https addresses are kept (this one is javascript:)",
      "only http and https addresses are kept (this one is place:)",
    ]);
  });

  // Deeper than Chromium's parser nests (512); jsdom's parser takes seconds past 1,000.
  it("reads a file nested a thousand folders deep without overflowing", { timeout: 60_000 }, () => {
    const depth = 1000;
    const html = `<!DOCTYPE NETSCAPE-Bookmark-file-1><DL><p>${"<DT><H3>f</H3><DL><p>".repeat(depth)}<DT><A HREF="https://deep.example/" ADD_DATE="1690000000">Deep</A>${"</DL><p>".repeat(depth)}</DL>`;
    const deep = parsed(read("deep.html", new TextEncoder().encode(html)));
    expect(deep.items.map((i) => i.url)).toEqual(["https://deep.example/"]);
    expect(deep.items[0]!.tags).toEqual(["f"]);
  });
});

describe("Omnivore zip", () => {
  const zipped = zipDir(join(FIXTURES, "omnivore"));

  it("reads metadata, content by slug and highlights; deleted items and bad addresses are skipped", () => {
    const result = parsed(read("omnivore.zip", zipped));
    expect(result.format).toBe("omnivore-zip");
    const [harbour, link] = result.items;
    expect(harbour).toMatchObject({
      url: "https://history.example/harbour",
      title: "The harbour that moved",
      author: "Mara Lindqvist",
      tags: ["history", "Newsletter"],
      state: "archived",
      savedAt: Date.parse("2023-08-14T07:12:00.000Z"),
      publishedTime: "2023-08-10T00:00:00.000Z",
    });
    expect(harbour!.content).toContain("the boats of Skerholm");
    expect(harbour!.highlights).toContain("still rising after the last ice age");
    expect(link).toMatchObject({ url: "https://links.example/never-loaded", content: null, state: "unread" });
    expect(result.skipped.map((s) => s.reason)).toEqual([
      "deleted in Omnivore",
      "only http and https addresses are kept (this one is chrome:)",
    ]);
  });

  it("finds content under contents/ and inside a top folder too", () => {
    const files = {
      "export/metadata_0_to_20.json": strToU8(fixture("omnivore/metadata_0_to_20.json")),
      "export/contents/the-harbour-that-moved-18c1f2a3b4c.html": strToU8("<p>Moved content.</p>"),
    };
    const result = parsed(readOmnivoreZip(zipSync(files)));
    expect(result.items[0]!.content).toBe("<p>Moved content.</p>");
  });

  it("refuses a zip without metadata, and a damaged zip", () => {
    expect(readOmnivoreZip(zipSync({ "notes.txt": strToU8("hi") }))).toEqual({
      ok: false,
      message: "This is not an Omnivore export: the zip holds no metadata_*.json file.",
    });
    const broken = zipped.slice(0, 200);
    const result = readOmnivoreZip(broken);
    expect(result.ok).toBe(false);
  });
});

describe("telling the formats apart", () => {
  it("sends a Folio backup to the backup reader and refuses what it does not know", () => {
    const backup = read(
      "b.json",
      new TextEncoder().encode('{"format":"folio-library","version":1,"articles":[]}'),
    );
    expect(backup).toMatchObject({ ok: true, format: "folio-backup" });
    expect(read("x.csv", new TextEncoder().encode("a,b\n1,2\n"))).toEqual({
      ok: false,
      message: UNKNOWN_FORMAT,
    });
    expect(read("x.bin", new Uint8Array([0, 1, 2, 3]))).toEqual({ ok: false, message: UNKNOWN_FORMAT });
    const html = read("page.html", new TextEncoder().encode("<p>Just a page</p>"));
    expect(html.ok).toBe(false);
  });

  it("reads a large Pocket CSV quickly and skips its bad rows without stopping", () => {
    const rows: string[] = ["title,url,time_added,tags,status"];
    for (let i = 0; i < 30_000; i++) {
      rows.push(
        i % 1000 === 0
          ? `Bad ${i},javascript:void(${i}),1717236000,,unread`
          : `Story ${i},https://news.example/${i},1717236000,a|b,unread`,
      );
    }
    const started = performance.now();
    const result = parsed(read("big.csv", new TextEncoder().encode(rows.join("\n"))));
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(result.items).toHaveLength(29_970);
    expect(result.skipped).toHaveLength(30);
  });
});
