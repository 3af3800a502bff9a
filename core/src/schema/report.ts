import { z } from "zod";
import { budgetTableIds } from "../domain/tables.js";
import { correctionSchema, statementSchema } from "./prose.js";

/**
 * The report JSON: the import's public output and the contract between the importer, the CLI,
 * the add-in and users' scripts. Field names are fixed (docs/report-json.md); new fields may be
 * added, never renamed. Money is in the table's unit (1000 kr for economy tables); a blank cell is
 * `null`, never 0. `line` is the 1-based line in the input text that carries the numbers.
 */

const money = z.number().finite().nullable();
const candidatesSchema = z
  .array(z.array(z.number().finite().nullable()))
  .optional()
  .describe("A withheld row (values null, AMBIGUOUS_NUMBERS): every surviving reading, in column order");
const line = z.number().int().positive();

export { budgetTableIds };
export const budgetTableIdSchema = z.enum(budgetTableIds).describe("0.1 gross, 0.1B net, or the service area of a Hovedoversikt table");

export const budgetRowSchema = z
  .object({
    line,
    label: z.string().describe("The row's label as printed, wrapped lines joined with one space"),
    kostra: z.string().regex(/^\d{3}$/).nullable().describe("Three-digit KOSTRA function, when the label starts with one"),
    isTotal: z.boolean().describe("A Sum row"),
    previousActual: money.describe("Regnskap previous year"),
    originalBudget: money.describe("Opprinnelig budsjett"),
    revisedBudget: money.describe("Regulert budsjett"),
    actual: money.describe("Regnskap"),
    variance: money.describe("Avvik as printed (revisedBudget − actual when the report is right)"),
    area: z.string().nullable().optional().describe("The service area (FO1, FO2A …) a row of Tabell 0.1/0.1 B stands for"),
    sumOf: z.array(line).optional().describe("A total row: the lines of the rows (in the same table) it sums"),
    needsReview: z.boolean().optional().describe("The row's columns were recovered but not confirmed by the arithmetic"),
    candidates: candidatesSchema,
  })
  .passthrough();

export const budgetTableSchema = z
  .object({
    id: budgetTableIdSchema,
    title: z.string(),
    basis: z.enum(["gross", "net"]),
    line,
    rows: z.array(budgetRowSchema),
  })
  .passthrough();

export const varianceSplitRowSchema = z
  .object({
    line,
    label: z.string(),
    kostra: z.string().regex(/^\d{3}$/).nullable(),
    isTotal: z.boolean(),
    variance: money.describe("Avvik total"),
    earmarkedVariance: money.describe("Avvik øremerkede midler"),
    ordinaryVariance: money.describe("Avvik ordinær drift"),
    originalBudget: money.optional().describe("Opprinnelig budsjett, when the split table prints it (the result per unit)"),
    revisedBudget: money.optional().describe("Regulert (justert) budsjett, when the split table prints it"),
    actual: money.optional().describe("Regnskap, when the split table prints it"),
    area: z.string().nullable().optional().describe("The service area a row stands for, when it names one"),
    sumOf: z.array(line).optional().describe("A total row: the lines of the rows it sums"),
    needsReview: z.boolean().optional().describe("The row's columns were recovered but not confirmed by the arithmetic"),
    candidates: candidatesSchema,
  })
  .passthrough();

export const varianceSplitSchema = z
  .object({
    id: z
      .string()
      .describe('0.1B for the district summary, the service area (FO1 …), or "enhet" for the result per unit with and without earmarked funds (rows are units, the Sum row is the district)'),
    title: z.string().optional().describe("The table's caption as printed"),
    line,
    rows: z.array(varianceSplitRowSchema),
  })
  .passthrough();

export const indicatorKinds = ["indicator", "keyFigure", "sickLeave", "prose"] as const;
export const indicatorUnits = ["percent", "score", "count", "days", "nok", "other"] as const;
export const comparisonOperators = [">", ">=", "<", "<="] as const;
export const targetUnits = ["percent", "days", "nok", "number", "year"] as const;

export const printedValueSchema = z
  .object({
    raw: z.string(),
    value: z.number().finite().nullable(),
    reason: z
      .enum(["not-measured", "no-data"])
      .optional()
      .describe("Why a cell printed as text («Ingen måling i år», «Bydelen har ikke tall») has no value"),
    unsigned: z
      .boolean()
      .optional()
      .describe("A stated deviation in a table that prints every deviation without a sign (finding DEVIATIONS_UNSIGNED): checked by its size"),
  })
  .passthrough();

export const indicatorSchema = z
  .object({
    line,
    area: z.string().nullable().describe("Service area (FO1, FO2A …, HR for sick leave) or null"),
    label: z.string(),
    unit: z.enum(indicatorUnits),
    target: z
      .object({
        raw: z.string(),
        operator: z.enum(comparisonOperators).nullable(),
        value: z.number().finite().nullable(),
        unit: z
          .enum(targetUnits)
          .optional()
          .describe('How the target reads; "year" when it refers to a year\'s result ("> 2022"). Absent: derive it from raw'),
      })
      .passthrough()
      .nullable(),
    result: printedValueSchema.nullable(),
    statedDeviation: printedValueSchema.nullable(),
    deviation: z.number().finite().nullable().describe("result − target, in pp for percentages"),
    higherIsBetter: z.boolean().nullable(),
    met: z.boolean().nullable(),
    kind: z
      .enum(indicatorKinds)
      .optional()
      .describe("Resultatindikator, nøkkeltall series, sykefravær, or prose: a target and a result stated in the running text"),
    needsReview: z
      .boolean()
      .optional()
      .describe("Read by convention or from running text, not confirmed by the table's own arithmetic: check against the PDF"),
    series: z
      .array(z.object({ year: z.number().int(), raw: z.string(), value: z.number().finite().nullable() }).passthrough())
      .optional()
      .describe("Results by year as printed (nøkkeltall, and the prior years of an indicator)"),
  })
  .passthrough();

