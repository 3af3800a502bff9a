/**
 * A recording fake of the part of the Excel JavaScript API the add-in uses. Calls are queued and
 * applied at `context.sync()`, as Office.js does; every sync is recorded with its call count, an
 * estimate of its request size and whether calculation was suspended. A request over 5 MB is
 * rejected as a whole with `RequestPayloadSizeLimitExceeded`, as Excel on the web does.
 *
 * Cell input follows Excel's documented rules for `range.values`/`range.formulas`: a string that
 * starts with "=", "+", "-" or "@" is taken as a formula unless the cell's number format is text
 * ("@"), and number- or date-shaped strings are converted unless the cell is text. So a test can
 * tell whether report text arrived as text.
 *
 * Pre-existing sheets and tables are recorded as untouchable: any write, rename or delete through
 * the API is recorded in `violations`.
 *
 * One import, @bydel/layout's A1 helpers (its address.ts, which imports nothing): the browser test
 * compiles this file and that one and injects them in place of office.js.
 */

import { cellAddress, columnLetter, parseCellAddress, parseRangeAddress, rangeAddress } from "@bydel/layout";

export type Scalar = string | number | boolean;

export interface FakeCell {
  kind: "text" | "number" | "boolean" | "formula";
  /** The value Excel would store (a formula's text for formulas: the fake does not calculate). */
  value: Scalar;
  /** Set for formulas, including strings Excel took as a formula. */
  formula?: string;
  /** A string that Excel turned into a number or date, or into a formula, instead of keeping the text. */
  converted?: "number" | "date" | "formula";
}

export interface CellFormat {
  numberFormat?: string;
  bold?: boolean;
  italic?: boolean;
  size?: number;
  fontColor?: string;
  fill?: string;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapText?: boolean;
  indentLevel?: number;
  borders?: Record<string, string>;
}

export interface SyncRecord {
  calls: number;
  bytes: number;
  suspended: boolean;
}

export interface FakeTableModel {
  name: string;
  sheet: FakeSheetModel;
  address: string;
  style: string;
  showBandedRows: boolean;
  preexisting: boolean;
}

export interface FakeConditionalFormat {
  address: string;
  type: string;
  positiveColor?: string;
  negativeColor?: string;
  fontColor?: string;
  rule?: { formula1: string; operator: string };
}

export interface FakeChartSeries {
  name?: string;
  /** A1 range of the values. */
  values: string;
  /** A1 range of the category labels (`setXAxisValues`). */
  categories?: string;
}

export interface FakeChart {
  type: string;
  /** The range the chart was added over. */
  source: string;
  seriesBy: string;
  title: string;
  legendVisible: boolean;
  /** `axes.categoryAxis.reversePlotOrder`, when set. */
  categoriesReversed?: boolean;
  series: FakeChartSeries[];
  /** `setPosition(startCell, endCell?)`. */
  anchor?: string;
  to?: string;
  /** Points. */
  width?: number;
  height?: number;
}

export class FakeSheetModel {
  cells = new Map<string, FakeCell>();
  formats = new Map<string, CellFormat>();
  columns = new Map<number, { width?: number; hidden?: boolean }>();
  conditionalFormats: FakeConditionalFormat[] = [];
  charts: FakeChart[] = [];
  notes: { address: string; text: string }[] = [];
  freeze: { rows: number; columns: number } | null = null;
  tabColor = "";
  /** 0-based row → height in points. */
  rowHeights = new Map<number, number>();
  /** What `worksheet.pageLayout` was given. */
  pageLayout: {
    orientation?: string;
    zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
    paperSize?: string;
    margins?: Record<string, number>;
    printTitleRows?: string;
    printTitleColumns?: string;
    footer?: { left?: string; center?: string; right?: string };
    pageBreaks?: string[];
  } = {};
  /** Merged areas, as A1 addresses. */
  merges: string[] = [];
  constructor(
    public name: string,
    public readonly preexisting: boolean,
  ) {}

