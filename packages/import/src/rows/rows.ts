import { continuesLabel, endsSentence, isTotalLabel, mayContinueLabel } from "../tables/grammar.js";
import { isBlank, lineByNo, type Line } from "../source/lines.js";
import type { RowGrammar, TableWalk } from "../tables/registry.js";
import { isNumbersOnly, numericTail, type Group, type NumericTail } from "../tokens/tokens.js";

/** A table row as printed: its label (wrapped lines joined) and the digit groups of its numbers. */
export interface RawRow {
  readonly label: string;
  readonly groups: Group[];
  /** The line that carries the numbers, else the row's first label line. */
  readonly line: number;
  readonly firstLine: number;
  /**
   * Set when the row's few numbers may not be its numbers at all, and the row then is blank: digits
   * that ended a label line before the label went on ("120 Administrasjon pr 1 000" / "innbyggere"),
   * or a lone number on its own line before the next row (a page number under a row of blanks).
   * Only the sums can tell; the value is the row's label if it is blank.
   */
  readonly labelIfBlank?: string;
}

/**
 * The walk every row reader shares: from `from` until a run of blank lines longer than the table
 * allows, or a line that ends it, past page footers (where they do not end it) and the page furniture the table names; each
 * other line goes to `visit` (with the blank lines just above it), which returns where the table
 * ends, if there. `onBlank` hears each blank line. Returns the index the table ends at.
 */
export function walkTable(lines: readonly Line[], from: number, walk: TableWalk, visit: (i: number, blanksBefore: number) => number | undefined, onBlank?: () => void): number {
  let blanks = 0;
  let skipped = false;
  let i = from;
  for (; i < lines.length; i++) {
    const text = lines[i]!.text;
    if (isBlank(text)) {
      onBlank?.();
      if (++blanks > walk.blankRun) break;
      continue;
    }
    if (!walk.runPastSkipped) blanks = 0;
    if (isPageFooter(text)) {
      if (walk.endsAtFooter) break;
      continue;
    }
    if (walk.skips(text, skipped)) {
      skipped = true;
      continue;
    }
    skipped = false;
    if (walk.ends(text)) break;
    const end = visit(i, blanks);
    blanks = 0;
    if (end !== undefined) return end;
  }
  return i;
}

/**
 * The one row reader: reads rows from `start` until the table ends (a line its grammar does not
 * take, a line that ends the table, or a run of blank lines), skipping page furniture. What starts
 * a row, what continues a label, which digits belong to it and what ends the table is the kind's
 * row grammar (`RowGrammar` in `tables/registry.ts`).
 */
