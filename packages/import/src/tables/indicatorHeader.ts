import { serviceAreaOf } from "@bydel/core";
import { cellTail } from "../cells/cells.js";
import { isBlank, type Line } from "../source/lines.js";
import { readHeaderWords, type HeaderColumn } from "./header.js";
import {
  indicatorHeaderFragment,
  indicatorHeaderWords,
  indicatorLineFilter,
  indicatorStarts,
  wrappedIndicatorStart,
  type IndicatorColumnKind,
  type IndicatorTableKind,
} from "./registry.js";

/**
 * Locating an indicator table: its start line (a caption, or a header alone) and its header, whose
 * column words (Resultat/Måltall/Mål/Avvik + year) name the columns.
 */

export type ColumnKind = IndicatorColumnKind;

/** A column: its kind, its year, and where its word stands in the header's text. */
export type Column = Pick<HeaderColumn<ColumnKind>, "kind" | "year"> & Partial<Pick<HeaderColumn<ColumnKind>, "start" | "end">>;

export type TableKind = IndicatorTableKind;

export const START = indicatorStarts;

/** «Obligatoriske sentrale» with «måltall …» on the line below: a caption wrapped before its last word. */
export const WRAPPED_START = wrappedIndicatorStart;

/** The start of a table whose caption wraps before its last word («Obligatoriske sentrale» over «måltall FO2B Barnevern»), as START gives it. */
export function wrappedStart(lines: readonly Line[], i: number): [RegExp, TableKind] | undefined {
  if (!WRAPPED_START.test(lines[i]!.text)) return undefined;
  let j = i + 1;
  while (j < lines.length && j <= i + 2 && isBlank(lines[j]!.text)) j++;
  return j < lines.length && /^\s*(?:måltall|resultatindikatorer)\b/iu.test(lines[j]!.text) ? [WRAPPED_START, "indicator"] : undefined;
}

/** A header fragment: only column words, years, "bydel", parentheses and dashes. */
export const FRAGMENT = indicatorHeaderFragment;

/** The columns a header's text names: its column words (with "bydel"/"sykefravær" and the year after each), notes aside. */
export function columnsOf(header: string): Column[] {
  return readHeaderWords(header, indicatorHeaderWords).columns;
}

export interface Table {
  kind: TableKind;
  area: string | null;
  columns: Column[];
  startLine: number;
  /** The header's years stand on a line of their own and do not match its year-less columns: which year each column is, is not proven. */
  yearsUnsure?: boolean;
}

/**
 * A header's line of years under its words, which may begin with the end of the label column's
 * caption («Resultatindikatorer funksjonsområde  Resultat …» over «1  2022  2023 …») and end in notes.
 */
const YEARS_LINE = /^(?:\S{1,3}\s+)?(?:(?:19|20)\d\d\s+)+(?:19|20)\d\d(?:\s*\([^)]*\))*$/u;
/** The same with a longer caption's end before the years («tjenester og arbeidsrettede tiltak 2022 2023 …»): words, no digits. */
const CAPTION_YEARS_LINE = /^\p{L}[^\d()]*\s(?:(?:19|20)\d\d\s+)+(?:19|20)\d\d(?:\s*\([^)]*\))*$/u;

/**
 * A caption's end and the header's years on the line under its first line: taken only right under it,
 * and only with as many years as the columns above lack (a row's label and counts in 1900–2099 are not).
 */
function captionYears(text: string, parts: readonly string[]): boolean {
  const t = text.trim();
  if (parts.length !== 1 || !CAPTION_YEARS_LINE.test(t) || columnsOf(t).length > 0) return false;
  return yearsOf(t).length === columnsOf(parts[0]!).filter((c) => c.year === null).length;
}

/** The years of a header line outside its notes in parentheses. */
const yearsOf = (text: string): number[] => readHeaderWords(text, indicatorHeaderWords).years;

/**
 * A header laid out with its years on a line of their own under the words («Resultat  Resultat  Måltall 2018»
 * over «bydel 2016  2017»): joined as words, each year would follow the wrong word. The years of such lines
 * (two or more, no column word) are the year-less columns' years, in order, when there are just as many;
 * null when the header has no such line.
 */
