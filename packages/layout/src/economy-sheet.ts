import type { BudgetRow, Report, VarianceSplitRow } from "@bydel/core";
import { columnRuns, cellAddress, rangeAddress } from "./address.js";
import { expectedOrdinary, expectedSum, expectedVariance, expectedVariancePercent } from "./calc.js";
import { splitRowsFor } from "./rows.js";
import { Grid, blank, formula, numberOrBlank, text } from "./cells.js";
import { formats } from "./formats.js";
import { colors, styles } from "./styles.js";
import { finishSheet, tableSheet } from "./table-sheet.js";
import type { ConditionalFormat, SheetLayout } from "./types.js";

/** Column indices of the economy sheet (one long table: see README for why). */
export const economyColumns = {
  table: 0,
  kostra: 1,
  label: 2,
  isTotal: 3,
  previousActual: 4,
  originalBudget: 5,
  revisedBudget: 6,
  actual: 7,
  variance: 8,
  /** The variance again, drawn as a data bar with the number hidden: the bar never covers the figure. */
  varianceBar: 9,
  statedVariance: 10,
  variancePercent: 11,
  earmarked: 12,
  ordinary: 13,
  line: 14,
  needsReview: 15,
  printedPreviousActual: 16,
  printedOriginalBudget: 17,
  printedRevisedBudget: 18,
  printedActual: 19,
} as const;

export const economyHeaders = [
  "Tabell",
  "KOSTRA",
  "Tekst",
  "Sumrad",
  "Regnskap i fjor",
  "Opprinnelig budsjett",
  "Regulert budsjett",
  "Regnskap",
  "Avvik",
  "Avvik (stolpe)",
  "Avvik oppgitt",
  "Avvik i %",
  "Avvik øremerkede",
  "Avvik ordinær drift",
  "Kildelinje",
  "Bør kontrolleres",
  "Oppgitt sum: regnskap i fjor",
  "Oppgitt sum: opprinnelig budsjett",
  "Oppgitt sum: regulert budsjett",
  "Oppgitt sum: regnskap",
] as const;

const moneyFields = ["previousActual", "originalBudget", "revisedBudget", "actual"] as const;
type MoneyField = (typeof moneyFields)[number];
const printedColumn: Record<MoneyField, number> = {
  previousActual: economyColumns.printedPreviousActual,
  originalBudget: economyColumns.printedOriginalBudget,
  revisedBudget: economyColumns.printedRevisedBudget,
  actual: economyColumns.printedActual,
};

export const ECONOMY_HEADER_ROW = 3;

/** Where each report row landed, and what its cells compute to; the overview and comparison refer to it. */
export interface EconomyPlacement {
  sheetName: string;
  rowOf: Map<BudgetRow, number>;
  /** Money values as the sheet computes them (Sum rows: the sum of their addends). */
  valuesOf: Map<BudgetRow, Record<MoneyField, number | null>>;
  /** The computed variance of a row ("" when the row is blank). */
  varianceOf: Map<BudgetRow, number | "">;
  /** Earmarked variance as the sheet computes it; null where the report has no split for the row. */
  earmarkedOf: Map<BudgetRow, number | null>;
  /** The split row each row's earmarked figure comes from (its printed values). */
  splitOf: Map<BudgetRow, VarianceSplitRow>;
}

/** The addend rows of a Sum row, or null when its `sumOf` is missing, unresolvable or circular. */
function resolveAddends(rows: readonly BudgetRow[]): Map<BudgetRow, BudgetRow[]> {
  const byLine = new Map(rows.map((r) => [r.line, r] as const));
  const addends = new Map<BudgetRow, BudgetRow[]>();
  for (const row of rows) {
    if (!row.isTotal || !row.sumOf || row.sumOf.length === 0) continue;
    const found = row.sumOf.map((l) => byLine.get(l));
    if (found.some((r) => r === undefined || r === row)) continue;
    addends.set(row, found as BudgetRow[]);
  }
  // A circular chain of sums cannot be a formula: drop every row on a cycle.
  const state = new Map<BudgetRow, "visiting" | "done">();
  const visit = (row: BudgetRow): boolean => {
    const s = state.get(row);
    if (s === "done") return true;
    if (s === "visiting") return false;
    state.set(row, "visiting");
    let ok = true;
    for (const a of addends.get(row) ?? []) if (!visit(a)) ok = false;
    if (!ok) addends.delete(row);
    state.set(row, "done");
    return ok;
  };
  for (const row of rows) visit(row);
  return addends;
}

