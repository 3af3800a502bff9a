import type { Decimal } from "decimal.js";
import { toExactDecimal, type Amount } from "../amount.js";
import { decimalCalculator } from "../calculator/decimal.js";
import { nativeCalculator, toCommonScale } from "../calculator/native.js";
import type { Calculator } from "../calculator/types.js";

/** The formula on any calculator: the sum of the values, starting from `zero`. */
export function sumWith<T>(calc: Calculator<T>) {
  return function sumFn(values: readonly T[]): T {
    let total = calc.integer(0);
    for (const v of values) total = calc.add(total, v);
    return total;
  };
}

const nativeSum = sumWith(nativeCalculator);
const decimalSum = sumWith<Decimal>(decimalCalculator);

/**
 * The exact sum. Blank cells (`null`, not-available strings) are skipped, as a column sum skips
 * blank cells; the sum of no values is 0.
 */
export function sum(values: readonly (Amount | null)[]): number {
  const present = values.filter((v) => v !== null);
  const native = toCommonScale(present);
  if (native) {
    const r = nativeSum(native.ints);
    if (r === r) return nativeCalculator.toNumber(r, native.scale);
  }
  const ds: Decimal[] = [];
  present.forEach((v, i) => {
    const d = toExactDecimal(v, `values[${i}]`);
    if (d !== null) ds.push(d);
  });
  return decimalCalculator.toNumber(decimalSum(ds), 0);
}
