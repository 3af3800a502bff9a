import { proseContradictions, PROSE_MISMATCH, severityLabel, severityOrder, type Finding, type FindingSeverity, type Report } from "@bydel/core";
import { rangeAddress } from "./address.js";
import { Grid, blank, formula, numberOrBlank, text } from "./cells.js";
import { formats } from "./formats.js";
import { styles } from "./styles.js";
import { finishSheet, tableSheet } from "./table-sheet.js";
import type { SheetLayout } from "./types.js";

/** The severity column's words (the overview counts them with COUNTIF): core's labels. */
export const severityNames: Record<FindingSeverity, string> = { error: severityLabel("error"), warning: severityLabel("warning"), info: severityLabel("info") };
export const findingHeaders = ["Alvorlighet", "Kode", "Linje", "Melding", "Oppgitt", "Beregnet"] as const;
export const FINDINGS_HEADER_ROW = 3;
/** The message column's widest; longer messages wrap (fitSheet gives their rows the lines). */
const MESSAGE_WIDTH = 70;

/**
 * Errors first, then warnings, then notes (core's `severityOrder`); by line within each (no line last), the import's order
 * otherwise: a controller reads the few errors before the many info rows.
 */
export function sortFindings<F extends Finding>(findings: readonly F[]): F[] {
  const line = (f: F) => f.line ?? Number.POSITIVE_INFINITY;
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => severityOrder.indexOf(a.f.severity) - severityOrder.indexOf(b.f.severity) || line(a.f) - line(b.f) || a.i - b.i)
    .map(({ f }) => f);
}

export interface FindingsPlacement {
  sheetName: string;
  /** The severity column's body range, for COUNTIF. */
  severityRange: string;
  /** The code column's body range (the text's contradictions are PROSE_MISMATCH). */
  codeRange: string;
  counts: Record<FindingSeverity, number>;
}

export function buildFindingsSheet(report: Report, name: string, tableName: string, title: string): { sheet: SheetLayout; placement: FindingsPlacement } {
  const grid = new Grid();
  grid.set(0, 0, text(title, styles.title));
  grid.set(1, 0, text("Det importen fant når den regnet etter rapportens tall. Linje er linjen i rapportteksten.", styles.subtitle));
  grid.setRow(FINDINGS_HEADER_ROW, 0, findingHeaders.map((h) => text(h, styles.header)));
  const counts: Record<FindingSeverity, number> = { error: 0, warning: 0, info: 0 };
  let r = FINDINGS_HEADER_ROW + 1;
  for (const f of sortFindings(report.findings)) {
    counts[f.severity]++;
    const top = { verticalAlignment: "top" } as const;
    grid.setRow(r, 0, [
      text(severityNames[f.severity], f.severity === "error" ? { ...styles.error, ...top } : top),
      text(f.code, top),
      numberOrBlank(f.line, formats.integer, top),
      text(f.message, { wrapText: true, ...top }),
      numberOrBlank(f.stated ?? null, formats.money, top),
      numberOrBlank(f.computed ?? null, formats.money, top),
    ]);
    r++;
  }
  if (r === FINDINGS_HEADER_ROW + 1) {
    grid.setRow(r, 0, [blank(), blank(), blank(), text("Ingen funn: rapportens tall stemmer.")]);
    r++;
  }
  const last = r - 1;
  // The text's contradictions, counted over the table (PROSE_MISMATCH beyond info: the info ones are rounding notes).
  const contradictions = proseContradictions(report.findings).length;
  const body = (col: number) => rangeAddress(FINDINGS_HEADER_ROW + 1, col, last, col, true);
  grid.set(
    FINDINGS_HEADER_ROW - 1,
    0,
    formula(
      `="Motstrid i teksten: "&COUNTIFS(${body(1)},"${PROSE_MISMATCH}",${body(0)},"<>${severityNames.info}")&" (tall i teksten som tabellene motsier, se arket Tekstkontroll)."`,
      `Motstrid i teksten: ${contradictions} (tall i teksten som tabellene motsier, se arket Tekstkontroll).`,
      undefined,
      styles.label,
    ),
  );
  const widths = [12, 30, 8, MESSAGE_WIDTH, 12, 12];
  const table = { name, grid, widths, table: tableName, headerRow: FINDINGS_HEADER_ROW, lastRow: last, lastCol: findingHeaders.length - 1, freezeColumns: 0 };
  return {
    sheet: finishSheet(tableSheet(table), { maxWidths: { 3: MESSAGE_WIDTH } }),
    placement: { sheetName: name, severityRange: rangeAddress(FINDINGS_HEADER_ROW + 1, 0, last, 0, true), codeRange: rangeAddress(FINDINGS_HEADER_ROW + 1, 1, last, 1, true), counts },
  };
}
