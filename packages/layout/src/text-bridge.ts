import {
  adjustmentKinds,
  correctionBridge,
  budgetColumns,
  budgetTableName,
  formatNorwegian,
  splitColumns,
  tableIds,
  type AdjustmentKind,
  type Correction,
  type Report,
  type StatedAmount,
  type Statement,
} from "@bydel/core";

/**
 * What the running text says about the bridge: the corrections it states for the district, by
 * kind, and the real result it states. The overview's bridge uses these for the steps the tables
 * do not give (the tables win where they have a figure; the text's figure stands beside it).
 */
export interface TextStep {
  kind: AdjustmentKind;
  /** The district's corrections of this kind in 1000 kr, in line order. */
  corrections: Correction[];
  /**
   * The amount the text states for the step (1000 kr): when every statement of it agrees within
   * their precision, they restate one correction and the most precise one gives the amount
   * (Sagene: «10,37 millioner» at line 256 and «10,4 millioner» at line 4251 are the same
   * transfer). Null when they disagree: two amounts of one kind may be two corrections or a
   * contradiction, and the layout cannot tell, so the controller decides (never a silent sum).
   */
  amount: number | null;
  /** The correction the amount is from. */
  chosen: Correction | null;
}

/** «linje 256» or «side 12, linje 256» when the import knows the page. */
export function whereStated(item: { line: number; page?: unknown }): string {
  const page = typeof item.page === "number" && Number.isInteger(item.page) && item.page > 0 ? `side ${item.page}, ` : "";
  return `${page}linje ${item.line}`;
}

/** «10,37 millioner kroner (= 10 370 ± 5)»: the text as printed and what it means in 1000 kr. */
export function statedWords(amount: StatedAmount): string {
  const unit = amount.unit === "percent" ? " %" : "";
  const precision = amount.precision > 0 ? ` ± ${formatNorwegian(amount.precision)}` : "";
  const value = `${formatNorwegian(amount.value)}${unit}`;
  return `${amount.raw} (= ${value}${precision})`;
}

/** «linje 256: «…»»: where a correction or statement stands and what it says. */
export function quoted(item: { line: number; page?: unknown; quote: string }): string {
  return `${whereStated(item)}: «${item.quote.trim()}»`;
}

const sameCorrection = (a: StatedAmount, b: StatedAmount) => Math.abs(a.value - b.value) <= a.precision + b.precision + 1e-9;

/** The district's stated corrections for each bridge step, in the core's order of kinds. */
export function textSteps(report: Report): Map<AdjustmentKind, TextStep> {
  const steps = new Map<AdjustmentKind, TextStep>();
  for (const kind of adjustmentKinds) {
    const corrections = (report.corrections ?? [])
      .filter((c) => c.kind === kind && c.scope.level === "district" && c.amount.unit === "kNOK" && Number.isFinite(c.amount.value))
      .sort((a, b) => a.line - b.line);
    const agree = corrections.every((a) => corrections.every((b) => sameCorrection(a.amount, b.amount)));
    // The most precise statement, the first of equals.
    const chosen = agree && corrections.length > 0 ? corrections.reduce((best, c) => (c.amount.precision < best.amount.precision ? c : best)) : null;
    steps.set(kind, { kind, corrections, amount: chosen ? chosen.amount.value : null, chosen });
  }
  return steps;
}

/**
 * The real results the text states for the district, in line order, once each (the import may hold
 * one stated figure against several references): those it computed as a bridge (reference
 * `bridge`), else, when there are none, every stated ordinary result.
 */
export function statedResults(report: Report): Statement[] {
  const district = (report.statements ?? []).filter((s) => s.scope.level === "district" && s.stated.unit === "kNOK");
  const bridged = district.filter((s) => s.reference?.table === "bridge");
  const chosen = bridged.length > 0 ? bridged : district.filter((s) => s.subject === "ordinaryResult");
  const seen = new Set<string>();
  return chosen
    .filter((s) => {
      const key = `${s.line}|${s.stated.value}|${s.stated.raw}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.line - b.line);
}

/**
 * The steps of the bridge a stated result stands after. A text states intermediate results too
 * (Vestre Aker: −85 − 20 øremerket = −105 «ordinær drift», then + 41 planlagt = −64, with the
 * 36 of inndekning «hvorav»): the import's bridge figure for the statement (`reference.value`)
 * names the chain, so the subset of the filled steps whose total comes nearest to it is the one
 * the statement is held against. Null when none comes within `tolerance(subset)` (the text's chain
 * holds a step this bridge has not): then no live comparison is made.
 */
export function stepsOfStatedResult(
  target: number,
  start: number,
  steps: readonly { kind: AdjustmentKind; amount: number; precision: number }[],
  tolerance: (precision: number) => number,
): { kinds: AdjustmentKind[]; total: number } | null {
  let best: { kinds: AdjustmentKind[]; total: number; distance: number; precision: number } | null = null;
  for (let mask = 0; mask < 1 << steps.length; mask++) {
    const chosen = steps.filter((_, i) => mask & (1 << i));
    const total = correctionBridge(start, chosen.map((s) => ({ kind: s.kind, amount: s.amount }))).result;
    const distance = Math.abs(total - target);
    // Nearest wins; of equals (steps that cancel), the shorter chain: it assumes less of the text.
    if (!best || distance < best.distance || (distance === best.distance && chosen.length < best.kinds.length)) {
      best = { kinds: chosen.map((s) => s.kind), total, distance, precision: chosen.reduce((n, s) => n + s.precision, 0) };
    }
  }
  return best && best.distance <= tolerance(best.precision) ? { kinds: best.kinds, total: best.total } : null;
}

/** The text's statements of the district's net variance (the bridge's start), in line order. */
export function statedNetVariance(report: Report): Statement[] {
  return (report.statements ?? []).filter((s) => s.scope.level === "district" && s.subject === "netVariance" && s.stated.unit === "kNOK").sort((a, b) => a.line - b.line);
}

/** «Tabell 0.1 B netto driftsutgifter, linje 252, avvik», «broen (tekstens korreksjoner)», «tekstens egne tall» (a table's own: «tabellens egne tall»): what a statement is held against. */
export function referenceWords(reference: NonNullable<Statement["reference"]>, inTable = false): string {
  const where =
    reference.table === "bridge"
      ? "broen (tekstens korreksjoner)"
      : reference.table === "text"
        ? inTable ? "tabellens egne tall" : "tekstens egne tall"
        : reference.table === tableIds.units
          ? "resultat per enhet"
          : budgetTableName(reference.table);
  const split = reference.table === tableIds.units || splitColumns.some(([key]) => key === reference.column && key !== "variance");
  const column = reference.column === null ? null : ((split ? splitColumns : budgetColumns) as ColumnNames).find(([key]) => key === reference.column)?.[1] ?? reference.column;
  // a figure computed from cells and the text says how, in the controller's words
  return [where, reference.line === null ? null : `linje ${reference.line}`, reference.note ?? column].filter(Boolean).join(", ");
}

type ColumnNames = readonly (readonly [string, string])[];
