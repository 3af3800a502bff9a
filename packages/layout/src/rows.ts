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

/** The district total of the earmarked split (the row matching the main total, else the last Sum row). */
export function earmarkedTotal(report: Report, mainTotal: BudgetRow | undefined): VarianceSplitRow | undefined {
  const split = report.varianceSplits.find((s) => s.id === "0.1B");
  if (!split) return undefined;
  const totals = split.rows.filter((r) => r.isTotal || /^sum\b/i.test(r.label));
  if (mainTotal) {
    const same = totals.find((r) => normalize(r.label) === normalize(mainTotal.label));
    if (same) return same;
  }
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
