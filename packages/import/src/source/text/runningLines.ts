import { DEFAULT_MAX_PAGES, PAGE_NUMBER, repeatKey } from "../pageNumbers.js";
import { isBlank, type Line } from "../lines.js";

/**
 * The running headers and footers of text that has no page breaks (pdf.js text joined into lines, a
 * viewer's copy), which would otherwise stand inside a table that crosses a page. A line that
 * repeats, digits aside, beside a lone number («Årsberetning 2024 – Bydel Sagene» / «5»), or with
 * the number in it («Bydel X • Årsberetning 2024 • 71»), is furniture when those numbers run with
 * the document: they rise from one to the next. Only those lines are dropped: a few inferred pages
 * are too few to tell other repeated lines («Obligatoriske sentrale måltall» atop several pages)
 * from furniture, and the table readers join what the break parts, as in the original extractions.
 * Text with form feeds is left to page assembly (`pages.ts`).
 */

interface Mark {
  readonly page: number;
  /** Indexes of its lines: the running line, and its page number when that stands alone. */
  readonly lines: readonly number[];
}

/** The line numbers of the running lines and their page numbers; empty when the text has form feeds or none is found. */
export function runningFurniture(lines: readonly Line[]): ReadonlySet<number> {
  if (lines.some((l) => l.text.includes("\f"))) return new Set();
  return new Set(runningMarks(lines).flatMap((m) => m.lines.map((i) => lines[i]!.no)));
}

const norm = (t: string): string => t.replace(/[\u00A0\u202F\u2007\u2009]/gu, " ").replace(/\s+/gu, " ").trim();

/** The marks of the running line that best fits: most occurrences whose page numbers rise. */
function runningMarks(lines: readonly Line[]): Mark[] {
  const byKey = new Map<string, Mark[]>();
  const add = (key: string, mark: Mark): void => {
    const list = byKey.get(key) ?? [];
    if (list.length === 0) byKey.set(key, list);
    list.push(mark);
  };
  const nonBlank: number[] = [];
  lines.forEach((l, i) => {
    if (!isBlank(l.text)) nonBlank.push(i);
  });
  nonBlank.forEach((i, j) => {
    const text = norm(lines[i]!.text);
    // a running line has a year and a page number at most: a row of figures is a table's, however often its label repeats
    if (text.length > MAX_FURNITURE_CHARS || !/\p{L}/u.test(text) || (text.match(/\d+/gu)?.length ?? 0) > 2) return;
    const key = repeatKey(text);
    // a lone page number just above or below the line
    for (const n of [nonBlank[j - 1], nonBlank[j + 1]]) {
      if (n === undefined) continue;
      const m = PAGE_NUMBER.exec(norm(lines[n]!.text));
      if (m && Number(m[1] ?? m[2]) <= DEFAULT_MAX_PAGES) add(`${key}\u0000lone`, { page: Number(m[1] ?? m[2]), lines: [i, n] });
    }
    // the page number inside the line, last
    const inside = /(\d{1,4})\s*$/u.exec(text) ?? /^(\d{1,4})\s/u.exec(text);
    if (inside && Number(inside[1]) <= DEFAULT_MAX_PAGES) add(`${key}\u0000inside`, { page: Number(inside[1]), lines: [i] });
  });
  let best: Mark[] = [];
  for (const marks of byKey.values()) {
    if (marks.length < MIN_PAGES || marks.length <= best.length) continue;
    // the numbers run with the document: nearly every next one is higher, and the furniture lines lie apart
    let rising = 0;
    for (let k = 1; k < marks.length; k++) if (marks[k]!.page > marks[k - 1]!.page && marks[k]!.lines[0]! > marks[k - 1]!.lines[0]! + 1) rising++;
    if (rising >= RISING_SHARE * (marks.length - 1) && rising >= MIN_PAGES - 1) best = marks;
  }
  return best;
}

/** A running header or footer is a short line. */
const MAX_FURNITURE_CHARS = 120;
/** Fewer pages than this prove no running line. */
const MIN_PAGES = 3;
/** Nearly every next page number is higher (a page may lack its footer; a chance pairing of a label and a cell is not so orderly). */
const RISING_SHARE = 0.9;
