import { isBlank, type Line } from "../source/lines.js";
import { readHeaderWords, type HeaderRead } from "./header.js";
import { layoutCells, type Run } from "../tokens/tokenize.js";
import { indicatorFragment, indicatorStarts, positionalHeaderWords, positionalTables, type IndicatorColumnKind } from "./registry.js";

/**
 * Indicator tables laid out by position (pdftotext -layout, the PDF source's own layout): cells are
 * runs of text separated by two or more spaces, and a cell's character span says which column it
 * stands in. The header may span several lines («Resultat» over «2022», «Avvik 2024» over
 * «(Resultat-måltall)», a title that wraps beside the years), and may start above the line with
 * the table's start word. Text without such spans (one cell per line, single spaces) is left to
 * the word-based reader.
 */

/** A cell: a run of text with single spaces inside (`tokenize.ts`). */
export type Cell = Run;

export type ColumnKind = IndicatorColumnKind;

export interface LayoutColumn {
  readonly kind: ColumnKind;
  readonly year: number | null;
  readonly start: number;
  readonly end: number;
}

export { layoutCells };

/** A header cell: column words, years, "bydel", "i %", parentheses and dashes only. */
const FRAGMENT = indicatorFragment(positionalTables);

/**
 * A cell read by the header reader (`header.ts`) at its extent; a note that wraps over header lines
 * («(Resultat-» over «måltall)») is left out here too, as the reader leaves out a note on one line.
 */
function wordsOf(cell: Cell): HeaderRead<ColumnKind> {
  let read = wordsRead.get(cell);
  if (!read) {
    const blank = (m: string): string => " ".repeat(m.length);
    const closed = cell.text.includes("(") || cell.text.includes(")") ? cell.text.replace(/\([^)]*\)/g, blank).replace(/\([^)]*$/u, blank).replace(/^[^(]*\)/u, blank) : cell.text;
    read = readHeaderWords(closed, positionalHeaderWords, cell.start);
    wordsRead.set(cell, read);
  }
  return read;
}

/** Each cell is read once, however often the header's lines are lined up again. */
const wordsRead = new WeakMap<Cell, HeaderRead<ColumnKind>>();

function kindsOf(cell: Cell): ColumnKind[] {
  return wordsOf(cell).columns.map((c) => c.kind);
}

/** A header word of its own on a line, the rest of a column's title («Mål» over «sykefravær», «Resultat» over «bydel»). */
const TITLE_WORD = new RegExp(`^(?:${positionalHeaderWords.titleWords.join("|")})$`, "iu");

/** A header cell that names a column, gives its year, holds (part of) a note in parentheses, or goes on with a column's title. */
function isFragment(cell: Cell): boolean {
  const t = cell.text.trim();
  if (!FRAGMENT.test(t)) return false;
  const words = wordsOf(cell);
  return words.columns.length > 0 || words.years.length > 0 || /^\(|\)$/u.test(t) || TITLE_WORD.test(t);
}

interface Anchor {
  kind: ColumnKind | null;
  years: Set<number>;
  start: number;
  end: number;
}

function overlap(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return Math.min(a.end, b.end) - Math.max(a.start, b.start);
}

/**
 * The anchor a cell stands just beside, when no other is about as near: within NEAR characters, or,
 * right of a column word, within most of the word's length (a word in a wide bold font is longer on
 * the page than its characters in the laid-out text, which places it by its left edge).
 */
function nearest(anchors: readonly Anchor[], cell: Cell): Anchor | null {
  const byGap = [...anchors].sort((a, b) => overlap(b, cell) - overlap(a, cell));
  const [a, b] = byGap;
  if (!a) return null;
  const reach = a.kind !== null && a.end <= cell.start ? Math.max(NEAR, WIDE_WORD * (a.end - a.start)) : NEAR;
  if (overlap(a, cell) <= -reach) return null;
  return b && overlap(a, cell) - overlap(b, cell) < 2 ? null : a;
}

/** How much longer than its characters a column word may stand on the page (DejaVu Sans Bold is about 0.7 em a character, charWidth half an em at 9 pt). */
const WIDE_WORD = 0.6;

/**
 * Places header cells in columns: a cell joins the column it overlaps most, or opens a new one.
 * Null when a cell names two columns, or a column gets two kinds or two years: not a positional header
 * (`partial`: a header read so far, whose columns may still lack their words; none are returned).
 */
