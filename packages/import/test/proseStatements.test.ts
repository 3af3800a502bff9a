import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatNorwegian, type BudgetTable, type VarianceSplit } from "@bydel/core";
import { amountsIn } from "../src/prose/amounts.js";
import { readStatements } from "../src/prose/statements.js";
import { splitLines } from "../src/source/lines.js";

// Generated sentences in the reports' phrasing: the stated amount parses exactly, at the precision
// it is printed with, and the verdict follows the difference from the table cell.

const units = [
  { text: "millioner", scale: 1000, kNOK: true },
  { text: "mill.", scale: 1000, kNOK: true },
  { text: "mill. kr", scale: 1000, kNOK: true },
  { text: "millioner kroner", scale: 1000, kNOK: true },
  { text: "(i 1000 kr)", scale: 1, kNOK: true },
  { text: "tusen kroner", scale: 1, kNOK: true },
  { text: "kroner", scale: 0.001, kNOK: true },
] as const;

const under = ["et mindreforbruk på", "et overskudd på", "et positivt resultat på", "et positivt avvik på"];
const over = ["et merforbruk på", "et underskudd på", "et negativt resultat på", "et negativt avvik på"];
const subjects = ["Bydelens regnskap viser", "Driftsregnskapet viser", "Bydel Sagene har", "Netto driftsresultat for bydelen viser"];

/** Decimals a unit is printed with: millions with 0–2, thousands with 0–1, kroner with none. */
const decimalsFor = (scale: number) => (scale === 1000 ? fc.integer({ min: 0, max: 2 }) : scale === 1 ? fc.integer({ min: 0, max: 1 }) : fc.constant(0));

function table(variance: number): BudgetTable {
  return {
    id: "0.1B",
    title: "Tabell 0.1 B",
    basis: "net",
    line: 1,
    rows: [
      { line: 2, label: "Sum netto utgift + sosialhjelp", kostra: null, isTotal: true, previousActual: null, originalBudget: null, revisedBudget: null, actual: null, variance },
    ],
  };
}

const tables = (variance: number) => ({ budgetTables: [table(variance)], varianceSplits: [] as VarianceSplit[] });

function read(sentence: string, variance: number) {
  const text = `Tabell 0.1 B\nSum netto utgift + sosialhjelp\n\n${sentence}\n`;
  return readStatements(splitLines(text), new Set([1, 2]), tables(variance), 2024);
}

describe("amountsIn", () => {
  it("reads «28,68 millioner kroner» as 28 680 ± 5, «85 mill.» as 85 000 ± 500, «18,30 millioner» keeps its two decimals", () => {
    expect(amountsIn("et mindreforbruk på 28,68 millioner kroner")[0]!.amount).toEqual({ raw: "28,68 millioner kroner", value: 28680, unit: "kNOK", precision: 5 });
    expect(amountsIn("et merforbruk på 85 mill. Det er")[0]!.amount).toMatchObject({ value: 85000, precision: 500 });
    expect(amountsIn("på 18,30 millioner")[0]!.amount).toMatchObject({ value: 18300, precision: 5 });
    expect(amountsIn("på 1 million øremerkede")[0]!.amount).toMatchObject({ raw: "1 million", value: 1000, precision: 500 });
    expect(amountsIn("er -16,6%.")[0]).toMatchObject({ amount: { value: -16.6, unit: "percent", precision: 0.05 }, signed: true });
    expect(amountsIn("i 2024 og 31. desember")).toEqual([]);
  });

  it("parses any printed amount exactly, with half a unit of its last digit as precision", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), fc.constantFrom(...units), fc.integer({ min: 0, max: 2 }), (n, unit, decimals) => {
        const printed = formatNorwegian(n / 10 ** decimals, { decimals });
        const [a] = amountsIn(`et mindreforbruk på ${printed} ${unit.text} i 2024`);
        expect(a).toBeDefined();
        // exact: the decimal shifted, not a product of doubles
        const expected = Number(((n * unit.scale * 1000) / 10 ** decimals / 1000).toPrecision(15));
        expect(a!.amount.value).toBeCloseTo(expected, 9);
        expect(String(a!.amount.value)).toBe(String(expected));
        expect(a!.amount.precision).toBeCloseTo((0.5 * unit.scale) / 10 ** decimals, 12);
      }),
    );
  });
});

