import { columnLetter, parseRangeAddress, sheetName as freeSheetName, tableName as freeTableName } from "@bydel/layout";
import type { CellStyle, ChartLayout, ConditionalFormat, SheetLayout, WorkbookLayout } from "@bydel/layout";
import { renameReferences, type Renames } from "./names.js";
import { planWorkbook, type Op, type PlanOptions, type Request } from "./plan.js";

/** `Excel.run`, or the test fake's equivalent. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface Progress {
  /** Requests sent so far, and in all. */
  done: number;
  total: number;
  /** Norwegian, for the progress line. */
  text: string;
}

export interface WriteOptions extends PlanOptions {
  onProgress?: (progress: Progress) => void;
}

export interface WriteResult {
  /** The sheets written, with the name each got (a name already in the workbook gets " (2)"). */
  sheets: { wanted: string; name: string }[];
  tables: { wanted: string; name: string }[];
  /** `context.sync()` calls, the initial read included. */
  syncs: number;
  requests: number;
  /** Notes left out because the host lacks ExcelApi 1.18. */
  notesSkipped: number;
}

/** A failed import, with a Norwegian message for the controller. `cause` is the Office error. */
export class ImportWriteError extends Error {
  override readonly name = "ImportWriteError";
  constructor(message: string, override readonly cause?: unknown) {
    super(message);
  }
}

/**
 * Points of width (Excel character units → pixels at 96 dpi → points), as the layout defines it.
 */
export const widthToPoints = (width: number) => Math.round(width * 7 + 5) * 0.75;

/** The layout with free sheet and table names, and every formula following the renames. */
export function renameLayout(
  layout: WorkbookLayout,
  existing: { sheets: Iterable<string>; tables: Iterable<string> },
): { layout: WorkbookLayout; renames: Renames } {
  const takenSheets = new Set([...existing.sheets].map((s) => s.toLowerCase()));
  const takenTables = new Set([...existing.tables].map((s) => s.toLowerCase()));
  const renames: Renames = { sheets: new Map(), tables: new Map() };
  for (const s of layout.sheets) renames.sheets.set(s.name.toLowerCase(), freeSheetName(s.name, takenSheets));
  for (const s of layout.sheets)
    for (const t of s.tables) renames.tables.set(t.name.toLowerCase(), freeTableName(t.name, takenTables));
  const sheetName = (name: string) => renames.sheets.get(name.toLowerCase()) ?? name;
  const changed =
    [...renames.sheets].some(([from, to]) => from !== to.toLowerCase()) ||
    [...renames.tables].some(([from, to]) => from !== to.toLowerCase());
  const sheets = layout.sheets.map(
    (s): SheetLayout => ({
      ...s,
      name: sheetName(s.name),
      tables: s.tables.map((t) => ({ ...t, name: renames.tables.get(t.name.toLowerCase())! })),
      rows: changed
        ? s.rows.map((row) =>
            row.map((cell) => (cell?.kind === "formula" ? { ...cell, formula: renameReferences(cell.formula, renames) } : cell)),
          )
        : s.rows,
    }),
  );
  // Charts need nothing renamed: their ranges are on their own sheet, without a sheet name.
  return { layout: { ...layout, sheets }, renames };
}

const hex = (rgb: string) => `#${rgb}`;
const ALIGN = { left: "Left", center: "Center", right: "Right" } as const;
const VERTICAL = { top: "Top", center: "Center", bottom: "Bottom" } as const;

function applyStyle(format: Excel.RangeFormat, style: CellStyle): void {
  if (style.bold !== undefined) format.font.bold = style.bold;
  if (style.italic !== undefined) format.font.italic = style.italic;
  if (style.fontSize !== undefined) format.font.size = style.fontSize;
  if (style.fontColor !== undefined) format.font.color = hex(style.fontColor);
  if (style.fill !== undefined) format.fill.color = hex(style.fill);
  if (style.horizontalAlignment !== undefined) format.horizontalAlignment = ALIGN[style.horizontalAlignment];
  if (style.verticalAlignment !== undefined) format.verticalAlignment = VERTICAL[style.verticalAlignment];
  if (style.wrapText !== undefined) format.wrapText = style.wrapText;
  if (style.indent !== undefined) format.indentLevel = style.indent;
  if (style.bottomBorder) {
    // Areas with a bottom border are single rows (plan.ts never merges them vertically).
    const border = format.borders.getItem("EdgeBottom");
    border.style = "Continuous";
    border.weight = "Thin";
  }
}

/** A conditional format's range may list several areas ("I9 I11", OOXML's sqref style, or "I9,I11"). */
export function areasOf(range: string): string[] {
  return range.split(/[\s,]+/).filter(Boolean);
}

function applyConditionalFormat(range: Excel.Range | Excel.RangeAreas, cf: ConditionalFormat): void {
  if (cf.type === "dataBar") {
    const f = range.conditionalFormats.add("DataBar");
    f.dataBar.positiveFormat.fillColor = hex(cf.color);
    f.dataBar.negativeFormat.fillColor = hex(cf.negativeColor);
  } else {
    const f = range.conditionalFormats.add("CellValue");
    f.cellValue.format.font.color = hex(cf.fontColor);
    f.cellValue.rule = { formula1: `=${cf.value}`, operator: "LessThan" };
  }
}

