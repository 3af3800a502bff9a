import { isBlank, type Line } from "../source/lines.js";
import { readRows, type RawRow } from "../rows/rows.js";
import { lineFilter, unitTable, type UnitColumn } from "./registry.js";
import { readHeaderWords } from "./header.js";

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

const { caption: CAPTION, headerWord: HEADER_WORD } = unitTable;
/** Cheap test first (most lines are prose): a line with none of the caption's words. */
const QUICK = lineFilter(unitTable.words, "");


function isHeaderText(text: string): boolean {
  const words = text.replace(/[()]/g, " ").trim().split(/\s+/);
  return words.length > 0 && words.length <= 6 && words.every((w) => HEADER_WORD.test(w));
}

/** The header's columns in printed order (a column named twice counts once), or null without the required ones. */
export function columnsOf(header: string): UnitColumn[] | null {
  const columns: UnitColumn[] = [];
  for (const { kind } of readHeaderWords(header, unitTable.header).columns) if (!columns.includes(kind)) columns.push(kind);
  return unitTable.required.every((c) => columns.includes(c)) ? columns : null;
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
    const { rows } = readRows(lines, j, unitTable.rows);
    if (!rows.some((r) => r.groups.length > 0)) continue;
    tables.push({ title: caption.title, line: lines[caption.first]!.no, columns, rows });
    after = rows.length > 0 ? rows[rows.length - 1]!.line - 1 : j;
  }
  return tables;
}
