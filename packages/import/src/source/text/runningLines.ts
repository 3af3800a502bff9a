import { pdfLayout } from "@bydel/core";
import { DEFAULT_MAX_PAGES, PAGE_NUMBER, repeatKey } from "../pageNumbers.js";
import { isBlank, lastVisibleCode, type Line } from "../lines.js";

/**
 * The running headers and footers of text that has no page breaks (pdf.js text joined into lines, a
 * viewer's copy), which would otherwise stand inside a table that crosses a page. A line that
 * repeats, digits aside, beside a lone number («Årsberetning 2024 – Bydel Sagene» / «5»), or with
 * the number in it («Bydel X • Årsberetning 2024 • 71»), is furniture when those numbers run with
 * the document: they rise from one to the next, and the line stands on most pages they span. Only those lines are dropped: a few inferred pages
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

/** The marks of the running line that best fits: most occurrences whose page numbers rise, on most pages they span. */
function runningMarks(lines: readonly Line[]): Mark[] {
  const byKey = new Map<string, Mark[]>();
  const add = (text: string, how: string, mark: Mark): void => {
    const key = `${repeatKey(text)}\u0000${how}`;
    const list = byKey.get(key) ?? [];
    if (list.length === 0) byKey.set(key, list);
    list.push(mark);
  };
  const nonBlank: number[] = [];
  lines.forEach((l, i) => {
    if (!isBlank(l.text)) nonBlank.push(i);
  });
  /** The line's text when it may be a running line: short, with letters, a year and a page number at most. */
  const running = (i: number): string | null => {
    const raw = lines[i]!.text;
    if (raw.length > MAX_FURNITURE_CHARS * 2 || !/\p{L}/u.test(raw)) return null;
    const text = norm(raw);
    // a row of figures is a table's, however often its label repeats
    return text.length > MAX_FURNITURE_CHARS || (text.match(/\d+/gu)?.length ?? 0) > 2 ? null : text;
  };
  // cheap tests first: this runs on every line of a report, and few lines end in a digit or are a number alone
  nonBlank.forEach((n, j) => {
    const raw = lines[n]!.text;
    const last = lastVisibleCode(raw);
    // a digit, or the dash of «– 5 –»
    if ((last < 48 || last > 57) && last !== 45 && last !== 0x2013) return;
    if (raw.length <= 24) {
      // a lone page number: the line just above or below it may be the running line
      const page = pageOf(PAGE_NUMBER.exec(norm(raw)));
      if (page !== null)
        for (const i of [nonBlank[j - 1], nonBlank[j + 1]]) {
          const text = i === undefined ? null : running(i);
          if (text !== null) add(text, "lone", { page, lines: [i!, n] });
        }
    }
    // the page number inside the running line, last
    const text = running(n);
    const page = text === null ? null : pageOf(/(\d{1,4})\s*$/u.exec(text));
    if (page !== null) add(text!, "inside", { page, lines: [n] });
  });
  let best: Mark[] = [];
  for (const marks of byKey.values()) {
    if (marks.length < MIN_PAGES || marks.length <= best.length) continue;
    // the numbers run with the document: nearly every next one is higher, the furniture lines lie apart,
    // and the line stands on most of the pages its numbers span («plass 1», «plass 7», «plass 600» do not)
    let rising = 0;
    for (let k = 1; k < marks.length; k++) if (marks[k]!.page > marks[k - 1]!.page && marks[k]!.lines[0]! > marks[k - 1]!.lines[0]! + 1) rising++;
    const span = marks[marks.length - 1]!.page - marks[0]!.page + 1;
    if (rising >= RISING_SHARE * (marks.length - 1) && rising >= MIN_PAGES - 1 && marks.length >= pdfLayout.furnitureShare * span) best = marks;
  }
  return best;
}

/** A matched page number (group 1 or 2), when it could be one. */
function pageOf(m: RegExpExecArray | null): number | null {
  const page = m ? Number(m[1] ?? m[2]) : NaN;
  return page >= 1 && page <= DEFAULT_MAX_PAGES ? page : null;
}

/** A running header or footer is a short line. */
const MAX_FURNITURE_CHARS = 120;
/** Fewer pages than this prove no running line. */
const MIN_PAGES = 3;
/** Nearly every next page number is higher (a page may lack its footer; a chance pairing of a label and a cell is not so orderly). */
const RISING_SHARE = 0.9;
