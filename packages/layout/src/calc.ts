import { adjustmentRules, correctionBridge, indicatorDeviation, ordinaryVariance, sum, variance, variancePercent, type AdjustmentKind, type ComparisonOperator } from "@bydel/core";

/**
 * What the layout's formulas must produce, from @bydel/core (the `expected` of formula cells).
 * A blank report cell is empty in the sheet, and a formula reads an empty cell as 0, so blanks
 * become 0 here where the formula does the same; "" where the formula shows nothing.
 */

/** revisedBudget − actual; "" when both are blank. */
export function expectedVariance(revisedBudget: number | null, actual: number | null): number | "" {
  if (revisedBudget === null && actual === null) return "";
  return variance(revisedBudget ?? 0, actual ?? 0);
}

/** variance / revisedBudget as a fraction (the cell is formatted 0.0%); "" when the budget is 0 or blank. */
export function expectedVariancePercent(revisedBudget: number | null, actual: number | null): number | "" {
  const percent = variancePercent(revisedBudget ?? 0, actual ?? 0);
  return percent === null ? "" : percent / 100;
}

/** SUM over cells: blanks are skipped. */
export function expectedSum(values: readonly (number | null)[]): number {
  return sum(values);
}

/** variance − earmarked (blank earmarked = 0). */
export function expectedOrdinary(varianceValue: number | null, earmarked: number | null): number {
  return ordinaryVariance(varianceValue ?? 0, earmarked ?? 0);
}

/** Running totals of the bridge, each step signed by its kind's rule; blank amounts count 0. */
export function expectedBridge(start: number | null, steps: readonly { kind: AdjustmentKind; amount: number | null }[]): number[] {
  return correctionBridge(start ?? 0, steps.map((s) => ({ kind: s.kind, amount: s.amount ?? 0 }))).steps.map((s) => s.total);
}

export function signOf(kind: AdjustmentKind): 1 | -1 {
  return adjustmentRules[kind].sign;
}

/** result − target and "Ja"/"Nei" for met; "" where core says the value is unknown. */
export function expectedIndicator(
  result: number | null,
  target: { operator: ComparisonOperator | null; value: number | null } | null,
  higherIsBetter: boolean | null,
): { deviation: number | ""; met: "Ja" | "Nei" | "" } {
  const d = indicatorDeviation(result, target && target.value !== null ? { operator: target.operator, value: target.value } : null, { higherIsBetter });
  return { deviation: d.deviation ?? "", met: d.met === null ? "" : d.met ? "Ja" : "Nei" };
}
