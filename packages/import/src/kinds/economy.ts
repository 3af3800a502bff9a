import { budgetTableIds, columnAnchor, FO4, FO4_PART_BY_FUNCTION, FO4_PARTS, isDistrictTable, isFo4Part, tableBasis, tableIds } from "@bydel/core";
import type { BudgetRow, BudgetTable, BudgetTableId, Finding, VarianceSplit, VarianceSplitRow } from "@bydel/core";
import { areaOf, isColumnHeader, isHeaderLine, isProse, isTotalLabel, kostraOf, startsRow } from "../tables/grammar.js";
import { lineByNo, type Line } from "../source/lines.js";
import { columnAnchors, enumerateReadings, sameMoney, type Reading } from "../cells/readings.js";
import { readRows, type RawRow } from "../rows/rows.js";
import { solveTable, type RowSolution, type SumEquation } from "../solve/solve.js";
import { formatAmount } from "../report/formatAmount.js";
import { orphanRows, tablesWithoutTotal, unaccountedRows } from "../rows/unaccounted.js";
import { findUnitTables, type UnitColumn, type UnitTable } from "../tables/unitTable.js";
import {
  anchorFilter,
  budgetColumns,
  byColumn,
  budgetIdentity,
  captionFilter,
  economyHeader,
  economyLineFilter,
  economyTables,
  flippedIdentity,
  splitColumns,
  splitIdentity,
  unitTable,
  type Identity,
} from "../tables/registry.js";

/**
 * Finds the economy tables of a report (Tabell 0.1 / 0.1 B, the "Hovedoversikt økonomi FOx"
 * tables, and the earmarked/ordinary split tables), reads every row's columns by search, and
 * reports headings whose table is missing from the text.
 */

type Heading =
  | { kind: "t01"; id: (typeof economyTables.t01.ids)[number]; line: number; title: string }
  | { kind: "fo"; area: string; line: number; title: string }
  | { kind: "sub"; area: string; line: number; title: string }
  | { kind: "split"; line: number; title: string };

const T01 = economyTables.t01.caption;
const FO = economyTables.fo.caption;
const SPLIT = economyTables.split.caption;
const SUB = economyTables.fo4Part.caption;

function isAnchor(text: string): boolean {
  return text.length <= 200 && anchorFilter.test(text) && economyHeader.anchor.test(text) && !/[.:]\s*$/u.test(text) && !isProse(text);
}

/** No anchor line follows a caption before the next caption: its header has another form, so the caption starts the header. */
function noAnchorAhead(lines: readonly Line[], from: number): boolean {
  for (let j = from + 1; j < lines.length && j < from + HEADER_SPAN; j++) {
    if (isAnchor(lines[j]!.text)) return false;
    if (headingOf(lines[j]!)) return true;
  }
  return true;
}
const HEADER_SPAN = 40;

function headingOf(line: Line): Heading | null {
  const text = line.text.trim();
  if (text.length > 160 || !captionFilter.test(text)) return null;
  if (T01.test(text)) return { kind: "t01", id: economyTables.t01.idOf(text), line: line.no, title: text };
  if (SPLIT.test(text)) return { kind: "split", line: line.no, title: text };
  let m = FO.exec(text);
  if (m) return { kind: "fo", area: `FO${m[1]!.toUpperCase()}`, line: line.no, title: text };
  m = SUB.exec(text);
  if (m && text.length < 80) return { kind: "sub", area: `FO4${m[1]!.toUpperCase()}`, line: line.no, title: text };
  return null;
}

interface Body {
  readonly kind: "budget" | "split";
  readonly headerLine: number;
  readonly rows: RawRow[];
  readonly end: number;
}

