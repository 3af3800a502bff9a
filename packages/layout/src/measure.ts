import type { Cell, CellStyle } from "./types.js";

/**
 * How wide a cell's text is, in Excel's column unit: the width of the digit 0 in the default font
 * (rule 8). Excel (Calibri) and LibreOffice (whatever font replaces Calibri: DejaVu Sans on a bare
 * Linux) both size a column by that digit, so a text measured in digits of the wider font (DejaVu
 * Sans, advance widths per 2048 units below) fits in either. An estimate, on the wide side.
 */
const DIGIT = 1303;
const lower: Record<string, number> = {
  a: 1255, b: 1300, c: 1126, d: 1300, e: 1260, f: 721, g: 1300, h: 1298, i: 569, j: 569, k: 1186, l: 569, m: 1995,
  n: 1298, o: 1253, p: 1300, q: 1300, r: 842, s: 1067, t: 803, u: 1298, v: 1212, w: 1675, x: 1212, y: 1212, z: 1075,
  æ: 2010, ø: 1253, å: 1255, é: 1260, ü: 1298, ö: 1253, ä: 1255,
};
const upper: Record<string, number> = {
  A: 1401, B: 1405, C: 1430, D: 1577, E: 1294, F: 1178, G: 1587, H: 1540, I: 604, J: 604, K: 1343, L: 1141, M: 1767,
  N: 1532, O: 1612, P: 1235, Q: 1612, R: 1423, S: 1300, T: 1251, U: 1499, V: 1401, W: 2025, X: 1403, Y: 1251, Z: 1403,
  Æ: 2052, Ø: 1612, Å: 1401,
};
const other: Record<string, number> = {
  " ": 651, ".": 651, ",": 651, ":": 690, ";": 690, "'": 563, '"': 819, "-": 739, "(": 799, ")": 799, "/": 690, "%": 1946,
  "+": 1716, "=": 1716, "<": 1716, ">": 1716, "&": 1597, "«": 1255, "»": 1255, "–": 1024, "—": 2048, "−": 1716, "…": 2048,
  "!": 821, "?": 1087, "≥": 1716, "≤": 1716, "*": 1024, "#": 1716, "@": 2048, "_": 1024, "§": 1024,
};
const advances = new Map<string, number>([...Object.entries(lower), ...Object.entries(upper), ...Object.entries(other)]);
for (const d of "0123456789") advances.set(d, DIGIT);
const advance = (ch: string): number => advances.get(ch) ?? 1400;

/** Bold DejaVu Sans is about a tenth wider than regular; the column unit stays the regular digit. */
const BOLD = 1.1;
export const DEFAULT_FONT_SIZE = 11;

/** The width of `text` on one line, in digit units, for a cell of this style. */
export function textWidth(text: string, style?: CellStyle): number {
  return plainWidth(text) * (style?.bold ? BOLD : 1) * ((style?.fontSize ?? DEFAULT_FONT_SIZE) / DEFAULT_FONT_SIZE);
}

// Labels, ids and yes/no repeat down a sheet: measure each text once.
const measured = new Map<string, number>();
function plainWidth(text: string): number {
  // Short texts (numbers, ids, Ja/Nei) are cheaper to measure than to look up.
  if (text.length <= 12) {
    let units = 0;
    for (let i = 0; i < text.length; i++) units += advance(text[i]!);
    return units / DIGIT;
  }
  let width = measured.get(text);
  if (width === undefined) {
    let units = 0;
    for (const ch of text) units += advance(ch);
    width = units / DIGIT;
    if (measured.size > 50_000) measured.clear();
    measured.set(text, width);
  }
  return width;
}

/** Room a cell loses to its padding, in digit units, and a margin for the estimate. */
export const CELL_PADDING = 1.2;

/** The height of one line of text in points (a 15-point row for 11-point text). */
export function lineHeight(style?: CellStyle): number {
  return Math.ceil(((style?.fontSize ?? DEFAULT_FONT_SIZE) * 15) / DEFAULT_FONT_SIZE);
}

/** The lines a wrapped text takes in a column `width` digits wide: greedy, breaking at spaces, as a spreadsheet does. */
export function wrapLines(text: string, width: number, style?: CellStyle): string[] {
  const room = width - CELL_PADDING;
  const lines: string[] = [];
  const space = textWidth(" ", style);
  for (const paragraph of text.split("\n")) {
    let line = "";
    let width = 0;
    for (const word of paragraph.split(" ")) {
      const w = textWidth(word, style);
      if (line !== "" && width + space + w > room) {
        lines.push(line);
        line = word;
        width = w;
      } else {
        width = line === "" ? w : width + space + w;
        line = line === "" ? word : `${line} ${word}`;
      }
    }
    lines.push(line);
  }
  return lines;
}

/** The widest word of a text: a wrapped cell narrower than this clips it. */
export function longestWord(text: string, style?: CellStyle): number {
  if (!text.includes(" ") && !text.includes("\n")) return textWidth(text, style);
  let widest = 0;
  for (const word of text.split(/[ \n]/)) widest = Math.max(widest, textWidth(word, style));
  return widest;
}

/** Digits grouped by three (an nb-NO space or an en-US comma: the same room). */
function grouped(n: number): string {
  const s = Math.abs(n).toFixed(0);
  return (n < 0 && s !== "0" ? "-" : "") + s.replace(/\B(?=(\d{3})+(?!\d))/g, " ");
}

/**
 * The text a number shows in a format of the layout (formats.ts), close enough to measure: the
 * decimals the format asks for, its literal suffix, a minus sign.
 */
export function formatNumber(value: number, format?: string): string {
  if (!format) return String(Number(value.toPrecision(10)));
  if (format === ";;;") return "";
  if (format === "#,##0") return grouped(value);
  if (format === "0") return value.toFixed(0);
  const f = parsedFormat(format);
  if (f.literal !== null) return f.literal;
  return `${f.plus && value >= 0 ? "+" : ""}${(value * f.scale).toFixed(f.decimals)}${f.suffix}`;
}

interface ParsedFormat {
  /** A format of literal texts only ("legg til (+)";…): its longest. */
  literal: string | null;
  decimals: number;
  scale: number;
  suffix: string;
  plus: boolean;
}
const parsedFormats = new Map<string, ParsedFormat>();
function parsedFormat(format: string): ParsedFormat {
  let f = parsedFormats.get(format);
  if (!f) {
    const first = format.split(";")[0]!;
    const percent = first.startsWith("0.0%");
    f = {
      literal: format.startsWith('"') ? format.split(";").map((p) => p.replace(/"/g, "")).sort((a, b) => b.length - a.length)[0]! : null,
      decimals: (first.split(".")[1] ?? "").replace(/"[^"]*"/g, "").replace(/[^0#]/g, "").length,
      scale: percent ? 100 : 1,
      suffix: (first.match(/"([^"]*)"/)?.[1] ?? "") + (percent ? "%" : ""),
      plus: first.startsWith("+"),
    };
    parsedFormats.set(format, f);
  }
  return f;
}

/** What a cell shows, as text to measure ("" for an empty cell). A formula shows its expected value. */
export function displayText(cell: Cell | null | undefined): string {
  if (!cell) return "";
  switch (cell.kind) {
    case "text":
      return cell.value;
    case "number":
      return formatNumber(cell.value, cell.format);
    case "boolean":
      return cell.value ? "TRUE" : "FALSE";
    case "formula":
      if (typeof cell.expected === "number") return formatNumber(cell.expected, cell.format);
      return cell.expected == null ? "" : String(cell.expected);
    case "blank":
      return "";
  }
}
