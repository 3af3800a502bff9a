import { describe, expect, it } from "vitest";
import { splitLines } from "../src/source/lines.js";
import { readProseIndicators } from "../src/prose/indicators.js";
import { MAX_SENTENCE, blocksOf, sentencesOf } from "../src/prose/text.js";
import { readStatements } from "../src/prose/statements.js";

// Adversarial running text: one paragraph of goal and outcome phrases, half a megabyte, with and
// without sentence ends. Not timed (bench/prose.bench.mjs measures ms per MB): it must finish, and
// read every repetition as it reads one.

const withSentences = "Sykefraværsmålet har vært 7 %. Resultatet per 2024 er 8,1 %. Bydelen har et mindreforbruk på 2,5 millioner kroner. ";
const oneRun = "sykefraværsmålet har vært 7 %, resultatet per 2024 er 8,1 %; målet er minimum 85 % fagdekning, og avdelingen skal være minimum 80 %; ";

const paragraph = (phrase: string, n: number) => Array.from({ length: n }, () => phrase).join("\n");
const noTables = { budgetTables: [], varianceSplits: [] };

describe("a paragraph of 500 kB of goal and outcome phrases", () => {
  it("with sentence ends: every repetition gives the indicator one phrase gives, on its own line", () => {
    const one = readProseIndicators(splitLines(withSentences), new Set(), 2024);
    expect(one.map((i) => [i.target?.raw, i.result?.raw])).toEqual([["7 %", "8,1 %"]]);
    const n = Math.ceil(500_000 / withSentences.length);
    const all = readProseIndicators(splitLines(paragraph(withSentences, n)), new Set(), 2024);
    expect(all).toHaveLength(n);
    expect(all.map((i) => i.line)).toEqual(Array.from({ length: n }, (_, k) => k + 1));
    expect(new Set(all.map((i) => `${i.target?.raw}|${i.result?.raw}|${i.deviation}`))).toEqual(new Set(["7 %|8,1 %|1.1"]));
  });

  it("without sentence ends: cut into sentences of at most MAX_SENTENCE characters at a semicolon, and read the same way", () => {
    const n = Math.ceil(500_000 / oneRun.length);
    const lines = splitLines(paragraph(oneRun, n));
    const [block] = blocksOf(lines, new Set());
    const sentences = sentencesOf(block!);
    expect(Math.max(...sentences.map((s) => s.text.length))).toBeLessThanOrEqual(MAX_SENTENCE);
    expect(sentences.map((s) => s.text).join(" ")).toBe(block!.text);
    const one = readProseIndicators(splitLines(oneRun), new Set(), 2024);
    expect(one.length).toBeGreaterThan(0);
    const all = readProseIndicators(lines, new Set(), 2024);
    // a cut falls between phrases (at «; »), so each repetition reads as the single one does
    expect(all).toHaveLength(n * one.length);
  });

  it("the statements stage reads every stated amount of it, and places none without a table", () => {
    const n = Math.ceil(500_000 / withSentences.length);
    const r = readStatements(splitLines(paragraph(withSentences, n)), new Set(), noTables, 2024);
    expect(r.statements).toHaveLength(n);
    expect(r.statements.every((s) => s.verdict === "unmatched" && s.stated.value === 2500 && s.scope.level === "district")).toBe(true);
    expect(r.findings).toEqual([]);
  });
});
