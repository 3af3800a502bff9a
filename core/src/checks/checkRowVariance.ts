import { variance } from "../api/variance.js";
import type { BudgetRow, Finding } from "../schema/report.js";

/** What the check reads of a row: a budget table's, or a split's that prints its budget and accounts (the per-unit table). */
type VarianceRow = Pick<BudgetRow, "line" | "label" | "variance"> & { readonly revisedBudget?: number | null; readonly actual?: number | null };
import { fmt, fmtDiff } from "./format.js";
import { severityOf, tolerances } from "./tolerances.js";

/**
 * A row's printed variance against `revisedBudget − actual`. Null when they agree or a value is
 * missing; `info` for a difference of ±1 (rounding); `error` beyond. Code ROW_VARIANCE_MISMATCH.
 */
export function checkRowVariance(row: VarianceRow): Finding | null {
  if (row.variance == null || row.revisedBudget == null || row.actual == null) return null;
  const computed = variance(row.revisedBudget, row.actual);
  const difference = variance(row.variance, computed);
  const severity = severityOf(difference, tolerances.rowVariance);
  if (severity === null) return null;
  const what =
    severity === "info"
      ? `avrundingsdifferanse: avvik er oppgitt til ${fmt(row.variance)}, regulert budsjett − regnskap gir ${fmt(computed)}`
      : `avvik er oppgitt til ${fmt(row.variance)}, men regulert budsjett − regnskap gir ${fmt(computed)} (differanse ${fmtDiff(difference)})`;
  return {
    severity,
    code: "ROW_VARIANCE_MISMATCH",
    line: row.line,
    message: `${row.label}: ${what}`,
    stated: row.variance,
    computed,
    column: "variance",
  };
}
