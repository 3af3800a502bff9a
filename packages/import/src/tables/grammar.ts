import { isTotalLabel, tableReading } from "@bydel/core";
import { economyHeader, type RowLabels } from "./registry.js";
import { readHeaderWords } from "./header.js";
import type { NumericTail } from "../tokens/tokens.js";

/** The service area a row's label names ("Funksjonsområde 2A" → FO2A): the core's reading of area names. */
export { serviceAreaOfRow as areaOf } from "@bydel/core";

/**
 * Row-label grammar shared by the economy tables. Digits that belong to a label are taken off by
 * grammar before any number is read (column-recovery.md, step 2): the solver never decides them.
 */

/** A line that starts a new row: a KOSTRA code and a word, a service-area name, or a total. */
export function startsRow(text: string): boolean {
  const t = text.trim();
  return (
    // "201 Barnehage", "201 (…)"; not "655  (240 157)", an amount and a negative in parentheses
    /^\d{3}\s+(?:\p{L}|\((?!\d))/u.test(t) ||
    /^funksjonsomr[åa]de\b/iu.test(t) ||
    /^funk\.?\s*omr/iu.test(t) ||
    (/^F[O0]\s?\d[ABC]?\b/u.test(t) && !/1000\s*kr|tall i/iu.test(t) && (t.length < 50 || /\d\s*$/u.test(t))) ||
    isTotalLabel(t)
  );
}

/** A total's label («Sum …», «Totalt», «I alt»): core's word list. */
export { isTotalLabel } from "@bydel/core";

/** "Funksjonsområde" / "Funk.omr." followed by its number: the number is part of the label. */
export function takesAreaDigit(label: string): boolean {
  return /(funksjonsomr[åa]de|funk\.?\s*omr\.?|\bf[o0])\s*$/iu.test(label.trim());
}

/** "§" (a section of an act) is followed by its number ("tilskudd etter § 31"): that number is part of the label. */
export function takesSectionNumber(label: string): boolean {
  return /§\s*$/u.test(label.trim());
}

/** "FO2C", "Funksjonsområde …": a line that names a service area (a total's label may wrap before it). */
export function namesArea(text: string): boolean {
  return /^(f[o0]\s?\d|funksjonsomr|funk\.?\s*omr)/iu.test(text.trim());
}

/** The digits that open a line's numbers but belong to its label: an area's number, a section's number. */
export function labelDigits(tail: NumericTail): NumericTail {
  const { label, groups } = tail;
  const first = groups[0];
  if (first && first.kind === "digits" && !first.negative && first.digits.length === 1 && takesAreaDigit(label)) {
    return { label: `${label} ${first.digits}`, groups: groups.slice(1) };
  }
  if (first && first.kind === "digits" && !first.negative && !first.whole && first.digits.length <= 3 && takesSectionNumber(label)) {
    return { label: `${label} ${first.digits}`, groups: groups.slice(1) };
  }
  return tail;
}

export function kostraOf(label: string): string | null {
  const m = /^(\d{3})\s/.exec(label.trim());
  return m ? m[1]! : null;
}

/** A label's first line: a capital first, past marks («Andel …», «- Barn …»); a line that goes on with a label does not start so. */
export function startsLabel(text: string): boolean {
  return /^[^\p{L}\d]*\p{Lu}/u.test(text.trim());
}

/** A label wrapped over lines as one line: its lines joined, a run of spaces one. */
export function joinLabel(lines: readonly string[]): string {
  return lines.filter((s) => s !== "").join(" ").replace(/\s+/g, " ").trim();
}

/** A label that ends in a colon («Foreldreundersøkelse:») goes on: its next line may be the rest of it. */
export function goesOn(label: string): boolean {
  return /:\s*$/u.test(label);
}

/** A one-word label line, a capital first ("Utbygging", "Barnevern"): a group row heading the rows below, no part of their labels. */
export function isGroupLabel(text: string): boolean {
  return /^\p{Lu}\p{L}+$/u.test(text);
}

/** A one-word group row ("Utbygging", "Innhold"): the label lines read so far are one such line, and the next line starts a label anew. */
export function isGroupRow(label: readonly string[], next: string): boolean {
  return label.length === 1 && isGroupLabel(label[0]!) && startsLabel(next);
}

/** A line that ends a sentence, or opens a list with its colon: running text, not a label's line, where the rows' labels end none. */
export function endsSentence(text: string): boolean {
  return /[.:!?]$/u.test(text.trim());
}

/** The longest line that goes on with a label, in characters: a longer one is text after the table. */
const CONTINUATION_LINE = 60;

/**
 * A label line that continues the row above after its numbers ("og ytelser (brutto utg.)", «bolig
 * fra institusjon»): lower case first, short, and no sentence end unless the rows' labels may end one.
 */
export function continuesLabel(text: string, g: RowLabels): boolean {
  const t = text.trim();
  return /^[\p{Ll}(]/u.test(t) && t.length <= CONTINUATION_LINE && (g.labelEndsSentence || !endsSentence(t));
}

/**
 * A line that may continue the row above after its numbers where the next row follows it: short, in
 * lower case past a section sign, a dash or the digits of a section («mv.», «31 i loven», «– herav»).
 */
export function mayContinueLabel(text: string): boolean {
  const t = text.trim();
  return /^(?:§|([-–]\s+)?(\d[\d\u00A0 ]*\s)?[\p{Ll}(])/u.test(t) && t.length <= CONTINUATION_LINE;
}

// made when first asked: the registry's row grammars use this module, and it the registry's words
let headerWord: RegExp | undefined;

/** A header printed on one line ("Funksjonsområde  Regnskap 2023 … Avvik 2024"): column words, no amounts. */
export function isHeaderLine(text: string): boolean {
  headerWord ??= new RegExp(economyHeader.columnNames.join("|"), "iu");
  return headerWord.test(text) && !hasAmount(text);
}

/** Amounts: a digit group after digits («1 234») or five digits and more. A header has years and column words, never amounts. */
export function hasAmount(text: string): boolean {
  return /\d[ \u00A0]\d{3}\b|\d{5,}/u.test(text);
}

/**
 * Running text, not a table line: eight words or more set one space apart (a table line keeps its
 * cells two or more spaces apart), or a sentence that ends and goes on («… drift. KOSTRA-»).
 */
/** The start of a word of letters. */
const WORD_START = /(?<!\S)\p{L}/gu;

export function isProse(text: string): boolean {
  const t = text.trim();
  // six words at the least: a shorter line is never prose (and most lines are: this is called on every one)
  if (t.length < 24) return false;
  const words = (): number => t.match(WORD_START)?.length ?? 0;
  // «Oppr. Budsjett», «pr. KOSTRA»: an abbreviation in a short header cell is no sentence
  const sentenceGoesOn = (): boolean => /\p{Ll}{3,}[.!?]\s+\p{Lu}/u.test(t);
  // a table line (cells apart, or ending in a number) is prose only by a sentence that goes on: its words are counted last
  if (/\S {2,}\S/u.test(t) || /\d\s*$/u.test(t)) return sentenceGoesOn() && words() >= 6;
  const n = words();
  return n >= 8 || (n >= 6 && sentenceGoesOn());
}

/**
 * A table header found by its structure, whatever its first cell says («Beløp i 1000 kr», «Netto
 * driftsutgifter», none): column words of a budget table and a year or a second column word, no
 * amounts, no prose.
 */
export function isColumnHeader(text: string): boolean {
  const t = text.trim();
  if (t.length > 200) return false;
  const named = readHeaderWords(t, economyHeader.names).columns;
  const columns = named.length >= 2 || (named.length === 1 && /\b20\d\d\b/u.test(t) && economyHeader.yearColumns.includes(named[0]!.kind));
  return columns && !hasAmount(t) && !isProse(t);
}

/**
 * A header set one cell per line (pdf.js text joined into lines: «Beløp i 1000 kr» / «Regnskap» /
 * «2023» / «Opprinnelig» …): its short lines from `from`, read as one header line with the cells
 * two spaces apart, or null when the line does not start such a block.
 */
export function stackedHeader(lines: readonly { text: string }[], from: number): string | null {
  const cells: string[] = [];
  let j = from;
  for (; j < lines.length && cells.length < STACKED_CELLS; j++) {
    const t = lines[j]!.text.trim();
    if (t === "" || t.length > STACKED_CELL_CHARS || startsRow(t) || hasAmount(t)) break;
    cells.push(t);
  }
  // the rows follow at once: such text has no blank lines, and a block of short lines elsewhere is no header
  return cells.length >= 2 && j < lines.length && startsRow(lines[j]!.text) ? cells.join("  ") : null;
}

const { stackedCellChars: STACKED_CELL_CHARS, stackedHeaderCells: STACKED_CELLS } = tableReading;

const YEAR = /(?<!\d)(?:19|20)\d{2}(?!\d)/gu;

/** The years a text names, in order («Resultat 2024», «bydel 2016  2017»): a header's, a table's or a sentence's. */
export function yearsIn(text: string): number[] {
  return [...text.matchAll(YEAR)].map((m) => Number(m[0]));
}
