import { readFileSync } from "node:fs";
import { reportSchema, type Correction, type Finding, type Report, type Statement } from "@bydel/core";
import { fixturePath, type FixtureName } from "./report-from-expected.js";

/**
 * What Sagene's running text states about its own figures, as the prose import is to emit it
 * (hand-checked against /work/shared/fixtures/analysis/sagene-2024.analysis.json): the
 * earmarked transfer (line 256: «10,37 millioner», restated at line 4251 as «10,4 millioner»)
 * and the net variance and real results it states. Every quote is cut from the fixture's text
 * itself, so the tests hold real sentences; the amounts are in 1000 kr with the precision the
 * text's digits allow.
 */

/** The sentence of a fixture's text around `first`…`last` (1-based lines) that contains `raw`. */
export function sentenceOf(name: FixtureName, first: number, last: number, raw: string): string {
  const lines = readFileSync(fixturePath("reports", name), "utf8").split(/\r?\n/);
  const joined = lines.slice(first - 1, last).join(" ").replace(/\s+/g, " ").trim();
  const found = joined.split(/(?<=\.)\s+(?=[A-ZÆØÅ])/).find((s) => s.includes(raw));
  if (!found) throw new Error(`${name}: «${raw}» is not on lines ${first}–${last}`);
  return found;
}

const sentence = (first: number, last: number, raw: string) => sentenceOf("sagene-2024", first, last, raw);

const district = { level: "district", table: null, name: null } as const;
const amount = (raw: string, value: number, precision: number) => ({ raw, value, unit: "kNOK" as const, precision });

export const sageneCorrections: Correction[] = [
  { kind: "earmarked", amount: amount("10,37 millioner kroner", 10370, 5), scope: district, line: 256, quote: sentence(256, 258, "10,37 millioner") },
  { kind: "earmarked", amount: amount("10,4 millioner kroner", 10400, 50), scope: district, line: 4251, quote: sentence(4251, 4251, "10,4 millioner") },
];

export const sageneStatements: Statement[] = [
  {
    subject: "ordinaryResult",
    scope: district,
    stated: amount("+18,3 millioner kroner", 18300, 50),
    line: 14,
    quote: sentence(14, 15, "+18,3 millioner"),
    reference: { table: "enhet", line: 4079, column: "ordinaryVariance", value: 18306 },
    difference: -6,
    verdict: "agrees",
  },
  {
    subject: "netVariance",
    scope: district,
    stated: amount("28,68 millioner kroner", 28680, 5),
    line: 256,
    quote: sentence(256, 258, "28,68 millioner"),
    reference: { table: "0.1B", line: 252, column: "variance", value: 28682 },
    difference: -2,
    verdict: "agrees",
  },
  {
    subject: "earmarked",
    scope: district,
    stated: amount("10,37 millioner kroner", 10370, 5),
    line: 256,
    quote: sentence(256, 258, "10,37 millioner"),
    reference: { table: "enhet", line: 4079, column: "earmarkedVariance", value: 10373 },
    difference: -3,
    verdict: "agrees",
  },
  {
    // 28,68 − 10,37 = 18,31 by the text's own corrections: «18,30» is one unit off in the last digit.
    subject: "ordinaryResult",
    scope: district,
    stated: amount("18,30 millioner kroner", 18300, 5),
    line: 256,
    quote: sentence(256, 258, "18,30 millioner"),
    reference: { table: "bridge", line: null, column: null, value: 18310 },
    difference: -10,
    verdict: "withinRounding",
  },
  {
    subject: "earmarked",
    scope: district,
    stated: amount("10,4 millioner kroner", 10400, 50),
    line: 4251,
    quote: sentence(4251, 4251, "10,4 millioner"),
    reference: { table: "enhet", line: 4079, column: "earmarkedVariance", value: 10373 },
    difference: 27,
    verdict: "agrees",
  },
];

/** The rounding note the import gives line 256's «18,30» (info: not a contradiction). */
export const sageneRoundingNote: Finding = {
  severity: "info",
  code: "PROSE_MISMATCH",
  line: 256,
  message: "Teksten oppgir reelt resultat 18,30 millioner kroner; 28,68 − 10,37 = 18,31 (avrunding).",
  stated: 18300,
  computed: 18310,
};

/**
 * A report with Sagene's prose as the import is to state it (through the schema, so it is valid):
 * it replaces whatever the import stated about the text, its PROSE_MISMATCH findings included.
 */
export function withSageneProse(report: Report, extra: { corrections?: Correction[]; statements?: Statement[]; findings?: Finding[] } = {}): Report {
  return reportSchema.parse({
    ...report,
    corrections: [...sageneCorrections, ...(extra.corrections ?? [])],
    statements: [...sageneStatements, ...(extra.statements ?? [])],
    findings: [...report.findings.filter((f) => f.code !== "PROSE_MISMATCH"), sageneRoundingNote, ...(extra.findings ?? [])],
  });
}
