import { describe, expect, it } from "vitest";
import { cell, column, csvTable, parseCsv } from "../../../../src/library/import/csv.ts";

describe("the CSV reader (RFC 4180)", () => {
  it("reads quoted fields with commas, doubled quotes and line breaks, CRLF or LF", () => {
    const rows = parseCsv('a,b,c\r\n"x, y","say ""hi""","two\r\nlines"\nlast,,\n');
    expect([...rows]).toEqual([
      ["a", "b", "c"],
      ["x, y", 'say "hi"', "two\r\nlines"],
      ["last", "", ""],
    ]);
    expect(rows.lines).toEqual([1, 2, 4]);
  });

  it("drops a byte-order mark and blank lines; keeps a stray quote as text; an unclosed quote runs to the end", () => {
    expect([...parseCsv('\ufeffh\n\n\nab"c\n')]).toEqual([["h"], ['ab"c']]);
    expect([...parseCsv('a,"open\nrest')]).toEqual([["a", "open\nrest"]]);
    expect([...parseCsv("")]).toEqual([]);
  });

  it("keeps what looks like a formula as the text it is", () => {
    expect([...parseCsv("=cmd|' /C calc'!A0,+1,-2,@SUM(A1)\n")]).toEqual([
      ["=cmd|' /C calc'!A0", "+1", "-2", "@SUM(A1)"],
    ]);
  });

  it("finds columns by name in any case and order; absent columns and cells read as empty", () => {
    const table = csvTable(" URL ,Title\nhttps://a.example,A\nhttps://b.example\n")!;
    expect(column(table, "url")).toBe(0);
    expect(column(table, "TITLE")).toBe(1);
    expect(column(table, "tags")).toBe(-1);
    expect(cell(table.rows[1]!, 1)).toBe("");
    expect(cell(table.rows[0]!, -1)).toBe("");
    expect(csvTable("")).toBeNull();
  });

  it("reads a large file in linear time", () => {
    const line = '"A headline, with a comma",https://a.example/x,1717236000,tag1|tag2,unread\n';
    const text = `title,url,time_added,tags,status\n${line.repeat(100_000)}`;
    const started = performance.now();
    const table = csvTable(text)!;
    expect(table.rows).toHaveLength(100_000);
    expect(performance.now() - started).toBeLessThan(20_000);
  });
});
