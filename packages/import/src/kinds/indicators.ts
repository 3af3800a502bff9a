import {
  higherIsBetterOf,
  indicatorDeviation,
  isSigned,
  lowerIsBetterBySubject,
  NumberParseError,
  printedDecimals,
  tolerances,
  parseTarget,
  readNorwegianNumber,
  refersToYearResult,
  serviceAreaOf,
  TEXT_CELL_AT_END,
  textCellReason,
  type Finding,
  type Indicator,
  type IndicatorUnit,
  type ParsedTarget,
} from "@bydel/core";
import { cellReadings, cellTail, type Atom } from "../cells/cells.js";
import { isBlank, type Line } from "../source/lines.js";
import { readProseIndicators } from "../prose/indicators.js";
import { blocksOf, type Block } from "../prose/text.js";
import { isPageFooter } from "../rows/rows.js";
import { isProse } from "../tables/grammar.js";
import { captionBelow, columnOf, layoutCells, readLayoutHeader, type LayoutColumn } from "../tables/layoutTable.js";
import {
  indicatorColumnAlternatives,
  indicatorColumnKinds,
  indicatorFragment,
  indicatorLineFilter,
  indicatorStarts,
  indicatorTable,
  indicatorTables,
  type IndicatorColumnKind,
  type IndicatorTableKind,
} from "../tables/registry.js";

/**
 * The indicator tables: Resultatindikatorer (results, Måltall, Avvik, or results and targets
 * only), "Obligatoriske sentrale måltall", sick leave (per month and Korttid/Langtid/Totalt) and
 * Nøkkeltall (result series without targets). Columns come from the header words
 * (Resultat/Måltall/Mål/Avvik + year); rows are label lines followed by a line of value cells.
 */

type ColumnKind = IndicatorColumnKind;
interface Column {
  readonly kind: ColumnKind;
  readonly year: number | null;
}

type TableKind = IndicatorTableKind;

const START = indicatorStarts;

/** A column word, with "bydel"/"sykefravær" and the year after it. */
const HEADER_WORD = new RegExp(`\\b(${indicatorColumnAlternatives(indicatorTables)})\\b(?:\\s+(?:bydel|sykefravær))?\\s*(\\d{4})?`, "giu");
const COLUMN_KIND = indicatorColumnKinds(indicatorTables);
/** A header fragment: only column words, years, "bydel", parentheses and dashes. */
const FRAGMENT = indicatorFragment(indicatorTables);

function columnsOf(header: string): Column[] {
  const cleaned = header.replace(/\([^)]*\)/g, " ");
  const out: Column[] = [];
  for (const m of cleaned.matchAll(HEADER_WORD)) {
    const kind: ColumnKind = COLUMN_KIND.get(m[1]!.toLowerCase()) ?? "result";
    out.push({ kind, year: m[2] ? Number(m[2]) : null });
  }
  return out;
}

function unitOf(label: string, cells: readonly (string | null)[]): IndicatorUnit {
  // a survey score stays a score even where the report prints "4,6 %"
  if (/undersøkelse|score|skår/iu.test(label) && cells.every((c) => c === null || (valueOf(c) ?? 0) <= 10)) return "score";
  if (cells.some((c) => c !== null && /%|pp/u.test(c)) || /^\s*(andel|dekningsgrad)/iu.test(label)) return "percent";
  if (/liggedøgn|dager/iu.test(label)) return "days";
  if (/^\s*antall/iu.test(label)) return "count";
  if (/\bkr\b|kroner/iu.test(label)) return "nok";
  return "other";
}

/**
 * A target cell, read as a table's target: a four-digit value may name a year (`> 2022`), which
 * refersToYearResult then decides from the years the table reports. A value core will not read
 * (ambiguous point, out of range) is withheld, like text that is no target.
 */
function targetOf(raw: string): ParsedTarget | null {
  try {
    return parseTarget(raw, { yearsAllowed: true });
  } catch (e) {
    if (e instanceof NumberParseError) return null;
    throw e;
  }
}

const values = new Map<string, number | null>();

/** A cell's number (null for placeholders and text); cached, as the cell search reads the same cells often. */
function valueOf(raw: string): number | null {
  let v = values.get(raw);
  if (v !== undefined) return v;
  try {
    // "1,200,000": English thousands separators (two or more), never a decimal comma
    v = readNorwegianNumber(raw.replace(/^(?:[<>≥≤]=?|maks\.?|minst|min\.|minimum|maksimum)\s*/iu, "").replace(/\d{1,3}(?:,\d{3}){2,}/u, (m) => m.replace(/,/g, "")), "indicator").value;
  } catch {
    v = null;
  }
  if (values.size > 10_000) values.clear();
  values.set(raw, v);
  return v;
}

interface Table {
  kind: TableKind;
  area: string | null;
  columns: Column[];
  startLine: number;
}

/** The header block from a start line: column words until the first line that is no header fragment. */
function readHeader(lines: readonly Line[], start: number, kind: TableKind): { columns: Column[]; next: number; title: string } | null {
  let header = "";
  let i = start;
  let seen = 0;
  for (; i < lines.length && i < start + 30; i++) {
    const t = lines[i]!.text;
    if (isBlank(t)) continue;
    const own = i === start ? t.replace(START.find(([re]) => re.test(t))?.[0] ?? /^/, "") : t;
    const cols = columnsOf(own).length;
    if (i === start || seen === 0 || FRAGMENT.test(t.trim()) || (cols > 0 && cellTail(t).atoms.length === 0 && t.length < 60)) {
      header += ` ${own.trim()}`;
      seen += cols;
      if (kind === "monthlySickLeave" || kind === "sickLeave") {
        if (i === start && cols >= 3) {
          i++;
          break;
        }
      }
      continue;
    }
    break;
  }
  const columns = columnsOf(header);
  if (columns.length < 2) return null;
  return { columns, next: i, title: header.trim() };
}

/** Cheap test before the patterns: a numbered heading, a Hovedoversikt, or a table start word. */
const MAYBE = indicatorLineFilter;

function areaFromHeading(text: string): string | null {
  const t = text.trim();
  if (!/^\d+(\.\d+)*\.?\s/u.test(t) && !/^hovedoversikt/iu.test(t)) return null;
  return serviceAreaOf(t);
}

