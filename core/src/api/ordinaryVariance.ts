import type { Decimal } from "decimal.js";
import type { Amount } from "../amount.js";
import { decimalCalculator } from "../calculator/decimal.js";
import { nativeCalculator } from "../calculator/native.js";
import type { Calculator } from "../calculator/types.js";
import { runBinary } from "./dispatch.js";

/** The formula on any calculator: `variance − earmarkedVariance`. */
export function ordinaryVarianceWith<T>(calc: Calculator<T>) {
  return function ordinaryVarianceFn(variance: T, earmarkedVariance: T): T {
    return calc.subtract(variance, earmarkedVariance);
  };
}

const nativeOrdinary = ordinaryVarianceWith(nativeCalculator);
const decimalOrdinary = ordinaryVarianceWith<Decimal>(decimalCalculator);
const NAMES = ["variance", "earmarkedVariance"] as const;

/**
 * Avvik i ordinær drift: `variance − earmarkedVariance`, where `earmarkedVariance` is the unspent
 * earmarked money (positive when unspent), which is carried to next year and so is no real
 * saving. Sagene: 28 682 − 10 373 = 18 309. `null` in either argument gives `null`.
 */
export function ordinaryVariance(variance: number | Decimal, earmarkedVariance: number | Decimal): number;
export function ordinaryVariance(variance: Amount | null, earmarkedVariance: Amount | null): number | null;
export function ordinaryVariance(variance: Amount | null, earmarkedVariance: Amount | null): number | null {
  return runBinary(nativeOrdinary, decimalOrdinary, true, variance, earmarkedVariance, NAMES);
}
