import { DASH_MINUS_SIGNS, THOUSANDS_ONLY_SPACES, charClass } from "@bydel/core";
import type { Line } from "../lines.js";

/**
 * Every space and minus that core's parser accepts, read the same way by the table readers: a
 * typographic space between a number's digit groups (U+202F, U+2009, U+2007) becomes the no-break
 * space the readers take for thousands, and a dash used as a minus (en dash, figure dash, U+2010)
 * becomes the minus sign. A line that sets no-break spaces between its columns too (a 1–3 digit
 * group followed by four groups or more would be 10¹² kr) has them read as plain spaces, so the
 * column search decides, as for any line set one space apart. A sign set apart from its number
 * («+ 4 %», «- 8 %») is left to the cell readings (`cells.ts`): a minus alone may be a placeholder.
 */
const THIN = new RegExp(`(\\d)${charClass(THOUSANDS_ONLY_SPACES.replace("\u00A0", ""))}(?=\\d{3}(?!\\d))`, "gu");
const DASH = new RegExp(`(^|[\\s(])${charClass(DASH_MINUS_SIGNS)}(?=\\s?\\d)`, "gu");
const ALL_NBSP = /\d{1,3}(?:\u00A0\d{3}){4,}/u;
const CANDIDATE = new RegExp(`${charClass(THOUSANDS_ONLY_SPACES.replace("\u00A0", "") + DASH_MINUS_SIGNS)}|\\d\\u00A0\\d{3}\\u00A0\\d{3}\\u00A0\\d{3}`, "u");

export function normalizeTypography(line: string): string {
  if (!/\d/u.test(line) || !CANDIDATE.test(line)) return line;
  let t = line.replace(THIN, "$1\u00A0").replace(DASH, "$1\u2212");
  if (ALL_NBSP.test(t)) t = t.replace(/(\d)\u00A0(?=\d)/gu, "$1 ");
  return t;
}

export function readTypography(lines: readonly Line[]): Line[] {
  return lines.map((l) => {
    const text = normalizeTypography(l.text);
    return text === l.text ? l : { no: l.no, text };
  });
}
