import type { ComparisonOperator, targetUnits } from "../schema/report.js";
import { NumberParseError } from "../errors.js";
import { readNorwegianNumber, type PointConvention } from "./readNorwegianNumber.js";

/**
 * The unit a target is printed in: `percent` (`73 %`), `days` (`3 dager`), `nok` (`kr`),
 * `number` (a bare value: a score, a count, or the indicator's own unit), or `year`
 * (`> 2022`: better than that year's result, which the target itself does not give).
 */
export type TargetUnit = (typeof targetUnits)[number];

export interface ParsedTarget {
  raw: string;
  /** null for a bare value (`73 %`, `4,7`). */
  operator: ComparisonOperator | null;
  value: number;
  unit: TargetUnit;
}

// Longest alternatives first. Words as printed in Oslo reports.
const OPERATORS: readonly [RegExp, ComparisonOperator][] = [
  [/^(?:≥|>=|=>)/, ">="],
  [/^(?:≤|<=|=<)/, "<="],
  [/^(?:minimum|minst|min\.?|ikke under|ikke lavere enn)(?=[\s\d])/i, ">="],
  [/^(?:maksimum|maksimalt|maks\.?|max\.?|høyst|ikke over|ikke høyere enn)(?=[\s\d])/i, "<="],
  [/^(?:>|over|mer enn|høyere enn)/i, ">"],
  [/^(?:<|under|mindre enn|lavere enn)/i, "<"],
];
const UNITS = "%|prosent|dager|dag|døgn|kr\\.?|kroner";
// No leading `\s*` (quadratic on a long run of spaces); the spaces before the unit are trimmed after.
const UNIT = new RegExp(`(?:${UNITS})$`, "i");
/** A unit alone, a deviation's «pp» among them. */
const UNIT_ALONE = new RegExp(`^(?:${UNITS}|pp|prosentpoeng)$`, "iu");

/**
 * A target's operator alone («minst», «maks», «≥») or a unit alone («%», «pp»): a cell's first or last
 * words, set on a line of their own where a narrow cell wraps («minst» / «100%», «minst 16» / «%»).
 */
export function isOperatorAlone(text: string): boolean {
  const t = text.trim();
  return t !== "" && OPERATORS.some(([re]) => re.exec(`${t} 1`)?.[0].length === t.length);
}

export function isUnitAlone(text: string): boolean {
  return UNIT_ALONE.test(text.trim());
}
/** A four-digit year a year target can name. */
const YEAR = /^\d{4}$/;
const FIRST_YEAR = 1990;
const LAST_YEAR = 2100;

export interface ParseTargetOptions {
  /**
   * Whether a target with an operator and a four-digit value from 1990 to 2100 (`> 2022`) is a
   * year reference (unit `"year"`: better than that year's result). Only a caller that knows the
   * target can name a year says so (the import, whose table reports years; the add-in's
   * functions, which answer a year target with a message). Without it, `minst 2000` is 2000.
   */
  yearsAllowed?: boolean | null;
  /** What a point before groups of three digits means (see `parseNorwegianNumber`); omitted: refused. */
  point?: PointConvention | null;
}

/** The parse errors that are no "not a target" but a number the core will not read: they are thrown. */
const THROWN = new Set(["TOO_LARGE", "TOO_MANY_DECIMALS", "AMBIGUOUS_POINT"]);

/**
 * A target (måltall) as printed: `73 %`, `>74`, `> 66 %`, `≥ 90 %`, `>= 90`, `<5`, `≤ 5 %`,
 * `maks 8 %`, `minst 95 %`, `min. 95 %`, `minimum 85 %`, `4,7`, `3 dager`, `> 2022` (unit
 * `"year"`: better than the 2022 result), also `> 67, 1 %` (a stray space after the decimal
 * comma). `null` for text that is no target ("ikke fastsatt", "-", "*", a range, prose).
 * `maks`/`≤` mean `<=`, `minst`/`min.`/`≥` mean `>=`. A four-digit value is a year only with
 * `options.yearsAllowed`. A number outside the core's range or with an ambiguous point
 * (`> 1.234`) throws {@link NumberParseError} (reasons `TOO_LARGE`, `TOO_MANY_DECIMALS`,
 * `AMBIGUOUS_POINT`): it is a target whose value cannot be read, not text that is no target.
 * Linear in the text's length.
 */
export function parseTarget(text: string | null | undefined, options: ParseTargetOptions | null = {}): ParsedTarget | null {
  if (typeof text !== "string") return null;
  const raw = text.trim();
  let s = raw.replace(/(\d),\s+(\d)/g, "$1,$2");
  let operator: ComparisonOperator | null = null;
  for (const [re, op] of OPERATORS) {
    const m = re.exec(s);
    if (m) {
      operator = op;
      s = s.slice(m[0].length).trim();
      break;
    }
  }
  let unit: TargetUnit = "number";
  const u = UNIT.exec(s);
  if (u && u.index > 0) {
    const w = u[0].toLowerCase();
    unit = w === "%" || w === "prosent" ? "percent" : w.startsWith("kr") ? "nok" : "days";
    s = s.slice(0, u.index).trim();
  }
  if (!/^[+\-\u2212]?\s*\d/.test(s)) return null;
  let value: number | null;
  try {
    value = readNorwegianNumber(s, "indicator", { point: options?.point ?? null }).value;
  } catch (e) {
    if (e instanceof NumberParseError && !THROWN.has(e.reason)) return null;
    throw e;
  }
  if (value === null) return null;
  if (options?.yearsAllowed === true && operator !== null && unit === "number" && YEAR.test(s) && value >= FIRST_YEAR && value <= LAST_YEAR) unit = "year";
  return { raw, operator, value, unit };
}
