/** Page bytes to text, as a browser decides: BOM, HTTP charset, <meta charset>, UTF-8, windows-1252. */
import { describe, expect, it } from "vitest";
import { decodeHtml } from "../../src/core/decode.ts";

const latin1 = (s: string) => Uint8Array.from(Buffer.from(s, "latin1"));
const utf8 = (s: string) => Uint8Array.from(Buffer.from(s, "utf8"));

describe("decodeHtml", () => {
  it("honours a byte-order mark over everything else", () => {
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('<meta charset="windows-1252"><p>Straße</p>')]);
    expect(decodeHtml(bytes, "iso-8859-2").text).toContain("Straße");
  });
  it("reads a <meta charset> in the first bytes", () => {
    expect(decodeHtml(latin1('<meta charset="windows-1252"><p>Stra\u00dfe</p>')).text).toContain("Straße");
  });
  it("reads the http-equiv content-type form", () => {
    const html = '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"><p>caf\u00e9</p>';
    expect(decodeHtml(latin1(html)).text).toContain("café");
  });
  it("prefers the HTTP charset to the page's own declaration", () => {
    const html = '<meta charset="utf-8"><p>caf\u00e9</p>';
    const decoded = decodeHtml(latin1(html), "windows-1252");
    expect(decoded.text).toContain("café");
    expect(decoded.encoding).toBe("windows-1252");
  });
  it("takes undeclared valid UTF-8 as UTF-8, and anything else as windows-1252", () => {
    expect(decodeHtml(utf8("<p>Łódź 東京</p>")).text).toContain("Łódź 東京");
    const decoded = decodeHtml(latin1("<p>na\u00efve</p>"));
    expect(decoded.text).toContain("naïve");
    expect(decoded.encoding).toBe("windows-1252");
  });
  it("ignores a label it does not know", () => {
    expect(decodeHtml(utf8('<meta charset="x-unknown-9"><p>ok ü</p>')).text).toContain("ok ü");
  });
});
