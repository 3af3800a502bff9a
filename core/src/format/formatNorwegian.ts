import { checkNumber, toExactDecimal, type Amount } from "../amount.js";
import { round } from "../api/round.js";
import { assert } from "../assert.js";
import { INVALID_FORMAT_DECIMALS_MESSAGE } from "../messages.js";

export interface FormatNorwegianOptions {
  /** Fixed number of decimals (0–20), rounded half away from zero. Omitted: every decimal the value has. */
  decimals?: number | null;
}

const MINUS = "\u2212";
const GROUP = "\u00A0";

function group(digits: string): string {
  let out = "";
  for (let i = digits.length; i > 0; i -= 3) out = digits.slice(Math.max(0, i - 3), i) + (out ? GROUP + out : "");
  return out;
}

/**
 * Text exactly as `Intl.NumberFormat('nb-NO', { minimumFractionDigits: d, maximumFractionDigits: d })`
 * writes it — U+2212 minus, U+00A0 between groups of three, decimal comma: `−1 234,5` — but
 * rounded half away from zero on the exact decimal (1.005 → "1,01", −2.5 → "−3"), and never
 * "−0". {@link parseNorwegianNumber} reads it back. `null` (or a not-available string) gives "".
 * `decimals` is an integer from 0 to 20; the value must be inside the core's range (`range.ts`).
 */
export function formatNorwegian(value: Amount | null, options: FormatNorwegianOptions = {}): string {
  const decimals = options?.decimals ?? null;
  assert(decimals === null || (Number.isInteger(decimals) && decimals >= 0 && decimals <= 20), INVALID_FORMAT_DECIMALS_MESSAGE, "decimals");
  if (typeof value === "number") checkNumber(value, "value");
  let text: string;
  if (typeof value === "number" && Number.isInteger(value)) {
    text = String(value) + (decimals ? "." + "0".repeat(decimals) : "");
  } else if (typeof value === "number" && decimals === null && !/e/.test(String(value))) {
    text = String(value); // the shortest decimal, exactly what decimal.js would print
  } else if (typeof value === "number" && decimals !== null && Math.abs(value) * 10 ** decimals < 2 ** 50) {
    // round() gives the double nearest the rounded decimal; toFixed prints that decimal exactly:
    // with |value|·10^decimals < 2^50 the double is within 10^−decimals/8 of it, far from any
    // rounding boundary of `decimals` places.
    text = (round(value, decimals) as number).toFixed(decimals);
  } else {
    const d = toExactDecimal(value, "value");
    if (d === null) return "";
    text = decimals === null ? d.toFixed() : d.toFixed(decimals);
  }
  const negative = text.startsWith("-") && /[1-9]/.test(text);
  const [int, frac] = text.replace(/^-/, "").split(".") as [string, string | undefined];
  return (negative ? MINUS : "") + group(int) + (frac ? "," + frac : "");
}
