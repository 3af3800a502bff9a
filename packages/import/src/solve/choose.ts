/**
 * The one reading chooser. A row's candidate readings are ranked by its kind's keys, lowest first:
 * the keys that prove (the identities the registry gives the kind, a table's sums, the rules its
 * cells keep) come before the keys that only prefer (layout, sizes alike). The best reading is
 * confirmed where the proving keys alone set it apart; preferred where only the preferences do
 * (the kind says whether such a reading stands, is marked for review, or is withheld); and where
 * readings that differ tie on every key, no reading is chosen: the row is withheld, its readings
 * listed. The money tables (`solve.ts`, with their sums) and the indicator cells
 * (`cells/indicatorCells.ts`) both choose here.
 */

export interface Key<R> {
  /** The reading's rank under this key: lower is better. */
  readonly of: (reading: R) => number;
  /** The key proves (an identity, a sum, a rule of the kind) rather than only prefers. */
  readonly proves: boolean;
}

export type Basis = "proof" | "preference" | "withheld";

export interface Choice<R> {
  /** The best reading; null when readings that differ tie on every key. */
  readonly chosen: R | null;
  /** What set the chosen reading apart: the proving keys, the preferences alone, or nothing (withheld). */
  readonly basis: Basis;
  /** The best reading's rank under each key. */
  readonly best: readonly number[];
  /** Readings that tie with the best on every proving key, best first. */
  readonly proven: readonly R[];
  /** Readings that tie with the best on every key, best first. */
  readonly tied: readonly R[];
  /** Every reading, best first; readings that tie keep the order they were given in. */
  readonly ranked: readonly R[];
}

/** The key that holds a reading to an identity: 0 where it holds, 1 where not. */
export function identityKey<R>(holds: (reading: R) => boolean): Key<R> {
  return { of: (r) => (holds(r) ? 0 : 1), proves: true };
}

/** Readings that `same` does not tell apart count once. */
export function distinct<R>(readings: readonly R[], same: (a: R, b: R) => boolean): R[] {
  const out: R[] = [];
  for (const r of readings) if (!out.some((o) => same(o, r))) out.push(r);
  return out;
}

/** Chooses among a row's readings (at least one) by its kind's keys; `same` tells readings that state the same values. */
export function choose<R>(readings: readonly R[], keys: readonly Key<R>[], same: (a: R, b: R) => boolean): Choice<R> {
  const n = keys.length;
  // every reading's ranks in one flat array (a row may have thousands of readings)
  const ranks = new Float64Array(readings.length * n);
  readings.forEach((r, i) => keys.forEach((key, j) => (ranks[i * n + j] = key.of(r))));
  const compare = (a: number, b: number): number => {
    for (let j = 0; j < n; j++) {
      const d = ranks[a * n + j]! - ranks[b * n + j]!;
      if (d !== 0) return d;
    }
    return a - b;
  };
  // the best is the first of the lowest: the readings need no sorting unless every one is asked for
  let first = 0;
  for (let i = 1; i < readings.length; i++) if (compare(i, first) < 0) first = i;
  const best = Array.from(ranks.subarray(first * n, first * n + n));
  const ties = (i: number, all: boolean): boolean => {
    for (let j = 0; j < n; j++) if ((all || keys[j]!.proves) && ranks[i * n + j] !== best[j]) return false;
    return true;
  };
  const provenAt: number[] = [];
  const tied: R[] = [];
  for (let i = 0; i < readings.length; i++) {
    if (!ties(i, false)) continue;
    provenAt.push(i);
    if (ties(i, true)) tied.push(readings[i]!);
  }
  const proven = (provenAt.length > 1 ? provenAt.sort(compare) : provenAt).map((i) => readings[i]!);
  const one = (rs: readonly R[]) => rs.every((r) => same(r, rs[0]!));
  const basis: Basis = one(proven) ? "proof" : one(tied) ? "preference" : "withheld";
  let ranked: R[] | undefined;
  return {
    chosen: basis === "withheld" ? null : readings[first]!,
    basis,
    best,
    proven,
    tied,
    get ranked() {
      return (ranked ??= readings.map((_, i) => i).sort(compare).map((i) => readings[i]!));
    },
  };
}
