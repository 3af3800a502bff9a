import type { Finding } from "../schema/report.js";
import type { ProseScope, StatementSubject, StatementVerdict } from "../schema/prose.js";

/**
 * The Norwegian words for what the running text says against the tables: a statement's verdict
 * as the workbook, the add-in and the CLI show it.
 */
export const statementVerdictWords: Readonly<Record<StatementVerdict, string>> = {
  agrees: "stemmer",
  withinRounding: "stemmer innen avrunding",
  contradicts: "motstrid",
  unmatched: "ikke funnet",
};

/** The finding code of a prose contradiction (or, as info, a rounding note). */
export const PROSE_MISMATCH = "PROSE_MISMATCH";

/**
 * The text's contradictions among the findings: PROSE_MISMATCH beyond info (an info PROSE_MISMATCH
 * is a rounding note, one unit in the last stated digit, not a contradiction).
 */
export function proseContradictions(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.code === PROSE_MISMATCH && f.severity !== "info");
}

/** What a statement restates, in Norwegian (any subject a newer import adds falls back to its id). */
export const statementSubjectWords: Readonly<Record<StatementSubject, string>> & Readonly<Record<string, string>> = {
  netVariance: "Netto avvik",
  grossVariance: "Brutto avvik",
  earmarked: "Øremerkede midler",
  ordinaryResult: "Reelt resultat",
  revisedBudget: "Regulert budsjett",
  actual: "Regnskap",
  previousResult: "Fjorårets resultat",
  variancePercent: "Avvik i prosent",
  change: "Endring fra i fjor",
  arithmetic: "Regnestykke i teksten",
  sickLeave: "Sykefravær totalt",
  population: "Befolkning",
  keyFigure: "Nøkkeltall",
};

/** Whom a statement or correction is about: «bydelen», «FO3», «FO2A, funksjon 201», «enhet Nav». */
export function proseScopeWords(scope: ProseScope): string {
  // several areas at once have no table of their own: their names («FO2A, FO2B og FO2C»)
  if (scope.level === "serviceArea") return scope.table ?? scope.name ?? "et funksjonsområde";
  // A KOSTRA function (the passthrough `kostra`), a level newer imports state.
  if ((scope.level as string) === "function") {
    const kostra = (scope as { kostra?: unknown }).kostra;
    const fn = typeof kostra === "string" ? `funksjon ${kostra}` : "en funksjon";
    return scope.table ? `${scope.table}, ${fn}` : fn;
  }
  if (scope.level === "unit") return scope.name ? `enhet ${scope.name}` : "en enhet";
  return "bydelen";
}
