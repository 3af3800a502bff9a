import { proseVerdict, readNorwegianNumber, sum, tableReading, type Finding } from "@bydel/core";
import { isBlank, lastVisibleCode, type Line } from "../source/lines.js";
import { yearsIn } from "../tables/grammar.js";
import { sumTable } from "../tables/registry.js";
import { atPrecision } from "./amounts.js";
import { choose, identityKey } from "../solve/choose.js";
import type { Check } from "./check.js";
import { NOT_AN_ADDEND } from "./phrases.js";

/**
 * A small table in millions under a header of years, whose last row sums the rows above it:
 * Sagene's «Økonomiplan (i mill kr) 2023 … 2028» down to «Stipulert reelt årsresultat». Each
 * year's figure of the sum row is held against its column's sum (its addends' rounding allowed).
 *
 * A row may print fewer figures than there are years («Rammekutt konkrete reduksjoner -0,6 0,0
 * 0,0», «Effekt bystyrets budsjettforlik 6,8»), and text does not say which columns they stand
 * in. Every placement that keeps their order is a reading, and the one chooser
 * (`solve/choose.ts`) takes the one the sums prove: the table is checked only when every placement
 * that fits gives the same column sums. Placements that differ, and none fitting, are reported,
 * never guessed.
 */
export function sumTables(lines: readonly Line[], skip: ReadonlySet<number>): { checks: Check[]; findings: Finding[] } {
  const checks: Check[] = [];
  const findings: Finding[] = [];
  for (let i = 0; i < lines.length; i++) {
    const header = lines[i]!;
    // cheap first (this runs on every line): a header names millions and ends in a year
    const t = header.text;
    const end = lastVisibleCode(t);
    if (!(end >= 48 && end <= 57) || !MILL.test(t) || skip.has(header.no) || !sumTable.header.test(t)) continue;
    const years = yearsIn(header.text);
    const columns = headerYears(header.text, years);
    if (columns === null) continue;
    const table = readTable(lines, i + 1, columns.length, skip);
    if (table === null) continue;
    i = table.end - 1;
    const { rows, total } = table;
    const title = header.text.trim().replace(/\s+/gu, " ");
    const unreadable = rows.find((r) => r.cells.length > columns.length);
    if (unreadable) {
      findings.push({
        severity: "warning",
        code: "UNREADABLE_ROW",
        line: unreadable.line,
        message: `Tabellen «${title}» er ikke kontrollert: raden på linje ${unreadable.line} har flere tall enn tabellen har år.`,
      });
      continue;
    }
    const placements = placementsOf(rows, columns.length);
    if (placements === null) {
      findings.push(notChecked(total.line, "for mange mulige plasseringer av radene med færre tall enn år", title));
      continue;
    }
    // the placements are the row's readings, for the one chooser: the sums prove
    const readings = placements.map((p) => columnSums(rows, p, columns.length));
    const choice = choose(readings, [identityKey((sums) => sums.values.every((v, c) => fits(total.cells[c]!, v, sums.counts[c]!)))], sameSums);
    if (choice.best[0] !== 0) {
      // a «Resultat» row, or a «Totalt resultat», «Sum avvik», may be a difference, not a sum: it is checked only where the sum holds
      if (!sumTable.sumRow.test(total.label) || sumTable.differenceRow.test(total.label)) {
        findings.push(notChecked(total.line, `raden «${total.label}» er ikke summen av radene over`, title));
        continue;
      }
      if (choice.basis === "withheld") {
        findings.push({
          severity: "warning",
          code: "PROSE_MISMATCH",
          line: total.line,
          message: `Tabellen «${title}» (linje ${header.no}): summeraden på linje ${total.line} stemmer ikke med radene over, uansett hvilke år tallene i radene med færre tall hører til.`,
        });
        continue;
      }
    } else if (choice.basis === "withheld") {
      findings.push(notChecked(total.line, "tallene i radene med færre tall enn år kan stå i flere kolonner, og summene blir ulike", title));
      continue;
    }
    const sums = choice.chosen!;
    const raws = columnRaws(rows, sums.placement, columns.length);
    columns.forEach((year, c) => {
      const cell = total.cells[c]!;
      checks.push({
        subject: "arithmetic",
        stated: { raw: cell.raw, value: cell.value, unit: "kNOK", precision: cell.precision },
        line: total.line,
        quote: `${title}: ${total.label} ${year}: ${cell.raw}`,
        reference: { table: "text", line: header.no, column: String(year), value: sums.values[c]!, note: `summen av radene over: ${termsOf(raws[c]!)}` },
        addends: sums.counts[c]!,
        inTable: true,
      });
    });
  }
  return { checks, findings };
}

interface Cell {
  readonly raw: string;
  /** In 1000 kr. */
  readonly value: number;
  readonly precision: number;
}

interface Row {
  readonly line: number;
  readonly label: string;
  readonly cells: readonly Cell[];
}

/** The header's years when they end it, each the one before plus one («2023 2024 … 2028»). */
function headerYears(text: string, years: readonly number[]): number[] | null {
  if (years.length < 2 || !new RegExp(`${years[years.length - 1]}\\s*$`, "u").test(text)) return null;
  for (let k = 1; k < years.length; k++) if (years[k] !== years[k - 1]! + 1) return null;
  return [...years];
}

