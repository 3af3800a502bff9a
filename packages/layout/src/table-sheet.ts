import { rangeAddress } from "./address.js";
import type { Grid } from "./cells.js";
import { TABLE_STYLE } from "./styles.js";
import { fitSheet, type FitOptions } from "./fit.js";
import { printSetup } from "./print.js";
import type { SheetLayout } from "./types.js";

/**
 * The last step of every sheet: columns fitted to the content (fit.ts), then the page setup from
 * the fitted widths (print.ts). A new sheet calls this on its finished layout.
 */
export function finishSheet(sheet: SheetLayout, options: FitOptions & { pageBreaksBefore?: number[] } = {}): SheetLayout {
  const fitted = fitSheet(sheet, options);
  return { ...fitted, print: printSetup(fitted, options.pageBreaksBefore) };
}

export interface TableSheetSpec {
  name: string;
  grid: Grid;
  /** Column widths from column A, kept where no content decides (fitSheet). */
  widths: readonly number[];
  /** The Excel table's name. */
  table: string;
  headerRow: number;
  lastRow: number;
  lastCol: number;
  /** Columns kept in view when scrolling right (the rows down to the header always are). */
  freezeColumns: number;
}

/**
 * A sheet around one Excel table over columns A to `lastCol`, from `headerRow` to `lastRow`, in the
 * house style: banded rows, header frozen. The caller adds the rest (conditional formats, row
 * heights, tab colour) and then calls `finishSheet`.
 */
export function tableSheet(spec: TableSheetSpec): SheetLayout {
  return {
    name: spec.name,
    rows: spec.grid.rows,
    columns: spec.widths.map((width) => ({ width })),
    tables: [{ name: spec.table, range: rangeAddress(spec.headerRow, 0, spec.lastRow, spec.lastCol), style: TABLE_STYLE, showRowStripes: true }],
    conditionalFormats: [],
    freeze: { rows: spec.headerRow + 1, columns: spec.freezeColumns },
  };
}
