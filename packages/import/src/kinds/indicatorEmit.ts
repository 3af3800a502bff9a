import {
  higherIsBetterOf,
  indicatorDeviation,
  isSigned,
  lowerIsBetterBySubject,
  NumberParseError,
  parseTarget,
  refersToYearResult,
  TEXT_CELL_AT_END,
  textCellReason,
  type Finding,
  type Indicator,
  type IndicatorUnit,
  type ParsedTarget,
  atMostTwoDecimals,
  unitWords,
} from "@bydel/core";
import { type Placed, columnName, place, resultColumn, targetColumn, valueOf } from "../cells/indicatorCells.js";
import type { Table } from "../tables/indicatorHeader.js";
import { indicatorIdentity } from "../tables/registry.js";

/**
 * A placed row emitted as an indicator: its target, result and stated deviation read as core reads
 * them, text cells kept as text with a reason, and a finding where the reading is not proven.
 */

function unitOf(label: string, cells: readonly (string | null)[]): IndicatorUnit {
  // a survey score stays a score even where the report prints "4,6 %"
  if (unitWords.score.test(label) && cells.every((c) => c === null || (valueOf(c) ?? 0) <= 10)) return "score";
  if (cells.some((c) => c !== null && /%|pp/u.test(c)) || unitWords.share.test(label)) return "percent";
  if (unitWords.days.test(label)) return "days";
  if (unitWords.count.test(label)) return "count";
  if (unitWords.kroner.test(label)) return "nok";
  return "other";
}

/**
 * A target cell, read as a table's target: a four-digit value may name a year (`> 2022`), which
 * refersToYearResult then decides from the years the table reports. A value core will not read
 * (ambiguous point, out of range) is withheld, like text that is no target.
 */
function targetOf(raw: string): ParsedTarget | null {
  try {
    return parseTarget(raw, { yearsAllowed: true });
  } catch (e) {
    if (e instanceof NumberParseError) return null;
    throw e;
  }
}

/** Rows read for review whose every reading states the avvik with a sign («216 - 9» as -9, never a «-» cell and 9). */
export const signedInEveryReading = new WeakSet<Indicator>();

