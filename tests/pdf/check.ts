import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { BudgetRow, Report } from "@bydel/core";
import { tableId, type Truth, type Values } from "./generator.js";

/**
 * Scores an imported generated PDF against the expected rows: each expected row is read exactly,
 * withheld (values null, needsReview, with an AMBIGUOUS_NUMBERS or UNREADABLE_ROW warning at its
 * line), missing, or wrong; an output row that matches no expected row and is not withheld is extra.
 */

const fixtures = fileURLToPath(new URL("../fixtures/", import.meta.url));

export interface ExpectedRow {
  readonly table: string;
  readonly label: string;
  readonly kostra: string | null;
  readonly isTotal: boolean;
  readonly values: Values;
}

export function loadExpected(name: string): ExpectedRow[] {
  return (JSON.parse(readFileSync(`${fixtures}expected/${name}.json`, "utf8")) as { budgetRows: ExpectedRow[] }).budgetRows;
}

export const valuesOf = (r: BudgetRow): Values => [r.previousActual, r.originalBudget, r.revisedBudget, r.actual, r.variance];

/** A label compared without its KOSTRA number, case, spacing or a footnote mark. */
export function normLabel(label: string): string {
  return label
    .toLowerCase()
    .replace(/\*\)/gu, "")
    .replace(/^\s*\d{3}\s+/u, "")
    .replace(/[\s\u00A0]+/gu, " ")
    .trim();
}

/** The expected values, a blank matching a blank or a 0 (the README: a blank read as 0 is not wrong about the money). */
export function sameValues(expected: Values, got: Values): boolean {
  return expected.every((e, i) => (e === null ? got[i] === null || got[i] === 0 : got[i] === e));
}

export interface Problem {
  readonly kind: "wrong" | "missing" | "extra";
  readonly table: string;
  readonly label: string;
  readonly expected: Values | null;
  readonly got: Values | null;
  readonly line: number | null;
  /** What the import said about the row: needsReview, and the codes of findings at its line. */
  readonly note?: string;
}

export interface Score {
  readonly rows: number;
  readonly exact: number;
  readonly withheld: number;
  readonly problems: Problem[];
  /** Expected rows read exactly whose isTotal differs (reported, not counted as wrong money). */
  readonly totalFlags: string[];
  /** Tables whose rows are all exact (the checks then see the same numbers as in the text import). */
  readonly cleanTables: Set<string>;
}

const WITHHOLD_CODES = new Set(["AMBIGUOUS_NUMBERS", "UNREADABLE_ROW"]);

export function isWithheld(report: Report, row: BudgetRow): boolean {
  return (
    row.needsReview === true &&
    valuesOf(row).every((v) => v === null) &&
    report.findings.some((f) => f.severity === "warning" && WITHHOLD_CODES.has(f.code) && f.line === row.line)
  );
}

/** Expected rows of the tables drawn as text, keyed by the import's table id, in table order. */
export function expectedByTable(truth: Truth, expected: readonly ExpectedRow[], textTables: readonly string[]): Map<string, ExpectedRow[]> {
  const out = new Map<string, ExpectedRow[]>();
  for (const t of truth.budgetTables) {
    const id = tableId(t);
    if (!textTables.includes(id)) continue;
    out.set(id, [...(out.get(id) ?? []), ...expected.filter((e) => e.table === t.table)]);
  }
  return out;
}

export function score(report: Report, byTable: Map<string, ExpectedRow[]>): Score {
  const problems: Problem[] = [];
  const totalFlags: string[] = [];
  const cleanTables = new Set<string>();
  let rows = 0;
  let exact = 0;
  let withheld = 0;
  const used = new Set<BudgetRow>();
  for (const [id, expectedRows] of byTable) {
    const out = report.budgetTables.filter((t) => t.id === id).flatMap((t) => t.rows);
    let clean = true;
    for (const e of expectedRows) {
      rows++;
      const free = out.filter((r) => !used.has(r));
      const row = free.find((r) => normLabel(r.label) === normLabel(e.label)) ?? free.find((r) => sameValues(e.values, valuesOf(r)));
      if (!row) {
        clean = false;
        problems.push({ kind: "missing", table: id, label: e.label, expected: e.values, got: null, line: null });
        continue;
      }
      used.add(row);
      if (sameValues(e.values, valuesOf(row))) {
        exact++;
        if (row.isTotal !== e.isTotal) totalFlags.push(`${id} «${e.label}» isTotal ${row.isTotal}`);
      } else if (isWithheld(report, row)) {
        withheld++;
        clean = false;
      } else {
        clean = false;
        problems.push({ kind: "wrong", table: id, label: e.label, expected: e.values, got: valuesOf(row), line: row.line, note: noteOf(report, row) });
      }
    }
    if (clean) cleanTables.add(id);
  }
  for (const t of report.budgetTables) {
    for (const r of t.rows) {
      if (used.has(r) || isWithheld(report, r)) continue;
      problems.push({ kind: "extra", table: t.id, label: r.label, expected: null, got: valuesOf(r), line: r.line, note: noteOf(report, r) });
    }
  }
  return { rows, exact, withheld, problems, totalFlags, cleanTables };
}

function noteOf(report: Report, row: BudgetRow): string {
  const codes = report.findings.filter((f) => f.line === row.line).map((f) => `${f.severity} ${f.code}`);
  return `needsReview ${row.needsReview === true}; findings at its line: ${codes.join(", ") || "none"}`;
}

/** The laid-out text around a line, numbered, for a failure message. */
export function around(text: string, line: number, before = 6, after = 3): string {
  const lines = text.split("\n");
  return lines
    .slice(Math.max(0, line - 1 - before), line + after)
    .map((l, i) => `${String(Math.max(1, line - before) + i).padStart(5)}| ${l.replace(/\f/gu, "␌")}`)
    .join("\n");
}
