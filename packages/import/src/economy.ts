import type { BudgetRow, BudgetTable, BudgetTableId, Finding, VarianceSplit, VarianceSplitRow } from "@bydel/core";
import { areaOf, isTotalLabel, kostraOf, startsRow } from "./grammar.js";
import { isBlank, type Line } from "./lines.js";
import { enumerateReadings, type Reading } from "./readings.js";
import { readRows, type RawRow } from "./rows.js";
import { solveTable, type RowSolution, type SumEquation } from "./solve.js";
import { formatAmount } from "./text.js";

/**
 * Finds the economy tables of a report (Tabell 0.1 / 0.1 B, the "Hovedoversikt økonomi FOx"
 * tables, and the earmarked/ordinary split tables), reads every row's columns by search, and
 * reports headings whose table is missing from the text.
 */

type Heading =
  | { kind: "t01"; id: "0.1" | "0.1B"; line: number; title: string }
  | { kind: "fo"; area: string; line: number; title: string }
  | { kind: "sub"; area: string; line: number; title: string }
  | { kind: "split"; line: number; title: string };

const T01 = /^\s*tabell\s+0[.,]1\s*(b\b)?.*?\b(brutto|netto)\s+driftsutgifter/iu;
const FO = /hovedoversikt\s+økonomi\s+f[o0]\s?(\d[abc]?)\b/iu;
const SPLIT = /fordeling\s+av\s+avvik\s+p[åa]\s+\S*merkede/iu;
const SUB = /^\s*f[o0]\s?4\s?([abc])\b/iu;
const ANCHOR = /^\s*(?:(?:brutto|netto)\s+driftsutgifter(?:\s+pr\.?)?(?:\s+kostra-funk\S*)?|kostra-funk\S*)\s*$/iu;
const HEADER_SPAN = 40;

/** Cheap test before the heading patterns: most lines are prose and contain none of these words. */
const HEADING_WORDS = /driftsutgifter|hovedoversikt|fordeling|^\s*f[o0]\s?4/i;

