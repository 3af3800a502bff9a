import { Decimal } from "decimal.js";
import { assert } from "./assert.js";
import { ExactDecimal } from "./calculator/decimal.js";
import { AmountRangeError } from "./errors.js";
import {
  AMOUNT_TOO_LARGE_MESSAGE,
  AMOUNT_TOO_MANY_DECIMALS_MESSAGE,
  INVALID_AMOUNT_MESSAGE,
  MISSING_AMOUNT_MESSAGE,
  NON_FINITE_AMOUNT_MESSAGE,
  NOT_AVAILABLE_AMOUNT_MESSAGE,
} from "./messages.js";
import { readNorwegianNumber, type NumberContext } from "./parse/readNorwegianNumber.js";
import { numberRangeViolation, rangeViolation } from "./range.js";

/**
 * An argument of every calculation: a JS number (read as its shortest decimal representation,
 * so 0.1 is exactly one tenth), a string in Norwegian or plain notation (`"1 234,5"`, `"-0.1"`,
 * `"87,4 %"`), or a decimal.js `Decimal` (any copy of the library). Its value must be inside the
 * range in `range.ts`: |x| < 10^15, at most 30 decimals.
 */
export type Amount = number | string | Decimal;

/**
 * The exact decimal of an argument; null for `null` and for a not-available string (`""`, `"*"`).
 * Throws {@link InvalidArgumentError} for undefined, NaN, Infinity and other types, and
 * {@link NumberParseError} for a string that is no number, and {@link AmountRangeError} (a
 * NumberParseError for a string) for a value outside the range.
 */
export function toExactDecimal(x: Amount | null, argument: string, context: NumberContext = "money"): Decimal | null {
  if (x === null) return null;
  assert(x !== undefined, MISSING_AMOUNT_MESSAGE, argument);
  if (typeof x === "number") {
    assert(Number.isFinite(x), NON_FINITE_AMOUNT_MESSAGE, argument);
    checkRange(numberRangeViolation(x), argument);
    return new ExactDecimal(x);
  }
  if (typeof x === "string") {
    const read = readNorwegianNumber(x, context);
    return read.decimal === null ? null : new ExactDecimal(read.decimal);
  }
  assert(Decimal.isDecimal(x), INVALID_AMOUNT_MESSAGE, argument);
  assert(x.isFinite(), NON_FINITE_AMOUNT_MESSAGE, argument);
  const d = new ExactDecimal(x.toString());
  checkRange(rangeViolation(d), argument);
  return d;
}

/** Throws {@link AmountRangeError} for a value outside the range. */
export function checkRange(violation: "TOO_LARGE" | "TOO_MANY_DECIMALS" | null, argument: string): void {
  if (violation === null) return;
  const message = violation === "TOO_LARGE" ? AMOUNT_TOO_LARGE_MESSAGE : AMOUNT_TOO_MANY_DECIMALS_MESSAGE;
  throw new AmountRangeError(message, argument, violation);
}

/** Throws for a number the core does not compute with (undefined, NaN, ±Infinity, outside the range). */
export function checkNumber(x: number, argument: string): void {
  assert(Number.isFinite(x), NON_FINITE_AMOUNT_MESSAGE, argument);
  checkRange(numberRangeViolation(x), argument);
}

/** {@link toExactDecimal} where a value is required: not-available throws too. */
export function requireExactDecimal(x: Amount, argument: string, context: NumberContext = "money"): Decimal {
  const d = toExactDecimal(x, argument, context);
  assert(d !== null, NOT_AVAILABLE_AMOUNT_MESSAGE, argument);
  return d;
}
