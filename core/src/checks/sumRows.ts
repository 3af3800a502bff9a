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
 * A row whose values the import withheld (more than one reading survived: every value null, marked
 * for review) is unknown, not blank. A blank cell counts as 0.
 */
const isWithheld = (row: Row, columns: ColumnList): boolean => row.needsReview === true && columns.every(([c]) => valueOf(row, c) === null);

/** More combinations of withheld rows' readings than this, and the sum is not checked. */
const MAX_COMBINATIONS = 4096;

/**
 * The sums a column can have over its addends: one when every addend is known; one per
 * combination of the withheld addends' readings (`candidates`); none (unknown) when a withheld
 * addend lists no readings or the combinations are too many.
 */
function possibleSums(addends: readonly Row[], column: string, index: number, columns: ColumnList): number[] {
  let sums = [sum(addends.filter((a) => !isWithheld(a, columns)).map((a) => valueOf(a, column)))];
  for (const a of addends.filter((a) => isWithheld(a, columns))) {
    const readings = Array.isArray(a.candidates) ? [...new Set((a.candidates as unknown[][]).map((c) => c[index]))] : [];
    if (readings.length === 0 || sums.length * readings.length > MAX_COMBINATIONS) return [];
    sums = sums.flatMap((s) => readings.map((v) => (typeof v === "number" ? sum([s, v]) : s)));
  }
  return [...new Set(sums)];
}

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
  // `value` is undefined when a withheld row makes the sum unknown.
  const recomputed = (row: Row, column: string, seen: Set<number>): { value: number | null | undefined; leaves: number } => {
    const addends = addendsOf(row);
    if (addends.length === 0 || seen.has(row.line)) return { value: isWithheld(row, columns) ? undefined : valueOf(row, column), leaves: 1 };
    seen.add(row.line);
    const parts = addends.map((a) => recomputed(a, column, seen));
    seen.delete(row.line);
    const values = parts.map((p) => p.value);
    return {
      value: values.some((v) => v === undefined) ? undefined : values.every((v) => v === null) ? null : sum(values as (number | null)[]),
      leaves: parts.reduce((n, p) => n + p.leaves, 0),
    };
  };

  const findings: Finding[] = [];
  for (const row of rows) {
    const addends = addendsOf(row);
    if (addends.length === 0) continue;
    for (const [index, [column, name]] of columns.entries()) {
      const stated = valueOf(row, column);
      if (stated === null) continue;
      // Over blank rows a total is checked against 0; over a withheld row, against each of its
      // readings (the total is right if any reading closes the sum).
      const asPrinted = possibleSums(addends, column, index, columns);
      const deep = recomputed(row, column, new Set());
      const readings = [
        ...asPrinted.map((computed) => ({ computed, tolerance: tolerances.sum(addends.length) })),
        ...(deep.value != null && !asPrinted.includes(deep.value) ? [{ computed: deep.value, tolerance: tolerances.sum(deep.leaves) }] : []),
      ].map((r) => ({ ...r, difference: variance(stated, r.computed) }));
      if (readings.length === 0) continue;
      const best = readings.reduce((a, b) => (Math.abs(b.difference) < Math.abs(a.difference) ? b : a));
      const severity = severityOf(best.difference, best.tolerance);
      if (severity === null) continue;
      const what =
        severity === "info"
          ? `avrundingsdifferanse: ${name} er oppgitt til ${fmt(stated)}, radene gir ${fmt(best.computed)}`
          : `${name} er oppgitt til ${fmt(stated)}, men radene gir ${fmt(best.computed)}${asPrinted.length > 1 ? " i beste fall (med den nærmeste lesningen av radene som ikke er importert)" : ""} (differanse ${fmtDiff(best.difference)}, avrunding tillater ±${best.tolerance})`;
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
