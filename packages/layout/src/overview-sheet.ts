import {
  adjustmentKinds,
  adjustmentLabelWithQualifier,
  adjustmentRules,
  formatNorwegian,
  mainTotalRow,
  netTable,
  proseContradictions,
  proseVerdict,
  round,
  statementVerdictWords,
  sum,
  tolerances,
  unitSplitTotal,
  variance as difference,
  PROSE_MISMATCH,
  type AdjustmentKind,
  type Report,
  type StatedAmount,
} from "@bydel/core";
import { cellAddress, parseCellAddress, sheetReference } from "./address.js";
import { expectedBridge, expectedOrdinary, signOf } from "./calc.js";
import { Grid, blank, formula, numberOrBlank, text } from "./cells.js";
import { economyColumns, type EconomyPlacement } from "./economy-sheet.js";
import { severityNames, type FindingsPlacement } from "./findings-sheet.js";
import { referenceWords, statedNetVariance, statedResults, statedWords, stepsOfStatedResult, textSteps, whereStated, type TextStep } from "./text-bridge.js";
import { formats } from "./formats.js";
import { colors, styles } from "./styles.js";
import { finishSheet } from "./table-sheet.js";
import type { CellValue, ChartLayout, FormulaCell, SheetLayout, TextCell } from "./types.js";

/** Rows of the overview that tests and the add-in refer to (0-based). */
export const overviewRows = {
  district: 3,
  year: 4,
  variance: 7,
  earmarked: 8,
  ordinary: 9,
  bridgeHeader: 12,
  bridgeStart: 13,
} as const;

/**
 * The correction steps, in order, with their sign rule: the core's adjustment kinds (`adjustmentRules`).
 * The earmarked amount comes from the tables where they have it; any step the tables do not give
 * takes the amount the running text states (`report.corrections`), in an input cell; else the
 * controller fills it.
 */
export const bridgeSteps: readonly { kind: AdjustmentKind; label: string; rule: string }[] = adjustmentKinds.map((kind) => ({
  kind,
  label: adjustmentLabelWithQualifier(kind),
  rule: adjustmentRules[kind].rule,
}));

/** The overview spans columns A to K (the rule texts run over E to J; K is the bridge's «Kilde»). */
const LAST_COL = 10;
/** The bridge's «Kilde» column (K): where the text states each step, and what it says. */
const SOURCE_COL = 10;
/** The text's statements of the net deviation named beside the bridge's start; the rest are on Tekstkontroll. */
const NET_SOURCES = 2;
const SOURCE_WIDTH = 60;

