import { formatNorwegian, mainTotalRow, netTable, ordinaryVariance, tableIds, unitSplitTotal, variance, type Report, type VarianceSplitRow } from "@bydel/core";

/** The district's result as the report gives it, in 1000 kr; a figure the report lacks is null, never guessed. */
export interface ResultFigures {
  /** Net deviation: Tabell 0.1 B's main Sum row (positive = mindreforbruk). */
  net: { value: number; label: string; line: number; computed: boolean; needsReview: boolean } | null;
  /** Unspent earmarked funds (positive = unspent), and the split row it is read from. */
  earmarked: { value: number; row: VarianceSplitRow; source: string } | null;
  /** Ordinary operations: net − earmarked, by core's `ordinaryVariance`. */
  ordinary: number | null;
  /** Why a figure is missing, for the controller. */
  missing: string | null;
}

const sameLabel = (a: string, b: string) => a.replace(/\s+/g, " ").trim().toLowerCase() === b.replace(/\s+/g, " ").trim().toLowerCase();

/**
 * Net deviation → earmarked funds → ordinary result, as the workbook's overview reads them: the
 * net figure from Tabell 0.1 B's main total, the earmarked figure from the split of that same total
 * (Fordeling av avvik), else from the district total of the result per unit.
 */
export function resultFigures(r: Report): ResultFigures {
  const table = netTable(r);
  const total = table ? mainTotalRow(table) : undefined;
  if (!table || !total) return { net: null, earmarked: null, ordinary: null, missing: "Tabell 0.1 B (netto driftsutgifter) er ikke funnet" };
  // A blank printed avvik is computed from the row's own budget and accounts, never guessed.
  const computed = total.variance === null ? variance(total.revisedBudget, total.actual) : null;
  const value = total.variance ?? computed;
  if (value === null) return { net: null, earmarked: null, ordinary: null, missing: `sumraden «${total.label}» (linje ${total.line}) har ikke tall for avviket` };
  const net = { value, label: total.label, line: total.line, computed: total.variance === null, needsReview: total.needsReview === true };
  const splitRows = r.varianceSplits.find((s) => s.id === tableIds.net)?.rows.filter((x) => x.isTotal && x.earmarkedVariance != null) ?? [];
  const fromSplit = splitRows.find((x) => sameLabel(x.label, total.label)) ?? (total.variance === null ? undefined : splitRows.find((x) => x.variance === total.variance));
  const units = fromSplit ? undefined : unitSplitTotal(r);
  const row = fromSplit ?? units;
  if (!row) return { net, earmarked: null, ordinary: null, missing: "rapporten har ingen tabell over øremerkede midler" };
  const earmarked = { value: row.earmarkedVariance!, row, source: fromSplit ? `fordeling av avvik, linje ${row.line}` : `resultat per enhet, linje ${row.line}` };
  return { net, earmarked, ordinary: ordinaryVariance(net.value, earmarked.value), missing: null };
}

const money = (v: number) => formatNorwegian(v);
const spending = (v: number) => (v > 0 ? "mindreforbruk" : v < 0 ? "merforbruk" : "i balanse");
const unspent = (v: number) => (v > 0 ? "ubrukt, overføres til neste år" : v < 0 ? "brukt mer enn tildelt" : "");

/** The summary's opening lines: the headline result, then the figures it comes from. */
export function headline(r: Report): string[] {
  const f = resultFigures(r);
  if (!f.net) return [`Resultat: ikke beregnet: ${f.missing}.`];
  const out: string[] = [];
  const net = f.net.value;
  if (f.ordinary !== null) {
    const o = f.ordinary;
    out.push(o === 0 ? "Resultat: ordinær drift i balanse (tall i 1000 kr)" : `Resultat: ${spending(o)} på ${money(Math.abs(o))} i ordinær drift (tall i 1000 kr)`);
  } else {
    out.push(`Resultat: ${net === 0 ? "netto i balanse" : `${spending(net)} på ${money(Math.abs(net))} netto`} (tall i 1000 kr); ordinær drift er ikke beregnet`);
  }
  const width = Math.max(...[net, f.earmarked?.value ?? 0, f.ordinary ?? 0].map((v) => money(v).length));
  const row = (label: string, v: number, word: string, where: string) => `  ${label.padEnd(20)}${money(v).padStart(width)}  ${[word, where].filter(Boolean).join("  ")}`;
  const netNotes = [`Tabell 0.1 B «${f.net.label}», linje ${f.net.line}`, f.net.computed ? "beregnet: regulert budsjett − regnskap" : "", f.net.needsReview ? "bør kontrolleres" : ""];
  out.push(row("Netto avvik", net, spending(net), `(${netNotes.filter(Boolean).join("; ")})`));
  if (f.earmarked && f.ordinary !== null) {
    const e = f.earmarked;
    out.push(row("Øremerkede midler", e.value, unspent(e.value), `(${e.source}${e.row.needsReview ? "; bør kontrolleres" : ""})`));
    out.push(row("Ordinær drift", f.ordinary, spending(f.ordinary), "(netto avvik − øremerkede midler)"));
    // The split's own figures, when they differ from the ones used: rounding in its total, most often.
    const printed = e.row.ordinaryVariance;
    if (printed !== null && printed !== f.ordinary) {
      const of = e.row.variance !== null && e.row.variance !== net ? ` av et avvik på ${money(e.row.variance)}` : "";
      out.push(`  Rapporten oppgir ${money(printed)} i ordinær drift${of} (linje ${e.row.line}).`);
    }
  } else {
    out.push(`  ${"Ordinær drift".padEnd(20)}${"–".padStart(width)}  ikke beregnet: ${f.missing}`);
  }
  return out;
}