function buildColumns(laidOut: readonly Cell[][], partial = false): LayoutColumn[] | null {
  const rows = laidOut.map((r) => r.flatMap(twoTitles));
  const anchors: Anchor[] = [];
  // the line with the most column words first: its cells are the columns the others join
  const order = [...rows.keys()].sort((a, b) => rows[b]!.reduce((s, c) => s + kindsOf(c).length, 0) - rows[a]!.reduce((s, c) => s + kindsOf(c).length, 0));
  for (const r of order) {
    for (const cell of rows[r]!) {
      const words = wordsOf(cell);
      const kinds = words.columns.map((c) => c.kind);
      const years = words.years;
      if (kinds.length > 1 || years.length > 1) return null;
      let best: Anchor | null = null;
      let most = 0;
      for (const a of anchors) {
        const o = overlap(a, cell);
        if (o > most) {
          most = o;
          best = a;
        }
      }
      // a year (or a title's last word) right-aligned under a wider word stands beside it in the laid-out text (words are placed by their left edge, numbers by their right)
      if (best === null && (/^\d{4}$/u.test(cell.text.trim()) || TITLE_WORD.test(cell.text.trim()))) best = nearest(anchors, cell);
      if (best === null) {
        anchors.push({ kind: kinds[0] ?? null, years: new Set(years), start: cell.start, end: cell.end });
        continue;
      }
      if (kinds.length > 0) {
        if (best.kind !== null) return null;
        best.kind = kinds[0]!;
      }
      for (const y of years) best.years.add(y);
      if (best.years.size > 1) return null;
      best.start = Math.min(best.start, cell.start);
      best.end = Math.max(best.end, cell.end);
    }
  }
  anchors.sort((a, b) => a.start - b.start);
  for (let j = 1; j < anchors.length; j++) if (anchors[j]!.start < anchors[j - 1]!.end) return null;
  // (a header read line by line may name a column on a line still to come: «Avvik 2024» above «(Resultat-»)
  if (anchors.some((a) => a.kind === null)) return partial ? [] : null;
  return anchors.map((a) => ({ kind: a.kind!, year: a.years.size === 1 ? [...a.years][0]! : null, start: a.start, end: a.end }));
}

/**
 * A header cell that names two columns or two years is two titles a text extraction set one space
 * apart («Mål Sykefraværsprosent», «2021 Mål 2022»): split where the second begins, a column word
 * after one (or after a year, the end of the title before) or a second year. So is a column word
 * followed by the deviation's note («Resultat (Resultat-», the note under «Avvik»). Any other cell is kept.
 */
function twoTitles(cell: Cell): Cell[] {
  const words = wordsOf(cell);
  const note = DEVIATION_NOTE.exec(cell.text);
  if (note && note.index > 0 && words.columns.length === 1 && words.columns[0]!.kind !== "deviation") {
    const head = cell.text.slice(0, note.index).trimEnd();
    return [
      { text: head, start: cell.start, end: cell.start + head.length },
      { text: cell.text.slice(note.index), start: cell.start + note.index, end: cell.end },
    ];
  }
  if (words.columns.length < 2 && words.years.length < 2) return [cell];
  const tokens = [...cell.text.matchAll(/\S+/gu)].map((m) => ({ text: m[0], start: cell.start + m.index!, end: cell.start + m.index! + m[0].length }));
  const out: Cell[] = [];
  let group: typeof tokens = [];
  let kind = false;
  let year = false;
  let lastYear = false;
  for (const t of tokens) {
    const isKind = kindsOf(t).length > 0;
    const isYear = /^(?:19|20)\d{2}$/u.test(t.text);
    if (group.length > 0 && ((isKind && (kind || lastYear)) || (isYear && year))) {
      out.push(joined(group));
      group = [];
      kind = year = false;
    }
    group.push(t);
    kind ||= isKind;
    year ||= isYear;
    lastYear = isYear;
  }
  out.push(joined(group));
  return out.length > 1 && out.every((c) => wordsOf(c).columns.length < 2 && wordsOf(c).years.length < 2) ? out : [cell];
}

