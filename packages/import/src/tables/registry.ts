import { FO4_PARTS, serviceAreas, tableIds, tableReading, TOTAL_WORD } from "@bydel/core";
import { readHeaderWords, type HeaderWords } from "./header.js";
import { cellTail, isCellsOnly } from "../cells/cells.js";
import { layoutCells } from "../tokens/tokenize.js";
import type { NumericTail } from "../tokens/tokens.js";
import { isColumnHeader, isHeaderLine, isProse, isTotalLabel, labelDigits, namesArea, startsRow } from "./grammar.js";

/**
 * The table kinds the import reads, one entry each: the ids it gives, its captions or start words,
 * its header words, its columns in printed order, its row grammar, the identities that confirm a
 * row's reading, and the words whose presence makes a line worth testing. The header reader
 * (`header.ts`) reads each kind's columns by its words here, the row reader (`rows/rows.ts`) a money
 * table's rows by its row grammar here, the reading chooser (`solve/choose.ts`) confirms a row by its
 * identities here, the locators (`economyHeadings.ts`, `unitTable.ts`, `indicatorHeader.ts`,
 * `layoutTable.ts`) take their patterns from here, and every quick pre-filter is derived from the
 * entries (`lineFilter`), never written a second time. A new layout is one entry.
 */

export type Values = readonly (number | null)[];
/** A row identity: true when the row's values agree with it (within rounding). */
export type Identity = (v: Values) => boolean;

/** `total − minus = rest` over the named columns; a column the table does not print reads as 0. */
function difference(columns: readonly string[], total: string, minus: string, rest: string): Identity {
  const [a, b, c] = [total, minus, rest].map((name) => columns.indexOf(name)) as [number, number, number];
  return (v) => Math.abs((v[a] ?? 0) - (v[b] ?? 0) - (v[c] ?? 0)) <= tableReading.identityRounding;
}

/**
 * The pattern that finds any of `words` (regex sources) in a line. `joined` is for one search over
 * all lines joined by "\n" (a space class never reaches over a line's end).
 */
export function lineFilter(words: readonly string[], flags: string, joined = false): RegExp {
  const source = words.join("|");
  return new RegExp(joined ? source.replace(/\\s/g, "[^\\S\\n]") : source, joined ? `${flags}gm` : flags);
}

/** A row's values by column name, in the columns' order: `{ previousActual, originalBudget, … }`. */
export function byColumn<C extends string>(columns: readonly C[], v: Values): Record<C, number | null> {
  const out = {} as Record<C, number | null>;
  columns.forEach((c, i) => (out[c] = v[i] ?? null));
  return out;
}

// ── Economy tables ────────────────────────────────────────────────────────────────────────────

/** The columns of a budget table (Tabell 0.1 / 0.1 B, Hovedoversikt økonomi FOx), in printed order. */
export const budgetColumns = ["previousActual", "originalBudget", "revisedBudget", "actual", "variance"] as const;
/** The columns of a split of the deviation on earmarked funds and ordinary operations. */
export const splitColumns = ["variance", "earmarkedVariance", "ordinaryVariance"] as const;

/** avvik = regulert − regnskap, as the report template defines it. */
export const budgetIdentity: Identity = difference(budgetColumns, "revisedBudget", "actual", "variance");
/** avvik = regnskap − regulert: a table that plainly prints the other sign. */
export const flippedIdentity: Identity = difference(budgetColumns, "actual", "revisedBudget", "variance");
/** avvik = øremerkede + ordinær drift. */
export const splitIdentity: Identity = difference(splitColumns, "variance", "earmarkedVariance", "ordinaryVariance");

export interface CaptionedTable {
  /** The table ids the kind gives. */
  readonly ids: readonly string[];
  /** The caption that names the table. */
  readonly caption: RegExp;
  /** Words whose presence makes a line a possible caption (regex sources; the pre-filters are built from them). */
  readonly words: readonly string[];
  readonly columns: readonly string[];
  /** The identities a row's reading may satisfy, the template's first. */
  readonly identities: readonly Identity[];
}

