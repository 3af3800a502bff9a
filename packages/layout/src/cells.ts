import type { BlankCell, Cell, CellStyle, CellValue, FormulaCell, NumberCell, TextCell } from "./types.js";

/** A text cell: report text stays text, whatever it starts with. */
export function text(value: string, style?: CellStyle): TextCell {
  return style ? { kind: "text", value, style } : { kind: "text", value };
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
