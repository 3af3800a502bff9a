import type { Finding, Indicator, Report } from "@bydel/core";
import { difference, type GenRow } from "../import/indicatorModel.js";
import { around } from "./check.js";
import type { IndicatorPdf, PdfIndicatorTable } from "./indicators.js";

/**
 * Scores the indicators imported from a report of generated indicator tables (tests/pdf/indicators.ts,
 * tests/pdf/libreoffice.ts) against their model: each row exact, withheld, flagged, or a problem of a kind.
 */

export type Kind = "wrong" | "lost" | "madeUp" | "headerWords" | "falseError";

export interface Tally {
  rows: number;
  exact: number;
  withheld: number;
  flagged: number;
  /** Rows (or indicators, or errors) of each kind of problem, and what each was. */
  counts: Record<Kind, number>;
  problems: string[];
}

export const KINDS: readonly Kind[] = ["wrong", "lost", "madeUp", "headerWords", "falseError"];

const HEADER_WORDS = /\b(?:resultat|måltall|avvik)\b/iu;
const ROW_WARNINGS = new Set(["AMBIGUOUS_NUMBERS", "UNREADABLE_ROW"]);

/** The label the import gives a row: sick leave is named by its table, a month by its column's year. */
function expectedLabel(t: PdfIndicatorTable, row: GenRow, year: number): string {
  const printed = row.labelLines.join(" ").replace(/\s+/gu, " ").trim();
  return t.table.shape === "sickLeave" ? `Sykefravær ${printed}` : t.table.shape === "monthly" ? `Sykefraværsprosent ${printed} ${year}` : printed;
}

/** Each table's lines in the laid-out text: from its «3.n.5» heading to its «3.n.6» heading. */
function tableRanges(text: string, pdf: Pick<IndicatorPdf, "tables">): [number, number][] {
  const lines = text.split("\n");
  return pdf.tables.map((t, k) => {
    const n = `3\\.${k + 2}`;
    const from = lines.findIndex((l) => new RegExp(`^\\f?\\s*${n}\\.5 `, "u").test(l)) + 1;
    const to = lines.findIndex((l) => new RegExp(`^\\f?\\s*${n}\\.6 `, "u").test(l)) + 1;
    if (from <= 0 || to <= from) throw new Error(`table ${k}: no heading lines in the laid-out text`);
    return [from, to];
  });
}

