import { serviceAreaOfRow, type BudgetRow, type BudgetTable, type Report, type VarianceSplitRow } from "@bydel/core";

const normalize = (label: string) => label.toLowerCase().replace(/\s+/g, " ").trim();

/**
 * A key that identifies the same row of Tabell 0.1 B across districts: the service area (FO1, FO2A …)
 * or, for Sum rows, the normalized label.
 */
export function comparisonKey(row: BudgetRow): string {
  if (row.area) return row.area.toUpperCase();
  return serviceAreaOfRow(row.label) ?? normalize(row.label);
}

/**
 * The rows of the report's earmarked split ("fordeling av avvik på øremerkede midler og ordinær
 * drift") that belong to a budget table's rows: same table id, then the same KOSTRA function or the
 * same label.
 */
export function splitRowsFor(report: Report, table: BudgetTable): Map<BudgetRow, VarianceSplitRow> {
  const out = new Map<BudgetRow, VarianceSplitRow>();
  const split = report.varianceSplits.find((s) => s.id === table.id);
  if (!split) return out;
  const unused = new Set(split.rows);
  for (const row of table.rows) {
    const match =
      (row.kostra ? [...unused].find((s) => s.kostra === row.kostra) : undefined) ??
      [...unused].find((s) => normalize(s.label) === normalize(row.label) && s.isTotal === row.isTotal);
    if (match) {
      out.set(row, match);
      unused.delete(match);
    }
  }
  return out;
}
