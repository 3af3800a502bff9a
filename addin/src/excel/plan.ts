import type { Cell, CellStyle, ChartLayout, ConditionalFormat, PrintSetup, SheetLayout, TableLayout, WorkbookLayout } from "@bydel/layout";
import { cellAddress, columnLetter, rangeAddress } from "@bydel/layout";

/**
 * The import as a list of requests: plain data, so the chunking is tested without Excel.
 * Excel on the web rejects a request over 5 MB; a request here is kept to `requestBytes` by an
 * estimate of what Office.js sends (the values and formats as JSON plus an overhead per call).
 */
export interface WriteLimits {
  /** Upper bound on one cell block (values + number formats as JSON). */
  blockBytes: number;
  /** Upper bound on rows in one cell block (Microsoft suggests 5k–20k). */
  blockRows: number;
  /** Upper bound on one request, i.e. everything between two `context.sync()` calls. */
  requestBytes: number;
}

export const defaultLimits: WriteLimits = { blockBytes: 1_000_000, blockRows: 5_000, requestBytes: 2_000_000 };

/** The estimated cost of one proxy call (object path + action) in an Office.js request. */
export const CALL_BYTES = 200;

/** Excel's number format for text: what is written stays text, even "=…", "-…", "1/2" or "0012". */
export const TEXT_FORMAT = "@";

export type Scalar = string | number | boolean;

export type Op =
  | { kind: "addSheet"; sheet: string }
  | {
      kind: "cells";
      sheet: string;
      row: number;
      col: number;
      /** null = leave unchanged (a new sheet's General). */
      numberFormat: (string | null)[][] | null;
      /** Written through `range.formulas`; null = write nothing. */
      formulas: (Scalar | null)[][];
    }
  | { kind: "style"; sheet: string; addresses: string; style: CellStyle }
  | { kind: "columns"; sheet: string; address: string; width: number; hidden: boolean }
  /** `address` is whole rows, "5:7"; `height` in points. */
  | { kind: "rowHeight"; sheet: string; address: string; height: number }
  | { kind: "print"; sheet: string; print: PrintSetup }
  | { kind: "table"; sheet: string; table: TableLayout }
  | { kind: "conditionalFormat"; sheet: string; format: ConditionalFormat }
  | { kind: "freeze"; sheet: string; rows: number; columns: number }
  | { kind: "tabColor"; sheet: string; color: string }
  /** Merge an area (a long subtitle wrapped over the sheet's width). */
  | { kind: "merge"; sheet: string; address: string }
  | { kind: "note"; sheet: string; address: string; text: string }
  | { kind: "chart"; sheet: string; chart: ChartLayout }
  | { kind: "activate"; sheet: string };

export interface Request {
  ops: Op[];
  bytes: number;
  /** The sheets the request writes, in order, for the progress text. */
  sheets: string[];
}

const json = (x: unknown) => JSON.stringify(x).length;

export function opBytes(op: Op): number {
  switch (op.kind) {
    case "cells":
      return CALL_BYTES * 3 + json(op.formulas) + (op.numberFormat ? json(op.numberFormat) : 0);
    case "style":
      return CALL_BYTES * (1 + Object.keys(op.style).length) + op.addresses.length;
    case "note":
      return CALL_BYTES + op.text.length * 2;
    case "table":
    case "chart":
      return CALL_BYTES * 6;
    case "conditionalFormat":
      return CALL_BYTES * 4;
    case "rowHeight":
    case "print":
      return CALL_BYTES * 3;
    default:
      return CALL_BYTES * 2;
  }
}

function cellFormula(cell: Cell): Scalar {
  switch (cell.kind) {
    case "text":
      return cell.value;
    case "number":
    case "boolean":
      return cell.value;
    case "formula":
      return cell.formula;
    case "blank":
      return ""; // never null: null means "leave unchanged"
  }
}

function cellFormat(cell: Cell): string | null {
  if (cell.kind === "text") return TEXT_FORMAT; // rule: text stays text (see README: formula injection)
  return cell.format ?? null;
}

