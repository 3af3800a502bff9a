import { budgetTableName, severityCount, severityLabel, severityOrder, type Finding, type FindingSeverity, type Report } from "@bydel/core";
import { headline } from "./headline.js";

/** One finding per line: `linje 248  FEIL  SUM_MISMATCH  …`. Report text is printed as data, on one line. */
export function findingLine(f: Finding): string {
  return `linje ${f.line ?? "-"}  ${severityLabel(f.severity).toUpperCase()}  ${f.code}  ${oneLine(f.message)}`;
}

function oneLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, " ").replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "");
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** How many findings of each severity. */
export function severityCounts(findings: readonly Finding[]): Record<FindingSeverity, number> {
  const counts: Record<FindingSeverity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** «6 feil, 0 advarsler, 30 merknader». */
export function countsLine(counts: Record<FindingSeverity, number>): string {
  return severityOrder.map((s) => severityCount(s, counts[s])).join(", ");
}

/** The readable Norwegian summary `bydel import <fil>` prints. */
export function summary(file: string, r: Report): string {
  const out: string[] = [];
  out.push(`${r.district ? `Bydel ${r.district}` : "Ukjent bydel"}, årsberetning ${r.year ?? "(år ikke funnet)"}  (${file})`);
  out.push("");
  out.push(...headline(r));
  out.push("");
  out.push(`Økonomitabeller: ${r.budgetTables.length}`);
  for (const t of r.budgetTables) {
    const unread = t.rows.filter((row) => row.variance === null && row.actual === null && row.revisedBudget === null).length;
    const review = t.rows.filter((row) => row.needsReview).length;
    const notes = [unread > 0 ? `${unread} uten tall` : "", review > 0 ? `${review} bør kontrolleres` : ""].filter(Boolean).join(", ");
    out.push(`  ${budgetTableName(t.id).padEnd(36)} linje ${String(t.line).padEnd(5)} ${count(t.rows.length, "rad", "rader")}${notes ? ` (${notes})` : ""}`);
  }
  out.push(`Fordeling av avvik (øremerket/ordinær): ${r.varianceSplits.length}`);
  for (const s of r.varianceSplits) out.push(`  ${s.id.padEnd(36)} linje ${String(s.line).padEnd(5)} ${count(s.rows.length, "rad", "rader")}`);
  const kinds = { indicator: 0, keyFigure: 0, sickLeave: 0, prose: 0 };
  for (const i of r.indicators) kinds[i.kind ?? "indicator"]++;
  const withTarget = r.indicators.filter((i) => i.target && i.result && i.result.value !== null).length;
  const notMet = r.indicators.filter((i) => i.met === false).length;
  out.push(
    `Indikatorer: ${r.indicators.length} (${kinds.indicator} resultatindikatorer, ${kinds.sickLeave} sykefravær, ${kinds.keyFigure} nøkkeltall, ` +
      `${kinds.prose} fra teksten; ` +
      `${withTarget} med måltall og resultat, ${notMet} ikke nådd)`,
  );
  const counts = severityCounts(r.findings);
  out.push(`Funn: ${countsLine(counts)}`);
  for (const f of r.findings.filter((x) => x.severity !== "info")) out.push(`  ${findingLine(f)}`);
  if (counts.info > 0) out.push(`Se alle funn, også merknadene, med «bydel check --all ${file}».`);
  else if (r.findings.length > 0) out.push(`Se funnene med «bydel check ${file}».`);
  return `${out.join("\n")}\n`;
}