/** From an anchor line, the header block up to the first row, and the rows after it. */
function readBody(lines: readonly Line[], anchor: number, structural = false): Body | null {
  let header = "";
  let i = anchor;
  for (; i < lines.length && i < anchor + HEADER_SPAN; i++) {
    const t = lines[i]!.text;
    if (i > anchor && startsRow(t) && !isHeaderLine(t)) break;
    // running text between an anchor and the rows: the anchor was a sentence, not a table's header
    if (i > anchor && isProse(t)) return null;
    // a header never reaches over another caption: that caption starts its own table (the one before was a picture)
    if (i > anchor && headingOf(lines[i]!)) return null;
    header += ` ${t}`;
  }
  if (i >= lines.length || i >= anchor + HEADER_SPAN) return null;
  // a header laid out by position may put its column words above the anchor cell («Avvik reg.bud/» over «Netto driftsutgifter»)
  for (let j = anchor - 1; j >= 0 && j >= anchor - 3; j--) {
    const t = lines[j]!.text;
    if (t.trim() === "" || startsRow(t) || isProse(t) || headingOf(lines[j]!)) break;
    header = `${t} ${header}`;
  }
  if (!economyHeader.required.test(header)) return null;
  const split = economyHeader.split.test(header);
  if (!split && !economyHeader.budget.test(header)) return null;
  const { rows, end } = readRows(lines, i);
  if (rows.length === 0) return null;
  return { kind: split ? "split" : "budget", headerLine: lines[anchor]!.no, rows, end };
}

/** Which rows each total sums: the rows since the previous total, plus that total (cascading totals). */
export function sumStructure(rows: readonly { isTotal: boolean }[]): SumEquation[] {
  const equations: SumEquation[] = [];
  let previousTotal: number | null = null;
  let since: number[] = [];
  const topTotals: number[] = [];
  rows.forEach((row, i) => {
    if (!row.isTotal) {
      since.push(i);
      return;
    }
    let addends: number[];
    if (since.length > 0) addends = previousTotal === null ? since : [previousTotal, ...since];
    else addends = topTotals.filter((t) => t !== previousTotal || topTotals.length === 1);
    if (addends.length > 0 && !(addends.length === 1 && addends[0] === i)) equations.push({ total: i, addends });
    for (const a of addends) {
      const k = topTotals.indexOf(a);
      if (k >= 0) topTotals.splice(k, 1);
    }
    topTotals.push(i);
    previousTotal = i;
    since = [];
  });
  return equations;
}


/**
 * The identity that picks readings: avvik = regulert − regnskap, as the report template defines it;
 * a table that plainly prints regnskap − regulert instead (most rows keep only that) is read by its
 * own sign, and the checks then report the sign.
 */
const BUDGET = budgetColumns.length;
const SPLIT_COLUMNS = splitColumns.length;
const VARIANCE = budgetColumns.indexOf("variance");

function budgetIdentityOf(inputs: readonly { readings: readonly Reading[] }[]): (v: readonly (number | null)[]) => boolean {
  const nonZero = (v: readonly (number | null)[]) => (v[VARIANCE] ?? 0) !== 0;
  let normal = 0;
  let flipped = 0;
  for (const { readings } of inputs) {
    if (readings.some((r) => nonZero(r.values) && budgetIdentity(r.values))) normal++;
    else if (readings.some((r) => nonZero(r.values) && flippedIdentity(r.values))) flipped++;
  }
  return flipped >= 2 && flipped > normal ? flippedIdentity : budgetIdentity;
}

interface Solved {
  readonly raw: RawRow;
  readonly solution: RowSolution;
  readonly isTotal: boolean;
}

/** Rows from other tables (e.g. Tabell 0.1 B's FO4 row, FO4B's total) and the equations that tie them to this table. */
interface CrossTie {
  /** Readings per outside row: one when that table decided it, its candidates when it could not. */
  readonly outside: Reading[][];
  /** Indexes ≥ the table's row count refer to `outside`. */
  readonly equations: SumEquation[];
}

interface SolvedBody {
  readonly rows: Solved[];
  readonly equations: SumEquation[];
  readonly sumsClose: boolean;
}

function fixedReading(values: (number | null)[]): Reading {
  return { values, groupCounts: values.map(() => 0), blanks: [], layoutCost: 0, spread: 0 };
}

