import type { Decimal } from "decimal.js";

/**
 * The numbers the core computes with, in one place. Every entry checks them: the parsers (a text
 * outside the range is a `NumberParseError`), and every function taking an amount (a number or
 * Decimal outside it is an `AmountRangeError`). Inside the range every result is finite and a
 * nonzero exact result is never returned as 0: inputs are below 10^15 with at most 30 decimals,
 * so a quotient such as `variancePercent` lies between 10^−60 and 10^50, and the 100 digits of
 * decimal.js hold any sum, difference or product of two inputs exactly.
 *
 * Every double from 10^−13 up to 10^15 is inside (its shortest decimal has at most 30 decimals);
 * money in a district report is below 10^11 kroner.
 */

/** At most 15 digits before the decimal sign: |x| < 10^15. */
export const MAX_INTEGER_DIGITS = 15;
/** The largest magnitude, exclusive. */
export const MAX_AMOUNT = 1e15;
/** At most 30 decimals (trailing zeros do not count: "1,500" has one). */
export const MAX_DECIMALS = 30;

/** Which limit a decimal breaks, or null inside the range. */
export function rangeViolation(d: Decimal): "TOO_LARGE" | "TOO_MANY_DECIMALS" | null {
  if (!d.isFinite() || d.abs().gte(MAX_AMOUNT)) return "TOO_LARGE";
  return d.decimalPlaces() > MAX_DECIMALS ? "TOO_MANY_DECIMALS" : null;
}

/** Which limit a number's shortest decimal breaks (NaN, ±Infinity: TOO_LARGE), or null. */
export function numberRangeViolation(x: number): "TOO_LARGE" | "TOO_MANY_DECIMALS" | null {
  const a = Math.abs(x);
  if (!(a < MAX_AMOUNT)) return "TOO_LARGE";
  // Every double ≥ 10^−13 has at most 17 significant digits, so at most 30 decimals.
  if (a === 0 || a >= 1e-13) return null;
  const m = /e-(\d+)$/.exec(String(a));
  const mantissaDecimals = String(a).replace(/e.*$/, "").split(".")[1]?.length ?? 0;
  return m && Number(m[1]) + mantissaDecimals > MAX_DECIMALS ? "TOO_MANY_DECIMALS" : null;
}
