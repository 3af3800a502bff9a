import { cellAddress, parseRangeAddress } from "./address.js";
import { CELL_PADDING, displayText, lineHeight, longestWord, textWidth, wrapLines } from "./measure.js";
import { colors } from "./styles.js";
import type { Cell, CellStyle, SheetLayout } from "./types.js";

/**
 * Fits a sheet's columns to its content, so nothing is clipped and no number shows as ###:
 * - a column is as wide as its widest number, and as its widest text up to `maxWidths` (default
 *   `DEFAULT_MAX_WIDTH`); longer text wraps (never inside a word) and its row grows to its lines;
 * - a table header wraps onto at most three lines and never breaks a word; numeric columns' headers
 *   are right-aligned over their numbers (centred over centred values);
 * - a table column with nothing in it for this report is hidden (split columns of a report without
 *   an earmarked split, review flags nobody raised);
 * - text outside tables may run over the empty cells to its right, as far as the sheet goes; text
 *   longer than that is merged over them and wraps.
 * Widths the sheet gives are kept for columns nothing constrains (e.g. under a title).
 */
export interface FitOptions {
  /** The widest a column may grow for text, by 0-based column; numbers always get their room. */
  maxWidths?: Record<number, number>;
  /** Hide table columns with nothing in them (default true). */
  hideEmpty?: boolean;
  /** Header rows outside Excel tables (0-based), each over the rows to `lastRow`: aligned like a table's. */
  blocks?: { header: number; lastRow: number; lastCol: number }[];
}

export const DEFAULT_MAX_WIDTH = 40;
/** Narrow columns of numbers stay clear of the text beside them. */
const MIN_WIDTH = 7;
/** Text outside a table runs (or is merged) over at most about this width: within the first printed page. */
const MAX_RUN = 100;
/** A header takes at most this many lines before its column widens. */
const HEADER_LINES = 3;

type Pos = { r: number; c: number };

/** A column is used when a cell shows something or waits for the controller's input. */
const isUsed = (cell: Cell | null, shown: string): boolean =>
  shown !== "" || (cell?.kind === "blank" && cell.style?.fill === colors.input) || (cell?.kind === "formula" && typeof cell.expected === "number");
const isNumeric = (cell: Cell): boolean =>
  cell.kind === "number" || cell.kind === "boolean" || (cell.kind === "formula" && (typeof cell.expected === "number" || (cell.expected === "" && cell.format !== undefined)));
const withStyle = (cell: Cell, style: CellStyle): Cell => ({ ...cell, style: { ...cell.style, ...style } });

