// Builds a Report from the hand-checked expected values in tests/fixtures/expected (real rows from
// real reports), adding what the importer adds: table ids, row areas and Sum rows' `sumOf`.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseTarget, readNorwegianNumber, serviceAreaOf, type BudgetRow, type BudgetTable, type BudgetTableId, type Indicator, type Report, type VarianceSplit } from "@bydel/core";

type Expected = {
  budgetRows: { table: string; line: number; label: string; kostra: string | null; isTotal: boolean; values: (number | null)[] }[];
  varianceSplits: { table: string; line: number; label: string; kostra: string | null; isTotal?: boolean | null; values: (number | null)[] }[];
  indicators: { line: number; label: string; target: string | null; result: string | null; statedDeviation: string | null; higherIsBetter: boolean | null }[];
};

export function loadExpected(name: string): Expected {
  return JSON.parse(readFileSync(fileURLToPath(new URL(`../../tests/fixtures/expected/${name}.json`, import.meta.url)), "utf8")) as Expected;
}

function tableId(title: string): BudgetTableId {
  if (/0\.1\s*B\b/.test(title)) return "0.1B";
  const fo = serviceAreaOf(title);
  if (fo) return fo as BudgetTableId;
  return "0.1";
}

/** Totals sum the rows since the previous total; a "+" total (… + sosialhjelp) also sums that total. */
function withSums<R extends { line: number; label: string; isTotal: boolean; sumOf?: number[] }>(rows: R[]): R[] {
  const sorted = [...rows].sort((a, b) => a.line - b.line);
  let since: number[] = [];
  let lastTotal: number | null = null;
  for (const r of sorted) {
    if (r.isTotal) {
      r.sumOf = /\+/.test(r.label) && lastTotal !== null ? [lastTotal, ...since] : since;
      since = [];
      lastTotal = r.line;
    } else since.push(r.line);
  }
  return sorted;
}

const isTotalLabel = (label: string) => /^sum\b/i.test(label);

export function budgetTables(e: Expected): BudgetTable[] {
  const byTitle = new Map<string, BudgetRow[]>();
  for (const r of e.budgetRows) {
    const [previousActual, originalBudget, revisedBudget, actual, variance] = r.values as [number | null, number | null, number | null, number | null, number | null];
    const row: BudgetRow = { line: r.line, label: r.label, kostra: r.kostra, isTotal: r.isTotal, previousActual, originalBudget, revisedBudget, actual, variance };
    if (/^0\.1/.test(tableId(r.table))) row.area = r.isTotal ? null : serviceAreaOf(r.label);
    byTitle.set(r.table, [...(byTitle.get(r.table) ?? []), row]);
  }
  return [...byTitle].map(([title, rows]) => ({ id: tableId(title), title, basis: /brutto/i.test(title) ? "gross" : "net", line: rows[0]!.line - 10, rows: withSums(rows) }));
}

export function varianceSplits(e: Expected, budget: BudgetTable[]): VarianceSplit[] {
  // A split table follows the budget table it splits: the summary after 0.1 B, each FO split after its FO table.
  const groups: { line: number; rows: VarianceSplit["rows"] }[] = [];
  for (const r of [...e.varianceSplits].sort((a, b) => a.line - b.line)) {
    const last = groups.at(-1);
    const [variance, earmarkedVariance, ordinaryVariance] = r.values as [number | null, number | null, number | null];
    const row = { line: r.line, label: r.label, kostra: r.kostra, isTotal: isTotalLabel(r.label), variance, earmarkedVariance, ordinaryVariance, area: null as string | null };
    if (!last || r.line - (last.rows.at(-1)?.line ?? 0) > 20) groups.push({ line: r.line - 5, rows: [row] });
    else last.rows.push(row);
  }
  return groups.map((g) => {
    const before = budget.filter((t) => t.line < g.line).sort((a, b) => b.line - a.line)[0];
    const id = before?.id ?? "0.1B";
    if (id === "0.1B") for (const r of g.rows) r.area = r.isTotal ? null : serviceAreaOf(r.label);
    return { id, line: g.line, rows: withSums(g.rows) };
  });
}

export function indicators(e: Expected): Indicator[] {
  const num = (raw: string | null) => {
    if (raw === null) return null;
    try {
      return { raw, value: readNorwegianNumber(raw, "indicator").value };
    } catch {
      return { raw, value: null };
    }
  };
  return e.indicators.map((i) => {
    const t = i.target === null ? null : parseTarget(i.target);
    return {
      line: i.line,
      area: null,
      label: i.label,
      unit: t?.unit === "percent" ? "percent" : "other",
      target: t ? { raw: t.raw, operator: t.operator, value: t.value } : null,
      result: num(i.result),
      statedDeviation: num(i.statedDeviation),
      deviation: null,
      higherIsBetter: i.higherIsBetter,
      met: null,
    };
  });
}

export function fixtureReport(name: string): Report {
  const e = loadExpected(name);
  const tables = budgetTables(e);
  return { schemaVersion: 1, district: name, year: 2024, budgetTables: tables, varianceSplits: varianceSplits(e, tables), indicators: indicators(e), findings: [] };
}