describe("a stated deviation against its table cell", () => {
  it("the verdict follows the difference in units of the last stated digit; the direction word gives the sign", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 5_000_000 }),
        fc.constantFrom(...units.filter((u) => u.scale >= 1)),
        fc.integer({ min: -30, max: 30 }),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom(...subjects),
        fc.nat(3),
        fc.constant(null),
        (magnitude, unit, offsetUnits, underspend, wrongDirection, subject, w) => {
          const decimals = unit.scale === 1000 ? 1 + (magnitude % 2) : 0;
          const step = unit.scale / 10 ** decimals; // one unit of the last stated digit, in 1000 kr
          const cell = underspend ? magnitude : -magnitude;
          // the correctly rounded figure, then moved by offsetUnits
          const rounded = Math.round(magnitude / step) * step;
          const stated = rounded + offsetUnits * step;
          fc.pre(stated > 0);
          const printed = formatNorwegian(stated / unit.scale, { decimals });
          const statesUnder = wrongDirection ? !underspend : underspend;
          const word = (statesUnder ? under : over)[w]!;
          const r = read(`${subject} ${word} ${printed} ${unit.text} i 2024.`, cell);
          const s = r.statements.find((x) => x.subject === "netVariance");
          expect(s, `${subject} ${word} ${printed} ${unit.text}`).toBeDefined();
          expect(s!.stated.value).toBeCloseTo(statesUnder ? stated : -stated, 6);
          const off = Math.abs(stated - magnitude) / step; // in units of the last digit
          const expected = wrongDirection ? "contradicts" : off <= 0.5 + 1e-9 ? "agrees" : off <= 1.5 + 1e-9 ? "withinRounding" : "contradicts";
          expect(s!.verdict).toBe(expected);
          const f = r.findings.find((x) => x.code === "PROSE_MISMATCH");
          if (expected === "agrees") expect(f).toBeUndefined();
          else if (expected === "withinRounding") expect(f?.severity).toBe("info");
          else expect(f?.severity).toBe(wrongDirection || off > 10.5 + 1e-9 ? "error" : "warning");
        },
      ),
      { numRuns: 300 },
    );
  });

  it("one unit off in the last digit is never an error", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 5_000_000 }), fc.constantFrom(-1, 1), (magnitude, k) => {
        const stated = Math.round(magnitude / 10) * 10 + k * 10;
        const r = read(`Bydelens regnskap viser et mindreforbruk på ${formatNorwegian(stated / 1000, { decimals: 2 })} millioner kroner.`, magnitude);
        expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
      }),
    );
  });

  it("a correction and the real result: «korrigert for X gir Y» is checked as arithmetic and against the bridge", () => {
    fc.assert(
      fc.property(fc.integer({ min: 20_000, max: 90_000 }), fc.integer({ min: 1_000, max: 15_000 }), fc.integer({ min: -3, max: 3 }), (net, earmarked, k) => {
        const m = (v: number) => formatNorwegian(v / 1000, { decimals: 2 });
        const realResult = Math.round((net - earmarked) / 10) * 10 + k * 10;
        const sentence =
          `Driftsregnskapet viser et mindreforbruk på ${m(net)} millioner kroner. Når man korrigerer for overføring av øremerkede midler på ${m(earmarked)} ` +
          `millioner kroner, så viser et reelt regnskap totalt et mindreforbruk på ${m(realResult)} millioner kroner.`;
        const r = read(sentence, net);
        expect(r.corrections).toHaveLength(1);
        expect(r.corrections[0]).toMatchObject({ kind: "earmarked", amount: { value: Math.round(earmarked / 10) * 10, precision: 5 } });
        const bridge = r.statements.find((s) => s.reference?.table === "bridge")!;
        const arithmetic = r.statements.find((s) => s.subject === "arithmetic")!;
        expect(bridge.reference!.value).toBe(net - Math.round(earmarked / 10) * 10);
        expect(arithmetic.reference!.value).toBe(Math.round(net / 10) * 10 - Math.round(earmarked / 10) * 10);
        const verdictFor = (d: number) => (Math.abs(d) <= 5 ? "agrees" : Math.abs(d) <= 15 ? "withinRounding" : "contradicts");
        expect(bridge.verdict).toBe(verdictFor(realResult - bridge.reference!.value));
        expect(arithmetic.verdict).toBe(verdictFor(realResult - arithmetic.reference!.value));
      }),
      { numRuns: 200 },
    );
  });

  it("reads phrasing the fixtures do not use: «Regnskapet for 2024 viser …», «mill kroner», a percent of the budget after the amount", () => {
    const budget: BudgetTable = {
      ...table(-12_437),
      rows: [{ ...table(-12_437).rows[0]!, revisedBudget: 2_000_000, actual: 2_012_437 }],
    };
    const text = "Regnskapet for 2024 viser et merforbruk på 12,4 mill kroner, som utgjør 0,6 % av regulert budsjett.";
    const r = readStatements(splitLines(`Tabell 0.1 B\nSum netto utgift + sosialhjelp\n\n${text}\n`), new Set([1, 2]), { budgetTables: [budget], varianceSplits: [] }, 2024);
    expect(r.statements.map((s) => [s.subject, s.stated.value, s.reference?.value, s.verdict])).toEqual([
      ["netVariance", -12400, -12437, "agrees"],
      ["variancePercent", -0.6, expect.closeTo(-0.62185, 4), "agrees"],
    ]);
  });

  it("reads the revised budget and the accounts stated as levels, and no deviation as a level", () => {
    const budget: BudgetTable = { ...table(28_682), rows: [{ ...table(28_682).rows[0]!, revisedBudget: 1_901_894, actual: 1_873_212 }] };
    const text =
      "Regulert budsjett for bydelen er 1 901,9 millioner kroner. Netto driftsutgifter for Bydel Sagene var 1 873,2 millioner kroner. Bydelen har et mindreforbruk i forhold til regulert budsjett på 28,7 millioner.";
    const r = readStatements(splitLines(`Tabell 0.1 B\nSum netto utgift + sosialhjelp\n\n${text}\n`), new Set([1, 2]), { budgetTables: [budget], varianceSplits: [] }, 2024);
    expect(r.statements.map((s) => [s.subject, s.stated.value, s.reference?.value, s.verdict])).toEqual([
      ["revisedBudget", 1_901_900, 1_901_894, "agrees"],
      ["actual", 1_873_200, 1_873_212, "agrees"],
      ["netVariance", 28_700, 28_682, "agrees"],
    ]);
  });

  it("holds an approximate figure at its last significant digit: «ca. 10 mill.» is 10 000 ± 5 000, far from 28 682 a contradiction, a warning only", () => {
    const r = read("Bydelen har et mindreforbruk på ca. 10 mill.", 28_682);
    expect(r.statements.map((s) => [s.subject, s.stated.value, s.stated.precision, s.reference?.value, s.verdict])).toEqual([["netVariance", 10_000, 5_000, 28_682, "contradicts"]]);
    expect(r.findings.map((f) => f.severity)).toEqual(["warning"]);
    expect(read("Bydelen har et mindreforbruk på ca. 30 mill.", 28_682).statements.map((s) => s.verdict)).toEqual(["agrees"]);
  });

  it("leaves out what it cannot place: a sub-item, a part, a forecast, a bound, a figure of several areas", () => {
    const sentences = [
      "Det er et merforbruk for økonomisk sosialhjelp på 27 mill. i 2024.",
      "Av dette gjelder 8 mill. et merforbruk på kjøp av plasser.",
      "Bydelen har en prognose som viser et mindreforbruk på 4,8 millioner kroner.",
      "Bydelen har et mindreforbruk på over 10 mill.",
      "Funksjonsområdene 2A, 2B og 2C har totalt et mindreforbruk på 10 mill.",
      "Kjøp av rusplasser har et merforbruk på 9,9 millioner.",
    ];
    for (const s of sentences) expect(read(s, 28_682).statements.filter((x) => x.verdict !== "unmatched"), s).toEqual([]);
  });
});
