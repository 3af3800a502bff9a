// A1 addresses for the writer (0-based row/column indices).

export function columnLetters(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function cellA1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** "B3:D7" for the rectangle (top, left)–(bottom, right) inclusive; "B3" for a single cell. */
export function rectA1(top: number, left: number, bottom: number, right: number): string {
  const a = cellA1(top, left);
  return top === bottom && left === right ? a : `${a}:${cellA1(bottom, right)}`;
}

/** "B:D" for columns left..right. */
export function columnsA1(left: number, right: number): string {
  return `${columnLetters(left)}:${columnLetters(right)}`;
}

/** Parses "B3" or "$B$3" into 0-based indices. */
export function parseCellA1(address: string): { row: number; col: number } {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(address.trim().toUpperCase());
  if (!m) throw new RangeError(`Ugyldig celleadresse: ${address}`);
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** Parses "A3:P40" (or a single cell) into its corners. */
export function parseRangeA1(address: string): { top: number; left: number; bottom: number; right: number } {
  const [a, b = a] = address.split(":") as [string, string?];
  const p = parseCellA1(a);
  const q = parseCellA1(b!);
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}