export function buildOverviewSheet(
  report: Report,
  name: string,
  title: string,
  economy: EconomyPlacement,
  findings: FindingsPlacement,
): SheetLayout {
  const grid = new Grid();
  const V = 1; // value column B
  const eco = (row: number, col: number) => sheetReference(economy.sheetName, cellAddress(row, col));
  grid.set(0, 0, text(title, styles.title));
  grid.set(1, 0, text("Laget fra årsberetningen. Gule celler fyller du inn; alt annet er formler som følger tabellene.", styles.subtitle));
  grid.setRow(overviewRows.district, 0, [text("Bydel", styles.label), report.district ? text(report.district) : blank()]);
  grid.setRow(overviewRows.year, 0, [text("År", styles.label), numberOrBlank(report.year, formats.integer, { horizontalAlignment: "left" })]);

  // Net result: variance → earmarked → ordinary operations.
  grid.set(6, 0, text("Resultat (tall i 1000 kr; positivt = mindreforbruk)", styles.section));
  for (let col = 1; col <= LAST_COL; col++) grid.set(6, col, blank(undefined, styles.section));
  const net = netTable(report);
  const total = net ? mainTotalRow(net) : undefined;
  const totalRow = total ? economy.rowOf.get(total) : undefined;
  const variance: number | null = total ? (economy.varianceOf.get(total) === "" ? null : (economy.varianceOf.get(total) as number)) : null;
  grid.set(overviewRows.variance, 0, text(total ? `Avvik netto: ${total.label}` : "Avvik netto (Tabell 0.1 B mangler: fyll inn)", styles.label));
  grid.set(
    overviewRows.variance,
    V,
    totalRow !== undefined
      ? formula(`=N(${eco(totalRow, economyColumns.variance)})`, variance ?? 0, formats.money, { bold: true })
      : blank(formats.money, styles.input, "Tabell 0.1 B mangler i rapportteksten: fyll inn bydelens netto avvik."),
  );
  const printed = (value: number | null | undefined) => (value == null ? "" : `Oppgitt i rapporten: ${formatNorwegian(value)}`);
  // Sum rows are formulas over their rows, so the net variance can differ by rounding from the printed one.
  grid.set(overviewRows.variance, 2, text(printed(total?.variance), styles.subtitle));
  // Earmarked funds: the economy sheet's figure for the same total row when the report splits it by
  // service area; else the district total of the result per unit (a printed figure the controller may
  // correct, so an input cell holding it); else an empty input cell.
  const fromAreas = total && totalRow !== undefined ? (economy.earmarkedOf.get(total) ?? null) : null;
  const units = fromAreas === null ? unitSplitTotal(report) : undefined;
  const stepsFromText = textSteps(report);
  // The text fills the earmarked figure only when no table gives it.
  const textEarmarked = fromAreas === null && !units ? stepsFromText.get("earmarked")!.chosen : null;
  const earmarked = fromAreas ?? units?.earmarkedVariance ?? textEarmarked?.amount.value ?? null;
  const split = units ?? (total ? economy.splitOf.get(total) : undefined);
  grid.set(overviewRows.earmarked, 0, text("Avvik øremerkede midler", styles.label));
  grid.set(
    overviewRows.earmarked,
    V,
    fromAreas !== null
      ? formula(`=${eco(totalRow!, economyColumns.earmarked)}`, fromAreas, formats.money)
      : units
        ? { kind: "number", value: units.earmarkedVariance!, format: formats.money, style: styles.input, note: `Fra rapportens resultat per enhet med og uten øremerkede midler (${units.label}, linje ${units.line}). Rett tallet om det trengs.` }
        : textEarmarked
          ? { kind: "number", value: textEarmarked.amount.value, format: formats.money, style: styles.input, note: `Fra rapportteksten, ${whereStated(textEarmarked)}: ${statedWords(textEarmarked.amount)}. Ingen tabell gir tallet. Rett det om det trengs.` }
          : blank(formats.money, styles.input, "Rapporten har ingen tabell over øremerkede midler: fyll inn ubrukte øremerkede midler (positivt = ubrukt)."),
  );
  const source = units ? ` (resultat per enhet, linje ${units.line})` : "";
  grid.set(
    overviewRows.earmarked,
    2,
    text(
      split?.earmarkedVariance != null
        ? `${printed(split.earmarkedVariance)}${source}`
        : textEarmarked
          ? `Oppgitt i teksten: ${textEarmarked.amount.raw} (${whereStated(textEarmarked)})`
          : "",
      styles.subtitle,
    ),
  );
  const varianceCell = cellAddress(overviewRows.variance, V);
  const earmarkedCell = cellAddress(overviewRows.earmarked, V);
  grid.set(overviewRows.ordinary, 0, text("Avvik ordinær drift (avvik − øremerkede)", styles.label));
  grid.set(overviewRows.ordinary, V, formula(`=${varianceCell}-${earmarkedCell}`, expectedOrdinary(variance, earmarked), formats.money, { bold: true }));
  grid.set(overviewRows.ordinary, 2, text(split?.ordinaryVariance == null ? "" : `${printed(split.ordinaryVariance)}${source}`, styles.subtitle));

  // The bridge: start, then each step with its sign and a running total.
  grid.set(11, 0, text("Korreksjoner: fra rapportert til reelt resultat", styles.section));
  for (let col = 1; col <= LAST_COL; col++) grid.set(11, col, blank(undefined, styles.section));
  grid.setRow(overviewRows.bridgeHeader, 0, ["Steg", "Fortegn", "Beløp", "Resultat etter steg", "Regel"].map((h) => text(h, styles.header)));
  // The rule text runs over the empty columns to its right; the header band follows it.
  for (let col = 5; col < SOURCE_COL; col++) grid.set(overviewRows.bridgeHeader, col, blank(undefined, styles.header));
  grid.set(overviewRows.bridgeHeader, SOURCE_COL, text("Kilde", styles.header));
  // the source wraps in its column; fitSheet gives the row the height of its lines
  const setSource = (row: number, value: string) => {
    if (value === "") return;
    grid.set(row, SOURCE_COL, text(value, { wrapText: true }));
  };
  const s = overviewRows.bridgeStart;
  grid.setRow(s, 0, [
    text("Rapportert avvik", styles.label),
    blank(),
    formula(`=${varianceCell}`, variance ?? 0, formats.money),
    formula(`=${cellAddress(s, 2)}`, variance ?? 0, formats.money, { bold: true }),
    text("Netto avvik fra Tabell 0.1 B.", styles.subtitle),
  ]);
  const netStated = statedNetVariance(report);
  setSource(
    s,
    [
      ...netStated
        .slice(0, NET_SOURCES)
        .map((st) => `Teksten, ${whereStated(st)}: ${statedWords(st.stated)}: ${statementVerdictWords[st.verdict]}${st.reference ? ` mot ${referenceWords(st.reference, st.inTable)}` : ""}.`),
      ...(netStated.length > NET_SOURCES ? [`Og ${netStated.length - NET_SOURCES} steder til (se Tekstkontroll).`] : []),
    ].join(" "),
  );
  // Earmarked: the tables' figure (the cell above); every other step: the text's figure, if any.
  const amounts = bridgeSteps.map((step) => (step.kind === "earmarked" ? earmarked : stepsFromText.get(step.kind)!.amount));
  const running = expectedBridge(variance, bridgeSteps.map((step, i) => ({ kind: step.kind, amount: amounts[i] ?? null })));
  bridgeSteps.forEach((step, i) => {
    const r = s + 1 + i;
    const fromText = stepsFromText.get(step.kind)!;
    grid.setRow(r, 0, [
      text(step.label),
      { kind: "number", value: signOf(step.kind), format: formats.bridgeSign },
      step.kind === "earmarked"
        ? formula(`=${earmarkedCell}`, earmarked ?? 0, formats.money)
        : fromText.chosen
          ? { kind: "number", value: fromText.chosen.amount.value, format: formats.money, style: styles.input, note: `Fra rapportteksten, ${whereStated(fromText.chosen)}: ${statedWords(fromText.chosen.amount)}. Rett tallet om det trengs.` }
          : blank(formats.money, styles.input, "Fyll inn beløpet (1000 kr) om det gjelder bydelen."),
      formula(`=${cellAddress(r - 1, 3)}+${cellAddress(r, 1)}*N(${cellAddress(r, 2)})`, running[i]!, formats.money, { bold: true }),
      text(step.rule, styles.subtitle),
    ]);
    const tableSource =
      step.kind !== "earmarked" || earmarked === null || textEarmarked
        ? null
        : fromAreas !== null
          ? "Tabellen: fordeling av avvik på øremerkede midler og ordinær drift (Økonomi, Avvik øremerkede)."
          : `Tabellen: resultat per enhet med og uten øremerkede midler, linje ${units!.line}.`;
    setSource(r, [tableSource, textSource(fromText, tableSource === null ? null : earmarked)].filter(Boolean).join(" "));
  });
  const end = s + bridgeSteps.length + 1;
  const result = running[running.length - 1]!;
  grid.setRow(end, 0, [
    text("Reelt resultat", { ...styles.total }),
    blank(undefined, styles.total),
    blank(undefined, styles.total),
    formula(`=${cellAddress(end - 1, 3)}`, result, formats.money, styles.total),
    blank(undefined, styles.total),
  ]);

  // The bridge's result held against the real result the text states, and the per-unit table's.
  let r = end + 1;
  grid.setRow(r, 0, ["Reelt resultat holdt mot", "", "Oppgitt", "Oppgitt − broen", "Vurdering"].map((h) => text(h, styles.header)));
  for (let col = 5; col < SOURCE_COL; col++) grid.set(r, col, blank(undefined, styles.header));
  grid.set(r, SOURCE_COL, text("Kilde", styles.header));
  r++;
  const resultCell = cellAddress(end, 3, true);
  const compareRow = (label: string, stated: number, against: { formula: string; expected: number } | null, verdict: { formula: string; expected: string } | string, source: string) => {
    grid.setRow(r, 0, [
      text(label),
      blank(),
      { kind: "number", value: stated, format: formats.money },
      against ? formula(`=${cellAddress(r, 2)}-${against.formula}`, difference(stated, against.expected), formats.money) : blank(formats.money),
      typeof verdict === "string" ? text(verdict) : formula(verdict.formula, verdict.expected),
    ]);
    setSource(r, source);
    r++;
  };
  // The filled steps, each with the precision of the text's figure for it (0 for a table's figure
  // the text does not state), and whether the bridge holds the text's figure itself.
  const filled = bridgeSteps
    .map((step, i) => {
      const chosen = stepsFromText.get(step.kind)!.chosen;
      const fromText = step.kind === "earmarked" ? textEarmarked !== null : chosen !== null;
      return { kind: step.kind, row: s + 1 + i, amount: amounts[i] ?? 0, precision: chosen?.amount.precision ?? 0, fromText };
    })
    .filter((st) => st.amount !== 0);
  const startCell = cellAddress(s, 2, true);
  const stated = statedResults(report);
  for (const st of stated) {
    const d = cellAddress(r, 3);
    // the quote itself stands on Tekstkontroll: here where and what, so the row stays a line or two
    const quote = `${whereStated(st)}: ${statedWords(st.stated)}.`;
    // A result the import computed as a bridge is held against the same steps of this one; any other against the whole bridge.
    const chain =
      st.reference?.table === "bridge"
        ? stepsOfStatedResult(st.reference.value, variance ?? 0, filled, (p) => tolerances.crossTable + p)
        : { kinds: filled.map((f) => f.kind), total: result };
    if (!chain) {
      const reference = st.reference!.value;
      compareRow(
        "Oppgitt i teksten",
        st.stated.value,
        null,
        "ikke sammenlignet",
        `${quote} Tekstens regnestykke gir ${formatNorwegian(reference)}; broen har ikke stegene det bygger på (fyll inn stegene teksten nevner).`,
      );
      continue;
    }
    const steps = filled.filter((f) => chain.kinds.includes(f.kind));
    const whole = st.reference?.table !== "bridge";
    const against = whole
      ? { formula: resultCell, expected: result }
      : { formula: `(${startCell}${steps.map((f) => `+${cellAddress(f.row, 1, true)}*N(${cellAddress(f.row, 2, true)})`).join("")})`, expected: chain.total };
    // The text's figures the bridge holds are known only to their precision: so is its result.
    const uncertainty = sum(steps.filter((f) => f.fromText).map((f) => f.precision));
    const note = uncertainty > 0 ? ` Broen bruker tall fra teksten (± ${formatNorwegian(uncertainty)}); vurderingen regner med det.` : "";
    const which = whole ? "hele broen" : steps.length === 0 ? "rapportert avvik" : steps.map((f) => adjustmentRules[f.kind].word).join(" + ");
    compareRow(`Oppgitt i teksten (${which})`, st.stated.value, against, proseVerdictFormula(d, st.stated, difference(st.stated.value, against.expected), uncertainty), `${quote}${note}`);
  }
  if (stated.length === 0) {
    grid.set(r, 0, text("Teksten oppgir ikke noe reelt resultat for bydelen (eller importen fant det ikke).", styles.subtitle));
    r++;
  }
  // The per-unit table's result without earmarked funds is the ordinary operations above.
  const unitTotal = unitSplitTotal(report);
  if (unitTotal?.ordinaryVariance != null) {
    const d = cellAddress(r, 3);
    const t = tolerances.crossTable;
    const ordinary = expectedOrdinary(variance, earmarked);
    const diff = difference(unitTotal.ordinaryVariance, ordinary);
    // Two tables, each rounded on its own: the cross-table tolerance, and no «motstrid» (that word is the text's).
    const w = { ...statementVerdictWords, contradicts: "tabellene avviker" };
    const word = diff === 0 ? w.agrees : Math.abs(diff) <= t ? w.withinRounding : w.contradicts;
    compareRow(
      "Resultat per enhet (tabell; avvik − øremerket)",
      unitTotal.ordinaryVariance,
      { formula: cellAddress(overviewRows.ordinary, V, true), expected: ordinary },
      { formula: `=IF(${d}=0,"${w.agrees}",IF(ABS(${d})<=${t},"${w.withinRounding}","${w.contradicts}"))`, expected: word },
      `Resultat per enhet med og uten øremerkede midler, linje ${unitTotal.line} (${unitTotal.label}).`,
    );
  }

  // Per service area, straight from Tabell 0.1 B.
  r += 1;
  grid.set(r, 0, text("Avvik per funksjonsområde (Tabell 0.1 B)", styles.section));
  for (let col = 1; col <= LAST_COL; col++) grid.set(r, col, blank(undefined, styles.section));
  r++;
  grid.setRow(r, 0, ["Funksjonsområde", "Regulert budsjett", "Regnskap", "Avvik", "Avvik i %"].map((h) => text(h, styles.header)));
  r++;
  const areaStart = r;
  const areaRows: number[] = []; // the service areas, Sum rows left out
  for (const row of net?.rows ?? []) {
    if (!row.isTotal) areaRows.push(r);
    const at = economy.rowOf.get(row)!;
    const v = economy.valuesOf.get(row)!;
    const st = row.isTotal ? styles.total : undefined;
    const pct = v.revisedBudget ? (economy.varianceOf.get(row) === "" ? "" : Number(economy.varianceOf.get(row)) / v.revisedBudget) : "";
    grid.setRow(r, 0, [
      text(row.label, st),
      formula(`=${eco(at, economyColumns.revisedBudget)}`, v.revisedBudget ?? 0, formats.money, st),
      formula(`=${eco(at, economyColumns.actual)}`, v.actual ?? 0, formats.money, st),
      formula(`=${eco(at, economyColumns.variance)}`, economy.varianceOf.get(row)! as CellValue, formats.money, st),
      formula(`=${eco(at, economyColumns.variancePercent)}`, pct, formats.percent, st),
    ]);
    r++;
  }
  if (!net) {
    grid.set(r, 0, text("Tabell 0.1 B mangler i rapportteksten.", styles.subtitle));
    r++;
  }
  const areaEnd = r - 1;

  // Findings by severity, counted on the findings sheet.
  r += 1;
  grid.set(r, 0, text("Kontrollfunn", styles.section));
  for (let col = 1; col <= LAST_COL; col++) grid.set(r, col, blank(undefined, styles.section));
  r++;
  for (const sev of ["error", "warning", "info"] as const) {
    grid.setRow(r, 0, [
      text(severityNames[sev], styles.label),
      formula(`=COUNTIF(${sheetReference(findings.sheetName, findings.severityRange)},"${severityNames[sev]}")`, findings.counts[sev], formats.integer, { horizontalAlignment: "right" }),
    ]);
    r++;
  }
  // The text's contradictions (PROSE_MISMATCH beyond info), counted and listed.
  const contradictions = proseContradictions(report.findings);
  grid.setRow(r, 0, [
    text("Motstrid i teksten", styles.label),
    formula(
      `=COUNTIFS(${sheetReference(findings.sheetName, findings.codeRange)},"${PROSE_MISMATCH}",${sheetReference(findings.sheetName, findings.severityRange)},"<>${severityNames.info}")`,
      contradictions.length,
      formats.integer,
      { horizontalAlignment: "right" },
    ),
    text("tall i teksten som tabellene motsier (se Tekstkontroll)", styles.subtitle),
  ]);
  r++;
  for (const f of contradictions) {
    grid.set(r, 0, text(`${f.line === null ? "" : `linje ${f.line}: `}${f.message}`, { indent: 1 }));
    r++;
  }

  const chart = varianceChart(grid, r + 1, areaRows);

  const negatives = [
    `${cellAddress(overviewRows.variance, V)}:${cellAddress(overviewRows.ordinary, V)}`,
    `${cellAddress(s, 3)}:${cellAddress(end, 3)}`,
    ...(areaEnd >= areaStart ? [`${cellAddress(areaStart, 3)}:${cellAddress(areaEnd, 4)}`] : []),
    ...(chart ? chart.layout.series.map((series) => series.values) : []),
  ];
  const blocks = [
    { header: overviewRows.bridgeHeader, lastRow: end, lastCol: SOURCE_COL },
    { header: areaStart - 1, lastRow: areaEnd, lastCol: 4 },
    ...(chart ? [{ header: chart.dataHeader, lastRow: chart.dataHeader + areaRows.length, lastCol: 1 }] : []),
  ];
  const sheet = finishSheet(
    {
      name,
      rows: grid.rows,
      columns: [46, 16, 14, 18, 11, 12, 12, 12, 12, 12, SOURCE_WIDTH].map((width) => ({ width })),
      tables: [],
      conditionalFormats: negatives.map((range) => ({ type: "lessThan" as const, range, value: 0, fontColor: colors.overspend })),
      freeze: null,
      ...(chart ? { charts: [chart.layout] } : {}),
      tabColor: colors.summaryTab,
    },
    // The chart's section starts a page, so the chart is never cut in two.
    { maxWidths: { 0: 50, [SOURCE_COL]: SOURCE_WIDTH }, blocks, ...(chart ? { pageBreaksBefore: [chart.dataHeader - 2] } : {}) },
  );
  return chart ? { ...sheet, charts: [{ ...chart.layout, width: chartWidth(sheet, parseCellAddress(chart.layout.anchor).col) }] } : sheet;
}

