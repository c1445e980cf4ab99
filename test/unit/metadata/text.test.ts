/** Entities left in metadata strings: numeric, the common named ones and every Latin-1 name. */
import { describe, expect, it } from "vitest";
import { decodeEntities, decodedText } from "../../../src/core/metadata/text.ts";

describe("decodeEntities", () => {
  it("decodes Latin-1 names, as an editor escaping accents writes them", () => {
    expect(decodeEntities("Redacci&oacute;n Diario")).toBe("Redacción Diario");
    expect(decodeEntities("Stra&szlig;e &Uuml;berblick &Aring;se &yuml;")).toBe("Straße Überblick Åse ÿ");
    expect(decodeEntities("&frac12; &times; 2")).toBe("½ × 2");
  });
  it("decodes numbers and twice-escaped text, and leaves unknown names as written", () => {
    expect(decodeEntities("It&#8217;s &amp;#8217;")).toBe("It’s &#8217;");
    expect(decodeEntities("&notaname; &amp;")).toBe("&notaname; &");
  });
  it("gives null for nothing left", () => {
    expect(decodedText("&nbsp;")).toBeNull();
    expect(decodedText("Jos&eacute; Ortega")).toBe("José Ortega");
  });
});
