/** A1 addressing, 0-based row and column indices (A1 is row 0, column 0). */

/** Column letters for a 0-based column index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(col: number): string {
  if (!Number.isInteger(col) || col < 0) throw new RangeError(`columnLetter: column must be a non-negative integer, got ${col}`);
  let n = col + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** "B3" for row 2, column 1; with `absolute`, "$B$3". */
export function cellAddress(row: number, col: number, absolute = false): string {
  if (!Number.isInteger(row) || row < 0) throw new RangeError(`cellAddress: row must be a non-negative integer, got ${row}`);
  const d = absolute ? "$" : "";
  return `${d}${columnLetter(col)}${d}${row + 1}`;
}

/** "A3:P40" for the rectangle from (top, left) to (bottom, right), inclusive. */
export function rangeAddress(top: number, left: number, bottom: number, right: number, absolute = false): string {
  return `${cellAddress(top, left, absolute)}:${cellAddress(bottom, right, absolute)}`;
}

/** A reference to an address on another sheet, the sheet name always quoted: 'Økonomi'!I7. */
export function sheetReference(sheetName: string, address: string): string {
  return `'${sheetName.replace(/'/g, "''")}'!${address}`;
}

/** Parses "B3" (optionally with $) into 0-based indices. */
export function parseCellAddress(address: string): { row: number; col: number } {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(address);
  if (!m) throw new RangeError(`parseCellAddress: not an A1 cell address: ${address}`);
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** Parses "A3:P40" (either corner first, optionally with $) or a single cell "B3" into its corners. */
export function parseRangeAddress(range: string): { top: number; left: number; bottom: number; right: number } {
  const [a, b = a, extra] = range.split(":") as [string, string?, string?];
  if (extra !== undefined) throw new RangeError(`parseRangeAddress: not an A1 range: ${range}`);
  const p = parseCellAddress(a);
  const q = parseCellAddress(b!);
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

/**
 * Compact A1 references for a column over a set of rows: consecutive rows become one range.
 * [4, 5, 6, 9] in column 7 → "H5:H7,H10".
 */
export function columnRuns(col: number, rows: readonly number[], separator = ","): string {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const parts: string[] = [];
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    const a = cellAddress(sorted[i]!, col);
    parts.push(i === j ? a : `${a}:${cellAddress(sorted[j]!, col)}`);
    i = j + 1;
  }
  return parts.join(separator);
}