export interface IndicatorResult {
  indicators: Indicator[];
  findings: Finding[];
  /** The running text's paragraphs (indicator tables left out), for the statements stage to read too. */
  blocks: Block[];
}

/** A table's start words after other text on the line ("… til 0-24 år Obligatoriske sentrale måltall for FO2B"), as a PDF's text boxes may join them. */
const MID_START = /(?<=\S\s+)obligatoriske\s+sentrale\s+(?:resultatindikatorer|måltall)\b/iu;

/** Lines with a table's start words after other text split in two at them; both parts keep the line's number. */
/** The cheap test before MID_START, whose look-behind is costly on every line. */
const midStartAt = (text: string): RegExpExecArray | null => (/obligatoriske/iu.test(text) ? MID_START.exec(text) : null);

function splitMidStarts(lines: readonly Line[]): readonly Line[] {
  // one pass, and a copy only from the first split on
  let out: Line[] | null = null;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const m = midStartAt(l.text);
    if (m) (out ??= lines.slice(0, i)).push({ no: l.no, text: l.text.slice(0, m.index).trimEnd() }, { no: l.no, text: l.text.slice(m.index) });
    else out?.push(l);
  }
  return out ?? lines;
}

export function readIndicators(allLines: readonly Line[], year: number | null): IndicatorResult {
  const lines = splitMidStarts(allLines);
  const indicators: Indicator[] = [];
  const findings: Finding[] = [];
  /** Lines of the indicator tables, which the prose reader leaves alone. */
  const tableLines = new Set<number>();
  let sectionArea: string | null = null;
  const read: ReadTable[] = [];
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.text;
    if (!MAYBE.test(text)) continue;
    const headingArea = areaFromHeading(text);
    if (headingArea) sectionArea = headingArea;
    const start = START.find(([re]) => re.test(text));
    if (!start || captionBelow(lines, i)) continue;
    const kind = start[1];
    const layout = indicatorTable(kind).byPosition ? readLayoutHeader(lines, i, start[0]) : null;
    if (layout && rowsLaidOut(lines, layout.next, layout.columns, layout.next - layout.first)) {
      const table: Table = { kind, area: indicatorTable(kind).area ?? serviceAreaOf(layout.title) ?? sectionArea, columns: layout.columns, startLine: lines[i]!.no };
      const first = indicators.length;
      const end = readLayoutRows(lines, layout.next, table, layout.columns, year, indicators, findings);
      read.push({ title: lines[i]!.text.trim().slice(0, 80), start: i, end, rows: indicators.slice(first) });
      for (let j = layout.first; j < end && j < lines.length; j++) tableLines.add(lines[j]!.no);
      findings.push(...rowsAfter(lines, end, table, lines[i]!.text.trim().slice(0, 80)));
      i = Math.max(i, end - 1);
      continue;
    }
    const header = readHeader(lines, i, kind);
    if (!header) continue;
    const area = indicatorTable(kind).area ?? serviceAreaOf(header.title) ?? sectionArea;
    const table: Table = { kind, area, columns: header.columns, startLine: lines[i]!.no };
    const first = indicators.length;
    const end = readTableRows(lines, header.next, table, year, indicators, findings);
    read.push({ title: lines[i]!.text.trim().slice(0, 80), start: i, end, rows: indicators.slice(first) });
    for (let j = i; j < end && j < lines.length; j++) tableLines.add(lines[j]!.no);
    findings.push(...rowsAfter(lines, end, table, lines[i]!.text.trim().slice(0, 80)));
    i = Math.max(i, end - 1);
  }
  for (const t of continued(read, lines)) findings.push(...unsignedConvention(t.rows, t.title, lines[t.start]!.no));
  const blocks = blocksOf(allLines, tableLines);
  const prose = readProseIndicators(allLines, tableLines, year, blocks).filter((p) => !indicators.some((t) => t.line === p.line));
  return { indicators: [...indicators, ...prose], findings, blocks };
}

interface ReadTable {
  readonly title: string;
  /** Index of its start line, and of the line after its last row. */
  readonly start: number;
  readonly end: number;
  readonly rows: Indicator[];
}

/** Tables joined where one goes on after a page break under its header printed again: only blank lines and page furniture between. */
function continued(read: readonly ReadTable[], lines: readonly Line[]): ReadTable[] {
  const out: ReadTable[] = [];
  for (const t of read) {
    const prev = out[out.length - 1];
    let between = prev && prev.title === t.title && prev.end <= t.start;
    for (let j = prev?.end ?? 0; between && j < t.start; j++) between = isBlank(lines[j]!.text) || isPageFooter(lines[j]!.text);
    if (prev && between) out[out.length - 1] = { ...prev, end: t.end, rows: [...prev.rows, ...t.rows] };
    else out.push(t);
  }
  return out;
}

/** Unsigned negative deviations, in a table that prints no sign, that make it the table's convention: one alone may be a misprint. */
const UNSIGNED_ROWS = 2;

/**
 * A table that prints every deviation without a sign: no stated deviation has one, and two or more
 * stand for a negative result − target. Its convention is reported once, and each of its deviations
 * is checked by its size (a lone unsigned negative among signed ones stays a per-row error).
 */
function unsignedConvention(rows: Indicator[], title: string, line: number): Finding[] {
  // rows read for review may have read a sign set apart as a placeholder: they tell nothing
  const stated = rows.filter((r) => r.statedDeviation?.value != null && r.deviation !== null && !r.needsReview);
  if (stated.some((r) => isSigned(r.statedDeviation!.raw))) return [];
  const negative = stated.filter((r) => r.statedDeviation!.value !== 0 && r.deviation! < 0 && Math.abs(Math.abs(r.statedDeviation!.value!) - Math.abs(r.deviation!)) <= tolerances.indicator(printedDecimals(r.statedDeviation!.raw)));
  if (negative.length < UNSIGNED_ROWS) return [];
  for (const r of rows) if (r.statedDeviation?.value != null && !isSigned(r.statedDeviation.raw)) r.statedDeviation = { ...r.statedDeviation, unsigned: true };
  return [
    {
      severity: "warning",
      code: "DEVIATIONS_UNSIGNED",
      line,
      table: title,
      message: `Tabellen «${title}» oppgir alle avvik uten fortegn, også de ${negative.length} der resultatet er under måltallet (linje ${negative.map((r) => r.line).join(", ")}). Fortegnet er tatt fra resultat − måltall, og hvert oppgitt avvik er kontrollert på størrelsen.`,
    },
  ];
}

