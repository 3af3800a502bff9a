import { toExactDecimal, type Amount } from "../amount.js";
import { assert } from "../assert.js";
import { ExactDecimal } from "../calculator/decimal.js";
import { POW10, decimalScale, scaleTo } from "../calculator/native.js";
import { INVALID_ROUND_DECIMALS_MESSAGE } from "../messages.js";

/**
 * Rounds to `decimals` places (negative: to tens, hundreds …), half away from zero on the exact
 * decimal — Excel's ROUND: round(1.005, 2) = 1.01, round(-2.5) = -3, round(2.675, 2) = 2.68.
 * Returns the double nearest the rounded decimal, never −0. `null` (or a not-available string)
 * gives `null`; `decimals` null or omitted is 0.
 */
export function round(value: Amount | null, decimals: number | null = 0): number | null {
  decimals ??= 0; // the add-in passes null for an omitted argument
  assert(Number.isInteger(decimals) && Math.abs(decimals) <= 20, INVALID_ROUND_DECIMALS_MESSAGE, "decimals");
  if (typeof value === "number" && decimals >= 0) {
    const k = decimalScale(value);
    if (k >= 0 && k <= decimals) return value === 0 ? 0 : value;
    if (k > decimals) {
      // Exact integer division of the scaled value: m = t·p + rem.
      const m = scaleTo(value, k, k);
      const p = POW10[k - decimals] as number;
      const rem = m % p;
      let t = (m - rem) / p;
      if (2 * Math.abs(rem) >= p) t += m < 0 ? -1 : 1;
      const r = t / (POW10[decimals] as number);
      return r === 0 ? 0 : r;
    }
  }
  const d = toExactDecimal(value, "value");
  if (d === null) return null;
  const r =
    decimals >= 0
      ? d.toDecimalPlaces(decimals).toNumber()
      : d.div(new ExactDecimal(10).pow(-decimals)).toDecimalPlaces(0).times(new ExactDecimal(10).pow(-decimals)).toNumber();
  return r === 0 ? 0 : r;
}