export function score(pdf: Pick<IndicatorPdf, "tables" | "year">, report: Report, text: string, tally: Tally, tag: string): void {
  const ranges = tableRanges(text, pdf);
  const tableRows = report.indicators.filter((i) => i.kind !== "prose");
  const at = (line: number | null) => report.findings.filter((f) => f.line !== null && f.line === line);
  const used = new Set<Indicator>();
  const allowedErrors = new Set<Finding>();
  const problem = (kind: Kind, line: number | null, what: string, n = 1) => {
    tally.counts[kind] += n;
    tally.problems.push(`${tag} line ${line ?? "?"}: ${what}${line ? `\n${around(text, line)}` : ""}`);
  };
  pdf.tables.forEach((t, k) => {
    const [from, to] = ranges[k]!;
    const inTable = tableRows.filter((i) => i.line !== null && i.line > from && i.line < to).sort((a, b) => a.line! - b.line!);
    const unsignedReported = report.findings.some((f) => f.code === "DEVIATIONS_UNSIGNED" && f.line !== null && f.line >= from && f.line < to);
    const rows = t.table.rows;
    const labels = rows.map((row) => expectedLabel(t, row, pdf.year));
    const exact = (r: number, i: Indicator) => i.area === t.area && difference({ row: rows[r]!, table: t.table }, i, pdf.year) === null;
    // rows in order, each to an indicator with its label: first those read exactly, then the rest to one between their neighbours' (rows may share a label)
    const match: number[] = rows.map(() => -1);
    let cursor = 0;
    rows.forEach((_, r) => {
      const j = inTable.findIndex((i, n) => n >= cursor && i.label === labels[r] && exact(r, i));
      if (j >= 0) [match[r], cursor] = [j, j + 1];
    });
    rows.forEach((_, r) => {
      if (match[r]! >= 0) return;
      const lower = Math.max(-1, ...match.slice(0, r));
      const upper = Math.min(inTable.length, ...match.slice(r + 1).filter((j) => j >= 0));
      const j = inTable.findIndex((i, n) => n > lower && n < upper && !match.includes(n) && i.label === labels[r]);
      if (j >= 0) match[r] = j;
    });
    // then a row whose label was split or joined with a neighbour's, to a flagged indicator holding part of it or all of it
    const flaggedAt = (i: Indicator) => i.needsReview === true && at(i.line).length > 0;
    rows.forEach((_, r) => {
      if (match[r]! >= 0) return;
      const lower = Math.max(-1, ...match.slice(0, r));
      const upper = Math.min(inTable.length, ...match.slice(r + 1).filter((j) => j >= 0));
      const j = inTable.findIndex((i, n) => n > lower && n < upper && !match.includes(n) && flaggedAt(i) && (labels[r]!.includes(i.label) || i.label.includes(labels[r]!)));
      if (j >= 0) match[r] = j;
    });
    let missing = 0;
    rows.forEach((row, r) => {
      tally.rows++;
      const j = match[r]!;
      if (j < 0) {
        missing++;
        return;
      }
      const ind = inTable[j]!;
      used.add(ind);
      const diff = ind.area !== t.area ? `area ${ind.area}, the table's is ${t.area}` : difference({ row, table: t.table }, ind, pdf.year);
      const mismatch = at(ind.line).filter((f) => f.code === "INDICATOR_DEVIATION_MISMATCH" && f.severity === "error");
      // a misprinted sign is the report's own error; so is an unsigned negative in a table that prints no signs, until the table is reported
      if (row.wrongSign || (t.table.unsigned && !unsignedReported)) mismatch.forEach((f) => allowedErrors.add(f));
      if (diff === null) tally.exact++;
      else if (ind.needsReview && at(ind.line).length > 0) tally.flagged++;
      else problem("wrong", ind.line, `«${labels[r]}» read wrong, not flagged: ${diff}`);
    });
    // rows not read: each needs a warning in its table that is not on a row read (one per row withheld)
    const warnings = report.findings.filter((f) => f.severity === "warning" && f.line !== null && f.line > from && f.line < to && !inTable.some((i) => used.has(i) && i.line === f.line));
    const rowWarnings = warnings.filter((f) => ROW_WARNINGS.has(f.code)).length;
    const tableWarning = warnings.some((f) => !ROW_WARNINGS.has(f.code));
    tally.withheld += Math.min(missing, tableWarning ? missing : rowWarnings);
    if (missing > rowWarnings && !tableWarning) problem("lost", from, `${missing - rowWarnings} of ${t.table.rows.length} rows of a ${t.table.shape} table lost without a warning`, missing - rowWarnings);
    for (const i of inTable) {
      if (used.has(i)) continue;
      if (i.needsReview && at(i.line).length > 0 && !HEADER_WORDS.test(i.label)) continue;
      problem("madeUp", i.line, `an indicator that is no generated row: «${i.label}» (${i.result?.raw ?? "-"})`);
    }
  });
  for (const i of tableRows) if (i.line === null || !ranges.some(([a, b]) => i.line! > a && i.line! < b)) problem("madeUp", i.line, `an indicator outside the tables: «${i.label}»`);
  for (const i of report.indicators) if (HEADER_WORDS.test(i.label)) problem("headerWords", i.line, `header words read as an indicator: «${i.label}»`);
  for (const f of report.findings) if (f.severity === "error" && !allowedErrors.has(f)) problem("falseError", f.line, `an error the table does not carry: ${f.code} ${f.message}`);
}
