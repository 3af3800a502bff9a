import type { Decimal } from "decimal.js";
import { requireExactDecimal, type Amount } from "../amount.js";
import { assert } from "../assert.js";
import { decimalCalculator } from "../calculator/decimal.js";
import { nativeCalculator, toCommonScale } from "../calculator/native.js";
import type { Calculator } from "../calculator/types.js";
import { INVALID_ADJUSTMENTS_MESSAGE, INVALID_ADJUSTMENT_KIND_MESSAGE } from "../messages.js";
import { adjustmentRules, type AdjustmentKind } from "../domain/adjustments.js";

export interface Adjustment {
  kind: AdjustmentKind;
  amount: Amount;
  label?: string | null;
}

export interface BridgeStep {
  kind: AdjustmentKind;
  label: string;
  /** The amount as given. */
  amount: number;
  /** The amount with the kind's sign rule applied: what is added to the running total. */
  signedAmount: number;
  /** The running total after this step. */
  total: number;
}

export interface Bridge {
  start: number;
  steps: BridgeStep[];
  result: number;
}

/** The formula on any calculator: each step's signed amount and running total. */
export function correctionBridgeWith<T>(calc: Calculator<T>) {
  const zero = calc.integer(0);
  return function correctionBridgeFn(start: T, amounts: readonly T[], signs: readonly (1 | -1)[]) {
    let total = start;
    const steps = amounts.map((amount, i) => {
      const signedAmount = signs[i] === -1 ? calc.subtract(zero, amount) : amount;
      total = calc.add(total, signedAmount);
      return { amount, signedAmount, total };
    });
    return { steps, result: total };
  };
}

const native = correctionBridgeWith(nativeCalculator);
const decimal = correctionBridgeWith<Decimal>(decimalCalculator);

/**
 * The bridge from a reported deviation to the "real" result: `start` and a chain of named
 * corrections, each signed by its kind (see `adjustmentRules`), with every intermediate total.
 * St. Hanshaugen 2023: −40,342 + 5,8 (priorYearOverspend) = −34,542 mill. The chain is data: the
 * same district may use different chains at different levels. Exact; no rounding.
 * `start` and every `amount` are required (null throws): a bridge with a hole is no bridge.
 */
export function correctionBridge(start: Amount, adjustments: readonly Adjustment[]): Bridge {
  assert(Array.isArray(adjustments), INVALID_ADJUSTMENTS_MESSAGE, "adjustments");
  const signs = adjustments.map((a: Adjustment, i): 1 | -1 => {
    assert(typeof a === "object" && a !== null, INVALID_ADJUSTMENTS_MESSAGE, `adjustments[${i}]`);
    const kind: string = a.kind;
    assert(Object.hasOwn(adjustmentRules, kind), INVALID_ADJUSTMENT_KIND_MESSAGE, `adjustments[${i}].kind`);
    return adjustmentRules[kind as AdjustmentKind].sign;
  });
  const labels = adjustments.map((a: Adjustment) => (typeof a.label === "string" && a.label.trim() !== "" ? a.label : adjustmentRules[a.kind].label));
  const kinds = adjustments.map((a) => a.kind);

  const scaled = toCommonScale([start, ...adjustments.map((a) => a.amount)]);
  if (scaled) {
    const [s, ...amounts] = scaled.ints as [number, ...number[]];
    const r = native(s, amounts, signs);
    if (r.result === r.result && r.steps.every((st) => st.total === st.total && st.signedAmount === st.signedAmount)) {
      const n = (x: number) => nativeCalculator.toNumber(x, scaled.scale);
      return {
        start: n(s),
        steps: r.steps.map((st, i) => ({ kind: kinds[i]!, label: labels[i]!, amount: n(st.amount), signedAmount: n(st.signedAmount), total: n(st.total) })),
        result: n(r.result),
      };
    }
  }
  const ds = requireExactDecimal(start, "start");
  const amounts = adjustments.map((a, i) => requireExactDecimal(a.amount, `adjustments[${i}].amount`));
  const r = decimal(ds, amounts, signs);
  const n = (x: Decimal) => decimalCalculator.toNumber(x, 0);
  return {
    start: n(ds),
    steps: r.steps.map((st, i) => ({ kind: kinds[i]!, label: labels[i]!, amount: n(st.amount), signedAmount: n(st.signedAmount), total: n(st.total) })),
    result: n(r.result),
  };
}
