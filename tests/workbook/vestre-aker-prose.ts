import type { Correction, Statement } from "@bydel/core";
import { sentenceOf } from "./sagene-prose.js";

/**
 * Vestre Aker's text states its bridge in steps (lines 76–78 and 252–259): a net variance of
 * −85 mill., 20 mill. earmarked carried over, «totalt merforbruk er 105 mill., hvorav 36 mill. er
 * inndekning», and a planned overspend of 41 mill. that leaves «merforbruk gjeldende årets drift»
 * at 64 mill. The results are intermediate: −105 after earmarked funds, −64 after the planned
 * overspend too; the 36 of recovery is part of them («hvorav»). The bridge figures are the
 * import's (Tabell 0.1 B's printed −85 141 and split 20 039; the text's 41 mill.).
 */
const sentence = (first: number, last: number, raw: string) => sentenceOf("vestre-aker-2024", first, last, raw);
const district = { level: "district", table: null, name: null } as const;
const mill = (raw: string, value: number) => ({ raw, value, unit: "kNOK" as const, precision: 500 });

export const vestreAkerCorrections: Correction[] = [
  { kind: "earmarked", amount: mill("20 mill.", 20000), scope: district, line: 76, quote: sentence(76, 78, "20 mill.") },
  { kind: "priorYearOverspend", amount: mill("36 mill.", 36000), scope: district, line: 78, quote: sentence(76, 78, "36 mill.") },
  { kind: "plannedOverspend", amount: mill("41 mill.", 41000), scope: district, line: 257, quote: sentence(257, 260, "41 mill.") },
];

const bridgeStatement = (line: number, raw: string, value: number, quote: string, reference: number): Statement => ({
  subject: "ordinaryResult",
  scope: district,
  stated: mill(raw, value),
  line,
  quote,
  reference: { table: "bridge", line: 301, column: "variance", value: reference },
  difference: value - reference,
  verdict: "agrees",
});

export const vestreAkerStatements: Statement[] = [
  bridgeStatement(77, "105 mill.", -105000, sentence(76, 78, "105 mill."), -105180),
  // The same figure held against the split table too: one row in the overview.
  { ...bridgeStatement(77, "105 mill.", -105000, sentence(76, 78, "105 mill."), -105180), reference: { table: "0.1B", line: 332, column: "ordinaryVariance", value: -105180 } },
  bridgeStatement(258, "64 mill.", -64000, sentence(257, 260, "64 mill."), -64180),
];