/** The captions of the economy tables: Tabell 0.1 / 0.1 B, Hovedoversikt økonomi FOx, FO4A/B/C, the split. */
export const economyTables = {
  /** "Tabell 0.1 (B) … Brutto/Netto driftsutgifter": B or "netto" is the net table. */
  t01: {
    ids: [tableIds.gross, tableIds.net],
    caption: /^\s*tabell\s+0[.,]1\s*(b\b)?.*?\b(brutto|netto)\s+driftsutgifter/iu,
    /** The table a caption or a header line names: gross when it says «brutto» and is not «0.1 B». */
    idOf: (text: string): (typeof tableIds)["gross" | "net"] => (/\bbrutto\b/iu.test(text) && !/\b0[.,]1\s*b\b/iu.test(text) ? tableIds.gross : tableIds.net),
    words: ["driftsutgifter"],
    columns: budgetColumns,
    identities: [budgetIdentity, flippedIdentity],
  },
  /** "Hovedoversikt økonomi FO2A". */
  fo: {
    ids: serviceAreas,
    caption: /hovedoversikt\s+økonomi\s+f[o0]\s?(\d[abc]?)\b/iu,
    words: ["hovedoversikt"],
    columns: budgetColumns,
    identities: [budgetIdentity, flippedIdentity],
  },
  /** "Fordeling av avvik på øremerkede midler og ordinær drift": the id of the table it splits ("ukjent" when none). */
  split: {
    ids: [tableIds.net, ...serviceAreas, ...FO4_PARTS, "ukjent"],
    caption: /fordeling\s+av\s+avvik\s+p[åa]\s+\S*merkede/iu,
    words: ["fordeling"],
    columns: splitColumns,
    identities: [splitIdentity],
  },
  /** "FO4B …": a part of FO4 under its Hovedoversikt (a short line). */
  fo4Part: {
    ids: FO4_PARTS,
    caption: /^\s*f[o0]\s?4\s?([abc])\b/iu,
    words: ["^\\s*f[o0]\\s?4"],
    columns: budgetColumns,
    identities: [budgetIdentity, flippedIdentity],
  },
} as const satisfies Record<string, CaptionedTable & { idOf?: (text: string) => string }>;

/**
 * The words of a budget table's column titles (regex sources), by what they name: the deviation
 * («Avvik», «Differanse», «Mer-/mindreforbruk»), the accounts («Regnskap», «Forbruk»), a budget
 * («Opprinnelig/Vedtatt budsjett», «Regulert/Justert/Revidert budsjett»). Tables are found by these,
 * never by one cell's exact wording.
 */
const originalBudgetWords = "opprinnelig|vedtatt";
const revisedBudgetWords = "regulert|justert|revidert";
const economyColumnWords = {
  variance: "avvik|differanse|mer-?\\s*/\\s*mindreforbruk|mindre-?\\s*/\\s*merforbruk|mindreforbruk|merforbruk",
  actual: "regnskap|faktisk",
  budget: `budsjett|${originalBudgetWords}|${revisedBudgetWords}`,
} as const;
/** «Forbruk» names the accounts in a header found by the words above; alone it is too common to find one («Avvik forbruk/budsjett» over an activity table's months). */
const accountsInHeader = `${economyColumnWords.actual}|forbruk`;
type EconomyColumnWord = keyof typeof economyColumnWords;
const economyColumnNames = Object.values(economyColumnWords);

