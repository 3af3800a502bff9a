import { Decimal } from "decimal.js";
import { assert } from "./assert.js";
import { ExactDecimal } from "./calculator/decimal.js";
import { INVALID_AMOUNT_MESSAGE, MISSING_AMOUNT_MESSAGE, NON_FINITE_AMOUNT_MESSAGE, NOT_AVAILABLE_AMOUNT_MESSAGE } from "./messages.js";
import { readNorwegianNumber, type NumberContext } from "./parse/readNorwegianNumber.js";

/**
 * An argument of every calculation: a JS number (read as its shortest decimal representation,
 * so 0.1 is exactly one tenth), a string in Norwegian or plain notation (`"1 234,5"`, `"-0.1"`,
 * `"87,4 %"`), or a decimal.js `Decimal` (any copy of the library).
 */
export type Amount = number | string | Decimal;

/**
 * The exact decimal of an argument; null for `null` and for a not-available string (`""`, `"*"`).
 * Throws {@link InvalidArgumentError} for undefined, NaN, Infinity and other types, and
 * {@link NumberParseError} for a string that is no number.
 */
export function toExactDecimal(x: Amount | null, argument: string, context: NumberContext = "money"): Decimal | null {
  if (x === null) return null;
  assert(x !== undefined, MISSING_AMOUNT_MESSAGE, argument);
  if (typeof x === "number") {
    assert(Number.isFinite(x), NON_FINITE_AMOUNT_MESSAGE, argument);
    return new ExactDecimal(x);
  }
  if (typeof x === "string") {
    const read = readNorwegianNumber(x, context);
    return read.decimal === null ? null : new ExactDecimal(read.decimal);
  }
  assert(Decimal.isDecimal(x), INVALID_AMOUNT_MESSAGE, argument);
  assert(x.isFinite(), NON_FINITE_AMOUNT_MESSAGE, argument);
  return new ExactDecimal(x.toString());
}

/** {@link toExactDecimal} where a value is required: not-available throws too. */
export function requireExactDecimal(x: Amount, argument: string, context: NumberContext = "money"): Decimal {
  const d = toExactDecimal(x, argument, context);
  assert(d !== null, NOT_AVAILABLE_AMOUNT_MESSAGE, argument);
  return d;
}
