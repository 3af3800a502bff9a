import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { adjustmentKinds, correctionBridge, indicatorDeviation, reportSchema, sum, variance, variancePercent, type AdjustmentKind, type BudgetRow, type Report } from "@bydel/core";
import { buildCombinedLayout, buildLayout, economyColumns, ECONOMY_HEADER_ROW, overviewRows, PROSE_HEADER_ROW, statementColumns, type WorkbookLayout } from "@bydel/layout";
import { renderXlsx } from "@bydel/xlsx";
import { fixtureNames } from "../workbook/report-from-expected.js";
import { loadReport } from "../workbook/load-report.js";
import { findSoffice, recalculate } from "../workbook/libreoffice.js";
import { csvValue, formulaMismatches } from "../workbook/compare.js";
import { withSageneProse } from "../workbook/sagene-prose.js";
import { vestreAkerCorrections, vestreAkerStatements } from "../workbook/vestre-aker-prose.js";

/**
 * Proof by a real spreadsheet engine: each fixture's workbook is opened in LibreOffice, which
 * is made to recalculate every formula (their cached results are the layout's own expectations); every recalculated formula cell must equal
 * what @bydel/core computes, and editing a Regnskap cell must flow through the sheet.
 */

const num = (raw: string | undefined): number => {
  const v = csvValue(raw ?? "");
  if (typeof v !== "number") throw new Error(`expected a number, got ${JSON.stringify(raw)}`);
  return v;
};

async function recalculated(layout: WorkbookLayout, bytes?: Uint8Array) {
  return recalculate(bytes ?? (await renderXlsx(layout)), layout.sheets.map((s) => s.name));
}

/** The economy sheet's row for a report row, found by table id and source line (not by layout internals). */
function economyRow(grid: string[][], tableId: string, line: number): string[] {
  const row = grid.slice(ECONOMY_HEADER_ROW + 1).find((r) => r[economyColumns.table] === tableId && r[economyColumns.line] === String(line));
  if (!row) throw new Error(`no economy row for ${tableId} line ${line}`);
  return row;
}

/** A Sum row's four money values recomputed with core from its addends (recursively). */
function coreTotals(rows: readonly BudgetRow[], row: BudgetRow): { revisedBudget: number | null; actual: number | null } {
  if (!row.isTotal || !row.sumOf?.length) return { revisedBudget: row.revisedBudget, actual: row.actual };
  const parts = row.sumOf.map((l) => rows.find((r) => r.line === l)!).map((r) => coreTotals(rows, r));
  return { revisedBudget: sum(parts.map((p) => p.revisedBudget)), actual: sum(parts.map((p) => p.actual)) };
}

