import { assert } from "../assert.js";
import { NumberParseError } from "../errors.js";
import { INVALID_CONTEXT_MESSAGE, INVALID_TEXT_MESSAGE } from "../messages.js";
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
const UNIT =
  /\s*(%-poeng|%|prosentpoeng|p\.p\.|pp|mill\.?\s*kr\.?|millioner(?:\s*kroner)?|mill\.?|mrd\.?|milliarder|kr\.?|kroner)$/i;
const SIGN = new RegExp(`^([+${MINUS}])\\s*`);
const PLAIN = /^\d+(?:[.,]\d+)?$/;
const FAST = /^([-\u2212]?)([1-9]\d{0,2}(?:\u00A0\d{3})+|[1-9]\d*|0(?=[.,]))(?:[.,](\d+))?$/;
const GROUPED = new RegExp(`^\\d{1,3}(?:[${GROUP}]\\d{3})+(?:[.,]\\d+)?$`);

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
 * Reads a number as Norwegian reports and Excel (nb-NO) print it. See {@link parseNorwegianNumber}
 * for the accepted forms; this variant also returns the exact decimal string and the unit.
 */
export function readNorwegianNumber(text: string, context: NumberContext = "money"): ReadNumber {
  assert(typeof text === "string", INVALID_TEXT_MESSAGE, "text");
  assert(context === "money" || context === "indicator", INVALID_CONTEXT_MESSAGE, "context");
  // Fast path: what nb-NO formatting and plain tables print ("−1 234,5", "-10410", "87.4").
  const f = FAST.exec(text);
  if (f) {
    const digits = (f[2] as string).replace(/\D/g, "");
    const frac = f[3]?.replace(/0+$/, "");
    const decimal = (f[1] ? "-" : "") + digits + (frac ? "." + frac : "");
    const value = Number(decimal);
    if (value !== 0) return { value, decimal, unit: null };
  }
  let s = text.trim();
  if (s === "" || PLACEHOLDER.test(s)) return NOT_AVAILABLE;
  if (LONE_DASH.test(s)) return context === "money" ? { value: 0, decimal: "0", unit: null } : NOT_AVAILABLE;

  let unit: NumberUnit | null = null;
  const u = UNIT.exec(s);
  if (u && u.index > 0) {
    unit = unitOf(u[1] as string);
    s = s.slice(0, u.index).trim();
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

  if (!PLAIN.test(s) && !GROUPED.test(s)) throw new NumberParseError(text, ...diagnose(s, text));
  const [intPart, fracPart] = s.split(/[.,]/) as [string, string | undefined];
  const digits = intPart.replace(/\D/g, "").replace(/^0+(?=\d)/, "");
  const frac = fracPart?.replace(/0+$/, "") ?? "";
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
