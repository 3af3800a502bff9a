import { readNorwegianNumber, type NumberContext, type PointConvention } from "./readNorwegianNumber.js";

export interface ParseNorwegianNumberOptions {
  /** `"money"` (default): a lone dash is 0. `"indicator"`: a lone dash is "not available" (null). */
  context?: NumberContext;
  /**
   * What a point before groups of three digits means, when the caller knows the convention:
   * `"decimal"` (`1.234` is 1,234) or `"thousands"` (`1.234.567` is 1 234 567). Omitted: such a
   * text is refused as ambiguous.
   */
  point?: PointConvention | null;
}

/**
 * A number as Norwegian reports and nb-NO Excel print it, or `null` for a not-available
 * placeholder (empty text, `*`, and `-` in indicator context).
 *
 * Accepted: digits with space, U+00A0, U+202F, U+2009 or U+2007 between groups of three
 * (`1 234 567`) or no grouping (`-10410`); a decimal comma or point (`87,4`, `2.58`); a leading
 * `+` or minus as hyphen-minus, U+2212, en dash, figure dash or U+2010, optionally followed by
 * spaces (accounting `-   2 642`); parentheses for negative (`(1 337)`); a lone dash as 0 in money
 * context; whole kroner as `1 234,-` (also after `kr`); a trailing unit `%`, `pp`, `prosentpoeng`, `%-poeng`, `kr`, `mill.` (with or without
 * space). The unit is stripped, never applied: `26,550 mill.` is 26.55 and `3,23 %` is 3.23.
 *
 * The point rule: a point is a decimal point (`2.58`, `0.125`, `1234.567`, `1 234.5`) except
 * where it could be a thousands separator — one to three digits, then groups of three after
 * points (`1.234`, `−1.234`, `1.234.567`, `1.234,5`). Such a text is refused with reason
 * `AMBIGUOUS_POINT` unless `options.point` states the convention.
 *
 * The range: at most 15 digits before the decimal sign (|x| < 10^15, else `TOO_LARGE`) and at
 * most 30 decimals after trailing zeros are dropped (else `TOO_MANY_DECIMALS`), so the result is
 * always finite and a nonzero text never reads as 0.
 *
 * Anything else throws {@link NumberParseError} with a Norwegian message saying what was wrong.
 * The result is the double nearest the printed decimal, never −0. Linear in the text's length.
 */
export function parseNorwegianNumber(text: string, options: ParseNorwegianNumberOptions | null = {}): number | null {
  return readNorwegianNumber(text, options?.context ?? "money", options).value;
}