/** The header of an economy table: its first line, and the words that tell a budget table from a split. */
export const economyHeader = {
  /** The first header line: "Netto driftsutgifter pr." / "KOSTRA-funksjon" (alone, or with the column words after it); not a total («Netto driftsutgifter, drift»). */
  anchor: /^\s*(?:(?:brutto|netto)\s+driftsutgifter\b(?!,)|kostra-funk)/iu,
  /** The words an anchor line holds. */
  anchorWords: ["driftsutgifter", "kostra-funk"],
  /** The words that make a line a possible header found by its structure: the accounts' and the budgets' (regex sources). */
  columnWords: [economyColumnWords.actual, economyColumnWords.budget],
  /** What those words name: one of them with a year («Regnskap 2024») makes a header line. */
  yearColumns: ["actual", "budget"] as readonly EconomyColumnWord[],
  /** Every word of a budget table's column headers (regex sources): two of them, or a column word with a year, make a header line. */
  columnNames: economyColumnNames,
  /** The same words for the header reader, each naming what it names. */
  names: {
    words: Object.entries(economyColumnWords).map(([kind, source]) => [source, kind as EconomyColumnWord] as const),
    titleWords: [],
    skipNotes: false,
  } as HeaderWords<EconomyColumnWord>,
  /**
   * The words its header reader looks for (anywhere in a word: «Budsjettavvik»): every header has a
   * deviation column; a split's names earmarked funds or ordinary operations, a budget table's the accounts.
   */
  columns: {
    words: [
      [economyColumnWords.variance, "variance"],
      ["merkede|ordinær", "split"],
      [accountsInHeader, "actual"],
    ],
    titleWords: [],
    skipNotes: false,
    inWords: true,
  } as HeaderWords<"variance" | "split" | "actual">,
} as const;

const captions: readonly CaptionedTable[] = Object.values(economyTables);

/** Cheap test before the caption patterns: most lines are prose and contain none of the captions' words. */
export const captionFilter: RegExp = lineFilter(
  captions.flatMap((t) => t.words),
  "i",
);

/** Cheap test before the anchor pattern. */
export const anchorFilter: RegExp = lineFilter(economyHeader.anchorWords, "i");

/** The lines that may be a caption or a table header, in one search over the joined text. */
export const economyLineFilter: RegExp = lineFilter([...new Set([...captions.flatMap((t) => t.words), ...economyHeader.anchorWords, ...economyHeader.columnWords])], "i", true);

// ── The result per unit with and without earmarked funds ──────────────────────────────────────

export type UnitColumn = "originalBudget" | "revisedBudget" | "actual" | "variance" | "earmarkedVariance" | "ordinaryVariance";

/** The column words of a unit table, in the order they are tried; a plain "budsjett" is the revised budget. */
const unitColumnWords: readonly (readonly [string, UnitColumn])[] = [
  [`(?:${originalBudgetWords})(?:\\s+budsjett)?`, "originalBudget"],
  [`(?:${revisedBudgetWords})(?:\\s+budsjett)?`, "revisedBudget"],
  ["budsjett", "revisedBudget"],
  [accountsInHeader, "actual"],
  ["\\S*merkede(?:\\s+midler)?", "earmarkedVariance"],
  ["ordinær|resultat", "ordinaryVariance"],
  [economyColumnWords.variance, "variance"],
];

// ── Row grammars ──────────────────────────────────────────────────────────────────────────────

/**
 * How a table's lines are walked, by every row reader (`walkTable` in `rows/rows.ts`): how long a run
 * of blank lines may be inside it, what page furniture to read past besides page footers, and what
 * ends it.
 */
export interface TableWalk {
  /** The longest run of blank lines inside the table (a named setting in `tableReading`). */
  readonly blankRun: number;
  /** Page furniture to read past, given whether the line above was such (a header printed again, then its note's end). */
  readonly skips: (text: string, afterSkipped: boolean) => boolean;
  /** A line that ends the table. */
  readonly ends: (text: string) => boolean;
  /** Blank lines either side of page furniture are one run (where a blank line parts rows, it still does across a page break). */
  readonly runPastSkipped: boolean;
  /** A page footer ends it (a look past a table's end stops at the page's end); else the walk reads past footers. */
  readonly endsAtFooter: boolean;
}

/** How a row's label is read, by every reader that reads a row's label lines before its numbers. */
export interface RowLabels {
  /** Lines a row's label may take before its numbers, its first included (a named setting in `tableReading`); more is text after the table. */
  readonly maxLabelLines: number;
  /** A label may end a sentence («… mv.», «… institusjon.»): a line that goes on with it may end in a period or a colon. */
  readonly labelEndsSentence: boolean;
}

/**
 * How a kind's rows are printed, for the one row reader (`rows/rows.ts`): what starts a row, what
 * continues its label, which digits at a label's end are the label's, what ends the table.
 */
