import type { BlankCell, Cell, CellStyle, CellValue, FormulaCell, NumberCell, TextCell } from "./types.js";

/** Excel's limit on the characters in a cell. */
export const MAX_CELL_TEXT = 32767;
// Characters XML 1.0 cannot carry (a PDF's form feed at a page break, stray control codes).
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/**
 * A text cell: report text stays text, whatever it starts with. Characters a workbook cannot hold
 * become a space (not dropped, so words stay apart); text beyond Excel's cell limit is cut with "…".
 */
export function text(value: string, style?: CellStyle): TextCell {
  let clean = value.replace(NOT_XML, " ");
  if (clean.length > MAX_CELL_TEXT) clean = `${clean.slice(0, MAX_CELL_TEXT - 1)}…`;
  return style ? { kind: "text", value: clean, style } : { kind: "text", value: clean };
}

/** A number, or a formatted blank cell when the report has none (blank is never 0). */
export function numberOrBlank(value: number | null | undefined, format?: string, style?: CellStyle): NumberCell | BlankCell {
  const base = { ...(format ? { format } : {}), ...(style ? { style } : {}) };
  return value == null ? { kind: "blank", ...base } : { kind: "number", value, ...base };
}

export function formula(formulaText: string, expected: CellValue, format?: string, style?: CellStyle): FormulaCell {
  if (!formulaText.startsWith("=")) throw new Error(`formula: a formula starts with "=", got ${formulaText}`);
  return { kind: "formula", formula: formulaText, expected, ...(format ? { format } : {}), ...(style ? { style } : {}) };
}

export function blank(format?: string, style?: CellStyle, note?: string): BlankCell {
  return { kind: "blank", ...(format ? { format } : {}), ...(style ? { style } : {}), ...(note ? { note } : {}) };
}

/** A mutable grid that becomes a sheet's `rows`. */
export class Grid {
  readonly rows: (Cell | null)[][] = [];

  set(row: number, col: number, cell: Cell | null): void {
    while (this.rows.length <= row) this.rows.push([]);
    const r = this.rows[row]!;
    while (r.length < col) r.push(null);
    r[col] = cell;
  }

  /** Writes cells left to right from (row, col). */
  setRow(row: number, col: number, cells: readonly (Cell | null)[]): void {
    cells.forEach((cell, i) => this.set(row, col + i, cell));
  }

  get height(): number {
    return this.rows.length;
  }
}