function headingOf(line: Line): Heading | null {
  const text = line.text.trim();
  if (text.length > 160 || !HEADING_WORDS.test(text)) return null;
  let m = T01.exec(text);
  if (m) {
    const net = m[2]!.toLowerCase() === "netto" || m[1] !== undefined;
    return { kind: "t01", id: net ? "0.1B" : "0.1", line: line.no, title: text };
  }
  if (SPLIT.test(text)) return { kind: "split", line: line.no, title: text };
  m = FO.exec(text);
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
function readBody(lines: readonly Line[], anchor: number): Body | null {
  let header = "";
  let i = anchor;
  for (; i < lines.length && i < anchor + HEADER_SPAN; i++) {
    const t = lines[i]!.text;
    if (i > anchor && startsRow(t)) break;
    header += ` ${t}`;
  }
  if (i >= lines.length || i >= anchor + HEADER_SPAN) return null;
  if (!/avvik/iu.test(header)) return null;
  const split = /merkede|ordinær/iu.test(header);
  if (!split && !/regnskap/iu.test(header)) return null;
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

const budgetIdentity = (v: readonly (number | null)[]): boolean => Math.abs((v[2] ?? 0) - (v[3] ?? 0) - (v[4] ?? 0)) <= 2;
const splitIdentity = (v: readonly (number | null)[]): boolean => Math.abs((v[0] ?? 0) - (v[1] ?? 0) - (v[2] ?? 0)) <= 2;

interface Solved {
  readonly raw: RawRow;
  readonly solution: RowSolution;
  readonly isTotal: boolean;
}

function solveBody(body: Body, columns: number, findings: Finding[], context: string): { rows: Solved[]; equations: SumEquation[]; sumsClose: boolean } {
  const inputs = body.rows.map((row) => {
    const { readings, overflow } = enumerateReadings(row.groups, { columns, alwaysPrinted: columns === 5 ? 4 : null });
    return { readings, overflow, blank: row.groups.length === 0 };
  });
  const flags = body.rows.map((r) => ({ isTotal: isTotalLabel(r.label) }));
  const equations = sumStructure(flags);
  const solved = solveTable(inputs, equations, { columns, identity: columns === 5 ? budgetIdentity : splitIdentity });
  const rows = body.rows.map((raw, i) => ({ raw, solution: solved.rows[i]!, isTotal: flags[i]!.isTotal }));
  for (const { raw, solution } of rows) {
    if (raw.groups.length > 0 && solution.candidates.length === 0) {
      findings.push({
        severity: "warning",
        code: "UNREADABLE_ROW",
        line: raw.line,
        message: `${context}: raden «${raw.label}» kan ikke leses som ${columns} kolonner (${raw.groups.length} tallgrupper); verdiene er ikke importert`,
      });
    } else if (solution.decision === "ambiguous") {
      findings.push({
        severity: "warning",
        code: "AMBIGUOUS_NUMBERS",
        line: raw.line,
        message: `${context}: raden «${raw.label}» kan leses på ${solution.candidates.length} måter (${solution.candidates
          .slice(0, 4)
          .map((c) => c.values.map(formatAmount).join(" | "))
          .join(" eller ")}); verdiene er ikke importert`,
        candidates: solution.candidates.slice(0, 20).map((c) => [...c.values]),
      });
    }
  }
  return { rows, equations, sumsClose: solved.sumsClose };
}

function needsReview(s: Solved, sumsClose: boolean): boolean {
  return s.solution.decision === "layout" || s.solution.identityBroken || (!sumsClose && s.solution.chosen !== null);
}

function toBudgetRows(rows: Solved[], equations: SumEquation[], sumsClose: boolean, withArea: boolean): BudgetRow[] {
  return rows.map((s, i) => {
    const v = s.solution.chosen?.values ?? [null, null, null, null, null];
    const eq = equations.find((e) => e.total === i);
    const row: BudgetRow = {
      line: s.raw.line,
      label: s.raw.label,
      kostra: kostraOf(s.raw.label),
      isTotal: s.isTotal,
      previousActual: v[0] ?? null,
      originalBudget: v[1] ?? null,
      revisedBudget: v[2] ?? null,
      actual: v[3] ?? null,
      variance: v[4] ?? null,
    };
    if (withArea) row.area = s.isTotal ? null : areaOf(s.raw.label);
    if (eq) row.sumOf = eq.addends.map((a) => rows[a]!.raw.line);
    if (needsReview(s, sumsClose)) row.needsReview = true;
    return row;
  });
}

function toSplitRows(rows: Solved[], equations: SumEquation[], sumsClose: boolean): VarianceSplitRow[] {
  return rows.map((s, i) => {
    const v = s.solution.chosen?.values ?? [null, null, null];
    const eq = equations.find((e) => e.total === i);
    const row: VarianceSplitRow = {
      line: s.raw.line,
      label: s.raw.label,
      kostra: kostraOf(s.raw.label),
      isTotal: s.isTotal,
      variance: v[0] ?? null,
      earmarkedVariance: v[1] ?? null,
      ordinaryVariance: v[2] ?? null,
      area: s.isTotal ? null : areaOf(s.raw.label),
    };
    if (eq) row.sumOf = eq.addends.map((a) => rows[a]!.raw.line);
    if (needsReview(s, sumsClose)) row.needsReview = true;
    return row;
  });
}

/** FO4 is often printed as three tables; the Sum label ("Sum FO4B") or the KOSTRA codes tell them apart. */
function subArea(rows: readonly RawRow[], fallback: string): string {
  for (const r of rows) {
    const m = /\bf[o0]\s?4\s?([abc])\b/iu.exec(r.label);
    if (m && isTotalLabel(r.label)) return `FO4${m[1]!.toUpperCase()}`;
  }
  if (fallback !== "FO4") return fallback;
  const codes = rows.map((r) => kostraOf(r.label)).filter((c): c is string => c !== null);
  if (codes.length > 0 && codes.every((c) => c === "276")) return "FO4B";
  if (codes.length > 0 && codes.every((c) => c === "281")) return "FO4C";
  return "FO4";
}

export interface EconomyResult {
  budgetTables: BudgetTable[];
  varianceSplits: VarianceSplit[];
  findings: Finding[];
}

const BUDGET_IDS = new Set<string>(["0.1", "0.1B", "FO1", "FO2A", "FO2B", "FO2C", "FO3", "FO4", "FO4A", "FO4B", "FO4C"]);

export function readEconomy(lines: readonly Line[]): EconomyResult {
  const budgetTables: BudgetTable[] = [];
  const varianceSplits: VarianceSplit[] = [];
  const findings: Finding[] = [];
  const headings: Heading[] = [];
  let context: Heading | null = null;
  let sub: Heading | null = null;
  let split: Heading | null = null;

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const h = headingOf(line);
    if (h) {
      headings.push(h);
      if (h.kind === "t01" || h.kind === "fo") {
        context = h;
        sub = null;
      } else if (h.kind === "sub") sub = h;
      else split = h;
      continue;
    }
    if (line.text.length > 80 || !/driftsutgifter|kostra-funk/i.test(line.text) || !ANCHOR.test(line.text)) continue;
    const body = readBody(lines, i);
    if (!body) continue;
    i = body.end - 1;
    const details = body.rows.filter((r) => !isTotalLabel(r.label));
    const hasAreaRows = details.length > 0 && details.filter((r) => areaOf(r.label) !== null).length * 2 >= details.length;
    if (body.kind === "budget") {
      let id: string;
      let title: string;
      let titleLine: number;
      let basis: "gross" | "net" = "net";
      if (context?.kind === "t01") {
        if (!hasAreaRows) continue;
        id = context.id;
        basis = id === "0.1" ? "gross" : "net";
        title = context.title;
        titleLine = context.line;
      } else if (context?.kind === "fo") {
        const fallback = sub && sub.line > context.line ? (sub as { area: string }).area : context.area;
        id = subArea(body.rows, fallback);
        const caption = sub && sub.line > context.line ? sub : context;
        title = caption.title;
        titleLine = caption.line;
      } else if (hasAreaRows) {
        basis = /brutto/iu.test(lines[i]?.text ?? "") ? "gross" : "net";
        id = basis === "gross" ? "0.1" : "0.1B";
        title = lines[body.headerLine - 1]!.text.trim();
        titleLine = body.headerLine;
      } else continue;
      if (!BUDGET_IDS.has(id)) continue;
      const solved = solveBody(body, 5, findings, `Tabell ${id}`);
      budgetTables.push({
        id: id as BudgetTableId,
        title,
        basis,
        line: titleLine,
        rows: toBudgetRows(solved.rows, solved.equations, solved.sumsClose, id === "0.1" || id === "0.1B"),
      });
    } else {
      let id: string;
      if (hasAreaRows || context?.kind === "t01") id = "0.1B";
      else if (context?.kind === "fo") id = subArea(body.rows, sub && sub.line > context.line ? (sub as { area: string }).area : context.area);
      else id = "ukjent";
      const solved = solveBody(body, 3, findings, `Fordeling av avvik ${id}`);
      varianceSplits.push({
        id,
        line: split && split.line <= body.headerLine && split.line > body.headerLine - 10 ? split.line : body.headerLine,
        rows: toSplitRows(solved.rows, solved.equations, solved.sumsClose),
        title: split?.title ?? lines[body.headerLine - 1]!.text.trim(),
      });
    }
  }
  findings.push(...missingTables(headings, budgetTables, varianceSplits, lines));
  return { budgetTables, varianceSplits, findings };
}

/** Headings whose table never appears in the text (e.g. a table printed as an image). */
function missingTables(headings: readonly Heading[], tables: readonly BudgetTable[], splits: readonly VarianceSplit[], lines: readonly Line[]): Finding[] {
  const found = new Set(tables.map((t) => t.id as string));
  const findings: Finding[] = [];
  const reported = new Set<string>();
  for (const h of headings) {
    let id: string | null = null;
    if (h.kind === "t01") id = h.id;
    else if (h.kind === "fo") id = h.area;
    if (id === null || reported.has(id)) continue;
    const present = found.has(id) || (id === "FO4" && ["FO4A", "FO4B", "FO4C"].some((x) => found.has(x)));
    if (present || isTocLine(lines[h.line - 1]?.text ?? "")) continue;
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
    if (!near && !isTocLine(lines[h.line - 1]?.text ?? "") && /^\s*tabell/iu.test(h.title)) {
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

export { isBlank };
export type { Reading };
