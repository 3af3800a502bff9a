import type { Cell, SheetLayout, WorkbookLayout } from "@bydel/layout";
import { cellA1 } from "./a1.js";
import type { ChartSpec } from "./plan.js";

// The layout is renderer-neutral and has no charts (exceljs cannot write them), so the add-in adds
// one: it finds the "variance per service area" block (a header row starting "Funksjonsområde"
// with an "Avvik" column, one row per service area, Sum rows among them) and adds below the sheet
// a small block of formulas that repeat the service-area rows without the Sum rows — a chart
// needs one contiguous range — and a bar chart over it. The block follows the table live.

type TextCell = Extract<Cell, { kind: "text" }>;
const isText = (c: Cell | null | undefined, value?: string): c is TextCell =>
  c?.kind === "text" && (value === undefined || c.value.trim() === value);
const isValue = (c: Cell | null | undefined) => c?.kind === "formula" || c?.kind === "number";
const isTotal = (label: TextCell) => label.style?.fill !== undefined || /^sum\b/i.test(label.value.trim());

interface Block {
  sheet: SheetLayout;
  /** Row indices of the service areas (Sum rows left out). */
  rows: number[];
  valueColumn: number;
}

function findBlock(layout: WorkbookLayout): Block | null {
  for (const sheet of layout.sheets) {
    for (let r = 0; r < sheet.rows.length; r++) {
      const row = sheet.rows[r] ?? [];
      if (!isText(row[0], "Funksjonsområde")) continue;
      const valueColumn = row.findIndex((c) => isText(c, "Avvik"));
      if (valueColumn < 0) continue;
      const rows: number[] = [];
      for (let d = r + 1; d < sheet.rows.length; d++) {
        const label = sheet.rows[d]?.[0];
        if (!isText(label) || !isValue(sheet.rows[d]?.[valueColumn])) break;
        if (!isTotal(label)) rows.push(d);
      }
      if (rows.length > 0) return { sheet, rows, valueColumn };
    }
  }
  return null;
}

/** The layout with the chart's data block added, and the chart; the layout unchanged and null when there is nothing to chart. */
export function withVarianceChart(layout: WorkbookLayout): { layout: WorkbookLayout; chart: ChartSpec | null } {
  const block = findBlock(layout);
  if (!block) return { layout, chart: null };
  const { sheet, rows, valueColumn } = block;
  const top = sheet.rows.length + 1;
  const italic = { italic: true, fontColor: "595959" };
  const added: (Cell | null)[][] = [
    [{ kind: "text", value: "Grunnlag for diagrammet (følger tabellen over, uten sumrader)", style: italic }],
    [
      { kind: "text", value: "Funksjonsområde", style: { bold: true } },
      { kind: "text", value: "Avvik", style: { bold: true } },
    ],
    ...rows.map((r): Cell[] => {
      const value = sheet.rows[r]![valueColumn]!;
      return [
        { kind: "formula", formula: `=${cellA1(r, 0)}`, expected: (sheet.rows[r]![0] as TextCell).value },
        { kind: "formula", formula: `=${cellA1(r, valueColumn)}`, ...(value.format ? { format: value.format } : {}) },
      ];
    }),
  ];
  const first = top + 2;
  const last = first + rows.length - 1;
  const extended: SheetLayout = { ...sheet, rows: [...sheet.rows, [], ...added] };
  return {
    layout: { ...layout, sheets: layout.sheets.map((s) => (s === sheet ? extended : s)) },
    chart: {
      sheet: sheet.name,
      title: "Avvik per funksjonsområde (1000 kr)",
      categories: `${cellA1(first, 0)}:${cellA1(last, 0)}`,
      values: `${cellA1(first, 1)}:${cellA1(last, 1)}`,
      seriesName: "Avvik",
      from: cellA1(top, 2),
      to: cellA1(top + Math.max(16, rows.length + 4), Math.max(4, valueColumn + 1)),
    },
  };
}