export interface RowGrammar extends TableWalk, RowLabels {
  /**
   * A line that starts a row, given the row being read (null: none, or a look ahead past it); null:
   * rows are named, not numbered, and the line after a row's numbers opens the next.
   */
  readonly starts: ((text: string, row: { readonly label: string; readonly numbered: boolean } | null) => boolean) | null;
  /** The table's header printed again after a page break: a lone number above it is a page number, or the row's one cell. */
  readonly headerAgain: (text: string) => boolean;
  /** The digits opening a line's numbers that are its label's. */
  readonly labelDigits: (tail: NumericTail) => NumericTail;
  /**
   * A label's code alone at the line's start, a column's gap before the numbers or none after it
   * («302      0» over «Byggesaksbehandling og»: a narrow label column wrapped after the KOSTRA code).
   * It starts a row only after a row with its numbers and over a line of the label's words (`rows.ts`).
   */
  readonly codeAlone?: (text: string) => string | null;
  /** The longest label line, in characters; a line ending a sentence is none … */
  readonly labelLine: number;
  /** … unless the row's numbers or the next row follow it («… funksjonsnedsettelser mv.»). */
  readonly sentenceBeforeRow: boolean;
  /** The fewest numbers a row's numbers line holds (fewer: not the table's). */
  readonly minNumbers: number;
  /** The longest label a row with numbers may have, where a label is no sentence; none: any. */
  readonly maxLabel?: number;
  /** After a total only another total goes on (cascading sums). */
  readonly totalsLast: boolean;
}

/** A KOSTRA code alone at a laid-out line's start (no indent: the label column's edge), two spaces or more before its numbers. */
function kostraAlone(text: string): string | null {
  return /^(\d{3})(?=\s{2,}\S|\s*$)/u.exec(text)?.[1] ?? null;
}

/**
 * A budget table's rows: a KOSTRA code and a word, a service area or a total starts a row (a total's
 * label may wrap before its area: «Sum netto driftsutgifter» / «FO2C»); the header printed again
 * after a page break ends the part, on a row's line it is skipped; an area's and a section's number are the label's.
 */
export const economyRows: RowGrammar = {
  blankRun: tableReading.maxBlankRun,
  runPastSkipped: false,
  endsAtFooter: false,
  starts: (text, row) => startsRow(text) && !(row !== null && !row.numbered && isTotalLabel(row.label) && namesArea(text)),
  skips: (text) => startsRow(text) && isHeaderLine(text),
  // the header printed again after a page break ends this part (the caller reads on from it); so does a header
  // found by its structure: column words set apart, or with a year («Regnskap   Opprinnelig   Avvik»)
  ends: (text) => economyHeader.anchor.test(text) || (isColumnHeader(text) && /\S {2,}\S|\b20\d\d\b/u.test(text.trim())),
  headerAgain: (text) => isHeaderLine(text) || economyHeader.anchor.test(text),
  labelDigits,
  maxLabelLines: tableReading.maxLabelLines.budget,
  labelEndsSentence: false,
  codeAlone: kostraAlone,
  labelLine: 70,
  sentenceBeforeRow: true,
  minNumbers: 1,
  totalsLast: false,
};

/** A unit table's identities, by its columns: avvik = regulert − regnskap (when both are printed) and resultat = avvik − øremerkede. */
function unitIdentity(columns: readonly UnitColumn[]): Identity {
  const budget = difference(columns, "revisedBudget", "actual", "variance");
  const split = difference(columns, "variance", "earmarkedVariance", "ordinaryVariance");
  const printed = columns.includes("revisedBudget") && columns.includes("actual");
  return (v) => (!printed || budget(v)) && split(v);
}

