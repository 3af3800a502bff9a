import { proseLines } from "./prose-lines.js";
import { severityCount, type FindingSeverity, type Report } from "@bydel/core";
import { countsLine, findingLine, severityCounts } from "./format.js";

/** One finding in `bydel check --json`: the report JSON's fields, `page` null for a text file. */
export interface CheckJsonFinding {
  severity: FindingSeverity;
  code: string;
  line: number | null;
  page: number | null;
  message: string;
}

/** `bydel check --json`: every finding of every file, with counts per file and in all. */
export interface CheckJson {
  counts: Record<FindingSeverity, number>;
  reports: {
    file: string;
    district: string | null;
    year: number | null;
    counts: Record<FindingSeverity, number>;
    findings: CheckJsonFinding[];
  }[];
}

export function checkJson(reports: readonly { file: string; report: Report }[]): CheckJson {
  const all = reports.flatMap(({ report }) => report.findings);
  return {
    counts: severityCounts(all),
    reports: reports.map(({ file, report }) => ({
      file,
      district: report.district,
      year: report.year,
      counts: severityCounts(report.findings),
      findings: report.findings.map((f) => ({ severity: f.severity, code: f.code, line: f.line, page: typeof f.page === "number" ? f.page : null, message: f.message })),
    })),
  };
}

/**
 * `bydel check` for one report: errors and warnings a line each (notes too with `all`), then the
 * counts, then how many notes are hidden. Nothing found says what was checked.
 */
export function checkLines(report: Report, all: boolean): string[] {
  if (report.findings.length === 0) return [`Ingen funn i ${checkedCounts(report)}.`];
  const shown = report.findings.filter((f) => all || f.severity !== "info");
  const counts = severityCounts(report.findings);
  // the text's contradictions counted and quoted, then the closing line with the counts
  const lines = [...shown.map(findingLine), ...proseLines(report), `${countsLine(counts)}.`];
  const hidden = report.findings.length - shown.length;
  if (hidden > 0) lines.push(`${severityCount("info", hidden)} skjult; vis ${hidden === 1 ? "den" : "dem"} med --all.`);
  return lines;
}

/** What a check covered, so "no findings" never hides that nothing was read. */
function checkedCounts(report: Report): string {
  const rows = report.budgetTables.reduce((n, t) => n + t.rows.length, 0);
  return `${report.budgetTables.length} økonomitabeller (${rows} rader) og ${report.indicators.length} indikatorer`;
}
