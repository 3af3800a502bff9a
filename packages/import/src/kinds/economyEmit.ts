import { tableReading, type BudgetRow, type Finding, type VarianceSplit, type VarianceSplitRow } from "@bydel/core";
import { areaOf, kostraOf } from "../tables/grammar.js";
import { sameMoney } from "../cells/readings.js";
import type { SumEquation } from "../solve/solve.js";
import { BUDGET, readAsBlank, solveBody, SPLIT_COLUMNS, type Solved } from "../solve/tables.js";
import { formatAmount } from "../report/formatAmount.js";
import type { UnitColumn, UnitTable } from "../tables/unitTable.js";
import { budgetColumns, byColumn, splitColumns, unitTable } from "../tables/registry.js";

/**
 * A solved economy table emitted as report rows: each row's values by column, its sums, its review
 * flag and withheld readings, and a finding for every row that could not be read or decided.
 */

/** The label as printed: with its trailing digits when the row reads as blank (they were the label's). */
function labelOf(s: Solved): string {
  const { raw } = s;
  return readAsBlank(s) ? raw.labelIfBlank! : raw.label;
}

export function rowFindings(rows: readonly Solved[], columns: number, context: string): Finding[] {
  const findings: Finding[] = [];
  for (const s of rows) {
    const { raw, solution } = s;
    if (raw.groups.length > 0 && solution.candidates.length === 0) {
      findings.push({
        severity: "warning",
        code: "UNREADABLE_ROW",
        line: lineOf(s),
        message: `${context}: raden «${raw.label}» kan ikke leses som ${columns} kolonner (${raw.groups.length} tallgrupper); verdiene er ikke importert`,
      });
    } else if (solution.decision === "ambiguous") {
      findings.push({
        severity: "warning",
        code: "AMBIGUOUS_NUMBERS",
        line: lineOf(s),
        message: `${context}: raden «${raw.label}» kan leses på ${solution.candidates.length} måter (${solution.candidates
          .slice(0, 4)
          .map((c) => c.values.map(formatAmount).join(" | "))
          .join(" eller ")}); verdiene er ikke importert`,
        candidates: solution.candidates.slice(0, MAX_ROW_CANDIDATES).map((c) => [...c.values]),
      });
    } else if (solution.decision === "layout" && solution.chosen && solution.candidates.some((c) => !sameMoney(c.values, solution.chosen!.values))) {
      const alternatives = solution.candidates.filter((c) => !sameMoney(c.values, solution.chosen!.values));
      findings.push({
        severity: "info",
        code: "UNCONFIRMED_READING",
        line: lineOf(s),
        message:
          `${context}: raden «${raw.label}» er lest som ${solution.chosen!.values.map(formatAmount).join(" | ")}; regnestykkene kan ikke skille den fra ` +
          `${alternatives
            .slice(0, 3)
            .map((c) => c.values.map(formatAmount).join(" | "))
            .join(" eller ")}, så lesingen bygger på oppsettet i teksten (mellomrom, tallenes størrelse). Kontroller mot PDF-en.`,
        candidates: solution.candidates.slice(0, MAX_ROW_CANDIDATES).map((c) => [...c.values]),
      });
    } else if (raw.groups.length === 0 && hasStrayDigits(raw.label)) {
      findings.push({
        severity: "warning",
        code: "UNREADABLE_ROW",
        line: lineOf(s),
        message: `${context}: raden «${raw.label}» har tall som ikke kan leses som beløp (desimaler eller tekst mellom tallene); verdiene er ikke importert`,
      });
    }
  }
  return findings;
}

/** Digits left in a label once its KOSTRA code, area number and footnote marks are taken off. */
function hasStrayDigits(label: string): boolean {
  const rest = label
    .replace(/^\d{3}\s/, "")
    .replace(/(funksjonsomr[åa]de|funk\.?\s*omr\.?|\bf[o0])\s*\d\s*[abc]?,?/giu, "")
    .replace(/\*\)|\d\)/g, "");
  return /\d[\d\s]*[.,]\d|\d\s\d{3}\b/u.test(rest);
}

