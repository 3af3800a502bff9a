/**
 * The workbook layout: plain data, renderer-neutral. `@bydel/xlsx` renders it with exceljs, the add-in
 * with Office.js; both must produce the same workbook. Nothing here knows either library.
 *
 * Rules every renderer follows:
 * 1. Grid: `SheetLayout.rows[r][c]` is the cell at 0-based row r, column c, i.e. A1 is rows[0][0].
 *    `null` (or a missing entry) means "write nothing". Ranges elsewhere are A1 strings ("A3:N40").
 *    A conditional format's `range` may list several ranges separated by a space ("I5:I9 I11:I20",
 *    Excel's sqref; Office.js: `sheet.getRanges("I5:I9, I11:I20")`): one rule over all of them.
 * 2. A `text` cell is written as text, always, even when it starts with `=`, `+`, `-` or `@`
 *    (labels from a report are data, never formulas). exceljs: a plain string value. Office.js: set the
 *    cell's numberFormat to "@" before writing the value (or prefix `'`), never through `formulas`.
 * 3. A `formula` cell's `formula` starts with "=" and uses invariant syntax as for `range.formulas`:
 *    English function names, `,` between arguments, `.` as decimal point, A1 references, sheet names quoted
 *    as 'Name'!A1. `expected` is the value `@bydel/core` computes for it: a file renderer writes it as the
 *    formula's cached result (exceljs `{ formula, result }`), so previews and data-only readers show the
 *    figure, and asks for a recalculation on load; Office.js writes only the formula (Excel computes it).
 * 4. `number` values are JS numbers in the table's unit (1000 kr for economy tables), never strings.
 * 5. `blank` is an empty cell that still gets its format/style (an input cell the controller fills).
 *    Office.js: write "" (never null) as its value.
 * 6. `format` is an invariant Excel number format code (`#,##0`, `0.0%`, `+0.0" pp";-0.0" pp";0.0" pp"`),
 *    set through `numberFormat`, never `numberFormatLocal`. Absent = General.
 * 7. Tables: the first row of `range` is the header row and its cells are `text` cells holding the column
 *    names (unique within the table). Create the table after writing the cells (Office.js:
 *    `tables.add(range, true)`), then set its name and style. No totals row (totals are formulas in the body).
 * 8. Column widths are in Excel character units (exceljs `column.width`); Office.js `columnWidth` is in
 *    points: use `points = Math.round(width * 7 + 5) * 0.75` (px → pt at 96 dpi).
 * 9. Colours are 6-digit hex RGB without '#': "C00000".
 * 10. Anything absent (style properties, row heights, print setup) is the spreadsheet's default: a renderer
 *    adds no styling of its own, so the file and the add-in look the same.
 * 11. Charts (`SheetLayout.charts`) are drawn over cells of their own sheet that the layout writes like any
 *    other cells (live formulas), so the figures are in the workbook whether a renderer can draw the chart
 *    or not. Office.js draws them (`worksheet.charts.add`); exceljs has no chart API, so `@bydel/xlsx`
 *    writes the DrawingML chart parts itself (charts.ts). A renderer that cannot draw a chart ignores it
 *    silently: never an error, never a substitute.
 * 12. Row heights are points (Office.js `getRange("5:5").format.rowHeight`, exceljs `row.height`). Vertical
 *    alignment "center" is Office.js "Center" and exceljs "middle". `print` is Office.js `worksheet.pageLayout`
 *    (ExcelApi 1.9): `orientation`, and `fitToWidth` as `zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 }`
 *    (0 = as many pages tall as needed), else `zoom = { scale }`; exceljs `pageSetup` with fitToWidth 1,
 *    fitToHeight 0, or `scale`. Title rows/columns are Excel's print titles ($4:$4, $A:$C).
 */

/** A value as a spreadsheet shows it after recalculation ("" for an empty string result). */
export type CellValue = string | number | boolean | null;

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  /** Font size in points; absent = the workbook default (11). */
  fontSize?: number;
  /** Hex RGB, e.g. "C00000". */
  fontColor?: string;
  /** Solid background fill, hex RGB. */
  fill?: string;
  horizontalAlignment?: "left" | "center" | "right";
  verticalAlignment?: "top" | "center" | "bottom";
  wrapText?: boolean;
  /** Indent level (Excel's indent, about 3 characters per level). */
  indent?: number;
  /** A thin line under the cell (section headings). */
  bottomBorder?: boolean;
}

interface CellBase {
  /** Invariant number format code; absent = General. */
  format?: string;
  style?: CellStyle;
  /** A note for the controller (rendered as a cell comment/note where the renderer supports it). */
  note?: string;
}

export interface TextCell extends CellBase {
  kind: "text";
  value: string;
}

export interface NumberCell extends CellBase {
  kind: "number";
  value: number;
}

export interface BooleanCell extends CellBase {
  kind: "boolean";
  value: boolean;
}

export interface FormulaCell extends CellBase {
  kind: "formula";
  /** Starts with "="; invariant syntax (see rule 3). */
  formula: string;
  /** What `@bydel/core` computes for this cell from the report ("" = the formula yields an empty text). */
  expected?: CellValue;
}

/** An empty cell that still carries a format or style, e.g. an input cell for the controller. */
export interface BlankCell extends CellBase {
  kind: "blank";
}

