import type { BudgetTable, Report, VarianceSplitRow } from "../schema/report.js";
import { FO4_PARTS, serviceAreas } from "./serviceAreas.js";

/**
 * The report's tables by id: Tabell 0.1 (gross), Tabell 0.1 B (net, the district summary), the
 * Hovedoversikt økonomi table of each service area, and the result per unit with and without
 * earmarked funds. The one place these ids are defined (the schema's enum is built from them).
 */
export const tableIds = {
  /** Tabell 0.1: gross operating expenses per service area. */
  gross: "0.1",
  /** Tabell 0.1 B: net operating expenses per service area, the district's summary. */
  net: "0.1B",
  /** The split «resultat per enhet med og uten øremerkede midler» (rows are units). */
  units: "enhet",
} as const;

/** The budget tables a report may hold, in the order of the report JSON's enum. */
export const budgetTableIds = [tableIds.gross, tableIds.net, ...serviceAreas, ...FO4_PARTS] as const;

/** Whether a table is one of the district's summaries (Tabell 0.1 or 0.1 B), whose rows are service areas. */
export const isDistrictTable = (id: string): boolean => id === tableIds.gross || id === tableIds.net;

/** The basis of a budget table's amounts: gross for Tabell 0.1, net for every other table. */
export const tableBasis = (id: string): "gross" | "net" => (id === tableIds.gross ? "gross" : "net");

/** Whether a table id is a service area's Hovedoversikt table (FO1 … FO4C). */
export const isServiceAreaTable = (id: string): boolean => id.startsWith("FO");

/**
 * The other tables of a report a prose statement may be held against (`reference.table`), read by
 * the import's statements stage, not as budget tables: their ids and Norwegian names.
 */
export const textTables = {
  population: { id: "befolkning", name: "befolkningstabellen" },
  keyFigures: { id: "nøkkeltall", name: "nøkkeltallene" },
  sickLeave: { id: "sykefravær", name: "sykefraværstabellen" },
  meetings: { id: "politiske organer", name: "tabellen over politiske organer" },
} as const;

const TEXT_TABLE_NAMES: ReadonlyMap<string, string> = new Map(Object.values(textTables).map((t) => [t.id, t.name]));

/** A table's Norwegian name: "Tabell 0.1 B netto driftsutgifter", "Hovedoversikt økonomi FO3", "befolkningstabellen". */
export function budgetTableName(id: string): string {
  if (id === tableIds.gross) return "Tabell 0.1 brutto driftsutgifter";
  if (id === tableIds.net) return "Tabell 0.1 B netto driftsutgifter";
  const text = TEXT_TABLE_NAMES.get(id);
  if (text !== undefined) return text;
  return `Hovedoversikt økonomi ${id}`;
}

/** The net table (Tabell 0.1 B), if the report has it with rows. */
export function netTable(report: Report): BudgetTable | undefined {
  return report.budgetTables.find((t) => t.id === tableIds.net && t.rows.length > 0);
}

/**
 * The district's total of the result per unit with and without earmarked funds (split id
 * "enhet"): its last Sum row, when that row has an earmarked figure.
 */
export function unitSplitTotal(report: Report): VarianceSplitRow | undefined {
  const split = report.varianceSplits.find((s) => s.id === tableIds.units);
  const totals = split?.rows.filter((r) => r.isTotal) ?? [];
  const total = totals[totals.length - 1];
  return total && total.earmarkedVariance != null ? total : undefined;
}
