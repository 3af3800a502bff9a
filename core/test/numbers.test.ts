import { describe, expect, it } from "vitest";
import { InvalidArgumentError, NumberParseError, formatNorwegian, parseNorwegianNumber, parseTarget, readNorwegianNumber } from "@bydel/core";

const NBSP = "\u00A0";
const MINUS = "\u2212";

describe("parseNorwegianNumber", () => {
  it.each([
    ["50 560", 50560],
    ["1 234 567", 1234567],
    [`1${NBSP}234`, 1234],
    ["1\u202F234", 1234],
    ["1\u2009234", 1234],
    [`${MINUS}1${NBSP}234${NBSP}567,5`, -1234567.5],
    ["-10410", -10410],
    ["\u20131 337", -1337],
    ["\u20121 337", -1337],
    ["\u20101 337", -1337],
    ["(1 337)", -1337],
    ["-   2 642", -2642],
    ["87,4", 87.4],
    ["2.58", 2.58],
    ["+106", 106],
    ["4,33 %", 4.33],
    ["73%", 73],
    ["-0,6pp", -0.6],
    ["1,0 pp", 1],
    ["-3,0 prosentpoeng", -3],
    ["26,550 mill.", 26.55],
    ["28,68 millioner", 28.68],
    ["12 kr", 12],
    ["kr 1 234,-", 1234],
    ["1 234,-", 1234],
    ["0,30", 0.3],
    ["-0", 0],
  ])("%j → %d", (text, want) => {
    const got = parseNorwegianNumber(text);
    expect(got).toBe(want);
    expect(Object.is(got, -0)).toBe(false);
  });

  it("placeholders: empty and * are not available; a lone dash is 0 in money, n/a in indicators", () => {
    for (const t of ["", "   ", "*", "**"]) expect(parseNorwegianNumber(t)).toBeNull();
    for (const t of ["-", "\u2013", MINUS]) {
      expect(parseNorwegianNumber(t, { context: "money" })).toBe(0);
      expect(parseNorwegianNumber(t, { context: "indicator" })).toBeNull();
    }
  });

  it.each([
    ["1 23", "BAD_GROUPING"],
    ["11  174", "BAD_GROUPING"],
    ["1,2,3", "BAD_DECIMAL"],
    ["1.234,5", "BAD_DECIMAL"],
    ["5,", "BAD_DECIMAL"],
    ["--5", "BAD_SIGN"],
    ["(-5)", "BAD_SIGN"],
    ["5 epler", "BAD_UNIT"],
    ["abc", "NOT_A_NUMBER"],
    ["ca. 11,8 %", "NOT_A_NUMBER"],
    ["%", "NOT_A_NUMBER"],
  ])("%j throws NumberParseError (%s) with the text and a Norwegian message", (text, reason) => {
    try {
      parseNorwegianNumber(text);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(NumberParseError);
      const err = e as NumberParseError;
      expect(err.reason).toBe(reason);
      expect(err.text).toBe(text);
      expect(err.message).toContain(`«${text}» er ikke et gyldig tall`);
    }
  });

  it("rejects non-strings and bad contexts with a typed error", () => {
    expect(() => parseNorwegianNumber(5 as unknown as string)).toThrow(InvalidArgumentError);
    expect(() => parseNorwegianNumber("5", { context: "penger" as "money" })).toThrow(InvalidArgumentError);
  });

  it("readNorwegianNumber keeps the exact decimal and the unit", () => {
    expect(readNorwegianNumber("12345678901234567,89 kr")).toEqual({ value: 12345678901234568, decimal: "12345678901234567.89", unit: "kr" });
    expect(readNorwegianNumber("-0,6pp")).toEqual({ value: -0.6, decimal: "-0.6", unit: "pp" });
    expect(readNorwegianNumber("3,5 mill. kr").unit).toBe("mill. kr");
  });
});

describe("formatNorwegian", () => {
  it.each([
    [-1234.5, 1, `${MINUS}1${NBSP}234,5`],
    [-1234567.5, 1, `${MINUS}1${NBSP}234${NBSP}567,5`],
    [1.005, 2, "1,01"],
    [2.675, 2, "2,68"],
    [-2.5, 0, `${MINUS}3`],
    [-0.04, 1, "0,0"],
    [-0.4, 0, "0"],
    [1234, 0, `1${NBSP}234`],
    [12, 2, "12,00"],
    [0, 3, "0,000"],
  ])("%d with %d decimals → %j", (x, decimals, want) => expect(formatNorwegian(x, { decimals })).toBe(want));

  it("without decimals prints every decimal the value has", () => {
    expect(formatNorwegian(87.4)).toBe("87,4");
    expect(formatNorwegian(-1654)).toBe(`${MINUS}1${NBSP}654`);
    expect(formatNorwegian("12345678901234567,891")).toBe(`12${NBSP}345${NBSP}678${NBSP}901${NBSP}234${NBSP}567,891`);
  });

  it("agrees with Intl.NumberFormat('nb-NO') where Intl is exact", () => {
    const intl = new Intl.NumberFormat("nb-NO", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    for (const x of [-1234567.5, 0.5, 999.9, 1000, -1e15, 123.45]) expect(formatNorwegian(x, { decimals: 1 })).toBe(intl.format(x));
    // Large enough that the double's own binary digits show in toFixed (a fast-check find).
    const two = new Intl.NumberFormat("nb-NO", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    expect(formatNorwegian(991378878929448.6, { decimals: 2 })).toBe(two.format(991378878929448.6));
  });

  it("null is blank; bad decimals and NaN throw", () => {
    expect(formatNorwegian(null)).toBe("");
    expect(() => formatNorwegian(1, { decimals: -1 })).toThrow(InvalidArgumentError);
    expect(() => formatNorwegian(Number.NaN)).toThrow(InvalidArgumentError);
  });
});

describe("parseTarget", () => {
  it.each([
    ["73 %", null, 73, "percent"],
    [">74", ">", 74, "number"],
    ["> 66 %", ">", 66, "percent"],
    ["≥ 90 %", ">=", 90, "percent"],
    [">= 90", ">=", 90, "number"],
    ["<5", "<", 5, "number"],
    ["≤ 5 %", "<=", 5, "percent"],
    ["maks 8 %", "<=", 8, "percent"],
    ["Maks. 8%", "<=", 8, "percent"],
    ["minst 95 %", ">=", 95, "percent"],
    ["min. 95 %", ">=", 95, "percent"],
    ["minimum 85 %", ">=", 85, "percent"],
    ["4,7", null, 4.7, "number"],
    ["> 2022", ">", 2022, "year"],
    ["> 67, 1 %", ">", 67.1, "percent"],
    ["10,00 %", null, 10, "percent"],
    ["3 dager", null, 3, "days"],
    ["0", null, 0, "number"],
    ["1 000", null, 1000, "number"],
  ])("%j → %s %d %s", (text, operator, value, unit) => {
    expect(parseTarget(text)).toEqual({ raw: text, operator, value, unit });
  });
  it.each(["", "-", "*", "ikke fastsatt", "3 uker / foreløpig svar innen 2 uker", "måltall for antall deltakere (value not given)", "90-95 %", "Økning"])(
    "%j is no target",
    (text) => expect(parseTarget(text)).toBeNull(),
  );
  it("null and non-strings are no target", () => {
    expect(parseTarget(null)).toBeNull();
    expect(parseTarget(undefined)).toBeNull();
  });
});
