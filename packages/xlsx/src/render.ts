import ExcelJS from "exceljs";
import { addCharts } from "./charts.js";
import { cellAddress, columnLetter, parseRangeAddress, type Cell, type CellStyle, type PrintSetup, type SheetLayout, type WorkbookLayout } from "@bydel/layout";

/**
 * Renders a workbook layout as an .xlsx file. No decisions here: every value, formula, format and
 * table comes from the layout (see the rules in @bydel/layout's types). Formulas are written with
 * the layout's `expected` as their cached result, and the workbook asks for a full recalculation on load. The layout's
 * `charts` are added as DrawingML parts after exceljs has written the file (charts.ts; exceljs has no chart API).
 */
export async function renderXlsx(layout: WorkbookLayout): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.title = layout.title;
  wb.creator = "bydel";
  wb.calcProperties.fullCalcOnLoad = true;
  for (const sheet of layout.sheets) renderSheet(wb, sheet);
  const buffer = await wb.xlsx.writeBuffer();
  return addCharts(new Uint8Array(buffer as ArrayBuffer), layout);
}

const argb = (hex: string) => ({ argb: `FF${hex.toUpperCase()}` });

function cellValue(cell: Cell): ExcelJS.CellValue {
  switch (cell.kind) {
    case "text":
      return cell.value; // a string stays a string in exceljs, whatever its first character
    case "number":
    case "boolean":
      return cell.value;
    case "formula":
      // The core's value as the cached result: previews and data-only readers show it; the
      // spreadsheet still recalculates on load (fullCalcOnLoad).
      return cell.expected === undefined || cell.expected === null
        ? ({ formula: cell.formula.slice(1) } as ExcelJS.CellFormulaValue)
        : ({ formula: cell.formula.slice(1), result: cell.expected } as ExcelJS.CellFormulaValue);
    case "blank":
      return null;
  }
}

function applyStyle(target: ExcelJS.Cell, style: CellStyle): void {
  const font: Partial<ExcelJS.Font> = {};
  if (style.bold) font.bold = true;
  if (style.italic) font.italic = true;
  if (style.fontSize) font.size = style.fontSize;
  if (style.fontColor) font.color = argb(style.fontColor);
  if (Object.keys(font).length > 0) target.font = font;
  if (style.fill) target.fill = { type: "pattern", pattern: "solid", fgColor: argb(style.fill) };
  const alignment: Partial<ExcelJS.Alignment> = {};
  if (style.verticalAlignment) alignment.vertical = style.verticalAlignment === "center" ? "middle" : style.verticalAlignment;
  if (style.horizontalAlignment) alignment.horizontal = style.horizontalAlignment;
  if (style.wrapText) alignment.wrapText = true;
  if (style.indent) alignment.indent = style.indent;
  if (Object.keys(alignment).length > 0) target.alignment = alignment;
  if (style.bottomBorder) target.border = { bottom: { style: "thin", color: argb(style.fontColor ?? "000000") } };
}

function renderCell(ws: ExcelJS.Worksheet, row: number, col: number, cell: Cell): void {
  const target = ws.getCell(row + 1, col + 1);
  target.value = cellValue(cell);
  if (cell.format) target.numFmt = cell.format;
  if (cell.style) applyStyle(target, cell.style);
  if (cell.note) target.note = cell.note;
}

const PAPER_SIZE = { A4: 9 } as const;

function renderPrint(ws: ExcelJS.Worksheet, print: PrintSetup): void {
  Object.assign(ws.pageSetup, {
    paperSize: PAPER_SIZE[print.paperSize],
    orientation: print.orientation,
    margins: print.margins,
    ...(print.fitToWidth ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : { fitToPage: false, scale: print.scale }),
  });
  const rows = (t: { first: number; last: number }) => `${t.first + 1}:${t.last + 1}`;
  const cols = (t: { first: number; last: number }) => `${columnLetter(t.first)}:${columnLetter(t.last)}`;
  if (print.titleRows) ws.pageSetup.printTitlesRow = rows(print.titleRows);
  if (print.titleColumns) ws.pageSetup.printTitlesColumn = cols(print.titleColumns);
  for (const row of print.pageBreaksBefore ?? []) if (row > 0) ws.getRow(row).addPageBreak(); // a break after the row above
  const { left, center, right } = print.footer;
  ws.headerFooter.oddFooter = `${left ? `&L${left}` : ""}${center ? `&C${center}` : ""}${right ? `&R${right}` : ""}`;
}

function renderSheet(wb: ExcelJS.Workbook, sheet: SheetLayout): void {
  const ws = wb.addWorksheet(sheet.name, {
    properties: sheet.tabColor ? { tabColor: argb(sheet.tabColor) } : {},
    views: sheet.freeze ? [{ state: "frozen", xSplit: sheet.freeze.columns, ySplit: sheet.freeze.rows }] : [{}],
  });
  if (sheet.print) renderPrint(ws, sheet.print);
  for (const { row, height } of sheet.rowHeights ?? []) ws.getRow(row + 1).height = height;
  sheet.columns.forEach((c, i) => {
    const column = ws.getColumn(i + 1);
    column.width = c.width;
    if (c.hidden) column.hidden = true;
  });

  // exceljs writes a table's cells from its own rows: give it the layout's cells, then write every
  // cell again so formats, styles and notes are the layout's.
  for (const table of sheet.tables) {
    const { top, left, bottom, right } = parseRangeAddress(table.range);
    const header = sheet.rows[top] ?? [];
    const columns = [];
    for (let c = left; c <= right; c++) {
      const h = header[c];
      if (!h || h.kind !== "text") throw new Error(`renderXlsx: table ${table.name} needs a text header in every column (${sheet.name}, column ${c + 1})`);
      columns.push({ name: h.value, filterButton: true });
    }
    const rows: ExcelJS.CellValue[][] = [];
    for (let r = top + 1; r <= bottom; r++) {
      const line: ExcelJS.CellValue[] = [];
      for (let c = left; c <= right; c++) {
        const cell = sheet.rows[r]?.[c];
        line.push(cell ? cellValue(cell) : null);
      }
      rows.push(line);
    }
    ws.addTable({
      name: table.name,
      displayName: table.name,
      ref: cellAddress(top, left),
      headerRow: true,
      totalsRow: false,
      style: { theme: table.style as ExcelJS.TableStyleProperties["theme"], showRowStripes: table.showRowStripes },
      columns,
      rows,
    });
  }

  sheet.rows.forEach((cells, r) =>
    cells.forEach((cell, c) => {
      if (cell) renderCell(ws, r, c, cell);
    }),
  );
  for (const range of sheet.merges ?? []) ws.mergeCells(range);

  let priority = 1;
  for (const cf of sheet.conditionalFormats) {
    if (cf.type === "dataBar") {
      ws.addConditionalFormatting({
        ref: cf.range,
        rules: [
          {
            type: "dataBar",
            priority: priority++,
            gradient: false,
            cfvo: [{ type: "min" }, { type: "max" }],
            color: argb(cf.color),
            negativeBarColorSameAsPositive: false,
            negativeFillColor: argb(cf.negativeColor),
            axisPosition: "auto",
          } as ExcelJS.DataBarRuleType,
        ],
      });
    } else {
      ws.addConditionalFormatting({
        ref: cf.range,
        rules: [
          {
            type: "cellIs",
            priority: priority++,
            operator: "lessThan",
            formulae: [String(cf.value)],
            style: { font: { color: argb(cf.fontColor) } },
          },
        ],
      });
    }
  }
}