/** The deviation's note, «(Resultat-måltall)» or its first line «(Resultat-», one space after another title. */
const DEVIATION_NOTE = /(?<=\s)\((?:resultat|måltall)/iu;

const joined = (tokens: readonly Cell[]): Cell => ({ text: tokens.map((t) => t.text).join(" "), start: tokens[0]!.start, end: tokens[tokens.length - 1]!.end });

export interface LayoutHeader {
  readonly columns: LayoutColumn[];
  /** Index of the first header line (may be above the start line) and of the first line after the header. */
  readonly first: number;
  readonly next: number;
  readonly title: string;
  /**
   * A line of column words right above the header naming a column the header cannot place: «Avvik» over
   * «Resultat (Resultat-», two titles a text extraction set one space apart. The columns are then not
   * proven (a cell under «Avvik» would be read as the result), and the table is reported, not read.
   */
  readonly unplaced?: string;
}

/** Lines above the start line that may hold the header's first words. */
const ABOVE = 3;
const BELOW = 4;

/**
 * The header of a table laid out by position around its start line (the line with «Resultatindikatorer»),
 * or null when the header is not laid out in columns (then the word-based reader reads it).
 */
export function readLayoutHeader(lines: readonly Line[], start: number, startWord: RegExp): LayoutHeader | null {
  const first = layoutCells(lines[start]!.text);
  if (first.length === 1 && startWord.test(first[0]!.text)) return underCaption(lines, start, first[0]!.text);
  // a caption whose words a monospaced font sets two spaces apart («Nøkkeltall for:  Funksjonsområde 2A  –  Tjenester») is one cell
  const startWordCell = startWord.exec(first[0]!.text);
  if (first.length > 1 && startWordCell && startWordCell[0].trim() !== "" && !first.some(isFragment)) return underCaption(lines, start, first.map((c) => c.text).join(" "));
  if (first.length < 2) return null;
  // a header with no caption («Resultat   Resultat   Måltall» over the years): the start is zero-width (it looks at the line), every cell a column's
  // (a start that looks past its words, «Måned» before a year, is matched on the line and must end in the first cell)
  const onLine = startWord.exec(lines[start]!.text);
  const m: { index: number; 0: string } | null = startWord.exec(first[0]!.text) ?? (onLine && onLine.index + onLine[0].length <= first[0]!.end ? { index: 0, 0: onLine[0].trim() } : null);
  if (!m) return null;
  const uncaptioned = m[0].trim() === "" && first.every(isFragment);
  // "Resultatindikatorer Resultat": column words after the start word with one space are no laid-out header
  const rest = first[0]!.text.slice(m.index + m[0].length).trim();
  if (!uncaptioned && rest !== "" && FRAGMENT.test(rest)) return null;
  const startFrags = uncaptioned ? first : first.slice(1);
  if (!startFrags.every(isFragment)) return null;
  const titleParts: string[] = uncaptioned ? [] : [first[0]!.text];
  const rows: Cell[][] = [startFrags];
  let edge = Math.min(...startFrags.map((c) => c.start));
  let from = start;
  let unplaced: string | undefined;
  // lines of column words only, right above
  for (let i = start - 1; i >= 0 && i >= start - ABOVE; i--) {
    const t = lines[i]!.text;
    if (isBlank(t)) break;
    const cells = layoutCells(t);
    if (cells.length === 0 || !cells.every(isFragment) || cells[0]!.start < (uncaptioned ? 0 : first[0]!.end)) break;
    if (buildColumns([...rows, cells], true) === null) {
      if (cells.some((c) => kindsOf(c).length > 0)) unplaced = t.trim();
      break;
    }
    rows.unshift(cells);
    edge = Math.min(edge, ...cells.map((c) => c.start));
    from = i;
  }
  let next = start + 1;
  // below: a title that goes on at the left, column words and years in the columns
  for (let i = start + 1; i < lines.length && i <= start + BELOW; i++) {
    const t = lines[i]!.text;
    if (isBlank(t)) break;
    const cells = layoutCells(t);
    const title = cells.length > 0 && cells[0]!.end < edge && !isFragment(cells[0]!) ? cells[0]! : null;
    const frags = title ? cells.slice(1) : cells;
    if (frags.length === 0 || !frags.every(isFragment) || frags[0]!.start < (title?.end ?? 0)) break;
    if (buildColumns([...rows, frags], true) === null) break;
    rows.push(frags);
    if (title) titleParts.push(title.text);
    next = i + 1;
  }
  const columns = buildColumns(rows);
  if (columns === null || columns.length < 2) return null;
  return { columns, first: from, next, title: titleParts.join(" "), ...(unplaced === undefined ? {} : { unplaced }) };
}

/** A caption alone on its line («Nøkkeltall for: Funksjonsområde 3 – Tjenester»), its header laid out below it with no caption of its own. */
function underCaption(lines: readonly Line[], start: number, caption: string): LayoutHeader | null {
  let j = start + 1;
  while (j < lines.length && j <= start + 2 && isBlank(lines[j]!.text)) j++;
  if (j >= lines.length || layoutCells(lines[j]!.text).length < 2) return null;
  const header = readLayoutHeader(lines, j, /^/u);
  return header && header.first === j ? { ...header, first: start, title: caption } : null;
}

/**
 * A start with no caption («Resultat   Resultat» at the line's start) over a line a captioned table
 * starts on («Sykefravær i %   2019   Mål 2020»): the header's first line belongs to that table,
 * which looks above its start for it.
 */
export function captionBelow(lines: readonly Line[], start: number): boolean {
  const own = indicatorStarts.find(([re]) => re.test(lines[start]!.text));
  if (!own || own[0].exec(lines[start]!.text)![0].trim() !== "") return false;
  for (let i = start + 1; i < lines.length && i <= start + BELOW; i++) {
    const t = lines[i]!.text;
    if (isBlank(t)) return false;
    const other = indicatorStarts.find(([re]) => re.test(t));
    if (other && other[0].exec(t)![0].trim() !== "") return true;
  }
  return false;
}

/**
 * The column a cell stands in: the one it overlaps most, else the nearest within a few characters;
 * -1 when two columns are as near (the cell cannot be placed by position).
 */
export function columnOf(cell: { start: number; end: number }, columns: readonly LayoutColumn[]): number {
  let best = -1;
  let bestScore = -Infinity;
  let second = -Infinity;
  for (let j = 0; j < columns.length; j++) {
    // overlap when positive, minus the gap when apart
    const s = overlap(cell, columns[j]!);
    if (s > bestScore) {
      second = bestScore;
      bestScore = s;
      best = j;
    } else if (s > second) second = s;
  }
  if (bestScore <= -NEAR) return -1;
  // apart from both neighbours: the nearer one only when clearly nearer
  if (bestScore <= 0 ? bestScore - second < 2 : bestScore === second) return -1;
  return best;
}

/** How far (characters) a value may stand beside its column's header. */
const NEAR = 4;
