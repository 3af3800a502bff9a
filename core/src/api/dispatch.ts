import type { Decimal } from "decimal.js";
import { toExactDecimal, type Amount } from "../amount.js";
import { decimalCalculator } from "../calculator/decimal.js";
import { nativeCalculator, pair, scalePair, scalePairMinimal } from "../calculator/native.js";
import type { NumberContext } from "../parse/readNorwegianNumber.js";

/**
 * Runs a two-operand formula exactly: on the native calculator when both operands are numbers at
 * a common scale and every step stays a safe integer, else on decimal.js. `scaled` says whether
 * the formula's result keeps the operands' scale (a difference) or is scale-free (a ratio).
 * Null (or a not-available string) in either operand gives null; both operands are validated first.
 */
export function runBinary(
  native: (a: number, b: number) => number | null,
  decimal: (a: Decimal, b: Decimal) => Decimal | null,
  scaled: boolean,
  a: Amount | null,
  b: Amount | null,
  names: readonly [string, string],
  context: NumberContext = "money",
): number | null {
  if (scalePair(a, b)) {
    let r = native(pair.a, pair.b);
    if (r === null) return null;
    if (r !== r && pair.scale > 0 && scalePairMinimal(a, b)) r = native(pair.a, pair.b);
    if (r === null) return null;
    if (r === r) return nativeCalculator.toNumber(r, scaled ? pair.scale : 0);
  }
  const da = toExactDecimal(a, names[0], context);
  const db = toExactDecimal(b, names[1], context);
  if (da === null || db === null) return null;
  const r = decimal(da, db);
  return r === null ? null : decimalCalculator.toNumber(r, 0);
}