/** A row read on the layout alone, breaking its identity, in a table whose sums do not close, or withheld (its nulls are unknown, not blank). */
function needsReview(s: Solved, sumsClose: boolean): boolean {
  const withheld = s.solution.chosen === null && s.raw.groups.length > 0;
  return withheld || s.solution.decision === "layout" || s.solution.identityBroken || (!sumsClose && s.solution.chosen !== null);
}

type SharedFields = Pick<BudgetRow, "line" | "label" | "kostra" | "isTotal">;

/** The line a row is reported on: its numbers' line, or its first line when those numbers may be a page number or label digits and it is not read with them. */
function lineOf(s: Solved): number {
  return s.raw.labelIfBlank !== undefined && (s.solution.chosen === null || readAsBlank(s)) ? s.raw.firstLine : s.raw.line;
}

const MAX_ROW_CANDIDATES = tableReading.maxRowCandidates;

/** Rows of either table kind: the shared fields, the sums they total and the review flag; `fields` names the values. */
function toRows<R extends SharedFields & { sumOf?: number[]; needsReview?: boolean; candidates?: (number | null)[][] }>(
  rows: readonly Solved[],
  equations: readonly SumEquation[],
  sumsClose: boolean,
  columns: number,
  fields: (shared: SharedFields, v: readonly (number | null)[], s: Solved) => R,
): R[] {
  return rows.map((s, i) => {
    const v = s.solution.chosen?.values ?? Array<number | null>(columns).fill(null);
    const row = fields({ line: lineOf(s), label: labelOf(s), kostra: kostraOf(s.raw.label), isTotal: s.isTotal }, v, s);
    const eq = equations.find((e) => e.total === i);
    if (eq) row.sumOf = eq.addends.map((a) => lineOf(rows[a]!));
    if (needsReview(s, sumsClose)) row.needsReview = true;
    // Withheld: the readings go with the row, so that the sum checks can test them.
    if (s.solution.decision === "ambiguous") row.candidates = s.solution.candidates.slice(0, MAX_ROW_CANDIDATES).map((c) => [...c.values]);
    return row;
  });
}

export function toBudgetRows(rows: Solved[], equations: SumEquation[], sumsClose: boolean, withArea: boolean): BudgetRow[] {
  return toRows(rows, equations, sumsClose, BUDGET, (shared, v, s): BudgetRow => {
    const row: BudgetRow = { ...shared, ...byColumn(budgetColumns, v) };
    if (withArea) row.area = s.isTotal ? null : areaOf(s.raw.label);
    return row;
  });
}

export function toSplitRows(rows: Solved[], equations: SumEquation[], sumsClose: boolean): VarianceSplitRow[] {
  return toRows(rows, equations, sumsClose, SPLIT_COLUMNS, (shared, v, s): VarianceSplitRow => ({
    ...shared,
    ...byColumn(splitColumns, v),
    area: s.isTotal ? null : areaOf(s.raw.label),
  }));
}

/** The result per unit with and without earmarked funds, as a split with id "enhet"; its budget columns go along. */
export function unitSplit(table: UnitTable, findings: Finding[]): VarianceSplit {
  const { columns } = table;
  const solved = solveBody(table.rows, columns.length, undefined, unitTable.identity(columns));
  findings.push(...rowFindings(solved.rows, columns.length, "Resultat per enhet"));
  const rows = toRows(solved.rows, solved.equations, solved.sumsClose, columns.length, (shared, v, s): VarianceSplitRow => {
    const value = (c: UnitColumn) => (columns.includes(c) ? (v[columns.indexOf(c)] ?? null) : undefined);
    const row: VarianceSplitRow = {
      ...shared,
      variance: value("variance")!,
      earmarkedVariance: value("earmarkedVariance")!,
      ordinaryVariance: value("ordinaryVariance")!,
      area: s.isTotal ? null : areaOf(s.raw.label),
    };
    for (const c of ["originalBudget", "revisedBudget", "actual"] as const) if (columns.includes(c)) row[c] = value(c)!;
    return row;
  });
  return { id: unitTable.id, line: table.line, title: table.title, rows };
}
