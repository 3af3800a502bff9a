/**
 * The one tokenizer of a table line: the runs of text between spaces, each with the spaces before
 * it and its character span. The numeric tail (`tokens.ts`), the indicator cells (`cells.ts`) and
 * the positional cells (`layoutTable.ts`) all read a line through it; they differ only in which
 * characters count as spaces and how wide each is, and those rules are the presets below.
 */

export interface Token {
  readonly text: string;
  /** Spaces before the token on its line (its leading spaces for the first token; 0 at the line's start). */
  readonly gap: number;
  /** Character column of the token's first character, after the blanks are widened. */
  readonly start: number;
  /** Exclusive. */
  readonly end: number;
}

/** Which characters stand for spaces, and how many spaces each is. */
export interface Blanks {
  /** A global pattern of single characters read as spaces. */
  readonly chars: RegExp;
  /** The spaces each stands for: 2 keeps a tab a column gap; 1 makes it a plain space. */
  readonly width: 1 | 2;
}

/** The numeric tail: a tab is a column gap (two spaces); no-break spaces are left to the caller (they join digit groups). */
export const TAIL_BLANKS: Blanks = { chars: /\t/g, width: 2 };
/** Indicator cells: a tab and the no-break spaces (U+00A0, U+202F, U+2007) are each one space. */
export const CELL_BLANKS: Blanks = { chars: /[\u00A0\u202F\u2007\t]/g, width: 1 };
/** Positional cells: a tab or a form feed is a column gap (two spaces). */
export const LAYOUT_BLANKS: Blanks = { chars: /[\t\f]/g, width: 2 };

const WIDE = "  ";

/** The tokens of a line: runs of non-spaces, with the gap before each and its span. */
export function tokenize(text: string, blanks: Blanks): Token[] {
  const out: Token[] = [];
  let gap = 0;
  const s = text.replace(blanks.chars, blanks.width === 2 ? WIDE : " ");
  // a scan by hand: runs of spaces and of non-spaces (a regex iterator costs more per line)
  const n = s.length;
  let i = 0;
  while (i < n) {
    let j = i;
    if (s.charCodeAt(i) === 32) {
      while (j < n && s.charCodeAt(j) === 32) j++;
      gap = j - i;
    } else {
      while (j < n && s.charCodeAt(j) !== 32) j++;
      out.push({ text: s.slice(i, j), gap, start: i, end: j });
      gap = 0;
    }
    i = j;
  }
  return out;
}

/** A run of tokens one space apart: a positional cell (two or more spaces end it). */
export interface Run {
  readonly text: string;
  readonly start: number;
  /** Exclusive. */
  readonly end: number;
}

/** Joins tokens set one space apart into runs: the cells of a line laid out by position. */
export function runs(tokens: readonly Token[]): Run[] {
  const out: Run[] = [];
  let cur: { text: string; start: number; end: number } | null = null;
  for (const t of tokens) {
    if (cur !== null && t.gap === 1) {
      cur.text += ` ${t.text}`;
      cur.end = t.end;
      continue;
    }
    if (cur !== null) out.push(cur);
    cur = { text: t.text, start: t.start, end: t.end };
  }
  if (cur !== null) out.push(cur);
  return out;
}

/** A line's cells: runs of text with single spaces inside, two or more spaces (or a tab) between. */
export function layoutCells(text: string): Run[] {
  return runs(tokenize(text, LAYOUT_BLANKS));
}