function yearsBelow(parts: readonly string[]): Column[] | "unsure" | null {
  const below = parts.filter((p) => columnsOf(p).length === 0 && yearsOf(p).length >= 2);
  if (below.length === 0) return null;
  const columns = parts.filter((p) => !below.includes(p)).flatMap((p) => columnsOf(p));
  const years = below.flatMap(yearsOf);
  const open = columns.flatMap((c, n) => (c.year === null ? [n] : []));
  if (years.length !== open.length) return "unsure";
  return columns.map((c, n) => (c.year === null ? { ...c, year: years[open.indexOf(n)]! } : c));
}

/** The header block from a start line: column words until the first line that is no header fragment. */
export function readHeader(lines: readonly Line[], start: number, kind: TableKind): { columns: Column[]; next: number; title: string; yearsUnsure: boolean } | null {
  let header = "";
  /** The header's lines, as read (the start line without its start words). */
  const parts: string[] = [];
  let i = start;
  let seen = 0;
  // the column words may stand on the line above, the years beside the start words («Resultat Resultat Måltall Resultat Avvik»
  // over «Resultatindikator 2022 2023 2024 2024 2024», text joined into lines without its gaps)
  const startOwn = lines[start]!.text.replace(START.find(([re]) => re.test(lines[start]!.text))?.[0] ?? /^/, "");
  const above = columnsOf(startOwn).length === 0 && yearsOf(startOwn).length >= 2 ? wordsAbove(lines, start) : null;
  if (above !== null) {
    header = ` ${above}`;
    parts.push(above);
    seen = columnsOf(above).length;
  }
  for (; i < lines.length && i < start + 30; i++) {
    const t = lines[i]!.text;
    if (isBlank(t)) continue;
    const own = i === start ? t.replace(START.find(([re]) => re.test(t))?.[0] ?? /^/, "") : t;
    const cols = columnsOf(own).length;
    if (i === start || seen === 0 || FRAGMENT.test(t.trim()) || (seen > 0 && (YEARS_LINE.test(t.trim()) || captionYears(t, parts))) || (cols > 0 && cellTail(t).atoms.length === 0 && t.length < 60)) {
      header += ` ${own.trim()}`;
      parts.push(own.trim());
      seen += cols;
      if (kind === "monthlySickLeave" || kind === "sickLeave") {
        if (i === start && cols >= 3) {
          i++;
          break;
        }
      }
      continue;
    }
    break;
  }
  const below = yearsBelow(parts);
  // years below that match no column count: the words' own joining may put a year on the wrong column
  const columns = below === null || below === "unsure" ? columnsOf(header) : below;
  if (columns.length < 2) return null;
  return { columns, next: i, title: header.trim(), yearsUnsure: below === "unsure" };
}

/** The line just above a start line, when it holds two column words or more (and their years) and nothing else. */
function wordsAbove(lines: readonly Line[], start: number): string | null {
  for (let j = start - 1; j >= 0 && j >= start - 2; j--) {
    const t = lines[j]!.text.trim();
    if (t === "") continue;
    return FRAGMENT.test(t) && columnsOf(t).length >= 2 ? t : null;
  }
  return null;
}

/** Cheap test before the patterns: a numbered heading, a Hovedoversikt, or a table start word. */
export const MAYBE = indicatorLineFilter;

export function areaFromHeading(text: string): string | null {
  const t = text.trim();
  if (!/^\d+(\.\d+)*\.?\s/u.test(t) && !/^hovedoversikt/iu.test(t)) return null;
  return serviceAreaOf(t);
}

/** A table's start words after other text on the line ("… til 0-24 år Obligatoriske sentrale måltall for FO2B"), as a PDF's text boxes may join them. */
const MID_START = /(?<=\S\s+)obligatoriske\s+sentrale\s+(?:resultatindikatorer|måltall)\b/iu;

/** Lines with a table's start words after other text split in two at them; both parts keep the line's number. */
/** The cheap test before MID_START, whose look-behind is costly on every line. */
const midStartAt = (text: string): RegExpExecArray | null => (/obligatoriske/iu.test(text) ? MID_START.exec(text) : null);

export function splitMidStarts(lines: readonly Line[]): readonly Line[] {
  // one pass, and a copy only from the first split on
  let out: Line[] | null = null;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const m = midStartAt(l.text);
    if (m) (out ??= lines.slice(0, i)).push({ no: l.no, text: l.text.slice(0, m.index).trimEnd() }, { no: l.no, text: l.text.slice(m.index) });
    else out?.push(l);
  }
  return out ?? lines;
}
