import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Report } from "@bydel/core";
import { importReport } from "@bydel/import";

/**
 * Every space and minus core's parser accepts is read the same way: the fixtures' pdftotext -layout
 * text (columns two spaces apart or more, one space inside a number) with each of them swapped in
 * gives the same rows, splits and indicator values as the text as printed.
 */
const root = fileURLToPath(new URL("../fixtures/", import.meta.url));
const names = ["sagene-2024", "vestre-aker-2024", "grunerlokka-2024"] as const;

const SPACES = { "U+00A0": "\u00A0", "U+202F": "\u202F", "U+2009": "\u2009", "U+2007": "\u2007" } as const;
const MINUSES = { "U+2212": "\u2212", "en dash": "\u2013", "figure dash": "\u2012", "U+2010": "\u2010" } as const;

const money = (r: Report) => ({
  budget: r.budgetTables.map((t) => [t.id, t.rows.map((x) => [x.label, x.previousActual, x.originalBudget, x.revisedBudget, x.actual, x.variance])]),
  splits: r.varianceSplits.map((s) => [s.id, s.rows.map((x) => [x.variance, x.earmarkedVariance, x.ordinaryVariance])]),
  indicators: r.indicators.map((i) => [i.label, i.target?.value ?? null, i.result?.value ?? null, i.statedDeviation?.value ?? null]),
  errors: r.findings.filter((f) => f.severity === "error").map((f) => `${f.code} ${f.line}`),
});