export const findingSeverities = ["error", "warning", "info"] as const;
export const findingCodes = [
  /** A row's printed avvik differs from regulert budsjett − regnskap. */
  "ROW_VARIANCE_MISMATCH",
  /** A Sum row differs from the sum of the rows it totals. */
  "SUM_MISMATCH",
  /** An FO table's Sum row differs from the same area's row in Tabell 0.1 B (or a split from its summary). */
  "CROSS_TABLE_MISMATCH",
  /** An earmarked split breaks total = øremerket + ordinær, or disagrees with another split table. */
  "SPLIT_MISMATCH",
  /** An indicator's printed avvik differs from resultat − måltall, sign included. */
  "INDICATOR_DEVIATION_MISMATCH",
  /** More than one reading of a row's numbers survives; the finding lists the candidates and no values are imported. */
  "AMBIGUOUS_NUMBERS",
  /** A table's caption is in the text but its numbers are not (an image in the PDF). */
  "TABLE_MISSING",
  /** A row's numbers cannot be read as the table's columns; no values are imported. */
  "UNREADABLE_ROW",
  /** A row was read by layout and magnitude alone; other readings fit the arithmetic too (info, the row has needsReview). */
  "UNCONFIRMED_READING",
  /** The text was UTF-8 decoded as Windows-1252 ("Ã¸") and has been repaired before the import (info). */
  "ENCODING_REPAIRED",
  /** The text names a report but holds no economy table, indicator or table caption: nothing could be checked (warning). */
  "NOTHING_FOUND",
  /** Control characters (U+0000 for a glyph without a Unicode mapping, and the like) were dropped from the text (info). */
  "CONTROL_CHARACTERS_DROPPED",
  /** Pages of a PDF carry no text at all: most likely scanned or images, so their tables are not read (warning). */
  "PAGES_WITHOUT_TEXT",
  /** Lines after a table's last read row carry a row's numbers that were not read: the table may lack rows (warning). */
  "TABLE_INCOMPLETE",
  /** A table prints every stated deviation without a sign, negative ones too: reported once per table, each checked by its size (warning). */
  "DEVIATIONS_UNSIGNED",
  /** The running text states an amount that its own table (or its own arithmetic) contradicts; one unit in the last stated digit is a rounding note (info). */
  "PROSE_MISMATCH",
] as const;

export const findingSchema = z
  .object({
    severity: z.enum(findingSeverities),
    code: z.string().describe(`One of ${findingCodes.join(", ")}, or a newer code`),
    line: line.nullable(),
    message: z.string().describe("Norwegian, for the controller"),
    stated: z.number().finite().nullable().optional(),
    computed: z.number().finite().nullable().optional(),
    candidates: z.array(z.array(z.number().finite().nullable())).optional().describe("AMBIGUOUS_NUMBERS: every surviving reading"),
    table: z.string().optional().describe("The table the finding is about (0.1B, FO3 …), when it is about one"),
    column: z
      .string()
      .optional()
      .describe("The column compared: previousActual, originalBudget, revisedBudget, actual, variance, earmarkedVariance or ordinaryVariance"),
    referenceLine: line.optional().describe("The other table's line the value was compared with (cross-table checks)"),
    page: z.number().int().positive().optional().describe("From a PDF: the page of the finding's line (the message ends with «(side N)» too)"),
  })
  .passthrough();

export const reportSchema = z
  .object({
    schemaVersion: z.literal(1),
    district: z.string().nullable(),
    year: z.number().int().nullable(),
    budgetTables: z.array(budgetTableSchema),
    varianceSplits: z.array(varianceSplitSchema),
    indicators: z.array(indicatorSchema),
    findings: z.array(findingSchema),
    corrections: z.array(correctionSchema).default([]).describe("The corrections the running text states (earmarked funds carried over, last year's overspend …)"),
    statements: z.array(statementSchema).default([]).describe("Each amount in the running text that restates a table figure, held against it"),
  })
  .passthrough();

export type BudgetTableId = z.infer<typeof budgetTableIdSchema>;
export type BudgetRow = z.infer<typeof budgetRowSchema>;
export type BudgetTable = z.infer<typeof budgetTableSchema>;
export type VarianceSplitRow = z.infer<typeof varianceSplitRowSchema>;
export type VarianceSplit = z.infer<typeof varianceSplitSchema>;
export type Indicator = z.infer<typeof indicatorSchema>;
export type IndicatorKind = (typeof indicatorKinds)[number];
export type IndicatorUnit = (typeof indicatorUnits)[number];
export type ComparisonOperator = (typeof comparisonOperators)[number];
export type Finding = z.infer<typeof findingSchema>;
export type FindingSeverity = (typeof findingSeverities)[number];
export type FindingCode = (typeof findingCodes)[number];
export type Report = z.infer<typeof reportSchema>;