function blankAlternative(readings: readonly Reading[], columns: number): Reading {
  return {
    values: Array<number | null>(columns).fill(null),
    groupCounts: Array<number>(columns).fill(0),
    blanks: [],
    layoutCost: Math.min(...readings.map((r) => r.layoutCost)),
    spread: Math.min(...readings.map((r) => r.spread)),
  };
}

/** A row whose few numbers the sums showed to be the label's digits or a page number. */
function readAsBlank(s: Solved): boolean {
  return s.raw.labelIfBlank !== undefined && s.solution.chosen !== null && s.solution.chosen.values.every((v) => v === null);
}

/** The label as printed: with its trailing digits when the row reads as blank (they were the label's). */
function labelOf(s: Solved): string {
  const { raw, solution } = s;
  return readAsBlank(s) ? raw.labelIfBlank! : raw.label;
}

function solveBody(rowsIn: readonly RawRow[], columns: number, cross?: CrossTie, identity?: Identity): SolvedBody {
  // a wide gap marks a blank only in a table that otherwise sets its numbers one space apart
  const gapHints = rowsIn.filter((row) => row.groups.some((g, i) => i > 0 && g.gap >= 2)).length <= 1;
  const anchors = columnAnchors(rowsIn.map((r) => r.groups), columns, columnAnchor.slack, columnAnchor.minRows);
  const inputs = rowsIn.map((row) => {
    const options = { columns, alwaysPrinted: columns === BUDGET ? VARIANCE : null, gapHints };
    let { readings, overflow } = enumerateReadings(row.groups, options);
    // where the layout shows the columns, a reading whose cells sit elsewhere is no reading; a row the anchors fit in no way keeps them all
    // the row's identity still confirms: positions never take away the only readings it confirms
    if (anchors && readings.length > 1) {
      const placed = enumerateReadings(row.groups, { ...options, anchors, slack: columnAnchor.slack });
      const confirms = (r: Reading) => (columns === BUDGET ? economyTables.t01 : economyTables.split).identities.some((id) => id(r.values));
      if (placed.readings.length > 0 && (placed.readings.some(confirms) || !readings.some(confirms))) ({ readings, overflow } = placed);
    }
    // digits that may be the label's: the row may also be blank, on an equal footing (only the sums can tell)
    if (row.labelIfBlank !== undefined && readings.length > 0) readings.push(blankAlternative(readings, columns));
    return { readings, overflow, blank: row.groups.length === 0 };
  });
  const flags = rowsIn.map((r) => ({ isTotal: isTotalLabel(r.label) }));
  const equations = sumStructure(flags);
  const extra = cross?.outside.map((readings) => ({ readings, overflow: false })) ?? [];
  const solved = solveTable([...inputs, ...extra], [...equations, ...(cross?.equations ?? [])], {
    columns,
    identity: identity ?? (columns === BUDGET ? budgetIdentityOf(inputs) : splitIdentity),
  });
  const rows = rowsIn.map((raw, i) => ({ raw, solution: solved.rows[i]!, isTotal: flags[i]!.isTotal }));
  // the table's own sums decide whether its rows need review; the tie to other tables only helps choose
  const own = cross ? solveTable(rows.map((r) => ({ readings: r.solution.chosen ? [r.solution.chosen] : [], overflow: false, blank: r.raw.groups.length === 0 })), equations, { columns, identity: () => true }).sumsClose : solved.sumsClose;
  return { rows, equations, sumsClose: own };
}

