import { sum } from "../api/sum.js";
import { variance } from "../api/variance.js";
import type { Finding } from "../schema/report.js";
import type { ColumnList } from "./columns.js";
import { fmt, fmtDiff } from "./format.js";
import { severityOf, tolerances } from "./tolerances.js";

type Row = { line: number; label: string; isTotal?: boolean; sumOf?: number[] | undefined } & Record<string, unknown>;

const valueOf = (row: Row, column: string): number | null => {
  const v = row[column];
  return typeof v === "number" ? v : null;
};

/**
 * Sum-row findings for one table: every row with `sumOf` against the sum of its addends, per
 * column. A total may sum other totals (cascading: "Sum netto utgift + sosialhjelp" = "Sum netto
 * utgifter, drift" + FO4). An addend total counts either as printed or as recomputed from its
 * own addends, and the sum row is accepted when either reading fits, so one misprinted subtotal
 * is reported once, on its own line, not again on every total above it.
 */
export function sumFindings(rows: readonly Row[], columns: ColumnList, code = "SUM_MISMATCH"): Finding[] {
  const byLine = new Map(rows.map((r) => [r.line, r]));
  const addendsOf = (row: Row): Row[] => (row.sumOf ?? []).map((l) => byLine.get(l)).filter((r): r is Row => r !== undefined && r !== row);

  // The value of a row recomputed from its leaves, and the number of leaves (for the tolerance).
  const recomputed = (row: Row, column: string, seen: Set<number>): { value: number | null; leaves: number } => {
    const addends = addendsOf(row);
    if (addends.length === 0 || seen.has(row.line)) return { value: valueOf(row, column), leaves: 1 };
    seen.add(row.line);
    const parts = addends.map((a) => recomputed(a, column, seen));
    seen.delete(row.line);
    const values = parts.map((p) => p.value);
    return {
      value: values.every((v) => v === null) ? null : sum(values),
      leaves: parts.reduce((n, p) => n + p.leaves, 0),
    };
  };

  const findings: Finding[] = [];
  for (const row of rows) {
    const addends = addendsOf(row);
    if (addends.length === 0) continue;
    for (const [column, name] of columns) {
      const stated = valueOf(row, column);
      if (stated === null) continue;
      const printed = addends.map((a) => valueOf(a, column));
      if (printed.every((v) => v === null)) continue;
      const asPrinted = sum(printed);
      const deep = recomputed(row, column, new Set());
      const readings = [
        { computed: asPrinted, tolerance: tolerances.sum(addends.length) },
        ...(deep.value !== null && deep.value !== asPrinted ? [{ computed: deep.value, tolerance: tolerances.sum(deep.leaves) }] : []),
      ].map((r) => ({ ...r, difference: variance(stated, r.computed) }));
      const best = readings.reduce((a, b) => (Math.abs(b.difference) < Math.abs(a.difference) ? b : a));
      const severity = severityOf(best.difference, best.tolerance);
      if (severity === null) continue;
      const what =
        severity === "info"
          ? `avrundingsdifferanse: ${name} er oppgitt til ${fmt(stated)}, radene gir ${fmt(best.computed)}`
          : `${name} er oppgitt til ${fmt(stated)}, men radene gir ${fmt(best.computed)} (differanse ${fmtDiff(best.difference)}, avrunding tillater ±${best.tolerance})`;
      findings.push({
        severity,
        code,
        line: row.line,
        message: `${row.label}: ${what}`,
        stated,
        computed: best.computed,
        column,
      });
    }
  }
  return findings;
}
