import { MAX_AMOUNT } from "@bydel/core";
import type { Group } from "../tokens/tokens.js";

/**
 * Every way to read a run of digit groups as the cells of a row with `columns` columns
 * (column-recovery.md, step 1). A number is a group of 1–3 digits followed by at most two 3-digit
 * groups, under 10⁸ kNOK (100 billion kr: no district, nor all of Oslo, spends that), joined only across single spaces; a gap of two or more spaces, a sign or
 * a whole token (4+ digits, no-break spaces) always starts a new number. `0` and groups with a
 * leading zero take no continuation. A lone dash is tried both as a blank placeholder and as the
 * sign of the next group, and a dash right after the label also as the label's own. With fewer numbers than columns, every blank position is enumerated.
 */
export interface Reading {
  readonly values: (number | null)[];
  /** Digit groups per column (0 for a blank). */
  readonly groupCounts: number[];
  /** Columns left blank because fewer numbers than columns were printed. */
  readonly blanks: number[];
  /** Layout cost of the blank placement: 0 where the text shows the blank (a lone wide gap), else by position. */
  readonly layoutCost: number;
  /** Spread of digit-group counts across the row (magnitude plausibility; lower is likelier). */
  readonly spread: number;
  /** The text shows where the blank is: a lone wide gap among single gaps, and the blank is there. */
  readonly hinted?: boolean;
}

export interface ReadingOptions {
  readonly columns: number;
  /** Column that is printed whenever the row has any number (Avvik in a budget table), or null. */
  readonly alwaysPrinted: number | null;
  /** Maximum digit groups per number. */
  readonly maxGroups?: number;
  /** Largest amount a cell can hold (default 99 999 999: 100 billion kr in 1000 kr, more than all of Oslo's budget). */
  readonly maxValue?: number;
  /** Search bound: stop after this many readings (the caller then reports the row as ambiguous). */
  readonly limit?: number;
  /** A lone wide gap marks the blank (default true); false where the table pads its columns anyway. */
  readonly gapHints?: boolean;
  /** The right edge of each column in character columns (from `columnAnchors`), or null: positions then decide nothing. */
  readonly anchors?: readonly number[] | null;
  /** Character columns an end may stray from its anchor. */
  readonly slack?: number;
}

export interface ReadingResult {
  readonly readings: Reading[];
  /** The bound was hit: the list is incomplete. */
  readonly overflow: boolean;
}

interface Item {
  readonly value: number | null;
  readonly groups: number;
  readonly gap: number;
  readonly end: number | null;
}

function canStart(g: Group): boolean {
  return g.kind === "digits" && !(g.digits.length > 1 && g.digits[0] === "0" && !g.whole) && !g.close;
}

function canContinue(first: Group, prev: Group, g: Group, count: number, maxGroups: number): boolean {
  return (
    g.kind === "digits" &&
    !first.whole &&
    first.digits !== "0" &&
    first.digits.length <= 3 &&
    count < maxGroups &&
    !g.whole &&
    !g.negative &&
    !g.open &&
    !prev.close &&
    g.digits.length === 3 &&
    g.gap <= 1 &&
    g.line === prev.line
  );
}

function numberItems(groups: readonly Group[], maxItems: number, maxGroups: number, maxValue: number, limit: number): { items: Item[][]; overflow: boolean } {
  const out: Item[][] = [];
  let overflow = false;
  const current: Item[] = [];

  // signGap: the gap before the dash that signs this number ("-   2 642"): the spaces after the sign are inside the cell
  const visit = (i: number, signGap: number | null): void => {
    if (overflow) return;
    if (i === groups.length) {
      out.push([...current]);
      if (out.length > limit) overflow = true;
      return;
    }
    if (current.length >= maxItems) return;
    const g = groups[i]!;
    if (g.kind === "dash") {
      // "Hjemmetjenester - 792 …": a dash right after the label may be the label's own
      if (g.afterLabel) visit(i + 1, null);
      // an accounting dash is a printed zero: the checks must see 0, not a blank
      current.push({ value: 0, groups: 0, gap: g.gap, end: g.end ?? null });
      visit(i + 1, null);
      current.pop();
      const next = groups[i + 1];
      if (next && next.kind === "digits" && !next.negative && !next.open) visit(i + 1, g.gap);
      return;
    }
    if (!canStart(g)) return;
    const negative = g.negative || g.open || signGap !== null;
    let digits = g.digits;
    let last = g;
    for (let j = i; j < groups.length; j++) {
      if (j > i) {
        const n = groups[j]!;
        if (!canContinue(g, last, n, j - i, maxGroups)) break;
        digits += n.digits;
        last = n;
      }
      // "(1 234)": an opened parenthesis must close on this number's last group
      if (g.open && !last.close) continue;
      if (!g.open && last.close) break;
      const magnitude = Number(digits);
      // a whole token beyond core's range (|x| < 10^15) is no amount the checks could compute with
      if (!(magnitude < MAX_AMOUNT) || (magnitude > maxValue && j > i)) break;
      current.push({ value: negative && magnitude !== 0 ? -magnitude : magnitude, groups: j - i + 1, gap: signGap ?? g.gap, end: last.end ?? null });
      visit(j + 1, null);
      current.pop();
      if (overflow) return;
    }
  };
  visit(0, null);
  return { items: out, overflow };
}

