import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { budgetTableIds, reportSchema, type Report } from "@bydel/core";
import { buildCombinedLayout, buildLayout, parseCellAddress, type Cell, type WorkbookLayout } from "@bydel/layout";

const money = fc.option(fc.integer({ min: -5_000_000, max: 5_000_000 }), { nil: null });
const label = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom("=SUM(A1)", "+47", "-herav", "@x", "Sum netto utgift + sosialhjelp", "Funksjonsområde 2A"));

// Any double the schema accepts: core's range (|x| < 10^15, at most 30 decimals) holds every double from 10^−13 up.
const indicatorValue = fc.double({ min: -1000, max: 1000, noNaN: true }).map((x) => (Math.abs(x) < 1e-13 ? 0 : x));

const reportArb: fc.Arbitrary<Report> = fc
  .record({
    district: fc.option(fc.string({ minLength: 1, maxLength: 40 }), { nil: null }),
    year: fc.option(fc.integer({ min: 2015, max: 2030 }), { nil: null }),
    tables: fc.array(
      fc.record({
        id: fc.constantFrom(...budgetTableIds),
        rows: fc.array(fc.record({ label, isTotal: fc.boolean(), previousActual: money, originalBudget: money, revisedBudget: money, actual: money, variance: money, sumOf: fc.option(fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 6 }), { nil: undefined }) }), { maxLength: 8 }),
      }),
      { maxLength: 4 },
    ),
    indicators: fc.array(
      fc.record({
        label,
        unit: fc.constantFrom("percent", "score", "count", "days", "nok", "other" as const),
        operator: fc.constantFrom(">", ">=", "<", "<=", null),
        target: fc.option(indicatorValue, { nil: null }),
        result: fc.option(indicatorValue, { nil: null }),
        higherIsBetter: fc.constantFrom(true, false, null),
      }),
      { maxLength: 5 },
    ),
  })
  .map(({ district, year, tables, indicators }) => {
    let line = 1;
    return reportSchema.parse({
      schemaVersion: 1,
      district,
      year,
      budgetTables: tables.map((t) => ({
        id: t.id,
        title: `Tabell ${t.id}`,
        basis: "net",
        line: line++,
        rows: t.rows.map((r) => ({ ...r, line: line++, kostra: null, ...(r.sumOf ? { sumOf: r.sumOf } : {}) })),
      })),
      varianceSplits: [],
      indicators: indicators.map((i) => ({
        line: line++,
        area: null,
        label: i.label,
        unit: i.unit,
        target: i.target === null ? null : { raw: String(i.target), operator: i.operator, value: i.target },
        result: i.result === null ? null : { raw: String(i.result), value: i.result },
        statedDeviation: null,
        deviation: null,
        higherIsBetter: i.higherIsBetter,
        met: null,
      })),
      findings: [],
    });
  });

function checkWorkbook(layout: WorkbookLayout) {
  const names = layout.sheets.map((s) => s.name);
  expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
  for (const sheet of layout.sheets) {
    expect(sheet.name.length).toBeLessThanOrEqual(31);
    expect(sheet.name).not.toMatch(/[[\]:*?/\\]/);
    for (const table of sheet.tables) {
      const [from, to] = table.range.split(":").map(parseCellAddress) as [{ row: number; col: number }, { row: number; col: number }];
      expect(to.row).toBeGreaterThan(from.row); // a header and at least one body row
      const headers = sheet.rows[from.row]!.slice(from.col, to.col + 1);
      expect(headers.every((h) => h?.kind === "text")).toBe(true);
      expect(new Set(headers.map((h) => (h as { value: string }).value)).size).toBe(headers.length);
    }
    for (const chart of sheet.charts ?? []) {
      // Every range is on the sheet, filled with formulas, and as long as the categories.
      const span = (range: string) => {
        const [a, b] = range.split(":").map(parseCellAddress) as [{ row: number; col: number }, { row: number; col: number }];
        expect(a.col).toBe(b.col);
        for (let r = a.row; r <= b.row; r++) expect(sheet.rows[r]?.[a.col]?.kind).toBe("formula");
        return b.row - a.row + 1;
      };
      const n = span(chart.categories);
      expect(chart.series.length).toBeGreaterThan(0);
      for (const series of chart.series) expect(span(series.values)).toBe(n);
      expect(() => parseCellAddress(chart.anchor)).not.toThrow();
    }
    for (const cell of sheet.rows.flat() as (Cell | null)[]) {
      if (cell?.kind === "formula") {
        expect(cell.formula.startsWith("=")).toBe(true);
        const e = cell.expected;
        expect(e === "" || typeof e === "string" || (typeof e === "number" && Number.isFinite(e))).toBe(true);
      }
      if (cell?.kind === "number") expect(Number.isFinite(cell.value)).toBe(true);
    }
  }
}

describe("layout properties (any report the schema accepts)", () => {
  it("gives valid, unique names, proper tables and finite expectations, whatever the report says", () => {
    fc.assert(
      fc.property(reportArb, (report) => {
        checkWorkbook(buildLayout(report));
      }),
      { numRuns: 150 },
    );
  });

  it("builds a combined workbook of any reports, same district or not", () => {
    fc.assert(
      fc.property(fc.array(reportArb, { minLength: 1, maxLength: 4 }), (reports) => {
        const layout = buildCombinedLayout(reports);
        checkWorkbook(layout);
        expect(layout.sheets).toHaveLength(1 + 5 * reports.length);
      }),
      { numRuns: 40 },
    );
  });

  it("writes circular or dangling Sum rows as their printed values, not as formulas", () => {
    const report = reportSchema.parse({
      schemaVersion: 1,
      district: "X",
      year: 2024,
      budgetTables: [
        {
          id: "FO1",
          title: "t",
          basis: "net",
          line: 1,
          rows: [
            { line: 2, label: "a", kostra: null, isTotal: true, previousActual: 1, originalBudget: 1, revisedBudget: 5, actual: 3, variance: 2, sumOf: [3] },
            { line: 3, label: "b", kostra: null, isTotal: true, previousActual: 1, originalBudget: 1, revisedBudget: 5, actual: 3, variance: 2, sumOf: [2] },
            { line: 4, label: "c", kostra: null, isTotal: true, previousActual: 1, originalBudget: 1, revisedBudget: 5, actual: 3, variance: 2, sumOf: [99] },
          ],
        },
      ],
      varianceSplits: [],
      indicators: [],
      findings: [],
    });
    const eco = buildLayout(report).sheets[1]!;
    for (const r of [4, 5, 6]) {
      expect(eco.rows[r]![7]).toMatchObject({ kind: "number", value: 3 });
      expect(eco.rows[r]![3]).toMatchObject({ kind: "text", value: "Ja (oppgitt)" });
      expect(eco.rows[r]![8]).toMatchObject({ kind: "formula", expected: 2 });
    }
  });
});
