import type { BudgetRow, BudgetTable, Report, VarianceSplitRow } from "@bydel/core";

const normalize = (label: string) => label.toLowerCase().replace(/\s+/g, " ").trim();

/** The net table (Tabell 0.1 B), if the report has it with rows. */
export function netTable(report: Report): BudgetTable | undefined {
  return report.budgetTables.find((t) => t.id === "0.1B" && t.rows.length > 0);
}

/** The district's net total: "Sum netto utgift + sosialhjelp", else the table's last Sum row. */
export function mainTotalRow(table: BudgetTable): BudgetRow | undefined {
  const totals = table.rows.filter((r) => r.isTotal);
  return totals.find((r) => /sosialhjelp/i.test(r.label)) ?? totals[totals.length - 1];
}

/**
 * A key that identifies the same row of Tabell 0.1 B across districts: the service area (FO1, FO2A …)
 * or, for Sum rows, the normalized label.
 */
export function comparisonKey(row: BudgetRow): string {
  if (row.area) return row.area.toUpperCase();
  const m = /^(?:funksjonsområde|funk\.?\s*omr\.?)\s*(\d[a-c]?)\b/i.exec(row.label);
  if (m) return `FO${m[1]!.toUpperCase()}`;
  return normalize(row.label);
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

/**
 * The district's total of the result per unit with and without earmarked funds (split id "enhet"):
 * its last Sum row, when that row has an earmarked figure.
 */
export function unitSplitTotal(report: Report): VarianceSplitRow | undefined {
  const split = report.varianceSplits.find((s) => s.id === "enhet");
  const totals = split?.rows.filter((r) => r.isTotal) ?? [];
  const total = totals[totals.length - 1];
  return total && total.earmarkedVariance != null ? total : undefined;
}
