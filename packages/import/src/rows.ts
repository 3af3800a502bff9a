import { continuesLabel, isHeaderLine, isTotalLabel, startsRow, takesAreaDigit } from "./grammar.js";
import { isBlank, type Line } from "./lines.js";
import { numericTail, type Group } from "./tokens.js";

/** A table row as printed: its label (wrapped lines joined) and the digit groups of its numbers. */
export interface RawRow {
  readonly label: string;
  readonly groups: Group[];
  /** The line that carries the numbers, else the row's first label line. */
  readonly line: number;
  readonly firstLine: number;
}

const MAX_BLANK_RUN = 5;
const MAX_WRAP = 4;

function continuesBeforeNumbers(text: string): boolean {
  const t = text.trim();
  return t.length <= 70 && !/[.:!?]$/u.test(t);
}

function splitAreaDigit(label: string, groups: Group[]): { label: string; groups: Group[] } {
  const first = groups[0];
  if (first && first.kind === "digits" && !first.negative && first.digits.length === 1 && takesAreaDigit(label)) {
    return { label: `${label} ${first.digits}`, groups: groups.slice(1) };
  }
  return { label, groups };
}

/**
 * Reads rows from `start` (a row-start line) until the table ends: a line that neither starts a
 * row nor continues one (prose, a footnote, a heading), or a run of blank lines.
 */
export function readRows(lines: readonly Line[], start: number, maxRows = 80): { rows: RawRow[]; end: number } {
  const rows: RawRow[] = [];
  let label = "";
  let groups: Group[] = [];
  let line = 0;
  let firstLine = 0;
  let open = false;
  let blanks = 0;
  let wrapped = 0;
  const close = (): void => {
    if (open) rows.push({ label: label.trim(), groups, line: line || firstLine, firstLine });
    open = false;
  };
  let i = start;
  for (; i < lines.length && rows.length < maxRows; i++) {
    const { text, no } = lines[i]!;
    if (isBlank(text)) {
      if (++blanks > MAX_BLANK_RUN) break;
      continue;
    }
    blanks = 0;
    if (isPageFooter(text) || (startsRow(text) && isHeaderLine(text))) continue; // page junk, a header printed again
    const tail = numericTail(text, no);
    const hasNumbers = tail.groups.length > 0;
    if (startsRow(text)) {
      close();
      wrapped = 0;
      const split = splitAreaDigit(tail.label, tail.groups);
      label = split.label;
      groups = split.groups;
      line = groups.length > 0 ? no : 0;
      firstLine = no;
      open = true;
      continue;
    }
    if (!open) break;
    if (tail.label === "" && hasNumbers) {
      if (groups.length > 0) {
        // a lone page number between two rows is page junk; other stray numbers end the table
        if (tail.groups.length === 1 && nextRowStarts(lines, i + 1)) continue;
        break;
      }
      groups = tail.groups;
      line = no;
      continue;
    }
    if (groups.length === 0) {
      // a label wraps over a few short lines; a sentence or a long run of lines is prose after the table
      if (!hasNumbers && (++wrapped > MAX_WRAP || !continuesBeforeNumbers(text))) break;
      const split = splitAreaDigit(`${label} ${tail.label}`, tail.groups);
      label = split.label;
      groups = split.groups;
      if (groups.length > 0) line = no;
      continue;
    }
    if (!hasNumbers && continuesLabel(text)) {
      label = `${label} ${tail.label}`;
      continue;
    }
    break;
  }
  close();
  // a trailing row that only collected a stray label line is not part of the table
  // and a row without numbers after the table's total is the next caption, not a row
  const afterTotal = (): boolean => rows.slice(0, -1).some((r) => isTotalLabel(r.label));
  while (rows.length > 0 && rows[rows.length - 1]!.groups.length === 0 && (!startsRow(lineText(lines, rows[rows.length - 1]!.firstLine)) || afterTotal())) rows.pop();
  return { rows, end: i };
}

/** "Bydel X • Årsberetning 2024 • 71": a page footer that survived extraction. */
export function isPageFooter(text: string): boolean {
  return /•.*årsberetning|årsberetning.*•/iu.test(text);
}

function nextRowStarts(lines: readonly Line[], from: number): boolean {
  for (let j = from; j < lines.length && j < from + 4; j++) {
    const t = lines[j]!.text;
    if (!isBlank(t)) return startsRow(t);
  }
  return false;
}

function lineText(lines: readonly Line[], no: number): string {
  return lines[no - 1]?.text ?? "";
}
