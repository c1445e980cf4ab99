/** Date normalisation: ISO 8601 out, the page's offset kept, garbage refused. */
import { describe, expect, it } from "vitest";
import { normalizeDate } from "../../../src/core/metadata/dates.ts";

describe("normalizeDate", () => {
  it.each([
    ["ISO with offset stays as written", "2021-08-24T23:01:00+05:30", "2021-08-24T23:01:00+05:30"],
    ["compact offset gets a colon", "2021-08-24T23:01:00+0530", "2021-08-24T23:01:00+05:30"],
    ["negative offset, space-separated", "2015-07-10 09:53:00 -0400", "2015-07-10T09:53:00-04:00"],
    ["Z kept", "2024-04-20T04:20:00.000Z", "2024-04-20T04:20:00.000Z"],
    ["+00:00 kept (not turned into Z)", "2015-10-15T08:00:26+00:00", "2015-10-15T08:00:26+00:00"],
    ["date only stays a date", "2021-08-24", "2021-08-24"],
    ["space instead of T, no zone: local time without offset", "2021-08-24 23:01:00", "2021-08-24T23:01:00"],
    ["minutes only", "2021-08-24T23:01Z", "2021-08-24T23:01:00Z"],
    ["fraction cut to milliseconds", "2023-12-20T20:09:56.0000000Z", "2023-12-20T20:09:56.000Z"],
    ["RFC 2822 with GMT", "Tue, 24 Aug 2021 17:31:00 GMT", "2021-08-24T17:31:00Z"],
    ["RFC 2822 with numeric zone", "Tue, 24 Aug 2021 17:31:00 +0100", "2021-08-24T17:31:00+01:00"],
    ["RFC 2822 with US zone", "Tue, 24 Aug 2021 13:31:00 EDT", "2021-08-24T13:31:00-04:00"],
    ["English month name", "August 24, 2021", "2021-08-24"],
    ["day month year", "24 August 2021", "2021-08-24"],
    ["month name with 12-hour time", "March 11, 2015 3:46 PM", "2015-03-11T15:46:00"],
    ["compact basic format", "20210824", "2021-08-24"],
  ])("%s", (_name, input, expected) => {
    expect(normalizeDate(input)).toBe(expected);
  });

  it("epoch seconds and milliseconds, as number or digits, are UTC", () => {
    expect(normalizeDate(1629826260)).toBe("2021-08-24T17:31:00Z");
    expect(normalizeDate("1629826260")).toBe("2021-08-24T17:31:00Z");
    expect(normalizeDate(1629826260000)).toBe("2021-08-24T17:31:00Z");
    expect(normalizeDate("1629826260123")).toBe("2021-08-24T17:31:00.123Z");
  });

  it.each([
    ["words", "yesterday"],
    ["empty", ""],
    ["impossible day", "2021-02-30"],
    ["impossible month", "2021-13-01"],
    ["impossible hour", "2021-08-24T25:00:00Z"],
    ["offset out of range", "2021-08-24T10:00:00+19:00"],
    ["a number that is not an epoch", "42"],
    ["a name", "Jane Doe"],
  ])("garbage is null: %s", (_name, input) => {
    expect(normalizeDate(input)).toBeNull();
  });

  it("non-strings and non-numbers are null", () => {
    expect(normalizeDate(null)).toBeNull();
    expect(normalizeDate(undefined)).toBeNull();
    expect(normalizeDate({ "@value": "2021-08-24" })).toBeNull();
    expect(normalizeDate(Number.NaN)).toBeNull();
  });
});