function combinations(n: number, k: number): number[][] {
  const out: number[][] = [];
  const pick: number[] = [];
  const go = (start: number): void => {
    if (pick.length === k) {
      out.push([...pick]);
      return;
    }
    for (let i = start; i < n; i++) {
      pick.push(i);
      go(i + 1);
      pick.pop();
    }
  };
  go(0);
  return out;
}

function spreadOf(counts: number[]): number {
  const present = counts.filter((c) => c > 0);
  if (present.length < 2) return 0;
  const mean = present.reduce((a, b) => a + b, 0) / present.length;
  return present.reduce((a, c) => a + (c - mean) ** 2, 0);
}

/** The column a lone wide gap among single gaps points at, for a row missing exactly one cell. */
function gapHint(items: readonly Item[]): number | null {
  const wide = items.map((it, i) => (i > 0 && it.gap >= 2 ? i : -1)).filter((i) => i > 0);
  const narrow = items.filter((it, i) => i > 0 && it.gap < 2).length;
  return wide.length === 1 && narrow >= 1 ? wide[0]! : null;
}

export function enumerateReadings(groups: readonly Group[], options: ReadingOptions): ReadingResult {
  const { columns, alwaysPrinted } = options;
  const maxGroups = options.maxGroups ?? 3;
  const limit = options.limit ?? 2000;
  if (groups.length === 0) return { readings: [], overflow: false };
  const { items: itemLists, overflow } = numberItems(groups, columns, maxGroups, options.maxValue ?? 99_999_999, limit);
  const readings: Reading[] = [];
  for (const items of itemLists) {
    const missing = columns - items.length;
    const hint = missing === 1 && options.gapHints !== false ? gapHint(items) : null;
    for (const blanks of combinations(columns, missing)) {
      const values: (number | null)[] = [];
      const groupCounts: number[] = [];
      let k = 0;
      for (let c = 0; c < columns; c++) {
        if (blanks.includes(c)) {
          values.push(null);
          groupCounts.push(0);
        } else {
          const it = items[k++]!;
          values.push(it.value);
          groupCounts.push(it.groups);
        }
      }
      if (options.anchors && !alignsWith(items, blanks, options.anchors, options.slack ?? 2)) continue;
      let layoutCost = 0;
      for (const b of blanks) layoutCost += hint === null ? b : b === hint ? 0 : 5 + b;
      if (alwaysPrinted !== null && blanks.includes(alwaysPrinted)) layoutCost += 10;
      readings.push({ values, groupCounts, blanks, layoutCost, spread: spreadOf(groupCounts), hinted: hint !== null && blanks[0] === hint });
      if (readings.length > limit) return { readings, overflow: true };
    }
  }
  return { readings, overflow };
}

/** Every cell of the reading ends at its own column's anchor: the layout puts the numbers there. */
function alignsWith(items: readonly Item[], blanks: readonly number[], anchors: readonly number[], slack: number): boolean {
  let k = 0;
  for (let c = 0; c < anchors.length; c++) {
    if (blanks.includes(c)) continue;
    const end = items[k++]!.end;
    if (end === null || Math.abs(end - anchors[c]!) > slack) return false;
  }
  return true;
}

/**
 * The right edges of a table's columns, where its layout shows them: rows whose cells all stand
 * two or more spaces apart, as many as the columns, most of them agreeing within one column and
 * all within the slack. Null for text set
 * one space apart (the original extractions), where positions decide nothing.
 */
export function columnAnchors(rows: readonly (readonly Group[])[], columns: number, slack: number, minRows: number): number[] | null {
  const ends: number[][] = [];
  for (const groups of rows) {
    if (groups.length === 0 || groups.some((g) => g.end === undefined || g.line !== groups[0]!.line)) continue;
    const cellEnds: number[] = [];
    groups.forEach((g, i) => {
      if (i > 0 && g.gap < 2 && groups[i - 1]!.kind === "digits" && g.kind === "digits") cellEnds[cellEnds.length - 1] = g.end!;
      else cellEnds.push(g.end!);
    });
    if (cellEnds.length === columns) ends.push(cellEnds);
  }
  if (ends.length < minRows) return null;
  const anchors: number[] = [];
  for (let c = 0; c < columns; c++) {
    const col = ends.map((e) => e[c]!).sort((a, b) => a - b);
    const median = col[col.length >> 1]!;
    // most full rows end within one column of each other (a layout, not padding that agrees by chance),
    // and none strays past the slack (a producer may set a lone «0» a few columns off)
    const near = col.filter((e) => Math.abs(e - median) <= 1).length;
    if (near < minRows || near * 2 <= col.length || col.some((e) => Math.abs(e - median) > slack)) return null;
    if (c > 0 && median - anchors[c - 1]! <= 2 * slack + 1) return null;
    anchors.push(median);
  }
  return anchors;
}

/** Two readings that differ only where one has a blank and the other a zero state the same money. */
export function sameMoney(a: readonly (number | null)[], b: readonly (number | null)[]): boolean {
  return a.length === b.length && a.every((v, i) => (v ?? 0) === (b[i] ?? 0));
}