  cell(address: string): FakeCell | undefined {
    const { row, col } = parseCell(address);
    return this.cells.get(key(row, col));
  }
  format(address: string): CellFormat {
    const { row, col } = parseCell(address);
    return this.formats.get(key(row, col)) ?? {};
  }
  /** Values as a grid from A1 to the last used cell ("" for empty). */
  grid(): Scalar[][] {
    let rows = 0;
    let cols = 0;
    for (const k of this.cells.keys()) {
      const [r, c] = k.split(",").map(Number) as [number, number];
      rows = Math.max(rows, r + 1);
      cols = Math.max(cols, c + 1);
    }
    return Array.from({ length: rows }, (_, r) =>
      Array.from({ length: cols }, (_, c) => {
        const cell = this.cells.get(key(r, c));
        return cell ? (cell.formula ?? cell.value) : "";
      }),
    );
  }
}

export interface FakeWorkbookSeed {
  sheets?: { name: string; cells?: Record<string, Scalar> }[];
  tables?: { name: string; sheet: string; address: string }[];
  names?: string[];
}

export const REQUEST_LIMIT_BYTES = 5 * 1024 * 1024;
/** Estimated bytes of one queued call (object path and action) in a request. */
const CALL_OVERHEAD = 160;

const key = (row: number, col: number) => `${row},${col}`;

/** An Office error for an address Excel would refuse; Excel accepts lower case and spaces around it. */
function parseCell(address: string): { row: number; col: number } {
  try {
    return parseCellAddress(address.trim().toUpperCase());
  } catch {
    throw officeError("InvalidArgument", `Ugyldig adresse ${address}`);
  }
}

interface Rect {
  top: number;
  left: number;
  rows: number;
  cols: number;
  wholeColumns?: boolean;
  wholeRows?: boolean;
}

function parseRange(address: string): Rect {
  const a = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const cols = /^\$?([A-Z]{1,3}):\$?([A-Z]{1,3})$/.exec(a.toUpperCase());
  if (cols) {
    const l = parseCell(`${cols[1]}1`).col;
    const r = parseCell(`${cols[2]}1`).col;
    return { top: 0, left: Math.min(l, r), rows: 1_048_576, cols: Math.abs(r - l) + 1, wholeColumns: true };
  }
  const rows = /^\$?(\d+):\$?(\d+)$/.exec(a);
  if (rows) {
    const t = Number(rows[1]) - 1;
    const b = Number(rows[2]) - 1;
    if (t < 0 || b < 0) throw officeError("InvalidArgument", `Ugyldig adresse ${address}`);
    return { top: Math.min(t, b), left: 0, rows: Math.abs(b - t) + 1, cols: 16_384, wholeRows: true };
  }
  let corners: ReturnType<typeof parseRangeAddress>;
  try {
    corners = parseRangeAddress(a.trim().toUpperCase());
  } catch {
    throw officeError("InvalidArgument", `Ugyldig adresse ${address}`);
  }
  const { top, left, bottom, right } = corners;
  return { top, left, rows: bottom - top + 1, cols: right - left + 1 };
}

const rectAddress = (r: Rect) =>
  r.wholeColumns
    ? `${columnLetter(r.left)}:${columnLetter(r.left + r.cols - 1)}`
    : r.wholeRows
      ? `${r.top + 1}:${r.top + r.rows}`
      : rangeAddress(r.top, r.left, r.top + r.rows - 1, r.left + r.cols - 1);

const overlaps = (a: Rect, b: Rect) =>
  a.left < b.left + b.cols && b.left < a.left + a.cols && a.top < b.top + b.rows && b.top < a.top + a.rows;

export function officeError(code: string, message: string): Error {
  const e = new Error(message) as Error & { code: string };
  e.name = "RichApi.Error";
  e.code = code;
  return e;
}

const NUMBER_TEXT = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)(e[+-]?\d+)?%?$/i;
const DATE_TEXT = /^\d{1,4}[/.-]\d{1,2}([/.-]\d{1,4})?$/;

