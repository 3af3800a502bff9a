import type { Decimal } from "decimal.js";
import type { Amount } from "../amount.js";
import { assert } from "../assert.js";
import { decimalCalculator } from "../calculator/decimal.js";
import { nativeCalculator } from "../calculator/native.js";
import type { Calculator } from "../calculator/types.js";
import { INVALID_TARGET_MESSAGE } from "../messages.js";
import { parseTarget, type ParsedTarget, type TargetUnit } from "../parse/parseTarget.js";
import type { ComparisonOperator } from "../schema/report.js";
import { higherIsBetterOf } from "../domain/indicatorDirection.js";
import { runBinary } from "./dispatch.js";

/** `pp` (prosentpoeng) for a percent target; otherwise the target's own unit. */
export type DeviationUnit = "pp" | Exclude<TargetUnit, "percent">;

export interface IndicatorDeviation {
  /** `result − target` exactly (pp for percentages); null when not computable. */
  deviation: number | null;
  unit: DeviationUnit | null;
  higherIsBetter: boolean | null;
  /** null when the direction or the deviation is unknown. */
  met: boolean | null;
}

export interface IndicatorDeviationOptions {
  /** The indicator's direction when the target has no operator (sick leave: false). */
  higherIsBetter?: boolean | null;
  /** A target given as text may name a year (`> 2022`, see `parseTarget`); then the deviation is null. */
  yearsAllowed?: boolean | null;
}

/** The target as {@link indicatorDeviation} accepts it: parsed, as printed, or a bare number. */
export type TargetInput =
  | { operator: ParsedTarget["operator"]; value: number | null; unit?: TargetUnit | null; raw?: string }
  | string
  | number;

/** The formula on any calculator: the deviation and whether it meets the target. */
export function indicatorDeviationWith<T>(calc: Calculator<T>) {
  return function indicatorDeviationFn(result: T, target: T): T {
    return calc.subtract(result, target);
  };
}

const native = indicatorDeviationWith(nativeCalculator);
const decimal = indicatorDeviationWith<Decimal>(decimalCalculator);
const NAMES = ["result", "target"] as const;

/**
 * Whether a deviation meets the target. With an operator, the operator decides: `>` needs
 * deviation > 0, `>=` deviation ≥ 0, `<` deviation < 0, `<=` deviation ≤ 0. A bare target
 * (`73 %`) with a known direction is met when it is reached: deviation ≥ 0 when higher is
 * better, ≤ 0 when lower is better.
 */
export function isMet(deviation: number, operator: ComparisonOperator | null, higherIsBetter: boolean): boolean {
  switch (operator) {
    case ">":
      return deviation > 0;
    case ">=":
      return deviation >= 0;
    case "<":
      return deviation < 0;
    case "<=":
      return deviation <= 0;
    default:
      return higherIsBetter ? deviation >= 0 : deviation <= 0;
  }
}

/**
 * An indicator's deviation from its target: `result − target`, exact (87,4 % against 90 % is
 * −2.6 pp), in pp for percent targets. The direction comes from the target's operator (`>`/`>=`
 * higher is better, `<`/`<=` lower), else from `higherIsBetter`, else it is unknown and `met`
 * is null. `result` null (or `*`, `-`) gives a null deviation; a target that is no target, or a
 * year reference (`> 2022` with `yearsAllowed`, or a parsed target with unit `"year"`, which
 * needs that year's result), gives a null deviation too.
 * `result` strings are read in indicator context (`"87,4 %"`).
 */
export function indicatorDeviation(
  result: Amount | null,
  target: TargetInput | null,
  options: IndicatorDeviationOptions | null = {},
): IndicatorDeviation {
  const parsed = typeof target === "string" ? parseTarget(target, { yearsAllowed: options?.yearsAllowed ?? null }) : typeof target === "number" ? { operator: null, value: target, unit: "number" as const } : target;
  assert(parsed === null || (typeof parsed === "object" && "value" in parsed), INVALID_TARGET_MESSAGE, "target");
  const operator = parsed?.operator ?? null;
  const higherIsBetter = operator !== null ? higherIsBetterOf(operator) : (options?.higherIsBetter ?? null);
  const unit: DeviationUnit | null = parsed === null ? null : parsed.unit === "percent" ? "pp" : (parsed.unit ?? "number");
  if (parsed === null || parsed.value === null || unit === "year") return { deviation: null, unit, higherIsBetter, met: null };
  const deviation = runBinary(native, decimal, true, result, parsed.value, NAMES, "indicator");
  const met = deviation === null || higherIsBetter === null ? null : isMet(deviation, operator, higherIsBetter);
  return { deviation, unit, higherIsBetter, met };
}
