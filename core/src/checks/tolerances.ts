import type { FindingSeverity } from "../schema/report.js";
import { approximatePrecision } from "./approximatePrecision.js";

/**
 * Every tolerance and severity rule of the consistency checks, in one place. A difference of 0 is
 * no finding; a difference within the tolerance is rounding (`info`); beyond it, an `error`.
 * Reports print whole thousands rounded from exact accounts, so identities between printed
 * numbers hold only up to rounding.
 */
export const tolerances = {
  /** Row: variance = revisedBudget − actual. Each of three printed numbers is off by ≤ 0.5: ±1. */
  rowVariance: 1,
  /** Column sum of n addends against the Sum row: each addend off by ≤ 0.5, so ±⌈n/2⌉. */
  sum: (addends: number): number => Math.ceil(addends / 2),
  /** An FO table's Sum row against the same FO's row in Tabell 0.1 B: ±2 (two roundings of sums). */
  crossTable: 2,
  /** Split row: variance = earmarkedVariance + ordinaryVariance: ±1. */
  split: 1,
  /** The summary split against an FO's own split or tables: ±2, as for cross-table checks. */
  splitCross: 2,
  /**
   * Indicator: stated against recomputed deviation: half a unit of the stated deviation's last
   * printed decimal (a deviation printed as "-2,2" may stand for −2.21), plus a tiny epsilon
   * for the double nearest the decimal.
   */
  indicator: (printedDecimals: number): number => 0.5 * 10 ** -printedDecimals + 1e-9,
  /**
   * A figure the running text restates («28,68 millioner») against its table cell, in units of the
   * last stated digit (0,01 mill. = 10 here). Within half a unit it agrees; a stated figure one unit
   * off the correctly rounded one (truncated, or rounded from rounded parts) is a rounding note
   * (info); more is a contradiction (warning), and more than `errorUnits` off, or the opposite
   * direction (mindreforbruk for merforbruk), an error.
   */
  prose: {
    roundingUnits: 1,
    errorUnits: 10,
    /**
     * An approximate figure («ca. 20», «om lag 300», «rundt 10 mill.», or a round figure where the
     * text rounds: «er økt med 300» against a table's 12 045 − 11 741) is taken at the precision of
     * its last significant digit, a whole number's trailing zeros not counted: half a unit of it,
     * times `scale` (the unit's power of ten: 1000 for millions in 1000 kr). «ca. 20» → 5, «300» →
     * 50, «ca. 10 mill.» → 5 000, «ca. 5,1 mill.» → 50, «ca. 126» → 0,5. The bands above then apply
     * at that precision: within it agrees, within one unit more is a rounding note, beyond a
     * contradiction (a warning), an error only more than `errorUnits` units off (ca. 20 against
     * 130) or in the opposite direction.
     */
    approximate: (raw: string, scale = 1): number => approximatePrecision(raw, scale),
  },
} as const;

/**
 * How positioned text from a PDF becomes lines and cells (pdfplumber's idea: every tolerance of
 * table finding in one object, with named defaults). Sizes are fractions of the font size unless
 * the name says points.
 */
export const pdfLayout = {
  /** Two items are on one line when their baselines differ by less than this. */
  sameLine: 0.45,
  /** A gap narrower than this lies inside a cell ("649" "876" is one number, a label in runs one label). */
  cellGap: 0.5,
  /**
   * Wider, for a gap a monospaced font's space can make (0.6 em): between two words, or before a
   * three-digit group that continues a number. Columns stand a good em or more apart.
   */
  wordGap: 0.75,
  /** A run at least this wide per character (in ems) is set in a monospaced font (Courier: 0.6), whose space is wider than cellGap. */
  monospaced: 0.55,
  /** Points per character column when a line is laid out as text: narrow enough that a 60 pt column gap stays wide. */
  charWidth: 4.5,
  /** Spaces that always stand between two cells in the laid-out text: more than one, so no cell is taken for thousands. */
  minCellSpaces: 2,
  /** A run drawn again within this many font sizes of the same run is one run made bold by overprinting (a stroke or two apart). */
  overprint: 0.15,
  /** A running header or footer sits in this top or bottom fraction of the page… */
  furnitureBand: 0.08,
  /** …and repeats, digits aside, on at least this share of the pages (a page number is furniture by itself). */
  furnitureShare: 0.5,
  /** In text without page breaks, a running header or footer is a line this short… */
  runningLineChars: 120,
  /** …seen beside a page number (or with one in it) on this many pages at least… */
  runningMinPages: 3,
  /** …whose numbers rise from one to the next this often (a page may lack its footer; a label beside a cell is not so orderly). */
  runningRisingShare: 0.9,
  /**
   * After a sentence's end and before a capital, a vertical gap this many times the page's usual
   * line pitch at that font size is a paragraph break (kept as a blank line): text set at 14.2 pt
   * pitch with paragraphs 20.2 pt apart.
   */
  paragraphPitch: 1.3,
  /** Any vertical gap of this many font sizes is a paragraph break. */
  paragraphSizes: 1.9,
  /** For the pitch rule, a new paragraph's first line is one cell of at least this many characters (a table's short label lines are not). */
  paragraphMinChars: 40,
} as const;

