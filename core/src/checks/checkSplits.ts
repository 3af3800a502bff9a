import { sum } from "../api/sum.js";
import { variance } from "../api/variance.js";
import type { BudgetTable, Finding, VarianceSplit, VarianceSplitRow } from "../schema/report.js";
import { FO4, FO4_PARTS } from "../domain/serviceAreas.js";
import { tableIds } from "../domain/tables.js";
import { mainTotals, summaryAreaOf } from "../domain/totals.js";
import { areaTotals } from "./checkCrossTables.js";
import { checkRowVariance } from "./checkRowVariance.js";
import { splitColumns } from "./columns.js";
import { fmt, fmtDiff } from "./format.js";
import { sumFindings } from "./sumRows.js";
import { severityOf, tolerances } from "./tolerances.js";

type SplitValues = { variance: number | null; earmarkedVariance: number | null; ordinaryVariance: number | null; line: number };

function rowIdentity(row: VarianceSplitRow): Finding | null {
  const { variance: total, earmarkedVariance: earmarked, ordinaryVariance: ordinary } = row;
  if (total == null || earmarked == null || ordinary == null) return null;
  const computed = sum([earmarked, ordinary]);
  const difference = variance(total, computed);
  const severity = severityOf(difference, tolerances.split);
  if (severity === null) return null;
  return {
    severity,
    code: "SPLIT_MISMATCH",
    line: row.line,
    message:
      `${row.label}: avvik totalt er oppgitt til ${fmt(total)}, men øremerkede midler + ordinær drift gir ${fmt(computed)}` +
      ` (${fmt(earmarked)} + ${fmt(ordinary)}; differanse ${fmtDiff(difference)}${severity === "info" ? ", avrunding" : ""})`,
    stated: total,
    computed,
    column: "variance",
  };
}

/**
 * The earmarked split (fordeling av avvik på øremerkede midler og ordinær drift):
 * - per row, `variance = earmarkedVariance + ordinaryVariance` (±1 is `info`), code SPLIT_MISMATCH;
 * - per row that prints them (the per-unit table), `variance = revisedBudget − actual`, as
 *   {@link checkRowVariance} (code ROW_VARIANCE_MISMATCH; Sagene 2024 line 4069: −15 012 printed,
 *   92 387 − 107 398 = −15 011);
 * - Sum rows (`sumOf`) against their addends, as {@link checkSums} (code SUM_MISMATCH);
 * - the district summary split (id "0.1B"): its row for area X against the main Sum row of split
 *   X, all three columns, ±2 `info` else `error`, code SPLIT_MISMATCH on the summary row's line.
 *   For FO4 without an FO4 split, FO4A + FO4B + FO4C are combined; a part with no split of its
 *   own counts, when `tables` are given, with its budget table's variance as all ordinary drift
 *   (no earmarked money). This finds Vestre Aker line 330: 10 436 / −16 915 in the summary
 *   against 10 413 / −16 892 in the FO4 tables;
 * - with `tables`: each split's total variance against the budget table it splits (summary rows
 *   against Tabell 0.1 B's rows, FO splits against the FO table's Sum row), code SPLIT_MISMATCH.
 */
export function checkSplits(splits: readonly VarianceSplit[], tables: readonly BudgetTable[] = []): Finding[] {
  const findings: Finding[] = [];
  for (const split of splits) {
    for (const row of split.rows) {
      const f = rowIdentity(row);
      if (f) findings.push({ ...f, table: split.id });
      // a split that prints its budget and accounts (the per-unit table) states avvik = budsjett − regnskap too
      const v = checkRowVariance(row);
      if (v) findings.push({ ...v, table: split.id });
    }
    findings.push(...sumFindings(split.rows, splitColumns).map((f) => ({ ...f, table: split.id })));
  }

  const splitTotals = new Map<string, VarianceSplitRow>();
  for (const s of splits) if (s.id !== tableIds.net) for (const [area, row] of mainTotals(s.rows, s.id)) splitTotals.set(area, row);
  const budgetTotals = areaTotals(tables);
  const fromSplitOrTable = (area: string): SplitValues | null => {
    const s = splitTotals.get(area);
    if (s) return s;
    const b = budgetTotals.get(area);
    return b && b.variance != null ? { variance: b.variance, earmarkedVariance: 0, ordinaryVariance: b.variance, line: b.line } : null;
  };

  const compare = (row: VarianceSplitRow, area: string, ref: SplitValues[], columns: typeof splitColumns | readonly (typeof splitColumns)[number][], against: string) => {
    for (const [column, name] of columns) {
      const stated = row[column];
      const values = ref.map((r) => r[column]);
      if (stated == null || values.some((v) => v == null)) continue;
      const computed = sum(values);
      const difference = variance(stated, computed);
      const severity = severityOf(difference, tolerances.splitCross);
      if (severity === null) continue;
      findings.push({
        severity,
        code: "SPLIT_MISMATCH",
        line: row.line,
        message:
          `${row.label} (${area}), ${name}: ${fmt(stated)} her, men ${against} gir ${fmt(computed)}` +
          ` (differanse ${fmtDiff(difference)}${severity === "info" ? ", avrunding" : ""})`,
        stated,
        computed,
        column,
        table: tableIds.net,
      });
    }
  };

  const summary = splits.find((s) => s.id === tableIds.net);
  const budgetSummary = tables.find((t) => t.id === tableIds.net);
  for (const row of summary?.rows ?? []) {
    const area = summaryAreaOf(row);
    if (area === null) continue;
    if (splitTotals.has(area)) {
      const ref = splitTotals.get(area)!;
      compare(row, area, [ref], splitColumns, `fordelingen for ${area} (linje ${ref.line})`);
    } else if (area === FO4 && FO4_PARTS.some((p) => splitTotals.has(p))) {
      const parts = FO4_PARTS.map(fromSplitOrTable);
      if (parts.every((p): p is SplitValues => p !== null))
        compare(row, area, parts, splitColumns, `FO4A + FO4B + FO4C (linje ${parts.map((p) => p.line).join(", ")})`);
    }
    const budgetRow = budgetSummary?.rows.find((r) => summaryAreaOf(r) === area);
    if (budgetRow && budgetRow.variance != null)
      compare(row, area, [{ ...budgetRow, earmarkedVariance: null, ordinaryVariance: null }], [splitColumns[0]], `Tabell 0.1 B (linje ${budgetRow.line})`);
  }

  for (const [area, row] of splitTotals) {
    const b = budgetTotals.get(area);
    if (b && b.variance != null)
      compare(row, area, [{ ...b, earmarkedVariance: null, ordinaryVariance: null }], [splitColumns[0]], `Sum-raden i ${area}-tabellen (linje ${b.line})`);
  }
  return findings;
}