export function readRows(lines: readonly Line[], start: number, g: RowGrammar): { rows: RawRow[]; end: number } {
  const rows: RawRow[] = [];
  let label = "";
  let groups: Group[] = [];
  let line = 0;
  let firstLine = 0;
  let open = false;
  /** The row's label lines before its numbers. */
  let labelLines = 0;
  // digits that ended a label line before the label went on ("… for 2" / "barn"): label or numbers?
  let trailing: { before: string; digits: string } | null = null;
  let continued = false;
  let pageNumber = false;
  const close = (): void => {
    if (!open) return;
    const row: RawRow = { label: label.trim(), groups, line: line || firstLine, firstLine };
    const t = trailing as { before: string; digits: string } | null;
    if (t && continued && groups.length <= 2) rows.push({ ...row, labelIfBlank: `${t.before} ${t.digits}${label.slice(t.before.length)}`.trim() });
    else if (pageNumber) rows.push({ ...row, labelIfBlank: row.label });
    else rows.push(row);
    open = false;
  };
  const openRow = (first: NumericTail, no: number): void => {
    close();
    // a start line is the label's first line; a named row's first line is read as a label line below
    labelLines = g.starts === null ? 0 : 1;
    label = first.label;
    take(first, no);
    firstLine = no;
    open = true;
  };
  const take = (tail: NumericTail, no: number): void => {
    trailing = tail.label !== "" && tail.groups.length > 0 ? { before: label, digits: tail.groups.map(groupText).join(" ") } : null;
    continued = false;
    pageNumber = false;
    groups = tail.groups;
    line = groups.length > 0 ? no : 0;
  };
  /** The row's numbers turn out to be later: the digits that ended a label line were part of the label. */
  const backIntoLabel = (): boolean => {
    const t = trailing as { before: string; digits: string } | null;
    if (t === null || groups.length > 2) return false;
    label = `${t.before} ${t.digits}${label.slice(t.before.length)}`;
    return true;
  };
  /** A label line as the grammar takes it: short, no sentence end (unless, where allowed, the row's numbers or the next row follow). */
  const labelLine = (text: string, at: number): boolean => {
    const t = text.trim();
    return t.length <= g.labelLine && (!endsSentence(t) || (g.sentenceBeforeRow && rowGoesOn(lines, at, g)));
  };
  /** Numbers the grammar takes for the row whose label is `text` so far. */
  const takesNumbers = (text: string, tail: NumericTail): boolean => {
    const t = text.trim();
    if (tail.groups.length < g.minNumbers || (g.maxLabel !== undefined && (t === "" || t.length > g.maxLabel || endsSentence(t)))) return false;
    // after a total only another total goes on (cascading sums); anything else is the text after the table
    return !(g.totalsLast && lastIsTotal() && !isTotalLabel(t));
  };
  const lastIsTotal = (): boolean => rows.length > 0 && isTotalLabel(rows[rows.length - 1]!.label);
  // no row limit: a table is as long as its rows go on (the solver bounds its own search)
  const end = walkTable(lines, start, g, (i) => {
    const { text, no } = lines[i]!;
    // label digits by grammar first ("Funksjonsområde 1", "§ 31"), on every line: a wrapped label may end in them
    // (under a label still waiting for its numbers, «655  (240 157) …» are its numbers; over a row or a blank, «223  190 …» too)
    const code = (!open || groups.length > 0) && labelWordsNext(lines, i + 1, g) ? (g.codeAlone?.(text) ?? null) : null;
    const tail: NumericTail = g.labelDigits(code === null ? numericTail(text, no) : { label: code, groups: numericTail(text.slice(code.length), no).groups });
    const hasNumbers = tail.groups.length > 0;
    if (g.starts === null) {
      // named rows: the row above has its numbers, so this line opens the next row and is read as its first label line
      if (!open || groups.length > 0) openRow({ label: "", groups: [] }, no);
    } else if (code !== null || g.starts(text, open ? { label, numbered: groups.length > 0 } : null)) {
      openRow(tail, no);
      return;
    }
    if (!open) return i;
    if (tail.label === "" && hasNumbers) {
      if (groups.length > 0) {
        // a lone page number between two rows is page junk; other stray numbers end the table
        if (tail.groups.length === 1 && nextRowStarts(lines, i + 1, g)) return;
        // a label line ended in digits and went on ("… for 2" / "barn"); these are the row's numbers
        if (!continued || !backIntoLabel()) return i;
      }
      // "… etter §" / "31 899 699 …": the section's number opens the numbers line
      const split = g.labelDigits({ label, groups: tail.groups });
      if (!takesNumbers(split.label, split)) return i;
      label = split.label;
      take({ label: "", groups: split.groups }, no);
      // a lone 1–3 digit number under a row of blanks, with the next row after it: the row's one cell, or a page number
      const only = split.groups[0];
      pageNumber = split.groups.length === 1 && only!.kind === "digits" && only!.digits.length <= 3 && !only!.negative && (nextRowStarts(lines, i + 1, g) || headerFollows(lines, i + 1, g));
      return;
    }
    if (groups.length === 0) {
      // a label wraps over a few short lines; a sentence or a long run of lines is prose after the table
      // ("… funksjonsnedsettelser mv." ends in a period, yet the row's numbers or the next row follow)
      const split = g.labelDigits({ label: `${label} ${tail.label}`, groups: tail.groups });
      if (hasNumbers ? !takesNumbers(split.label, split) : ++labelLines > g.maxLabelLines || !labelLine(text, i + 1) || (g.totalsLast && lastIsTotal())) return i;
      label = split.label;
      take(split, no);
      return;
    }
    // ("mv." ends in a period, "31 i loven" starts with the digits of "§ 31": with the next row after it, still the label)
    // (after a code alone, «302» over «Byggesaksbehandling og», the label's words go on whatever their case)
    if (!hasNumbers && (continuesLabel(text, g) || (/^\d{3}$/u.test(label.trim()) && tail.label !== "" && text.trim().length <= g.labelLine) || (mayContinueLabel(text) && nextRowStarts(lines, i + 1, g)))) {
      label = `${label} ${tail.label}`;
      continued = true;
      return;
    }
    // "… for 2" / "barn 138 426 …": the label went on, with the numbers after it
    if (hasNumbers && continuesLabel(tail.label, g) && backIntoLabel()) {
      label = `${label} ${tail.label}`;
      take(tail, no);
      trailing = null;
      return;
    }
    return i;
  });
  close();
  // a trailing row that only collected a stray label line is not part of the table (a named row without numbers neither)
  // and a row without numbers after the table's total is the next caption, not a row
  const afterTotal = (): boolean => rows.slice(0, -1).some((r) => isTotalLabel(r.label));
  while (rows.length > 0 && rows[rows.length - 1]!.groups.length === 0 && (g.starts === null || !g.starts(lineText(lines, rows[rows.length - 1]!.firstLine), null) || afterTotal())) rows.pop();
  return { rows, end };
}