const CHART_TYPE = { barClustered: "BarClustered", columnClustered: "ColumnClustered" } as const;

/** True for a one-column range ("B5:B12", "B5"): its cells are one series by columns. */
const isColumn = (range: string) => {
  const { left, right } = parseRangeAddress(range);
  return left === right;
};

/**
 * A chart as the layout gives it: created over the first series' values, then every series gets
 * its name and the category labels (separate ranges: the labels are not the values' neighbours).
 * `series.add`, `setValues` and `setXAxisValues` are ExcelApi 1.7, within the manifest's 1.9.
 */
function addChart(ws: Excel.Worksheet, layout: ChartLayout): void {
  const [first, ...rest] = layout.series;
  if (!first) return;
  const chart = ws.charts.add(CHART_TYPE[layout.type], ws.getRange(first.values), isColumn(first.values) ? "Columns" : "Rows");
  chart.title.text = layout.title;
  chart.legend.visible = layout.legend;
  const series = chart.series.getItemAt(0);
  series.name = first.name;
  series.setXAxisValues(ws.getRange(layout.categories));
  for (const more of rest) {
    const added = chart.series.add(more.name);
    added.setValues(ws.getRange(more.values));
    added.setXAxisValues(ws.getRange(layout.categories));
  }
  if (layout.categoriesTopDown) chart.axes.categoryAxis.reversePlotOrder = true; // ExcelApi 1.7
  chart.setPosition(layout.anchor);
  chart.width = layout.width;
  chart.height = layout.height;
}

function applyOp(context: Excel.RequestContext, sheets: Map<string, Excel.Worksheet>, op: Op): void {
  const sheet = () => {
    const ws = sheets.get(op.sheet);
    if (!ws) throw new Error(`internal: sheet ${op.sheet} written before it was added`);
    return ws;
  };
  switch (op.kind) {
    case "addSheet":
      sheets.set(op.sheet, context.workbook.worksheets.add(op.sheet));
      return;
    case "cells": {
      const range = sheet().getRangeByIndexes(op.row, op.col, op.formulas.length, op.formulas[0]!.length);
      // The format first: a text cell must already be "@" when its value arrives.
      if (op.numberFormat) range.numberFormat = op.numberFormat;
      range.formulas = op.formulas;
      return;
    }
    case "style":
      applyStyle(sheet().getRanges(op.addresses).format, op.style);
      return;
    case "columns": {
      const range = sheet().getRange(op.address);
      range.format.columnWidth = widthToPoints(op.width);
      if (op.hidden) range.columnHidden = true;
      return;
    }
    case "rowHeight":
      sheet().getRange(op.address).format.rowHeight = op.height;
      return;
    case "print": {
      // worksheet.pageLayout is ExcelApi 1.9, the manifest's minimum.
      const page = sheet().pageLayout;
      page.orientation = op.print.orientation === "landscape" ? "Landscape" : "Portrait";
      page.paperSize = "A4"; // Excel.PaperType.a4
      // One page wide, as many tall as needed (0 = automatic, as OOXML's fitToHeight="0"); else the
      // layout's scale (fitting would print below 8 pt).
      page.zoom = op.print.fitToWidth ? { horizontalFitToPages: 1, verticalFitToPages: 0 } : { scale: op.print.scale };
      const m = op.print.margins; // inches; Office.js takes points
      page.leftMargin = m.left * 72;
      page.rightMargin = m.right * 72;
      page.topMargin = m.top * 72;
      page.bottomMargin = m.bottom * 72;
      page.headerMargin = m.header * 72;
      page.footerMargin = m.footer * 72;
      const { titleRows: rows, titleColumns: cols } = op.print;
      if (rows) page.setPrintTitleRows(`$${rows.first + 1}:$${rows.last + 1}`);
      if (cols) page.setPrintTitleColumns(`$${columnLetter(cols.first)}:$${columnLetter(cols.last)}`);
      for (const row of op.print.pageBreaksBefore ?? []) sheet().horizontalPageBreaks.add(`A${row + 1}`);
      const footer = page.headersFooters.defaultForAllPages;
      footer.leftFooter = op.print.footer.left ?? "";
      footer.centerFooter = op.print.footer.center ?? "";
      footer.rightFooter = op.print.footer.right ?? "";
      return;
    }
    case "merge": {
      sheet().getRange(op.address).merge(false);
      return;
    }
    case "table": {
      const table = sheet().tables.add(op.table.range, true);
      table.name = op.table.name;
      table.style = op.table.style;
      table.showBandedRows = op.table.showRowStripes;
      return;
    }
    case "conditionalFormat": {
      const areas = areasOf(op.format.range);
      applyConditionalFormat(areas.length === 1 ? sheet().getRange(areas[0]) : sheet().getRanges(areas.join(",")), op.format);
      return;
    }
    case "freeze": {
      const panes = sheet().freezePanes;
      if (op.rows > 0 && op.columns > 0) panes.freezeAt(sheet().getRangeByIndexes(0, 0, op.rows, op.columns));
      else if (op.rows > 0) panes.freezeRows(op.rows);
      else panes.freezeColumns(op.columns);
      return;
    }
    case "tabColor":
      sheet().tabColor = hex(op.color);
      return;
    case "note":
      sheet().notes.add(op.address, op.text);
      return;
    case "chart":
      addChart(sheet(), op.chart);
      return;
    case "activate":
      sheet().activate();
      return;
  }
}

