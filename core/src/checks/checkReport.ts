import type { Finding, Report } from "../schema/report.js";
import { checkCrossTables } from "./checkCrossTables.js";
import { checkIndicator } from "./checkIndicator.js";
import { checkRowVariance } from "./checkRowVariance.js";
import { checkSplits } from "./checkSplits.js";
import { checkSums } from "./checkSums.js";

/**
 * All consistency checks over a report, sorted by line (findings without a line last; stable
 * otherwise). A Sum row whose printed variance is wrong fails both its row identity and its
 * column sum with the same correct value; it is reported once, as SUM_MISMATCH.
 */
export function checkReport(report: Report): Finding[] {
  const findings: Finding[] = [];
  for (const table of report.budgetTables) {
    const sums = checkSums(table);
    const sumVarianceErrors = new Set(sums.filter((f) => f.column === "variance").map((f) => `${f.line}:${f.computed}`));
    for (const row of table.rows) {
      const f = checkRowVariance(row);
      if (f && !sumVarianceErrors.has(`${f.line}:${f.computed}`)) findings.push({ ...f, table: table.id });
    }
    findings.push(...sums);
  }
  findings.push(...checkCrossTables(report.budgetTables));
  findings.push(...checkSplits(report.varianceSplits, report.budgetTables));
  for (const ind of report.indicators) {
    const f = checkIndicator(ind);
    if (f) findings.push(f);
  }
  return findings
    .map((f, i) => [f, i] as const)
    .sort(([a, i], [b, j]) => (a.line ?? Infinity) - (b.line ?? Infinity) || i - j)
    .map(([f]) => f);
}
