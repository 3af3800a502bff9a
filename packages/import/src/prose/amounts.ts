import { readNorwegianNumber, type StatedAmount } from "@bydel/core";
import { AMOUNT_UNITS, NUMBER, SIGN } from "./phrases.js";

/** A stated amount with where it stands in its sentence. */
export interface AmountAt {
  readonly amount: StatedAmount;
  /** The amount had a printed sign («+18,3», «–0,9»). */
  readonly signed: boolean;
  readonly at: number;
  readonly end: number;
}

const UNIT = AMOUNT_UNITS.map((u) => `(${u.re})`).join("|");
/** Not inside a longer number or a date/KOSTRA code: no digit, comma or point right before. */
const AMOUNT = new RegExp(String.raw`(?<![\d.,\p{L}])(${SIGN}\s?)?(${NUMBER})\s?(?:${UNIT})`, "giu");

/** The decimal string times a power of ten, exactly (no binary rounding on the way). */
function scaleDecimal(decimal: string, power: number): number {
  const negative = decimal.startsWith("-");
  const [int, frac = ""] = (negative ? decimal.slice(1) : decimal).split(".") as [string, string?];
  let digits = int + frac;
  let point = int.length + power;
  if (point > digits.length) digits = digits.padEnd(point, "0");
  if (point <= 0) {
    digits = "0".repeat(1 - point) + digits;
    point = 1;
  }
  const text = `${digits.slice(0, point)}.${digits.slice(point) || "0"}`;
  const value = Number(text);
  return negative && value !== 0 ? -value : value;
}

/** A read decimal times 10^power, and half a unit of its last printed decimal likewise: «18,30» millions → 18 300 ± 5. */
export function atPrecision(decimal: string, printedDecimals: number, power: number): { value: number; precision: number } {
  return { value: scaleDecimal(decimal, power), precision: scaleDecimal(`0.${"0".repeat(printedDecimals)}5`, power) };
}

/**
 * Every amount of money (or percent) a sentence states, read through core's Norwegian number
 * parser: «28,68 millioner kroner» is 28 680 ± 5 (1000 kr), «85 mill.» 85 000 ± 500, «10 373 i
 * 1000 kr» 10 373 ± 0,5, «4,2 %» 4,2 ± 0,05. A number without a unit is no stated amount here.
 */
export function amountsIn(sentence: string, options: { percent?: boolean } = {}): AmountAt[] {
  const out: AmountAt[] = [];
  const percent = options.percent ?? true;
  AMOUNT.lastIndex = 0;
  for (const m of sentence.matchAll(AMOUNT)) {
    const unitIndex = m.slice(3).findIndex((g) => g !== undefined);
    const unit = AMOUNT_UNITS[unitIndex];
    if (!unit || (unit.percent && !percent)) continue;
    // «Tall i 1000 kr», «Beløp i 1 000 kroner»: the unit of the figures around, not an amount of 1 000 kroner
    if (unit.power === -3 && /^1\s?000$/u.test(m[2] as string) && !m[1] && /(?:^|[^\p{L}])i\s*$/iu.test(sentence.slice(Math.max(0, m.index - 8), m.index))) continue;
    const sign = (m[1] ?? "").trim();
    let read;
    try {
      read = readNorwegianNumber(`${sign}${m[2] as string}`);
    } catch {
      continue; // not a number as Norwegian reports print one: no amount
    }
    if (read.value === null || read.decimal === null) continue;
    const decimals = read.decimal.includes(".") ? read.decimal.split(".")[1]!.length : 0;
    // the precision is the printed one: «18,30» has two decimals though the parser drops the zero
    const printed = /[.,](\d+)$/u.exec(m[2] as string)?.[1]?.length ?? decimals;
    out.push({
      amount: { raw: m[0].trim(), ...atPrecision(read.decimal, printed, unit.power), unit: unit.percent ? "percent" : "kNOK" },
      signed: sign !== "",
      at: m.index + (m[0].length - m[0].trimStart().length),
      end: m.index + m[0].trimEnd().length,
    });
  }
  return out;
}