/** What Excel stores for a value typed into a cell with `numberFormat`. */
export function excelInput(input: Scalar, numberFormat: string | undefined): FakeCell | null {
  if (typeof input === "number") return { kind: "number", value: input };
  if (typeof input === "boolean") return { kind: "boolean", value: input };
  if (input === "") return null;
  if (numberFormat === "@") return { kind: "text", value: input };
  if (input.startsWith("=") && input.length > 1) return { kind: "formula", value: input, formula: input };
  if (/^[+\-@]./.test(input) && !NUMBER_TEXT.test(input)) {
    return { kind: "formula", value: input, formula: input.startsWith("@") ? input : `=${input}`, converted: "formula" };
  }
  if (NUMBER_TEXT.test(input)) return { kind: "number", value: Number(input.replace(",", ".").replace("%", "")), converted: "number" };
  if (DATE_TEXT.test(input)) return { kind: "number", value: 45000, converted: "date" };
  return { kind: "text", value: input };
}

export class FakeWorkbook {
  sheets: FakeSheetModel[] = [];
  tables: FakeTableModel[] = [];
  names: string[];
  syncs: SyncRecord[] = [];
  violations: string[] = [];
  activeSheet = "";
  /** `application.calculate` calls, and whether calculation was suspended in that request (then it does nothing). */
  calculations: { type: string; suspended: boolean }[] = [];
  /** Throws this error at the given (1-based) sync, to test failure handling. */
  failAtSync: { sync: number; error: Error } | null = null;
  requestLimit = REQUEST_LIMIT_BYTES;

  constructor(seed: FakeWorkbookSeed = {}) {
    for (const s of seed.sheets ?? [{ name: "Ark1" }]) {
      const sheet = new FakeSheetModel(s.name, true);
      for (const [address, value] of Object.entries(s.cells ?? {})) {
        const { row, col } = parseCell(address);
        const cell = excelInput(value, undefined);
        if (cell) sheet.cells.set(key(row, col), cell);
      }
      this.sheets.push(sheet);
    }
    for (const t of seed.tables ?? []) {
      const sheet = this.sheet(t.sheet);
      if (!sheet) throw new Error(`seed: no sheet ${t.sheet}`);
      this.tables.push({ name: t.name, sheet, address: t.address, style: "TableStyleMedium2", showBandedRows: true, preexisting: true });
    }
    this.names = [...(seed.names ?? [])];
    this.activeSheet = this.sheets[0]?.name ?? "";
  }

  sheet(name: string): FakeSheetModel | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /** `Excel.run` for this workbook. */
  run = async <T>(batch: (context: any) => Promise<T>): Promise<T> => batch(new FakeContext(this));

  /** A deep copy of what the pre-existing sheets hold, to compare before and after. */
  snapshotPreexisting(): string {
    return JSON.stringify(
      this.sheets
        .filter((s) => s.preexisting)
        .map((s) => ({ name: s.name, cells: [...s.cells], formats: [...s.formats], cf: s.conditionalFormats, charts: s.charts })),
    );
  }

  get totalBytes(): number {
    return this.syncs.reduce((n, s) => n + s.bytes, 0);
  }
}

class FakeContext {
  queue: (() => void)[] = [];
  loads: (() => void)[] = [];
  calls = 0;
  bytes = 0;
  suspended = false;
  workbook: FakeWorkbookProxy;
  constructor(readonly model: FakeWorkbook) {
    this.workbook = new FakeWorkbookProxy(this);
  }
  record(args: unknown[], apply: () => void): void {
    this.calls++;
    this.bytes += CALL_OVERHEAD + (args.length ? JSON.stringify(args).length : 0);
    this.queue.push(apply);
  }
  async sync(): Promise<void> {
    const record: SyncRecord = { calls: this.calls, bytes: this.bytes, suspended: this.suspended };
    const queue = this.queue;
    const loads = this.loads;
    this.queue = [];
    this.loads = [];
    this.calls = 0;
    this.bytes = 0;
    this.suspended = false;
    this.model.syncs.push(record);
    const n = this.model.syncs.length;
    if (this.model.failAtSync?.sync === n) throw this.model.failAtSync.error;
    if (record.bytes > this.model.requestLimit) {
      throw officeError("RequestPayloadSizeLimitExceeded", `The request payload size has exceeded the limit (${record.bytes} bytes).`);
    }
    for (const apply of queue) apply();
    for (const load of loads) load();
  }
}

