import { budgetTableIds, FO4, FO4_PARTS, isDistrictTable, isFo4Part, tableBasis, tableIds } from "@bydel/core";
import type { BudgetTable, BudgetTableId, Finding, VarianceSplit } from "@bydel/core";
import { areaOf, isColumnHeader, isTotalLabel, stackedHeader } from "../tables/grammar.js";
import type { Line } from "../source/lines.js";
import type { Reading } from "../cells/readings.js";
import type { RawRow } from "../rows/rows.js";
import { orphanRows, tablesWithoutTotal, unaccountedRows } from "../rows/unaccounted.js";
import { findUnitTables } from "../tables/unitTable.js";
import { budgetRowsUnder, candidateLines, headingOf, isAnchor, missingTables, noAnchorAhead, readBody, subArea, type Heading } from "../tables/economyHeadings.js";
import { BUDGET, fixedReading, mainTotalIndex, solveBody, SPLIT_COLUMNS, type CrossTie, type SolvedBody } from "../solve/tables.js";
import { rowFindings, toBudgetRows, toSplitRows, unitSplit } from "./economyEmit.js";
import { economyTables } from "../tables/registry.js";

/**
 * Finds the economy tables of a report (Tabell 0.1 / 0.1 B, the "Hovedoversikt økonomi FOx"
 * tables, and the earmarked/ordinary split tables), reads every row's columns by search, and
 * reports headings whose table is missing from the text. The stages: locate
 * (`tables/economyHeadings.ts`) → rows (`rows/rows.ts`) → solve (`solve/tables.ts`) → emit
 * (`economyEmit.ts`) → rows no table took (`rows/unaccounted.ts`).
 */

export interface EconomyResult {
  budgetTables: BudgetTable[];
  varianceSplits: VarianceSplit[];
  findings: Finding[];
}

const BUDGET_IDS = new Set<string>(budgetTableIds);

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
  const cut: Cut[] = [];
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
    } else if (!isAnchor(line.text) && !isColumnHeader(line.text) && !isColumnHeader(stackedHeader(lines, i) ?? "")) continue;
    const structural = !h && !isAnchor(line.text);
    const body = readBody(lines, i, structural, context !== null && cut[cut.length - 1]?.line === context.line);
    if (!body) continue;
    if (body.kind === "cut") {
      // noted under its caption and read on as before: reported only if no body takes the caption's table
      const caption = context !== null && context.line <= body.headerLine ? context : null;
      if (caption && budgetRowsUnder(body.rows)) {
        const id = caption.kind === "t01" ? caption.id : subArea(body.rows, caption.kind === "fo" ? caption.area : FO4);
        cut.push({ id, title: caption.title, line: caption.line, rows: body.rows });
      }
      continue;
    }
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

  // a cut table is one whose caption no body took (a header that only lacked its deviation word was read after all)
  const cutOnly = cut.filter((c) => !pending.some((p) => p.line === c.line));

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
  findings.push(...missingTables(headings, budgetTables, varianceSplits, lines, new Set(cutOnly.map((c) => c.id))));
  findings.push(...cutTables(cutOnly));
  const read = pieces.map((p) => ({ id: p.id, title: p.title, line: p.line, rowLines: p.rows }));
  const unaccounted = unaccountedRows(read, lines, (l) => headingOf(l) !== null);
  findings.push(...unaccounted.findings);
  // lines already reported with their table, and the per-unit table's rows, are no orphans
  const otherLines = new Set([...unaccounted.lines, ...cutOnly.flatMap((c) => c.rows.flatMap(rowLines)), ...unitTables.flatMap((t) => t.rows.flatMap(rowLines))]);
  findings.push(...orphanRows(read, lines, otherLines));
  findings.push(...tablesWithoutTotal(budgetTables, lines));
  findings.push(...rowsBeforeUnread(budgetTables, unaccounted.lines));
  return { budgetTables, varianceSplits, findings };
}

/** A budget table whose header and rows stop short of its columns (tables/economyHeadings.ts cutBody). */
interface Cut {
  readonly id: string;
  readonly title: string;
  readonly line: number;
  readonly rows: RawRow[];
}

const rowLines = (r: RawRow): number[] => Array.from({ length: r.line - r.firstLine + 1 }, (_, k) => r.firstLine + k);

/** One finding per cut table, at its caption, naming every line of its rows: none of them is imported. */
function cutTables(cut: readonly Cut[]): Finding[] {
  const byCaption = new Map<number, Cut[]>();
  for (const c of cut) byCaption.set(c.line, [...(byCaption.get(c.line) ?? []), c]);
  return [...byCaption.values()].map((parts) => {
    const first = parts[0]!;
    const rows = [...new Set(parts.flatMap((c) => c.rows.map((r) => r.line)))];
    return {
      severity: "warning" as const,
      code: "TABLE_INCOMPLETE",
      line: first.line,
      table: first.id,
      message: `Tabell ${first.id} («${first.title}»): overskriften mangler avvikskolonnen, og ingen rad har tall i alle kolonnene; tabellen er trolig bredere enn siden, og de siste kolonnene er skrevet ut et annet sted. Radene på linje ${rows.join(", ")} er ikke importert. Sjekk tabellen i rapporten.`,
    };
  });
}

/**
 * A row with no number at all right before lines whose numbers no row took (reported TABLE_INCOMPLETE),
 * or ending its table, which ends in a Sum row: its numbers may stand on such a line (a label wrapped
 * past them, «funksjonsnedsettel» / «ser mv.  45 531 …»). It is withheld (needsReview, values unknown),
 * never read as blank.
 */
function rowsBeforeUnread(tables: readonly BudgetTable[], unread: ReadonlySet<number>): Finding[] {
  const out: Finding[] = [];
  const unreadLines = [...unread];
  for (const t of tables) {
    t.rows.forEach((row, k) => {
      if (row.isTotal || [row.previousActual, row.originalBudget, row.revisedBudget, row.actual, row.variance].some((v) => v !== null)) return;
      const next = t.rows[k + 1]?.line ?? Infinity;
      if (next !== Infinity && !unreadLines.some((l) => l > row.line && l < next)) return;
      row.needsReview = true;
      out.push({
        severity: "warning",
        code: "UNREADABLE_ROW",
        line: row.line,
        table: t.id,
        message: `Tabell ${t.id}: «${row.label}» har ingen tall, og ${next === Infinity ? "tabellen slutter etter den" : "linjene under har tall som ikke er lest"}; tallene kan høre til denne raden. Raden er ikke importert med tall. Sjekk tabellen i rapporten.`,
      });
    });
  }
  return out;
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
