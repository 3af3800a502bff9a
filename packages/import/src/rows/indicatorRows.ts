import { isOperatorAlone, isUnitAlone, tableReading, type Finding, type Indicator } from "@bydel/core";
import { cellReadings, cellTail, isCellsOnly, type Atom } from "../cells/cells.js";
import { isBlank, type Line } from "../source/lines.js";
import { isPageFooter, walkTable } from "./rows.js";
import { continuesLabel, goesOn, isGroupLabel, isGroupRow, joinLabel, startsLabel } from "../tables/grammar.js";
import { columnOf, layoutCells, type LayoutColumn } from "../tables/layoutTable.js";
import { endsIndicatorTable, indicatorHeaderFragment, indicatorLayoutRows, indicatorRows, indicatorTable } from "../tables/registry.js";
import type { Table, TableKind } from "../tables/indicatorHeader.js";
import { deviationCloses, emitPlaced } from "../kinds/indicatorEmit.js";
import { COMPARED, chooseCells, isTextCell, valueOf } from "../cells/indicatorCells.js";

/**
 * An indicator table's rows: label lines followed by a line of value cells, one cell per line, or
 * cells laid out by position under the header's columns; the row ends where the table ends.
 */

const { textCellWords: TEXT_CELL_WORDS } = tableReading;

/**
 * A row that cannot belong to a table of this kind: a label outside the kind's rows (where the kind
 * fixes them) whose cells are not all percentages, or any row after a sick-leave table's total.
 */
function foreignRow(kind: TableKind, label: string, atoms: readonly Atom[]): boolean {
  const rows = indicatorTable(kind).rowLabels;
  if (!rows || label === "" || rows.test(label)) return false;
  return !(atoms.length > 0 && atoms.every((a) => /%/u.test(a.raw)));
}