/** The chart spans its anchor column to the sheet's last, so it prints within the sheet's width (Excel points, rule 8). */
function chartWidth(sheet: SheetLayout, from: number): number {
  const points = sheet.columns.slice(from, LAST_COL + 1).reduce((sum, c) => sum + (c.hidden ? 0 : Math.round(c.width * 7 + 5) * 0.75), 0);
  return Math.floor(points);
}

/** The service-area block's Avvik column (D). */
const AREA_VARIANCE_COL = 3;

/**
 * The chart of the variance per service area, and its data below the findings: one live formula
 * per service area (label and Avvik from the block above), Sum rows left out so they do not dwarf
 * the areas. A chart needs one contiguous range per series, and the block above has Sum rows among
 * its areas. Null when there is no service area (no Tabell 0.1 B).
 */
function varianceChart(grid: Grid, top: number, areas: readonly number[]): { layout: ChartLayout; dataHeader: number } | null {
  if (areas.length === 0) return null;
  grid.set(top, 0, text("Diagram: avvik per funksjonsområde", styles.section));
  for (let col = 1; col <= LAST_COL; col++) grid.set(top, col, blank(undefined, styles.section));
  grid.set(top + 1, 0, text("Grunnlag for diagrammet: funksjonsområdene over, uten sumrader. Formler som følger tabellen.", styles.subtitle));
  const header = top + 2;
  grid.setRow(header, 0, [text("Funksjonsområde", styles.header), text("Avvik", styles.header)]);
  areas.forEach((row, i) => {
    const label = grid.rows[row]![0] as TextCell;
    const value = grid.rows[row]![AREA_VARIANCE_COL] as FormulaCell;
    grid.setRow(header + 1 + i, 0, [
      // T(): a label that is an empty cell gives "", not 0.
      formula(`=T(${cellAddress(row, 0)})`, label.value),
      formula(`=${cellAddress(row, AREA_VARIANCE_COL)}`, value.expected ?? "", formats.money),
    ]);
  });
  const first = header + 1;
  const last = header + areas.length;
  const layout: ChartLayout = {
    type: "barClustered",
    title: "Avvik per funksjonsområde (1000 kr; positivt = mindreforbruk)",
    categories: `${cellAddress(first, 0)}:${cellAddress(last, 0)}`,
    series: [{ name: "Avvik", values: `${cellAddress(first, 1)}:${cellAddress(last, 1)}`, color: colors.summaryTab, negativeColor: colors.overspend }],
    categoriesTopDown: true,
    legend: false,
    anchor: cellAddress(header, 2),
    // Columns C to I (about 500 points), and tall enough for a readable bar per area.
    width: 500,
    height: Math.max(240, 60 + 22 * areas.length),
  };
  return { layout, dataHeader: header };
}

