import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { reportSchema, type BudgetRow, type BudgetTable, type BudgetTableId, type Indicator, type Report, type VarianceSplit } from "@bydel/core";

/**
 * A Report built from the hand-checked expected values (tests/fixtures/expected/*.json), so the
 * workbook can be tested on real figures independently of the importer. Sum rows get `sumOf`
 * (the rows since the previous Sum row, plus that Sum row), findings are the row-variance errors.
 */

export const fixtureNames = ["sagene-2024", "vestre-aker-2024", "grunerlokka-2024"] as const;
export type FixtureName = (typeof fixtureNames)[number];

const districts: Record<FixtureName, string> = { "sagene-2024": "Sagene", "vestre-aker-2024": "Vestre Aker", "grunerlokka-2024": "Grünerløkka" };

interface ExpectedRow {
  table: string;
  line: number;
  label: string;
  kostra: string | null;
  isTotal?: boolean | null;
  values: (number | null)[];
}
interface ExpectedIndicator {
  line: number;
  label: string;
  target: string | null;
  result: string | null;
  statedDeviation: string | null;
  higherIsBetter: boolean | null;
}

export function fixturePath(kind: "reports" | "expected", name: string): string {
  return fileURLToPath(new URL(`../fixtures/${kind}/${name}.${kind === "reports" ? "txt" : "json"}`, import.meta.url));
}

function tableId(title: string): BudgetTableId {
  const fo = [...title.matchAll(/F[O0](\d[A-C]?)/g)].pop();
  if (fo) return `FO${fo[1]}` as BudgetTableId;
  return /0\.1\s*B\b/.test(title) ? "0.1B" : "0.1";
}

function withSums<T extends { line: number; isTotal: boolean; sumOf?: number[] }>(rows: T[]): T[] {
  let since: number[] = [];
  return rows.map((row) => {
    if (!row.isTotal) {
      since.push(row.line);
      return row;
    }
    const out = { ...row, sumOf: since };
    since = [row.line];
    return out;
  });
}

/** "73 %", "99,4%", "ca. 11,8 %" → number; null when the text is not a single number. */
function readNumber(raw: string | null): number | null {
  if (raw === null) return null;
  const s = raw.replace(/^ca\.\s*/i, "").replace(/\s*(%|pp)\s*$/i, "").replace(/[\s\u00a0]/g, "").replace(",", ".").replace("\u2212", "-");
  return /^[-+]?\d+(\.\d+)?$/.test(s) ? Number(s) : null;
}

function readTarget(raw: string): NonNullable<Indicator["target"]> {
  const m = /^\s*(>=|<=|≥|≤|>|<|maks\.?|minst|minimum)?\s*(.*)$/i.exec(raw)!;
  const op = (m[1] ?? "").toLowerCase();
  const operator = op === ">" ? ">" : op === "<" ? "<" : op === ">=" || op === "≥" || op === "minst" || op === "minimum" ? ">=" : op === "<=" || op === "≤" || op.startsWith("maks") ? "<=" : null;
  return { raw, operator, value: readNumber(m[2] ?? "") };
}

export function reportFromExpected(name: FixtureName): Report {
  const data = JSON.parse(readFileSync(fixturePath("expected", name), "utf8")) as { budgetRows: ExpectedRow[]; varianceSplits: ExpectedRow[]; indicators: ExpectedIndicator[] };
  const tables = new Map<string, BudgetTable>();
  for (const r of data.budgetRows) {
    let t = tables.get(r.table);
    if (!t) {
      t = { id: tableId(r.table), title: r.table, basis: /brutto/i.test(r.table) ? "gross" : "net", line: Math.max(1, r.line - 5), rows: [] };
      tables.set(r.table, t);
    }
    const [previousActual, originalBudget, revisedBudget, actual, variance] = r.values as [number | null, number | null, number | null, number | null, number | null];
    const row: BudgetRow = { line: r.line, label: r.label, kostra: r.kostra, isTotal: Boolean(r.isTotal), previousActual, originalBudget, revisedBudget, actual, variance };
    t.rows.push(row);
  }
  const budgetTables = [...tables.values()].map((t) => ({ ...t, rows: withSums(t.rows) }));

  const splits = new Map<string, VarianceSplit>();
  for (const r of data.varianceSplits) {
    const id = /0\.1\s*B\b/.test(r.table) ? "0.1B" : tableId(r.table);
    let s = splits.get(r.table);
    if (!s) {
      s = { id, line: Math.max(1, r.line - 5), rows: [] };
      splits.set(r.table, s);
    }
    const [variance, earmarkedVariance, ordinaryVariance] = r.values as [number | null, number | null, number | null];
    s.rows.push({ line: r.line, label: r.label, kostra: r.kostra, isTotal: /^sum\b/i.test(r.label), variance, earmarkedVariance, ordinaryVariance });
  }

  const foTables = budgetTables.filter((t) => t.id.startsWith("FO")).map((t) => ({ id: t.id, line: t.rows[0]!.line }));
  const indicators: Indicator[] = data.indicators.map((i) => {
    const target = i.target === null || i.target === "-" ? null : readTarget(i.target);
    const unit = /%/.test(`${i.target} ${i.result}`) ? "percent" : "other";
    const result = i.result === null ? null : { raw: i.result, value: readNumber(i.result) };
    const statedDeviation = i.statedDeviation === null ? null : { raw: i.statedDeviation, value: readNumber(i.statedDeviation) };
    const deviation = result?.value != null && target?.value != null ? Math.round((result.value - target.value) * 1e6) / 1e6 : null;
    const area = [...foTables].reverse().find((t) => t.line < i.line)?.id ?? null;
    const hib = target?.operator ? target.operator.startsWith(">") : i.higherIsBetter;
    const met = deviation === null || hib === null ? null : hib ? deviation >= 0 : deviation <= 0;
    return { line: i.line, area, label: i.label, unit, target, result, statedDeviation, deviation, higherIsBetter: i.higherIsBetter, met };
  });

  const findings: Report["findings"] = [];
  for (const t of budgetTables)
    for (const r of t.rows) {
      if (r.revisedBudget === null || r.actual === null || r.variance === null) continue;
      const computed = r.revisedBudget - r.actual;
      const diff = Math.abs(computed - r.variance);
      if (diff === 0) continue;
      findings.push({
        severity: diff <= 1 ? "info" : "error",
        code: "ROW_VARIANCE_MISMATCH",
        line: r.line,
        message: `${r.label}: avvik er oppgitt til ${r.variance}, men regulert budsjett − regnskap gir ${computed}`,
        stated: r.variance,
        computed,
      });
    }

  return reportSchema.parse({ schemaVersion: 1, district: districts[name], year: 2024, budgetTables, varianceSplits: [...splits.values()], indicators, findings });
}