class FakeWorkbookProxy {
  worksheets: FakeWorksheetCollection;
  tables: FakeNamedCollection;
  names: FakeNamedCollection;
  application: {
    suspendApiCalculationUntilNextSync: () => void;
    suspendScreenUpdatingUntilNextSync: () => void;
    calculate: (type: string) => void;
  };
  constructor(readonly ctx: FakeContext) {
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.tables = new FakeNamedCollection(ctx, () => ctx.model.tables.map((t) => t.name));
    this.names = new FakeNamedCollection(ctx, () => ctx.model.names);
    this.application = {
      suspendApiCalculationUntilNextSync: () => {
        ctx.record([], () => undefined);
        ctx.suspended = true;
      },
      suspendScreenUpdatingUntilNextSync: () => ctx.record([], () => undefined),
      calculate: (type: string) => ctx.record([type], () => ctx.model.calculations.push({ type, suspended: ctx.suspended })),
    };
  }
}

function notLoaded(): never {
  throw officeError("PropertyNotLoaded", "The property 'items' is not available. Call load() and context.sync() first.");
}

class FakeNamedCollection {
  private loaded: { name: string }[] | null = null;
  constructor(
    readonly ctx: FakeContext,
    readonly names: () => string[],
  ) {}
  load(_what?: unknown): this {
    this.ctx.record([_what], () => undefined);
    this.ctx.loads.push(() => (this.loaded = this.names().map((name) => ({ name }))));
    return this;
  }
  get items(): { name: string }[] {
    return this.loaded ?? notLoaded();
  }
}

class FakeWorksheetCollection {
  private loaded: { name: string }[] | null = null;
  constructor(readonly ctx: FakeContext) {}
  load(_what?: unknown): this {
    this.ctx.record([_what], () => undefined);
    this.ctx.loads.push(() => (this.loaded = this.ctx.model.sheets.map((s) => ({ name: s.name }))));
    return this;
  }
  get items(): { name: string }[] {
    return this.loaded ?? notLoaded();
  }
  add(name: string): FakeWorksheet {
    const model = new FakeSheetModel(name, false);
    this.ctx.record([name], () => {
      if (name.length > 31 || /[[\]:*?/\\]/.test(name) || name.trim() === "") throw officeError("InvalidArgument", `Ugyldig arknavn ${name}`);
      if (this.ctx.model.sheet(name)) throw officeError("ItemAlreadyExists", `Arket ${name} finnes`);
      this.ctx.model.sheets.push(model);
    });
    return new FakeWorksheet(this.ctx, () => model);
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    this.ctx.record([name], () => undefined);
    return new FakeWorksheet(this.ctx, () => this.ctx.model.sheet(name) ?? null);
  }
  getItem(name: string): FakeWorksheet {
    this.ctx.record([name], () => undefined);
    return new FakeWorksheet(this.ctx, () => {
      const s = this.ctx.model.sheet(name);
      if (!s) throw officeError("ItemNotFound", `Fant ikke arket ${name}`);
      return s;
    });
  }
}

