import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { reportSchema, type BudgetRow, type Report } from "@bydel/core";
import { importReport } from "@bydel/import";

const root = fileURLToPath(new URL("../fixtures/", import.meta.url));
const names = ["sagene-2024", "vestre-aker-2024", "grunerlokka-2024"] as const;

interface Expected {
  budgetRows: { line: number; label: string; isTotal: boolean; values: (number | null)[] }[];
  varianceSplits: { line: number; label: string; values: number[] }[];
  indicators: { line: number; label: string; target: string; result: string; statedDeviation: string | null }[];
}

const reports = new Map<string, Report>();
function report(name: string): Report {
  let r = reports.get(name);
  if (!r) {
    r = importReport(readFileSync(`${root}reports/${name}.txt`, "utf8"));
    reports.set(name, r);
  }
  return r;
}
const expected = (name: string): Expected => JSON.parse(readFileSync(`${root}expected/${name}.json`, "utf8")) as Expected;
const values = (r: BudgetRow) => [r.previousActual, r.originalBudget, r.revisedBudget, r.actual, r.variance];

describe.each(names)("import of %s", (name) => {
  it("validates against the report schema", () => {
    expect(reportSchema.safeParse(report(name)).success).toBe(true);
  });

  it("finds the district and the year", () => {
    expect(report(name).year).toBe(2024);
    expect(report(name).district).toBe({ "sagene-2024": "Sagene", "vestre-aker-2024": "Vestre Aker", "grunerlokka-2024": "Grünerløkka" }[name]);
  });

  it("reads every expected budget row with exactly its five values, at its line", () => {
    const rows = report(name).budgetTables.flatMap((t) => t.rows);
    for (const e of expected(name).budgetRows) {
      const got = rows.find((r) => r.line === e.line);
      expect(got, `row at line ${e.line} (${e.label})`).toBeDefined();
      // a blank cell is null; the expected file's blank matches a blank, never an invented number
      expect(values(got!).map((v, i) => (e.values[i] === null && v === 0 ? null : v)), `line ${e.line} ${e.label}`).toEqual(e.values);
      expect(got!.isTotal, `isTotal at line ${e.line}`).toBe(e.isTotal);
    }
  });

  it("imports no row beyond the expected ones", () => {
    const lines = new Set(expected(name).budgetRows.map((e) => e.line));
    const extra = report(name).budgetTables.flatMap((t) => t.rows).filter((r) => !lines.has(r.line));
    expect(extra).toEqual([]);
  });

  it("reads every earmarked/ordinary split row (the result per unit, id enhet, is pinned in unit-split.test.ts)", () => {
    const rows = report(name).varianceSplits.filter((s) => s.id !== "enhet").flatMap((s) => s.rows);
    for (const e of expected(name).varianceSplits) {
      const got = rows.find((r) => r.line === e.line);
      expect(got, `split at line ${e.line}`).toBeDefined();
      expect([got!.variance, got!.earmarkedVariance, got!.ordinaryVariance], `split line ${e.line}`).toEqual(e.values);
    }
    expect(rows.length).toBe(expected(name).varianceSplits.length);
  });

  it("reads each indicator it finds at an expected line with exactly the printed target, result and deviation", () => {
    const norm = (t: string | null | undefined) => (t ?? null) === null ? null : t!.replace(/\s+/g, " ").trim();
    let found = 0;
    for (const e of expected(name).indicators) {
      const got = report(name).indicators.find((i) => i.line === e.line);
      if (!got) continue;
      found++;
      if (got.kind === "prose") {
        // the expected file describes a prose indicator in words ("3 uker / foreløpig svar innen 2 uker"); the import keeps the phrase as printed
        expect(norm(e.target), `target at line ${e.line}`).toContain(norm(got.target?.raw));
        expect(norm(e.result), `result at line ${e.line}`).toContain(norm(got.result?.raw));
        expect(got.statedDeviation).toBeNull();
        continue;
      }
      expect(norm(got.target?.raw), `target at line ${e.line}`).toBe(norm(e.target));
      expect(norm(got.result?.raw), `result at line ${e.line}`).toBe(norm(e.result));
      expect(norm(got.statedDeviation?.raw), `deviation at line ${e.line}`).toBe(norm(e.statedDeviation));
    }
    // every table row is read, and the indicators stated in running text ("minimum 85 %", "ca. 11,8 %") at their line
    const floor = { "sagene-2024": 41, "vestre-aker-2024": 16, "grunerlokka-2024": 7 }[name];
    expect(found).toBeGreaterThanOrEqual(floor);
  });

  it("recomputes every indicator deviation as result − target and says whether the target is met", () => {
    for (const i of report(name).indicators) {
      if (i.result?.value == null || i.target?.value == null) continue;
      expect(i.deviation, i.label).toBeCloseTo(i.result.value - i.target.value, 9);
      if (i.higherIsBetter !== null && i.target.operator === null) expect(i.met, i.label).toBe(i.higherIsBetter ? i.deviation! >= 0 : i.deviation! <= 0);
    }
  });

  it("reports only the known contradictions as errors", () => {
    // Sagene 4650: «+1,0 %» for Administrasjon og felles, whose row (line 4077) gives 4,8 % (PROSE_MISMATCH; the prose analysis lists it).
    // Grünerløkka 640, 1710, 3069: «eksterne rammejusteringer for totalt …» already hold the funds carried over, counted again (the prose analysis lists them)
    // The text's counts, each listed by the prose analysis: Sagene 6815 «22 personer», whose parts make 24; Vestre Aker 133
    // «49 759 innbyggere», 52 590 in the population table, and 2979 «økt fra 755 til 912 i 2024» mottakere av sosialhjelp, 712 and
    // 879 in the key figures; Grünerløkka 1460–1461 the births of 2023, 2022 and 2021, not the key figures', and 1559 the
    // youth council's «43 saker», 40 in the political bodies' table. Vestre Aker 4132: the pay table's «32 98» (men % + women % = 130;
    // the analysis names it outside its prose calculations: tests/fixtures/analysis/table-errors.json)
    const known = { "sagene-2024": [248, 1057, 2119, 2298, 2309, 2318, 4650, 6815], "vestre-aker-2024": [133, 330, 330, 2979, 2979, 4132], "grunerlokka-2024": [640, 1460, 1461, 1461, 1559, 1710, 2295, 3069] }[name];
    expect(report(name).findings.filter((f) => f.severity === "error").map((f) => f.line)).toEqual(known);
  });

  it("marks the rows a Sum row adds up, cascading totals included", () => {
    for (const t of report(name).budgetTables) {
      for (const r of t.rows.filter((x) => x.isTotal)) {
        expect(r.sumOf?.length, `${t.id} ${r.label}`).toBeGreaterThan(0);
        for (const l of r.sumOf!) expect(t.rows.some((x) => x.line === l)).toBe(true);
      }
    }
  });
});

describe("Tabell 0.1 B structure", () => {
  it("sums the service areas into 'Sum netto utgifter, drift', then that total and FO4 into the grand total", () => {
    const t = report("sagene-2024").budgetTables.find((x) => x.id === "0.1B")!;
    const drift = t.rows.find((r) => r.label.startsWith("Sum netto utgifter, drift"))!;
    const grand = t.rows.find((r) => r.label.startsWith("Sum netto utgift + sosialhjelp"))!;
    expect(drift.sumOf).toEqual([243, 244, 245, 246, 247]);
    expect(grand.sumOf).toEqual([248, 250]);
    expect(t.rows.filter((r) => !r.isTotal).map((r) => r.area)).toEqual(["FO1", "FO2A", "FO2B", "FO2C", "FO3", "FO4"]);
  });
});
