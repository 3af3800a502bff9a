import type { ComparisonOperator, targetUnits } from "../schema/report.js";
import { NumberParseError } from "../errors.js";
import { readNorwegianNumber } from "./readNorwegianNumber.js";

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
const UNIT = /\s*(%|prosent|dager|dag|døgn|kr\.?|kroner)$/i;

/**
 * A target (måltall) as printed: `73 %`, `>74`, `> 66 %`, `≥ 90 %`, `>= 90`, `<5`, `≤ 5 %`,
 * `maks 8 %`, `minst 95 %`, `min. 95 %`, `minimum 85 %`, `4,7`, `3 dager`, `> 2022` (unit
 * `"year"`: better than the 2022 result), also `> 67, 1 %` (a stray space after the decimal
 * comma). `null` for text that is no target ("ikke fastsatt", "-", "*", a range, prose).
 * `maks`/`≤` mean `<=`, `minst`/`min.`/`≥` mean `>=`.
 */
export function parseTarget(text: string | null | undefined): ParsedTarget | null {
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
    const w = (u[1] as string).toLowerCase();
    unit = w === "%" || w === "prosent" ? "percent" : w.startsWith("kr") ? "nok" : "days";
    s = s.slice(0, u.index).trim();
  }
  if (!/^[+\-\u2212]?\s*\d/.test(s)) return null;
  let value: number | null;
  try {
    value = readNorwegianNumber(s, "indicator").value;
  } catch (e) {
    if (e instanceof NumberParseError) return null;
    throw e;
  }
  if (value === null) return null;
  if (operator !== null && unit === "number" && /^\d{4}$/.test(s) && value >= 1990 && value <= 2100) unit = "year";
  return { raw, operator, value, unit };
}