function rowFindings(rows: readonly Solved[], columns: number, context: string): Finding[] {
  const findings: Finding[] = [];
  for (const s of rows) {
    const { raw, solution } = s;
    if (raw.groups.length > 0 && solution.candidates.length === 0) {
      findings.push({
        severity: "warning",
        code: "UNREADABLE_ROW",
        line: lineOf(s),
        message: `${context}: raden «${raw.label}» kan ikke leses som ${columns} kolonner (${raw.groups.length} tallgrupper); verdiene er ikke importert`,
      });
    } else if (solution.decision === "ambiguous") {
      findings.push({
        severity: "warning",
        code: "AMBIGUOUS_NUMBERS",
        line: lineOf(s),
        message: `${context}: raden «${raw.label}» kan leses på ${solution.candidates.length} måter (${solution.candidates
          .slice(0, 4)
          .map((c) => c.values.map(formatAmount).join(" | "))
          .join(" eller ")}); verdiene er ikke importert`,
        candidates: solution.candidates.slice(0, MAX_ROW_CANDIDATES).map((c) => [...c.values]),
      });
    } else if (solution.decision === "layout" && solution.chosen && solution.candidates.some((c) => !sameMoney(c.values, solution.chosen!.values))) {
      const alternatives = solution.candidates.filter((c) => !sameMoney(c.values, solution.chosen!.values));
      findings.push({
        severity: "info",
        code: "UNCONFIRMED_READING",
        line: lineOf(s),
        message:
          `${context}: raden «${raw.label}» er lest som ${solution.chosen!.values.map(formatAmount).join(" | ")}; regnestykkene kan ikke skille den fra ` +
          `${alternatives
            .slice(0, 3)
            .map((c) => c.values.map(formatAmount).join(" | "))
            .join(" eller ")}, så lesingen bygger på oppsettet i teksten (mellomrom, tallenes størrelse). Kontroller mot PDF-en.`,
        candidates: solution.candidates.slice(0, MAX_ROW_CANDIDATES).map((c) => [...c.values]),
      });
    } else if (raw.groups.length === 0 && hasStrayDigits(raw.label)) {
      findings.push({
        severity: "warning",
        code: "UNREADABLE_ROW",
        line: lineOf(s),
        message: `${context}: raden «${raw.label}» har tall som ikke kan leses som beløp (desimaler eller tekst mellom tallene); verdiene er ikke importert`,
      });
    }
  }
  return findings;
}

/** Digits left in a label once its KOSTRA code, area number and footnote marks are taken off. */
function hasStrayDigits(label: string): boolean {
  const rest = label
    .replace(/^\d{3}\s/, "")
    .replace(/(funksjonsomr[åa]de|funk\.?\s*omr\.?|\bf[o0])\s*\d\s*[abc]?,?/giu, "")
    .replace(/\*\)|\d\)/g, "");
  return /\d[\d\s]*[.,]\d|\d\s\d{3}\b/u.test(rest);
}

/** A row read on the layout alone, breaking its identity, in a table whose sums do not close, or withheld (its nulls are unknown, not blank). */
function needsReview(s: Solved, sumsClose: boolean): boolean {
  const withheld = s.solution.chosen === null && s.raw.groups.length > 0;
  return withheld || s.solution.decision === "layout" || s.solution.identityBroken || (!sumsClose && s.solution.chosen !== null);
}

type SharedFields = Pick<BudgetRow, "line" | "label" | "kostra" | "isTotal">;

/** The line a row is reported on: its numbers' line, or its first line when those numbers may be a page number or label digits and it is not read with them. */
function lineOf(s: Solved): number {
  return s.raw.labelIfBlank !== undefined && (s.solution.chosen === null || readAsBlank(s)) ? s.raw.firstLine : s.raw.line;
}

/** Rows of either table kind: the shared fields, the sums they total and the review flag; `fields` names the values. */
/** At most this many readings of a withheld row are listed (in its finding and on the row). */
const MAX_ROW_CANDIDATES = 20;

