import type { Cell, WorkbookLayout } from "@bydel/layout";
import { cellA1 } from "./a1.js";
import type { ChartSpec } from "./plan.js";

// The layout is renderer-neutral and has no charts (exceljs cannot write them), so the add-in finds
// the "variance per service area" block in it: a header row starting "Funksjonsområde" with an
// "Avvik" column, then one row per service area; Sum rows (filled or labelled "Sum") are left out.

const isText = (c: Cell | null | undefined, value?: string): c is Extract<Cell, { kind: "text" }> =>
  c?.kind === "text" && (value === undefined || c.value.trim() === value);
const isValue = (c: Cell | null | undefined) => c?.kind === "formula" || c?.kind === "number";
const isTotal = (label: Extract<Cell, { kind: "text" }>) => label.style?.fill !== undefined || /^sum\b/i.test(label.value.trim());

export function varianceChart(layout: WorkbookLayout): ChartSpec | null {
  for (const sheet of layout.sheets) {
    for (let r = 0; r < sheet.rows.length; r++) {
      const row = sheet.rows[r] ?? [];
      if (!isText(row[0], "Funksjonsområde")) continue;
      const col = row.findIndex((c) => isText(c, "Avvik"));
      if (col < 0) continue;
      let first = -1;
      let last = -1;
      for (let d = r + 1; d < sheet.rows.length; d++) {
        const label = sheet.rows[d]?.[0];
        if (!isText(label) || !isValue(sheet.rows[d]?.[col])) break;
        if (isTotal(label)) {
          if (first >= 0) break;
          continue;
        }
        if (first < 0) first = d;
        last = d;
      }
      if (first < 0) continue;
      const below = sheet.rows.length + 1;
      return {
        sheet: sheet.name,
        title: "Avvik per funksjonsområde (1000 kr)",
        categories: `${cellA1(first, 0)}:${cellA1(last, 0)}`,
        values: `${cellA1(first, col)}:${cellA1(last, col)}`,
        seriesName: "Avvik",
        from: cellA1(below, 0),
        to: cellA1(below + 18, Math.max(3, col)),
      };
    }
  }
  return null;
}
