import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { BudgetRow, Finding, Report } from "@bydel/core";
import { importReport } from "@bydel/import";
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

/** Codes of the checks on budget tables (indicators and variance splits are not drawn in the generated PDFs). */
const BUDGET_ERRORS = new Set(["SUM_MISMATCH", "CROSS_TABLE_MISMATCH", "ROW_VARIANCE_MISMATCH"]);
const textErrors = new Map<string, Finding[]>();

/** The budget errors the import finds in a fixture report's own text: the report's errors, which a rendering of it carries too. */
export function knownErrors(name: string): Finding[] {
  let f = textErrors.get(name);
  if (!f) {
    const r = importReport(readFileSync(`${fixtures}reports/${name}.txt`, "utf8"));
    f = r.findings.filter((x) => x.severity === "error" && BUDGET_ERRORS.has(x.code));
    textErrors.set(name, f);
  }
  return f;
}

export const errorKey = (f: Finding): string => `${f.code} ${f.table ?? "-"}`;

/** Errors of a rendered report that its text does not carry. */
export function falseErrors(report: Report, name: string): string[] {
  const known = new Set(knownErrors(name).map(errorKey));
  return report.findings.filter((f) => f.severity === "error" && !known.has(errorKey(f))).map((f) => `${errorKey(f)}: ${f.message}`);
}

/**
 * The hard bar's failures of a score: rows with numbers other than the expected ones (or beyond them)
 * that are not flagged (needsReview with an error or warning at their line), and expected rows lost
 * without their table being reported (TABLE_INCOMPLETE or TABLE_MISSING naming it).
 */
export function budgetBar(report: Report, s: Score): { wrong: Problem[]; missing: Problem[]; missingAll: Problem[] } {
  const flagged = (p: Problem) => /needsReview true; findings at its line: (?:error|warning)/u.test(p.note ?? "");
  const wrong = s.problems.filter((p) => p.kind !== "missing" && !flagged(p));
  const tableReported = (id: string) =>
    report.findings.some((f) => (f.code === "TABLE_INCOMPLETE" || f.code === "TABLE_MISSING") && new RegExp(`(?:^|[\\s«(])${id.replace(".", "\\.")}(?=[\\s»):,]|$)`, "u").test(f.message));
  const missingAll = s.problems.filter((p) => p.kind === "missing");
  return { wrong, missing: missingAll.filter((p) => !tableReported(p.table)), missingAll };
}

/** The problems of a score, each with the laid-out text around its row, for a failure message. */
export function describeProblems(problems: readonly Problem[], text: string): string {
  return problems
    .map((p) => {
      const at = p.line ?? 1 + text.split("\n").findIndex((l) => normLabel(l).includes(normLabel(p.label).split(" ").slice(0, 2).join(" ")));
      return `${p.kind} ${p.table} «${p.label}» expected ${JSON.stringify(p.expected)} got ${JSON.stringify(p.got)} (line ${p.line ?? "?"}${p.note ? `; ${p.note}` : ""})\n${at > 0 ? around(text, at) : ""}`;
    })
    .join("\n\n");
}
