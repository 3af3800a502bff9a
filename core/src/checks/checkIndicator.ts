import { indicatorDeviation } from "../api/indicatorDeviation.js";
import { variance } from "../api/variance.js";
import { isYearTarget } from "../domain/yearTargets.js";
import { isSigned } from "../parse/typography.js";
import type { Finding, Indicator } from "../schema/report.js";
import { fmt } from "./format.js";
import { tolerances } from "./tolerances.js";


/** The number of decimals printed in a value ("-3,4pp" → 1, "30" → 0). */
export function printedDecimals(raw: string): number {
  const m = /\d[.,](\d+)/.exec(raw.replace(/(\d),\s+(\d)/g, "$1,$2"));
  return m ? (m[1] as string).length : 0;
}

/**
 * An indicator's printed deviation against `result − target`, sign included. Within half a unit
 * of the printed deviation's last decimal it is fine (null). A printed deviation with the right
 * size but the wrong sign is an error: "oppgitt uten fortegn" when it has no sign (Sagene FO3
 * prints 30 where result − target is −30), "feil fortegn" when it has one. Code
 * INDICATOR_DEVIATION_MISMATCH. Null when no deviation is printed or none can be computed. On a row
 * read for review (needsReview: which cells or label lines are its is not proven) a mismatch may be
 * the reading's, not the report's: it is a warning that says so, never an error.
 */
export function checkIndicator(ind: Indicator): Finding | null {
  const stated = ind.statedDeviation?.value ?? null;
  if (stated === null || !ind.statedDeviation) return null;
  const yearReference = isYearTarget(ind.target);
  const recomputed =
    !yearReference && ind.result?.value != null && ind.target?.value != null
      ? indicatorDeviation(ind.result.value, { operator: ind.target.operator, value: ind.target.value, unit: ind.unit === "percent" ? "percent" : "number" }).deviation
      : null;
  const computed = yearReference ? null : (recomputed ?? ind.deviation);
  if (computed === null) return null;
  const raw = ind.statedDeviation.raw;
  const tolerance = tolerances.indicator(printedDecimals(raw));
  const unit = ind.unit === "percent" ? " pp" : "";
  if (Math.abs(variance(stated, computed)) <= tolerance) return null;

  const unsure = ind.needsReview === true;
  const base = { severity: unsure ? ("warning" as const) : ("error" as const), code: "INDICATOR_DEVIATION_MISMATCH", line: ind.line, stated, computed };
  const found = (message: string): Finding => ({ ...base, message: unsure ? `${message} (raden er lest med forbehold: kontroller den mot rapporten)` : message });
  const whatComputed = `resultat − måltall er ${fmt(computed)}${unit}`;
  if (Math.abs(variance(Math.abs(stated), Math.abs(computed))) <= tolerance) {
    // a table that prints every deviation without a sign (reported once, DEVIATIONS_UNSIGNED): compared by size
    if (ind.statedDeviation.unsigned === true) return null;
    const unsigned = !isSigned(raw);
    return found(unsigned ? `${ind.label}: avviket er oppgitt uten fortegn («${raw}»), men ${whatComputed}` : `${ind.label}: avviket har feil fortegn («${raw}»); ${whatComputed}`);
  }
  return found(`${ind.label}: avviket er oppgitt til «${raw}», men ${whatComputed}`);
}
