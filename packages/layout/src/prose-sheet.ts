import {
  adjustmentLabelWithQualifier,
  proseScopeWords,
  statementSubjectWords,
  statementVerdictWords,
  statementVerdicts,
  variance as difference,
  type Correction,
  type Report,
  type StatedAmount,
} from "@bydel/core";
import { cellAddress, rangeAddress } from "./address.js";
import { Grid, blank, formula, numberOrBlank, text } from "./cells.js";
import { formats } from "./formats.js";
import { colors, styles, TABLE_STYLE } from "./styles.js";
import { finishSheet } from "./table-sheet.js";
import { referenceWords, textSteps, whereStated, type TextStep } from "./text-bridge.js";
import type { CellStyle, SheetLayout, TableLayout } from "./types.js";

/**
 * «Tekstkontroll»: every amount the running text states, held against the table figure it restates
 * (the import's `statements`, with its verdict), and the corrections the text states. A record of
 * the import's check: the figures are the report's, so only the difference is a formula.
 */

export const statementHeaders = ["Linje", "Gjelder", "Utsagn", "Oppgitt", "Oppgitt beløp", "Avrunding ±", "Holdt mot", "Tabelltall", "Differanse", "Vurdering"] as const;
export const statementColumns = { line: 0, subject: 1, quote: 2, raw: 3, stated: 4, precision: 5, reference: 6, figure: 7, difference: 8, verdict: 9 } as const;
/** The corrections below, in the statements' columns where they mean the same (the quote in the wide column C). */
export const correctionHeaders = ["Linje", "Korreksjon", "Utsagn", "Oppgitt", "Beløp", "Avrunding ±", "I broen"] as const;
export const PROSE_HEADER_ROW = 3;

const WIDTHS = [7, 24, 70, 22, 13, 10, 26, 12, 12, 20] as const;
const top = { verticalAlignment: "top" } as const satisfies CellStyle;

const formatOf = (a: StatedAmount) => (a.unit === "percent" ? formats.percentValue : a.unit === "count" && !Number.isInteger(a.value) ? formats.countDecimals : formats.money);



