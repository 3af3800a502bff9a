import { printedDecimals, tolerances, type StatedAmount } from "@bydel/core";
import { ABOUT, APPROXIMATE } from "./phrases.js";

/**
 * How a figure is worded: «ca. 20», «om lag 300» (`about`: rounded, checked at the precision of its
 * last significant digit), «over 300», «i underkant av 20» (`bound`: no figure to check), or neither.
 * `before` is the text right before the figure.
 */
export function wording(before: string): "about" | "bound" | null {
  if (ABOUT.test(before)) return "about";
  return APPROXIMATE.test(before) ? "bound" : null;
}

/** A stated amount after «ca.»: its precision widened to its last significant digit's (`tolerances.prose.approximate`), in its unit. */
export function approximately(amount: StatedAmount): StatedAmount {
  const number = /\d(?:[\d\s\u00A0]*\d)?(?:[.,]\d+)?/u.exec(amount.raw)?.[0] ?? "";
  // the unit's power of ten, from the printed precision (half a unit of the last printed decimal)
  const scale = amount.precision * 2 * 10 ** printedDecimals(number);
  return { ...amount, precision: Math.max(amount.precision, tolerances.prose.approximate(number, scale)) };
}

/**
 * The precision of a count's change as stated: after «ca.», or a round figure («økt med 300»: a
 * change is rarely told to the unit when it ends in a zero), the last significant digit's; else exact.
 */
export function changePrecision(raw: string, about: boolean): number {
  return about || /0$/u.test(raw) ? tolerances.prose.approximate(raw) : 0;
}
