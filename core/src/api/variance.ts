import type { Decimal } from "decimal.js";
import type { Amount } from "../amount.js";
import { decimalCalculator } from "../calculator/decimal.js";
import { nativeCalculator, pair, scalePair } from "../calculator/native.js";
import type { Calculator } from "../calculator/types.js";
import { runBinary } from "./dispatch.js";

/** The formula on any calculator: `revisedBudget − actual` (positive = mindreforbruk). */
export function varianceWith<T>(calc: Calculator<T>) {
  return function varianceFn(revisedBudget: T, actual: T): T {
    return calc.subtract(revisedBudget, actual);
  };
}

const nativeVariance = varianceWith(nativeCalculator);
const decimalVariance = varianceWith<Decimal>(decimalCalculator);
const NAMES = ["revisedBudget", "actual"] as const;

/**
 * Avvik: `revisedBudget − actual`, exact (variance(0.3, 0.1) === 0.2). Positive is an underspend
 * (mindreforbruk), negative an overspend (merforbruk). `null` in either argument (a blank cell)
 * gives `null`.
 */
export function variance(revisedBudget: number | Decimal, actual: number | Decimal): number;
export function variance(revisedBudget: Amount | null, actual: Amount | null): number | null;
export function variance(revisedBudget: Amount | null, actual: Amount | null): number | null {
  // Hot path inlined: integer thousands are the common case.
  if (scalePair(revisedBudget, actual)) {
    const r = nativeVariance(pair.a, pair.b);
    if (r === r) return nativeCalculator.toNumber(r, pair.scale);
  }
  return runBinary(nativeVariance, decimalVariance, true, revisedBudget, actual, NAMES);
}
