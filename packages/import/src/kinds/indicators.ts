import {
  isSigned,
  printedDecimals,
  tolerances,
  serviceAreaOf,
  tableReading,
  type Finding,
  type Indicator,
} from "@bydel/core";
import { cellTail } from "../cells/cells.js";
import { isBlank, type Line } from "../source/lines.js";
import { readProseIndicators } from "../prose/indicators.js";
import { blocksOf, type Block } from "../prose/text.js";
import { isProse } from "../tables/grammar.js";
import { isPageFooter, walkTable } from "../rows/rows.js";
import { captionBelow, readLayoutHeader } from "../tables/layoutTable.js";
import { DEFAULT_MAX_PAGES } from "../source/pageNumbers.js";
import { afterIndicatorTable, indicatorTable, unreadRows } from "../tables/registry.js";
import { MAYBE, START, areaFromHeading, readHeader, splitMidStarts, wrappedStart, type Table } from "../tables/indicatorHeader.js";
import { readLayoutRows, readTableRows, rowsLaidOut } from "../rows/indicatorRows.js";
import { signedInEveryReading } from "./indicatorEmit.js";

/**
 * The indicator tables: Resultatindikatorer (results, Måltall, Avvik, or results and targets
 * only), "Obligatoriske sentrale måltall", sick leave (per month and Korttid/Langtid/Totalt) and
 * Nøkkeltall (result series without targets). Columns come from the header words
 * (Resultat/Måltall/Mål/Avvik + year); rows are label lines followed by a line of value cells.
 * The stages: locate (`tables/indicatorHeader.ts`, positional headers in `tables/layoutTable.ts`, both
 * reading their columns with `tables/header.ts`) → rows (`rows/indicatorRows.ts`) → cells placed in
 * the columns (`cells/indicatorCells.ts`, chosen in `solve/choose.ts`) → emit (`indicatorEmit.ts`);
 * this module composes them and reports what the table leaves.
 */

export interface IndicatorResult {
  indicators: Indicator[];
  findings: Finding[];
  /** The running text's paragraphs (indicator tables left out), for the statements stage to read too. */
  blocks: Block[];
}

export function readIndicators(allLines: readonly Line[], year: number | null): IndicatorResult {
  const lines = splitMidStarts(allLines);
  const indicators: Indicator[] = [];
  const findings: Finding[] = [];
  /** Lines of the indicator tables, which the prose reader leaves alone. */
  const tableLines = new Set<number>();
  let sectionArea: string | null = null;
  const read: ReadTable[] = [];
  const pages = pageBounds(lines);
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.text;
    if (!MAYBE.test(text)) continue;
    const headingArea = areaFromHeading(text);
    if (headingArea) sectionArea = headingArea;
    const start = START.find(([re]) => re.test(text)) ?? wrappedStart(lines, i);
    if (!start || captionBelow(lines, i)) continue;
    const kind = start[1];
    const layout = indicatorTable(kind).byPosition ? readLayoutHeader(lines, i, start[0]) : null;
    if (layout?.unplaced !== undefined) {
      findings.push(...unread(lines, layout.next, lines[i]!.no, lines[i]!.text.trim().replace(/\s+/gu, " ").slice(0, 80), `overskriften har en kolonne («${layout.unplaced}») som ikke kan plasseres`));
      continue;
    }
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
    if (!header) {
      // a header read by position whose rows neither reader can take: the table is reported, never dropped in silence
      if (layout) findings.push(...unread(lines, layout.next, lines[i]!.no, layout.title.trim().slice(0, 80), "cellene står ikke under kolonnene i overskriften"));
      // a header line neither reader can read («Sykefravær i %  2021 Mål 2022  2022», two columns one space apart): its table too
      else if (!isProse(text)) findings.push(...unread(lines, i + 1, lines[i]!.no, text.trim().replace(/\s+/gu, " ").slice(0, 80), "kolonnene i overskriften kan ikke leses"));
      continue;
    }
    const area = indicatorTable(kind).area ?? serviceAreaOf(header.title) ?? sectionArea;
    const table: Table = { kind, area, columns: header.columns, startLine: lines[i]!.no, ...(header.yearsUnsure ? { yearsUnsure: true } : {}) };
    const first = indicators.length;
    const end = readTableRows(lines, header.next, table, year, indicators, findings, pages);
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

/**
 * The largest page number each line may stand on: the number the next page footer prints («Bydel Sagene •
 * Årsberetning 2024 • 31»), as pages are numbered in order; without a footer below, the most pages a report may have.
 */
function pageBounds(lines: readonly Line[]): number[] {
  const out = Array<number>(lines.length);
  let next = DEFAULT_MAX_PAGES;
  for (let i = lines.length - 1; i >= 0; i--) {
    const text = lines[i]!.text;
    const m = isPageFooter(text) ? /•\s*(\d{1,4})\s*$/u.exec(text) : null;
    if (m) next = Number(m[1]);
    out[i] = next;
  }
  return out;
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

const UNSIGNED_ROWS = tableReading.unsignedRows;

/**
 * A table that prints every deviation without a sign: no stated deviation has one, and two or more
 * stand for a negative result − target. Its convention is reported once, and each of its deviations
 * is checked by its size (a lone unsigned negative among signed ones stays a per-row error).
 */
function unsignedConvention(rows: Indicator[], title: string, line: number): Finding[] {
  // rows read for review may have read a sign set apart as a placeholder: they tell nothing, unless every reading has the sign
  const stated = rows.filter((r) => r.statedDeviation?.value != null && r.deviation !== null && (!r.needsReview || signedInEveryReading.has(r)));
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

/**
 * A table whose header is read but whose rows neither reader can place: its lines with numbers,
 * up to running text, a heading or a blank gap, are reported (TABLE_INCOMPLETE), none imported.
 */
/** The most lines an unread table is searched for numbers (it ends sooner at a blank gap, a heading or prose). */
const UNREAD_LINES = 80;

function unread(lines: readonly Line[], from: number, startLine: number, title: string, why: string): Finding[] {
  const left: number[] = [];
  walkTable(lines, from, unreadRows, (i) => {
    if (i >= from + UNREAD_LINES) return i;
    if (cellTail(lines[i]!.text).atoms.length > 0) left.push(lines[i]!.no);
    return undefined;
  });
  if (left.length === 0) return [];
  return [
    {
      severity: "warning",
      code: "TABLE_INCOMPLETE",
      line: left[0]!,
      table: title,
      message: `Tabellen «${title}» (linje ${startLine}) kunne ikke leses: ${why}. ${left.length === 1 ? "Linje" : "Linjene"} ${left.join(", ")} har tall og er ikke importert. Sjekk tabellen i rapporten.`,
    },
  ];
}

/**
 * Rows left after a table's end: lines with a label and the table's kind of cells, before running
 * text, a heading or a blank gap. They are reported (TABLE_INCOMPLETE), never dropped in silence.
 */
function rowsAfter(lines: readonly Line[], end: number, table: Table, title: string): Finding[] {
  const lost: number[] = [];
  let seen = 0;
  walkTable(lines, end, afterIndicatorTable, (i) => {
    const tail = cellTail(lines[i]!.text);
    // a row's label with its cells, or the cells under a label that wrapped
    if (tail.atoms.length > 0 && tail.atoms.length <= table.columns.length && (tail.label !== "" || tail.atoms.length >= 2)) lost.push(lines[i]!.no);
    return ++seen < tableReading.linesAfterTable ? undefined : i;
  });
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