describe("the workbook, recalculated by LibreOffice", () => {
  it("has LibreOffice (soffice) installed; the e2e tests never skip", () => {
    expect(findSoffice()).toMatch(/soffice$/);
  });

  for (const name of fixtureNames) {
    it(`${name}: every formula cell equals the core's value`, async () => {
      const { report, source } = await loadReport(name);
      console.info(`${name}: report from ${source}`);
      const layout = buildLayout(report);
      const values = await recalculated(layout);
      const { checked, mismatches } = formulaMismatches(layout, values);
      expect(mismatches).toEqual([]);
      expect(checked).toBeGreaterThan(200);

      // Independently of the layout's own expectations: variances, Sum rows, indicators, bridge.
      const economy = values.get("Økonomi")!;
      let rowsChecked = 0;
      for (const table of report.budgetTables) {
        for (const row of table.rows) {
          const cells = economyRow(economy, table.id, row.line);
          const t = coreTotals(table.rows, row);
          const v = t.revisedBudget === null && t.actual === null ? null : variance(t.revisedBudget ?? 0, t.actual ?? 0);
          if (v === null) expect(cells[economyColumns.variance]).toBe("");
          else expect(num(cells[economyColumns.variance])).toBe(v);
          if (row.isTotal && row.sumOf?.length) expect(num(cells[economyColumns.actual])).toBe(t.actual ?? 0);
          const pct = variancePercent(t.revisedBudget ?? 0, t.actual ?? 0);
          if (pct === null) expect(cells[economyColumns.variancePercent]).toBe("");
          else expect(num(cells[economyColumns.variancePercent]) * 100).toBeCloseTo(pct, 9);
          rowsChecked++;
        }
      }
      expect(rowsChecked).toBeGreaterThan(50);

      const indicators = values.get("Indikatorer")!;
      report.indicators.forEach((ind, i) => {
        const cells = indicators[4 + i]!;
        const d = indicatorDeviation(ind.result?.value ?? null, ind.target?.value != null ? { operator: ind.target.operator, value: ind.target.value } : null, {
          higherIsBetter: ind.higherIsBetter,
        });
        if (d.deviation === null) expect(cells[8]).toBe("");
        else expect(num(cells[8])).toBeCloseTo(d.deviation, 9);
        // A result stated in words has no number: the cell holds the report's own judgement.
        const met = ind.result?.value == null && ind.met !== null ? ind.met : d.met;
        expect(cells[11]).toBe(met === null ? "" : met ? "Ja" : "Nei");
      });

      const overview = values.get("Oversikt")!;
      const net = report.budgetTables.find((t) => t.id === "0.1B")!;
      const main = net.rows.filter((r) => r.isTotal).find((r) => /sosialhjelp/i.test(r.label))!;
      const mainTotals = coreTotals(net.rows, main);
      const start = variance(mainTotals.revisedBudget ?? 0, mainTotals.actual ?? 0);
      // Earmarked: the split's service-area rows summed (the Sum rows are formulas over them); else the
      // district total of the result per unit (Sagene: 10 373); else the blank input (0).
      const split = report.varianceSplits.find((s) => s.id === "0.1B");
      const unitTotal = report.varianceSplits.find((s) => s.id === "enhet")?.rows.filter((r) => r.isTotal).at(-1)?.earmarkedVariance ?? null;
      // The other steps, and earmarked funds where no table has them: the district's corrections the text
      // states (report.corrections), when its statements of a kind agree within their precision (the most precise), else none.
      const stated = (kind: AdjustmentKind): number | null => {
        const own = report.corrections.filter((c) => c.kind === kind && c.scope.level === "district" && c.amount.unit === "kNOK");
        const agree = own.every((a) => own.every((b) => Math.abs(a.amount.value - b.amount.value) <= a.amount.precision + b.amount.precision + 1e-9));
        return agree && own.length > 0 ? [...own].sort((a, b) => a.amount.precision - b.amount.precision || a.line - b.line)[0]!.amount.value : null;
      };
      const earmarked = split ? sum(split.rows.filter((r) => !r.isTotal).map((r) => r.earmarkedVariance)) : (unitTotal ?? stated("earmarked") ?? 0);
      if (name === "vestre-aker-2024") expect(earmarked).toBe(20040); // printed 20 039: rounding
      if (name === "sagene-2024") expect(earmarked).toBe(10373);
      const ordinary = correctionBridge(start, [{ kind: "earmarked", amount: earmarked }]);
      const bridge = correctionBridge(start, adjustmentKinds.map((kind) => ({ kind, amount: kind === "earmarked" ? earmarked : (stated(kind) ?? 0) })));
      expect(num(overview[overviewRows.variance]![1])).toBe(start);
      expect(num(overview[overviewRows.ordinary]![1])).toBe(ordinary.result);
      const end = overviewRows.bridgeStart + 6;
      expect(overview[end]![0]).toBe("Reelt resultat");
      expect(num(overview[end]![3])).toBe(bridge.result);
    });
  }

  it("follows an edited Regnskap cell: the row's variance, the table's Sum rows and the overview's bridge", async () => {
    const { report } = await loadReport("sagene-2024");
    const layout = buildLayout(report);
    const bytes = await renderXlsx(layout);
    const before = await recalculated(layout, bytes);

    // Edit the file as a controller would: FO1's Regnskap in Tabell 0.1 B goes up by 1 000.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Økonomi")!;
    const economy = before.get("Økonomi")!;
    const net = report.budgetTables.find((t) => t.id === "0.1B")!;
    const fo1 = net.rows.find((r) => /funksjonsområde 1$/i.test(r.label))!;
    const rowIndex = economy.indexOf(economyRow(economy, "0.1B", fo1.line));
    const cell = ws.getCell(rowIndex + 1, economyColumns.actual + 1);
    expect(cell.value).toBe(fo1.actual);
    cell.value = fo1.actual! + 1000;
    const edited = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const after = await recalculated(layout, edited);

    const varianceAt = (values: Map<string, string[][]>, line: number) => num(economyRow(values.get("Økonomi")!, "0.1B", line)[economyColumns.variance]);
    expect(varianceAt(after, fo1.line)).toBe(varianceAt(before, fo1.line) - 1000);
    for (const total of net.rows.filter((r) => r.isTotal)) {
      expect(varianceAt(after, total.line)).toBe(varianceAt(before, total.line) - 1000);
      expect(num(economyRow(after.get("Økonomi")!, "0.1B", total.line)[economyColumns.actual])).toBe(
        num(economyRow(before.get("Økonomi")!, "0.1B", total.line)[economyColumns.actual]) + 1000,
      );
    }
    const o = (values: Map<string, string[][]>, r: number, c: number) => num(values.get("Oversikt")![r]![c]);
    expect(o(after, overviewRows.variance, 1)).toBe(o(before, overviewRows.variance, 1) - 1000);
    expect(o(after, overviewRows.ordinary, 1)).toBe(o(before, overviewRows.ordinary, 1) - 1000);
    for (let r = overviewRows.bridgeStart; r <= overviewRows.bridgeStart + 6; r++) expect(o(after, r, 3)).toBe(o(before, r, 3) - 1000);
  });

  it("follows the controller's inputs: Sagene's earmarked 10 373 (from the result per unit) gives ordinary operations 28 682 − 10 373 = 18 309, and an edited figure flows", async () => {
    const { report } = await loadReport("sagene-2024");
    const layout = buildLayout(report);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await renderXlsx(layout)) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Oversikt")!;
    const input = ws.getCell(overviewRows.earmarked + 1, 2);
    expect(input.value).toBe(10373); // the printed total of the result per unit, in an input cell
    const before = await recalculated(layout, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    expect(num(before.get("Oversikt")![overviewRows.ordinary]![1])).toBe(18309);
    // The controller corrects the figure (say 373 of it is not earmarked after all): 28 682 − 10 000 = 18 682.
    input.value = 10000;
    // A planned overspend of 1 000 (adds back) and a risk-reserve release of 500 (subtracts).
    ws.getCell(overviewRows.bridgeStart + 3 + 1, 3).value = 1000;
    ws.getCell(overviewRows.bridgeStart + 4 + 1, 3).value = 500;
    const after = await recalculated(layout, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    const o = after.get("Oversikt")!;
    const start = num(o[overviewRows.variance]![1]);
    expect(start).toBe(28682);
    expect(num(o[overviewRows.ordinary]![1])).toBe(18682);
    const bridge = correctionBridge(start, [
      { kind: "earmarked", amount: 10000 },
      { kind: "priorYearOverspend", amount: 0 },
      { kind: "plannedOverspend", amount: 1000 },
      { kind: "riskReserveRelease", amount: 500 },
      { kind: "other", amount: 0 },
    ]);
    bridge.steps.forEach((step, i) => expect(num(o[overviewRows.bridgeStart + 1 + i]![3])).toBe(step.total));
    expect(num(o[overviewRows.bridgeStart + 6]![3])).toBe(bridge.result);
    expect(bridge.result).toBe(19182);
  });

  it("writes report text that looks like a formula as text", async () => {
    const { report } = await loadReport("sagene-2024");
    const labels = ["=1+2", "+47 22 00 00 00", "-herav lønn", "@SUM(1,2)", '=HYPERLINK("http://x","y")'];
    const table = report.budgetTables[0]!;
    const hostile: Report = {
      ...report,
      budgetTables: [{ ...table, rows: table.rows.map((r, i) => (i < labels.length ? { ...r, label: labels[i]! } : r)) }, ...report.budgetTables.slice(1)],
    };
    const layout = buildLayout(hostile);
    const values = await recalculated(layout);
    const economy = values.get("Økonomi")!;
    labels.forEach((label, i) => expect(economy[ECONOMY_HEADER_ROW + 1 + i]![economyColumns.label]).toBe(label));
  });

  it("combines the three reports with a comparison sheet whose formulas equal the core's values", async () => {
    const reports = await Promise.all(fixtureNames.map(async (n) => (await loadReport(n)).report));
    const layout = buildCombinedLayout(reports);
    expect(layout.sheets.map((s) => s.name)).toContain("Sammenligning");
    for (const s of layout.sheets) expect(s.name.length).toBeLessThanOrEqual(31);
    const values = await recalculated(layout);
    const { checked, mismatches } = formulaMismatches(layout, values);
    expect(mismatches).toEqual([]);
    expect(checked).toBeGreaterThan(600);
    const comparison = values.get("Sammenligning")!;
    const fo1 = comparison.find((r) => r[0] === "Funksjonsområde 1")!;
    reports.forEach((rep, i) => {
      const row = rep.budgetTables.find((t) => t.id === "0.1B")!.rows.find((r) => r.label === "Funksjonsområde 1")!;
      expect(num(fo1[1 + i])).toBe(variance(row.revisedBudget!, row.actual!));
    });
  });
});

describe("the text's corrections and statements, recalculated by LibreOffice", () => {
  const KILDE = 10;
  const END = overviewRows.bridgeStart + 6;
  const labelled = (grid: string[][], label: string) => grid.filter((r) => r[0] === label);

  it("Sagene: the bridge 28 682 − 10 373 = 18 309 against the stated «18,30» (rounding) and the per-unit 18 306; Tekstkontroll's differences; no contradiction counted", async () => {
    const { report: imported } = await loadReport("sagene-2024");
    const report = withSageneProse(imported);
    const layout = buildLayout(report);
    const values = await recalculated(layout);
    const { checked, mismatches } = formulaMismatches(layout, values);
    expect(mismatches).toEqual([]);
    expect(checked).toBeGreaterThan(200);

    const o = values.get("Oversikt")!;
    expect(num(o[END]![3])).toBe(28682 - 10373);
    expect(o[overviewRows.bridgeStart + 1]![KILDE]).toContain("linje 256: 10,37 millioner kroner");
    const stated = labelled(o, "Oppgitt i teksten (øremerket)");
    expect(stated.map((r) => [num(r[2]), num(r[3]), r[4]])).toEqual([[18300, -9, "stemmer innen avrunding"]]);
    const units = labelled(o, "Resultat per enhet (tabell; avvik − øremerket)")[0]!;
    expect([num(units[2]), num(units[3]), units[4]]).toEqual([18306, -3, "tabellene avviker"]);
    expect(num(labelled(o, "Motstrid i teksten")[0]![1])).toBe(0);

    const t = values.get("Tekstkontroll")!;
    const body = t.slice(PROSE_HEADER_ROW + 1, PROSE_HEADER_ROW + 1 + report.statements.length);
    const sorted = [...report.statements].sort((a, b) => a.line - b.line);
    body.forEach((row, i) => {
      const st = sorted[i]!;
      expect(row[statementColumns.quote]).toBe(st.quote);
      expect(num(row[statementColumns.difference])).toBe(variance(st.stated.value, st.reference!.value));
    });
    expect(values.get("Kontroll")![2]![0]).toBe("Motstrid i teksten: 0 (tall i teksten som tabellene motsier, se arket Tekstkontroll).");
  });

  it("fills steps from the text where no table gives them, and the controller's edit flows to the total, the difference and the verdict", async () => {
    const { report: imported } = await loadReport("sagene-2024");
    const district = { level: "district", table: null, name: null } as const;
    const report = withSageneProse(
      { ...imported, varianceSplits: [] },
      {
        corrections: [
          { kind: "priorYearOverspend", amount: { raw: "5,8 millioner kroner", value: 5800, unit: "kNOK", precision: 50 }, scope: district, line: 300, quote: "=Inndekning av fjorårets merforbruk på 5,8 millioner kroner." },
          { kind: "riskReserveRelease", amount: { raw: "5 800", value: 5800, unit: "kNOK", precision: 0.5 }, scope: district, line: 310, quote: "Frigjort risikoavsetning 5 800." },
        ],
        findings: [{ severity: "error", code: "PROSE_MISMATCH", line: 600, message: "@motstrid", stated: 1, computed: 2 }],
      },
    );
    const layout = buildLayout(report);
    const bytes = await renderXlsx(layout);
    const before = await recalculated(layout, bytes);
    expect(formulaMismatches(layout, before).mismatches).toEqual([]);
    const o = before.get("Oversikt")!;
    // earmarked from the text (10 370), then +5 800 and −5 800: 28 682 − 10 370 = 18 312
    expect(num(o[overviewRows.earmarked]![1])).toBe(10370);
    expect([1, 2, 3, 4, 5].map((i) => num(o[overviewRows.bridgeStart + i]![3]))).toEqual([18312, 24112, 24112, 18312, 18312]);
    expect(num(labelled(o, "Motstrid i teksten")[0]![1])).toBe(1);
    expect(contains(before.get("Kontroll")!, "@motstrid")).toBe(true);
    expect(before.get("Tekstkontroll")!.some((r) => r[2] === "=Inndekning av fjorårets merforbruk på 5,8 millioner kroner.")).toBe(true);

    // line 256's «18,30» stands after the earmarked step only (the import's bridge): 18 300 − 18 312, within the text's ± 5 and a unit
    const before256 = labelled(o, "Oppgitt i teksten (øremerket)")[0]!;
    expect([num(before256[3]), before256[4]]).toEqual([-12, "stemmer innen avrunding"]);

    // The controller finds the recovery was 6 000, not 5 800, and the earmarked funds 10 000: the steps, the result, the difference and the verdict follow.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Oversikt")!;
    const input = ws.getCell(overviewRows.bridgeStart + 2 + 1, 3);
    expect(input.value).toBe(5800);
    input.value = 6000;
    const earmarkedInput = ws.getCell(overviewRows.earmarked + 1, 2);
    expect(earmarkedInput.value).toBe(10370);
    earmarkedInput.value = 10000;
    const after = await recalculated(layout, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    const a = after.get("Oversikt")!;
    expect(num(a[END]![3])).toBe(28682 - 10000 + 6000 - 5800);
    const stated = labelled(a, "Oppgitt i teksten (øremerket)")[0]!;
    expect(num(stated[3])).toBe(18300 - 18682);
    expect(stated[4]).toBe("motstrid");
  });
});

describe("a text that states its bridge in steps, recalculated by LibreOffice", () => {
  it("Vestre Aker: −105 against the earmarked step, −64 against earmarked and planned overspend, the whole bridge −28 182", async () => {
    const { report: va } = await loadReport("vestre-aker-2024");
    const layout = buildLayout(reportSchema.parse({ ...va, corrections: vestreAkerCorrections, statements: vestreAkerStatements }));
    const values = await recalculated(layout);
    expect(formulaMismatches(layout, values).mismatches).toEqual([]);
    const o = values.get("Oversikt")!;
    expect(num(o[overviewRows.bridgeStart + 6]![3])).toBe(-85142 - 20040 + 36000 + 41000);
    const rows = o.filter((r) => r[0]!.startsWith("Oppgitt i teksten ("));
    expect(rows.map((r) => [r[0], num(r[2]), num(r[3]), r[4]])).toEqual([
      ["Oppgitt i teksten (øremerket)", -105000, -105000 - (-85142 - 20040), "stemmer"],
      ["Oppgitt i teksten (øremerket + planlagt)", -64000, -64000 - (-85142 - 20040 + 41000), "stemmer"],
    ]);
  });
});

function contains(grid: string[][], text: string): boolean {
  return grid.some((r) => r.some((c) => c.includes(text)));
}