class FakeWorksheet {
  private nullChecked: boolean | null = null;
  tables: { add: (address: string, hasHeaders: boolean) => FakeTable };
  charts: { add: (type: string, source: FakeRange, seriesBy: string) => FakeChartProxy };
  notes: { add: (address: string, text: string) => void };
  freezePanes: { freezeAt: (r: FakeRange) => void; freezeRows: (n: number) => void; freezeColumns: (n: number) => void };
  constructor(
    readonly ctx: FakeContext,
    readonly resolve: () => FakeSheetModel | null,
  ) {
    const write = (args: unknown[], f: (s: FakeSheetModel) => void) => this.write(args, f);
    this.tables = {
      add: (address, hasHeaders) => {
        const table = new FakeTable(ctx);
        write([address, hasHeaders], (s) => {
          const rect = parseRange(address);
          if (!hasHeaders) ctx.model.violations.push(`${s.name}: tabell uten overskriftsrad`);
          for (const t of ctx.model.tables) {
            if (t.sheet === s && overlaps(parseRange(t.address), rect)) throw officeError("InvalidArgument", "Tabeller kan ikke overlappe");
          }
          for (let c = 0; c < rect.cols; c++) {
            const h = s.cells.get(key(rect.top, rect.left + c));
            if (!h || h.kind !== "text") ctx.model.violations.push(`${s.name}: overskrift ${cellAddress(rect.top, rect.left + c)} er ikke tekst`);
          }
          let n = ctx.model.tables.length + 1;
          while (ctx.model.tables.some((t) => t.name.toLowerCase() === `tabell${n}`)) n++;
          table.model = { name: `Tabell${n}`, sheet: s, address: rectAddress(rect), style: "TableStyleMedium2", showBandedRows: true, preexisting: false };
          ctx.model.tables.push(table.model);
        });
        return table;
      },
    };
    this.charts = {
      add: (type, source, seriesBy) => {
        // One series per column (or row) of the source, as Excel makes them.
        const r = source.rect;
        const series: FakeChartSeries[] =
          seriesBy === "Rows"
            ? Array.from({ length: r.rows }, (_, i) => ({ values: rectAddress({ ...r, top: r.top + i, rows: 1 }) }))
            : Array.from({ length: r.cols }, (_, i) => ({ values: rectAddress({ ...r, left: r.left + i, cols: 1 }) }));
        const chart: FakeChart = { type, source: rectAddress(r), seriesBy, title: "", legendVisible: true, series };
        write([type, seriesBy], (s) => s.charts.push(chart));
        return new FakeChartProxy(ctx, chart);
      },
    };
    this.notes = { add: (address, text) => write([address, text], (s) => s.notes.push({ address, text })) };
    this.freezePanes = {
      freezeAt: (r) => write([rectAddress(r.rect)], (s) => (s.freeze = { rows: r.rect.top + r.rect.rows, columns: r.rect.left + r.rect.cols })),
      freezeRows: (n) => write([n], (s) => (s.freeze = { rows: n, columns: 0 })),
      freezeColumns: (n) => write([n], (s) => (s.freeze = { rows: 0, columns: n })),
    };
  }

  /** Queues a change to this sheet; a change to a pre-existing sheet is a violation. */
  write(args: unknown[], f: (s: FakeSheetModel) => void): void {
    this.ctx.record(args, () => {
      const s = this.resolve();
      if (!s) throw officeError("ItemNotFound", "Arket finnes ikke");
      if (s.preexisting) this.ctx.model.violations.push(`endret eksisterende ark ${s.name}`);
      f(s);
    });
  }

