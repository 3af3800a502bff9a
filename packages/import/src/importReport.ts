import { checkReport, reportSchema, type Finding, type Report } from "@bydel/core";
import { NotAReportError } from "./errors.js";
import { readEconomy } from "./kinds/economy.js";
import { readIndicators } from "./kinds/indicators.js";
import { findDistrict, findYear } from "./report/identity.js";
import { splitLines, type Line } from "./source/lines.js";
import { repairMojibake } from "./source/decode.js";
import { countMojibake, rejectMojibake, screenText } from "./source/screen.js";
import { dropControls } from "./source/text/controls.js";
import { assemblePages } from "./source/text/pages.js";
import { runningFurniture } from "./source/text/runningLines.js";
import { isPageFooter } from "./rows/rows.js";
import { joinLoneCodes } from "./source/text/codes.js";
import { readTypography } from "./source/text/typography.js";
import { refuseCellsAsParagraphs } from "./source/text/paragraphs.js";
import { readStatements } from "./prose/statements.js";

export interface ImportOptions {
  /** Largest input accepted, in characters (default 10 million; a report's text is well under 1 MB). */
  readonly maxChars?: number;
  /** Findings of the source the text came from (a PDF's pages without text), reported with the import's own. */
  readonly sourceFindings?: readonly Finding[];
}

export const DEFAULT_MAX_CHARS = 10_000_000;

function softenWhereIncomplete(source: readonly Finding[], checks: readonly Finding[]): Finding[] {
  const incomplete = new Set(source.flatMap((f) => (f.code === "TABLE_INCOMPLETE" && f.table !== undefined ? [f.table] : [])));
  if (incomplete.size === 0) return [...checks];
  return checks.map((f) =>
    f.severity === "error" && (f.code === "SUM_MISMATCH" || f.code === "CROSS_TABLE_MISMATCH") && f.table !== undefined && incomplete.has(f.table)
      ? { ...f, severity: "warning", message: `${f.message} – tabellen mangler trolig rader (se TABLE_INCOMPLETE), så summen kan ikke kontrolleres` }
      : f,
  );
}

/** Pages assembled from form feeds; in text without them, the running headers and footers dropped. */
function assemblePaged(lines: readonly Line[]): Line[] {
  const furniture = runningFurniture(lines, isPageFooter);
  return furniture.size > 0 ? lines.filter((l) => !furniture.has(l.no)) : assemblePages(lines);
}

function byLine(a: Finding, b: Finding): number {
  return (a.line ?? Infinity) - (b.line ?? Infinity);
}

/**
 * Reads the text of a district's annual report (as pdftotext -layout or a PDF viewer's copy gives
 * it) into the report JSON. Throws NotAReportError for input that is not a report; the returned
 * report has been validated against the schema.
 */
export function importReport(input: string, options: ImportOptions = {}): Report {
  screenText(input, options.maxChars ?? DEFAULT_MAX_CHARS);
  // mojibake first: Windows-1252 decoding yields C1 controls that the repair turns back into letters
  const repaired = countMojibake(input) > 3 ? repairMojibake(input) : null;
  const controls = dropControls(repaired ?? input);
  const text = controls.text;
  rejectMojibake(text);
  const all = splitLines(text);
  refuseCellsAsParagraphs(all.map((l) => l.text));
  const lines = joinLoneCodes(readTypography(assemblePaged(all)));
  const economy = readEconomy(lines);
  const district = findDistrict(text);
  const year = findYear(text);
  const looksLikeReport = economy.budgetTables.length > 0 || /årsberetning/iu.test(text);
  if (!looksLikeReport || (district === null && economy.budgetTables.length === 0)) {
    throw new NotAReportError(
      "not-a-report",
      "Teksten ser ikke ut som en årsberetning fra en bydel: fant verken økonomitabeller (Tabell 0.1, Hovedoversikt økonomi FO…) eller «Årsberetning» og «Bydel …».",
    );
  }
  const indicators = readIndicators(lines, year);
  const prose = readStatements(lines, new Set(), { ...economy, indicators: indicators.indicators }, year, indicators.blocks);
  const findings = [...(options.sourceFindings ?? []), ...economy.findings, ...indicators.findings, ...prose.findings];
  if (controls.finding) findings.push(controls.finding);
  if (economy.budgetTables.length === 0 && economy.varianceSplits.length === 0 && indicators.indicators.length === 0 && findings.length === 0) {
    // A report heading with nothing under it (a truncated file, or a report whose tables are all images):
    // an empty result must not read as "no errors".
    findings.push({
      severity: "warning",
      code: "NOTHING_FOUND",
      line: null,
      message: "Fant ingen økonomitabeller, indikatorer eller tabelloverskrifter i teksten, så ingenting er kontrollert. Er filen avkortet, eller er tabellene bilder i PDF-en?",
    });
  }
  if (repaired !== null) {
    findings.push({
      severity: "info",
      code: "ENCODING_REPAIRED",
      line: null,
      message: "Teksten var UTF-8 lest med feil tegnkoding («Ã¸» for «ø»); tegnene er rettet før import.",
    });
  }
  const report: Report = {
    schemaVersion: 1,
    district,
    year,
    budgetTables: economy.budgetTables,
    varianceSplits: economy.varianceSplits,
    indicators: indicators.indicators,
    findings: [],
    corrections: prose.corrections,
    statements: prose.statements,
  };
  report.findings = [...findings, ...softenWhereIncomplete(findings, checkReport(report))].sort(byLine);
  return reportSchema.parse(report);
}