export function buildEconomySheet(report: Report, name: string, tableName: string, title: string): { sheet: SheetLayout; placement: EconomyPlacement } {
  const c = economyColumns;
  const grid = new Grid();
  grid.set(0, 0, text(title, styles.title));
  grid.set(1, 0, text("Tall i 1000 kr. Avvik og Avvik i % er formler; sumrader summerer radene sine, og de oppgitte summene står lengst til høyre. Øremerkede: fra rapportens fordeling av avvik, der den finnes. «Bør kontrolleres»: tallene er lest, men regnestykket bekrefter dem ikke.", styles.subtitle));
  grid.setRow(ECONOMY_HEADER_ROW, 0, economyHeaders.map((h) => text(h, styles.header)));

  const placement: EconomyPlacement = { sheetName: name, rowOf: new Map(), valuesOf: new Map(), varianceOf: new Map(), earmarkedOf: new Map(), splitOf: new Map() };
  const conditionalFormats: ConditionalFormat[] = [];
  let r = ECONOMY_HEADER_ROW + 1;

  for (const table of report.budgetTables) {
    const addends = resolveAddends(table.rows);
    table.rows.forEach((row, i) => placement.rowOf.set(row, r + i));
    const computed = (row: BudgetRow): Record<MoneyField, number | null> => {
      const known = placement.valuesOf.get(row);
      if (known) return known;
      const parts = addends.get(row);
      const values = Object.fromEntries(
        moneyFields.map((f) => [f, parts ? expectedSum(parts.map((p) => computed(p)[f])) : (row[f] ?? null)]),
      ) as Record<MoneyField, number | null>;
      placement.valuesOf.set(row, values);
      return values;
    };

    const splits = splitRowsFor(report, table);
    for (const [row, split] of splits) placement.splitOf.set(row, split);
    // A Sum row sums its rows' earmarked figures when any of them has one, like the money columns.
    const hasEarmarked = (row: BudgetRow): boolean =>
      splits.get(row)?.earmarkedVariance != null || (addends.get(row) ?? []).some(hasEarmarked);
    const earmarkedSum = (row: BudgetRow): boolean => (addends.get(row) ?? []).some(hasEarmarked);
    const earmarked = (row: BudgetRow): number | null => {
      if (placement.earmarkedOf.has(row)) return placement.earmarkedOf.get(row)!;
      const value = earmarkedSum(row) ? expectedSum(addends.get(row)!.map(earmarked)) : (splits.get(row)?.earmarkedVariance ?? null);
      placement.earmarkedOf.set(row, value);
      return value;
    };

    const barRows: number[] = [];
    for (const row of table.rows) {
      const at = placement.rowOf.get(row)!;
      const parts = addends.get(row);
      const values = computed(row);
      const rowStyle = row.isTotal ? styles.total : undefined;
      grid.set(at, c.table, text(table.id, rowStyle));
      grid.set(at, c.kostra, row.kostra ? text(row.kostra, rowStyle) : blank(undefined, rowStyle));
      grid.set(at, c.label, text(row.label, rowStyle));
      grid.set(at, c.isTotal, text(row.isTotal ? (parts ? "Ja" : "Ja (oppgitt)") : "Nei", rowStyle));
      for (const f of moneyFields) {
        const col = c[f];
        if (parts) {
          const refs = columnRuns(col, parts.map((p) => placement.rowOf.get(p)!));
          grid.set(at, col, formula(`=SUM(${refs})`, values[f], formats.money, rowStyle));
          grid.set(at, printedColumn[f], numberOrBlank(row[f], formats.money, rowStyle));
        } else {
          grid.set(at, col, numberOrBlank(row[f], formats.money, rowStyle));
          grid.set(at, printedColumn[f], blank(formats.money, rowStyle));
        }
      }
      const rev = cellAddress(at, c.revisedBudget);
      const act = cellAddress(at, c.actual);
      const variance = expectedVariance(values.revisedBudget, values.actual);
      placement.varianceOf.set(row, variance);
      grid.set(at, c.variance, formula(`=IF(COUNT(${rev},${act})=0,"",${rev}-${act})`, variance, formats.money, rowStyle));
      // Sum rows get no bar (they would dwarf their rows): an empty cell in their band.
      grid.set(at, c.varianceBar, row.isTotal ? blank(undefined, rowStyle) : formula(`=${cellAddress(at, c.variance)}`, variance, formats.hidden, rowStyle));
      grid.set(at, c.statedVariance, numberOrBlank(row.variance, formats.money, rowStyle));
      grid.set(
        at,
        c.variancePercent,
        formula(`=IF(N(${rev})=0,"",${cellAddress(at, c.variance)}/${rev})`, expectedVariancePercent(values.revisedBudget, values.actual), formats.percent, rowStyle),
      );
      const e = earmarked(row);
      const eCell = cellAddress(at, c.earmarked);
      grid.set(
        at,
        c.earmarked,
        earmarkedSum(row)
          ? formula(`=SUM(${columnRuns(c.earmarked, addends.get(row)!.map((p) => placement.rowOf.get(p)!))})`, e, formats.money, rowStyle)
          : numberOrBlank(e, formats.money, rowStyle),
      );
      grid.set(
        at,
        c.ordinary,
        formula(`=IF(${eCell}="","",N(${cellAddress(at, c.variance)})-${eCell})`, e === null ? "" : expectedOrdinary(variance === "" ? null : variance, e), formats.money, rowStyle),
      );
      grid.set(at, c.line, numberOrBlank(row.line, formats.integer, rowStyle));
      // The import recovered the columns but the arithmetic could not confirm them.
      grid.set(at, c.needsReview, row.needsReview ? text("Ja", { ...rowStyle, ...styles.error }) : blank(undefined, rowStyle));
      if (!row.isTotal) barRows.push(at);
    }
    // One data-bar rule per report table: FO1's rows are not dwarfed by Tabell 0.1 B's.
    if (barRows.length > 0) {
      conditionalFormats.push({ type: "dataBar", range: columnRuns(c.varianceBar, barRows, " "), color: colors.underspendBar, negativeColor: colors.overspendBar });
    }
    r += table.rows.length;
  }

  if (r === ECONOMY_HEADER_ROW + 1) {
    // An Excel table needs a body row; say why it is empty instead of inventing numbers.
    grid.set(r, c.label, text("Rapporten har ingen økonomitabeller med tall."));
    r++;
  }
  const last = r - 1;
  const body = (col: number) => rangeAddress(ECONOMY_HEADER_ROW + 1, col, last, col);
  conditionalFormats.push(
    { type: "lessThan", range: body(c.variance), value: 0, fontColor: colors.overspend },
    { type: "lessThan", range: body(c.statedVariance), value: 0, fontColor: colors.overspend },
    { type: "lessThan", range: body(c.variancePercent), value: 0, fontColor: colors.overspend },
    { type: "lessThan", range: body(c.ordinary), value: 0, fontColor: colors.overspend },
  );

  const widths = [7, 8, 46, 8, 13, 13, 13, 13, 12, 12, 12, 10, 12, 12, 10, 11, 15, 15, 15, 15];
  const table = { name, grid, widths, table: tableName, headerRow: ECONOMY_HEADER_ROW, lastRow: last, lastCol: economyHeaders.length - 1, freezeColumns: c.label + 1 };
  return {
    sheet: finishSheet({ ...tableSheet(table), conditionalFormats, tabColor: colors.header }, { maxWidths: { [c.label]: 44 } }),
    placement,
  };
}