const MAX_LABEL_LINES = 6;
/** Lines looked at after a table's end for rows it left: a row's label wraps over a few at most. */
const AFTER_LINES = 4;

/**
 * Rows left after a table's end: lines with a label and the table's kind of cells, before running
 * text, a heading or a blank gap. They are reported (TABLE_INCOMPLETE), never dropped in silence.
 */
function rowsAfter(lines: readonly Line[], end: number, table: Table, title: string): Finding[] {
  const lost: number[] = [];
  let seen = 0;
  let blanks = 0;
  for (let i = end; i < lines.length && seen < AFTER_LINES; i++) {
    const { text, no } = lines[i]!;
    if (isBlank(text)) {
      if (++blanks > 1) break;
      continue;
    }
    blanks = 0;
    seen++;
    // a header (column words and years) opens the next table, or this one again after a page break
    if (endsTable(text) || isProse(text) || isPageFooter(text) || columnsOf(text).length >= 2) break;
    const tail = cellTail(text);
    if (tail.label !== "" && tail.atoms.length > 0 && tail.atoms.length <= table.columns.length) lost.push(no);
  }
  if (lost.length === 0) return [];
  return [
    {
      severity: "warning",
      code: "TABLE_INCOMPLETE",
      line: lost[0]!,
      table: title,
      message: `Tabellen «${title}» (linje ${table.startLine}) slutter før ${lost.length === 1 ? "linje" : "linjene"} ${lost.join(", ")}, som har tall, men ikke hører til tabellen; de er ikke importert. Sjekk tabellen i rapporten.`,
    },
  ];
}

function endsTable(text: string): boolean {
  const t = text.trim();
  return (
    /^\d+(\.\d+)+\.?\s+\p{L}/u.test(t) || // a numbered heading
    /^(\*|\d\))/u.test(t) || // a footnote
    START.some(([re]) => re.test(t)) ||
    /^(mål|tiltak|kommentar)\s*\d*\s*:/iu.test(t)
  );
}

/**
 * A row that cannot belong to a table of this kind: a label outside the kind's rows (where the kind
 * fixes them) whose cells are not all percentages, or any row after a sick-leave table's total.
 */
function foreignRow(kind: TableKind, label: string, atoms: readonly Atom[]): boolean {
  const rows = indicatorTable(kind).rowLabels;
  if (!rows || label === "" || rows.test(label)) return false;
  return !(atoms.length > 0 && atoms.every((a) => /%/u.test(a.raw)));
}

function readTableRows(lines: readonly Line[], from: number, table: Table, year: number | null, out: Indicator[], findings: Finding[]): number {
  const k = table.columns.length;
  let label: string[] = [];
  /** The line the label being read starts on (-1: none). */
  let labelFrom = -1;
  /** Cells printed at the end of the last label line, before the row's other cells ("Korttid 3,98 %" … "3,89 %"). */
  let pending: ReturnType<typeof cellTail>["atoms"] = [];
  let blanks = 0;
  /** The last row read, which a line of cells only may complete; its indicator and findings are redone then. */
  type LastRow = { atoms: Atom[]; label: string; no: number; out: number; findings: number; lone: boolean };
  let last = null as LastRow | null; // (a cast: flow analysis would narrow it to null for the loop)
  let i = from;
  for (; i < lines.length; i++) {
    const { text, no } = lines[i]!;
    if (isBlank(text)) {
      if (++blanks > 4) break;
      continue;
    }
    blanks = 0;
    if (isPageFooter(text)) continue;
    const tail = cellTail(text);
    // "* 77,4 16,7 %": a line of cells only that starts with a placeholder is a row, not a footnote
    if (endsTable(text) && !(tail.label === "" && tail.atoms.length > 0)) break;
    // a text cell alone on its line («Bydelen har ikke tall») is a cell, never a label: the row above goes on with it
    if (label.length === 0 && isTextCell(text)) {
      const row: LastRow | null = last;
      if (row && row.atoms.length < k) {
        const joined: Atom[] = [...row.atoms, { raw: text.trim(), head: false, tail: false, gap: 2 }];
        redo(row, joined);
        last = row.lone ? { ...row, atoms: joined } : null;
      }
      continue;
    }
    const isValues = (tail.label === "" && tail.atoms.length > 0) || tail.atoms.length >= Math.min(2, k);
    if (!isValues) {
      // a one-word group row ("Utbygging", "Barnevern") heads the rows below it; it is no part of their label
      if (isGroupRow(label, text)) label = [];
      if (label.length === 0) labelFrom = i;
      label.push(text.trim());
      pending = tail.label !== "" ? tail.atoms : [];
      if (label.length > MAX_LABEL_LINES) break;
      continue;
    }
    let atoms = tail.atoms;
    // "… 43 %" then "*" alone: the row's last cells on a line of their own
    const row: LastRow | null = last;
    const joined: Atom[] | null = row && tail.label === "" && label.length === 0 ? acrossLines(row.atoms, atoms) : null;
    if (row && joined && cellReadings(joined, k).some((r) => r.length <= k)) {
      const wholeNumber = atoms.length === 1 && /^\d+$/.test(atoms[0]!.raw);
      if (!row.lone && wholeNumber) {
        // a lone number may as well be a page number: the row stays as read, for review
        mayBePageNumber(row, `tallet ${atoms[0]!.raw} alene på linje ${no} er lest som sidetall, men kan være radens siste verdi`);
        last = null;
        continue;
      }
      redo(row, joined);
      // a whole number alone that ends a row set one cell per line may be a page number: unless the avvik confirms it, for review
      if (row.lone && wholeNumber && joined.length === k) mayBePageNumber(row, `tallet ${atoms[0]!.raw} alene på linje ${no} er lest som radens siste verdi, men kan være et sidetall`, deviationCloses);
      // one cell per line: the row goes on while its cells keep coming alone
      last = row.lone ? { ...row, atoms: joined } : null;
      continue;
    }
    if (tail.label === "" && pending.length > 0 && atoms.length < k && atoms.length + pending.length <= k) {
      atoms = [...pending, ...atoms];
      label[label.length - 1] = cellTailLabel(label[label.length - 1]!);
    }
    pending = [];
    if (isGroupRow(label, tail.label)) label = [];
    const rowLabel = [...label, tail.label].filter((s) => s !== "").join(" ").replace(/\s+/g, " ").trim();
    // a row the table's kind cannot have («Antall nye parsellhager 3 4» under sick leave) starts another table
    if (foreignRow(table.kind, rowLabel, atoms)) {
      i = labelFrom >= 0 ? labelFrom : i;
      break;
    }
    label = [];
    labelFrom = -1;
    // a value alone on its line under its label: the table may set each cell on a line of its own
    const lone = tail.label === "" && atoms.length === 1 && k > 1;
    last = rowLabel === "" ? null : { atoms, label: rowLabel, no, out: out.length, findings: findings.length, lone };
    emit(atoms, rowLabel, no);
  }
  return i;

  /** The last row again, with more cells: its indicator and findings are redone. */
  function redo(row: LastRow, atoms: Atom[]): void {
    out.length = row.out;
    findings.length = row.findings;
    emit(atoms, row.label, row.no);
  }

  /** A whole number alone may be a page number: the last row's indicator stays as read, for review, unless `confirmed`. */
  function mayBePageNumber(row: LastRow, message: string, confirmed: (ind: Indicator) => boolean = () => false): void {
    const ind = out.length > row.out ? out[out.length - 1] : undefined;
    if (!ind || ind.line !== row.no || confirmed(ind)) return;
    ind.needsReview = true;
    findings.push({ severity: "info", code: "UNCONFIRMED_READING", line: row.no, message: `${row.label}: ${message}` });
  }

  function emit(atoms: Atom[], rowLabel: string, no: number): void {
    const placed = chooseCells(atoms, table, rowLabel, no, findings);
    if (placed !== null) emitPlaced(placed, rowLabel, no, table, year, out, findings);
  }
}

