import { textTables } from "@bydel/core";
import type { Line } from "../source/lines.js";
import { yearsIn } from "../tables/grammar.js";
import { lineAt, sentencesOf, type Block } from "./text.js";
import { splits } from "./changeRows.js";
import { valueOf, type Check } from "./check.js";
import { CHANGE_ROW, MEETINGS_AND_CASES, MEETINGS_HEADER } from "./phrases.js";

/**
 * The political bodies' meetings and cases as the text states them («Grünerløkka Ungdomsråd har
 * gjennomført 7 møter, og behandlet 43 saker i 2024») against the table of section 2.3 («Møter
 * Saker Møter Saker» under «2023 2024», a row per body). Only a sentence that names a body of the
 * table, both counts and the year is read; a row whose cells are not four plain counts is left out.
 */

/** How far under its header the table's rows may stand. */
const ROWS_REACH = 30;

export interface Meetings {
  readonly rows: readonly { readonly line: number; readonly label: string; readonly byYear: ReadonlyMap<number, { meetings: number; cases: number }> }[];
}

export function meetingsTable(lines: readonly Line[]): Meetings | null {
  for (let i = 1; i < lines.length; i++) {
    if (!lines[i]!.text.includes("ker") || !MEETINGS_HEADER.test(lines[i]!.text)) continue;
    let years: number[] = [];
    for (let k = i - 1; k >= 0 && k >= i - 4 && years.length !== 2; k--) years = yearsIn(lines[k]!.text);
    if (years.length !== 2) return null;
    const rows: Meetings["rows"][number][] = [];
    for (let j = i + 1; j < lines.length && j <= i + ROWS_REACH; j++) {
      const t = lines[j]!.text;
      if (/^\s*\d+(?:\.\d+)*\.?\s+\p{Lu}/u.test(t)) break; // the next chapter
      const m = t.length <= 200 ? CHANGE_ROW.exec(t) : null;
      // a footnoted row («21*) 24 *)»), or a label's second line («funksjonsnedsettelser 7 49 7 33»): no row to name
      if (!m || /[*)]/u.test(t) || !/^\p{Lu}/u.test(m[1]!.trim())) continue;
      const cells = splits(m[2]!.trim().split(/\s+/u), 4);
      if (cells.length !== 1) continue;
      const v = cells[0]!.map(valueOf);
      if (v.some((x) => x === null)) continue;
      rows.push({ line: lines[j]!.no, label: m[1]!.trim(), byYear: new Map([[years[0]!, { meetings: v[0]!, cases: v[1]! }], [years[1]!, { meetings: v[2]!, cases: v[3]! }]]) });
    }
    return rows.length > 0 ? { rows } : null;
  }
  return null;
}

const words = (s: string): string => ` ${s.toLowerCase().replace(/[^\p{L}\d]+/gu, " ").trim()} `;

export function meetingsStatements(block: Block, table: Meetings, out: Check[]): void {
  for (const s of sentencesOf(block)) {
    const m = MEETINGS_AND_CASES.exec(s.text);
    if (!m) continue;
    const text = words(s.text.slice(0, m.index));
    // the body the sentence names before its counts: the longest label of the table found there
    const row = table.rows.filter((r) => text.includes(words(r.label))).sort((a, b) => b.label.length - a.label.length)[0];
    const cell = row?.byYear.get(Number(m[3]));
    if (!row || !cell) continue;
    for (const [raw, value, column] of [[m[1]!, cell.meetings, "møter"], [m[2]!, cell.cases, "saker"]] as const) {
      const v = valueOf(raw);
      if (v === null) continue;
      const at = s.start + m.index + (column === "møter" ? 0 : m[0].lastIndexOf(raw));
      out.push({ subject: "keyFigure", stated: { raw: `${raw} ${column}`, value: v, unit: "count", precision: 0 }, line: lineAt(block, at), quote: s.text.trim(), reference: { table: textTables.meetings.id, line: row.line, column: `${row.label}, ${column} ${m[3]}`, value }, addends: 0 });
    }
  }
}
