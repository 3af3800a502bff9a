import { sameMoney, type Reading } from "../cells/readings.js";
import { choose, identityKey, type Key } from "./choose.js";

/**
 * Solves a money table's rows together (column-recovery.md, steps 2–5): each row's readings that
 * keep its identity (chosen in `choose.ts`, as every reading is), then the combination of readings
 * that closes the most column sums (Sum rows included, cascading totals too), which `choose.ts`
 * takes as a proving key, with the table's best layout as a preference. Rows where more than one
 * reading survives all of that stay ambiguous: no value is guessed.
 */
export interface SolveRowInput {
  readonly readings: readonly Reading[];
  /** The reading search hit its bound. */
  readonly overflow: boolean;
  /** The row prints no number at all: every cell is blank (0 in the sums), not unknown. */
  readonly blank?: boolean;
}

/** A total row and the rows it sums (indexes into the table's rows). */
export interface SumEquation {
  readonly total: number;
  readonly addends: readonly number[];
}

export interface SolveOptions {
  readonly columns: number;
  /** The row identity (variance = revised − actual, or total = earmarked + ordinary). */
  readonly identity: (values: readonly (number | null)[]) => boolean;
  /** Combinations examined at most before the table's uncertain rows are reported as ambiguous. */
  readonly bound?: number;
  /** Candidates per row at most before the row is reported as ambiguous. */
  readonly rowBound?: number;
}

export type Decision = "unique" | "identity" | "sums" | "layout" | "ambiguous" | "empty";

export interface RowSolution {
  readonly chosen: Reading | null;
  /** Distinct readings that survived (more than one when ambiguous). */
  readonly candidates: readonly Reading[];
  readonly decision: Decision;
  /** No reading keeps the row identity (the printed row contradicts itself). */
  readonly identityBroken: boolean;
}

export interface TableSolution {
  readonly rows: RowSolution[];
  /** Every column sum closes within tolerance with the chosen readings. */
  readonly sumsClose: boolean;
  /** The combination bound was hit. */
  readonly boundHit: boolean;
}

export function sumTolerance(addends: number): number {
  return Math.max(2, Math.ceil(addends / 2));
}

/**
 * One reading per distinct amount of money: readings that differ only in where a blank sits next to
 * zeros are the same for every sum, so the search keeps the one the layout favours.
 */
function dedupe(readings: readonly Reading[]): Reading[] {
  const byMoney = new Map<string, Reading>();
  for (const r of readings) {
    const key = r.values.map((v) => v ?? 0).join(",");
    const seen = byMoney.get(key);
    if (!seen || byLayout(r, seen) < 0) byMoney.set(key, r);
  }
  return [...byMoney.values()];
}

/** Equations scored against a choice of values per row: how many (equation, column) pairs close. */
function scoreEquations(
  equations: readonly SumEquation[],
  columns: number,
  valueOf: (row: number) => readonly (number | null)[] | null,
): number {
  let score = 0;
  for (const eq of equations) {
    const total = valueOf(eq.total);
    if (!total) continue;
    const parts = eq.addends.map(valueOf);
    if (parts.some((p) => p === null)) continue;
    const tol = sumTolerance(eq.addends.length);
    for (let c = 0; c < columns; c++) {
      let sum = 0;
      for (const p of parts) sum += p![c] ?? 0;
      if (Math.abs((total[c] ?? 0) - sum) <= tol) score++;
    }
  }
  return score;
}

/** Per row, the columns of the equations it takes part in that do not close. */
function openColumns(
  equations: readonly SumEquation[],
  columns: number,
  valueOf: (row: number) => readonly (number | null)[] | null,
): Map<number, Set<number>> {
  const open = new Map<number, Set<number>>();
  for (const eq of equations) {
    const total = valueOf(eq.total);
    const parts = eq.addends.map(valueOf);
    if (!total || parts.some((p) => p === null)) continue;
    const tol = sumTolerance(eq.addends.length);
    for (let c = 0; c < columns; c++) {
      let sum = 0;
      for (const p of parts) sum += p![c] ?? 0;
      if (Math.abs((total[c] ?? 0) - sum) <= tol) continue;
      for (const r of [eq.total, ...eq.addends]) {
        if (!open.has(r)) open.set(r, new Set());
        open.get(r)!.add(c);
      }
    }
  }
  return open;
}

