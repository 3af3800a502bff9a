import { Decimal } from "decimal.js";

/**
 * Half a unit of a printed figure's last significant digit, times `scale`: the decimals' last
 * digit when it prints decimals («5,1» → 0,05, «18,30» → 0,005), else the last non-zero digit of
 * the whole number («20» → 5, «300» → 50, «126» → 0,5, «0» → 0,5). Exact (decimal), for
 * `tolerances.prose.approximate`.
 */
export function approximatePrecision(raw: string, scale = 1): number {
  let digits = raw.replace(/[^\d.,]/gu, "");
  // «1.050» is a thousands point (as core's number parser reads it), no decimals
  if (/^\d{1,3}(?:\.\d{3})+$/u.test(digits)) digits = digits.replace(/\./gu, "");
  const decimals = /[.,](\d+)$/u.exec(digits)?.[1]?.length ?? 0;
  let exponent = -decimals;
  if (decimals === 0) {
    const whole = digits.replace(/[.,]/gu, "").replace(/^0+(?=\d)/u, "");
    const zeros = /0*$/u.exec(whole)![0].length;
    exponent = whole === "0" ? 0 : zeros;
  }
  return new Decimal(5).times(new Decimal(10).pow(exponent - 1)).times(scale).toNumber();
}
