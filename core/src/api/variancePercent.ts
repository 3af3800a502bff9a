import type { Decimal } from "decimal.js";
import type { Amount } from "../amount.js";
import { decimalCalculator } from "../calculator/decimal.js";
import { nativeCalculator } from "../calculator/native.js";
import type { Calculator } from "../calculator/types.js";
import { runBinary } from "./dispatch.js";

/** The formula on any calculator: `(revisedBudget − actual) × 100 / revisedBudget`; null for a zero budget. */
export function variancePercentWith<T>(calc: Calculator<T>) {
  const hundred = calc.integer(100);
  return function variancePercentFn(revisedBudget: T, actual: T): T | null {
    if (calc.isZero(revisedBudget)) return null;
    return calc.divide(calc.multiply(calc.subtract(revisedBudget, actual), hundred), revisedBudget);
  };
}

const nativePercent = variancePercentWith(nativeCalculator);
const decimalPercent = variancePercentWith<Decimal>(decimalCalculator);
const NAMES = ["revisedBudget", "actual"] as const;

/**
 * Avvik i prosent av regulert budsjett, as a percent number (3.23 for 3,23 %).
 *
 * Precision: the result is the double nearest the exact decimal quotient (one rounding, at the
 * end; no other rounding). Round for display with {@link round} or {@link formatNorwegian}.
 * `null` when the revised budget is 0 (the percent is undefined, never Infinity) and when either
 * argument is `null`. A negative budget gives the sign of the plain quotient.
 */
export function variancePercent(revisedBudget: Amount | null, actual: Amount | null): number | null {
  return runBinary(nativePercent, decimalPercent, false, revisedBudget, actual, NAMES);
}
