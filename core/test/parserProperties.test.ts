import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Decimal } from "decimal.js";
import {
  AmountRangeError,
  InvalidArgumentError,
  MAX_DECIMALS,
  MAX_INTEGER_DIGITS,
  NumberParseError,
  formatNorwegian,
  indicatorDeviation,
  parseNorwegianNumber,
  parseTarget,
  readNorwegianNumber,
  realChange,
  round,
  sum,
  variance,
  variancePercent,
} from "@bydel/core";

// The parsers' promise, for any text: a typed error, null (not available), or a finite number that
// is exactly the decimal read (never NaN, ±Infinity, −0, and never 0 for a nonzero decimal).

const runs = { numRuns: 3000 };

/** Pieces a number cell is made of, so generated texts come near the accepted forms (and break them). */
const piece = fc.constantFrom(
  "0", "1", "7", "12", "234", "999", "000", "1234", "0".repeat(40), "9".repeat(20),
  ",", ".", " ", "\u00A0", "\u202F", "  ", "-", "\u2212", "\u2013", "+", "(", ")",
  "%", " %", "pp", " kr", "kr ", "mill.", " mill. kr", ",-", "*", "e5", "x", "minst ", "> ", "maks ", " dager", "prosent",
);
const numberLike = fc.array(piece, { maxLength: 14 }).map((xs) => xs.join(""));
const anyText = fc.oneof(numberLike, fc.string({ maxLength: 30 }), fc.string({ unit: "grapheme", maxLength: 20 }));

/** A decimal with up to `intDigits` digits before and `fracDigits` after the sign, as text. */
const decimalText = (intDigits: number, fracDigits: number) =>
  fc
    .tuple(
      fc.boolean(),
      fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: 1, maxLength: intDigits }),
      fc.string({ unit: fc.constantFrom(..."0123456789"), maxLength: fracDigits }),
    )
    .map(([neg, i, f]) => ({ neg, int: i, frac: f }));

function checkRead(text: string, context: "money" | "indicator"): void {
  let read: ReturnType<typeof readNorwegianNumber>;
  try {
    read = readNorwegianNumber(text, context);
  } catch (e) {
    expect(e).toBeInstanceOf(NumberParseError);
    expect((e as Error).message).toMatch(/er ikke et gyldig tall: \S/);
    return;
  }
  if (read.value === null) {
    expect(read.decimal).toBeNull();
    return;
  }
  expect(Number.isFinite(read.value)).toBe(true);
  expect(Object.is(read.value, -0)).toBe(false);
  const d = new Decimal(read.decimal!);
  expect(read.value).toBe(d.toNumber() === 0 ? 0 : d.toNumber());
  expect(d.isZero() === (read.value === 0)).toBe(true);
  expect(d.abs().lt(1e15)).toBe(true);
  expect(d.decimalPlaces()).toBeLessThanOrEqual(MAX_DECIMALS);
}

describe("parsers: typed error or a finite exact value", () => {
  it("readNorwegianNumber / parseNorwegianNumber on any text", () => {
    fc.assert(
      fc.property(anyText, fc.constantFrom("money", "indicator") as fc.Arbitrary<"money" | "indicator">, (text, context) => {
        checkRead(text, context);
        checkRead(" " + text, context);
      }),
      runs,
    );
  });
  it("a plain decimal is read exactly inside the range and refused outside it", () => {
    fc.assert(
      fc.property(decimalText(20, 40), fc.constantFrom(",", "."), ({ neg, int, frac }, sep) => {
        const text = (neg ? "-" : "") + int + (frac ? sep + frac : "");
        const digits = int.replace(/^0+/, "");
        const decimals = frac.replace(/0+$/, "");
        const ambiguous = sep === "." && frac.length === 3 && /^[1-9]\d{0,2}$/.test(int);
        let reason: string | null = null;
        try {
          parseNorwegianNumber(text);
        } catch (e) {
          reason = (e as NumberParseError).reason;
        }
        if (ambiguous) expect(reason).toBe("AMBIGUOUS_POINT");
        else if (digits.length > MAX_INTEGER_DIGITS) expect(reason).toBe("TOO_LARGE");
        else if (decimals.length > MAX_DECIMALS) expect(reason).toBe("TOO_MANY_DECIMALS");
        else {
          expect(reason).toBeNull();
          const want = new Decimal((neg ? "-" : "") + (digits || "0") + (decimals ? "." + decimals : "")).toNumber();
          expect(parseNorwegianNumber(text)).toBe(want === 0 ? 0 : want);
          if (ambiguous || sep === ".") expect(parseNorwegianNumber(text, { point: "decimal" })).toBe(want === 0 ? 0 : want);
        }
      }),
      runs,
    );
  });
  it("parseTarget on any text: null, a finite value, or a NumberParseError for a number core will not read", () => {
    fc.assert(
      fc.property(anyText, fc.boolean(), (text, yearsAllowed) => {
        let t: ReturnType<typeof parseTarget>;
        try {
          t = parseTarget(text, { yearsAllowed });
        } catch (e) {
          expect(e).toBeInstanceOf(NumberParseError);
          expect(["TOO_LARGE", "TOO_MANY_DECIMALS", "AMBIGUOUS_POINT"]).toContain((e as NumberParseError).reason);
          return;
        }
        if (t === null) return;
        expect(Number.isFinite(t.value)).toBe(true);
        expect(Math.abs(t.value)).toBeLessThan(1e15);
        if (t.unit === "year") expect(yearsAllowed).toBe(true);
      }),
      runs,
    );
  });
});