/** One line of a table laid out by position: its label text and its cells by column. */
interface RowLine {
  readonly index: number;
  readonly no: number;
  readonly text: string;
  label: string;
  /** One per column (null = blank); null when a cell cannot be placed by its position. */
  cells: (string | null)[] | null;
  /** The line has value cells (numbers, placeholders or text in the columns). */
  values: boolean;
  /** Some value cell is text ("Ingen måling"), which the word-based reading cannot take. */
  text_: boolean;
  /** The label runs into the columns, numbers one space after it: a line not laid out by the header. */
  crossed: boolean;
}

/** Words a text cell in a value column may have ("Ingen måling", "ikke målt"); longer text is prose. */
const TEXT_CELL_WORDS = 4;

/** A line of a positional table, or "prose" (text running across the columns: the table has ended). */
function readRowLine(index: number, no: number, text: string, columns: readonly LayoutColumn[]): RowLine | "prose" {
  const k = columns.length;
  const valueStart = columns[0]!.start;
  const row: RowLine = { index, no, text, label: "", cells: Array<string | null>(k).fill(null), values: false, text_: false, crossed: false };
  const label: string[] = [];
  let lastColumn = -1;
  for (const c of layoutCells(text)) {
    const tail = cellTail(c.text);
    const isValue = tail.label === "" && tail.atoms.length > 0;
    if (!row.values && c.start < valueStart - 1 && isValue && c.end <= valueStart) {
      // numbers at the left, where labels stand: the line is not laid out by the header's columns
      row.cells = null;
      row.values = true;
      row.crossed = true;
      continue;
    }
    if (!row.values && c.start < valueStart - 1 && !(isValue && c.end > valueStart)) {
      if (c.end > valueStart + 1) {
        // a label and numbers with one space between, or prose across the columns
        if (tail.atoms.length === 0) return "prose";
        label.push(tail.label);
        row.cells = null;
        row.values = true;
        row.crossed = true;
        continue;
      }
      label.push(c.text);
      continue;
    }
    row.values = true;
    if (!isValue) {
      if (c.text.split(/\s+/u).length > TEXT_CELL_WORDS) return "prose";
      row.text_ = true;
    }
    if (row.cells === null) continue;
    let raw: string;
    if (isValue) {
      const readings = cellReadings(tail.atoms, 1);
      if (readings.length !== 1) {
        row.cells = null; // two numbers with one space between: not one cell
        continue;
      }
      raw = readings[0]![0]!;
    } else raw = c.text;
    const j = columnOf(c, columns);
    if (j < 0 || j <= lastColumn) {
      row.cells = null;
      continue;
    }
    row.cells[j] = raw;
    lastColumn = j;
  }
  row.label = label.join(" ").trim();
  return row;
}

/**
 * Rows laid out as the header is: no label runs into the columns and no numbers stand where labels
 * do, and some row has two cells or more in columns of their own (or the header spans lines, which
 * the word-based reader cannot read). Text whose header merely has two spaces between its cells is
 * read by the word-based reader.
 */
function rowsLaidOut(lines: readonly Line[], from: number, columns: readonly LayoutColumn[], headerLines: number): boolean {
  let seen = 0;
  let placed = false;
  for (let i = from; i < lines.length && seen < 8; i++) {
    const text = lines[i]!.text;
    if (isBlank(text)) continue;
    if (seen > 0 && endsTable(text) && !/^\s*\d\)\s*$/u.test(text)) break;
    seen++;
    const row = readRowLine(i, lines[i]!.no, text, columns);
    if (row === "prose") return placed;
    if (row.crossed) return false;
    if (row.cells !== null && row.cells.filter((c) => c !== null).length >= 2) placed = true;
  }
  return placed || headerLines > 1;
}

const startsLabel = (label: string): boolean => /^[^\p{L}\d]*\p{Lu}/u.test(label);

/**
 * The rows of an indicator table laid out by position. A row's label may wrap over several lines
 * with its cells on the first, a middle or the last one: a label starts with a capital, its
 * continuations do not, and a blank line ends it. Cells go to the column their position gives;
 * a row whose cells cannot be placed so is read as the word-based reader reads it (by count and
 * arithmetic, with the same findings), and one with text among its cells is withheld.
 */