/** "Per enhet fremstår resultat med og uten særskilt øremerkede midler slik": rows are units. */
export const unitTable = {
  id: tableIds.units,
  /** "resultat med og uten (særskilt) øremerkede midler", possibly wrapped onto the next line. */
  caption: /resultat\w*\s+(?:\S+\s+){0,3}?med\s+og\s+uten\s+(?:\S+\s+){0,2}?\S*merkede/iu,
  /** A line holding one of these (as printed, in any of its cases) may hold the caption or its second line. */
  words: ["uten", "Uten", "UTEN"],
  /** The words a header line of such a table consists of (column names, years, the unit). */
  headerWord:
    new RegExp(`^(?:enhet(?:er)?|avdeling(?:er)?|tjenesteområde|område|${economyColumnWords.budget}|${accountsInHeader}|${economyColumnWords.variance}|særskilt|\\S*merkede|midler|resultat|ordinær|drift|totalt|med|og|uten|i|pr\\.?|per|tusen|kroner|kr\\.?|1000|\\d{4}|[()])$`, "iu"),
  /** The words its header reader finds its columns by (a note in parentheses may hold one: «Avvik (øremerkede midler)»). */
  header: { words: unitColumnWords, titleWords: [], skipNotes: false } as HeaderWords<UnitColumn>,
  /** The columns without which it is no such table. */
  required: ["variance", "earmarkedVariance", "ordinaryVariance"] as readonly UnitColumn[],
  identity: unitIdentity,
  /** Its rows: a unit's name (a few short lines at most) and two numbers or more; after a total only another total. */
  rows: {
    blankRun: tableReading.maxBlankRun,
    runPastSkipped: false,
    endsAtFooter: false,
    starts: null,
    skips: () => false,
    ends: () => false,
    headerAgain: () => false,
    labelDigits: (tail) => tail,
    maxLabelLines: tableReading.maxLabelLines.unit,
    labelEndsSentence: false,
    labelLine: 60,
    sentenceBeforeRow: false,
    minNumbers: 2,
    maxLabel: 80,
    totalsLast: true,
  } as RowGrammar,
} as const;

// ── Tables in millions whose last row sums the rows above ────────────────────────────────────

/** «Økonomiplan (i mill kr) 2023 2024 … 2028» down to «Stipulert reelt årsresultat»: one column per year (`prose/sumTables.ts`). */
export const sumTable = {
  /** A header in millions that ends in its years. */
  header: /^\s*\p{L}.*?(?<![\p{L}])mill(?:ioner|\.)?\s*(?:kr\.?|kroner)?\)?\s+(?:(?:19|20)\d\d\s+)+(?:19|20)\d\d\s*$/iu,
  /** A row that is the sum of the rows above by its name. */
  sumRow: new RegExp(`^${TOTAL_WORD}`, "iu"),
  /** A result row: the sum of the rows above where the figures show it (a result may also be a difference). */
  resultRow: /^(?:stipulert|beregnet|forventet)?\s*(?:\p{L}+\s+)?(?:års)?resultat\b/iu,
  /** A row of percents or shares, no addend of the sum in millions. */
  percentRow: /(?<![\p{L}])(?:prosent\p{L}*|andel)(?![\p{L}])|%/iu,
  /** A sum row's label that names a difference («Totalt resultat», «Sum avvik», «Samlet mindreforbruk»): held as a sum only where the rows make it. */
  differenceRow: /resultat|avvik|differanse|netto|(?:mer|mindre)-?\s*forbruk|overskudd|underskudd|saldo|balanse/iu,
} as const;

// ── The gender balance and pay table ─────────────────────────────────────────────────────────

/** «Kjønnsbalanse Lønnsbalanse»: per category and year, men %, women %, headcount, men's and women's pay, the ratio (`prose/payTable.ts`). */
export const payTable = {
  /** The line that opens it. */
  anchor: /kjønnsbalanse|kjønn\s+og\s+lønn/iu,
  /** A line that ends it (the next table, on full- and part-time work), besides prose. */
  ends: /\b(?:heltid|deltid|midlertidig)\b|^\s*alle\s*$/iu,
  /**
   * Its header's columns, for the header reader: the ratio's name (women's pay as a percentage of
   * men's, or the reverse) tried first, then a gender's share («Menn %»), then a gender's other
   * columns («Menn (kr)»: the note in parentheses is blanked).
   */
  header: {
    words: [
      ["kvinne\\p{L}*\\s+(?:andel|lønn)\\s+(?:i\\s+%\\s+)?av\\s+menn\\p{L}*", "womenOverMen"],
      ["menn\\p{L}*\\s+(?:andel|lønn)\\s+(?:i\\s+%\\s+)?av\\s+kvinne\\p{L}*", "menOverWomen"],
      ["menn\\s*(?:i\\s+)?%", "menShare"],
      ["kvinne\\p{L}*\\s*(?:i\\s+)?%", "womenShare"],
      ["menn", "men"],
      ["kvinne\\p{L}*", "women"],
    ],
    titleWords: [],
    skipNotes: true,
  } as HeaderWords<PayColumn>,
} as const;

