import { describe, expect, it } from "vitest";
import {
  AmountRangeError,
  InvalidArgumentError,
  NumberParseError,
  formatNorwegian,
  parseNorwegianNumber,
  parseTarget,
  readNorwegianNumber,
  round,
  variance,
  variancePercent,
} from "@bydel/core";
import { Decimal } from "decimal.js";

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
    ["1,234.5", "BAD_DECIMAL"],
    ["1.234,5", "AMBIGUOUS_POINT"],
    ["1.234", "AMBIGUOUS_POINT"],
    ["−1.234 kr", "AMBIGUOUS_POINT"],
    ["1.234.567", "AMBIGUOUS_POINT"],
    ["1" + "0".repeat(15), "TOO_LARGE"],
    ["0," + "0".repeat(30) + "1", "TOO_MANY_DECIMALS"],
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
    expect(readNorwegianNumber("123456789012345,67 kr")).toEqual({ value: 123456789012345.67, decimal: "123456789012345.67", unit: "kr" });
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
    expect(formatNorwegian("123456789012345,891")).toBe(`123${NBSP}456${NBSP}789${NBSP}012${NBSP}345,891`);
  });

  it("agrees with Intl.NumberFormat('nb-NO') where Intl is exact", () => {
    const intl = new Intl.NumberFormat("nb-NO", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    for (const x of [-1234567.5, 0.5, 999.9, 1000, -(1e15 - 1), 123.45]) expect(formatNorwegian(x, { decimals: 1 })).toBe(intl.format(x));
    // Large enough that the double's own binary digits show in toFixed (a fast-check find).
    const two = new Intl.NumberFormat("nb-NO", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    expect(formatNorwegian(991378878929448.6, { decimals: 2 })).toBe(two.format(991378878929448.6));
  });

  it("null is blank; bad decimals and NaN throw", () => {
    expect(formatNorwegian(null)).toBe("");
    expect(() => formatNorwegian(1, { decimals: -1 })).toThrow("Antall desimaler må være et heltall fra 0 til 20.");
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
    ["> 2022", ">", 2022, "number"],
    ["minst 2000", ">=", 2000, "number"],
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
  it("a four-digit value with an operator is a year only where the caller allows years", () => {
    const years = { yearsAllowed: true };
    expect(parseTarget("> 2022", years)).toEqual({ raw: "> 2022", operator: ">", value: 2022, unit: "year" });
    expect(parseTarget("minst 2000", years)?.unit).toBe("year");
    expect(parseTarget("2022", years)?.unit).toBe("number"); // no operator: a value
    expect(parseTarget("> 2101", years)?.unit).toBe("number"); // beyond the years a target names
    expect(parseTarget("> 2 022", years)?.unit).toBe("number"); // grouped: a count
  });
  it("a target whose number core will not read throws; the point convention can be stated", () => {
    for (const [text, reason] of [
      ["> 1.234", "AMBIGUOUS_POINT"],
      ["maks 1.234 %", "AMBIGUOUS_POINT"],
      ["minst 1" + "0".repeat(20), "TOO_LARGE"],
      ["> 0," + "0".repeat(40) + "1 %", "TOO_MANY_DECIMALS"],
    ] as const) {
      expect(() => parseTarget(text)).toThrow(NumberParseError);
      try {
        parseTarget(text);
      } catch (e) {
        expect((e as NumberParseError).reason).toBe(reason);
      }
    }
    expect(parseTarget("> 1.234", { point: "decimal" })?.value).toBe(1.234);
    expect(parseTarget("> 1.234", { point: "thousands" })?.value).toBe(1234);
  });
});

describe("the point rule", () => {
  it("a point before exactly three digits, or points between groups of three, is refused unless the convention is stated", () => {
    for (const text of ["1.234", "-1.234", "(1.234)", "123.456 kr", "1.234.567", "1.234,5", "+ 12.345 %"]) {
      try {
        parseNorwegianNumber(text);
        expect.unreachable(text);
      } catch (e) {
        expect(e).toBeInstanceOf(NumberParseError);
        expect((e as NumberParseError).reason).toBe("AMBIGUOUS_POINT");
        expect((e as Error).message).toMatch(/tusenskille/);
      }
    }
    expect((() => { try { parseNorwegianNumber("1.234"); } catch (e) { return (e as Error).message; } })()).toBe(
      "«1.234» er ikke et gyldig tall: punktum foran tre sifre kan være desimaltegn eller tusenskille; skriv 1,234 (desimalkomma) eller 1 234 (mellomrom som tusenskille)",
    );
  });
  it("is a decimal point where it cannot be a thousands separator", () => {
    expect(parseNorwegianNumber("2.58")).toBe(2.58);
    expect(parseNorwegianNumber("0.125")).toBe(0.125);
    expect(parseNorwegianNumber("1234.567")).toBe(1234.567);
    expect(parseNorwegianNumber("1.2345")).toBe(1.2345);
    expect(parseNorwegianNumber("1 234.567")).toBe(1234.567);
  });
  it("follows the stated convention", () => {
    expect(parseNorwegianNumber("1.234", { point: "decimal" })).toBe(1.234);
    expect(parseNorwegianNumber("−1.234 kr", { point: "decimal" })).toBe(-1.234);
    expect(parseNorwegianNumber("1.234", { point: "thousands" })).toBe(1234);
    expect(parseNorwegianNumber("1.234.567", { point: "thousands" })).toBe(1234567);
    expect(parseNorwegianNumber("-1.234,5 kr", { point: "thousands" })).toBe(-1234.5);
    expect(() => parseNorwegianNumber("1.234.567", { point: "decimal" })).toThrow(NumberParseError);
    expect(() => parseNorwegianNumber("1.5", { point: "thousands" })).toThrow(NumberParseError);
    expect(() => parseNorwegianNumber("1.234", { point: "comma" as never })).toThrow(InvalidArgumentError);
  });
});

describe("the range (|x| < 10^15, at most 30 decimals)", () => {
  it("numbers and Decimals outside it throw AmountRangeError at every entry; never Infinity, never a silent 0", () => {
    const outside = [1e15, -1e15, 1e308, 5e-324, 1e-31, new Decimal("1e400"), new Decimal("1e-400"), new Decimal("0." + "0".repeat(30) + "1")];
    for (const x of outside) {
      expect(() => variance(x, 1)).toThrow(AmountRangeError);
      expect(() => variance(1, x)).toThrow(AmountRangeError);
      expect(() => variancePercent(x, 1)).toThrow(AmountRangeError);
      expect(() => variancePercent(1, x)).toThrow(AmountRangeError);
      expect(() => round(x, 2)).toThrow(AmountRangeError);
      expect(() => formatNorwegian(x)).toThrow(AmountRangeError);
    }
    try {
      variancePercent(1, 1e308);
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidArgumentError); // a subclass: callers that handle argument errors handle it
      expect((e as AmountRangeError).limit).toBe("TOO_LARGE");
      expect((e as Error).message).toBe("Beløpet er for stort: tallverdien må være under 10^15 (høyst 15 sifre før desimaltegnet).");
    }
  });
  it("the edges are inside", () => {
    expect(variance(1e15 - 1, 0)).toBe(999999999999999);
    expect(variancePercent(1e-13, 1e15 - 1)).toBe(-9.99999999999999e29);
    expect(variancePercent(1e-30, 1)).toBe(new Decimal(1e-30).minus(1).times(100).div(1e-30).toNumber());
    expect(parseNorwegianNumber("999 999 999 999 999,25")).toBe(999999999999999.25);
    expect(parseNorwegianNumber("0," + "0".repeat(29) + "1")).toBe(1e-30);
    expect(parseNorwegianNumber("1," + "0".repeat(400))).toBe(1); // trailing zeros are no decimals
    for (const [text, reason] of [
      ["1" + "0".repeat(400), "TOO_LARGE"],
      ["0," + "0".repeat(400) + "1", "TOO_MANY_DECIMALS"],
    ]) {
      expect(() => parseNorwegianNumber(text!)).toThrow(expect.objectContaining({ name: "NumberParseError", reason }));
    }
  });
  it("a long text is quoted by its ends in the message", () => {
    try {
      parseNorwegianNumber("1" + "0".repeat(400));
    } catch (e) {
      expect((e as Error).message).toMatch(/^«1000.*…0+» \(401 tegn\) er ikke et gyldig tall: for stort/);
      expect((e as Error).message.length).toBeLessThan(200);
    }
  });
});