function readLayoutRows(
  lines: readonly Line[],
  from: number,
  table: Table,
  columns: readonly LayoutColumn[],
  year: number | null,
  out: Indicator[],
  findings: Finding[],
): number {
  type Group = { lines: RowLine[]; blankBefore: boolean };
  const groups: Group[] = [];
  let cur: Group | null = null;
  let blanks = 0;
  let i = from;
  for (; i < lines.length; i++) {
    const { text, no } = lines[i]!;
    if (isBlank(text)) {
      cur = null;
      if (++blanks > 2) break;
      continue;
    }
    if (isPageFooter(text)) continue;
    const trimmed = text.trim();
    const cells = layoutCells(text);
    // the header printed again (a page break the page assembly kept): column words and years only
    if (cells.every((c) => FRAGMENT.test(c.text)) && columnsOf(trimmed).length + (trimmed.match(/\b\d{4}\b/g)?.length ?? 0) >= 2) continue;
    const tail = cellTail(text);
    // "1)" alone ends a wrapped label; a footnote has text after its mark
    if (endsTable(text) && !/^\d\)$/u.test(trimmed) && !(tail.label === "" && tail.atoms.length > 0)) break;
    const row = readRowLine(i, no, text, columns);
    if (row === "prose") break;
    const blankBefore = blanks > 0;
    blanks = 0;
    // a text cell wrapped onto a line of its own ("Ingen" / "måling"): it goes on in the line above
    if (row.label === "" && row.text_ && row.cells !== null && row.cells.every((c) => c === null || valueOf(c) === null) && cur) {
      const above = [...cur.lines].reverse().find((l) => l.values && l.cells !== null);
      if (above && above.cells!.every((c, j) => row.cells![j] === null || c === null || valueOf(c) === null)) {
        row.cells.forEach((c, j) => {
          if (c !== null) above.cells![j] = above.cells![j] ? `${above.cells![j]} ${c}` : c;
        });
        above.text_ = true;
        continue;
      }
    }
    if (cur === null || (row.label !== "" && startsLabel(row.label))) {
      cur = { lines: [], blankBefore };
      groups.push(cur);
    }
    cur.lines.push(row);
  }
  let end = from;

  // where a wrapped label has its cells: on its first line (top) or its last (bottom)
  let top = 0;
  let bottom = 0;
  for (const g of groups) {
    const at = g.lines.map((l, j) => (l.values ? j : -1)).filter((j) => j >= 0);
    if (g.lines.length < 2 || at.length !== 1) continue;
    if (at[0] === 0) top++;
    else if (at[0] === g.lines.length - 1) bottom++;
  }
  const topStyle = top > bottom;

  interface Row {
    label: string[];
    value: RowLine[];
    last: number;
  }
  const rows: (Row | null)[] = [];
  const byGroup: Row[][] = [];
  for (const g of groups) {
    const own: Row[] = [];
    let labels: string[] = [];
    let open: Row | null = null;
    for (const l of g.lines) {
      if (!l.values) {
        if (topStyle && open) {
          open.label.push(l.label);
          open.last = l.index;
        } else labels.push(l.label);
        continue;
      }
      // the row's last cells on a line of their own, in columns the line above left blank
      if (open && l.label === "" && labels.length === 0 && open.value.length === 1 && disjoint(open.value[0]!, l)) {
        open.value.push(l);
        open.last = l.index;
        continue;
      }
      open = { label: [...labels, l.label], value: [l], last: l.index };
      labels = [];
      own.push(open);
    }
    if (labels.length > 0) {
      if (own.length > 0) {
        own[own.length - 1]!.label.push(...labels);
        own[own.length - 1]!.last = g.lines[g.lines.length - 1]!.index;
      } else own.push({ label: labels, value: [], last: g.lines[g.lines.length - 1]!.index });
    }
    byGroup.push(own);
  }
  // a label without cells (its next line started with a capital): it goes with the row beside it, unless a blank line parts them
  byGroup.forEach((own, gi) => {
    const orphan = own.length === 1 && own[0]!.value.length === 0 ? own[0]! : null;
    if (orphan === null) return;
    const g = groups[gi]!;
    if (g.lines.length === 1 && /^\p{Lu}\p{L}+$/u.test(orphan.label[0]!)) return; // a one-word group row ("Barnevern")
    const prev = byGroup[gi - 1]?.at(-1);
    const next = byGroup[gi + 1]?.[0];
    if (topStyle && prev && prev.value.length > 0 && !g.blankBefore) {
      prev.label.push(...orphan.label);
      prev.last = orphan.last;
      own.length = 0;
    } else if (next && next.value.length > 0 && !groups[gi + 1]!.blankBefore) {
      next.label.unshift(...orphan.label);
      own.length = 0;
    }
  });
  for (const own of byGroup) rows.push(...own);

  for (const r of rows) {
    if (r === null || r.value.length === 0) continue;
    end = Math.max(end, r.last + 1);
    const label = r.label.filter((s) => s !== "").join(" ").replace(/\s+/g, " ").trim();
    if (label === "") continue;
    const no = r.value[0]!.no;
    const positional = r.value.every((v) => v.cells !== null) ? merge(r.value.map((v) => v.cells!)) : null;
    if (positional && positional.every((c, j) => c === null || !COMPARED.test(c) || columns[j]!.kind === "target")) {
      emitPlaced({ cells: positional, confirmed: true, alternatives: [] }, label, no, table, year, out, findings);
      continue;
    }
    if (r.value.some((v) => v.text_)) {
      findings.push({
        severity: "warning",
        code: "UNREADABLE_ROW",
        line: no,
        message: `${label}: cellene (${r.value.map((v) => layoutCells(v.text).map((c) => c.text).join(" | ")).join(" / ")}) kan ikke plasseres i kolonnene etter posisjon, og raden har tekst blant tallene; raden er ikke importert`,
      });
      continue;
    }
    // not placed by position: by count and arithmetic, as the word-based reader does
    const atoms = r.value.flatMap((v) => cellTail(v.text).atoms);
    if (atoms.length === 0) continue;
    const placed = chooseCells(atoms, table, label, no, findings);
    if (placed !== null) emitPlaced(placed, label, no, table, year, out, findings);
  }
  return Math.max(end, from);

  function disjoint(a: RowLine, b: RowLine): boolean {
    return a.cells !== null && b.cells !== null && a.cells.every((c, j) => c === null || b.cells![j] === null);
  }
  function merge(all: (string | null)[][]): (string | null)[] {
    return all.reduce((acc, c) => acc.map((x, j) => x ?? c[j] ?? null));
  }
}