function toRows<R extends SharedFields & { sumOf?: number[]; needsReview?: boolean; candidates?: (number | null)[][] }>(
  rows: readonly Solved[],
  equations: readonly SumEquation[],
  sumsClose: boolean,
  columns: number,
  fields: (shared: SharedFields, v: readonly (number | null)[], s: Solved) => R,
): R[] {
  return rows.map((s, i) => {
    const v = s.solution.chosen?.values ?? Array<number | null>(columns).fill(null);
    const row = fields({ line: lineOf(s), label: labelOf(s), kostra: kostraOf(s.raw.label), isTotal: s.isTotal }, v, s);
    const eq = equations.find((e) => e.total === i);
    if (eq) row.sumOf = eq.addends.map((a) => lineOf(rows[a]!));
    if (needsReview(s, sumsClose)) row.needsReview = true;
    // Withheld: the readings go with the row, so that the sum checks can test them.
    if (s.solution.decision === "ambiguous") row.candidates = s.solution.candidates.slice(0, MAX_ROW_CANDIDATES).map((c) => [...c.values]);
    return row;
  });
}

function toBudgetRows(rows: Solved[], equations: SumEquation[], sumsClose: boolean, withArea: boolean): BudgetRow[] {
  return toRows(rows, equations, sumsClose, BUDGET, (shared, v, s): BudgetRow => {
    const row: BudgetRow = { ...shared, ...byColumn(budgetColumns, v) };
    if (withArea) row.area = s.isTotal ? null : areaOf(s.raw.label);
    return row;
  });
}

function toSplitRows(rows: Solved[], equations: SumEquation[], sumsClose: boolean): VarianceSplitRow[] {
  return toRows(rows, equations, sumsClose, SPLIT_COLUMNS, (shared, v, s): VarianceSplitRow => ({
    ...shared,
    ...byColumn(splitColumns, v),
    area: s.isTotal ? null : areaOf(s.raw.label),
  }));
}

/** The result per unit with and without earmarked funds, as a split with id "enhet"; its budget columns go along. */
function unitSplit(table: UnitTable, findings: Finding[]): VarianceSplit {
  const { columns } = table;
  const solved = solveBody(table.rows, columns.length, undefined, unitTable.identity(columns));
  findings.push(...rowFindings(solved.rows, columns.length, "Resultat per enhet"));
  const rows = toRows(solved.rows, solved.equations, solved.sumsClose, columns.length, (shared, v, s): VarianceSplitRow => {
    const value = (c: UnitColumn) => (columns.includes(c) ? (v[columns.indexOf(c)] ?? null) : undefined);
    const row: VarianceSplitRow = {
      ...shared,
      variance: value("variance")!,
      earmarkedVariance: value("earmarkedVariance")!,
      ordinaryVariance: value("ordinaryVariance")!,
      area: s.isTotal ? null : areaOf(s.raw.label),
    };
    for (const c of ["originalBudget", "revisedBudget", "actual"] as const) if (columns.includes(c)) row[c] = value(c)!;
    return row;
  });
  return { id: unitTable.id, line: table.line, title: table.title, rows };
}

/** FO4 is often printed as three tables; the Sum label ("Sum FO4B") or the KOSTRA codes tell them apart. */
function subArea(rows: readonly RawRow[], fallback: string): string {
  for (const r of rows) {
    const m = /\bf[o0]\s?4\s?([abc])\b/iu.exec(r.label);
    if (m && isTotalLabel(r.label)) return `FO4${m[1]!.toUpperCase()}`;
  }
  if (fallback !== FO4) return fallback;
  const codes = rows.map((r) => kostraOf(r.label)).filter((c): c is string => c !== null);
  const part = codes.length > 0 ? FO4_PART_BY_FUNCTION[codes[0]!] : undefined;
  return part && codes.every((c) => c === codes[0]) ? part : FO4;
}

export interface EconomyResult {
  budgetTables: BudgetTable[];
  varianceSplits: VarianceSplit[];
  findings: Finding[];
}

const BUDGET_IDS = new Set<string>(budgetTableIds);

/** Indexes of the lines that may be a caption or a table header: one search over the text instead of a test per line. */
function candidateLines(lines: readonly Line[]): Set<number> {
  const starts: number[] = [];
  let offset = 0;
  const text = lines
    .map((l) => {
      starts.push(offset);
      offset += l.text.length + 1;
      return l.text;
    })
    .join("\n");
  const out = new Set<number>();
  let k = 0;
  for (const m of text.matchAll(economyLineFilter)) {
    while (k + 1 < starts.length && starts[k + 1]! <= m.index) k++;
    out.add(k);
  }
  return out;
}