export type PayColumn = "womenOverMen" | "menOverWomen" | "menShare" | "womenShare" | "men" | "women";

// ── Indicator tables ──────────────────────────────────────────────────────────────────────────

export type IndicatorColumnKind = "result" | "target" | "deviation";

/**
 * An indicator row's identity, avvik = resultat − måltall: |avvik| = |resultat − måltall| within half
 * a unit of the avvik's last printed decimal ("-28" for −28,11), and at least to 0,05. Its sign
 * follows the indicator's direction (higher or lower is better), which the deviation check holds.
 */
export function indicatorIdentity(deviationRaw: string, deviation: number, result: number, target: number): boolean {
  const decimals = /\d[.,](\d+)/.exec(deviationRaw)?.[1]?.length ?? 0;
  return Math.abs(Math.abs(result - target) - Math.abs(deviation)) <= Math.max(0.051, 0.5 * 10 ** -decimals + 1e-9);
}
export type IndicatorTableKind = "indicator" | "sickLeave" | "keyFigure" | "monthlySickLeave";

export interface IndicatorTable {
  readonly kind: IndicatorTableKind;
  /** The start words of the table's first line. */
  readonly starts: readonly RegExp[];
  /** The word each start begins with: the pre-filter. */
  readonly words: readonly string[];
  /** Column words and the kind of column each names. */
  readonly columnWords: readonly (readonly [string, IndicatorColumnKind])[];
  /** Other words a header fragment may hold besides column words, years, "bydel", "i", "%". */
  readonly fragmentWords: readonly string[];
  /** The area its indicators belong to, whatever the section ("HR" for sick leave); null: the caption's or the section's. */
  readonly area: string | null;
  /** Its header may be laid out by position (`layoutTable.ts`) before the word-based reader reads it. */
  readonly byPosition: boolean;
  /** The labels its rows may have, where the kind fixes them: a row labelled otherwise belongs to another table. */
  readonly rowLabels?: RegExp;
  /** The identity that confirms a row's reading, where the header has a result, a target and an avvik. */
  readonly identity: typeof indicatorIdentity;
  /** The column a row one cell short leaves blank, where the kind says which (a sick-leave sub-row prints no target). */
  readonly shortRowBlank?: IndicatorColumnKind;
}

const indicatorColumns: readonly (readonly [string, IndicatorColumnKind])[] = [
  ["resultat", "result"],
  ["måltall", "target"],
  ["mål", "target"],
  ["avvik", "deviation"],
];
const sickLeaveColumns: readonly (readonly [string, IndicatorColumnKind])[] = [["sykefraværsprosent", "result"]];

/** In the order they are tried on a line. */
/** A sick-leave table's rows: the length of the absence, who certified it, a total. */
const SICK_LEAVE_ROWS = new RegExp(String.raw`^\s*(?:${TOTAL_WORD}|korttid|langtid|kort|lang|gjennomsnitt|snitt|egenmeldt|legemeldt|sykefravær|fravær|\d{1,2}\s*[-–]\s*\d{1,2}\s*dager)`, "iu");
/** The three rows of a sick-leave table whose arithmetic the prose checks hold (Korttid + Langtid = Totalt). */
export const sickLeaveRow = { short: /korttid/iu, long: /langtid/iu, total: /totalt/iu } as const;
/** A monthly sick-leave table's rows: the months, and a year's total or average. */
const MONTH_ROWS = new RegExp(String.raw`^\s*(?:${TOTAL_WORD}|jan|feb|mar|apr|mai|jun|jul|aug|sep|okt|nov|des|hele\s+året|året|gjennomsnitt|snitt)`, "iu");

