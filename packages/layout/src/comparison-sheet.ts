import { netTable, type BudgetRow } from "@bydel/core";
import { cellAddress, rangeAddress, sheetReference } from "./address.js";
import { Grid, blank, formula, text } from "./cells.js";
import { economyColumns, type EconomyPlacement } from "./economy-sheet.js";
import { formats } from "./formats.js";
import { colors, styles } from "./styles.js";
import { finishSheet, tableSheet } from "./table-sheet.js";
import { comparisonKey } from "./rows.js";
import type { Report } from "@bydel/core";
import type { SheetLayout } from "./types.js";

export const COMPARISON_HEADER_ROW = 3;

/** Net variance per service area (rows) and district (columns), each a formula into that district's 0.1 B row. */
export function buildComparisonSheet(
  entries: readonly { report: Report; label: string; economy: EconomyPlacement }[],
  name: string,
  tableName: string,
): SheetLayout {
  const keys: { key: string; label: string; isTotal: boolean }[] = [];
  const byDistrict = entries.map(({ report }) => {
    const map = new Map<string, BudgetRow>();
    for (const row of netTable(report)?.rows ?? []) {
      const key = comparisonKey(row);
      if (map.has(key)) continue;
      map.set(key, row);
      if (!keys.some((k) => k.key === key)) keys.push({ key, label: row.label, isTotal: row.isTotal });
    }
    return map;
  });

  const grid = new Grid();
  grid.set(0, 0, text("Sammenligning av bydeler: netto avvik per funksjonsområde (Tabell 0.1 B)", styles.title));
  grid.set(1, 0, text("Tall i 1000 kr; positivt = mindreforbruk. Hver celle er en formel mot bydelens økonomiark. Tom celle: tabellen mangler i rapporten.", styles.subtitle));
  grid.setRow(COMPARISON_HEADER_ROW, 0, [text("Funksjonsområde", styles.header), ...entries.map((e) => text(e.label, styles.header))]);
  let r = COMPARISON_HEADER_ROW + 1;
  for (const k of keys) {
    const st = k.isTotal ? styles.total : undefined;
    grid.set(r, 0, text(k.label, st));
    entries.forEach((e, i) => {
      const row = byDistrict[i]!.get(k.key);
      const at = row ? e.economy.rowOf.get(row) : undefined;
      grid.set(
        r,
        1 + i,
        row && at !== undefined
          ? formula(`=${sheetReference(e.economy.sheetName, cellAddress(at, economyColumns.variance))}`, e.economy.varianceOf.get(row)!, formats.money, st)
          : blank(formats.money, st),
      );
    });
    r++;
  }
  if (keys.length === 0) {
    grid.set(r, 0, text("Ingen av rapportene har Tabell 0.1 B med tall."));
    r++;
  }
  const last = r - 1;
  const lastCol = entries.length;
  const widths = [48, ...entries.map(() => 16)];
  const sheet: SheetLayout = {
    ...tableSheet({ name, grid, widths, table: tableName, headerRow: COMPARISON_HEADER_ROW, lastRow: last, lastCol, freezeColumns: 1 }),
    conditionalFormats:
      lastCol > 0 ? [{ type: "lessThan", range: rangeAddress(COMPARISON_HEADER_ROW + 1, 1, last, lastCol), value: 0, fontColor: colors.overspend }] : [],
    tabColor: colors.summaryTab,
  };
  // A district whose report has no Tabell 0.1 B keeps its (empty) column: the gap is the finding.
  return finishSheet(sheet, { hideEmpty: false });
}
