import { rangeAddress } from "./address.js";
import type { Grid } from "./cells.js";
import { TABLE_STYLE } from "./styles.js";
import type { PrintSetup, SheetLayout } from "./types.js";

/** Every sheet prints landscape, one page wide: the tables are wide, and long. */
export const PRINT: PrintSetup = { orientation: "landscape", fitToWidth: true };

export interface TableSheetSpec {
  name: string;
  grid: Grid;
  /** Column widths from column A. */
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
 * house style: banded rows, header frozen, landscape one page wide. The caller adds the rest
 * (conditional formats, row heights, tab colour).
 */
export function tableSheet(spec: TableSheetSpec): SheetLayout {
  return {
    name: spec.name,
    rows: spec.grid.rows,
    columns: spec.widths.map((width) => ({ width })),
    tables: [{ name: spec.table, range: rangeAddress(spec.headerRow, 0, spec.lastRow, spec.lastCol), style: TABLE_STYLE, showRowStripes: true }],
    conditionalFormats: [],
    freeze: { rows: spec.headerRow + 1, columns: spec.freezeColumns },
    print: PRINT,
  };
}