export const indicatorTables: readonly IndicatorTable[] = [
  {
    kind: "indicator",
    // a caption, or, where none is printed, a header that opens with a result or target column and its year
    // (zero-width: the column word stays in the header), or laid out by position with the years on the next line
    starts: [/^\s*resultatindikator(?:er)?\b/iu, /^\s*obligatoriske\s+(?:sentrale\s+)?(?:resultatindikatorer|måltall)\b/iu, /^\s*(?=(?:resultat|måltall)\s+(?:19|20)\d\d\b)/iu, /^\s*(?=(?:resultat|måltall)(?:\s+bydel)?\s{2,}(?:resultat|måltall|avvik)\b)/iu],
    words: ["resultatindikator", "obligatoriske", "resultat", "måltall"],
    columnWords: indicatorColumns,
    fragmentWords: [],
    area: null,
    byPosition: true,
    identity: indicatorIdentity,
  },
  { kind: "sickLeave", starts: [/^\s*sykefravær\s+i\s+%/iu], words: ["sykefravær"], columnWords: [...indicatorColumns, ...sickLeaveColumns], fragmentWords: ["sykefravær"], area: "HR", byPosition: true, rowLabels: SICK_LEAVE_ROWS, identity: indicatorIdentity, shortRowBlank: "target" },
  { kind: "monthlySickLeave", starts: [/^\s*måned(?=\s+(?:sykefravær|(?:19|20)\d\d\b))/iu], words: ["måned"], columnWords: [...indicatorColumns, ...sickLeaveColumns], fragmentWords: ["sykefravær"], area: "HR", byPosition: true, rowLabels: MONTH_ROWS, identity: indicatorIdentity },
  { kind: "keyFigure", starts: [/^\s*nøkkeltall(?:\s+for)?\s*:/iu], words: ["nøkkeltall"], columnWords: indicatorColumns, fragmentWords: [], area: null, byPosition: true, identity: indicatorIdentity },
];

/** The table kind of a start pattern, in the order they are tried. */
export const indicatorStarts: readonly (readonly [RegExp, IndicatorTableKind])[] = indicatorTables.flatMap((t) => t.starts.map((re) => [re, t.kind] as const));

/** The tables whose header may be laid out by position. */
export const positionalTables: readonly IndicatorTable[] = indicatorTables.filter((t) => t.byPosition);

/** The table kind's entry. */
export const indicatorTable = (kind: IndicatorTableKind): IndicatorTable => indicatorTables.find((t) => t.kind === kind)!;

/** Column words of the given tables, each once, in order of first appearance. */
function columnWordsOf(tables: readonly IndicatorTable[]): (readonly [string, IndicatorColumnKind])[] {
  const out = new Map<string, IndicatorColumnKind>();
  for (const t of tables) for (const [w, k] of t.columnWords) if (!out.has(w)) out.set(w, k);
  return [...out];
}

/** The alternatives of the column words of the given tables: "resultat|måltall|mål|avvik". */
export function indicatorColumnAlternatives(tables: readonly IndicatorTable[]): string {
  return columnWordsOf(tables)
    .map(([w]) => w)
    .join("|");
}

/**
 * The header words of the given tables for the header reader: their column words, the title words that
 * may stand between a word and its year («Resultat bydel 2023», «Mål sykefravær 2024»); notes name no column.
 */
function headerWordsOf(tables: readonly IndicatorTable[]): HeaderWords<IndicatorColumnKind> {
  return { words: columnWordsOf(tables), titleWords: ["bydel", ...new Set(tables.flatMap((t) => t.fragmentWords))], skipNotes: true };
}

/** The header words of every indicator table, and of those whose header may be laid out by position. */
export const indicatorHeaderWords = headerWordsOf(indicatorTables);
export const positionalHeaderWords = headerWordsOf(positionalTables);

/** A header fragment of the given tables: only column words, years, "bydel", "i", "%", parentheses and dashes. */
export function indicatorFragment(tables: readonly IndicatorTable[]): RegExp {
  const extra = [...new Set(tables.flatMap((t) => t.fragmentWords))];
  const words = ["\\s", "\\(", "\\)", "-", "–", "resultat-?", indicatorColumnAlternatives(tables), "bydel", "i", "%", "\\d{4}", ...extra, "innhold"];
  return new RegExp(`^(?:${words.join("|")})*$`, "iu");
}