type Placed = { cells: (string | null)[]; confirmed: boolean; alternatives: string[][] };

/** A row whose cells are placed: the indicator, marked for review (with a finding) where the placing is not proven. */
function emitPlaced(placed: Placed, rowLabel: string, no: number, table: Table, year: number | null, out: Indicator[], findings: Finding[]): void {
  const k = table.columns.length;
  const ind = toIndicator(rowLabel, no, placed.cells, table, year);
  if (!ind) return;
  if (!placed.confirmed) {
    // fewer cells than columns and nothing but the convention (blanks last) placed them: a series too may be a year off
    ind.needsReview = true;
    const printed = placed.cells.filter((c) => c !== null);
    findings.push({
      severity: "info",
      code: "UNCONFIRMED_READING",
      line: no,
      message: `${rowLabel}: raden har ${printed.length} av ${k} verdier (${printed.join(" | ")}); de tomme cellene er antatt å være de siste (${table.columns
        .slice(printed.length)
        .map(columnName)
        .join(", ")}), men kan stå et annet sted`,
    });
  } else if (placed.alternatives.length > 0) {
    ind.needsReview = true;
    findings.push({
      severity: "info",
      code: "UNCONFIRMED_READING",
      line: no,
      message: `${rowLabel}: verdiene er lest som ${placed.cells.filter((c) => c !== null).join(" | ")} fordi tallene i raden da har samme størrelsesorden; kan også leses som ${placed.alternatives
        .slice(0, 2)
        .map((r) => r.join(" | "))
        .join(" eller ")}`,
      candidates: [placed.cells.map((c) => (c === null ? null : valueOf(c))), ...placed.alternatives.slice(0, 19).map((r) => r.map(valueOf))],
    });
  }
  // "1,119" in a count or an amount, or beside "1,081,097": a comma before exactly three digits may be an English thousands separator
  const commaGroups = placed.cells.filter((c): c is string => c !== null && /(?<![\d,.])\d{1,3},\d{3}(?![\d,.])/u.test(c));
  const english = placed.cells.some((c) => c !== null && /\d,\d{3},\d{3}/.test(c));
  const numeric = placed.cells.filter((c): c is string => c !== null && valueOf(c) !== null);
  // among whole numbers ("400 2,418 < 400") three decimals are a thousands group rather than a fraction
  const amongIntegers = numeric.every((c) => commaGroups.includes(c) || !/\d[.,]\d/.test(c));
  if (commaGroups.length > 0 && (english || amongIntegers || /^\s*antall\b|\bkr\b|kroner|utgift/iu.test(rowLabel))) {
    ind.needsReview = true;
    findings.push({
      severity: "info",
      code: "UNCONFIRMED_READING",
      line: no,
      message: `${rowLabel}: ${commaGroups.join(", ")} er lest med desimalkomma, men kommaet kan være tusenskille (${commaGroups.map((c) => c.replace(",", " ")).join(", ")})`,
    });
  }
  out.push(ind);
}

/** Cells of two lines as one row's: a number never goes on across lines (the lower line's first atom starts a cell), and a sign ending the upper line stands alone. */
function acrossLines(above: readonly Atom[], below: readonly Atom[]): Atom[] {
  return [...above.map((a, j) => (j === above.length - 1 ? { ...a, sign: false } : a)), ...below.map((a, j) => (j === 0 ? { ...a, tail: false } : a))];
}

/** The stated avvik agrees in size with result − target. */
function deviationCloses(ind: Indicator): boolean {
  const d = ind.statedDeviation;
  return d?.value != null && ind.deviation !== null && closes(d.raw, d.value, ind.deviation, 0);
}

/** A line that is a text cell and nothing else. */
function isTextCell(text: string): boolean {
  return TEXT_CELL_AT_END.exec(text.trim())?.index === 0;
}

/** A one-word group row ("Utbygging", "Innhold") above a row whose label starts anew. */
function isGroupRow(label: readonly string[], next: string): boolean {
  return label.length === 1 && /^\p{Lu}\p{L}+$/u.test(label[0]!) && /^\p{Lu}/u.test(next.trim());
}

function columnName(c: Column): string {
  return `${c.kind === "result" ? "Resultat" : c.kind === "target" ? "Måltall" : "Avvik"}${c.year !== null ? ` ${c.year}` : ""}`;
}

function cellTailLabel(text: string): string {
  return cellTail(text).label;
}

