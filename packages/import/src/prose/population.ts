import { sum, textTables, tolerances, type StatedAmount } from "@bydel/core";
import type { Line } from "../source/lines.js";
import { lineAt, sentencesOf, type Block } from "./text.js";
import { splits } from "./changeRows.js";
import { valueOf, type Check } from "./check.js";
import { POPULATION_DATES, POPULATION_FROM_TO, POPULATION_LEVEL, POPULATION_SINCE, POPULATION_TOTAL } from "./phrases.js";
import { wording } from "./approximate.js";

/**
 * The district's population as the text states it («Per 01.01.2024 hadde … 49 759 innbyggere»,
 * «… fra 01.01.2023 til 01.01.2024 økt med 1 275 nye innbyggere», «Dette er en økning på 1 103
 * personer sammenlignet med 2023») against the population table's «Sum bydel» row, by 1 January
 * of each year. A table whose row splits into its columns more than one way, a year the table does
 * not have, or an approximate figure («rundt 65 500») is left out.
 */

/** How far under its dates the table's «Sum bydel» row may stand. */
const TABLE_REACH = 40;
/** More columns than dates a row may have (the shares of Oslo's population). */
const EXTRA_COLUMNS = 4;

export interface Population {
  readonly line: number;
  readonly byYear: ReadonlyMap<number, number>;
}

/** The first population table: its «Sum bydel» row by year, the years from the nearest line of dates above it. */
export function populationTable(lines: readonly Line[]): Population | null {
  for (let j = 0; j < lines.length; j++) {
    const row = lines[j]!.text;
    if (row.length > 300 || !/sum\s+bydel/iu.test(row)) continue;
    const m = POPULATION_TOTAL.exec(row);
    if (!m) continue;
    let years: number[] = [];
    for (let i = j - 1; i >= 0 && i >= j - TABLE_REACH && years.length < 2; i--) years = [...lines[i]!.text.matchAll(POPULATION_DATES)].map((d) => Number(d[1]));
    if (years.length < 2) continue;
    const tokens = m[1]!.split(/\s+/u);
    // the fewest numbers the digits group into (a space before three digits continues a number, as
    // everywhere a report groups thousands); two readings with as few, and the row is left out
    let readings: string[][] = [];
    for (let n = years.length; n <= years.length + EXTRA_COLUMNS && readings.length === 0; n++) readings = splits(tokens, n);
    if (readings.length !== 1) return null; // no guess at the columns
    const values = readings[0]!.slice(0, years.length).map((r) => (/^\d{1,3}(?: \d{3})*$/u.test(r) ? valueOf(r) : null));
    if (values.some((v) => v === null)) return null;
    return { line: lines[j]!.no, byYear: new Map(years.map((y, k) => [y, values[k]!])) };
  }
  return null;
}

const exact = (raw: string, value: number): StatedAmount => ({ raw, value, unit: "count", precision: 0 });
const count = valueOf;

/** The paragraph's statements of the population, against the table. */
export function populationStatements(block: Block, table: Population, out: Check[]): void {
  const ref = (column: string, value: number) => ({ table: textTables.population.id, line: table.line, column, value });
  let level: number | null = null;
  for (const s of sentencesOf(block)) {
    const l = POPULATION_LEVEL.exec(s.text);
    if (l) {
      const year = Number(l[1]);
      const v = count(l[3]!);
      const cell = table.byYear.get(year);
      level = cell === undefined ? null : year;
      // «rundt 65 500 innbyggere» at its last significant digit; «over 65 000» is no figure to check
      const worded = wording(l[2]!);
      if (v !== null && cell !== undefined && worded !== "bound") {
        const at = s.start + l.index + l[0].lastIndexOf(l[3]!);
        const stated = worded === "about" ? { ...exact(l[3]!, v), precision: tolerances.prose.approximate(l[3]!) } : exact(l[3]!, v);
        out.push({ subject: "population", stated, line: lineAt(block, at), quote: s.text.trim(), reference: ref(`01.01.${year}`, cell), addends: 0 });
      }
      continue;
    }
    const f = POPULATION_FROM_TO.exec(s.text);
    const since = f ? null : POPULATION_SINCE.exec(s.text);
    const [from, to, word, raw] = f ? [Number(f[1]), Number(f[2]), f[3]!, f[4]!] : since && level !== null ? [Number(since[3]), level, since[1]!, since[2]!] : [];
    if (from === undefined || to === undefined || word === undefined || raw === undefined) continue;
    const a = table.byYear.get(from);
    const b = table.byYear.get(to);
    const v = count(raw);
    if (a === undefined || b === undefined || v === null || from >= to) continue;
    const sign = /^(?:økt|gått opp|økning)$/iu.test(word) ? 1 : -1;
    const at = s.start + (f ?? since)!.index + (f ?? since)![0].lastIndexOf(raw);
    out.push({ subject: "population", stated: { ...exact(raw, sign * v) }, line: lineAt(block, at), quote: s.text.trim(), reference: ref(`01.01.${to} − 01.01.${from}`, sum([b, -a])), addends: 0 });
  }
}
