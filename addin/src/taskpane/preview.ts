import {
  adjustmentLabelWithQualifier,
  formatNorwegian,
  proseContradictions,
  proseScopeWords,
  severityCount,
  severityLabel,
  severityOrder,
  statementVerdictWords,
  type Finding,
  type FindingSeverity,
  type Report,
} from "@bydel/core";

// What the task pane shows about an imported report, as plain data (tested without a DOM).
// Everything here ends up in textContent, never in HTML.

export interface PreviewTable {
  title: string;
  detail: string;
  missing: boolean;
}

export interface PreviewFinding {
  severity: FindingSeverity;
  where: string;
  message: string;
}

/** A correction or a contradiction the running text states: where, what, and its own words. */
export interface PreviewProseItem {
  where: string;
  text: string;
  quote: string;
}

/** What the running text says against the tables (`report.corrections`, `report.statements`). */
export interface PreviewProse {
  /** «Motstrid i teksten: 1 av 6 beløp», or that the text's amounts were not checked. */
  summary: string;
  severity: FindingSeverity;
  corrections: PreviewProseItem[];
  contradictions: PreviewProseItem[];
}

export interface Preview {
  district: string;
  year: string;
  counts: string[];
  tables: PreviewTable[];
  summary: { severity: FindingSeverity; text: string }[];
  findings: PreviewFinding[];
  prose: PreviewProse;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function findingWhere(f: Finding): string {
  return f.line === null ? "" : `linje ${f.line}`;
}

/** The text's corrections and contradictions, in line order; the count is the PROSE_MISMATCH findings beyond info, as in the workbook. */
export function proseOf(report: Report): PreviewProse {
  const statements = report.statements ?? [];
  const contradictions = proseContradictions(report.findings).length;
  const byLine = <T extends { line: number }>(xs: readonly T[]) => [...xs].sort((a, b) => a.line - b.line);
  return {
    summary:
      statements.length === 0 && contradictions === 0
        ? "Ingen beløp i teksten er holdt mot tabellene."
        : `Motstrid i teksten: ${contradictions} (${statements.length} beløp i teksten kontrollert)`,
    severity: contradictions > 0 ? "error" : "info",
    corrections: byLine(report.corrections ?? []).map((c) => ({
      where: `linje ${c.line}`,
      text: `${adjustmentLabelWithQualifier(c.kind)}: ${c.amount.raw} (${proseScopeWords(c.scope)})`,
      quote: c.quote,
    })),
    contradictions: byLine(statements.filter((st) => st.verdict === "contradicts")).map((st) => ({
      where: `linje ${st.line}`,
      text: `${proseScopeWords(st.scope)}: oppgitt ${st.stated.raw}${st.reference ? `, tabellen ${formatNorwegian(st.reference.value)}` : ""} – ${statementVerdictWords[st.verdict]}`,
      quote: st.quote,
    })),
  };
}

export function previewOf(report: Report): Preview {
  const tables: PreviewTable[] = [
    ...report.budgetTables.map((t) => ({
      title: t.title,
      detail: `${t.id} · ${plural(t.rows.length, "rad", "rader")}`,
      missing: t.rows.length === 0,
    })),
    ...report.varianceSplits.map((s) => ({
      title: typeof s.title === "string" && s.title !== "" ? s.title : "Fordeling av avvik på øremerkede midler og ordinær drift",
      detail: `${s.id} · ${plural(s.rows.length, "rad", "rader")}`,
      missing: s.rows.length === 0,
    })),
  ];
  const kinds: [string, number][] = [
    ["Resultatindikatorer", report.indicators.filter((i) => (i.kind ?? "indicator") === "indicator").length],
    ["Nøkkeltall", report.indicators.filter((i) => i.kind === "keyFigure").length],
    ["Sykefravær", report.indicators.filter((i) => i.kind === "sickLeave").length],
    ["Fra teksten (bør kontrolleres)", report.indicators.filter((i) => i.kind === "prose").length],
  ];
  for (const [name, n] of kinds) if (n > 0) tables.push({ title: name, detail: plural(n, "rad", "rader"), missing: false });
  for (const f of report.findings) {
    if (f.code === "TABLE_MISSING") tables.push({ title: f.message, detail: "mangler", missing: true });
  }

  const findings = [...report.findings]
    .sort((a, b) => severityOrder.indexOf(a.severity) - severityOrder.indexOf(b.severity) || (a.line ?? 0) - (b.line ?? 0))
    .map((f) => ({ severity: f.severity, where: findingWhere(f), message: f.message }));
  const summary = severityOrder.map((severity) => {
    const n = report.findings.filter((f) => f.severity === severity).length;
    return { severity, n };
  })
    .filter((s) => s.n > 0)
    .map(({ severity, n }) => ({ severity, text: severityCount(severity, n) }));

  const rows = report.budgetTables.reduce((n, t) => n + t.rows.length, 0);
  return {
    district: report.district ? `Bydel ${report.district}` : "Ukjent bydel",
    year: report.year === null ? "år ukjent" : `årsberetning ${report.year}`,
    counts: [
      plural(report.budgetTables.length, "økonomitabell", "økonomitabeller"),
      plural(rows, "tabellrad", "tabellrader"),
      plural(report.indicators.length, "indikator", "indikatorer"),
    ],
    tables,
    summary: summary.length ? summary : [{ severity: "info", text: "Ingen funn: tallene i rapporten stemmer" }],
    findings,
    prose: proseOf(report),
  };
}

/** Builds an element with text content only. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string | null, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export interface PreviewElements {
  district: HTMLElement;
  year: HTMLElement;
  counts: HTMLElement;
  tables: HTMLElement;
  summary: HTMLElement;
  findings: HTMLElement;
  proseSummary: HTMLElement;
  corrections: HTMLElement;
  contradictions: HTMLElement;
}

/** One item of the text's corrections or contradictions: where and what, then the quote, as text. */
function proseItem(item: PreviewProseItem, className: string | null): HTMLLIElement {
  const li = el("li", className);
  li.append(el("span", "where", `${item.where} · ${item.text}`), el("q", null, item.quote));
  return li;
}

/** Renders a preview into the task pane's elements. */
export function renderPreview(p: Preview, at: PreviewElements): void {
  at.district.textContent = p.district;
  at.year.textContent = p.year;
  at.counts.replaceChildren(...p.counts.map((c) => el("li", null, c)));
  at.tables.replaceChildren(
    ...p.tables.map((t) => {
      const li = el("li", t.missing ? "missing" : null);
      li.append(el("span", "t", t.title), el("span", "n", t.detail));
      return li;
    }),
  );
  at.summary.replaceChildren(...p.summary.map((s) => el("span", `badge ${s.severity}`, s.text)));
  at.findings.replaceChildren(
    ...p.findings.map((f) => {
      const li = el("li", f.severity);
      const label = severityLabel(f.severity);
      li.append(el("span", "where", f.where ? `${label} · ${f.where}` : label), document.createTextNode(f.message));
      return li;
    }),
  );
  at.proseSummary.replaceChildren(el("span", `badge ${p.prose.severity}`, p.prose.summary));
  at.contradictions.replaceChildren(...p.prose.contradictions.map((c) => proseItem(c, "error")));
  at.corrections.replaceChildren(...p.prose.corrections.map((c) => proseItem(c, "info")));
  at.corrections.hidden = p.prose.corrections.length === 0;
  at.contradictions.hidden = p.prose.contradictions.length === 0;
}
