import { sum, textTables, TOTAL_WORD, type Indicator } from "@bydel/core";
import { changePrecision } from "./approximate.js";
import { isBlank, type Line } from "../source/lines.js";
import { valueOf, type Check } from "./check.js";
import { COUNT_CHANGE } from "./phrases.js";
import { lineAt, sentencesOf, type Block } from "./text.js";

/**
 * A change of a count the text states against two years of a table: «Antallet konsultasjoner er
 * økt med 300 i 2024» against «Antall konsultasjoner totalt 2024 … 12045» less «… 2023 … 11741» (a
 * table of months with a Sum column, its rows labelled by year), or against a key-figure row's
 * figures of the two years («Antall …» with a series by year). The table's row names the counted
 * noun; where several rows do, only the one labelled «totalt» («sum», «i alt») is taken, and where
 * that leaves more than one (or none), the sentence is left out. A round figure («300») or one after
 * «ca.» is approximate: `changePrecision`.
 */

/** A row of a text table whose label names a year, with the figure of its last (Sum) column. */
interface YearRow {
  readonly label: string;
  readonly year: number;
  readonly raw: string;
  readonly value: number;
  readonly line: number;
}

const YEAR = /(?<!\d)((?:19|20)\d{2})(?!\d)/u;
/** A header whose last column sums the row: «… Jan Feb Mar … Des Sum». */
const SUM_HEADER = new RegExp(String.raw`(?<![\p{L}])(?:jan|januar)(?![\p{L}]).*(?<![\p{L}])(?:${TOTAL_WORD}|hele året)\s*$`, "iu");
/** The same header with its Sum wrapped to the next line (pdftotext -layout): «… Nov Des» / «Sum». */
const MONTHS_HEADER = /(?<![\p{L}])jan(?:uar)?(?![\p{L}]).*(?<![\p{L}])des(?:ember)?\s*$/iu;
const JAN = /[jJ][aA][nN]/;
const TOTAL_LABEL = new RegExp(String.raw`(?<![\p{L}])${TOTAL_WORD}`, "iu");
const TOTAL_ALONE = new RegExp(String.raw`^\s*${TOTAL_WORD}\s*$`, "iu");
/** Lines under a Sum header read for its rows, and the lines a row's label may wrap over. */
const MAX_TABLE_LINES = 60;
const MAX_LABEL_LINES = 4;

/**
 * The rows of the month tables with a Sum column: a label (wrapped, its year on a line of its own or
 * not), then the row's numbers; the row's figure is its last number, taken only where it cannot be a
 * thousands group (a last token of three digits may be «8 812»'s: the row is left out).
 */
export function yearRows(lines: readonly Line[], skip: ReadonlySet<number>): YearRow[] {
  const out: YearRow[] = [];
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!.text;
    // a cheap test first (this runs on every line): a month header names January
    if (t.length > 200 || !JAN.test(t) || skip.has(lines[i]!.no) || !(SUM_HEADER.test(t) || (MONTHS_HEADER.test(t) && TOTAL_ALONE.test(lines[i + 1]?.text ?? "")))) continue;
    let label: string[] = [];
    for (let j = i + 1; j < lines.length && j <= i + MAX_TABLE_LINES; j++) {
      const l = lines[j]!;
      if (skip.has(l.no) || SUM_HEADER.test(l.text)) break;
      if (isBlank(l.text)) continue;
      const text = l.text.replace(/\s+/gu, " ").trim();
      // the label's words (and its year), then the numbers
      // the numbers one way only (each after a space): no backtracking over how a run of digits splits
      const m = /^((?:[^\d]|(?<!\d)(?:19|20)\d{2}(?!\d))*?)\s*([+\-−]?\d[\d,.]*(?:\s+[+\-−]?\d[\d,.]*)*)$/u.exec(text);
      if (!m || !/\d/u.test(m[2]!) || /^(?:19|20)\d{2}$/u.test(text)) {
        if (/\d/u.test(text.replace(/(?<!\d)(?:19|20)\d{2}(?!\d)/gu, ""))) break;
        label.push(text);
        if (label.length > MAX_LABEL_LINES) label = label.slice(1);
        continue;
      }
      const rowLabel = [...label, m[1]!.trim()].join(" ").trim();
      label = [];
      // one year in the label: a page's running header run into it («Årsberetning 2024 – …») leaves it out
      const years = rowLabel.match(/(?<!\d)(?:19|20)\d{2}(?!\d)/gu) ?? [];
      const year = years.length === 1 ? YEAR.exec(rowLabel) : null;
      const tokens = m[2]!.trim().split(/\s+/u);
      const last = tokens[tokens.length - 1]!;
      if (!year || !/^\d+$/u.test(last) || last.length === 3 || tokens.length < 3) continue;
      const value = valueOf(last);
      if (value === null) continue;
      out.push({ label: rowLabel, year: Number(year[1]), raw: last, value, line: l.no });
    }
  }
  return out;
}