describe.each(names)("%s, pdftotext -layout", (name) => {
  const text = readFileSync(`${root}layout/${name}.txt`, "utf8");
  const baseline = money(importReport(text));

  it.each(Object.entries(SPACES))("reads %s between a number's digit groups as a space", (_, space) => {
    // on a line whose columns stand two spaces apart or more, one space between a digit and three more is inside a number
    const swapped = text
      .split("\n")
      .map((l) => (/\d {2,}-?\d/u.test(l) ? l.replace(/(\d) (?=\d{3}(?!\d))/gu, `$1${space}`) : l))
      .join("\n");
    expect(swapped).not.toBe(text);
    expect(money(importReport(swapped))).toEqual(baseline);
  });

  it.each(Object.entries(MINUSES))("reads %s before a number as a minus", (_, minus) => {
    const swapped = text.replace(/(^|[\s(])-(?=\d)/gmu, `$1${minus}`);
    expect(swapped).not.toBe(text);
    expect(money(importReport(swapped))).toEqual(baseline);
  });
});

describe.each(names)("%s, with the invisible marks and ligatures a word processor leaves", (name) => {
  const text = readFileSync(`${root}reports/${name}.txt`, "utf8");
  const baseline = money(importReport(text));
  const MARKS = {
    "a soft hyphen inside the service areas' names": (t: string) => t.replace(/Funksjonsområde/gu, "Funksjons\u00ADområde"),
    "a zero-width space inside numbers": (t: string) => t.replace(/(\d) (?=\d{3}(?!\d))/gu, "$1\u200B "),
    "a word joiner inside «Sum»": (t: string) => t.replace(/\bSum\b/gu, "S\u2060um"),
    "a byte-order mark at each line's start": (t: string) => t.replace(/^/gmu, "\uFEFF"),
    "ligatures «ﬁ» and «ﬂ»": (t: string) => t.replace(/fi/gu, "\uFB01").replace(/fl/gu, "\uFB02"),
  };
  it.each(Object.entries(MARKS))("reads the same with %s", (_, mark) => {
    const marked = mark(text);
    expect(marked).not.toBe(text);
    expect(money(importReport(marked))).toEqual(baseline);
  });
});

describe.each(names.flatMap((n) => [[n, "reports"], [n, "layout"]] as const))("%s (%s), with other words in the budget tables' headers", (name, source) => {
  const text = readFileSync(`${root}${source}/${name}.txt`, "utf8");
  const baseline = money(importReport(text));
  // a budget table's header line: column words, no amounts, no sentence, under a budget table's caption (the per-unit
  // table and the indicator tables have words of their own)
  const lines = text.split("\n");
  const caption = /^\s*(?:Tabell 0[.,]1|\d(?:\.\d)+\s+Hovedoversikt økonomi)/u;
  const underCaption = lines.map((_, i) => lines.slice(Math.max(0, i - 60), i + 1).some((l) => caption.test(l)));
  const isHeader = (l: string, i: number) => underCaption[i]! && /Regnskap|budsjett|Avvik|Regulert|Oppr/u.test(l) && !/\d \d{3}/u.test(l) && l.length < 200 && !/\p{Ll}{3,}\s+\p{Ll}{3,}\s+\p{Ll}{3,}\s+\p{Ll}{3,}/u.test(l);
  const WORDS = {
    "«Differanse» for «Avvik»": (l: string) => l.replace(/\bAvvik\b/gu, "Differanse"),
    "«Mer-/mindreforbruk» for «Avvik»": (l: string) => l.replace(/\bAvvik\b/gu, "Mer-/mindreforbruk"),
    "«Forbruk» for «Regnskap»": (l: string) => l.replace(/\bRegnskap\b/gu, "Forbruk"),
    "«Vedtatt» for «Opprinnelig» («Oppr.»)": (l: string) => l.replace(/\bOpprinnelig\b|\bOppr\./gu, "Vedtatt"),
    "«Revidert» for «Regulert»": (l: string) => l.replace(/\bRegulert\b/gu, "Revidert"),
  };
  it.each(Object.entries(WORDS))("reads the same with %s", (_, swap) => {
    const swapped = lines.map((l, i) => (isHeader(l, i) ? swap(l) : l)).join("\n");
    expect(swapped).not.toBe(text);
    const { budget, splits, errors } = money(importReport(swapped));
    const budgetErrors = (e: string[]) => e.filter((x) => /^(?:SUM|CROSS_TABLE|SPLIT|ROW_VARIANCE)_MISMATCH/u.test(x));
    expect({ budget, splits, errors: budgetErrors(errors) }).toEqual({ budget: baseline.budget, splits: baseline.splits, errors: budgetErrors(baseline.errors) });
  });
});

// (of the three fixtures, Sagene prints the per-unit table)
describe.each([["sagene-2024", "reports"], ["sagene-2024", "layout"]] as const)("%s (%s), with other words in the per-unit table's header", (name, source) => {
  const text = readFileSync(`${root}${source}/${name}.txt`, "utf8");
  const lines = text.split("\n");
  const units = (t: string) => importReport(t).varianceSplits.filter((s) => s.id === "enhet").map((s) => s.rows.map((r) => [r.label, r.variance, r.earmarkedVariance, r.ordinaryVariance]));
  const baseline = units(text);
  // the header: the lines after the caption («… med og uten (særskilt) øremerkede midler …») up to its first row
  const caption = lines.findIndex((l) => /med og uten/u.test(l) && /merkede/u.test(l));
  const header = (i: number) => i > caption && i < caption + 30 && !/\d \d{3}/u.test(lines[i]!) && !/\p{Ll}{3,}\s+\p{Ll}{3,}\s+\p{Ll}{3,}/u.test(lines[i]!);
  it.each([
    ["«Differanse» for «Avvik»", /\bAvvik\b/gu, "Differanse"],
    ["«Forbruk» for «Regnskap»", /\bRegnskap\b/gu, "Forbruk"],
    ["«Vedtatt» for «Opprinnelig»", /\bOpprinnelig\b/gu, "Vedtatt"],
    ["«Revidert» for «Justert»", /\bJustert\b/gu, "Revidert"],
  ] as const)("reads the same units with %s", (_, word, other) => {
    expect(baseline.flat().length).toBeGreaterThan(3);
    const swapped = lines.map((l, i) => (header(i) ? l.replace(word, other) : l)).join("\n");
    expect(swapped).not.toBe(text);
    expect(units(swapped)).toEqual(baseline);
  });
});

describe("a table with no-break spaces between its columns too", () => {
  it("is read by the column search, as with plain spaces, not as twelve-digit numbers", () => {
    const text = readFileSync(`${root}reports/sagene-2024.txt`, "utf8");
    // Tabell 0.1 B of the original text: every space between two digits a no-break space
    const swapped = text
      .split("\n")
      .map((l) => (/^(?:Funksjonsområde \d|Sum netto utg|Funk\.omr)/u.test(l) ? l.replace(/(\d) (?=-?\d)/gu, "$1\u00A0") : l))
      .join("\n");
    expect(swapped).not.toBe(text);
    const rows = (r: Report) => r.budgetTables.filter((t) => t.id === "0.1B").flatMap((t) => t.rows.map((x) => [x.label, x.previousActual, x.actual, x.variance]));
    expect(rows(importReport(swapped))).toEqual(rows(importReport(text)));
  });
});

describe("a sign set apart from a stated deviation", () => {
  it("belongs to the deviation («+ 4 %», «- 3 %»)", () => {
    const text =
      "Årsberetning 2024 Bydel Sagene\n\n3.3 Funksjonsområde 2A\n\nResultatindikatorer\nIndikator Resultat 2023 Måltall 2024 Resultat 2024 Avvik\n" +
      "Andel ansatte med fagbrev 80 % 85 % 89 % + 4 %\nAndel barn 80 % 85 % 82 % - 3 %\n\nTekst etter tabellen.\n";
    const r = importReport(text);
    expect(r.indicators.map((i) => [i.label, i.result?.value, i.statedDeviation?.value])).toEqual([
      ["Andel ansatte med fagbrev", 89, 4],
      ["Andel barn", 82, -3],
    ]);
    expect(r.findings.filter((f) => f.severity !== "info")).toEqual([]);
  });
});