/** Row blocks of a sheet's grid, each within the block limits. */
export function cellOps(sheet: SheetLayout, limits: WriteLimits = defaultLimits): Op[] {
  const ops: Op[] = [];
  const rows = sheet.rows;
  let start = 0;
  while (start < rows.length) {
    let end = start;
    let bytes = 0;
    while (end < rows.length && end - start < limits.blockRows) {
      const rowBytes = json((rows[end] ?? []).map((c) => (c ? cellFormula(c) : null))) * 2;
      if (end > start && bytes + rowBytes > limits.blockBytes) break;
      bytes += rowBytes;
      end++;
    }
    const block = rows.slice(start, end);
    const width = Math.max(1, ...block.map((r) => r.length));
    const formulas = block.map((r) => Array.from({ length: width }, (_, c) => (r[c] ? cellFormula(r[c]!) : null)));
    const formats = block.map((r) => Array.from({ length: width }, (_, c) => (r[c] ? cellFormat(r[c]!) : null)));
    const anyFormat = formats.some((r) => r.some((f) => f !== null));
    if (formulas.some((r) => r.some((v) => v !== null)) || anyFormat) {
      ops.push({ kind: "cells", sheet: sheet.name, row: start, col: 0, numberFormat: anyFormat ? formats : null, formulas });
    }
    start = end;
  }
  return ops;
}

const styleKey = (s: CellStyle) => JSON.stringify(Object.entries(s).sort(([a], [b]) => a.localeCompare(b)));

/**
 * One op per distinct style, over every cell that has it: rectangles merged from runs in a row and
 * identical runs in consecutive rows (not for bottom borders, which must stay on every row).
 */
export function styleOps(sheet: SheetLayout, maxAddressChars = 2_000): Op[] {
  interface Rect { top: number; bottom: number; left: number; right: number }
  const byKey = new Map<string, { style: CellStyle; rects: Rect[]; open: Map<string, Rect> }>();
  sheet.rows.forEach((row, r) => {
    const runs: { key: string; style: CellStyle; left: number; right: number }[] = [];
    row.forEach((cell, c) => {
      if (!cell?.style || Object.keys(cell.style).length === 0) return;
      const key = styleKey(cell.style);
      const last = runs[runs.length - 1];
      if (last && last.key === key && last.right === c - 1) last.right = c;
      else runs.push({ key, style: cell.style, left: c, right: c });
    });
    for (const run of runs) {
      let entry = byKey.get(run.key);
      if (!entry) byKey.set(run.key, (entry = { style: run.style, rects: [], open: new Map() }));
      const span = `${run.left}:${run.right}`;
      const open = entry.open.get(span);
      if (open && open.bottom === r - 1 && !run.style.bottomBorder) open.bottom = r;
      else {
        const rect = { top: r, bottom: r, left: run.left, right: run.right };
        entry.rects.push(rect);
        entry.open.set(span, rect);
      }
    }
  });
  const ops: Op[] = [];
  for (const { style, rects } of byKey.values()) {
    let group: string[] = [];
    let length = 0;
    const flush = () => {
      if (group.length) ops.push({ kind: "style", sheet: sheet.name, addresses: group.join(","), style });
      group = [];
      length = 0;
    };
    for (const rect of rects) {
      // A single cell as "B3", not "B3:B3": addresses are joined up to maxAddressChars.
      const a =
        rect.top === rect.bottom && rect.left === rect.right
          ? cellAddress(rect.top, rect.left)
          : rangeAddress(rect.top, rect.left, rect.bottom, rect.right);
      if (length + a.length + 1 > maxAddressChars) flush();
      group.push(a);
      length += a.length + 1;
    }
    flush();
  }
  return ops;
}

/** Column widths, adjacent columns with the same width in one op. */
export function columnOps(sheet: SheetLayout): Op[] {
  const ops: Op[] = [];
  let c = 0;
  while (c < sheet.columns.length) {
    const col = sheet.columns[c]!;
    let end = c;
    while (
      end + 1 < sheet.columns.length &&
      sheet.columns[end + 1]!.width === col.width &&
      Boolean(sheet.columns[end + 1]!.hidden) === Boolean(col.hidden)
    )
      end++;
    ops.push({ kind: "columns", sheet: sheet.name, address: `${columnLetter(c)}:${columnLetter(end)}`, width: col.width, hidden: Boolean(col.hidden) });
    c = end + 1;
  }
  return ops;
}