/** The rows under the header up to the sum row, or null when the block is no such table. */
function readTable(lines: readonly Line[], from: number, width: number, skip: ReadonlySet<number>): { rows: Row[]; total: Row; end: number } | null {
  const rows: Row[] = [];
  let blanks = 0;
  for (let j = from; j < lines.length && blanks <= tableReading.maxBlankRun; j++) {
    const l = lines[j]!;
    if (isBlank(l.text)) {
      blanks++;
      continue;
    }
    blanks = 0;
    const row = skip.has(l.no) ? null : rowOf(l);
    if (row === null) return null;
    if (sumTable.sumRow.test(row.label) || sumTable.resultRow.test(row.label)) return rows.length >= 2 && row.cells.length === width ? { rows, total: row, end: j + 1 } : null;
    // a part of the row above («herav vikarer») or a percent is no addend of the sum
    if (NOT_AN_ADDEND.test(row.label) || sumTable.percentRow.test(row.label)) continue;
    rows.push(row);
  }
  return null;
}

const MILL = /[mM][iI][lL][lL]/;

/** A printed figure's exact decimal, or null where core's parser refuses it: never a throw. */
function valueOf(raw: string): string | null {
  try {
    return readNorwegianNumber(raw).decimal; // core reads U+2212 and the en dash as minus
  } catch {
    return null;
  }
}

/** «−14,0 − 14,0 + 17,5»: the addends as a sum, each sign an operator (U+2212, which no line breaks after). */
function termsOf(raws: readonly string[]): string {
  return raws
    .map((raw, k) => {
      const negative = /^[-−–]/u.test(raw);
      const figure = raw.replace(/^[-−–+]/u, "");
      return k === 0 ? `${negative ? "−" : ""}${figure}` : `${negative ? "−" : "+"} ${figure}`;
    })
    .join(" ");
}

const CELL = /^[+\-−–]?\d{1,3}(?:,\d+)?$/u;

/** A label and the figures after it, each one token (millions print no thousands); null for anything else. */
function rowOf(line: Line): Row | null {
  const tokens = line.text.trim().split(/\s+/u);
  let k = tokens.length;
  while (k > 0 && CELL.test(tokens[k - 1]!)) k--;
  const label = tokens.slice(0, k).join(" ");
  if (k === tokens.length || !/^\p{L}/u.test(label)) return null;
  const cells: Cell[] = [];
  for (const raw of tokens.slice(k)) {
    const decimal = valueOf(raw);
    if (decimal === null) return null;
    const printed = /,(\d+)$/u.exec(raw)?.[1]?.length ?? 0;
    cells.push({ raw, ...atPrecision(decimal, printed, 3) });
  }
  return { line: line.no, label, cells };
}

/** Every placement of each row's figures in the columns, order kept: the column of each figure. Null beyond the settings' limit. */
function placementsOf(rows: readonly Row[], width: number): number[][][] | null {
  let out: number[][][] = [[]];
  for (const row of rows) {
    const options = subsets(width, row.cells.length);
    if (out.length * options.length > tableReading.sumTablePlacements) return null;
    out = out.flatMap((p) => options.map((o) => [...p, o]));
  }
  return out;
}

/** The increasing k-subsets of 0 … n−1. */
function subsets(n: number, k: number): number[][] {
  if (k === 0) return [[]];
  if (k > n) return [];
  return [...subsets(n - 1, k - 1).map((s) => [...s, n - 1]), ...subsets(n - 1, k)];
}

/** A placement's column sums and how many figures each adds. */
interface Sums {
  readonly placement: readonly number[][];
  readonly values: readonly number[];
  readonly counts: readonly number[];
}

/** Every placement is summed, so this runs often: whole thousands (tenths and hundredths of millions) add exactly as doubles; anything finer goes through core's decimal sum. */
function columnSums(rows: readonly Row[], placement: readonly number[][], width: number): Sums {
  const parts: number[][] = Array.from({ length: width }, () => []);
  rows.forEach((r, k) => r.cells.forEach((cell, m) => parts[placement[k]![m]!]!.push(cell.value)));
  const values = parts.map((vs) => (vs.every(Number.isSafeInteger) ? vs.reduce((a, b) => a + b, 0) : sum(vs)));
  return { placement, values, counts: parts.map((vs) => vs.length) };
}

/** The printed figures each column adds, for the chosen placement's note. */
function columnRaws(rows: readonly Row[], placement: readonly number[][], width: number): string[][] {
  const raws: string[][] = Array.from({ length: width }, () => []);
  rows.forEach((r, k) => r.cells.forEach((cell, m) => raws[placement[k]![m]!]!.push(cell.raw)));
  return raws;
}

const sameSums = (a: Sums, b: Sums): boolean => a.values.every((v, c) => v === b.values[c]);

const fits = (stated: Cell, value: number, addends: number): boolean => proseVerdict(stated.value, value, stated.precision, true, addends).verdict !== "contradicts";

/** The table is left unchecked (its figures are no data of the report: only a check is lost). */
const notChecked = (line: number, why: string, title: string): Finding => ({
  severity: "info",
  code: "AMBIGUOUS_NUMBERS",
  line,
  message: `Tabellen «${title}» er ikke kontrollert: ${why}.`,
});
