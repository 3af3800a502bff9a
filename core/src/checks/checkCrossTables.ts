import { sum } from "../api/sum.js";
import { variance } from "../api/variance.js";
import type { BudgetRow, BudgetTable, Finding } from "../schema/report.js";
import { FO4, FO4_PARTS } from "../domain/serviceAreas.js";
import { isServiceAreaTable, tableIds } from "../domain/tables.js";
import { mainTotals, summaryAreaOf } from "../domain/totals.js";
import { budgetColumns } from "./columns.js";
import { fmt, fmtDiff } from "./format.js";
import { severityOf, tolerances } from "./tolerances.js";

/** Every service area's main Sum row over all FO tables. */
export function areaTotals(tables: readonly BudgetTable[]): Map<string, BudgetRow> {
  const totals = new Map<string, BudgetRow>();
  for (const t of tables) if (isServiceAreaTable(t.id)) for (const [area, row] of mainTotals(t.rows, t.id)) totals.set(area, row);
  return totals;
}

/**
 * Each FO table's main Sum row against the row of Tabell 0.1 B (id "0.1B") whose `area` is the
 * table's id, per column; and FO4A + FO4B + FO4C together against 0.1 B's FO4 row when all three
 * exist and no FO4 table does. |difference| ≤ 2 is `info` (rounding), else `error`. Code
 * CROSS_TABLE_MISMATCH, on the FO table's Sum row line (the 0.1 B line is in the message);
 * `stated` is the FO table's value, `computed` the 0.1 B value.
 */
export function checkCrossTables(tables: readonly BudgetTable[]): Finding[] {
  const summary = tables.find((t) => t.id === tableIds.net);
  if (!summary) return [];
  const totals = areaTotals(tables);
  const findings: Finding[] = [];
  for (const ref of summary.rows) {
    const area = summaryAreaOf(ref);
    if (area === null) continue;
    let parts: BudgetRow[];
    if (totals.has(area)) parts = [totals.get(area)!];
    else if (area === FO4 && FO4_PARTS.every((p) => totals.has(p))) parts = FO4_PARTS.map((p) => totals.get(p)!);
    else continue;
    const first = parts[0]!;
    const where = parts.length === 1 ? `Sum-raden i ${area} (linje ${first.line})` : `FO4A + FO4B + FO4C (linje ${parts.map((p) => p.line).join(", ")})`;
    for (const [column, name] of budgetColumns) {
      const refValue = ref[column];
      const values = parts.map((p) => p[column]);
      if (refValue == null || values.every((v) => v == null)) continue;
      const stated = sum(values);
      const difference = variance(stated, refValue);
      const severity = severityOf(difference, tolerances.crossTable);
      if (severity === null) continue;
      findings.push({
        severity,
        code: "CROSS_TABLE_MISMATCH",
        line: first.line,
        message:
          `${area}, ${name}: ${where} gir ${fmt(stated)}, men Tabell 0.1 B (linje ${ref.line}, «${ref.label}») har ${fmt(refValue)}` +
          ` (differanse ${fmtDiff(difference)}${severity === "info" ? ", avrunding" : ""})`,
        stated,
        computed: refValue,
        column,
        table: area,
        referenceLine: ref.line,
      });
    }
  }
  return findings;
}
