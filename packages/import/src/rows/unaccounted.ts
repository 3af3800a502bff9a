import type { Finding } from "@bydel/core";
import { isProse, isTotalLabel, startsRow } from "../tables/grammar.js";
import { isBlank, type Line } from "../source/lines.js";
import { numericTail } from "../tokens/tokens.js";

/**
 * Every row accounted for: after a table's last row read, the lines that still carry a row's worth
 * of numbers before the text goes on (prose, a caption, another table) are rows the reader lost.
 * They are reported as TABLE_INCOMPLETE, naming the lines, so no row vanishes without a finding.
 */
const LOOK_AHEAD = 15;
/** Numbers on a line that make it a row: a budget row has five, a split three. */
const ROW_NUMBERS = 3;

export interface ReadTable {
  readonly id: string;
  readonly title: string;
  /** The table's caption or header line: rows lost before the first read row are looked for from here. */
  readonly line: number;
  /** Lines of the table's rows, first label line to numbers line. */
  readonly rowLines: readonly { readonly firstLine: number; readonly line: number }[];
}

function numbersOn(text: string, no: number): number {
  if (!/\d/u.test(text)) return 0;
  // digit groups joined by one space may be one number: count the cells a row shows at the least
  const groups = numericTail(text, no).groups.filter((g) => g.kind === "digits");
  // a header's years («2023  2024  2024») are no row
  if (groups.every((g) => /^(?:19|20)\d\d$/u.test(g.digits))) return 0;
  let cells = 0;
  groups.forEach((g, i) => {
    if (i === 0 || g.gap >= 2 || g.negative || g.whole || g.digits.length !== 3) cells++;
  });
  // set one space apart («577 407 602 351 623 807 …») a row's cells cannot be told from its groups: five groups make a row
  return groups.length >= 5 ? Math.max(cells, ROW_NUMBERS) : cells;
}

/** Every line the tables' rows took, label lines included. */
function rowLinesOf(tables: readonly ReadTable[], more: Iterable<number> = []): Set<number> {
  const used = new Set(more);
  for (const t of tables) for (const r of t.rowLines) for (let n = r.firstLine; n <= r.line; n++) used.add(n);
  return used;
}

export function unaccountedRows(tables: readonly ReadTable[], lines: readonly Line[], isCaption: (line: Line) => boolean): { findings: Finding[]; lines: Set<number> } {
  const reported = new Set<number>();
  const used = rowLinesOf(tables);
  // filled by a loop: a pair array per line is garbage on every import
  const index = new Map<number, number>();
  for (let i = 0; i < lines.length; i++) index.set(lines[i]!.no, i);
  const findings: Finding[] = [];
  for (const t of tables) {
    if (t.rowLines.length === 0) continue;
    const last = t.rowLines.reduce((m, r) => (r.line > m ? r.line : m), 0);
    const lost: number[] = [];
    // inside the table: from its caption to its last read row, every line with a row's numbers is a row
    for (let i = index.get(t.line) ?? lines.length; i < lines.length && lines[i]!.no < last; i++) {
      const l = lines[i]!;
      if (!used.has(l.no) && numbersOn(l.text, l.no) >= ROW_NUMBERS && !isCaption(l)) lost.push(l.no);
    }
    // after it: until a caption, another table's row, or enough lines; past running text only a line
    // that starts a row of this kind («Funksjonsområde 3 …», «Sum …», «201 …») is still the table's
    let seen = 0;
    let prose = false;
    let rowStarted = false;
    for (let i = (index.get(last) ?? lines.length) + 1; i < lines.length && seen < LOOK_AHEAD; i++) {
      const l = lines[i]!;
      if (isBlank(l.text)) continue;
      seen++;
      if (used.has(l.no) || isCaption(l)) break;
      if (isProse(l.text)) {
        prose = true;
        continue;
      }
      const numbers = numbersOn(l.text, l.no) >= ROW_NUMBERS;
      // («Sum brutto utgift +» / «sosialhjelp 2 366 945 …»: a row started on the line before its numbers)
      if (numbers && (!prose || startsRow(l.text) || rowStarted)) lost.push(l.no);
      rowStarted = !numbers && startsRow(l.text);
    }
    if (lost.length === 0) continue;
    for (const n of lost) reported.add(n);
    findings.push({
      severity: "warning",
      code: "TABLE_INCOMPLETE",
      line: lost[0]!,
      table: t.id,
      message: `Tabell ${t.id} («${t.title}»): ${lost.length === 1 ? "linje" : "linjene"} ${lost.join(", ")} har tall som ikke er lest som rader i tabellen; tabellen kan mangle rader. Sjekk tabellen i rapporten.`,
    });
  }
  return { findings, lines: reported };
}

/** A budget row's shape: a KOSTRA code or a service area and four numbers or more. */
const BUDGET_ROW = /^\s*(?:\d{3}\s+\p{L}|funksjonsomr[åa]de\b|funk\.?\s*omr)/iu;
const ORPHAN_NUMBERS = 4;
/** Orphan rows this close together are one table. */
const ORPHAN_GAP = 10;

/**
 * Budget rows outside every table read (a table whose caption and header were lost, or that no
 * reader recognised): reported as TABLE_INCOMPLETE, one finding a run, never dropped in silence.
 */
export function orphanRows(tables: readonly ReadTable[], lines: readonly Line[], otherLines: ReadonlySet<number>): Finding[] {
  const used = rowLinesOf(tables, otherLines);
  const runs: number[][] = [];
  for (const l of lines) {
    if (used.has(l.no) || !BUDGET_ROW.test(l.text) || numbersOn(l.text, l.no) < ORPHAN_NUMBERS || isProse(l.text)) continue;
    const run = runs[runs.length - 1];
    if (run && l.no - run[run.length - 1]! <= ORPHAN_GAP) run.push(l.no);
    else runs.push([l.no]);
  }
  return runs
    .map((run) => ({
      severity: "warning" as const,
      code: "TABLE_INCOMPLETE",
      line: run[0]!,
      message: `Linjene ${run.join(", ")} ser ut som rader i en økonomitabell (KOSTRA-funksjon eller funksjonsområde med tall), men hører ikke til noen tabell som er lest (mangler overskriften?). Sjekk tabellen i rapporten.`,
    }));
}

/**
 * A budget table whose rows stop before any Sum row: cut off by a page the extractor lost, or by
 * the end of the text. Reported as TABLE_INCOMPLETE; its sums cannot be checked.
 */
export function tablesWithoutTotal(tables: readonly { readonly id: string; readonly title: string; readonly rows: readonly { readonly label: string; readonly line: number }[] }[], lines: readonly Line[]): Finding[] {
  const lastText = lines.reduce((n, l) => (isBlank(l.text) ? n : l.no), 0);
  return tables.flatMap((t) => {
    if (t.rows.length === 0 || t.rows.some((r) => isTotalLabel(r.label))) return [];
    const last = t.rows.reduce((n, r) => Math.max(n, r.line), 0);
    const where = last >= lastText ? "teksten slutter midt i tabellen" : "tabellen slutter uten Sum-rad";
    return [
      {
        severity: "warning" as const,
        code: "TABLE_INCOMPLETE",
        line: last,
        table: t.id,
        message: `Tabell ${t.id} («${t.title}»): ${where} etter linje ${last}; rader kan mangle, og summene kan ikke kontrolleres. Sjekk tabellen i rapporten.`,
      },
    ];
  });
}
