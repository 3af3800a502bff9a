import type { StatementVerdict } from "../schema/prose.js";
import { tolerances } from "./tolerances.js";

/**
 * The verdict on a stated amount against its figure from the difference (stated − figure) and the
 * stated precision (`tolerances.prose`); `unmatched` when there is no figure (null difference).
 */
export function statementVerdict(difference: number | null, precision: number): StatementVerdict {
  if (difference === null || !Number.isFinite(difference)) return "unmatched";
  const t = tolerances.prose(precision);
  const d = Math.abs(difference);
  return d <= t.agrees ? "agrees" : d <= t.rounding ? "withinRounding" : "contradicts";
}
