import { assert } from "../assert.js";
import { NumberParseError } from "../errors.js";
import { INVALID_CONTEXT_MESSAGE, INVALID_POINT_MESSAGE, INVALID_TEXT_MESSAGE } from "../messages.js";
import { MAX_DECIMALS, MAX_INTEGER_DIGITS } from "../range.js";
import { GROUP_SPACES, MINUS_SIGNS } from "./typography.js";

/**
 * What a lone dash means: in a money table (`"money"`) accounting style prints zero as `-`; in an
 * indicator table (`"indicator"`) `-` means "not available", like `*`.
 */
export type NumberContext = "money" | "indicator";

export type NumberUnit = "%" | "pp" | "kr" | "mill." | "mill. kr" | "mrd.";

/** A number read from text, with its exact decimal value and the unit printed after it. */
export interface ReadNumber {
  /** The double nearest the decimal value; null for a not-available placeholder. */
  value: number | null;
  /** The exact decimal value as a plain decimal string ("-1234.5"), or null. */
  decimal: string | null;
  /** The unit after the number, normalised; null when none. The unit is never applied to the value. */
  unit: NumberUnit | null;
}

const MINUS = MINUS_SIGNS.replace("-", "\\-"); // escaped for a character class
const GROUP = GROUP_SPACES;
const LONE_DASH = new RegExp(`^[${MINUS}\u2014]$`);
const PLACEHOLDER = /^\*+$/;
// No leading `\s*`: tried at every position of a long run of spaces it made the match quadratic;
// the spaces before the unit are trimmed after the match instead.
const UNIT =
  /(?:%-poeng|%|prosentpoeng|p\.p\.|pp|mill\.?\s*kr\.?|millioner(?:\s*kroner)?|mill\.?|mrd\.?|milliarder|kr\.?|kroner)$/i;
const SIGN = new RegExp(`^([+${MINUS}])\\s*`);
const PLAIN = /^\d+(?:[.,]\d+)?$/;
const FAST = /^([-\u2212]?)([1-9]\d{0,2}(?:\u00A0\d{3})+|[1-9]\d*|0(?=[.,]))(?:([.,])(\d+))?$/;
const GROUPED = new RegExp(`^\\d{1,3}(?:[${GROUP}]\\d{3})+(?:[.,]\\d+)?$`);
/** Points between groups of three, as in `1.234`, `1.234.567`, `1.234,5`: a point that may be a thousands separator. */
const POINT_GROUPED = /^[1-9]\d{0,2}(?:\.\d{3})+(?:,\d+)?$/;

/**
 * What a point means where it could be either: `"decimal"` (`1.234` is 1,234) or `"thousands"`
 * (`1.234` is 1 234, `1.234.567` is 1 234 567, `1.234,5` is 1 234,5). Without it, such a text is
 * refused (`AMBIGUOUS_POINT`): Norwegian prints a decimal comma and a space between groups, so a
 * point before exactly three digits could be either, and the core never guesses.
 */
export type PointConvention = "decimal" | "thousands";

export interface ReadNumberOptions {
  /** What a point before groups of three digits means; see {@link PointConvention}. */
  point?: PointConvention | null;
}

const UNITS: Record<string, NumberUnit> = {
  "%": "%",
  "%-poeng": "pp",
  prosentpoeng: "pp",
  "p.p.": "pp",
  pp: "pp",
  kr: "kr",
  "kr.": "kr",
  kroner: "kr",
  mill: "mill.",
  "mill.": "mill.",
  millioner: "mill.",
  mrd: "mrd.",
  "mrd.": "mrd.",
  milliarder: "mrd.",
};
const unitOf = (u: string): NumberUnit => {
  const key = u.toLowerCase().replace(/\s+/g, " ");
  if (/^mill\.?\s*kr\.?$/.test(key) || /^millioner kroner$/.test(key)) return "mill. kr";
  return UNITS[key] ?? "kr";
};

const NOT_AVAILABLE: ReadNumber = { value: null, decimal: null, unit: null };

/**
 * The digits without their trailing zeros. A loop, not `/0+$/`: that pattern restarts at every
 * zero of a long run followed by another digit, which is quadratic (200 000 zeros: minutes).
 */
function withoutTrailingZeros(digits: string): string {
  let end = digits.length;
  while (end > 0 && digits.charCodeAt(end - 1) === 48) end--;
  return digits.slice(0, end);
}

/**
 * Reads a number as Norwegian reports and Excel (nb-NO) print it. See {@link parseNorwegianNumber}
 * for the accepted forms, the range and the point rule; this variant also returns the exact
 * decimal string and the unit. Linear in the text's length.
 */