export function fitSheet(sheet: SheetLayout, options: FitOptions = {}): SheetLayout {
  const rows = sheet.rows.map((r) => [...r]);
  const tables = sheet.tables.map((t) => parseRangeAddress(t.range));
  const lastCol = Math.max(sheet.columns.length - 1, ...tables.map((t) => t.right), ...rows.map((r) => r.length - 1));
  const inTable = ({ r, c }: Pos) => tables.some((t) => r >= t.top && r <= t.bottom && c >= t.left && c <= t.right);
  const isHeader = ({ r, c }: Pos) => tables.some((t) => r === t.top && c >= t.left && c <= t.right);
  const cellAt = ({ r, c }: Pos) => rows[r]?.[c] ?? null;
  // What each cell shows, once: the passes below look at every cell several times.
  const shownGrid = rows.map((cells) => cells.map((cell) => displayText(cell)));
  const shownAt = ({ r, c }: Pos) => shownGrid[r]?.[c] ?? "";
  const isEmptyAt = (p: Pos) => shownAt(p) === "";
  const maxWidth = (c: number) => options.maxWidths?.[c] ?? DEFAULT_MAX_WIDTH;

  // Hidden: table columns with nothing in their body.
  const hidden = new Set<number>();
  for (const t of options.hideEmpty === false ? [] : tables) {
    for (let c = t.left; c <= t.right; c++) {
      let used = false;
      for (let r = t.top + 1; r <= t.bottom && !used; r++) used = isUsed(cellAt({ r, c }), shownAt({ r, c }));
      if (!used) hidden.add(c);
    }
  }

  // Header alignment follows the column's values: numbers are right-aligned, so their header is too.
  const blocks = [...tables, ...(options.blocks ?? []).map((b) => ({ top: b.header, bottom: b.lastRow, left: 0, right: b.lastCol }))];
  for (const t of blocks) {
    for (let c = t.left; c <= t.right; c++) {
      const body: Cell[] = [];
      for (let r = t.top + 1; r <= t.bottom; r++) {
        const cell = cellAt({ r, c });
        if (cell && !isEmptyAt({ r, c })) body.push(cell);
      }
      const align = (cell: Cell) => cell.style?.horizontalAlignment ?? (isNumeric(cell) ? "right" : "left");
      const header = cellAt({ r: t.top, c });
      if (!header || body.length === 0) continue;
      const first = align(body[0]!);
      if (first !== "left" && body.every((b) => align(b) === first)) rows[t.top]![c] = withStyle(header, { horizontalAlignment: first });
    }
  }

  // A cell is constrained to its column when it cannot run over its neighbours: in a table, a number,
  // wrapped or aligned text, or text with something right beside it.
  const constrained = (p: Pos, cell: Cell): boolean =>
    inTable(p) ||
    isNumeric(cell) ||
    cell.style?.wrapText === true ||
    (cell.style?.horizontalAlignment ?? "left") !== "left" ||
    !isEmptyAt({ r: p.r, c: p.c + 1 });

  const widths: number[] = [];
  for (let c = 0; c <= lastCol; c++) {
    let numbers = 0; // room the numbers need (never ###)
    let words = 0; // the widest word of text that may wrap
    let text = 0; // the widest text on one line
    let headerNeed = 0;
    let any = false;
    for (let r = 0; r < rows.length; r++) {
      const p = { r, c };
      const cell = cellAt(p);
      if (!cell) continue;
      const shown = shownAt(p);
      if (shown === "" || !constrained(p, cell)) continue;
      any = true;
      const pad = (w: number) => w + CELL_PADDING;
      if (isHeader(p)) headerNeed = Math.max(headerNeed, pad(longestWord(shown, cell.style)), pad(textWidth(shown, cell.style) / HEADER_LINES));
      else if (isNumeric(cell)) numbers = Math.max(numbers, pad(textWidth(shown, cell.style)));
      else {
        words = Math.max(words, pad(longestWord(shown, cell.style)));
        text = Math.max(text, pad(textWidth(shown, cell.style)));
      }
    }
    const given = sheet.columns[c]?.width;
    const width = any ? Math.max(MIN_WIDTH, numbers, words, headerNeed, Math.min(text, maxWidth(c))) : (given ?? 9);
    widths.push(Math.ceil(width * 2) / 2);
  }

  // Rows grow to the lines of their wrapped text.
  const heights = new Map<number, number>();
  for (const { row, height } of sheet.rowHeights ?? []) heights.set(row, height);
  const grow = (r: number, lines: number, style?: CellStyle) => {
    const h = lines * lineHeight(style) + 2;
    if (lines > 1 && h > (heights.get(r) ?? 0)) heights.set(r, h);
  };
  const merges = [...(sheet.merges ?? [])];
  for (let r = 0; r < rows.length; r++) {
    for (let c = 0; c <= lastCol; c++) {
      const p = { r, c };
      const cell = cellAt(p);
      if (!cell) continue;
      const shown = shownAt(p);
      if (shown === "" || isNumeric(cell)) continue;
      const need = textWidth(shown, cell.style) + CELL_PADDING;
      if (constrained(p, cell)) {
        if (need <= widths[c]! && cell.style?.wrapText !== true) continue;
        if (cell.style?.wrapText !== true) rows[r]![c] = withStyle(cell, { wrapText: true });
        grow(r, wrapLines(shown, widths[c]!, cell.style).length, cell.style);
        continue;
      }
      // Runs over the empty cells to its right; merged over them and wrapped when that is not enough.
      let end = c;
      let room = widths[c]!;
      while (end < lastCol && isEmptyAt({ r, c: end + 1 }) && room < MAX_RUN) {
        end++;
        if (!hidden.has(end)) room += widths[end]!;
      }
      if (need <= room) continue;
      rows[r]![c] = withStyle(cell, { wrapText: true, verticalAlignment: "top" });
      if (end > c) {
        for (let k = c + 1; k <= end; k++) rows[r]![k] = null;
        merges.push(`${cellAddress(r, c)}:${cellAddress(r, end)}`);
      }
      grow(r, wrapLines(shown, room, cell.style).length, cell.style);
    }
  }

  return {
    ...sheet,
    rows,
    columns: widths.map((width, c) => (hidden.has(c) ? { width, hidden: true } : { width })),
    ...(heights.size > 0 ? { rowHeights: [...heights].sort((a, b) => a[0] - b[0]).map(([row, height]) => ({ row, height })) } : {}),
    ...(merges.length > 0 ? { merges } : {}),
  };
}
