import type { FindingSeverity } from "../schema/report.js";
import type { StatementVerdict } from "../schema/prose.js";
import { tolerances } from "./tolerances.js";

export interface ProseVerdict {
  readonly verdict: Exclude<StatementVerdict, "unmatched">;
  /** stated − reference. */
  readonly difference: number;
  /** The PROSE_MISMATCH finding's severity, null when the statement agrees. */
  readonly severity: FindingSeverity | null;
}

/** Tiny slack for the doubles nearest two decimals (28.68 × 1000). */
const EPSILON = 1e-9;

/**
 * A stated amount held against a reference figure at the precision it was stated at.
 * `precision` is half a unit of the last stated digit (28,68 mill. → 5 in 1000 kr). `signed`:
 * the text gave a direction (mindreforbruk, merforbruk, a sign), so an opposite sign is an error;
 * otherwise the magnitudes are compared. See `tolerances.prose` for the bands. `addends`: the
 * reference is a sum of that many figures each rounded at the same precision («består av
 * følgende: −1,2; −1,8; +1,8 …»), so a sum off by up to that many halves is rounding too. In
 * general the reference's own rounding in halves of the stated unit: terms rounded coarser or
 * finer than the stated figure count their half-units over its (not a whole number then).
 */
export function proseVerdict(stated: number, reference: number, precision: number, signed: boolean, addends = 0): ProseVerdict {
  const { roundingUnits, errorUnits } = tolerances.prose;
  const s = signed ? stated : Math.abs(stated);
  const r = signed ? reference : Math.abs(reference);
  const difference = s - r;
  const d = Math.abs(difference);
  const unit = 2 * precision;
  if (d <= precision + EPSILON * Math.max(1, Math.abs(r))) return { verdict: "agrees", difference, severity: null };
  const oppositeSign = signed && s !== 0 && r !== 0 && Math.sign(s) !== Math.sign(r) && Math.abs(r) > precision;
  if (!oppositeSign && d <= precision + roundingUnits * unit + addends * precision + EPSILON * Math.max(1, Math.abs(r)))
    return { verdict: "withinRounding", difference, severity: "info" };
  const error = oppositeSign || d > precision + errorUnits * unit;
  return { verdict: "contradicts", difference, severity: error ? "error" : "warning" };
}
