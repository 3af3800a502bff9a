import { Decimal } from "decimal.js";
import { AmountRangeError } from "../errors.js";
import { RESULT_OUT_OF_RANGE_MESSAGE } from "../messages.js";
import type { Calculator } from "./types.js";

/**
 * decimal.js configured for this package: 100 significant digits (sums and differences of
 * report numbers are exact; a quotient is carried far enough that its one final rounding to a
 * double lands on the double nearest the true quotient), and half away from zero, which is
 * Excel's ROUND and SSB's "kommersiell avrunding".
 */
export const ExactDecimal = Decimal.clone({
  precision: 100,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -1000,
  toExpPos: 1000,
});
export type ExactDecimal = Decimal;

export const decimalCalculator: Calculator<Decimal> = {
  name: "decimal",
  add: (a, b) => a.plus(b),
  subtract: (a, b) => a.minus(b),
  multiply: (a, b) => a.times(b),
  divide: (a, b) => a.div(b),
  compare: (a, b) => a.comparedTo(b) as -1 | 0 | 1,
  isZero: (a) => a.isZero(),
  integer: (n) => new ExactDecimal(n),
  toNumber: (a, scale) => {
    const d = scale === 0 ? a : a.div(new ExactDecimal(10).pow(scale));
    const r = d.toNumber();
    // Unreachable for inputs inside the range (range.ts); a guard, so no caller ever sees
    // Infinity or a nonzero result turned into 0.
    if (!Number.isFinite(r)) throw new AmountRangeError(RESULT_OUT_OF_RANGE_MESSAGE, undefined, "TOO_LARGE");
    if (r === 0 && !d.isZero()) throw new AmountRangeError(RESULT_OUT_OF_RANGE_MESSAGE, undefined, "TOO_MANY_DECIMALS");
    return r === 0 ? 0 : r;
  },
};