/** The row's cells, one per column (null = blank), or null when the cells cannot be placed. */
function chooseCells(
  atoms: ReturnType<typeof cellTail>["atoms"],
  table: Table,
  label: string,
  line: number,
  findings: Finding[],
): { cells: (string | null)[]; confirmed: boolean; alternatives: string[][] } | null {
  const k = table.columns.length;
  const readings = cellReadings(atoms, k, READINGS_LIMIT);
  if (readings.length === 0) {
    findings.push({
      severity: "warning",
      code: "UNREADABLE_ROW",
      line,
      message: `${label}: raden har flere tall (${atoms.map((a) => a.raw).join(" | ")}) enn tabellen har kolonner (${k}); raden er ikke importert`,
    });
    return null;
  }
  const dev = table.columns.findIndex((c) => c.kind === "deviation");
  const res = resultColumn(table.columns, null);
  const tgt = targetColumn(table.columns, null);
  const share = /^\s*(?:andel|dekningsgrad)/iu.test(label) || atoms.some((a) => /%/u.test(a.raw));
  const score = (r: string[]): number[] => {
    // a comparator ("> 66 %", "maks 8 %") is printed only in a Måltall column, never in a result or an avvik
    if (r.length === k && r.some((c, j) => COMPARED.test(c) && table.columns[j]!.kind !== "target")) return [2, 1, 0, 0, 0];
    // a share (Andel …, dekningsgrad, a cell in %) is at most a few hundred: never a number with thousands groups
    if (share && r.some((c) => /\d \d{3}/.test(c))) return [2, 1, 0, 0, 0];
    const full = r.length === k ? 0 : 1;
    let identity = 1;
    if (dev >= 0 && res >= 0 && tgt >= 0 && r.length === k) {
      const d = valueOf(r[dev]!);
      const rv = valueOf(r[res]!);
      const tv = valueOf(r[tgt]!);
      if (d !== null && rv !== null && tv !== null && closes(r[dev]!, d, rv, tv)) identity = 0;
    }
    const joins = atoms.length - r.length;
    // without a full reading, the one with the fewest blanks: a blank is rarer than a thousands group
    const blanks = full === 0 ? 0 : k - r.length;
    return [full, identity, blanks, Math.round(magnitudeSpread(r) * 20), joins];
  };
  const scored = readings.map((r) => ({ r, s: score(r) })).sort((a, b) => a.s.reduce((d, v, j) => d || v - b.s[j]!, 0));
  const best = scored[0]!;
  if (readings.length >= READINGS_LIMIT) {
    findings.push({
      severity: "warning",
      code: "AMBIGUOUS_NUMBERS",
      line,
      message: `${label}: tallene (${atoms.map((a) => a.raw).join(" ")}) kan deles i kolonner på for mange måter; raden er ikke importert`,
    });
    return null;
  }
  if (best.s[0] === 2) {
    findings.push({
      severity: "warning",
      code: "UNREADABLE_ROW",
      line,
      message: `${label}: verdiene (${best.r.join(" | ")}) passer ikke i kolonnene (et måltall med < > maks minst står utenfor en Måltall-kolonne); raden er ikke importert`,
    });
    return null;
  }
  const tied = scored.filter((x) => x.s.every((v, j) => v === best.s[j]));
  if (tied.length > 1 && tied.some((x) => x.r.join("|") !== best.r.join("|"))) {
    findings.push({
      severity: "warning",
      code: "AMBIGUOUS_NUMBERS",
      line,
      message: `${label}: verdiene kan leses på ${tied.length} måter (${tied
        .slice(0, 3)
        .map((x) => x.r.join(" | "))
        .join(" eller ")}); raden er ikke importert`,
      candidates: tied.slice(0, 20).map((x) => x.r.map(valueOf)),
    });
    return null;
  }
  // Other full readings that only the similar-magnitude rule set aside: a plausible choice, not a proven one.
  const alternatives = scored.filter((x) => x.s[0] === best.s[0] && x.s[1] === best.s[1] && x.r.join("|") !== best.r.join("|")).map((x) => x.r);
  // A blank cell vanishes, so a shorter reading ("0 2 977 0" as 0 | 2 977 | 0 and a blank) is as possible as a full row the
  // arithmetic does not confirm, unless its sizes are far less alike; with an avvik that closes, the shorter one must close it too.
  if (best.s[0] === 0) alternatives.push(...scored.filter((x) => x.s[0] === 1 && x.s[3]! <= best.s[3]! + SIMILAR_SPREAD && (best.s[1] === 1 || place(x.r, table).confirmed)).map((x) => x.r));
  return { ...place(best.r, table), alternatives };
}

/** Readings of one row's cells beyond which the row is reported as ambiguous rather than decided on a cut-off list. */
const READINGS_LIMIT = 256;
/** Magnitude spreads (× 20) closer than this do not tell a full reading from a shorter one with a blank. */
const SIMILAR_SPREAD = 30;

const COMPARED = /^(?:[<>≥≤]|maks|minst|min\.|minimum|maksimum)/iu;

/**
 * |avvik| = |resultat − måltall| within half a unit of the avvik's last printed decimal ("-28" for −28,11),
 * and at least to 0,05; the sign is left to the deviation check.
 */
function closes(devRaw: string, d: number, result: number, target: number): boolean {
  const decimals = /\d[.,](\d+)/.exec(devRaw)?.[1]?.length ?? 0;
  return Math.abs(Math.abs(result - target) - Math.abs(d)) <= Math.max(0.051, 0.5 * 10 ** -decimals + 1e-9);
}

/** How far apart the cells' orders of magnitude are: a series of counts or kroner has similar sizes year to year. */
function magnitudeSpread(cells: readonly string[]): number {
  const logs = cells.map(valueOf).filter((v): v is number => v !== null).map((v) => Math.log10(Math.abs(v) + 1));
  if (logs.length < 2) return 0;
  const mean = logs.reduce((a, b) => a + b, 0) / logs.length;
  return logs.reduce((a, l) => a + (l - mean) ** 2, 0) / logs.length;
}

/**
 * Places n < k cells. A row missing one cell of a table with an Avvik column takes the blank first
 * when that makes Avvik = resultat − måltall hold (the oldest result is the one left out); sick-leave
 * sub-rows leave the target blank; otherwise the missing cells are the last ones (no result yet).
 * `confirmed` is false when nothing but that convention placed the cells.
 */
function place(cells: readonly string[], table: Table): { cells: (string | null)[]; confirmed: boolean } {
  const k = table.columns.length;
  if (cells.length === k) return { cells: [...cells], confirmed: true };
  if (cells.length === k - 1 && table.kind === "sickLeave") {
    const t = targetColumn(table.columns, null);
    if (t >= 0) return { cells: [...cells.slice(0, t), null, ...cells.slice(t)], confirmed: true };
  }
  const dev = table.columns.findIndex((c) => c.kind === "deviation");
  if (cells.length === k - 1 && dev >= 0) {
    const first = [null, ...cells];
    const res = resultColumn(table.columns, null);
    const tgt = targetColumn(table.columns, null);
    const d = valueOf(first[dev] ?? "");
    const r = valueOf(first[res] ?? "");
    const t = valueOf(first[tgt] ?? "");
    if (d !== null && r !== null && t !== null && closes(first[dev]!, d, r, t)) return { cells: first, confirmed: true };
  }
  // blanks last, unless that puts a comparator outside a Måltall column: then the latest blanks that keep it inside
  const valid = (r: readonly (string | null)[]) => r.every((c, j) => c === null || !COMPARED.test(c) || table.columns[j]!.kind === "target");
  let out: (string | null)[] = [...cells];
  while (out.length < k) out.push(null);
  // printed values stand together: a blank between two of them is the least likely place
  if (!valid(out)) out = spreads(cells, k).filter(valid).sort((a, b) => gaps(a) - gaps(b))[0] ?? out;
  return { cells: out, confirmed: false };
}