interface Pending {
  readonly kind: "budget" | "split";
  id: string;
  readonly title: string;
  readonly line: number;
  readonly basis: "gross" | "net";
  rows: RawRow[];
  /** The caption's area, for an FO table named by its rows ("Sum FO4B", KOSTRA 276). */
  readonly area?: string;
}

export function readEconomy(lines: readonly Line[]): EconomyResult {
  const findings: Finding[] = [];
  const headings: Heading[] = [];
  const pending: Pending[] = [];
  let context: Heading | null = null;
  let sub: Heading | null = null;
  let split: Heading | null = null;

  const candidates = candidateLines(lines);
  for (let i = 0; i < lines.length; i++) {
    if (!candidates.has(i)) continue;
    const line = lines[i]!;
    const h = headingOf(line);
    if (h) {
      headings.push(h);
      if (h.kind === "t01" || h.kind === "fo") {
        context = h;
        sub = null;
      } else if (h.kind === "sub") sub = h;
      else split = h;
      if (h.kind === "sub" || !noAnchorAhead(lines, i)) continue;
    } else if (!isAnchor(line.text) && !isColumnHeader(line.text)) continue;
    const structural = !h && !isAnchor(line.text);
    const body = readBody(lines, i, structural);
    if (!body) continue;
    // a header found by its structure alone must stand over budget rows: KOSTRA functions or service areas
    // (or a part of totals alone, going on the table whose caption still holds: «Sum … + sosialhjelp» after a page break)
    const totalsGoOn = body.rows.every((r) => isTotalLabel(r.label)) && context !== null && pending[pending.length - 1]?.line === context.line;
    if (structural && (body.kind !== "budget" || body.rows.some((r) => /\p{Ll}{3,}[.!?]\s+\p{Lu}/u.test(r.label)) || !(budgetRowsUnder(body.rows) || totalsGoOn))) continue;
    const anchorText = line.text;
    i = body.end - 1;
    const details = body.rows.filter((r) => !isTotalLabel(r.label));
    const hasAreaRows = details.length > 0 && details.filter((r) => areaOf(r.label) !== null).length * 2 >= details.length;
    const subCaption = context?.kind === "fo" && sub && sub.line > context.line ? sub : null;
    let next: Pending | null = null;
    if (body.kind === "budget") {
      if (context?.kind === "t01") {
        // a part of totals alone («Sum … + sosialhjelp» after a page break) goes on the table above it
        const totalsOnly = details.length === 0 && pending[pending.length - 1]?.line === context.line;
        if (hasAreaRows || totalsOnly) next = { kind: "budget", id: context.id, title: context.title, line: context.line, basis: tableBasis(context.id), rows: body.rows };
      } else if (context?.kind === "fo") {
        const caption = subCaption ?? context;
        const area = subCaption ? (subCaption as { area: string }).area : context.area;
        next = { kind: "budget", id: subArea(body.rows, area), title: caption.title, line: caption.line, basis: "net", rows: body.rows, area };
      } else if (hasAreaRows) {
        const id = economyTables.t01.idOf(anchorText);
        next = { kind: "budget", id, title: anchorText.trim(), line: body.headerLine, basis: tableBasis(id), rows: body.rows };
      }
      if (next && !BUDGET_IDS.has(next.id)) next = null;
    } else {
      const id =
        hasAreaRows || context?.kind === "t01"
          ? tableIds.net
          : context?.kind === "fo"
            ? subArea(body.rows, subCaption ? (subCaption as { area: string }).area : context.area)
            : "ukjent";
      const near = split && split.line <= body.headerLine && split.line > body.headerLine - 10 ? split : null;
      next = { kind: "split", id, title: near?.title ?? anchorText.trim(), line: near?.line ?? body.headerLine, basis: "net", rows: body.rows };
    }
    if (!next) continue;
    // a table broken by a page (its header printed again) continues: same table or same caption, no total yet;
    // the rows of both parts name the table ("Sum FO4A" after a first part that only said FO4)
    const last = [...pending].reverse().find((p) => p.kind === next!.kind);
    // («Sum netto utgifter, drift» before the break, «Sum netto utgift + sosialhjelp» after it: the same table goes on)
    const goesOn = (p: Pending): boolean =>
      !p.rows.some((r) => isTotalLabel(r.label)) || (p.id === next!.id && isDistrictTable(p.id) && !next!.rows.some((r) => p.rows.some((q) => q.label === r.label)));
    if (last && (last.id === next.id || last.line === next.line) && last === pending[pending.length - 1] && goesOn(last)) {
      last.rows = [...last.rows, ...next.rows];
      last.id = last.area !== undefined ? subArea(last.rows, last.area) : next.id;
    } else pending.push(next);
  }

  // a header and labels with no number at all is a table printed as an image: missing, not empty
  // (a part with only blank rows before a page break is kept until the next part joins it)
  const pieces = pending.filter((p) => p.rows.some((r) => r.groups.length > 0));
  const budget = pieces.filter((p) => p.kind === "budget").map((p) => ({ p, solved: solveBody(p.rows, BUDGET) }));
  // rows the table's own arithmetic leaves open: tie the table's total to Tabell 0.1 B (FO4A + FO4B + FO4C = FO4)
  const summary = budget.find((b) => b.p.id === tableIds.net);
  if (summary) {
    for (const b of budget) {
      if (!b.p.id.startsWith("FO") || !b.solved.rows.some((r) => r.solution.decision === "layout" || r.solution.decision === "ambiguous")) continue;
      const tie = crossTie(b, budget, summary.solved);
      if (tie) b.solved = solveBody(b.p.rows, BUDGET, tie);
    }
  }
  const budgetTables: BudgetTable[] = budget.map(({ p, solved }) => {
    findings.push(...rowFindings(solved.rows, BUDGET, `Tabell ${p.id}`));
    return {
      id: p.id as BudgetTableId,
      title: p.title,
      basis: p.basis,
      line: p.line,
      rows: toBudgetRows(solved.rows, solved.equations, solved.sumsClose, isDistrictTable(p.id)),
    };
  });
  const varianceSplits: VarianceSplit[] = pieces
    .filter((p) => p.kind === "split")
    .map((p) => {
      const solved = solveBody(p.rows, SPLIT_COLUMNS);
      findings.push(...rowFindings(solved.rows, SPLIT_COLUMNS, `Fordeling av avvik ${p.id}`));
      return { id: p.id, line: p.line, title: p.title, rows: toSplitRows(solved.rows, solved.equations, solved.sumsClose) };
    });
  const unitTables = findUnitTables(lines);
  for (const table of unitTables) varianceSplits.push(unitSplit(table, findings));
  findings.push(...missingTables(headings, budgetTables, varianceSplits, lines));
  const read = pieces.map((p) => ({ id: p.id, title: p.title, line: p.line, rowLines: p.rows }));
  const unaccounted = unaccountedRows(read, lines, (l) => headingOf(l) !== null);
  findings.push(...unaccounted.findings);
  // lines already reported with their table, and the per-unit table's rows, are no orphans
  const otherLines = new Set([...unaccounted.lines, ...unitTables.flatMap((t) => t.rows.flatMap((r) => Array.from({ length: r.line - r.firstLine + 1 }, (_, k) => r.firstLine + k)))]);
  findings.push(...orphanRows(read, lines, otherLines));
  findings.push(...tablesWithoutTotal(budgetTables, lines));
  return { budgetTables, varianceSplits, findings };
}