  pageLayout = ((sheet: FakeWorksheet) => ({
    set orientation(v: string) {
      sheet.write([v], (s) => (s.pageLayout.orientation = v));
    },
    set zoom(v: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number }) {
      sheet.write([v], (s) => (s.pageLayout.zoom = { ...v }));
    },
    set paperSize(v: string) {
      sheet.write([v], (s) => (s.pageLayout.paperSize = v));
    },
    set leftMargin(v: number) {
      sheet.write([v], (s) => (s.pageLayout.margins = { ...s.pageLayout.margins, leftMargin: v }));
    },
    set rightMargin(v: number) {
      sheet.write([v], (s) => (s.pageLayout.margins = { ...s.pageLayout.margins, rightMargin: v }));
    },
    set topMargin(v: number) {
      sheet.write([v], (s) => (s.pageLayout.margins = { ...s.pageLayout.margins, topMargin: v }));
    },
    set bottomMargin(v: number) {
      sheet.write([v], (s) => (s.pageLayout.margins = { ...s.pageLayout.margins, bottomMargin: v }));
    },
    set headerMargin(v: number) {
      sheet.write([v], (s) => (s.pageLayout.margins = { ...s.pageLayout.margins, headerMargin: v }));
    },
    set footerMargin(v: number) {
      sheet.write([v], (s) => (s.pageLayout.margins = { ...s.pageLayout.margins, footerMargin: v }));
    },
    setPrintTitleRows(v: string) {
      sheet.write([v], (s) => (s.pageLayout.printTitleRows = v));
    },
    setPrintTitleColumns(v: string) {
      sheet.write([v], (s) => (s.pageLayout.printTitleColumns = v));
    },
    headersFooters: {
      defaultForAllPages: {
        set leftFooter(v: string) {
          sheet.write([v], (s) => (s.pageLayout.footer = { ...s.pageLayout.footer, left: v }));
        },
        set centerFooter(v: string) {
          sheet.write([v], (s) => (s.pageLayout.footer = { ...s.pageLayout.footer, center: v }));
        },
        set rightFooter(v: string) {
          sheet.write([v], (s) => (s.pageLayout.footer = { ...s.pageLayout.footer, right: v }));
        },
      },
    },
  }))(this);

  horizontalPageBreaks = ((sheet: FakeWorksheet) => ({
    add(address: string) {
      sheet.write([address], (s) => (s.pageLayout.pageBreaks = [...(s.pageLayout.pageBreaks ?? []), address]));
    },
  }))(this);

  set tabColor(color: string) {
    this.write([color], (s) => (s.tabColor = color));
  }
  set name(name: string) {
    this.write([name], (s) => (s.name = name));
  }
  activate(): void {
    this.ctx.record([], () => {
      const s = this.resolve();
      if (s) this.ctx.model.activeSheet = s.name;
    });
  }
  delete(): void {
    this.ctx.record([], () => {
      const s = this.resolve();
      if (!s) throw officeError("ItemNotFound", "Arket finnes ikke");
      if (s.preexisting) this.ctx.model.violations.push(`slettet eksisterende ark ${s.name}`);
      this.ctx.model.sheets = this.ctx.model.sheets.filter((x) => x !== s);
      this.ctx.model.tables = this.ctx.model.tables.filter((t) => t.sheet !== s);
    });
  }
  load(_what?: unknown): this {
    this.ctx.record([_what], () => undefined);
    this.ctx.loads.push(() => (this.nullChecked = this.resolve() === null));
    return this;
  }
  get isNullObject(): boolean {
    if (this.nullChecked === null) throw officeError("PropertyNotLoaded", "isNullObject is not loaded");
    return this.nullChecked;
  }
  getRange(address: string): FakeRange {
    this.ctx.record([address], () => undefined);
    return new FakeRange(this, [parseRange(address)]);
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    this.ctx.record([row, col, rows, cols], () => undefined);
    return new FakeRange(this, [{ top: row, left: col, rows, cols }]);
  }
  getRanges(addresses: string): FakeRange {
    this.ctx.record([addresses], () => undefined);
    return new FakeRange(this, addresses.split(",").map((a) => parseRange(a)));
  }
}

class FakeTable {
  model: FakeTableModel | null = null;
  constructor(readonly ctx: FakeContext) {}
  private set<K extends "name" | "style" | "showBandedRows">(prop: K, value: FakeTableModel[K]): void {
    this.ctx.record([value], () => {
      if (!this.model) throw officeError("ItemNotFound", "Tabellen finnes ikke");
      if (this.model.preexisting) this.ctx.model.violations.push(`endret eksisterende tabell ${this.model.name}`);
      if (prop === "name") {
        const name = value as string;
        if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name)) throw officeError("InvalidArgument", `Ugyldig tabellnavn ${name}`);
        const clash =
          this.ctx.model.tables.some((t) => t !== this.model && t.name.toLowerCase() === name.toLowerCase()) ||
          this.ctx.model.names.some((n) => n.toLowerCase() === name.toLowerCase());
        if (clash) throw officeError("InvalidArgument", `Navnet ${name} er i bruk`);
      }
      this.model[prop] = value;
    });
  }
  set name(v: string) {
    this.set("name", v);
  }
  set style(v: string) {
    this.set("style", v);
  }
  set showBandedRows(v: boolean) {
    this.set("showBandedRows", v);
  }
}

class FakeSeries {
  constructor(
    readonly ctx: FakeContext,
    readonly series: () => FakeChartSeries,
  ) {}
  set name(v: string) {
    this.ctx.record([v], () => (this.series().name = v));
  }
  setValues(r: FakeRange): void {
    this.ctx.record([rectAddress(r.rect)], () => (this.series().values = rectAddress(r.rect)));
  }
  setXAxisValues(r: FakeRange): void {
    this.ctx.record([rectAddress(r.rect)], () => (this.series().categories = rectAddress(r.rect)));
  }
}