/**
 * The verdict on a stated amount against the bridge as a live formula over the difference cell
 * `d`, with the bands of the core's `proseVerdict` (`tolerances.prose`), so it follows an edited
 * step; the ROUND absorbs the last bits of a double. `uncertainty`: the summed precision of the
 * text's figures the bridge holds (its result is known only to that), taken off the difference
 * first. The magnitude of the difference decides: a stated result is held against the bridge's,
 * whatever its sign.
 */
function proseVerdictFormula(d: string, stated: StatedAmount, diff: number, uncertainty: number): { formula: string; expected: string } {
  // The bands of the core's proseVerdict: within half a unit of the last stated digit (the precision)
  // it agrees, within one unit more it is rounding; to 6 decimals, the ROUND taking the place of its epsilon.
  const agrees = round(stated.precision, 6) as number;
  const rounding = round(stated.precision + tolerances.prose.roundingUnits * 2 * stated.precision, 6) as number;
  const w = statementVerdictWords;
  const abs = uncertainty > 0 ? `ROUND(MAX(0,ABS(${d})-${uncertainty}),6)` : `ROUND(ABS(${d}),6)`;
  const beyond = Math.max(0, difference(Math.abs(diff), uncertainty));
  return {
    formula: `=IF(${abs}<=${agrees},"${w.agrees}",IF(${abs}<=${rounding},"${w.withinRounding}","${w.contradicts}"))`,
    expected: w[proseVerdict(round(beyond, 6) as number, 0, stated.precision, false).verdict],
  };
}