export function readTableRows(lines: readonly Line[], from: number, table: Table, year: number | null, out: Indicator[], findings: Finding[], pages: readonly number[]): number {
  const k = table.columns.length;
  let label: string[] = [];
  /** The line the label being read starts on (-1: none). */
  let labelFrom = -1;
  /** Cells printed at the end of the last label line, before the row's other cells ("Korttid 3,98 %" … "3,89 %"). */
  let pending: ReturnType<typeof cellTail>["atoms"] = [];
  /** The last row read, which a line of cells only may complete; its indicator and findings are redone then. */
  type LastRow = { atoms: Atom[]; label: string; no: number; out: number; findings: number; lone: boolean; centered: boolean; review: string[] };
  let last = null as LastRow | null; // (a cast: flow analysis would narrow it to null for the loop)
  /** A label line that may belong to the row above, quoted, for the row it opens. */
  let unsure: string | null = null;
  // a blank line parts a row's label from cells centred under it
  return walkTable(lines, from, indicatorRows, readLine, () => {
    if (last) last.centered = false;
  });

  /** One line of the table: a label line, a line of cells, or both; returns where the table ends, if there. */
  function readLine(i: number): number | undefined {
    const { text, no } = lines[i]!;
    const tail = cellTail(text);
    // a text cell alone on its line («Bydelen har ikke tall») is a cell, never a label: the row above goes on with it
    if (label.length === 0 && isTextCell(text)) {
      const row: LastRow | null = last;
      if (row && row.atoms.length < k) {
        const joined: Atom[] = [...row.atoms, { raw: text.trim(), head: false, tail: false, gap: 2 }];
        redo(row, joined);
        last = row.lone ? { ...row, atoms: joined } : null;
      }
      return;
    }
    const isValues = isCellsOnly(tail) || tail.atoms.length >= Math.min(2, k);
    if (!isValues) {
      // a label wrapped around its numbers («Personer med rusutfordringer bosatt i» / numbers / «bolig fra institusjon»):
      // a line in lower case right after a row goes on with that row's label, as a label starts in upper case
      const row: LastRow | null = last;
      // (a number at its end, «sosialhjelp - behandlet innen 2», is the label's when the row has all its cells)
      if (label.length === 0 && row && !row.lone && (tail.atoms.length === 0 || row.atoms.length >= k) && continuesLabel(text, indicatorRows) && out.length === row.out + 1) {
        row.label = `${row.label} ${text.trim()}`;
        redo(row, row.atoms);
        return;
      }
      // a one-word group row ("Utbygging", "Barnevern") heads the rows below it; it is no part of their label
      if (isGroupRow(label, text)) label = [];
      // cells alone under a label that ends in a colon, then a line in upper case: it opens the next row's label, or ends the label above
      if (label.length === 0 && row?.centered && goesOn(row.label) && out.length > row.out && startsLabel(text)) {
        unsure = text.trim();
        const why = `linjen «${unsure}» under er lest som starten av raden under, men kan høre til denne raden`;
        row.review.push(why);
        review(row, [why]);
      }
      if (row) row.centered = false;
      if (label.length === 0) labelFrom = i;
      label.push(text.trim());
      pending = tail.label !== "" ? tail.atoms : [];
      if (label.length > indicatorRows.maxLabelLines) return i;
      return;
    }
    let atoms = tail.atoms;
    // "… 43 %" then "*" alone: the row's last cells on a line of their own
    const row: LastRow | null = last;
    const joined: Atom[] | null = row && tail.label === "" && label.length === 0 ? acrossLines(row.atoms, atoms) : null;
    if (row && joined && cellReadings(joined, k).some((r) => r.length <= k)) {
      // a page number is a whole number no larger than the next page footer's («255» alone above «… • 31» is a cell)
      const wholeNumber = atoms.length === 1 && /^\d+$/.test(atoms[0]!.raw) && Number(atoms[0]!.raw) <= pages[i]!;
      if (!row.lone && wholeNumber) {
        // a lone number may as well be a page number: the row stays as read, for review
        mayBePageNumber(row, `tallet ${atoms[0]!.raw} alene på linje ${no} er lest som sidetall, men kan være radens siste verdi`);
        last = null;
        return;
      }
      redo(row, joined);
      // a whole number alone that ends a row set one cell per line may be a page number: unless the avvik confirms it, for review
      if (row.lone && wholeNumber && joined.length === k) mayBePageNumber(row, `tallet ${atoms[0]!.raw} alene på linje ${no} er lest som radens siste verdi, men kan være et sidetall`, deviationCloses);
      // one cell per line: the row goes on while its cells keep coming alone
      last = row.lone ? { ...row, atoms: joined } : null;
      return;
    }
    if (tail.label === "" && pending.length > 0 && atoms.length < k && atoms.length + pending.length <= k) {
      atoms = [...pending, ...atoms];
      label[label.length - 1] = cellTailLabel(label[label.length - 1]!);
    }
    pending = [];
    if (isGroupRow(label, tail.label)) label = [];
    const rowLabel = joinLabel([...label, tail.label]);
    // a row the table's kind cannot have («Antall nye parsellhager 3 4» under sick leave) starts another table
    if (foreignRow(table.kind, rowLabel, atoms)) {
      return labelFrom >= 0 ? labelFrom : i;
    }
    const centeredNow = tail.label === "" && label.length > 0;
    label = [];
    labelFrom = -1;
    // a value alone on its line under its label: the table may set each cell on a line of its own
    const lone = tail.label === "" && atoms.length === 1 && k > 1;
    const rowUnsure = unsure;
    unsure = null;
    const review_ = rowUnsure === null ? [] : [`linjen «${rowUnsure}» er lest som starten av denne radens tekst, men kan høre til raden over`];
    const current: LastRow = { atoms, label: rowLabel, no, out: out.length, findings: findings.length, lone, centered: centeredNow && !lone, review: review_ };
    last = rowLabel === "" ? null : current;
    emit(atoms, rowLabel, no);
    review(current);
    return undefined;
  }

  /** A row whose label lines are not proven its own: its indicators are read, for review, each doubt a finding on its line. */
  function review(row: LastRow, whys: readonly string[] = row.review): void {
    for (const ind of out.slice(row.out)) {
      if (whys.length === 0) break;
      ind.needsReview = true;
      findings.push(...whys.map((why): Finding => ({ severity: "info", code: "UNCONFIRMED_READING", line: ind.line, message: `${row.label}: ${why}` })));
    }
  }

  /** The last row again, with more cells: its indicator and findings are redone. */
  function redo(row: LastRow, atoms: Atom[]): void {
    out.length = row.out;
    findings.length = row.findings;
    emit(atoms, row.label, row.no);
    review(row);
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


/** A line of a positional table, or "prose" (text running across the columns: the table has ended). */
function readRowLine(index: number, no: number, text: string, columns: readonly LayoutColumn[]): RowLine | "prose" {
  const k = columns.length;
  const valueStart = columns[0]!.start;
  const row: RowLine = { index, no, text, label: "", cells: Array<string | null>(k).fill(null), values: false, text_: false, crossed: false };
  const label: string[] = [];
  let lastColumn = -1;
  const all = layoutCells(text);
  const numbersAfter = (c: (typeof all)[number]) => {
    const rest = all.slice(all.indexOf(c) + 1);
    return rest.length > 0 && rest.every((r) => isCellsOnly(cellTail(r.text)));
  };
  for (const c of all) {
    const tail = cellTail(c.text);
    const isValue = isCellsOnly(tail);
    if (!row.values && c.start < valueStart - 1 && isValue && c.end <= valueStart) {
      // numbers at the left, where labels stand: the line is not laid out by the header's columns
      row.cells = null;
      row.values = true;
      row.crossed = true;
      continue;
    }
    if (!row.values && c.start < valueStart - 1 && !(isValue && c.end > valueStart)) {
      if (c.end > valueStart + 1) {
        // a label running into the columns with the row's numbers after it, two spaces apart
        // («Korrigerte brutto driftsutgifter i  852 949  1 146 900 …»): its cells are read by count, as the word-based reader reads them
        if (tail.atoms.length === 0 && numbersAfter(c)) {
          label.push(c.text);
          row.cells = null;
          continue;
        }
        // a label line a little into the first column (it wraps there), a label and numbers with one space between, or prose across the columns
        if (tail.atoms.length === 0 && k > 1 && c.end < columns[1]!.start && all.length === 1) {
          label.push(c.text);
          continue;
        }
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
export function rowsLaidOut(lines: readonly Line[], from: number, columns: readonly LayoutColumn[], headerLines: number): boolean {
  let seen = 0;
  let placed = false;
  /** Prose after the rows (the rows read so far decide), or a line not laid out by the header (none is). */
  let stop: "prose" | "crossed" | null = null;
  // the lines the positional reader would walk, its first eight rows at the most
  walkTable(lines, from, indicatorLayoutRows, (i) => {
    const row = readRowLine(i, lines[i]!.no, lines[i]!.text, columns);
    if (row === "prose" || row.crossed) {
      stop = row === "prose" ? "prose" : "crossed";
      return i;
    }
    if (row.cells !== null && row.cells.filter((c) => c !== null).length >= 2) placed = true;
    return ++seen < 8 ? undefined : i;
  });
  if (stop === "crossed") return false;
  return placed || (stop === null && headerLines > 1);
}


/**
 * The rows of an indicator table laid out by position. A row's label may wrap over several lines
 * with its cells on the first, a middle or the last one: a label starts with a capital, its
 * continuations do not, and a blank line ends it. Cells go to the column their position gives;
 * a row whose cells cannot be placed so is read as the word-based reader reads it (by count and
 * arithmetic, with the same findings), and one with text among its cells is withheld.
 */
export function readLayoutRows(
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
  // a blank line parts rows
  walkTable(lines, from, indicatorLayoutRows, readLine, () => {
    cur = null;
  });
  return groupRows();

  /** One line of the table, to the row group it opens or goes on; prose ends the table. */
  function readLine(i: number, blanksBefore: number): number | undefined {
    const { text, no } = lines[i]!;
    const row = readRowLine(i, no, text, columns);
    if (row === "prose") return i;
    const blankBefore = blanksBefore > 0;
    // a text cell wrapped onto a line of its own ("Ingen" / "måling"), or beside the label's next line ("skolestart   ikke tall"): it goes on in the line above
    if ((row.label === "" || !startsLabel(row.label)) && row.text_ && row.cells !== null && row.cells.every((c) => c === null || valueOf(c) === null) && cur) {
      const above = [...cur.lines].reverse().find((l) => l.values && l.cells !== null);
      if (above && above.cells!.every((c, j) => row.cells![j] === null || c === null || valueOf(c) === null)) {
        row.cells.forEach((c, j) => {
          if (c !== null) above.cells![j] = above.cells![j] ? `${above.cells![j]} ${c}` : c;
        });
        above.text_ = true;
        if (row.label === "") return;
        // what is left is a line of the label
        row.cells = Array<string | null>(columns.length).fill(null);
        row.values = false;
        row.text_ = false;
      }
    }
    if (cur === null || (row.label !== "" && startsLabel(row.label))) {
      cur = { lines: [], blankBefore };
      groups.push(cur);
    }
    cur.lines.push(row);
    return undefined;
  }

  /** The row groups as rows: labels with their cells, each row's indicators emitted; returns the line after the last row. */
  function groupRows(): number {
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
      /** Why the row's label is not proven (a line that may belong to the row above or below): read, for review. */
      review?: string[];
    }
    const doubt = (r: Row | undefined, why: string) => {
      if (r) (r.review ??= []).push(why);
    };
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
        // a cell wrapped in its column («Bydelen har» / «ikke tall», «minst» / «100%», «minst 16» / «%»), the row's
        // other cells beside its last line: the row goes on, the cell's lines joined
        const wrap = open && l.label === "" && labels.length === 0 && open.value.length === 1 ? wrapped(open.value[0]!, l) : null;
        if (open && wrap) {
          const above = open.value[0]!;
          l.cells!.forEach((c, j) => {
            if (c !== null && above.cells![j] !== null) {
              above.cells![j] = `${above.cells![j]} ${c}`;
              l.cells![j] = null;
            }
          });
          open.value.push(l);
          open.last = l.index;
          // digits on both lines («minst 2» / «904»): one number broken at its thousands space, or two cells
          if (wrap === "digits") doubt(open, `en celle står over to linjer (${above.cells!.filter((c) => c !== null && /\d \d{3}/u.test(c)).join(", ")}) og er lest som ett tall`);
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
      if (g.lines.length === 1 && isGroupLabel(orphan.label[0]!)) return; // a one-word group row ("Barnevern")
      const prev = byGroup[gi - 1]?.at(-1);
      const next = byGroup[gi + 1]?.[0];
      const quoted = `«${orphan.label.join(" ")}»`;
      if (topStyle && prev && prev.value.length > 0 && !g.blankBefore) {
        prev.label.push(...orphan.label);
        prev.last = orphan.last;
        own.length = 0;
        // a label starts with a capital, so the line may as well open the next row's label
        doubt(prev, `linjen ${quoted} er lest som slutten av denne radens tekst, men kan høre til raden under`);
        if (next && next.value.length > 0 && !groups[gi + 1]!.blankBefore) doubt(next, `linjen ${quoted} over er lest som slutten av raden over, men kan høre til denne raden`);
      } else if (next && next.value.length > 0 && !groups[gi + 1]!.blankBefore) {
        next.label.unshift(...orphan.label);
        own.length = 0;
        doubt(next, `linjen ${quoted} er lest som starten av denne radens tekst, men kan høre til raden over`);
        if (prev && prev.value.length > 0 && !g.blankBefore) doubt(prev, `linjen ${quoted} under er lest som starten av raden under, men kan høre til denne raden`);
      } else if (prev && prev.value.length > 0) {
        // left alone: the nearest row above is read without it, for review
        doubt(prev, `linjen ${quoted} under har ingen tall og er ikke lest med noen rad; den kan høre til denne raden`);
      }
    });
    // a label that ends in a colon («Foreldreundersøkelse:») goes on: the row right below may hold the rest of it
    byGroup.forEach((own, gi) => {
      const r = own.at(-1);
      const next = byGroup[gi + 1]?.[0];
      const text = r?.label.filter((s) => s !== "").join(" ").trim() ?? "";
      if (!r || r.value.length === 0 || !goesOn(text) || !next || next.value.length === 0 || groups[gi + 1]!.blankBefore) return;
      const first = next.label.find((s) => s !== "") ?? "";
      doubt(r, `teksten ender med kolon, og linjen «${first}» under kan høre til denne raden`);
      doubt(next, `linjen «${first}» er lest som starten av denne radens tekst, men kan høre til raden over («${text}»)`);
    });
    for (const own of byGroup) rows.push(...own);

    const textOf = (r: Row) => joinLabel(r.label);
    // a label in lower case is the end of another's, wrapped away from it (over a page break): it may be only a fragment, and the row above lacks it
    let above: Row | null = null;
    for (const r of rows) {
      if (r === null || r.value.length === 0 || textOf(r) === "") continue;
      const label = textOf(r);
      if (!startsLabel(label) && !indicatorTable(table.kind).rowLabels?.test(label)) {
        doubt(r, `teksten begynner med liten bokstav og kan være bare en del av radens tekst, eller høre til raden over`);
        doubt(above ?? undefined, `linjen «${r.label.find((s) => s !== "")}» under begynner med liten bokstav og kan høre til denne raden`);
      }
      above = r;
    }
    // cells with no label (a wrapped cell's other lines beside the row's numbers, not placed): the row above may lack them
    // (column words and years alone are a header's top lines printed again over a page break: «Avvik» / «2024»)
    const headerWords = (r: Row) => r.value.every((v) => layoutCells(v.text).every((c) => indicatorHeaderFragment.test(c.text)));
    let labelled: Row | null = null;
    for (const r of rows) {
      if (r === null || r.value.length === 0) continue;
      if (textOf(r) !== "") labelled = r;
      else if (!headerWords(r)) doubt(labelled ?? undefined, `linjen ${r.value[0]!.no} under har celler uten radtekst som ikke er lest; de kan høre til denne raden`);
    }
    for (const r of rows) {
      if (r === null || r.value.length === 0) continue;
      end = Math.max(end, r.last + 1);
      const label = textOf(r);
      const no = r.value[0]!.no;
      if (label === "") {
        // cells with no label beside or above them: not dropped in silence
        if (!headerWords(r)) findings.push({ severity: "warning", code: "UNREADABLE_ROW", line: no, message: `Linje ${no}: cellene (${r.value.map((v) => layoutCells(v.text).map((c) => c.text).join(" | ")).join(" / ")}) står uten radtekst og hører ikke til noen rad som er lest; de er ikke importert` });
        continue;
      }
      const before = out.length;
      emitRow(r, label, no);
      for (const ind of out.slice(before)) {
        if (!r.review) break;
        ind.needsReview = true;
        findings.push(...r.review.map((why): Finding => ({ severity: "info", code: "UNCONFIRMED_READING", line: ind.line, message: `${label}: ${why}` })));
      }
    }
    return Math.max(end, from);

    function emitRow(r: Row, label: string, no: number): void {
      const positional = r.value.every((v) => v.cells !== null) ? merge(r.value.map((v) => v.cells!)) : null;
      if (positional && positional.every((c, j) => c === null || !COMPARED.test(c) || columns[j]!.kind === "target")) {
        emitPlaced({ cells: positional, confirmed: true, alternatives: [] }, label, no, table, year, out, findings);
        return;
      }
      if (r.value.some((v) => v.text_)) {
        findings.push({
          severity: "warning",
          code: "UNREADABLE_ROW",
          line: no,
          message: `${label}: cellene (${r.value.map((v) => layoutCells(v.text).map((c) => c.text).join(" | ")).join(" / ")}) kan ikke plasseres i kolonnene etter posisjon, og raden har tekst blant tallene; raden er ikke importert`,
        });
        return;
      }
      // not placed by position: by count and arithmetic, as the word-based reader does
      const atoms = r.value.flatMap((v) => cellTail(v.text).atoms);
      if (atoms.length === 0) return;
      const placed = chooseCells(atoms, table, label, no, findings);
      if (placed !== null) emitPlaced(placed, label, no, table, year, out, findings);
    }

    /**
     * The lower line's cells go on the upper's in the same columns, and stand blank or beside them elsewhere:
     * "text" (words on both lines, or a target's words then its number: «minst» / «100%»; a number then its unit:
     * «minst 16» / «%»), "digits" (digits on both: a number broken at its thousands space), or null.
     */
    function wrapped(a: RowLine, b: RowLine): "text" | "digits" | null {
      if (a.cells === null || b.cells === null) return null;
      const both = a.cells.map((c, j) => (c !== null && b.cells![j] !== null ? j : -1)).filter((j) => j >= 0);
      if (both.length === 0) return null;
      let digits = false;
      for (const j of both) {
        const up = a.cells[j]!.trim();
        const down = b.cells[j]!.trim();
        if (/\p{L}{2}/u.test(up) && /\p{L}{2}/u.test(down) && !/\d/u.test(up + down)) continue;
        if (isOperatorAlone(up) && /\d/u.test(down)) continue;
        if (/\d$/u.test(up) && isUnitAlone(down)) continue;
        if (/(?:^|\D)\d{1,3}$/u.test(up) && /^\d{3}(?:[ \u00A0]\d{3})*(?:[.,]\d+)?\s*%?$/u.test(down)) {
          digits = true;
          continue;
        }
        return null;
      }
      return digits ? "digits" : "text";
    }
    function disjoint(a: RowLine, b: RowLine): boolean {
      return a.cells !== null && b.cells !== null && a.cells.every((c, j) => c === null || b.cells![j] === null);
    }
    function merge(all: (string | null)[][]): (string | null)[] {
      return all.reduce((acc, c) => acc.map((x, j) => x ?? c[j] ?? null));
    }
  }
}

/** Cells of two lines as one row's: a number never goes on across lines (the lower line's first atom starts a cell), and a sign ending the upper line stands alone. */
function acrossLines(above: readonly Atom[], below: readonly Atom[]): Atom[] {
  return [...above.map((a, j) => (j === above.length - 1 ? { ...a, sign: false } : a)), ...below.map((a, j) => (j === 0 ? { ...a, tail: false } : a))];
}


function cellTailLabel(text: string): string {
  return cellTail(text).label;
}