/** The next line goes on with a label's words (its numbers after them or not), and is no row of its own. */
function labelWordsNext(lines: readonly Line[], from: number, g: RowGrammar): boolean {
  const next = lines[from];
  if (!next || isBlank(next.text) || startsRow(next.text, g)) return false;
  return /^\p{L}/u.test(numericTail(next.text, next.no).label);
}

function groupText(g: Group): string {
  return g.kind === "dash" ? "-" : `${g.negative ? "-" : ""}${g.digits}`;
}

/** "Bydel X • Årsberetning 2024 • 71": a page footer that survived extraction. */
export function isPageFooter(text: string): boolean {
  return /•.*årsberetning|årsberetning.*•/iu.test(text);
}

/** The table's next line within `reach` lines, past blank lines and page footers (and, where asked, a page number alone). */
function lineAhead(lines: readonly Line[], from: number, reach: number, pastPageNumber = false): Line | undefined {
  for (let j = from; j < lines.length && j < from + reach; j++) {
    const t = lines[j]!.text;
    if (!isBlank(t) && !isPageFooter(t) && !(pastPageNumber && /^\s*\d{1,3}\s*$/.test(t))) return lines[j];
  }
  return undefined;
}

/** The next non-blank line carries numbers only (the row's numbers on a line of their own) or starts the next row. */
function rowGoesOn(lines: readonly Line[], from: number, g: RowGrammar): boolean {
  const next = lineAhead(lines, from, 5);
  return next !== undefined && (startsRow(next.text, g) || isNumbersOnly(numericTail(next.text, next.no)));
}

/** The table's header printed again after a page break ("Netto driftsutgifter pr. KOSTRA-funksjon", "Regnskap 2023"). */
function headerFollows(lines: readonly Line[], from: number, g: RowGrammar): boolean {
  const next = lineAhead(lines, from, 6);
  return next !== undefined && g.headerAgain(next.text);
}

/** The next row starts, past a page footer or a page number. */
function nextRowStarts(lines: readonly Line[], from: number, g: RowGrammar): boolean {
  const next = lineAhead(lines, from, 6, true);
  return next !== undefined && startsRow(next.text, g);
}

function lineText(lines: readonly Line[], no: number): string {
  return lineByNo(lines, no)?.text ?? "";
}

/** A line that starts a row by the grammar, whatever the row above (named rows have no start lines). */
function startsRow(text: string, g: RowGrammar): boolean {
  return g.starts !== null && g.starts(text, null);
}