export function buildProseSheet(report: Report, name: string, statementsTable: string, correctionsTable: string, title: string): SheetLayout {
  const c = statementColumns;
  const grid = new Grid();
  const statements = [...(report.statements ?? [])].sort((a, b) => a.line - b.line);
  const corrections = [...(report.corrections ?? [])].sort((a, b) => a.line - b.line);

  grid.set(0, 0, text(title, styles.title));
  grid.set(1, 0, text("Beløp i rapportteksten holdt mot tabellenes tall (1000 kr eller prosent). Linje er linjen i rapportteksten. Utsagnet er sitert som tekst.", styles.subtitle));
  const counts = statementVerdicts.map((v) => [v, statements.filter((s) => s.verdict === v).length] as const).filter(([, n]) => n > 0);
  grid.set(
    2,
    0,
    text(
      statements.length === 0
        ? "Importen fant ingen beløp i teksten å holde mot tabellene."
        : `${statements.length} utsagn: ${counts.map(([v, n]) => `${n} ${statementVerdictWords[v]}`).join(", ")}.`,
      styles.label,
    ),
  );
  grid.setRow(PROSE_HEADER_ROW, 0, statementHeaders.map((h) => text(h, styles.header)));
  let r = PROSE_HEADER_ROW + 1;
  for (const st of statements) {
    const ref = st.reference;
    const stated = cellAddress(r, c.stated);
    const tableFigure = cellAddress(r, c.figure);
    const verdictStyle: CellStyle = st.verdict === "contradicts" ? { ...styles.error, ...top } : top;
    grid.setRow(r, 0, [
      { kind: "number", value: st.line, format: formats.integer, style: top },
      text(`${statementSubjectWords[st.subject]} – ${proseScopeWords(st.scope)}`, top),
      text(st.quote.trim(), { wrapText: true, ...top }),
      text(st.stated.raw, top),
      { kind: "number", value: st.stated.value, format: formatOf(st.stated), style: top },
      { kind: "number", value: st.stated.precision, style: top },
      text(ref ? referenceWords(ref, st.inTable) : "ikke funnet i tabellene", { wrapText: true, ...top }),
      numberOrBlank(ref?.value ?? null, formatOf(st.stated), top),
      formula(`=IF(${tableFigure}="","",${stated}-${tableFigure})`, ref ? difference(st.stated.value, ref.value) : "", st.stated.unit === "percent" ? formats.percentagePoints : formatOf(st.stated), top),
      text(statementVerdictWords[st.verdict], verdictStyle),
    ]);
    r++;
  }
  if (statements.length === 0) {
    grid.setRow(r, 0, [blank(), blank(), text("Ingen beløp fra teksten.")]);
    r++;
  }
  const statementsLast = r - 1;
  const tables: TableLayout[] = [
    { name: statementsTable, range: rangeAddress(PROSE_HEADER_ROW, 0, statementsLast, statementHeaders.length - 1), style: TABLE_STYLE, showRowStripes: true },
  ];

  // The corrections the text states, and whether the overview's bridge uses them.
  r += 1;
  grid.set(r, 0, text("Korreksjoner teksten oppgir", styles.section));
  r++;
  const correctionsHeader = r;
  grid.setRow(r, 0, correctionHeaders.map((h) => text(h, styles.header)));
  r++;
  const steps = textSteps(report);
  for (const corr of corrections) {
    const label = `${adjustmentLabelWithQualifier(corr.kind)} – ${proseScopeWords(corr.scope)}`;
    const use = useInBridge(corr, steps.get(corr.kind));
    grid.setRow(r, 0, [
      { kind: "number", value: corr.line, format: formats.integer, style: top },
      text(label, { wrapText: true, ...top }),
      text(corr.quote.trim(), { wrapText: true, ...top }),
      text(corr.amount.raw, top),
      { kind: "number", value: corr.amount.value, format: formatOf(corr.amount), style: top },
      { kind: "number", value: corr.amount.precision, style: top },
      text(use, { wrapText: true, ...top }),
    ]);
    r++;
  }
  if (corrections.length === 0) {
    grid.setRow(r, 0, [blank(), blank(), text("Teksten oppgir ingen korreksjoner (eller importen fant dem ikke).")]);
    r++;
  }
  tables.push({ name: correctionsTable, range: rangeAddress(correctionsHeader, 0, r - 1, correctionHeaders.length - 1), style: TABLE_STYLE, showRowStripes: true });

  const body = rangeAddress(PROSE_HEADER_ROW + 1, c.difference, statementsLast, c.difference);
  // fitted and set up for print as every sheet is (fitSheet gives wrapped rows their lines); a text column grows no wider than its designed width;
  return finishSheet(
    {
      name,
      rows: grid.rows,
      columns: WIDTHS.map((width) => ({ width })),
      tables,
      conditionalFormats: [{ type: "lessThan", range: body, value: 0, fontColor: colors.overspend }],
      // the line number repeats on each page when the sheet prints more than one page wide
      freeze: { rows: PROSE_HEADER_ROW + 1, columns: 1 },
      tabColor: colors.muted,
    },
    // two tables share the columns: one left empty (no statements) must not hide the other's
    { maxWidths: Object.fromEntries(WIDTHS.map((width, col) => [col, width])), hideEmpty: false },
  );
}

/** Whether the overview's bridge takes a correction's amount, and why not. */
function useInBridge(corr: Correction, step: TextStep | undefined): string {
  if (corr.scope.level !== "district") return `Nei: gjelder ${proseScopeWords(corr.scope)}, broen gjelder bydelen`;
  if (corr.amount.unit !== "kNOK") return "Nei: oppgitt i prosent";
  if (!step || !step.corrections.includes(corr)) return "Nei";
  if (!step.chosen) return "Nei: teksten oppgir ulike beløp for samme korreksjon; fyll inn i Oversikt";
  if (step.chosen === corr) return corr.kind === "earmarked" ? "Ja, der ingen tabell gir beløpet; ellers vist ved siden av tabellens tall" : "Ja";
  return `Samme korreksjon som ${whereStated(step.chosen)} (den mest presise)`;
}