/** Blanks between printed cells. */
function gaps(row: readonly (string | null)[]): number {
  const first = row.findIndex((c) => c !== null);
  let last = row.length - 1;
  while (last >= 0 && row[last] === null) last--;
  return row.slice(first, last + 1).filter((c) => c === null).length;
}

/** Every way to place n cells in k columns in order, blanks last first. */
function spreads(cells: readonly string[], k: number): (string | null)[][] {
  if (cells.length === 0) return [Array<string | null>(k).fill(null)];
  if (cells.length > k) return [];
  const [head, ...rest] = cells;
  return [...spreads(rest, k - 1).map((r) => [head!, ...r]), ...(cells.length < k ? spreads(cells, k - 1).map((r) => [null, ...r]) : [])];
}

function lastIndex(columns: readonly Column[], kind: ColumnKind, year: number | null): number {
  if (year !== null) {
    const exact = columns.findIndex((c) => c.kind === kind && c.year === year);
    if (exact >= 0) return exact;
  }
  for (let j = columns.length - 1; j >= 0; j--) if (columns[j]!.kind === kind) return j;
  return -1;
}

function resultColumn(columns: readonly Column[], year: number | null): number {
  // the report year's result; without a year, the last result column printed after a target
  if (year !== null) {
    const exact = columns.findIndex((c) => c.kind === "result" && c.year === year);
    if (exact >= 0) return exact;
  }
  const t = columns.findIndex((c) => c.kind === "target");
  // a result column without its year before the target, where others have theirs, lost its year (a page break): it is no report-year result
  const dated = columns.some((c) => c.kind === "result" && c.year !== null);
  for (let j = columns.length - 1; j >= 0; j--) if (columns[j]!.kind === "result" && (t < 0 || j > t || (columns[j]!.year === null && !dated))) return j;
  return t < 0 ? lastIndex(columns, "result", null) : -1;
}

function targetColumn(columns: readonly Column[], year: number | null): number {
  return lastIndex(columns, "target", year);
}

const MONTHS = /^(jan|feb|mar|apr|mai|jun|jul|aug|sep|okt|nov|des)\b/iu;

/** A text cell («Ingen måling i år») keeps its text, no value, and the reason it gives. */
function withReason(cell: { raw: string; value: number | null }): { raw: string; value: number | null; reason?: "not-measured" | "no-data" } {
  return cell.value === null && TEXT_CELL_AT_END.test(cell.raw) ? { ...cell, reason: textCellReason(cell.raw) } : cell;
}

function toIndicator(label: string, line: number, cells: readonly (string | null)[], table: Table, year: number | null): Indicator | null {
  if (label === "") return null;
  const columns = table.columns;
  const res = resultColumn(columns, year);
  const tgt = table.kind === "keyFigure" ? -1 : targetColumn(columns, year);
  const dev = columns.findIndex((c) => c.kind === "deviation");
  const resultRaw = res >= 0 ? (cells[res] ?? null) : null;
  const targetRaw = tgt >= 0 ? (cells[tgt] ?? null) : null;
  const devRaw = dev >= 0 ? (cells[dev] ?? null) : null;
  const kind = table.kind === "keyFigure" ? "keyFigure" : table.kind === "indicator" ? "indicator" : "sickLeave";
  const fullLabel =
    table.kind === "monthlySickLeave" && MONTHS.test(label)
      ? `Sykefraværsprosent ${label}${columns[res]?.year ? ` ${columns[res]!.year}` : ""}`
      : table.kind === "sickLeave"
        ? `Sykefravær ${label}`
        : label;
  const unit = table.kind === "sickLeave" || table.kind === "monthlySickLeave" ? "percent" : unitOf(label, cells);
  const parsedTarget = targetRaw !== null ? targetOf(targetRaw) : null;
  const result = resultRaw !== null ? withReason({ raw: resultRaw, value: valueOf(resultRaw) }) : null;
  const lowerByLabel = lowerIsBetterBySubject(fullLabel) || table.kind !== "indicator";
  const higher = parsedTarget?.operator ? higherIsBetterOf(parsedTarget.operator) : lowerByLabel ? false : parsedTarget ? true : null;
  let deviation: number | null = null;
  let met: boolean | null = null;
  // "> 2022" refers to a year's result only when that year is one the table reports (or a recent one); "< 2085" is a count
  const yearReference = refersToYearResult(parsedTarget, { reportYear: year, printedYears: columns.map((c) => c.year) });
  if (result?.value != null && parsedTarget) {
    const d = indicatorDeviation(result.value, { operator: parsedTarget.operator, value: parsedTarget.value, unit: yearReference ? "year" : unit === "percent" ? "percent" : "number" }, { higherIsBetter: higher });
    deviation = d.deviation;
    met = d.met;
  }
  const series = columns
    .map((c, j) => ({ c, raw: cells[j] ?? null }))
    .filter((x) => x.c.kind === "result" && x.c.year !== null && x.raw !== null)
    .map((x) => ({ year: x.c.year!, raw: x.raw!, value: valueOf(x.raw!) }));
  const ind: Indicator = {
    line,
    area: table.area,
    label: fullLabel,
    unit,
    target:
      targetRaw !== null
        ? {
            raw: targetRaw,
            operator: parsedTarget?.operator ?? null,
            value: parsedTarget?.value ?? null,
            ...(parsedTarget ? { unit: yearReference ? "year" : parsedTarget.unit === "year" ? "number" : parsedTarget.unit } : {}),
          }
        : null,
    result,
    statedDeviation: devRaw !== null ? { raw: devRaw, value: valueOf(devRaw) } : null,
    deviation,
    higherIsBetter: table.kind === "keyFigure" ? (lowerIsBetterBySubject(label) ? false : null) : higher,
    met,
    kind,
  };
  if (series.length > 0) ind.series = series;
  return ind;
}