/**
 * How a row's numbers meet the columns in laid-out text: a number ends (it is right-aligned) within
 * this many character columns of its column's right edge.
 */
export const columnAnchor = {
  /** Character columns a right edge may stray from its column's anchor. */
  slack: 3,
  /** Rows whose cells all stand apart (two spaces or more) that must agree, within one column, before their edges anchor the columns (and they must be most such rows). */
  minRows: 3,
} as const;

/**
 * How far the import looks when it finds and reads a table in text: the reaches and limits of the
 * table stages, each named with its default, as pdfplumber names its table settings.
 */
export const tableReading = {
  /** A row's identity (avvik = regulert − regnskap) holds within this many 1000 kr when its readings are chosen: each printed figure is rounded on its own. */
  identityRounding: 2,
  /** Blank lines in a row that end a table. */
  maxBlankRun: 5,
  /** Blank lines in a row beyond which an indicator table's word-read rows end. */
  indicatorBlankRun: 4,
  /** Blank lines in a row beyond which a table read by position ends (its rows stand closer). */
  positionalBlankRun: 2,
  /**
   * Lines a row's label may take before its numbers, its first line included, by the table's rows
   * (`RowLabels.maxLabelLines` in the import's registry): a budget row's (its KOSTRA code's line and
   * four more), a unit's name, an indicator's. More lines are text after the table.
   */
  maxLabelLines: { budget: 5, unit: 3, indicator: 6 },
  /** Lines from a table's caption or header anchor to its first row. */
  headerSpan: 40,
  /** A header set one cell per line (pdf.js lines): this many cells at most, each this short. */
  stackedHeaderCells: 16,
  stackedCellChars: 40,
  /** Readings of a withheld row listed in its finding and on the row. */
  maxRowCandidates: 20,
  /** Blank lines in a row past which the lines after an indicator table's end, or of a table neither reader could read, are no longer searched for rows it left (two are a gap). */
  gapBlankRun: 1,
  /** Lines looked at after an indicator table's end for rows it left: a row's label lines at most (maxLabelLines.indicator), then its cells. */
  linesAfterTable: 7,
  /** Words a text cell in a value column may have («Ingen måling», «ikke målt»); longer text is prose. */
  textCellWords: 4,
  /** Readings of one indicator row's cells beyond which the row is reported as ambiguous rather than decided on a cut-off list. */
  indicatorReadings: 256,
  /** Magnitude spreads (× 20) closer than this do not tell a full indicator reading from a shorter one with a blank. */
  similarSpread: 30,
  /** Unsigned negative deviations, in a table that prints no sign, that make it the table's convention: one alone may be a misprint. */
  unsignedRows: 2,
  /** How far below a goal stated in prose (in lines as read, a page break's furniture not counted) its outcome may be stated, when the goal ends its paragraph. */
  proseLookahead: 6,
  /** Placements tried of a sum table's rows that print fewer figures than it has years (`prose/sumTables.ts`); beyond, the table is reported unchecked. */
  sumTablePlacements: 4096,
  /** Lines from the gender balance and pay table's first line within which its rows are read (`prose/payTable.ts`). */
  payTableSpan: 150,
} as const;

/** The severity of a difference: null for none (0), `info` within the tolerance, else `error`. */
export function severityOf(difference: number, tolerance: number): FindingSeverity | null {
  if (difference === 0) return null;
  return Math.abs(difference) <= tolerance ? "info" : "error";
}
