/**
 * The arithmetic every operation is written against (the dinero.js model): an operation takes a
 * calculator and never touches numbers directly, so the same formula runs on the fast native path
 * and on decimal.js.
 *
 * Values of the native calculator are *scaled integers*: safe integers that stand for
 * `value × 10^scale`, all operands of one formula sharing the scale. An operation whose exact
 * result is not a safe integer returns NaN, and NaN propagates, so the caller sees at the end
 * whether the native result is exact and falls back to decimal.js when it is not.
 */
export interface Calculator<T> {
  readonly name: "native" | "decimal";
  add(a: T, b: T): T;
  subtract(a: T, b: T): T;
  multiply(a: T, b: T): T;
  /**
   * The quotient. decimal.js: to 100 significant digits. Native: the correctly rounded double of
   * the exact quotient of two exact integers; it is not an integer, so `divide` must be the last
   * operation of a native formula.
   */
  divide(a: T, b: T): T;
  compare(a: T, b: T): -1 | 0 | 1;
  isZero(a: T): boolean;
  /** A small integer constant (1, 100) at scale 0. */
  integer(n: number): T;
  /** `a / 10^scale` as the double nearest the exact value; never −0. NaN when the native result is inexact. */
  toNumber(a: T, scale: number): number;
}
