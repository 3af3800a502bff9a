import { NumberParseError } from "../errors.js";
import { parseTarget, type TargetUnit } from "../parse/parseTarget.js";

/**
 * Year targets: a target printed as a year with an operator ("> 2022") means "better than that
 * year's result", which the target itself does not give; it has no deviation of its own.
 * `parseTarget` gives such a target the unit `"year"`; these rules decide when it is one.
 */

/**
 * Whether a report's target refers to a year's result ("> 2022"). The import records that in
 * `unit` (it knows which years the table reports); without it, the target's text decides, read
 * as a report's target (years allowed). A text whose number cannot be read is no year.
 */
export function isYearTarget(target: { raw: string; unit?: TargetUnit | undefined } | null | undefined): boolean {
  if (!target) return false;
  if (target.unit !== undefined) return target.unit === "year";
  try {
    return parseTarget(target.raw, { yearsAllowed: true })?.unit === "year";
  } catch (e) {
    if (e instanceof NumberParseError) return false;
    throw e;
  }
}

/** How far back from the report year a year target may reach. */
const YEAR_TARGET_SPAN = 10;

/**
 * Whether a target parsed as a year in a table refers to a year's result: when the table reports
 * that year, or it is the report year or one of the ten before it. Otherwise ("< 2085") it is a
 * count.
 */
export function refersToYearResult(
  target: { unit: TargetUnit; value: number | null } | null | undefined,
  context: { reportYear: number | null; printedYears: readonly (number | null)[] },
): boolean {
  if (!target || target.unit !== "year" || target.value === null) return false;
  const year = target.value;
  const { reportYear, printedYears } = context;
  return printedYears.some((y) => y === year) || (reportYear !== null && year <= reportYear && year >= reportYear - YEAR_TARGET_SPAN);
}
