import { pdfLayout } from "@bydel/core";
import { DEFAULT_MAX_PAGES, PAGE_NUMBER, repeatKey } from "../pageNumbers.js";
import { lastVisibleCode, normalizeForMatch as norm, type Line } from "../lines.js";

/**
 * The running headers and footers of text that has no page breaks (pdf.js text joined into lines, a
 * viewer's copy), which would otherwise stand inside a table that crosses a page. A line that
 * repeats, digits aside, beside a lone number («Årsberetning 2024 – Bydel Sagene» / «5»), or with
 * the number in it («Bydel X • Årsberetning 2024 • 71»), is furniture when those numbers run with
 * the document: they rise from one to the next, and the line stands on most pages they span. Only
 * those lines are dropped: a few inferred pages are too few to tell other repeated lines
 * («Obligatoriske sentrale måltall» atop several pages) from furniture, and the table readers join
 * what the break parts, as in the original extractions.
 * Text with form feeds is left to page assembly (`pages.ts`).
 */

interface Mark {
  readonly page: number;
  /** Indexes of its lines: the running line, and its page number when that stands alone. */
  readonly lines: readonly number[];
}

/**
 * The line numbers of the running lines, their page numbers and the blank lines around them (as at
 * a page break, they are layout, not a paragraph's or a table's end); empty when the text has form
 * feeds or none is found. Lines `known` as page footers are left to the readers.
 */
export function runningFurniture(lines: readonly Line[], known: (text: string) => boolean = () => false): ReadonlySet<number> {
  const out = new Set<number>();
  if (lines.some((l) => l.text.includes("\f"))) return out;
  const blank = (i: number): boolean => i >= 0 && i < lines.length && lastVisibleCode(lines[i]!.text) === -1;
  for (const m of runningMarks(lines)) {
    // a footer the table readers know («Bydel X • Årsberetning 2024 • 71») stays: they skip it and read its page number
    if (known(lines[m.lines[0]!]!.text)) continue;
    let lo = Math.min(...m.lines);
    let hi = Math.max(...m.lines);
    while (blank(lo - 1)) lo--;
    while (blank(hi + 1)) hi++;
    for (let i = lo; i <= hi; i++) if (m.lines.includes(i) || blank(i)) out.add(lines[i]!.no);
  }
  return out;
}

/** The marks of the running line that best fits: most occurrences whose page numbers rise, on most pages they span. */
function runningMarks(lines: readonly Line[]): Mark[] {
  const byKey = new Map<string, Mark[]>();
  const add = (text: string, how: string, mark: Mark): void => {
    const key = `${repeatKey(text)}\u0000${how}`;
    const list = byKey.get(key) ?? [];
    if (list.length === 0) byKey.set(key, list);
    list.push(mark);
  };
  // one scan of each line's end tells the blank lines (no visible character) and those that may hold a page number
  const nonBlank: number[] = [];
  const lastCodes: number[] = [];
  lines.forEach((l, i) => {
    const last = lastVisibleCode(l.text);
    if (last === -1) return;
    nonBlank.push(i);
    lastCodes.push(last);
  });
  /** The line's text when it may be a running line: short, with letters, a year and a page number at most. */
  const running = (i: number): string | null => {
    const raw = lines[i]!.text;
    // a row of figures is a table's, however often its label repeats
    if (raw.length > MAX_FURNITURE_CHARS * 2 || digitRuns(raw) > 2 || !/\p{L}/u.test(raw)) return null;
    const text = norm(raw);
    return text.length > MAX_FURNITURE_CHARS ? null : text;
  };
  // cheap tests first: this runs on every line of a report, and few lines end in a digit or are a number alone
  nonBlank.forEach((n, j) => {
    const raw = lines[n]!.text;
    const last = lastCodes[j]!;
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

/** How many runs of digits a text has, counted to three at most. */
function digitRuns(text: string): number {
  let runs = 0;
  let inRun = false;
  for (let k = 0; k < text.length && runs <= 2; k++) {
    const c = text.charCodeAt(k);
    const digit = c >= 48 && c <= 57;
    if (digit && !inRun) runs++;
    inRun = digit;
  }
  return runs;
}

/** A matched page number (group 1 or 2), when it could be one. */
function pageOf(m: RegExpExecArray | null): number | null {
  const page = m ? Number(m[1] ?? m[2]) : NaN;
  return page >= 1 && page <= DEFAULT_MAX_PAGES ? page : null;
}

const { runningLineChars: MAX_FURNITURE_CHARS, runningMinPages: MIN_PAGES, runningRisingShare: RISING_SHARE } = pdfLayout;
