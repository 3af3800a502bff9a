import { mainTotalRow, mainTotals, summaryAreaOf, type BudgetTable, type Indicator, type ProseScope, type StatementSubject, type VarianceSplit } from "@bydel/core";

/** A table cell (or a figure computed from one row's cells) a statement may restate. */
export interface Cell {
  readonly table: string;
  readonly line: number;
  readonly column: string;
  readonly value: number;
}

export interface Tables {
  readonly budgetTables: readonly BudgetTable[];
  readonly varianceSplits: readonly VarianceSplit[];
  /** The indicator reader's rows (the sick-leave tables' own arithmetic is checked from them). */
  readonly indicators?: readonly Indicator[];
}

type Row = { line: number; label: string; isTotal: boolean; kostra: string | null; area?: string | null; sumOf?: number[] };
type Column = "variance" | "earmarkedVariance" | "ordinaryVariance";

const cell = (table: string, row: { line: number } & Partial<Record<Column, number | null>>, column: Column): Cell[] => {
  const v = row[column];
  return typeof v === "number" ? [{ table, line: row.line, column, value: v }] : [];
};

const sameName = (a: string, b: string): boolean => normalize(a) === normalize(b);
const normalize = (s: string): string => s.toLowerCase().replace(/[^\p{L}\d]+/gu, "");

/** The rows of a table that stand for a scope: its main total for a district or area, the function's or unit's row. */
function rowsFor<R extends Row>(rows: readonly R[], tableId: string, scope: ProseScope, summary: boolean): R[] {
  switch (scope.level) {
    case "district": {
      if (!summary) return [];
      const totals = rows.filter((r) => r.isTotal);
      const main = totals.find((r) => /sosialhjelp/iu.test(r.label)) ?? totals[totals.length - 1];
      return main ? [main] : [];
    }
    case "serviceArea": {
      const area = scope.table;
      if (area === null) return [];
      if (summary) return rows.filter((r) => !r.isTotal && summaryAreaOf(r) === area);
      if (!area.startsWith(tableId) && !tableId.startsWith(area)) return [];
      const total = mainTotals(rows, tableId).get(area);
      return total ? [total] : [];
    }
    case "function":
      return summary ? [] : rows.filter((r) => r.kostra === scope.kostra && (scope.table === null || tableId.startsWith(scope.table.slice(0, 3))));
    case "unit":
      return scope.name === null ? [] : rows.filter((r) => sameName(r.label, scope.name!) || (r.isTotal && scope.name === "Sum"));
  }
}

/**
 * The cells a subject of a scope may restate, every candidate: a plain deviation of an area may be
 * its total or (where a split table has it) its ordinary operations, as reports use both. The
 * statement is held against the nearest; none means unmatched.
 */
export function candidates(tables: Tables, subject: StatementSubject, scope: ProseScope, gross: boolean): Cell[] {
  const out: Cell[] = [];
  if (subject === "revisedBudget" || subject === "actual") return levels(tables, subject, scope, gross);
  const budgetColumn = subject === "netVariance" || subject === "grossVariance";
  if (budgetColumn && scope.level !== "unit") {
    for (const t of tables.budgetTables) {
      if (t.basis === "gross" ? !gross : gross) continue;
      const summary = t.id === "0.1" || t.id === "0.1B";
      if (scope.level === "district" && summary) {
        const main = mainTotalRow(t);
        if (main) out.push(...cell(t.id, main, "variance"));
      } else if (scope.level !== "district" && !summary) {
        for (const r of rowsFor(t.rows, t.id, scope, false)) out.push(...cell(t.id, r, "variance"));
      } else if (scope.level === "serviceArea") {
        for (const r of rowsFor(t.rows, t.id, scope, true)) out.push(...cell(t.id, r, "variance"));
      }
    }
  }
  if (gross) return out;
  const columns: Column[] =
    subject === "earmarked" ? ["earmarkedVariance"] : subject === "ordinaryResult" ? ["ordinaryVariance"] : budgetColumn ? ["variance", "ordinaryVariance"] : [];
  for (const s of tables.varianceSplits) {
    const isUnitTable = s.id === "enhet";
    if (scope.level === "unit" && !isUnitTable) continue;
    const summary = s.id === "0.1B" || (isUnitTable && scope.level === "district");
    const rows = isUnitTable && scope.level !== "unit" && scope.level !== "district" ? [] : rowsFor(s.rows, s.id, scope, summary);
    for (const r of rows) for (const c of columns) out.push(...cell(s.id, r, c));
  }
  return out;
}

