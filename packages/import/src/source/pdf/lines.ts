import { DASH_MINUS_SIGNS, GROUP_SPACES, MINUS_SIGNS, charClass, pdfLayout } from "@bydel/core";
import type { PositionedText } from "./items.js";

/** A cell-sized piece of a line: runs closer than a cell gap joined into one. */
export interface PdfToken {
  readonly text: string;
  readonly x0: number;
  readonly x1: number;
  readonly numeric: boolean;
}

export interface PdfLine {
  readonly y: number;
  readonly size: number;
  readonly tokens: PdfToken[];
}

/** A number as a cell prints it: sign, digit groups, decimals, percent; parentheses for a negative. */
const NUMERIC = new RegExp(`^[(]?${charClass(`${MINUS_SIGNS}+`)}?\\s?\\d[\\d\\s${GROUP_SPACES}.,]*\\)?\\s?%?$`, "u");
/** Inside a number, any space between digit groups becomes a no-break space: the text stage reads it as one number. */
const GROUP_SPACE = new RegExp(`(\\d)${charClass(GROUP_SPACES)}(?=\\d{3}(?!\\d))`, "gu");
/** Dashes used as a minus sign before a number. */
const DASH_MINUS = new RegExp(`^([(]?)${charClass(DASH_MINUS_SIGNS)}(?=\\s?\\d)`, "u");

export function isNumeric(text: string): boolean {
  return NUMERIC.test(text.trim());
}

/** An integer cell whose runs were split anywhere («1 787899», «2120 248»): one number, regrouped. */
const SPLIT_INTEGER = new RegExp(`^([(]?[-+\u2212]?)(\\d[\\d${GROUP_SPACES}]*\\d)(\\)?)$`, "u");

/**
 * One cell's text: a number's groups joined by no-break spaces, its dash made a minus. `joined`:
 * the cell was put together from runs split inside it, so it holds one number whose digits are
 * regrouped by threes whatever the producer put between the runs. (A single run may hold several
 * cells, «5 525 5 400», and is never regrouped.)
 */
export function cellText(text: string, joined = false): string {
  const t = text.trim();
  if (!isNumeric(t)) return t;
  const signed = t.replace(DASH_MINUS, "$1-").replace(/^([(]?[-+\u2212])\s(?=\d)/u, "$1");
  const m = joined ? SPLIT_INTEGER.exec(signed) : null;
  if (m && /\s/u.test(m[2]!)) {
    const digits = m[2]!.replace(/\D/gu, "");
    return `${m[1]}${digits.replace(/\B(?=(\d{3})+(?!\d))/gu, "\u00A0")}${m[3]}`;
  }
  return signed.replace(GROUP_SPACE, "$1\u00A0");
}

/** Items whose baselines lie within `sameLine` of a font size of each other, left to right. */
export function groupLines(items: readonly PositionedText[], settings = pdfLayout): PdfLine[] {
  const sorted = [...items].sort((p, q) => p.y - q.y || p.x0 - q.x0);
  const bands: PositionedText[][] = [];
  let band: PositionedText[] = [];
  let bandY = -Infinity;
  let bandSize = 0;
  for (const it of sorted) {
    if (band.length > 0 && it.y - bandY <= settings.sameLine * Math.max(bandSize, it.size)) {
      band.push(it);
      continue;
    }
    if (band.length > 0) bands.push(band);
    band = [it];
    bandY = it.y;
    bandSize = it.size;
  }
  if (band.length > 0) bands.push(band);
  return bands.map((b) => toLine(b, settings));
}

function toLine(band: PositionedText[], settings: typeof pdfLayout): PdfLine {
  band.sort((p, q) => p.x0 - q.x0);
  const size = band.reduce((m, b) => (b.size > m ? b.size : m), 0);
  const tokens: PdfToken[] = [];
  let cur: { text: string; x0: number; x1: number; size: number; joined: boolean } | null = null;
  for (const it of band) {
    if (cur !== null) {
      const gap: number = it.x0 - cur.x1;
      // in a monospaced font a word and a number in one cell stand a space (0.6 em) apart too: «maks 67 %», «innen 6 mnd.»
      const mono = cur.x1 - cur.x0 >= settings.monospaced * cur.size * [...cur.text].length;
      const words = (/\p{L}[.,)]?$/u.test(cur.text) && /^\p{L}/u.test(it.text)) || (mono && ((/\p{L}[.,)]?$/u.test(cur.text) && /^\d/u.test(it.text)) || (/(?:^|\s)\d{1,2}$/u.test(cur.text) && /^\p{L}/u.test(it.text))));
      // «11,4» and «%» drawn apart (a monospaced space): one cell
      const percent = /\d$/u.test(cur.text) && /^%/u.test(it.text);
      const thousands = /(?:^|[^\d])\d{1,3}$/u.test(cur.text) && /^\d{3}(?:$|[^\d])/u.test(it.text) && isNumeric(cur.text) && isNumeric(it.text);
      const limit = words || thousands || percent ? settings.wordGap : settings.cellGap;
      if (gap < limit * Math.min(cur.size, it.size)) {
        // a run split inside a cell: no space for a touching run, one for a word gap
        const space: string = gap > 0.15 * it.size && !/\s$/u.test(cur.text) && !/^\s/u.test(it.text) ? " " : "";
        cur = { text: cur.text + space + it.text, x0: cur.x0, x1: Math.max(cur.x1, it.x1), size: Math.max(cur.size, it.size), joined: true };
        continue;
      }
      tokens.push(finish(cur));
    }
    cur = { text: it.text, x0: it.x0, x1: it.x1, size: it.size, joined: false };
  }
  if (cur !== null) tokens.push(finish(cur));
  return { y: band[0]!.y, size, tokens };
}

function finish(t: { text: string; x0: number; x1: number; joined: boolean }): PdfToken {
  const text = cellText(t.text.replace(/\s+/gu, (s) => (s.includes("\u00A0") || s.includes("\u2009") || s.includes("\u202F") ? s[0]! : " ")), t.joined);
  return { text, x0: t.x0, x1: t.x1, numeric: isNumeric(text) };
}