/** A row whose cells are placed: the indicator, marked for review (with a finding) where the placing is not proven. */
export function emitPlaced(placed: Placed, rowLabel: string, no: number, table: Table, year: number | null, out: Indicator[], findings: Finding[]): void {
  const k = table.columns.length;
  // "1,119" in a count or an amount, or beside "1,081,097": a comma before exactly three digits may be an English thousands separator
  const commaGroups = placed.cells.filter((c): c is string => c !== null && /(?<![\d,.])\d{1,3},\d{3}(?![\d,.])/u.test(c));
  const english = placed.cells.some((c) => c !== null && /\d,\d{3},\d{3}/.test(c));
  // the row's comma is its thousands separator where it groups «1,081,097» or the indicator has at most two decimals
  // (kroner, a count), and no cell of the row uses the comma as a decimal mark («12,5»)
  const decimalComma = placed.cells.some((c) => c !== null && DECIMAL_COMMA.test(c));
  let thousandsComma = commaGroups.length > 0 && (english || atMostTwoDecimals(rowLabel)) && !decimalComma;
  let ind = toIndicator(rowLabel, no, placed.cells, table, year, thousandsComma);
  if (!ind) return;
  // otherwise the avvik may settle it: «2,827 > 2,517 … 310» closes only with thousands, «2,827 2,517 0,31» only with decimals
  let settled = thousandsComma;
  if (commaGroups.length > 0 && !thousandsComma && !decimalComma) {
    const asThousands = toIndicator(rowLabel, no, placed.cells, table, year, true)!;
    const decimals = deviationCloses(ind);
    if (deviationCloses(asThousands) !== decimals) {
      settled = true;
      if (!decimals) {
        ind = asThousands;
        thousandsComma = true;
      }
    }
  }
  if (table.yearsUnsure) {
    ind.needsReview = true;
    findings.push({
      severity: "info",
      code: "UNCONFIRMED_READING",
      line: no,
      message: `${rowLabel}: årstallene i tabellhodet står på egen linje og passer ikke med kolonnene, så hvilket år hver verdi gjelder er ikke sikkert (lest som ${table.columns.map(columnName).join(", ")}). Kontroller mot PDF-en.`,
    });
  } else if (!placed.confirmed) {
    // fewer cells than columns and nothing but the convention (blanks last) placed them: a series too may be a year off
    ind.needsReview = true;
    const printed = placed.cells.filter((c) => c !== null);
    findings.push({
      severity: "info",
      code: "UNCONFIRMED_READING",
      line: no,
      message: `${rowLabel}: raden har ${printed.length} av ${k} verdier (${printed.join(" | ")}); de tomme cellene er antatt å være de siste (${table.columns
        .slice(printed.length)
        .map(columnName)
        .join(", ")}), men kan stå et annet sted`,
    });
  } else if (placed.alternatives.length > 0) {
    ind.needsReview = true;
    const dev = table.columns.findIndex((c) => c.kind === "deviation");
    const signed = (cells: readonly (string | null)[]) => dev >= 0 && cells[dev] != null && valueOf(cells[dev]!) !== null && isSigned(cells[dev]!);
    if (signed(placed.cells) && placed.alternatives.every((r) => signed(place(r, table).cells))) signedInEveryReading.add(ind);
    findings.push({
      severity: "info",
      code: "UNCONFIRMED_READING",
      line: no,
      message: `${rowLabel}: verdiene er lest som ${placed.cells.filter((c) => c !== null).join(" | ")} fordi tallene i raden da har samme størrelsesorden; kan også leses som ${placed.alternatives
        .slice(0, 2)
        .map((r) => r.join(" | "))
        .join(" eller ")}`,
      candidates: [placed.cells.map((c) => (c === null ? null : valueOf(c))), ...placed.alternatives.slice(0, 19).map((r) => r.map(valueOf))],
    });
  }
  const numeric = placed.cells.filter((c): c is string => c !== null && valueOf(c) !== null);
  // among whole numbers ("400 2,418 < 400") three decimals are a thousands group rather than a fraction
  const amongIntegers = numeric.every((c) => commaGroups.includes(c) || !/\d[.,]\d/.test(c));
  if (commaGroups.length > 0 && !settled && (english || amongIntegers || /^\s*antall\b|\bkr\b|kroner|utgift/iu.test(rowLabel))) {
    ind.needsReview = true;
    findings.push({
      severity: "info",
      code: "UNCONFIRMED_READING",
      line: no,
      message: `${rowLabel}: ${commaGroups.join(", ")} er lest med desimalkomma, men kommaet kan være tusenskille (${commaGroups.map((c) => c.replace(",", " ")).join(", ")})`,
    });
  }
  out.push(ind);
}

/** The stated avvik agrees in size with result − target. */
export function deviationCloses(ind: Indicator): boolean {
  const d = ind.statedDeviation;
  return d?.value != null && ind.deviation !== null && indicatorIdentity(d.raw, d.value, ind.deviation, 0);
}

const MONTHS = /^(jan|feb|mar|apr|mai|jun|jul|aug|sep|okt|nov|des)\b/iu;

/** A text cell («Ingen måling i år») keeps its text, no value, and the reason it gives. */
function withReason(cell: { raw: string; value: number | null }): { raw: string; value: number | null; reason?: "not-measured" | "no-data" } {
  return cell.value === null && TEXT_CELL_AT_END.test(cell.raw) ? { ...cell, reason: textCellReason(cell.raw) } : cell;
}

/** A comma before exactly three digits, not part of a longer number: a decimal comma or an English thousands separator. */
const COMMA_GROUP = /(?<![\d,.])(\d{1,3}),(\d{3})(?![\d,.])/gu;

