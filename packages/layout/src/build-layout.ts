import type { Report } from "@bydel/core";
import { buildComparisonSheet } from "./comparison-sheet.js";
import { buildEconomySheet, type EconomyPlacement } from "./economy-sheet.js";
import { buildFindingsSheet } from "./findings-sheet.js";
import { buildIndicatorSheet } from "./indicator-sheet.js";
import { sheetName, tableName } from "./names.js";
import { buildOverviewSheet } from "./overview-sheet.js";
import { buildProseSheet } from "./prose-sheet.js";
import type { SheetLayout, WorkbookLayout } from "./types.js";

interface Names {
  sheets: Set<string>;
  tables: Set<string>;
}

function reportTitle(report: Report): string {
  return [report.district ?? "Ukjent bydel", report.year ?? ""].join(" ").trim();
}

/** The five sheets of one report; `suffix` distinguishes sheet sets in a combined workbook. */
function buildSheetSet(report: Report, suffix: string, names: Names): { sheets: SheetLayout[]; economy: EconomyPlacement } {
  const sheet = (base: string) => sheetName(suffix ? `${base} ${suffix}` : base, names.sheets);
  const table = (base: string) => tableName(suffix ? `${base}_${suffix}` : base, names.tables);
  const who = reportTitle(report);
  const overviewName = sheet("Oversikt");
  const economy = buildEconomySheet(report, sheet("Økonomi"), table("Okonomi"), `Økonomi – ${who}`);
  const indicators = buildIndicatorSheet(report, sheet("Indikatorer"), table("Indikatorer"), `Resultatindikatorer – ${who}`);
  const findings = buildFindingsSheet(report, sheet("Kontroll"), table("Kontroll"), `Kontroll av rapportens tall – ${who}`);
  const prose = buildProseSheet(report, sheet("Tekstkontroll"), table("Tekstkontroll"), table("Tekstkorreksjoner"), `Tekstkontroll: rapportens tekst mot tabellene – ${who}`);
  const overview = buildOverviewSheet(report, overviewName, `${who} – økonomisk oversikt`, economy.placement, findings.placement);
  return { sheets: [overview, economy.sheet, indicators, findings.sheet, prose], economy: economy.placement };
}

/** One report's workbook: Oversikt, Økonomi, Indikatorer, Kontroll, Tekstkontroll. */
export function buildLayout(report: Report): WorkbookLayout {
  const names: Names = { sheets: new Set(), tables: new Set() };
  return { title: `Årsberetning ${reportTitle(report)}`, sheets: buildSheetSet(report, "", names).sheets };
}

/**
 * Several reports in one workbook: Sammenligning first, then one sheet set per report, each sheet
 * name suffixed with the district (and the year when a district appears twice).
 */
export function buildCombinedLayout(reports: readonly Report[]): WorkbookLayout {
  if (reports.length === 0) throw new Error("buildCombinedLayout: trenger minst én rapport");
  const names: Names = { sheets: new Set(), tables: new Set() };
  const comparisonName = sheetName("Sammenligning", names.sheets);
  const comparisonTable = tableName("Sammenligning", names.tables);
  const districtCount = new Map<string, number>();
  for (const r of reports) districtCount.set(r.district ?? "", (districtCount.get(r.district ?? "") ?? 0) + 1);
  const labels = new Set<string>();
  const sets = reports.map((report, i) => {
    const district = report.district ?? `Rapport ${i + 1}`;
    const base = (districtCount.get(report.district ?? "") ?? 0) > 1 && report.year !== null ? `${district} ${report.year}` : district;
    // The labels head the comparison table's columns, which must be unique.
    let label = base;
    for (let n = 2; labels.has(label.toLowerCase()); n++) label = `${base} (${n})`;
    labels.add(label.toLowerCase());
    return { report, label, ...buildSheetSet(report, label, names) };
  });
  const comparison = buildComparisonSheet(sets, comparisonName, comparisonTable);
  return { title: "Årsberetninger: sammenligning", sheets: [comparison, ...sets.flatMap((s) => s.sheets)] };
}