/**
 * The «Kilde» of a step from the text: where it is stated and what it says, with every restatement;
 * when the tables give the step (`tableFigure`), the text's figure beside it and how far it is off.
 */
function textSource(step: TextStep, tableFigure: number | null): string {
  if (step.corrections.length === 0) return "";
  const { chosen } = step;
  if (!chosen) {
    const list = step.corrections.map((c) => `${whereStated(c)}: ${statedWords(c.amount)}`).join("; ");
    return `Teksten oppgir ulike beløp: ${list}. Fyll inn det som gjelder (se Tekstkontroll).`;
  }
  const also = step.corrections.filter((c) => c !== chosen).map((c) => `${whereStated(c)}: ${c.amount.raw}`);
  const against =
    tableFigure === null
      ? ""
      : (() => {
          const diff = difference(chosen.amount.value, tableFigure);
          return ` Teksten − tabellen: ${formatNorwegian(diff)} (${statementVerdictWords[proseVerdict(chosen.amount.value, tableFigure, chosen.amount.precision, false).verdict]}).`;
        })();
  return `Teksten, ${whereStated(chosen)}: ${statedWords(chosen.amount)} (sitatet står i Tekstkontroll).${against}${also.length > 0 ? ` Også ${also.join("; ")}.` : ""}`;
}