export type Cell = TextCell | NumberCell | BooleanCell | FormulaCell | BlankCell;

export interface ColumnLayout {
  /** Width in Excel character units (see rule 8). */
  width: number;
  hidden?: boolean;
}

export interface TableLayout {
  /** Unique in the workbook; a valid Excel name (letter or _ first, then letters, digits, _ or .). */
  name: string;
  /** A1 range including the header row, e.g. "A3:P120". */
  range: string;
  /** A built-in table style, e.g. "TableStyleMedium2". */
  style: string;
  showRowStripes: boolean;
}

export type ConditionalFormat =
  | {
      /** Data bars over a range (negative values to the left of the axis). */
      type: "dataBar";
      /** A1; may be several areas separated by a space ("I5:I9 I11:I20", rule 1): one rule over all. */
      range: string;
      /** Positive bar colour, hex RGB. */
      color: string;
      /** Negative bar colour, hex RGB. */
      negativeColor: string;
    }
  | {
      /** Cell value < `value` → font colour (merforbruk in red). */
      type: "lessThan";
      /** A1; may be several areas separated by a space, as for data bars. */
      range: string;
      value: number;
      fontColor: string;
    };

export interface FreezePanes {
  /** Rows frozen at the top (0 = none). */
  rows: number;
  /** Columns frozen at the left (0 = none). */
  columns: number;
}

export interface SheetLayout {
  /** ≤ 31 characters, none of []:*?/\ ; unique in the workbook (case-insensitive). */
  name: string;
  rows: (Cell | null)[][];
  /** Widths from column A onwards; columns beyond the list keep the default width. */
  columns: ColumnLayout[];
  tables: TableLayout[];
  conditionalFormats: ConditionalFormat[];
  freeze: FreezePanes | null;
  /** Hex RGB tab colour, optional. */
  tabColor?: string;
  /** Row heights in points (0-based rows), e.g. a wrapped two-line header; other rows keep the default. */
  rowHeights?: { row: number; height: number }[];
  /**
   * Merged areas (A1 ranges), e.g. a long subtitle spread over the sheet's width so it wraps inside the
   * printed page. The value and style are the top-left cell's; the other cells are null.
   */
  merges?: string[];
  /** Page setup for printing/PDF (Office.js: `worksheet.pageLayout`); absent = defaults. */
  print?: PrintSetup;
  /** Charts over this sheet's cells (rule 11); absent = none. */
  charts?: ChartLayout[];
}

/** One data series of a chart: its name (legend text) and its values, an A1 range on the chart's sheet. */
export interface ChartSeries {
  name: string;
  /** One column or one row, as many cells as `ChartLayout.categories`. */
  values: string;
  /** Bar colour, hex RGB; absent = the spreadsheet's. */
  color?: string;
  /** Colour of bars below zero, hex RGB (by the values the layout computes); absent = `color`. */
  negativeColor?: string;
}

/**
 * A chart, renderer-neutral: Excel's built-in chart types by their Office.js names in camel case
 * ("barClustered" = Office.js "BarClustered", horizontal bars; "columnClustered", vertical).
 */
export interface ChartLayout {
  type: "barClustered" | "columnClustered";
  title: string;
  /** A1 range of the category labels on the chart's sheet: one column or one row, no sheet name. */
  categories: string;
  /** At least one; every values range is on the chart's sheet and as long as `categories`. */
  series: ChartSeries[];
  /**
   * List the categories from the top in the sheet's order (horizontal bars; Excel draws the first
   * category at the bottom otherwise). Office.js `axes.categoryAxis.reversePlotOrder`; OOXML
   * category axis `orientation maxMin`.
   */
  categoriesTopDown?: boolean;
  /** Show the legend (useful with more than one series). */
  legend: boolean;
  /** The cell the chart's top-left corner sits on, e.g. "C40". */
  anchor: string;
  /** Size in points. */
  width: number;
  height: number;
}

/**
 * Page setup, decided by the layout from the column widths (print.ts): A4, the orientation the
 * columns need, one page wide only while the text stays at 8 pt or larger, else a fixed scale and
 * as many pages wide as needed with the label columns repeated.
 */
export interface PrintSetup {
  /** Always A4 (OOXML paperSize 9; Office.js `Excel.PaperType.a4`). */
  paperSize: "A4";
  orientation: "portrait" | "landscape";
  /** Scale so that all columns fit on one page width (any number of pages tall). */
  fitToWidth: boolean;
  /** Percent, used when `fitToWidth` is false (fitting would shrink the text below 8 pt). */
  scale: number;
  /** Rows printed at the top of every page (0-based, inclusive): a table's header row. */
  titleRows?: { first: number; last: number };
  /** Columns printed at the left of every page (0-based, inclusive), when the sheet is more than one page wide. */
  titleColumns?: { first: number; last: number };
  /** Rows (0-based) that start a new printed page, e.g. a chart's section, so it is not cut in two. */
  pageBreaksBefore?: number[];
  /** Footer in Excel's header/footer codes (&P page, &N pages, &A sheet name), by position. */
  footer: { left?: string; center?: string; right?: string };
  /** Margins in inches. */
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
}

export interface WorkbookLayout {
  /** In tab order; the first is the active sheet. */
  sheets: SheetLayout[];
  /** Workbook properties. */
  title: string;
}
