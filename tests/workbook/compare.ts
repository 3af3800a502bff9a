import { cellAddress, type CellValue, type WorkbookLayout } from "@bydel/layout";

/** A value LibreOffice wrote in an unformatted CSV: numbers as numbers ("13.2%" → 0.132), else text. */
export function csvValue(raw: string): number | string {
  const t = raw.trim();
  if (/^[-+]?\d+(\.\d+)?([eE][-+]?\d+)?%$/.test(t)) return Number(t.slice(0, -1)) / 100;
  if (/^[-+]?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(t)) return Number(t);
  return raw;
}

/** Equal as a spreadsheet shows it: numbers to 1e-9 relative (doubles from two engines), text exactly. */
export function sameValue(expected: CellValue, raw: string): boolean {
  const got = csvValue(raw);
  if (expected === null || expected === "") return raw === "";
  if (typeof expected === "number") return typeof got === "number" && Math.abs(got - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
  if (typeof expected === "boolean") return raw.toUpperCase() === (expected ? "TRUE" : "FALSE");
  return raw === expected;
}

export interface Mismatch {
  sheet: string;
  cell: string;
  formula: string;
  expected: CellValue;
  got: string | undefined;
}

/** Every formula cell of the layout whose recalculated value differs from what the core computes. */
export function formulaMismatches(layout: WorkbookLayout, values: Map<string, string[][]>): { checked: number; mismatches: Mismatch[] } {
  let checked = 0;
  const mismatches: Mismatch[] = [];
  for (const sheet of layout.sheets) {
    const grid = values.get(sheet.name) ?? [];
    sheet.rows.forEach((cells, r) =>
      cells.forEach((cell, c) => {
        if (cell?.kind !== "formula") return;
        checked++;
        const got = grid[r]?.[c];
        if (cell.expected === undefined || got === undefined || !sameValue(cell.expected, got)) {
          mismatches.push({ sheet: sheet.name, cell: cellAddress(r, c), formula: cell.formula, expected: cell.expected ?? null, got });
        }
      }),
    );
  }
  return { checked, mismatches };
}