class FakeChartProxy {
  title: { text: string };
  legend: { visible: boolean };
  axes: { categoryAxis: { reversePlotOrder: boolean } };
  series: { getItemAt: (i: number) => FakeSeries; add: (name: string) => FakeSeries };
  constructor(
    readonly ctx: FakeContext,
    readonly chart: FakeChart,
  ) {
    const rec = (args: unknown[], f: () => void) => ctx.record(args, f);
    this.title = {
      set text(v: string) {
        rec([v], () => (chart.title = v));
      },
    } as { text: string };
    this.legend = {
      set visible(v: boolean) {
        rec([v], () => (chart.legendVisible = v));
      },
    } as { visible: boolean };
    this.axes = {
      categoryAxis: {
        set reversePlotOrder(v: boolean) {
          rec([v], () => (chart.categoriesReversed = v));
        },
      } as { reversePlotOrder: boolean },
    };
    this.series = {
      getItemAt: (i) =>
        new FakeSeries(ctx, () => {
          const s = chart.series[i];
          if (!s) throw officeError("ItemNotFound", `Diagrammet har ingen serie ${i}`);
          return s;
        }),
      add: (name) => {
        const added: FakeChartSeries = { name, values: "" };
        rec([name], () => chart.series.push(added));
        return new FakeSeries(ctx, () => added);
      },
    };
  }
  set width(v: number) {
    this.ctx.record([v], () => (this.chart.width = v));
  }
  set height(v: number) {
    this.ctx.record([v], () => (this.chart.height = v));
  }
  setPosition(startCell: string, endCell?: string): void {
    this.ctx.record([startCell, endCell], () => {
      parseRange(startCell);
      this.chart.anchor = startCell;
      this.chart.to = endCell;
    });
  }
}

class FakeRange {
  format: FakeRangeFormat;
  conditionalFormats: { add: (type: string) => FakeConditionalFormatProxy };
  constructor(
    readonly sheet: FakeWorksheet,
    readonly areas: Rect[],
  ) {
    this.format = new FakeRangeFormat(this);
    this.conditionalFormats = {
      add: (type: string) => {
        const cf: FakeConditionalFormat = { address: areas.map(rectAddress).join(","), type };
        sheet.write([type], (s) => s.conditionalFormats.push(cf));
        return new FakeConditionalFormatProxy(sheet.ctx, cf);
      },
    };
  }
  get rect(): Rect {
    return this.areas[0]!;
  }
  /** Applies `f` to every cell of every area. */
  each(f: (s: FakeSheetModel, row: number, col: number, i: number, j: number) => void): (s: FakeSheetModel) => void {
    return (s) => {
      for (const a of this.areas) for (let i = 0; i < a.rows; i++) for (let j = 0; j < a.cols; j++) f(s, a.top + i, a.left + j, i, j);
    };
  }
  private matrix<T>(value: T | T[][], name: string): (i: number, j: number) => T {
    if (!Array.isArray(value)) return () => value;
    const a = this.rect;
    if (value.length !== a.rows || value.some((r) => r.length !== a.cols)) {
      throw officeError("InvalidArgument", `${name}: ${value.length}×${value[0]?.length} passer ikke til ${a.rows}×${a.cols}`);
    }
    return (i, j) => value[i]![j]!;
  }
  set numberFormat(value: (string | null)[][] | string) {
    const at = this.matrix(value, "numberFormat");
    this.sheet.write(
      [value],
      this.each((s, r, c, i, j) => {
        const f = at(i, j);
        if (f === null) return;
        s.formats.set(key(r, c), { ...s.formats.get(key(r, c)), numberFormat: f });
      }),
    );
  }
  private setInput(value: (Scalar | null)[][], name: string): void {
    const at = this.matrix(value, name);
    this.sheet.write(
      [value],
      this.each((s, r, c, i, j) => {
        const v = at(i, j);
        if (v === null) return;
        if (v === undefined) throw officeError("InvalidArgument", `${name}: undefined i en celle`);
        const cell = excelInput(v, s.formats.get(key(r, c))?.numberFormat);
        if (cell) s.cells.set(key(r, c), cell);
        else s.cells.delete(key(r, c));
      }),
    );
  }
  set formulas(value: (Scalar | null)[][]) {
    this.setInput(value, "formulas");
  }
  set values(value: (Scalar | null)[][]) {
    this.setInput(value, "values");
  }
  merge(across = false): void {
    const areas = this.areas;
    this.sheet.write([across], (s) => s.merges.push(...areas.map(rectAddress)));
  }
  set columnHidden(v: boolean) {
    const areas = this.areas;
    this.sheet.write([v], (s) => {
      for (const a of areas) for (let c = a.left; c < a.left + a.cols; c++) s.columns.set(c, { ...s.columns.get(c), hidden: v });
    });
  }
}

