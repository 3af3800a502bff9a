import type { BudgetRow, BudgetTable } from "../schema/report.js";
import { serviceAreaOf } from "./serviceAreas.js";

/**
 * The words a total's label starts with: «Sum», «Totalt», «Total», «Totalsum», «I alt», «Samlet».
 * One list for every reader: a budget table's Sum rows, a plan's sum row, a list's total in the text.
 */
export const TOTAL_WORDS = ["sum", "totalsum", "totalt", "total", "i alt", "samlet"] as const;

/** TOTAL_WORDS as a pattern (no anchors, no flags): one of the words, not the start of a longer one. */
export const TOTAL_WORD = `(?:${TOTAL_WORDS.map((w) => w.replace(/ /gu, "\\s+")).join("|")})(?![\\p{L}])`;

const TOTAL_LABEL = new RegExp(`^\\s*${TOTAL_WORD}`, "iu");

/** A label that names a total: it starts with one of TOTAL_WORDS («Sum netto utgifter», «I alt»). */
export const isTotalLabel = (label: string): boolean => TOTAL_LABEL.test(label);

type TotalRow = { line: number; label: string; isTotal: boolean; area?: string | null | undefined; sumOf?: number[] | undefined };

/**
 * The district's main total in Tabell 0.1 B: "Sum netto utgift + sosialhjelp" (net operating
 * expenses plus social assistance), else the table's last Sum row. The overview's net variance
 * and the correction bridge start from it.
 */
export function mainTotalRow(table: BudgetTable): BudgetRow | undefined {
  const totals = table.rows.filter((r) => r.isTotal);
  return totals.find((r) => /sosialhjelp/i.test(r.label)) ?? totals[totals.length - 1];
}

/**
 * The main Sum row(s) of a service-area table, by the area each stands for. The main totals are
 * the Sum rows no other Sum row adds up; usually one ("Sum netto utgifter"), but an FO4 table
 * may end in "Sum FO4A", "Sum FO4B", "Sum FO4C" with no grand total. A total's area is its
 * `area`, else the sub-area its label names within the table's area, else the table's id; the
 * last row wins.
 */
export function mainTotals<R extends TotalRow>(rows: readonly R[], tableId: string): Map<string, R> {
  const totals = rows.filter((r) => r.isTotal);
  const inner = new Set(totals.flatMap((t) => t.sumOf ?? []));
  const result = new Map<string, R>();
  for (const t of totals) {
    if (inner.has(t.line)) continue;
    const named = t.area ?? serviceAreaOf(t.label);
    const area = named && named.startsWith(tableId) ? named : tableId;
    result.set(area, t);
  }
  return result;
}

/** The area of a summary-table row: its `area`, else the one its label names (non-total rows only). */
export const summaryAreaOf = (row: TotalRow): string | null => row.area ?? (row.isTotal ? null : serviceAreaOf(row.label));
