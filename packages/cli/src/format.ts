import { budgetTableName, type Finding, type Report } from "@bydel/core";

const SEVERITY: Record<string, string> = { error: "FEIL", warning: "ADVARSEL", info: "INFO" };

/** One finding per line: `linje 248  FEIL  SUM_MISMATCH  …`. Report text is printed as data, on one line. */
export function findingLine(f: Finding): string {
  return `linje ${f.line ?? "-"}  ${SEVERITY[f.severity] ?? f.severity}  ${f.code}  ${oneLine(f.message)}`;
}

function oneLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, " ").replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "");
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The readable Norwegian summary `bydel import <fil>` prints. */
export function summary(file: string, r: Report): string {
  const out: string[] = [];
  out.push(`${r.district ? `Bydel ${r.district}` : "Ukjent bydel"}, årsberetning ${r.year ?? "(år ikke funnet)"}  (${file})`);
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
  const by = (s: string) => r.findings.filter((f) => f.severity === s).length;
  out.push(`Funn: ${count(by("error"), "feil", "feil")}, ${count(by("warning"), "advarsel", "advarsler")}, ${by("info")} info`);
  for (const f of r.findings.filter((x) => x.severity !== "info")) out.push(`  ${findingLine(f)}`);
  if (by("error") + by("warning") > 0) out.push(`Se alle funn med «bydel check ${file}».`);
  return `${out.join("\n")}\n`;
}
