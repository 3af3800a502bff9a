import { tableReading } from "@bydel/core";
import { isTotalLabel } from "./grammar.js";
import { isBlank, type Line } from "../source/lines.js";
import { isPageFooter, type RawRow } from "../rows/rows.js";
import { numericTail } from "../tokens/tokens.js";
import { lineFilter, unitTable, type UnitColumn } from "./registry.js";

/**
 * The result per unit with and without earmarked funds ("Per enhet fremstår resultat med og uten
 * særskilt øremerkede midler slik": Enhet | Opprinnelig budsjett | Justert budsjett | Regnskap |
 * Avvik | Særskilt øremerkede midler | Resultat). Its rows are units (Nav, Barnehager …), not
 * KOSTRA functions or service areas, so it is found by its caption and header words and read
 * line by line; the columns are recovered by the same search as the other tables.
 */

export type { UnitColumn };

export interface UnitTable {
  readonly title: string;
  /** The caption's line. */
  readonly line: number;
  /** The columns in printed order, from the header words. */
  readonly columns: UnitColumn[];
  readonly rows: RawRow[];
}

const { caption: CAPTION, headerWord: HEADER_WORD, columnWords: COLUMN_WORDS, columnKinds: KINDS } = unitTable;
/** Cheap test first (most lines are prose): a line with none of the caption's words. */
const QUICK = lineFilter(unitTable.words, "");

const { maxUnitWrap: MAX_WRAP, maxBlankRun: MAX_BLANK_RUN } = tableReading;

function isHeaderText(text: string): boolean {
  const words = text.replace(/[()]/g, " ").trim().split(/\s+/);
  return words.length > 0 && words.length <= 6 && words.every((w) => HEADER_WORD.test(w));
}

export function columnsOf(header: string): UnitColumn[] | null {
  const columns: UnitColumn[] = [];
  for (const m of header.matchAll(COLUMN_WORDS)) {
    const kind = KINDS[m.slice(1).findIndex((g) => g !== undefined)]!;
    if (!columns.includes(kind)) columns.push(kind);
  }
  return unitTable.required.every((c) => columns.includes(c)) ? columns : null;
}

/** A line that may start or continue a unit's label: short, no sentence end. */
function isLabelText(text: string): boolean {
  const t = text.trim();
  return t.length > 0 && t.length <= 60 && !/[.:!?]$/u.test(t);
}

function readUnitRows(lines: readonly Line[], start: number): RawRow[] {
  const rows: RawRow[] = [];
  let pending = "";
  let pendingFirst = 0;
  let wrapped = 0;
  let blanks = 0;
  for (let i = start; i < lines.length; i++) {
    const { text, no } = lines[i]!;
    if (isBlank(text)) {
      if (++blanks > MAX_BLANK_RUN) break;
      continue;
    }
    blanks = 0;
    if (isPageFooter(text)) continue;
    const tail = numericTail(text, no);
    const label = `${pending} ${tail.label}`.trim();
    if (tail.groups.length >= 2 && label !== "" && label.length <= 80 && !/[.:!?]$/u.test(label)) {
      // after a total only another total goes on (cascading sums); anything else is the text after the table
      if (rows.length > 0 && rows[rows.length - 1]!.label !== "" && isTotalLabel(rows[rows.length - 1]!.label) && !isTotalLabel(label)) break;
      rows.push({ label, groups: tail.groups, line: no, firstLine: pending ? pendingFirst : no });
      pending = "";
      wrapped = 0;
      continue;
    }
    if (tail.groups.length > 0 || !isLabelText(text) || ++wrapped > MAX_WRAP) break;
    if (rows.length > 0 && isTotalLabel(rows[rows.length - 1]!.label)) break;
    if (!pending) pendingFirst = no;
    pending = `${pending} ${text.trim()}`.trim();
  }
  return rows;
}

/** The caption around a "med og uten" on line k: its first line and its text (one line, or two when it wraps). */
function captionAt(lines: readonly Line[], k: number): { first: number; last: number; title: string } | null {
  const text = (i: number) => lines[i]?.text.trim() ?? "";
  if (text(k).length > 200) return null;
  if (CAPTION.test(text(k))) return { first: k, last: k, title: text(k) };
  for (const first of [k, k - 1]) {
    const joined = `${text(first)} ${text(first + 1)}`;
    if (first >= 0 && CAPTION.test(joined)) return { first, last: first + 1, title: joined };
  }
  return null;
}

/** Every table of results per unit with and without earmarked funds in the text. */
export function findUnitTables(lines: readonly Line[]): UnitTable[] {
  const tables: UnitTable[] = [];
  let after = -1;
  for (let k = 0; k < lines.length; k++) {
    // cheap test first (most lines are prose): a caption wrapped before "uten" is found from its next line
    const t = lines[k]!.text;
    if (k <= after || !QUICK.test(t)) continue;
    const caption = captionAt(lines, k);
    if (!caption) continue;
    // the header: blank lines, then lines of column words only
    let j = caption.last + 1;
    let header = "";
    for (; j < lines.length && j < caption.last + 40; j++) {
      const t = lines[j]!.text;
      if (isBlank(t)) continue;
      if (!isHeaderText(t)) break;
      header += ` ${t.trim()}`;
    }
    const columns = columnsOf(header);
    if (!columns) continue;
    const rows = readUnitRows(lines, j);
    if (!rows.some((r) => r.groups.length > 0)) continue;
    tables.push({ title: caption.title, line: lines[caption.first]!.no, columns, rows });
    after = rows.length > 0 ? rows[rows.length - 1]!.line - 1 : j;
  }
  return tables;
}
