import ExcelJS from "exceljs";
import { cellAddress, parseRangeAddress, type Cell, type CellStyle, type SheetLayout, type WorkbookLayout } from "@bydel/layout";

/**
 * Renders a workbook layout as an .xlsx file. No decisions here: every value, formula, format and
 * table comes from the layout (see the rules in @bydel/layout's types). Formulas are written with
 * the layout's `expected` as their cached result, and the workbook asks for a full recalculation on load. The layout's
 * `charts` are not drawn (exceljs has no chart API; rule 11): their data cells are written like any.
 */
export async function renderXlsx(layout: WorkbookLayout): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.title = layout.title;
  wb.creator = "bydel";
  wb.calcProperties.fullCalcOnLoad = true;
  for (const sheet of layout.sheets) renderSheet(wb, sheet);
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
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

function renderSheet(wb: ExcelJS.Workbook, sheet: SheetLayout): void {
  const ws = wb.addWorksheet(sheet.name, {
    properties: sheet.tabColor ? { tabColor: argb(sheet.tabColor) } : {},
    views: sheet.freeze ? [{ state: "frozen", xSplit: sheet.freeze.columns, ySplit: sheet.freeze.rows }] : [{}],
  });
  if (sheet.print) {
    ws.pageSetup.orientation = sheet.print.orientation;
    if (sheet.print.fitToWidth) Object.assign(ws.pageSetup, { fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
  }
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