interface Pair {
  readonly now: number;
  readonly before: number;
  readonly line: number;
  readonly table: string;
  readonly column: string;
  readonly total: boolean;
}

const words = (label: string): string[] => label.toLowerCase().split(/[^\p{L}]+/u).filter((w) => w !== "");
/** Words of a row's label that say nothing of what it counts. */
const NOT_CONTENT = new Set(["antall", "totalt", "sum", "i", "alt", "av", "med", "og", "per", "pr", "for", "til", "som", "på"]);
/** The sentence names every word of the row's label that says what it counts (a shared stem of 6 letters): «Antall konsultasjoner totalt» is the sentence's «konsultasjoner», «Antall brukere med vedtak om praktisk bistand» no «antallet brukere». */
function namesRow(label: string, sentence: ReadonlySet<string>): boolean {
  return words(label).every((w) => NOT_CONTENT.has(w) || sentence.has(w.slice(0, 6)));
}

/** The two years' figures of the rows that name the noun: a month table's pair of year rows, or a key figure's series. */
function pairsFor(noun: string, year: number, rows: readonly YearRow[], indicators: readonly Indicator[], sentence: ReadonlySet<string>): Pair[] {
  const out: Pair[] = [];
  const named = rows.filter((r) => words(r.label).includes(noun) && namesRow(r.label, sentence));
  const key = (r: YearRow): string => r.label.replace(YEAR, "#").toLowerCase();
  for (const now of named.filter((r) => r.year === year)) {
    const before = named.filter((r) => r.year === year - 1 && key(r) === key(now));
    if (before.length !== 1) continue;
    out.push({ now: now.value, before: before[0]!.value, line: now.line, table: "text", column: `${now.raw} − ${before[0]!.raw}`, total: TOTAL_LABEL.test(now.label) });
  }
  for (const k of indicators) {
    if (k.kind !== "keyFigure" || !k.series || !words(k.label).includes(noun) || !namesRow(k.label, sentence)) continue;
    const [now, before] = [year, year - 1].map((y) => k.series!.find((s) => s.year === y)?.value ?? null);
    if (now == null || before == null) continue;
    out.push({ now, before, line: k.line, table: textTables.keyFigures.id, column: `${year} − ${year - 1}`, total: TOTAL_LABEL.test(k.label) });
  }
  return out;
}

export function countChanges(block: Block, rows: readonly YearRow[], indicators: readonly Indicator[], out: Check[]): void {
  for (const s of sentencesOf(block)) {
    const m = COUNT_CHANGE.exec(s.text);
    if (!m) continue;
    const [noun, verb, about, raw, year] = [m[1]!.toLowerCase(), m[2]!, m[3], m[4]!, Number(m[5])];
    const stated = valueOf(raw);
    if (stated === null) continue;
    const stems = new Set(words(s.text).map((w) => w.slice(0, 6)));
    const pairs = pairsFor(noun, year, rows, indicators, stems);
    const totals = pairs.filter((p) => p.total);
    const pair = totals.length === 1 ? totals[0]! : pairs.length === 1 ? pairs[0]! : null;
    if (pair === null) continue;
    const sign = /økt|opp|steget/iu.test(verb) ? 1 : -1;
    // the count ends before « i 2024» at least (not the «20» of the year)
    const at = s.start + m.index + m[0].lastIndexOf(raw, m[0].length - m[5]!.length - 3 - raw.length);
    out.push({
      subject: pair.table === "text" ? "change" : "keyFigure",
      stated: { raw: `${about ? `${about} ` : ""}${raw}`, value: sign * stated, unit: "count", precision: changePrecision(raw, about !== undefined) },
      line: lineAt(block, at),
      quote: s.text.trim(),
      reference: { table: pair.table === "text" ? "text" : pair.table, line: pair.line, column: pair.column, value: sum([pair.now, -pair.before]) },
      addends: 0,
    });
  }
}
