import { tableReading } from "@bydel/core";
import { isTotalLabel } from "../tables/grammar.js";
import { isBlank, type Line } from "../source/lines.js";
import { isPageFooter, type RawRow } from "./rows.js";
import { numericTail } from "../tokens/tokens.js";

/**
 * The rows of the per-unit table: a unit's name (wrapped over a few lines at most) and its numbers;
 * after a total only another total goes on. Units are named, not numbered, so the budget rows'
 * grammar (a KOSTRA code or an area starts a row) does not apply.
 */

const { maxUnitWrap: MAX_WRAP, maxBlankRun: MAX_BLANK_RUN } = tableReading;

/** A line that may start or continue a unit's label: short, no sentence end. */
function isLabelText(text: string): boolean {
  const t = text.trim();
  return t.length > 0 && t.length <= 60 && !/[.:!?]$/u.test(t);
}

export function readUnitRows(lines: readonly Line[], start: number): RawRow[] {
  const rows: RawRow[] = [];
  let pending = "";
  let pendingFirst = 0;
  let wrapped = 0;
  let blanks = 0;
  for (let i = start; i < lines.length; i++) {
    const { text, no } = lines[i]!;
    if (isBlank(text)) {
      if (++blanks > MAX_BLANK_RUN) break;
      continue;
    }
    blanks = 0;
    if (isPageFooter(text)) continue;
    const tail = numericTail(text, no);
    const label = `${pending} ${tail.label}`.trim();
    if (tail.groups.length >= 2 && label !== "" && label.length <= 80 && !/[.:!?]$/u.test(label)) {
      // after a total only another total goes on (cascading sums); anything else is the text after the table
      if (rows.length > 0 && rows[rows.length - 1]!.label !== "" && isTotalLabel(rows[rows.length - 1]!.label) && !isTotalLabel(label)) break;
      rows.push({ label, groups: tail.groups, line: no, firstLine: pending ? pendingFirst : no });
      pending = "";
      wrapped = 0;
      continue;
    }
    if (tail.groups.length > 0 || !isLabelText(text) || ++wrapped > MAX_WRAP) break;
    if (rows.length > 0 && isTotalLabel(rows[rows.length - 1]!.label)) break;
    if (!pending) pendingFirst = no;
    pending = `${pending} ${text.trim()}`.trim();
  }
  return rows;
}
