import { isYearTarget, type Indicator, type IndicatorUnit, type Report } from "@bydel/core";
import { cellAddress, rangeAddress } from "./address.js";
import { expectedIndicator } from "./calc.js";
import { Grid, blank, formula, numberOrBlank, text } from "./cells.js";
import { formats } from "./formats.js";
import { colors, styles } from "./styles.js";
import { finishSheet, tableSheet } from "./table-sheet.js";
import type { SheetLayout } from "./types.js";

export const indicatorColumns = {
  area: 0,
  label: 1,
  kind: 2,
  unit: 3,
  targetRaw: 4,
  target: 5,
  resultRaw: 6,
  result: 7,
  deviation: 8,
  statedDeviation: 9,
  higherIsBetter: 10,
  met: 11,
  line: 12,
} as const;

export const indicatorHeaders = [
  "Område",
  "Indikator",
  "Type",
  "Enhet",
  "Måltall oppgitt",
  "Måltall",
  "Resultat oppgitt",
  "Resultat",
  "Avvik",
  "Avvik oppgitt",
  "Høyere er bedre",
  "Oppnådd",
  "Kildelinje",
] as const;

export const INDICATOR_HEADER_ROW = 3;

const unitNames: Record<IndicatorUnit, string> = {
  percent: "prosent",
  score: "skår",
  count: "antall",
  days: "dager",
  nok: "kroner",
  other: "annet",
};

const kindNames = { indicator: "Resultatindikator", keyFigure: "Nøkkeltall", sickLeave: "Sykefravær", prose: "Fra teksten" } as const;

function valueFormat(unit: IndicatorUnit): string | undefined {
  if (unit === "percent") return formats.percentValue;
  if (unit === "nok") return formats.money;
  if (unit === "score" || unit === "days") return formats.decimal;
  return undefined;
}

function deviationFormat(unit: IndicatorUnit): string {
  if (unit === "percent") return formats.percentagePoints;
  if (unit === "nok") return formats.money;
  return formats.signedDecimal;
}

/** The comparison that decides "met": the target's operator, else the row's higher-is-better cell. */
function metFormula(ind: Indicator, row: number): string {
  const c = indicatorColumns;
  const t = cellAddress(row, c.target);
  const r = cellAddress(row, c.result);
  const hib = cellAddress(row, c.higherIsBetter);
  const op = ind.target?.operator ?? null;
  if (op) return `=IF(COUNT(${t},${r})<2,"",IF(${r}${op}${t},"Ja","Nei"))`;
  return `=IF(OR(COUNT(${t},${r})<2,${hib}=""),"",IF(IF(${hib}="Ja",${r}>=${t},${r}<=${t}),"Ja","Nei"))`;
}

export function buildIndicatorSheet(report: Report, name: string, tableName: string, title: string): SheetLayout {
  const c = indicatorColumns;
  const grid = new Grid();
  grid.set(0, 0, text(title, styles.title));
  grid.set(1, 0, text("Avvik = resultat − måltall (prosentpoeng for prosenter). Avvik og Oppnådd er formler; endre Høyere er bedre (Ja/Nei) der rapporten ikke sier det.", styles.subtitle));
  grid.setRow(INDICATOR_HEADER_ROW, 0, indicatorHeaders.map((h) => text(h, styles.header)));

  let r = INDICATOR_HEADER_ROW + 1;
  for (const ind of report.indicators) {
    const resultValue = ind.result?.value ?? null;
    // A target that refers to another year's result ("> 2022") has no value a formula can use.
    const yearTarget = isYearTarget(ind.target);
    const targetValue = yearTarget ? null : (ind.target?.value ?? null);
    const expected = expectedIndicator(resultValue, ind.target ? { operator: ind.target.operator, value: targetValue } : null, ind.higherIsBetter);
    const t = cellAddress(r, c.target);
    const res = cellAddress(r, c.result);
    const right = { horizontalAlignment: "right" } as const;
    const center = { horizontalAlignment: "center" } as const;
    grid.setRow(r, 0, [
      ind.area ? text(ind.area) : blank(),
      text(ind.label),
      ind.kind ? text(kindNames[ind.kind]) : blank(),
      text(unitNames[ind.unit]),
      ind.target ? text(ind.target.raw, right) : blank(),
      numberOrBlank(targetValue, valueFormat(ind.unit)),
      ind.result ? text(ind.result.raw, right) : blank(),
      numberOrBlank(resultValue, valueFormat(ind.unit)),
      formula(`=IF(COUNT(${t},${res})<2,"",${res}-${t})`, expected.deviation, deviationFormat(ind.unit)),
      numberOrBlank(ind.statedDeviation?.value ?? null, deviationFormat(ind.unit)),
      // Unknown direction: an input only where there is a target to compare with.
      ind.higherIsBetter === null ? blank(undefined, targetValue === null ? undefined : { ...styles.input, ...center }) : text(ind.higherIsBetter ? "Ja" : "Nei", center),
      // A result stated in words ("i hovedsak", "litt under måltall") has no number to compare:
      // the report's own judgement is shown as text.
      resultValue === null && ind.met !== null ? text(ind.met ? "Ja" : "Nei", center) : formula(metFormula(ind, r), expected.met, undefined, center),
      numberOrBlank(ind.line, formats.integer),
    ]);
    r++;
  }
  if (r === INDICATOR_HEADER_ROW + 1) {
    grid.set(r, c.label, text("Rapporten har ingen indikatorer med måltall."));
    r++;
  }
  const last = r - 1;
  const widths = [8, 60, 16, 9, 14, 10, 16, 10, 11, 11, 10, 10, 10];
  const table = { name, grid, widths, table: tableName, headerRow: INDICATOR_HEADER_ROW, lastRow: last, lastCol: indicatorHeaders.length - 1, freezeColumns: c.label + 1 };
  return finishSheet(
    {
      ...tableSheet(table),
      conditionalFormats: [
        { type: "lessThan", range: rangeAddress(INDICATOR_HEADER_ROW + 1, c.deviation, last, c.deviation), value: 0, fontColor: colors.overspend },
      ],
    },
    { maxWidths: { [c.label]: 50 } },
  );
}
