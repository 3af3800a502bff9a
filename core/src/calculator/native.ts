import { MAX_AMOUNT } from "../range.js";
import type { Calculator } from "./types.js";

/** Exact powers of ten (every one up to 1e22 is a double exactly). */
export const POW10: readonly number[] = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

/** The largest scale the native path tries; more decimals go to decimal.js. */
export const MAX_NATIVE_SCALE = 15;
/** |m| below 2^51 makes the k-decimal reading of a double unique (see decimalScale). */
const SCALED_LIMIT = 2 ** 51;

// Sound exactness test: with safe-integer operands, an inexact sum, difference or product is
// ≥ 2^53 in magnitude after rounding, so it is never a safe integer.
const exact = (r: number): number => (Number.isSafeInteger(r) ? r : NaN);

export const nativeCalculator: Calculator<number> = {
  name: "native",
  add: (a, b) => exact(a + b),
  subtract: (a, b) => exact(a - b),
  multiply: (a, b) => exact(a * b),
  divide: (a, b) => a / b,
  compare: (a, b) => (a < b ? -1 : a > b ? 1 : 0),
  isZero: (a) => a === 0,
  integer: (n) => n,
  toNumber: (a, scale) => {
    const r = scale === 0 ? a : a / (POW10[scale] as number);
    return r === 0 ? 0 : r;
  },
};

/**
 * The number of decimals `k` (0…15) such that `x` is the double nearest a decimal with k
 * fractional digits — the same decimal decimal.js reads from `x` (its shortest representation) —
 * or −1 when there is none within the native range (or |x| ≥ 10^15, outside the core's range).
 *
 * Why this is exact: when |x·10^k| < 2^51 the spacing of doubles near x is below 0.5·10^−k, so
 * at most one k-decimal rounds to x; `Math.round(x·10^k)` finds it (its error is under 0.5), and
 * `m / 10^k === x` (one correctly rounded division) confirms it.
 */
export function decimalScale(x: number): number {
  // Integers from 10^15 up are outside the range: the decimal path reports them.
  if (Number.isInteger(x)) return Math.abs(x) < MAX_AMOUNT ? 0 : -1;
  for (let k = 1; k <= MAX_NATIVE_SCALE; k++) {
    const p = POW10[k] as number;
    const t = x * p;
    const m = Math.round(t);
    if (!(Math.abs(m) < SCALED_LIMIT)) return -1;
    // `m === t` is a cheap filter (no division for the wrong k); the division is the proof.
    if (m === t && m / p === x) return k;
  }
  return -1;
}

/** `x × 10^scale` as a safe integer, given `k = decimalScale(x) ≤ scale`; NaN when too large. */
export function scaleTo(x: number, k: number, scale: number): number {
  const m = k === 0 ? x : Math.round(x * (POW10[k] as number));
  return scale === k ? m : exact(m * (POW10[scale - k] as number));
}

/**
 * Scaled integers for a list of numbers at their common scale, or null when any of them is not a
 * finite number within the native range.
 */
export function toCommonScale(values: readonly unknown[]): { ints: number[]; scale: number } | null {
  let scale = 0;
  const ks: number[] = [];
  for (const v of values) {
    if (typeof v !== "number") return null;
    const k = decimalScale(v);
    if (k < 0) return null;
    ks.push(k);
    if (k > scale) scale = k;
  }
  const ints: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const m = scaleTo(values[i] as number, ks[i] as number, scale);
    if (Number.isNaN(m)) return null;
    ints.push(m);
  }
  return { ints, scale };
}

/** Scratch result of {@link scalePair}; no allocation on the hot path. */
export const pair = { a: 0, b: 0, scale: 0 };

/**
 * The scale tried first for two non-integers: any double whose shortest decimal has at most six
 * decimals is `m / 10^6` for a unique integer m (when |m| < 2^51), found with one multiplication
 * and proven with one division, without searching for the number's own scale.
 */
const FAST_SCALE = 6;
const FAST_FACTOR = 1e6;

/**
 * Puts two numbers at a common scale into {@link pair}: 0 for safe integers, else 6 when both
 * fit, else their smallest common scale ({@link scalePairMinimal}). False when the native path
 * cannot be exact (not numbers, NaN, ±Infinity, more than 15 decimals, too large) or a number is
 * outside the core's range (|x| ≥ 10^15): the decimal path then checks and reports it.
 */
export function scalePair(a: unknown, b: unknown): boolean {
  if (typeof a !== "number" || typeof b !== "number") return false;
  if (Number.isInteger(a) && Number.isInteger(b) && a < MAX_AMOUNT && a > -MAX_AMOUNT && b < MAX_AMOUNT && b > -MAX_AMOUNT) {
    pair.a = a;
    pair.b = b;
    pair.scale = 0;
    return true;
  }
  const ma = Math.round(a * FAST_FACTOR);
  const mb = Math.round(b * FAST_FACTOR);
  if (ma / FAST_FACTOR === a && mb / FAST_FACTOR === b && Math.abs(ma) < SCALED_LIMIT && Math.abs(mb) < SCALED_LIMIT) {
    pair.a = ma;
    pair.b = mb;
    pair.scale = FAST_SCALE;
    return true;
  }
  return scalePairMinimal(a, b);
}

/** Like {@link scalePair}, at the smallest common scale (keeps products small: a percent multiplies by 100). */
export function scalePairMinimal(a: unknown, b: unknown): boolean {
  if (typeof a !== "number" || typeof b !== "number") return false;
  const ka = decimalScale(a);
  if (ka < 0) return false;
  const kb = decimalScale(b);
  if (kb < 0) return false;
  const scale = ka > kb ? ka : kb;
  const ma = scaleTo(a, ka, scale);
  const mb = scaleTo(b, kb, scale);
  if (Number.isNaN(ma) || Number.isNaN(mb)) return false;
  pair.a = ma;
  pair.b = mb;
  pair.scale = scale;
  return true;
}
