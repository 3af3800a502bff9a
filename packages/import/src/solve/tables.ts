import { columnAnchor } from "@bydel/core";
import { isTotalLabel } from "../tables/grammar.js";
import { columnAnchors, enumerateReadings, type Reading } from "../cells/readings.js";
import type { RawRow } from "../rows/rows.js";
import { solveTable, type RowSolution, type SumEquation } from "./solve.js";
import { budgetColumns, budgetIdentity, economyTables, flippedIdentity, splitColumns, splitIdentity, type Identity } from "../tables/registry.js";

/**
 * One table's rows solved together: every reading of each row (placed by column anchors where the
 * layout shows them), the table's sums and an optional tie to other tables, handed to the solver.
 * The budget tables, the earmarked split and the per-unit table are solved here, each row's reading
 * chosen in `choose.ts` by the identity its kind's registry entry gives.
 */

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

/** The columns of a budget table and of an earmarked split. */
export const BUDGET = budgetColumns.length;
export const SPLIT_COLUMNS = splitColumns.length;
const VARIANCE = budgetColumns.indexOf("variance");

/**
 * The identity that picks readings: avvik = regulert − regnskap, as the report template defines it;
 * a table that plainly prints regnskap − regulert instead (most rows keep only that) is read by its
 * own sign, and the checks then report the sign.
 */
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

export interface Solved {
  readonly raw: RawRow;
  readonly solution: RowSolution;
  readonly isTotal: boolean;
}

/** Rows from other tables (e.g. Tabell 0.1 B's FO4 row, FO4B's total) and the equations that tie them to this table. */
export interface CrossTie {
  /** Readings per outside row: one when that table decided it, its candidates when it could not. */
  readonly outside: Reading[][];
  /** Indexes ≥ the table's row count refer to `outside`. */
  readonly equations: SumEquation[];
}

export interface SolvedBody {
  readonly rows: Solved[];
  readonly equations: SumEquation[];
  readonly sumsClose: boolean;
}

export function fixedReading(values: (number | null)[]): Reading {
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
export function readAsBlank(s: Solved): boolean {
  return s.raw.labelIfBlank !== undefined && s.solution.chosen !== null && s.solution.chosen.values.every((v) => v === null);
}

export function solveBody(rowsIn: readonly RawRow[], columns: number, cross?: CrossTie, identity?: Identity): SolvedBody {
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

/** The main total of a solved table: the last total no other total adds up. */
export function mainTotalIndex(solved: SolvedBody): number | null {
  const inner = new Set(solved.equations.flatMap((e) => e.addends));
  for (let i = solved.rows.length - 1; i >= 0; i--) if (solved.rows[i]!.isTotal && !inner.has(i)) return i;
  return null;
}