/** Most rows name a KOSTRA function or a service area (totals aside): the rows of a budget table. */
function budgetRowsUnder(rows: readonly RawRow[]): boolean {
  const details = rows.filter((r) => !isTotalLabel(r.label));
  return details.length > 0 && details.filter((r) => kostraOf(r.label) !== null || areaOf(r.label) !== null).length * 2 >= details.length;
}

/** The main total of a solved table: the last total no other total adds up. */
function mainTotalIndex(solved: SolvedBody): number | null {
  const inner = new Set(solved.equations.flatMap((e) => e.addends));
  for (let i = solved.rows.length - 1; i >= 0; i--) if (solved.rows[i]!.isTotal && !inner.has(i)) return i;
  return null;
}

function crossTie(b: { p: Pending; solved: SolvedBody }, all: readonly { p: Pending; solved: SolvedBody }[], summary: SolvedBody): CrossTie | null {
  const own = mainTotalIndex(b.solved);
  if (own === null) return null;
  const parts = isFo4Part(b.p.id) ? FO4_PARTS : [b.p.id];
  const area = parts.length > 1 ? FO4 : b.p.id;
  const ref = summary.rows.find((r) => !r.isTotal && areaOf(r.raw.label) === area)?.solution.chosen;
  if (!ref) return null;
  const outside: Reading[][] = [[fixedReading([...ref.values])]];
  const addends = [own];
  for (const part of parts) {
    if (part === b.p.id) continue;
    const other = all.find((x) => x.p.id === part);
    const t = other ? mainTotalIndex(other.solved) : null;
    const solution = t !== null ? other!.solved.rows[t]!.solution : undefined;
    // a sibling that could not decide its total joins with its candidates: FO4B and FO4C may decide each other
    const readings = solution?.chosen ? [fixedReading([...solution.chosen.values])] : [...(solution?.candidates ?? [])];
    if (readings.length === 0) return null;
    outside.push(readings);
    addends.push(b.solved.rows.length + outside.length - 1);
  }
  return { outside, equations: [{ total: b.solved.rows.length, addends }] };
}

