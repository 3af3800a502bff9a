import { AmountRangeError } from "../errors.js";
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
 *
 * Every value of a valid report is inside core's range, but a sum or a deviation of them may
 * leave it (values near 10^15, which no district's accounts hold); a check that would compute
 * with such a value finds nothing rather than throw, so one absurd table never stops the others.
 */
export function checkReport(report: Report): Finding[] {
  const findings: Finding[] = [];
  for (const table of report.budgetTables) {
    const sums = inRange(() => checkSums(table), []);
    const sumVarianceErrors = new Set(sums.filter((f) => f.column === "variance").map((f) => `${f.line}:${f.computed}`));
    for (const row of table.rows) {
      const f = inRange(() => checkRowVariance(row), null);
      if (f && !sumVarianceErrors.has(`${f.line}:${f.computed}`)) findings.push({ ...f, table: table.id });
    }
    findings.push(...sums);
  }
  findings.push(...inRange(() => checkCrossTables(report.budgetTables), []));
  findings.push(...inRange(() => checkSplits(report.varianceSplits, report.budgetTables), []));
  for (const ind of report.indicators) {
    const f = inRange(() => checkIndicator(ind), null);
    if (f) findings.push(f);
  }
  return findings
    .map((f, i) => [f, i] as const)
    .sort(([a, i], [b, j]) => (a.line ?? Infinity) - (b.line ?? Infinity) || i - j)
    .map(([f]) => f);
}

/** The check's findings, or `none` when it would compute with a value outside core's range. */
function inRange<T>(check: () => T, none: T): T {
  try {
    return check();
  } catch (e) {
    if (e instanceof AmountRangeError) return none;
    throw e;
  }
}