/** The deviation in percent of the revised budget, of a unit's (or the district's) row of the per-unit table: after and before earmarked funds. */
export function percentCandidates(tables: Tables, scope: ProseScope): Cell[] {
  const out: Cell[] = [];
  // Tabell 0.1 B's main total (district) or an area's row: variance in percent of the revised budget
  for (const t of tables.budgetTables) {
    if (t.id !== "0.1B" || scope.level === "unit" || scope.level === "function") continue;
    const rows = scope.level === "district" ? [mainTotalRow(t)].filter((r) => r !== undefined) : rowsFor(t.rows, t.id, scope, true);
    for (const r of rows) {
      if (typeof r.variance === "number" && typeof r.revisedBudget === "number" && r.revisedBudget !== 0)
        out.push({ table: t.id, line: r.line, column: "variance/revisedBudget", value: (r.variance * 100) / r.revisedBudget });
    }
  }
  for (const s of tables.varianceSplits) {
    if (s.id !== "enhet") continue;
    const rows = scope.level === "district" ? s.rows.filter((r) => r.isTotal) : scope.level === "unit" ? rowsFor(s.rows, s.id, scope, false) : [];
    for (const r of rows) {
      const budget = r.revisedBudget;
      if (typeof budget !== "number" || budget === 0) continue;
      for (const c of ["ordinaryVariance", "variance"] as const) {
        const v = r[c];
        if (typeof v === "number") out.push({ table: s.id, line: r.line, column: `${c}/revisedBudget`, value: (v * 100) / budget });
      }
    }
  }
  return out;
}

/** The labels of the per-unit table's rows (units), to recognise a unit named in the text. */
export function unitLabels(tables: Tables): string[] {
  return tables.varianceSplits.filter((s) => s.id === "enhet").flatMap((s) => s.rows.filter((r) => !r.isTotal).map((r) => r.label));
}

/** The revised budget or the accounts of a scope's row in the budget tables (net, or gross when the text says brutto). */
function levels(tables: Tables, column: "revisedBudget" | "actual", scope: ProseScope, gross: boolean): Cell[] {
  const out: Cell[] = [];
  if (scope.level === "unit") {
    for (const s of tables.varianceSplits) if (s.id === "enhet") for (const r of rowsFor(s.rows, s.id, scope, false)) if (typeof r[column] === "number") out.push({ table: s.id, line: r.line, column, value: r[column] as number });
    return out;
  }
  for (const t of tables.budgetTables) {
    if ((t.basis === "gross") !== gross) continue;
    const summary = t.id === "0.1" || t.id === "0.1B";
    const rows = scope.level === "district" ? (summary ? [mainTotalRow(t)].filter((r) => r !== undefined) : []) : rowsFor(t.rows, t.id, scope, summary && scope.level === "serviceArea");
    if (scope.level === "function" && summary) continue;
    for (const r of rows) if (typeof r[column] === "number") out.push({ table: t.id, line: r.line, column, value: r[column] as number });
  }
  return out;
}

/** The change of a scope's row from last year's accounts (or from the original budget), in the budget tables (net). */
export function changeCandidates(tables: Tables, scope: ProseScope, budget: boolean): Cell[] {
  const [from, to] = budget ? (["originalBudget", "revisedBudget"] as const) : (["previousActual", "actual"] as const);
  const out: Cell[] = [];
  if (scope.level === "unit") return out;
  for (const t of tables.budgetTables) {
    if (t.basis !== "net") continue;
    const summary = t.id === "0.1B";
    if (scope.level === "function" && summary) continue;
    const rows = scope.level === "district" ? (summary ? [mainTotalRow(t)].filter((r) => r !== undefined) : []) : rowsFor(t.rows, t.id, scope, summary && scope.level === "serviceArea");
    for (const r of rows) {
      const a = r[from];
      const b = r[to];
      if (typeof a === "number" && typeof b === "number") out.push({ table: t.id, line: r.line, column: `${to}−${from}`, value: b - a });
    }
  }
  return out;
}