/** Headings whose table never appears in the text (e.g. a table printed as an image). */
function missingTables(headings: readonly Heading[], tables: readonly BudgetTable[], splits: readonly VarianceSplit[], lines: readonly Line[]): Finding[] {
  const found = new Set(tables.map((t) => t.id as string));
  const findings: Finding[] = [];
  const reported = new Set<string>();
  for (const h of headings) {
    let id: string | null = null;
    if (h.kind === "t01") id = h.id;
    else if (h.kind === "fo" || h.kind === "sub") id = h.area;
    if (id === null || reported.has(id)) continue;
    const present = found.has(id) || (id === FO4 && FO4_PARTS.some((x) => found.has(x))) || (h.kind === "sub" && found.has(FO4));
    if (present || isTocLine(lineByNo(lines, h.line)?.text ?? "")) continue;
    reported.add(id);
    findings.push({
      severity: "warning",
      code: "TABLE_MISSING",
      line: h.line,
      message: `Overskriften «${h.title}» er funnet, men tabellen mangler i teksten (trolig et bilde i PDF-en); ingen verdier er importert`,
    });
  }
  for (const h of headings) {
    if (h.kind !== "split") continue;
    const near = splits.some((s) => s.line === h.line || (s.line > h.line && s.line - h.line < 30));
    if (!near && !isTocLine(lineByNo(lines, h.line)?.text ?? "") && /^\s*tabell/iu.test(h.title)) {
      findings.push({
        severity: "warning",
        code: "TABLE_MISSING",
        line: h.line,
        message: `Overskriften «${h.title}» er funnet, men tabellen mangler i teksten; ingen fordeling er importert`,
      });
    }
  }
  return findings;
}

/** A table-of-contents entry: a heading followed by dot leaders or a page number. */
function isTocLine(text: string): boolean {
  return /\.{4,}\s*\d+\s*$|\s\d{1,3}\s*$/u.test(text.trim()) && !/kr\.?\s*$/iu.test(text.trim());
}