class FakeRangeFormat {
  font: { bold: boolean; italic: boolean; size: number; color: string };
  fill: { color: string };
  borders: { getItem: (edge: string) => { style: string; weight: string } };
  constructor(readonly range: FakeRange) {
    const set = (prop: keyof CellFormat, v: unknown) =>
      range.sheet.write([v], range.each((s, r, c) => s.formats.set(key(r, c), { ...s.formats.get(key(r, c)), [prop]: v })));
    this.font = {
      set bold(v: boolean) {
        set("bold", v);
      },
      set italic(v: boolean) {
        set("italic", v);
      },
      set size(v: number) {
        set("size", v);
      },
      set color(v: string) {
        set("fontColor", v);
      },
    } as FakeRangeFormat["font"];
    this.fill = {
      set color(v: string) {
        set("fill", v);
      },
    } as { color: string };
    this.borders = {
      getItem: (edge: string) =>
        ({
          set style(v: string) {
            range.sheet.write(
              [edge, v],
              range.each((s, r, c) => {
                const f = s.formats.get(key(r, c)) ?? {};
                s.formats.set(key(r, c), { ...f, borders: { ...f.borders, [edge]: v } });
              }),
            );
          },
          set weight(v: string) {
            range.sheet.write([edge, v], () => undefined);
          },
        }) as { style: string; weight: string },
    };
  }
  private cellProp(prop: keyof CellFormat, v: unknown): void {
    this.range.sheet.write([v], this.range.each((s, r, c) => s.formats.set(key(r, c), { ...s.formats.get(key(r, c)), [prop]: v })));
  }
  set horizontalAlignment(v: string) {
    this.cellProp("horizontalAlignment", v);
  }
  set verticalAlignment(v: string) {
    this.cellProp("verticalAlignment", v);
  }
  set wrapText(v: boolean) {
    this.cellProp("wrapText", v);
  }
  set indentLevel(v: number) {
    this.cellProp("indentLevel", v);
  }
  /** Row heights and column widths are per whole row or column: set once per line, not per cell. */
  private eachLine(v: number, axis: "row" | "column", set: (s: FakeSheetModel, line: number) => void): void {
    const areas = this.range.areas;
    this.range.sheet.write([v], (s) => {
      for (const a of areas) {
        const [first, count] = axis === "row" ? [a.top, a.rows] : [a.left, a.cols];
        for (let i = first; i < first + count; i++) set(s, i);
      }
    });
  }
  set rowHeight(v: number) {
    this.eachLine(v, "row", (s, r) => s.rowHeights.set(r, v));
  }
  set columnWidth(v: number) {
    this.eachLine(v, "column", (s, c) => s.columns.set(c, { ...s.columns.get(c), width: v }));
  }
}

class FakeConditionalFormatProxy {
  dataBar: { positiveFormat: { fillColor: string }; negativeFormat: { fillColor: string } };
  cellValue: { format: { font: { color: string } }; rule: { formula1: string; operator: string } };
  constructor(ctx: FakeContext, cf: FakeConditionalFormat) {
    const rec = (v: unknown, f: () => void) => ctx.record([v], f);
    this.dataBar = {
      positiveFormat: {
        set fillColor(v: string) {
          rec(v, () => (cf.positiveColor = v));
        },
      } as { fillColor: string },
      negativeFormat: {
        set fillColor(v: string) {
          rec(v, () => (cf.negativeColor = v));
        },
      } as { fillColor: string },
    };
    this.cellValue = {
      format: {
        font: {
          set color(v: string) {
            rec(v, () => (cf.fontColor = v));
          },
        } as { color: string },
      },
      set rule(v: { formula1: string; operator: string }) {
        rec(v, () => (cf.rule = v));
      },
    } as FakeConditionalFormatProxy["cellValue"];
  }
}
