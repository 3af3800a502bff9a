import { z } from "zod";
import { adjustmentKindSchema } from "./adjustment.js";

/**
 * What the report's running text says about its own figures: the corrections it states (which
 * fill the deviation bridge) and every amount that restates a table figure, each with its verdict.
 * Amounts are in 1000 kr (or percent), as exact as the text states them, with the half-width of
 * the interval the stated precision allows: «28,68 millioner» is 28 680 ± 5.
 */

const line = z.number().int().positive();

/** 1000 kr, percent, or a count (persons, places, consultations, årsverk: a number with no unit of money). */
export const statedUnits = ["kNOK", "percent", "count"] as const;

export const statedAmountSchema = z
  .object({
    raw: z.string().describe("As printed: «28,68 millioner kroner», «10 373», «4,2 %»"),
    value: z.number().finite().describe("In 1000 kr (unit kNOK), percent, or as counted (unit count); signed where the text gives a sign or a direction word"),
    unit: z.enum(statedUnits),
    precision: z
      .number()
      .finite()
      .nonnegative()
      .describe("Half a unit in the last stated digit, in the same unit: «28,68 mill.» → 5, «10 373» → 0.5, «85 mill.» → 500; 0 for a whole count of whole things («22 personer»), which is exact"),
  })
  .passthrough();

export const proseScopeLevels = ["district", "serviceArea", "function", "unit"] as const;

export const proseScopeSchema = z
  .object({
    level: z.enum(proseScopeLevels),
    /** The service area's table id (FO1 … FO4C) for level serviceArea. */
    table: z.string().nullable(),
    /** The unit's name as the text or the per-unit table gives it, for level unit. */
    name: z.string().nullable(),
    /** The KOSTRA function («Funksjon 201 Barnehage»), for level function. */
    kostra: z.string().regex(/^\d{3}$/).nullable().optional(),
  })
  .passthrough();

export const correctionSchema = z
  .object({
    kind: adjustmentKindSchema,
    amount: statedAmountSchema.describe("As stated, unsigned for the signed kinds (the bridge applies the sign)"),
    scope: proseScopeSchema,
    line,
    quote: z.string().describe("The sentence that states it, as data (never HTML, never a formula)"),
  })
  .passthrough();

/**
 * What a statement restates: the net or gross deviation (avvik), the earmarked part, the result
 * after the stated corrections (ordinaryResult: «reelt regnskap», «ordinær drift»), the revised
 * budget or the accounts, last year's result, the deviation in percent of the revised budget, a
 * change (the accounts against last year's, or the budget against the original, or a count
 * against two years of a month table's Sum column), arithmetic the text itself states («A korrigert
 * for B gir C», a count and its parts, a total and its parts in a list, a percent change of two
 * counts), total sick leave against its short and long term parts (a table or a sentence), or the
 * district's population (or its change) against the population table's «Sum bydel» row, or a
 * count restated from a key-figure table («det ble født 795 barn i 2024») against its row (or the
 * sum of its rows by age group: «2 927 barn går i bydelens barnehager»).
 */
export const statementSubjects = [
  "netVariance",
  "grossVariance",
  "earmarked",
  "ordinaryResult",
  "revisedBudget",
  "actual",
  "previousResult",
  "variancePercent",
  "change",
  "arithmetic",
  "sickLeave",
  "population",
  "keyFigure",
] as const;

export const statementVerdicts = ["agrees", "withinRounding", "contradicts", "unmatched"] as const;

export const statementSchema = z
  .object({
    subject: z.enum(statementSubjects),
    scope: proseScopeSchema,
    stated: statedAmountSchema,
    line,
    quote: z.string(),
    reference: z
      .object({
        /** A table id (0.1B, FO3, enhet …), or "bridge" for a result the stated corrections compute, or "text" for arithmetic on stated inputs. */
        table: z.string(),
        line: line.nullable(),
        column: z.string().nullable(),
        value: z.number().finite().describe("The table figure (or the computed figure) in the stated unit's base: 1000 kr or percent"),
        note: z
          .string()
          .optional()
          .describe("How the figure is computed when it is no single cell, in the controller's words: «regulert minus opprinnelig budsjett, minus de andre justeringene teksten oppgir (21,5 og 6,6 mill.)»"),
      })
      .passthrough()
      .nullable()
      .describe("The figure the statement is held against; null when no table figure matches (verdict unmatched)"),
    difference: z.number().finite().nullable().describe("stated − reference, in 1000 kr or percentage points"),
    verdict: z.enum(statementVerdicts),
    inTable: z
      .boolean()
      .optional()
      .describe("The stated figure is a table's own (its Sum or result row, a ratio or change column) held against the table's other figures, not the running text's"),
  })
  .passthrough();

export type StatedAmount = z.infer<typeof statedAmountSchema>;
export type ProseScope = z.infer<typeof proseScopeSchema>;
export type Correction = z.infer<typeof correctionSchema>;
export type Statement = z.infer<typeof statementSchema>;
export type StatementSubject = (typeof statementSubjects)[number];
export type StatementVerdict = (typeof statementVerdicts)[number];
