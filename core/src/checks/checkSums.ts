import type { BudgetTable, Finding } from "../schema/report.js";
import { budgetColumns } from "./columns.js";
import { sumFindings } from "./sumRows.js";

/**
 * Each Sum row of a budget table (a row with `sumOf`: the lines of its addends in the same table,
 * possibly other Sum rows) against the sum of its addends, in all five columns. Tolerance
 * ±⌈n/2⌉ for n addends: `info` within, `error` beyond. Code SUM_MISMATCH, on the Sum row's line,
 * with `stated`, `computed` and `column` set. Blank addend cells count as 0.
 */
export function checkSums(table: BudgetTable): Finding[] {
  return sumFindings(table.rows, budgetColumns).map((f) => ({ ...f, table: table.id }));
}