/** Row heights, consecutive rows with the same height in one op. */
export function rowHeightOps(sheet: SheetLayout): Op[] {
  const sorted = [...(sheet.rowHeights ?? [])].sort((a, b) => a.row - b.row);
  const ops: Op[] = [];
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1]!.row === sorted[j]!.row + 1 && sorted[j + 1]!.height === sorted[i]!.height) j++;
    ops.push({ kind: "rowHeight", sheet: sheet.name, address: `${sorted[i]!.row + 1}:${sorted[j]!.row + 1}`, height: sorted[i]!.height });
    i = j + 1;
  }
  return ops;
}

export function noteOps(sheet: SheetLayout): Op[] {
  const ops: Op[] = [];
  sheet.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell?.note) ops.push({ kind: "note", sheet: sheet.name, address: cellAddress(r, c), text: cell.note });
    }),
  );
  return ops;
}

/** Everything one sheet needs, in the order Excel needs it (cells before the tables over them). */
export function sheetOps(sheet: SheetLayout, limits: WriteLimits = defaultLimits, withNotes = true): Op[] {
  return [
    { kind: "addSheet", sheet: sheet.name },
    ...cellOps(sheet, limits),
    ...styleOps(sheet),
    ...columnOps(sheet),
    ...rowHeightOps(sheet),
    ...(sheet.merges ?? []).map((address): Op => ({ kind: "merge", sheet: sheet.name, address })),
    ...sheet.tables.map((table): Op => ({ kind: "table", sheet: sheet.name, table })),
    ...sheet.conditionalFormats.map((format): Op => ({ kind: "conditionalFormat", sheet: sheet.name, format })),
    ...(sheet.freeze && (sheet.freeze.rows > 0 || sheet.freeze.columns > 0)
      ? [{ kind: "freeze", sheet: sheet.name, rows: sheet.freeze.rows, columns: sheet.freeze.columns } as Op]
      : []),
    ...(sheet.tabColor ? [{ kind: "tabColor", sheet: sheet.name, color: sheet.tabColor } as Op] : []),
    ...(sheet.print ? [{ kind: "print", sheet: sheet.name, print: sheet.print } as Op] : []),
    ...(withNotes ? noteOps(sheet) : []),
    ...(sheet.charts ?? []).map((chart): Op => ({ kind: "chart", sheet: sheet.name, chart })),
  ];
}

/** Groups ops, in order, into requests within `requestBytes` (an op larger than that goes alone). */
export function toRequests(ops: Op[], limits: WriteLimits = defaultLimits): Request[] {
  const requests: Request[] = [];
  let current: Request | null = null;
  for (const op of ops) {
    const bytes = opBytes(op);
    if (!current || (current.ops.length > 0 && current.bytes + bytes > limits.requestBytes)) {
      current = { ops: [], bytes: 0, sheets: [] };
      requests.push(current);
    }
    if (!current.sheets.includes(op.sheet)) current.sheets.push(op.sheet);
    current.ops.push(op);
    current.bytes += bytes;
  }
  return requests;
}

export interface PlanOptions {
  limits?: Partial<WriteLimits>;
  /** Cell notes need ExcelApi 1.18; without it they are left out (and counted). */
  notes?: boolean;
}

/** The requests for a whole (already renamed) workbook layout. */
export function planWorkbook(layout: WorkbookLayout, options: PlanOptions = {}): Request[] {
  const limits = { ...defaultLimits, ...options.limits };
  const ops = layout.sheets.flatMap((s) => sheetOps(s, limits, options.notes ?? true));
  if (layout.sheets[0]) ops.push({ kind: "activate", sheet: layout.sheets[0].name });
  return toRequests(ops, limits);
}
