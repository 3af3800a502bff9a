import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import type { Report } from "@bydel/core";
import JSZip from "jszip";
import { buildLayout, cellAddress, economyColumns, ECONOMY_HEADER_ROW, parseCellAddress, type WorkbookLayout } from "@bydel/layout";
import { renderXlsx } from "@bydel/xlsx";
import { reportFromExpected } from "../../../tests/workbook/report-from-expected.js";

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

describe("renderXlsx", () => {
  const report = reportFromExpected("sagene-2024");
  const t = report.budgetTables[0]!;
  const hostile: Report = { ...report, budgetTables: [{ ...t, rows: [{ ...t.rows[0]!, label: "=1+2" }, { ...t.rows[1]!, label: "@foo" }, ...t.rows.slice(1 + 1)] }, ...report.budgetTables.slice(1)] };
  const layout: WorkbookLayout = buildLayout(hostile);

  it("writes an xlsx (a zip) with the layout's sheets in order", async () => {
    const bytes = await renderXlsx(layout);
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect([bytes[0], bytes[1]]).toEqual([0x50, 0x4b]);
    const wb = await readBack(bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(layout.sheets.map((s) => s.name));
  });

  it("writes formulas with the core's value as cached result, text as text, numbers with their formats", async () => {
    const wb = await readBack(await renderXlsx(layout));
    const ws = wb.getWorksheet("Økonomi")!;
    const first = ECONOMY_HEADER_ROW + 2; // 1-based first body row
    const variance = ws.getCell(first, economyColumns.variance + 1).value as ExcelJS.CellFormulaValue;
    expect(variance.formula).toMatch(/^IF\(COUNT\(G5,H5\)=0,"",G5-H5\)$/);
    const expected = layout.sheets[1]!.rows[first - 1]![economyColumns.variance] as { expected: number };
    expect(typeof expected.expected).toBe("number");
    expect(variance.result).toBe(expected.expected);
    expect(ws.getCell(first, economyColumns.label + 1).value).toBe("=1+2");
    expect(ws.getCell(first, economyColumns.label + 1).type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell(first + 1, economyColumns.label + 1).value).toBe("@foo");
    expect(ws.getCell(first, economyColumns.actual + 1).numFmt).toBe("#,##0");
    expect(ws.getCell(first, economyColumns.variancePercent + 1).numFmt).toBe("0.0%");
  });

  it("caches every formula's value in the file (exceljs reads back no 0 result, so the sheet XML is read)", async () => {
    const zip = await JSZip.loadAsync(await renderXlsx(layout));
    let checked = 0;
    for (const [i, sheet] of layout.sheets.entries()) {
      const xml = await zip.file(`xl/worksheets/sheet${i + 1}.xml`)!.async("string");
      const cached = new Map([...xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*)><f>[^<]*<\/f>(?:<v>([^<]*)<\/v>|<v\/>)?<\/c>/g)].map((m) => [m[1]!, { str: /t="str"/.test(m[2]!), v: m[3] ?? "" }]));
      sheet.rows.forEach((cells, r) =>
        cells.forEach((cell, c) => {
          if (cell?.kind !== "formula") return;
          const got = cached.get(cellAddress(r, c));
          const want = cell.expected ?? "";
          expect(got, `${sheet.name}!${cellAddress(r, c)}`).toEqual({ str: typeof want === "string", v: String(want) });
          checked++;
        }),
      );
    }
    expect(checked).toBeGreaterThan(200);
  });

  it("creates the Excel tables, frozen panes, column widths and conditional formats of the layout", async () => {
    const wb = await readBack(await renderXlsx(layout));
    const ws = wb.getWorksheet("Økonomi")!;
    const spec = layout.sheets[1]!;
    const table = ws.getTable("Okonomi") as unknown as { table: { ref: string; tableRef?: string; name: string } };
    expect(table.table.name).toBe("Okonomi");
    expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 3, ySplit: 4 });
    expect(ws.getColumn(3).width).toBe(spec.columns[2]!.width);
    const cfs = (ws as unknown as { conditionalFormattings: { ref: string; rules: { type: string }[] }[] }).conditionalFormattings;
    expect(cfs.length).toBe(spec.conditionalFormats.length);
    expect(cfs.some((c) => c.rules[0]!.type === "dataBar")).toBe(true);
    expect(cfs.some((c) => c.rules[0]!.type === "cellIs")).toBe(true);
  });

  it("draws the layout's chart as DrawingML parts over the chart's live data cells, with the layout's values cached", async () => {
    const overview = layout.sheets[0]!;
    const chart = overview.charts?.[0];
    expect(chart?.type).toBe("barClustered");
    const bytes = await renderXlsx(layout);
    const zip = await JSZip.loadAsync(bytes);
    // The data cells are the layout's formulas, in the file like any cell.
    const wb = await readBack(bytes);
    const ws = wb.getWorksheet(overview.name)!;
    const [from, to] = chart!.series[0]!.values.split(":").map((x) => parseCellAddress(x)) as [{ row: number; col: number }, { row: number; col: number }];
    for (let row = from.row; row <= to.row; row++) {
      const cell = overview.rows[row]![from.col] as { formula: string };
      expect((ws.getCell(row + 1, from.col + 1).value as ExcelJS.CellFormulaValue).formula).toBe(cell.formula.slice(1));
    }
    // Sheet → drawing → chart, each part typed.
    const types = await zip.file("[Content_Types].xml")!.async("string");
    expect(types).toContain('<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>');
    expect(types).toContain('<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>');
    const sheetXml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    const rid = /<drawing r:id="([^"]+)"\/>/.exec(sheetXml)![1]!;
    // <drawing> comes before <legacyDrawing> (the notes) and <tableParts>, as the schema orders them.
    const legacy = sheetXml.indexOf("<legacyDrawing");
    if (legacy >= 0) expect(sheetXml.indexOf("<drawing ")).toBeLessThan(legacy);
    expect(sheetXml.indexOf("<drawing ")).toBeGreaterThan(sheetXml.indexOf("</sheetData>"));
    const sheetRels = await zip.file("xl/worksheets/_rels/sheet1.xml.rels")!.async("string");
    expect(sheetRels).toMatch(new RegExp(`Id="${rid}" Type="[^"]+/drawing" Target="../drawings/drawing1.xml"`));
    expect(await zip.file("xl/drawings/_rels/drawing1.xml.rels")!.async("string")).toContain('Target="../charts/chart1.xml"');
    const drawing = await zip.file("xl/drawings/drawing1.xml")!.async("string");
    const anchor = parseCellAddress(chart!.anchor);
    expect(drawing).toContain(`<xdr:from><xdr:col>${anchor.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${anchor.row}</xdr:row>`);
    expect(drawing).toContain(`<xdr:ext cx="${chart!.width * 12700}" cy="${chart!.height * 12700}"/>`);
    const xml = await zip.file("xl/charts/chart1.xml")!.async("string");
    expect(xml).toContain('<c:barDir val="bar"/>');
    // The layout lists the areas top down: the category axis runs max to min.
    expect(chart!.categoriesTopDown).toBe(true);
    expect(xml).toContain('<c:orientation val="maxMin"/>');
    const abs = (r: string) => r.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
    expect(xml).toContain(`<c:f>&apos;Oversikt&apos;!${abs(chart!.series[0]!.values)}</c:f>`.replace(/&apos;/g, "'"));
    expect(xml).toContain(`<c:f>'Oversikt'!${abs(chart!.categories)}</c:f>`);
    const cached = [...xml.matchAll(/<c:numCache>.*?<\/c:numCache>/g)][0]![0];
    const values = [...cached.matchAll(/<c:pt idx="(\d+)"><c:v>([^<]+)<\/c:v>/g)].map((m) => Number(m[2]));
    const expected = [];
    for (let row = from.row; row <= to.row; row++) expected.push((overview.rows[row]![from.col] as { expected: number }).expected);
    expect(values).toEqual(expected);
    // Bars below zero in the overspend colour, one point each.
    expect((xml.match(/<c:dPt>/g) ?? []).length).toBe(expected.filter((v) => v < 0).length);
    expect(expected.some((v) => v < 0)).toBe(true);
  });

  it("writes the layout's page setup: A4, orientation, fit or scale, print titles, footer, page breaks, merges", async () => {
    const zip = await JSZip.loadAsync(await renderXlsx(layout));
    const workbook = await zip.file("xl/workbook.xml")!.async("string");
    for (const [i, sheet] of layout.sheets.entries()) {
      const xml = await zip.file(`xl/worksheets/sheet${i + 1}.xml`)!.async("string");
      const p = sheet.print!;
      const setup = /<pageSetup [^>]*>/.exec(xml)![0];
      expect(setup, sheet.name).toContain('paperSize="9"');
      expect(setup).toContain(`orientation="${p.orientation}"`);
      if (p.fitToWidth) {
        expect(xml).toContain('<pageSetUpPr fitToPage="1"/>');
        expect(setup).toMatch(/fitToWidth="1" fitToHeight="0"/);
      } else {
        expect(xml).not.toContain('fitToPage="1"');
        expect(setup).toContain(`scale="${p.scale}"`);
      }
      expect(xml).toContain("<oddFooter>&amp;L&amp;A&amp;RSide &amp;P av &amp;N</oddFooter>");
      const titles = new RegExp(`<definedName name="_xlnm.Print_Titles" localSheetId="${i}">([^<]*)</definedName>`).exec(workbook)?.[1] ?? "";
      if (p.titleRows) expect(titles).toContain(`!$${p.titleRows.first + 1}:$${p.titleRows.last + 1}`);
      if (p.titleColumns) expect(titles).toContain("!$A:$");
      for (const row of p.pageBreaksBefore ?? []) expect(xml).toContain(`<brk id="${row}" max="16383" man="1"/>`.replace("16383", /<brk id="\d+" max="(\d+)"/.exec(xml)![1]!));
      for (const merge of sheet.merges ?? []) expect(xml).toContain(`<mergeCell ref="${merge}"/>`);
    }
    expect(layout.sheets.some((s) => s.print!.titleColumns)).toBe(true);
    expect(layout.sheets.some((s) => s.print!.pageBreaksBefore)).toBe(true);
  });

  it("adds no chart parts to a workbook without charts", async () => {
    const noCharts: WorkbookLayout = { ...layout, sheets: layout.sheets.map(({ charts: _charts, ...s }) => s) };
    const zip = await JSZip.loadAsync(await renderXlsx(noCharts));
    expect(Object.keys(zip.files).some((f) => f.startsWith("xl/charts/"))).toBe(false);
  });

  it("refuses a table whose header row is not text", async () => {
    const broken: WorkbookLayout = {
      title: "x",
      sheets: [{ name: "A", rows: [[{ kind: "number", value: 1 }], [{ kind: "number", value: 2 }]], columns: [], tables: [{ name: "T", range: "A1:A2", style: "TableStyleMedium2", showRowStripes: true }], conditionalFormats: [], freeze: null }],
    };
    await expect(renderXlsx(broken)).rejects.toThrow(/text header/);
  });
});