const OFFICE_MESSAGES: Record<string, string> = {
  RequestPayloadSizeLimitExceeded: "Excel avviste importen fordi en forespørsel ble for stor.",
  InvalidOperationInCellEditMode: "Excel er i redigeringsmodus. Trykk Enter eller Esc i cellen du redigerer, og prøv igjen.",
  AccessDenied: "Excel tillater ikke endringer i arbeidsboken nå (den kan være beskyttet eller skrivebeskyttet).",
  ItemAlreadyExists: "Et ark- eller tabellnavn ble tatt i bruk mens importen pågikk. Prøv igjen.",
  GeneralException: "Excel meldte en intern feil under importen.",
};

/** A plain Norwegian sentence for an error from Office.js (or anything else). */
export function describeOfficeError(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  const known = typeof code === "string" ? OFFICE_MESSAGES[code] : undefined;
  if (known) return known;
  const message = error instanceof Error ? error.message : String(error);
  return `Excel meldte en feil: ${message}`;
}

/**
 * Writes a workbook layout into the open workbook as new sheets. It never writes to, renames or
 * deletes a sheet or table that was there: a taken name gets " (2)" (sheets) or "_2" (tables).
 * One `context.sync()` per request, calculation suspended for each; on failure the sheets this
 * import added are removed again and an {@link ImportWriteError} says what happened.
 */
export async function writeWorkbook(run: ExcelRun, layout: WorkbookLayout, options: WriteOptions = {}): Promise<WriteResult> {
  const added: string[] = [];
  let syncs = 0;
  try {
    return await run(async (context) => {
      options.onProgress?.({ done: 0, total: 1, text: "Leser navnene på arkene og tabellene i arbeidsboken …" });
      const workbook = context.workbook;
      const worksheets = workbook.worksheets.load("items/name");
      const tables = workbook.tables.load("items/name");
      const names = workbook.names.load("items/name");
      await context.sync();
      syncs++;
      const renamed = renameLayout(layout, {
        sheets: worksheets.items.map((w) => w.name),
        tables: [...tables.items, ...names.items].map((t) => t.name),
      });
      const notes = options.notes ?? true;
      const requests: Request[] = planWorkbook(renamed.layout, { ...options, notes });
      const sheets = new Map<string, Excel.Worksheet>();
      for (const [i, request] of requests.entries()) {
        const step = requests.length > 1 ? ` (${i + 1} av ${requests.length})` : "";
        options.onProgress?.({ done: i, total: requests.length, text: `Skriver ${request.sheets.map((s) => `«${s}»`).join(", ")}${step} …` });
        workbook.application.suspendApiCalculationUntilNextSync();
        for (const op of request.ops) {
          if (op.kind === "addSheet") added.push(op.sheet);
          applyOp(context, sheets, op);
        }
        await context.sync();
        syncs++;
      }
      // Calculation was suspended while writing, and the API leaves the recalculation to us:
      // Recalculate computes only the dirty cells, i.e. what this import wrote.
      workbook.application.calculate("Recalculate");
      await context.sync();
      syncs++;
      options.onProgress?.({ done: requests.length, total: requests.length, text: "Ferdig" });
      const noteCount = layout.sheets.reduce((n, s) => n + s.rows.flat().filter((c) => c?.note).length, 0);
      return {
        sheets: layout.sheets.map((s) => ({ wanted: s.name, name: renamed.renames.sheets.get(s.name.toLowerCase())! })),
        tables: layout.sheets.flatMap((s) =>
          s.tables.map((t) => ({ wanted: t.name, name: renamed.renames.tables.get(t.name.toLowerCase())! })),
        ),
        syncs,
        requests: requests.length,
        notesSkipped: notes ? 0 : noteCount,
      };
    });
  } catch (error) {
    const removed = await removeSheets(run, added);
    const after = added.length === 0 ? "" : removed ? " De nye arkene er fjernet igjen." : " Noen nye ark kan være igjen; slett dem om de er ufullstendige.";
    throw new ImportWriteError(`${describeOfficeError(error)} Ingenting som var i arbeidsboken fra før er endret.${after}`, error);
  }
}

/** Deletes the sheets an import added (and only those). True when it got rid of all of them. */
async function removeSheets(run: ExcelRun, names: string[]): Promise<boolean> {
  if (names.length === 0) return true;
  try {
    await run(async (context) => {
      const found = names.map((n) => context.workbook.worksheets.getItemOrNullObject(n));
      for (const ws of found) ws.load("isNullObject");
      await context.sync();
      for (const ws of found) if (!ws.isNullObject) ws.delete();
      await context.sync();
    });
    return true;
  } catch {
    return false;
  }
}