/** A comma before one, two or four and more digits: only a decimal comma. */
const DECIMAL_COMMA = /\d,(?:\d{1,2}|\d{4,})(?!\d)/u;

/** The cell as read with its comma as thousands separator («2,252» is 2 252). */
const withoutThousandsComma = (raw: string): string => raw.replace(COMMA_GROUP, "$1$2");

function toIndicator(label: string, line: number, cells: readonly (string | null)[], table: Table, year: number | null, thousandsComma = false): Indicator | null {
  const read = (raw: string): number | null => valueOf(thousandsComma ? withoutThousandsComma(raw) : raw);
  if (label === "") return null;
  const columns = table.columns;
  const res = resultColumn(columns, year);
  const tgt = table.kind === "keyFigure" ? -1 : targetColumn(columns, year);
  const dev = columns.findIndex((c) => c.kind === "deviation");
  const resultRaw = res >= 0 ? (cells[res] ?? null) : null;
  const targetRaw = tgt >= 0 ? (cells[tgt] ?? null) : null;
  const devRaw = dev >= 0 ? (cells[dev] ?? null) : null;
  const kind = table.kind === "keyFigure" ? "keyFigure" : table.kind === "indicator" ? "indicator" : "sickLeave";
  const fullLabel =
    table.kind === "monthlySickLeave" && MONTHS.test(label)
      ? `Sykefraværsprosent ${label}${columns[res]?.year ? ` ${columns[res]!.year}` : ""}`
      : table.kind === "sickLeave"
        ? `Sykefravær ${label}`
        : label;
  const unit = table.kind === "sickLeave" || table.kind === "monthlySickLeave" ? "percent" : unitOf(label, cells);
  const parsedTarget = targetRaw !== null ? targetOf(thousandsComma ? withoutThousandsComma(targetRaw) : targetRaw) : null;
  const result = resultRaw !== null ? withReason({ raw: resultRaw, value: read(resultRaw) }) : null;
  const lowerByLabel = lowerIsBetterBySubject(fullLabel) || table.kind !== "indicator";
  const higher = parsedTarget?.operator ? higherIsBetterOf(parsedTarget.operator) : lowerByLabel ? false : parsedTarget ? true : null;
  let deviation: number | null = null;
  let met: boolean | null = null;
  // "> 2022" refers to a year's result only when that year is one the table reports (or a recent one); "< 2085" is a count
  const yearReference = refersToYearResult(parsedTarget, { reportYear: year, printedYears: columns.map((c) => c.year) });
  if (result?.value != null && parsedTarget) {
    const d = indicatorDeviation(result.value, { operator: parsedTarget.operator, value: parsedTarget.value, unit: yearReference ? "year" : unit === "percent" ? "percent" : "number" }, { higherIsBetter: higher });
    deviation = d.deviation;
    met = d.met;
  }
  const series = columns
    .map((c, j) => ({ c, raw: cells[j] ?? null }))
    .filter((x) => x.c.kind === "result" && x.c.year !== null && x.raw !== null)
    .map((x) => ({ year: x.c.year!, raw: x.raw!, value: read(x.raw!) }));
  const ind: Indicator = {
    line,
    area: table.area,
    label: fullLabel,
    unit,
    target:
      targetRaw !== null
        ? {
            raw: targetRaw,
            operator: parsedTarget?.operator ?? null,
            value: parsedTarget?.value ?? null,
            ...(parsedTarget ? { unit: yearReference ? "year" : parsedTarget.unit === "year" ? "number" : parsedTarget.unit } : {}),
          }
        : null,
    result,
    statedDeviation: devRaw !== null ? { raw: devRaw, value: read(devRaw) } : null,
    deviation,
    higherIsBetter: table.kind === "keyFigure" ? (lowerIsBetterBySubject(label) ? false : null) : higher,
    met,
    kind,
  };
  if (series.length > 0) ind.series = series;
  return ind;
}
