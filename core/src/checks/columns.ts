import type { BudgetRow, VarianceSplitRow } from "../schema/report.js";

/** The money columns of a budget table, with the Norwegian names used in messages. */
export const budgetColumns = [
  ["previousActual", "regnskap i fjor"],
  ["originalBudget", "opprinnelig budsjett"],
  ["revisedBudget", "regulert budsjett"],
  ["actual", "regnskap"],
  ["variance", "avvik"],
] as const satisfies readonly (readonly [keyof BudgetRow, string])[];

/** The columns of a split table (fordeling av avvik på øremerkede midler og ordinær drift). */
export const splitColumns = [
  ["variance", "avvik totalt"],
  ["earmarkedVariance", "avvik øremerkede midler"],
  ["ordinaryVariance", "avvik ordinær drift"],
] as const satisfies readonly (readonly [keyof VarianceSplitRow, string])[];

export type ColumnList = readonly (readonly [string, string])[];