function distinctMoney(readings: readonly Reading[]): Reading[] {
  const out: Reading[] = [];
  for (const r of readings) if (!out.some((o) => sameMoney(o.values, r.values))) out.push(r);
  return out;
}

const sameReading = (a: Reading, b: Reading): boolean => sameMoney(a.values, b.values);

function byLayout(a: Reading, b: Reading): number {
  return a.layoutCost - b.layoutCost || a.spread - b.spread;
}

export function solveTable(rows: readonly SolveRowInput[], equations: readonly SumEquation[], options: SolveOptions): TableSolution {
  const bound = options.bound ?? 50_000;
  const rowBound = options.rowBound ?? 64;
  const candidates: Reading[][] = [];
  const identityBroken: boolean[] = [];
  const tooMany: boolean[] = [];
  const byIdentity = [identityKey<Reading>((r) => options.identity(r.values))];
  for (const row of rows) {
    // the readings that keep the row's identity, or every reading where none does
    const choice = row.readings.length > 0 ? choose(row.readings, byIdentity, sameReading) : null;
    identityBroken.push(choice !== null && choice.best[0] === 1);
    const cands = dedupe(choice?.proven ?? []);
    candidates.push(cands);
    tooMany.push(row.overflow || cands.length > rowBound);
  }

  // Rows with one reading are fixed; the search runs over the others.
  const open = candidates.map((c, i) => i).filter((i) => !tooMany[i] && candidates[i]!.length > 1);
  let combos = 1;
  for (const i of open) combos *= candidates[i]!.length;
  const boundHit = combos > bound;
  const blankReading: Reading = { values: Array(options.columns).fill(null), groupCounts: Array(options.columns).fill(0), blanks: [], layoutCost: 0, spread: 0 };
  const choice: (Reading | null)[] = candidates.map((c, i) => (rows[i]!.blank ? blankReading : tooMany[i] || c.length !== 1 ? null : c[0]!));
  const solutions: RowSolution[] = [];

  const relevant = equations.filter((eq) => [eq.total, ...eq.addends].some((r) => open.includes(r)));
  const best: { score: number; layout: number; spread: number; picks: number[][] } = { score: -1, layout: Infinity, spread: Infinity, picks: [] };
  const bestByScore: number[][] = [];
  if (!boundHit && open.length > 0) {
    const pick = open.map(() => 0);
    const current = [...choice];
    for (;;) {
      open.forEach((r, k) => (current[r] = candidates[r]![pick[k]!]!));
      const score = scoreEquations(relevant, options.columns, (r) => current[r]?.values ?? null);
      let layout = 0;
      let spread = 0;
      for (const r of open) {
        layout += current[r]!.layoutCost;
        spread += current[r]!.spread;
      }
      if (score > best.score) {
        best.score = score;
        best.layout = layout;
        best.spread = spread;
        best.picks = [[...pick]];
        bestByScore.length = 0;
        bestByScore.push([...pick]);
      } else if (score === best.score) {
        bestByScore.push([...pick]);
        if (layout < best.layout || (layout === best.layout && spread < best.spread)) {
          best.layout = layout;
          best.spread = spread;
          best.picks = [[...pick]];
        } else if (layout === best.layout && spread === best.spread) best.picks.push([...pick]);
      }
      let k = 0;
      while (k < open.length && ++pick[k]! === candidates[open[k]!]!.length) pick[k++] = 0;
      if (k === open.length) break;
    }
  }

  for (let r = 0; r < rows.length; r++) {
    const cands = candidates[r]!;
    if (cands.length === 0) {
      solutions.push({ chosen: null, candidates: [], decision: "empty", identityBroken: false });
      continue;
    }
    if (tooMany[r] || (boundHit && cands.length > 1)) {
      const distinct = distinctMoney(cands);
      if (distinct.length === 1) {
        solutions.push({ chosen: [...cands].sort(byLayout)[0]!, candidates: distinct, decision: "layout", identityBroken: identityBroken[r]! });
      } else solutions.push({ chosen: null, candidates: distinct, decision: "ambiguous", identityBroken: identityBroken[r]! });
      continue;
    }
    if (cands.length === 1) {
      const decision: Decision = rows[r]!.readings.length === 1 ? "unique" : identityBroken[r] ? "unique" : "identity";
      solutions.push({ chosen: cands[0]!, candidates: cands, decision, identityBroken: identityBroken[r]! });
      continue;
    }
    const k = open.indexOf(r);
    // the sums prove; among the readings they leave, the best layout of the whole table only prefers
    const inBestScore = new Set(bestByScore.map((p) => cands[p[k]!]!));
    const inBestPicks = new Set(best.picks.map((p) => cands[p[k]!]!));
    const keys: Key<Reading>[] = [
      { of: (c) => (inBestScore.has(c) ? 0 : 1), proves: true },
      { of: (c) => (inBestPicks.has(c) ? 0 : 1), proves: false },
    ];
    const choice = choose(cands, keys, sameReading);
    const byScore = distinctMoney(bestByScore.map((p) => cands[p[k]!]!));
    if (choice.basis === "proof") {
      solutions.push({ chosen: choice.chosen, candidates: byScore, decision: "sums", identityBroken: identityBroken[r]! });
    } else if (choice.basis === "preference" && choice.chosen!.hinted) {
      // only a blank the text itself shows (a lone wide gap) may decide between amounts the sums cannot tell apart
      solutions.push({ chosen: choice.chosen, candidates: byScore, decision: "layout", identityBroken: identityBroken[r]! });
    } else if (choice.basis === "preference") {
      solutions.push({ chosen: null, candidates: byScore, decision: "ambiguous", identityBroken: identityBroken[r]! });
    } else {
      solutions.push({ chosen: null, candidates: distinctMoney(best.picks.map((p) => cands[p[k]!]!)), decision: "ambiguous", identityBroken: identityBroken[r]! });
    }
  }

  const final = solutions.map((s, i) => (rows[i]!.blank ? blankReading.values : (s.chosen?.values ?? null)));
  let possible = 0;
  for (const eq of equations) if ([eq.total, ...eq.addends].every((r) => final[r])) possible += options.columns;
  const sumsClose = scoreEquations(equations, options.columns, (r) => final[r] ?? null) === possible;
  if (!sumsClose) {
    // a column whose sum does not close cannot have chosen between readings (a misprinted total can favour a wrong
    // split): a row the sums decided stays decided only if its readings differ in columns that close
    const open = openColumns(equations, options.columns, (r) => final[r] ?? null);
    // (the same for a row the identity decided: "Sum -  - - 37 326 -" over a blank row keeps its identity only as −37 326)
    solutions.forEach((s, r) => {
      if ((s.decision !== "sums" && s.decision !== "identity") || !s.chosen) return;
      const others = s.decision === "sums" ? candidates[r]! : rows[r]!.readings;
      const differ = others.flatMap((c) => c.values.map((v, col) => ((v ?? 0) !== (s.chosen!.values[col] ?? 0) ? col : -1))).filter((c) => c >= 0);
      if (differ.some((col) => open.get(r)?.has(col))) solutions[r] = { chosen: null, candidates: distinctMoney(others), decision: "ambiguous", identityBroken: s.identityBroken };
    });
  }
  return { rows: solutions, sumsClose, boundHit };
}
