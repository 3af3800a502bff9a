import type { Decimal } from "decimal.js";
import { toExactDecimal, type Amount } from "../amount.js";
import { assert } from "../assert.js";
import { decimalCalculator } from "../calculator/decimal.js";
import { nativeCalculator, POW10, toCommonScale } from "../calculator/native.js";
import type { Calculator } from "../calculator/types.js";
import { INVALID_GROWTH_MESSAGE } from "../messages.js";

/**
 * How to take out wage and price growth: `priceGrowth` is an amount in the same unit as the
 * accounts (3,9 mill.); `deflator` is a rate as a fraction (0.043 for 4,3 %) applied to last year.
 */
export type Growth = { priceGrowth: Amount; deflator?: null } | { deflator: Amount; priceGrowth?: null };

/** The formulas on any calculator. `unit` is 1 at the operands' scale (10^scale natively). */
export function realChangeWith<T>(calc: Calculator<T>) {
  return {
    byPriceGrowth(previousActual: T, actual: T, priceGrowth: T): T {
      return calc.subtract(calc.subtract(actual, previousActual), priceGrowth);
    },
    /** At twice the operands' scale: actual·unit − previousActual·(unit + deflator). */
    byDeflator(previousActual: T, actual: T, deflator: T, unit: T): T {
      return calc.subtract(calc.multiply(actual, unit), calc.multiply(previousActual, calc.add(unit, deflator)));
    },
  };
}

const native = realChangeWith(nativeCalculator);
const decimal = realChangeWith<Decimal>(decimalCalculator);

/**
 * Real change between two years, net of wage and price growth:
 * `(actual − previousActual) − priceGrowth`, or with a deflator rate d:
 * `actual − previousActual × (1 + d)`. Exact; the result is the double nearest the exact value.
 * `null` for either year gives `null`. `growth` must name exactly one of `priceGrowth` and
 * `deflator` (a `null` member counts as absent; the add-in passes null for an omitted argument).
 */
export function realChange(previousActual: Amount | null, actual: Amount | null, growth: Growth): number | null {
  assert(typeof growth === "object" && growth !== null, INVALID_GROWTH_MESSAGE, "growth");
  const g = growth as { priceGrowth?: Amount | null; deflator?: Amount | null };
  const hasPrice = g.priceGrowth !== undefined && g.priceGrowth !== null;
  const hasDeflator = g.deflator !== undefined && g.deflator !== null;
  assert(hasPrice !== hasDeflator, INVALID_GROWTH_MESSAGE, "growth");
  const third = (hasPrice ? g.priceGrowth : g.deflator) as Amount;

  const scaled = toCommonScale([previousActual, actual, third]);
  if (scaled && (hasPrice || 2 * scaled.scale <= 22)) {
    const [p, a, x] = scaled.ints as [number, number, number];
    const r = hasPrice ? native.byPriceGrowth(p, a, x) : native.byDeflator(p, a, x, POW10[scaled.scale] as number);
    if (r === r) return nativeCalculator.toNumber(r, hasPrice ? scaled.scale : 2 * scaled.scale);
  }
  const dp = toExactDecimal(previousActual, "previousActual");
  const da = toExactDecimal(actual, "actual");
  const dx = toExactDecimal(third, hasPrice ? "priceGrowth" : "deflator");
  assert(dx !== null, INVALID_GROWTH_MESSAGE, "growth");
  if (dp === null || da === null) return null;
  const r = hasPrice ? decimal.byPriceGrowth(dp, da, dx) : decimal.byDeflator(dp, da, dx, decimalCalculator.integer(1));
  return decimalCalculator.toNumber(r, 0);
}