/** A header fragment of any indicator table. */
export const indicatorHeaderFragment = indicatorFragment(indicatorTables);

/** «Obligatoriske sentrale» with «måltall …» on the line below: a caption wrapped before its last word. */
export const wrappedIndicatorStart = /^\s*obligatoriske\s+sentrale(?=\s{2,}\S|\s*$)/iu;

/** A line that ends an indicator table: a numbered heading, a footnote, a table's caption, a goal's, measure's or comment's text. */
export function endsIndicatorTable(text: string): boolean {
  const t = text.trim();
  return (
    /^\d+(\.\d+)+\.?\s+\p{L}/u.test(t) || // a numbered heading
    (/^(\*|\d\))/u.test(t) && !/^\d\)$/u.test(t)) || // a footnote; «1)» alone is the mark that ends a wrapped label
    indicatorStarts.some(([re]) => re.test(t)) ||
    wrappedIndicatorStart.test(t) ||
    /^(mål|tiltak|kommentar)\s*\d*\s*:/iu.test(t)
  );
}

/** A line of value cells only: "* 77,4 16,7 %" starts with a placeholder, yet is a row, not a footnote. */
function cellsOnly(text: string): boolean {
  return isCellsOnly(cellTail(text));
}

/** An indicator table read by its words: label lines, then a line of value cells; nothing is page furniture but footers. */
export const indicatorRows: TableWalk & RowLabels = {
  blankRun: tableReading.indicatorBlankRun,
  maxLabelLines: tableReading.maxLabelLines.indicator,
  labelEndsSentence: true,
  skips: () => false,
  ends: (text) => endsIndicatorTable(text) && !cellsOnly(text),
  runPastSkipped: false,
  endsAtFooter: false,
};

/**
 * An indicator table read by position: the header printed again after a page break (column words and
 * years only) is page furniture, and so is the end of its note under it («(Resultat-» over «måltall)»);
 * a blank line parts rows, across a page break too.
 */
export const indicatorLayoutRows: TableWalk = {
  blankRun: tableReading.positionalBlankRun,
  skips: (text, afterSkipped) => {
    const trimmed = text.trim();
    const cells = layoutCells(text);
    if (cells.every((c) => indicatorHeaderFragment.test(c.text)) && readHeaderWords(trimmed, indicatorHeaderWords).columns.length + (trimmed.match(/\b\d{4}\b/g)?.length ?? 0) >= 2) return true;
    return afterSkipped && cells.length > 0 && cells.every((c) => indicatorHeaderFragment.test(c.text) && /^[^(]*\)$/u.test(c.text.trim()));
  },
  ends: (text) => endsIndicatorTable(text) && !cellsOnly(text),
  runPastSkipped: true,
  endsAtFooter: false,
};

/**
 * An indicator table whose header is read but whose rows neither reader can place, searched for the
 * lines with numbers it leaves: up to a blank gap, a line that ends an indicator table, or running text.
 */
export const unreadRows: TableWalk = {
  blankRun: tableReading.gapBlankRun,
  skips: () => false,
  ends: (text) => endsIndicatorTable(text) || isProse(text),
  runPastSkipped: false,
  endsAtFooter: false,
};

/**
 * The lines after an indicator table's end, searched for rows it left: up to a blank gap, the page's
 * end, running text, a line that ends an indicator table, or a header (column words and years: the next
 * table, or this one again after a page break).
 */
export const afterIndicatorTable: TableWalk = {
  blankRun: tableReading.gapBlankRun,
  skips: () => false,
  ends: (text) => endsIndicatorTable(text) || isProse(text) || readHeaderWords(text, indicatorHeaderWords).columns.length >= 2,
  runPastSkipped: false,
  endsAtFooter: true,
};

/**
 * Cheap test before the start patterns: a numbered section heading, a Hovedoversikt (both give
 * the section's area), or a table's start word.
 */
export const indicatorLineFilter: RegExp = new RegExp(`^\\s*(?:${["\\d", ...economyTables.fo.words, ...indicatorTables.flatMap((t) => t.words)].join("|")})`, "i");