describe("API functions: typed error or a finite result, for any double or Decimal", () => {
  const anyNumber = fc.oneof(
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.constantFrom(1e15, -1e15, 1e15 - 1, 5e-324, 1e-30, 1e-31, 1e308, -1e308, 0.1, 100),
    fc.integer({ min: -(2 ** 53), max: 2 ** 53 }),
  );
  const anyAmount = fc.oneof(
    anyNumber,
    fc.constantFrom("1e400", "1e-400", "-1e20", "1e-20").map((x) => new Decimal(x)),
  );
  const typedOrFinite = (f: () => number | null) => {
    try {
      const r = f();
      if (r !== null) {
        expect(Number.isFinite(r)).toBe(true);
        expect(Object.is(r, -0)).toBe(false);
      }
      return r;
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidArgumentError);
      return undefined;
    }
  };
  it("variance, variancePercent, sum, round, realChange, indicatorDeviation, formatNorwegian", () => {
    fc.assert(
      fc.property(anyAmount, anyAmount, (a, b) => {
        const inRange = (x: number | Decimal) => {
          const d = new Decimal(x);
          return d.abs().lt(1e15) && d.decimalPlaces() <= MAX_DECIMALS;
        };
        const both = inRange(a) && inRange(b);
        const v = typedOrFinite(() => variance(a, b));
        const p = typedOrFinite(() => variancePercent(a, b));
        typedOrFinite(() => sum([a, b]));
        typedOrFinite(() => round(a, 2));
        typedOrFinite(() => realChange(a, b, { deflator: 0.043 }));
        typedOrFinite(() => indicatorDeviation(a, { operator: ">", value: typeof b === "number" ? b : b.toNumber() }).deviation);
        let text: string | undefined;
        try {
          text = formatNorwegian(a);
        } catch (e) {
          expect(e).toBeInstanceOf(AmountRangeError);
        }
        // Inside the range every function answers; outside it the answer is a range error.
        expect(v !== undefined && p !== undefined).toBe(both);
        expect(text !== undefined).toBe(inRange(a));
        if (both) {
          const exact = new Decimal(a).minus(new Decimal(b));
          expect(v === 0).toBe(exact.isZero());
          if (p !== null) expect(p === 0).toBe(exact.isZero());
        }
      }),
      runs,
    );
  });
});

describe("adversarial texts terminate with the right answer (linear parsers; timing is in bench/core.bench.mjs)", () => {
  const n = 200_000;
  const spaces = " ".repeat(n);
  it("parseTarget", () => {
    expect(parseTarget("1" + spaces + "x")).toBeNull();
    expect(parseTarget("> 1" + spaces + "%")).toEqual({ raw: "> 1" + spaces + "%", operator: ">", value: 1, unit: "percent" });
    expect(parseTarget("minst 3" + spaces + "dager")).toMatchObject({ operator: ">=", value: 3, unit: "days" });
    expect(parseTarget("maks" + spaces + "8 %")).toMatchObject({ operator: "<=", value: 8, unit: "percent" });
    expect(parseTarget("5," + spaces + "5")).toMatchObject({ value: 5.5, unit: "number" }); // a stray space after the comma
    expect(parseTarget("%".repeat(n))).toBeNull();
    expect(parseTarget("1 ".repeat(n))).toBeNull();
  });
  it("parseNorwegianNumber", () => {
    expect(parseNorwegianNumber("-" + spaces + "2 642")).toBe(-2642);
    expect(parseNorwegianNumber("1" + spaces + "%")).toBe(1);
    expect(parseNorwegianNumber("3,5 mill" + spaces + "kr")).toBe(3.5);
    for (const text of ["1" + spaces + "x", "1" + spaces + "%x", "mill" + spaces, "1" + " 1".repeat(n), "(".repeat(n) + "1", "1.".repeat(n), "9".repeat(n)]) {
      expect(() => parseNorwegianNumber(text)).toThrow(NumberParseError);
    }
    expect(parseNorwegianNumber(" ".repeat(n))).toBeNull();
    // a run of zeros before a last digit (was quadratic in the trailing-zero trim)
    const zeros = "0".repeat(n);
    expect(() => parseNorwegianNumber("0," + zeros + "1")).toThrow(expect.objectContaining({ reason: "TOO_MANY_DECIMALS" }));
    expect(() => parseNorwegianNumber(" 1," + zeros + "1 %")).toThrow(expect.objectContaining({ reason: "TOO_MANY_DECIMALS" }));
    expect(parseNorwegianNumber("1," + zeros)).toBe(1);
    expect(parseNorwegianNumber("-" + zeros + "7,5")).toBe(-7.5);
    expect(() => parseTarget("> 0," + zeros + "1 %")).toThrow(expect.objectContaining({ reason: "TOO_MANY_DECIMALS" }));
  });
});