export function readNorwegianNumber(text: string, context: NumberContext = "money", options: ReadNumberOptions | null = {}): ReadNumber {
  assert(typeof text === "string", INVALID_TEXT_MESSAGE, "text");
  assert(context === "money" || context === "indicator", INVALID_CONTEXT_MESSAGE, "context");
  const point = options?.point ?? null;
  assert(point === null || point === "decimal" || point === "thousands", INVALID_POINT_MESSAGE, "point");
  // Fast path: what nb-NO formatting and plain tables print ("−1 234,5", "-10410", "87.4"); a
  // point before exactly three digits, long numbers and zero take the full path.
  const f = FAST.exec(text);
  if (f && (f[3] !== "." || (point === null ? (f[4] as string).length !== 3 : point === "decimal"))) {
    const digits = (f[2] as string).replace(/\D/g, "");
    const frac = withoutTrailingZeros(f[4] ?? "");
    if (digits.length <= MAX_INTEGER_DIGITS && frac.length <= MAX_DECIMALS) {
      const decimal = (f[1] ? "-" : "") + digits + (frac ? "." + frac : "");
      const value = Number(decimal);
      if (value !== 0) return { value, decimal, unit: null };
    }
  }
  let s = text.trim();
  if (s === "" || PLACEHOLDER.test(s)) return NOT_AVAILABLE;
  if (LONE_DASH.test(s)) return context === "money" ? { value: 0, decimal: "0", unit: null } : NOT_AVAILABLE;

  let unit: NumberUnit | null = null;
  const u = UNIT.exec(s);
  if (u && u.index > 0) {
    unit = unitOf(u[0]);
    s = s.slice(0, u.index).trimEnd();
  } else if (/^kr\.?\s/i.test(s)) {
    unit = "kr"; // "kr 1 234,-"
    s = s.replace(/^kr\.?\s+/i, "");
  }
  s = s.replace(/,[-\u2013]$/, ""); // whole kroner: "1 234,-"

  let negative = false;
  const paren = /^\((.*)\)$/.exec(s);
  if (paren) {
    negative = true;
    s = (paren[1] as string).trim();
    if (SIGN.test(s)) throw new NumberParseError(text, "BAD_SIGN", "fortegn inne i en parentes (parentes betyr allerede minus)");
  } else {
    const sign = SIGN.exec(s);
    if (sign) {
      negative = sign[1] !== "+";
      s = s.slice(sign[0].length);
      if (SIGN.test(s)) throw new NumberParseError(text, "BAD_SIGN", "mer enn ett fortegn");
    }
  }

  if (point === "thousands" && s.includes(".")) {
    if (!POINT_GROUPED.test(s))
      throw new NumberParseError(text, "BAD_GROUPING", "punktum som tusenskille må stå mellom grupper på tre sifre (1.234.567), og desimaltegnet er komma");
    s = s.replace(/\./g, "");
  } else if (point === null && POINT_GROUPED.test(s)) {
    throw new NumberParseError(
      text,
      "AMBIGUOUS_POINT",
      /^\d+\.\d{3}$/.test(s)
        ? `punktum foran tre sifre kan være desimaltegn eller tusenskille; skriv ${s.replace(".", ",")} (desimalkomma) eller ${s.replace(".", " ")} (mellomrom som tusenskille)`
        : `punktum som tusenskille er ikke norsk skrivemåte og kan forveksles med desimaltegn; skriv ${s.replace(/\./g, " ")}`,
    );
  }
  if (!PLAIN.test(s) && !GROUPED.test(s)) throw new NumberParseError(text, ...diagnose(s, text));
  const [intPart, fracPart] = s.split(/[.,]/) as [string, string | undefined];
  const digits = intPart.replace(/\D/g, "").replace(/^0+(?=\d)/, "");
  const frac = withoutTrailingZeros(fracPart ?? "");
  if (digits.length > MAX_INTEGER_DIGITS)
    throw new NumberParseError(text, "TOO_LARGE", `for stort: høyst ${MAX_INTEGER_DIGITS} sifre før desimaltegnet (tallverdien må være under 10^${MAX_INTEGER_DIGITS})`);
  if (frac.length > MAX_DECIMALS) throw new NumberParseError(text, "TOO_MANY_DECIMALS", `for mange desimaler: høyst ${MAX_DECIMALS}`);
  const isZero = /^0*$/.test(digits) && frac === "";
  const decimal = (negative && !isZero ? "-" : "") + digits + (frac ? "." + frac : "");
  const value = Number(decimal);
  return { value: value === 0 ? 0 : value, decimal, unit };
}
function diagnose(s: string, text: string): [reason: "EMPTY" | "NOT_A_NUMBER" | "BAD_GROUPING" | "BAD_DECIMAL" | "BAD_UNIT", detail: string] {
  if (s === "") return ["EMPTY", "bare fortegn eller enhet, ingen sifre"];
  if (/^[\d\s.,]*\d\s*[^\d\s.,]+$/.test(s))
    return ["BAD_UNIT", `ukjent enhet «${s.replace(/^[\d\s.,]+/, "")}» (kjente: %, pp, prosentpoeng, kr, mill.)`];
  if (/[^\d\s.,]/.test(s)) return ["NOT_A_NUMBER", text.trim() === "" ? "tom tekst" : "inneholder tegn som ikke hører til et tall"];
  if ((s.match(/[.,]/g) ?? []).length > 1) return ["BAD_DECIMAL", "mer enn ett desimaltegn (bruk komma eller punktum, ikke begge)"];
  if (/^[.,]/.test(s) || /[.,]$/.test(s)) return ["BAD_DECIMAL", "desimaltegnet må ha sifre på begge sider"];
  return ["BAD_GROUPING", "tusenskille må stå mellom grupper på tre sifre, med ett mellomrom (kan være to tall i to kolonner)"];
}
