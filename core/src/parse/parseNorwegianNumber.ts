import { readNorwegianNumber, type NumberContext } from "./readNorwegianNumber.js";

export interface ParseNorwegianNumberOptions {
  /** `"money"` (default): a lone dash is 0. `"indicator"`: a lone dash is "not available" (null). */
  context?: NumberContext;
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
 * Anything else throws {@link NumberParseError} with a Norwegian message saying what was wrong.
 * The result is the double nearest the printed decimal, never −0.
 */
export function parseNorwegianNumber(text: string, options: ParseNorwegianNumberOptions = {}): number | null {
  return readNorwegianNumber(text, options?.context ?? "money").value;
}
