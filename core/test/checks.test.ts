import { describe, expect, it } from "vitest";
import {
  checkCrossTables,
  checkIndicator,
  checkReport,
  checkRowVariance,
  checkSplits,
  checkSums,
  findingSchema,
  reportSchema,
  serviceAreaOf,
  tolerances,
  type BudgetRow,
  type BudgetTable,
  type Indicator,
  type VarianceSplit,
} from "@bydel/core";
import { fixtureReport } from "./fixtureReport.js";

const row = (line: number, label: string, values: (number | null)[], extra: Partial<BudgetRow> = {}): BudgetRow => {
  const [previousActual = null, originalBudget = null, revisedBudget = null, actual = null, variance = null] = values;
  return { line, label, kostra: null, isTotal: false, previousActual, originalBudget, revisedBudget, actual, variance, ...extra };
};
const table = (id: BudgetTable["id"], rows: BudgetRow[]): BudgetTable => ({ id, title: `Tabell ${id}`, basis: "net", line: 1, rows });

describe("tolerances", () => {
  it("are the documented rules", () => {
    expect(tolerances.rowVariance).toBe(1);
    expect([1, 2, 5, 6, 9].map(tolerances.sum)).toEqual([1, 1, 3, 3, 5]);
    expect(tolerances.crossTable).toBe(2);
    expect(tolerances.indicator(1)).toBeCloseTo(0.05, 6);
    expect(tolerances.indicator(0)).toBeGreaterThan(0.5);
  });
});

describe("checkRowVariance", () => {
  it("is null when the row agrees or a value is missing", () => {
    expect(checkRowVariance(row(243, "Funksjonsområde 1", [38444, 81610, 50560, 38774, 11786]))).toBeNull();
    expect(checkRowVariance(row(1, "x", [null, null, null, 5, 7]))).toBeNull();
  });
  it("±1 is rounding (info), beyond is an error, with stated and computed", () => {
    const info = checkRowVariance(row(242, "Funksjonsområde 2A", [0, 0, 738070, 737275, 796]));
    expect(info).toMatchObject({ severity: "info", code: "ROW_VARIANCE_MISMATCH", line: 242, stated: 796, computed: 795 });
    const err = checkRowVariance(row(248, "Sum netto utgifter, drift", [1474016, 1541008, 1567441, 1569095, -10410]));
    expect(err).toMatchObject({ severity: "error", line: 248, stated: -10410, computed: -1654 });
    expect(err?.message).toBe("Sum netto utgifter, drift: avvik er oppgitt til \u221210\u00A0410, men regulert budsjett − regnskap gir \u22121\u00A0654 (differanse \u22128\u00A0756)");
    expect(findingSchema.safeParse(err).success).toBe(true);
  });
});

describe("checkSums", () => {
  const leaves = [row(2, "a", [1, 10, 100, 90, 10]), row(3, "b", [2, 20, 200, 180, 20]), row(4, "c", [null, 0, 0, 1, -1])];
  it("accepts an exact sum and skips blank addends", () => {
    expect(checkSums(table("FO1", [...leaves, row(5, "Sum", [3, 30, 300, 271, 29], { isTotal: true, sumOf: [2, 3, 4] })]))).toEqual([]);
  });
  it("±⌈n/2⌉ is info; beyond is an error naming row, column, stated and computed", () => {
    const f = checkSums(table("FO1", [...leaves, row(5, "Sum netto", [6, 30, 301, 271, 29], { isTotal: true, sumOf: [2, 3, 4] })]));
    expect(f.map((x) => [x.severity, x.column, x.stated, x.computed])).toEqual([
      ["error", "previousActual", 6, 3],
      ["info", "revisedBudget", 301, 300],
    ]);
    expect(f[0]?.message).toContain("Sum netto: regnskap i fjor er oppgitt til 6, men radene gir 3");
  });
  it("checks a total printed over blank rows against 0", () => {
    const blanks = [row(2, "a", [null, 5, 5, 5, 0]), row(3, "b", [null, 6, 6, 6, 0])];
    const f = checkSums(table("FO1", [...blanks, row(4, "Sum", [40, 11, 11, 11, 0], { isTotal: true, sumOf: [2, 3] })]));
    expect(f.map((x) => [x.severity, x.column, x.stated, x.computed])).toEqual([["error", "previousActual", 40, 0]]);
  });
  it("tests a withheld row's readings: a total that one reading closes is no error, one that none closes is", () => {
    // "11 174 589 …" read as 11 174 | 589 or 11 | 174 589: values withheld, both readings listed.
    const withheld = row(3, "b", [null, null, null, null, null], {
      needsReview: true,
      candidates: [
        [11174, 589, 600, 500, 100],
        [11, 174589, 600, 500, 100],
      ],
    });
    const rows = (sum0: number) => [leaves[0]!, withheld, row(5, "Sum", [sum0, 599, 700, 590, 110], { isTotal: true, sumOf: [2, 3] })];
    expect(checkSums(table("FO1", rows(11175)))).toEqual([]);
    expect(checkSums(table("FO1", rows(12)))).toEqual([]);
    const f = checkSums(table("FO1", rows(500)));
    expect(f.map((x) => [x.severity, x.column, x.stated, x.computed])).toEqual([["error", "previousActual", 500, 12]]);
    expect(f[0]?.message).toContain("i beste fall");
    // A withheld row without readings leaves its column unchecked.
    expect(checkSums(table("FO1", [leaves[0]!, { ...withheld, candidates: undefined }, row(5, "Sum", [500, 599, 700, 590, 110], { isTotal: true, sumOf: [2, 3] })]))).toEqual([]);
  });
  it("cascading totals: one misprinted subtotal is reported once (Sagene Tabell 0.1 B, line 248)", () => {
    const sagene = fixtureReport("sagene-2024").budgetTables.find((t) => t.id === "0.1B")!;
    const findings = checkSums(sagene);
    const errors = findings.filter((f) => f.severity === "error");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: "SUM_MISMATCH", line: 248, column: "variance", stated: -10410, computed: -1654 });
    expect(errors[0]?.message).toMatch(/^Sum netto utgifter, drift: avvik er oppgitt til \u221210\u00A0410, men radene gir \u22121\u00A0654 /);
    // The true rows: with the variance the report should have printed, nothing is wrong.
    const fixed = { ...sagene, rows: sagene.rows.map((r) => (r.line === 248 ? { ...r, variance: -1654 } : r)) };
    expect(checkSums(fixed).filter((f) => f.severity === "error")).toEqual([]);
  });
});

describe("checkCrossTables", () => {
  const summary = table("0.1B", [
    row(10, "Funksjonsområde 1", [100, 0, 0, 0, 0], { area: "FO1" }),
    row(11, "Funk.omr. 4", [60, 0, 0, 0, 0], { area: "FO4" }),
  ]);
  it("compares an FO table's Sum row with 0.1 B; ±2 info, else error on the FO Sum line", () => {
    const fo1 = table("FO1", [row(20, "120", [98, 0, 0, 0, 0]), row(21, "Sum", [98, 0, 0, 0, 0], { isTotal: true, sumOf: [20] })]);
    expect(checkCrossTables([summary, fo1])).toMatchObject([{ severity: "info", code: "CROSS_TABLE_MISMATCH", line: 21, stated: 98, computed: 100 }]);
    const bad = table("FO1", [row(21, "Sum", [90, 0, 0, 0, 0], { isTotal: true })]);
    const [f] = checkCrossTables([summary, bad]);
    expect(f).toMatchObject({ severity: "error", line: 21 });
    expect(f?.message).toContain("linje 10");
  });
  it("adds FO4A + FO4B + FO4C for 0.1 B's FO4 row when there is no FO4 table", () => {
    const parts = (["FO4A", "FO4B", "FO4C"] as const).map((id, i) => table(id, [row(30 + i, `Sum ${id}`, [20, 0, 0, 0, 0], { isTotal: true })]));
    expect(checkCrossTables([summary, ...parts])).toEqual([]);
    parts[2]!.rows[0]!.previousActual = 30;
    expect(checkCrossTables([summary, ...parts])).toMatchObject([{ severity: "error", line: 30, stated: 70, computed: 60 }]);
  });
  it("finds Sagene's FO1 (39 194 against 38 444) and FO3 (654 340 against 659 819) and Grünerløkka's FO3 (700 748 against 711 748)", () => {
    const sagene = checkCrossTables(fixtureReport("sagene-2024").budgetTables).filter((f) => f.severity === "error");
    expect(sagene.map((f) => [f.line, f.column, f.stated, f.computed])).toEqual([
      [1057, "previousActual", 39194, 38444],
      [2119, "previousActual", 654340, 659819],
    ]);
    const gl = checkCrossTables(fixtureReport("grunerlokka-2024").budgetTables).filter((f) => f.severity === "error");
    expect(gl.map((f) => [f.line, f.stated, f.computed])).toEqual([[2295, 700748, 711748]]);
  });
});

describe("checkSplits", () => {
  it("checks variance = earmarked + ordinary per row", () => {
    const split: VarianceSplit = {
      id: "FO2A",
      line: 1,
      rows: [
        { line: 807, label: "201 Barnehage", kostra: "201", isTotal: false, variance: 2921, earmarkedVariance: 2650, ordinaryVariance: 272 },
        { line: 808, label: "211", kostra: "211", isTotal: false, variance: 2388, earmarkedVariance: 0, ordinaryVariance: 2300 },
      ],
    };
    expect(checkSplits([split]).map((f) => [f.severity, f.code, f.line])).toEqual([
      ["info", "SPLIT_MISMATCH", 807],
      ["error", "SPLIT_MISMATCH", 808],
    ]);
  });
  it("checks avvik = budsjett − regnskap on a split row that prints both (the per-unit table), and not where it prints neither", () => {
    const split: VarianceSplit = {
      id: "enhet",
      line: 1,
      rows: [
        { line: 4069, label: "Psykisk helse", kostra: null, isTotal: false, variance: -15012, earmarkedVariance: 330, ordinaryVariance: -15342, revisedBudget: 92387, actual: 107398 },
        { line: 4070, label: "Helsestasjon", kostra: null, isTotal: false, variance: -1606, earmarkedVariance: 0, ordinaryVariance: -1606, revisedBudget: 45759, actual: 47365 },
        { line: 4071, label: "Nav", kostra: null, isTotal: false, variance: 27576, earmarkedVariance: 1124, ordinaryVariance: 26452, revisedBudget: 309851, actual: 280275 },
        { line: 4072, label: "Uten budsjett", kostra: null, isTotal: false, variance: 5, earmarkedVariance: 0, ordinaryVariance: 5 },
      ],
    };
    expect(checkSplits([split]).map((f) => [f.severity, f.code, f.line, f.stated, f.computed])).toEqual([
      ["info", "ROW_VARIANCE_MISMATCH", 4069, -15012, -15011],
      ["error", "ROW_VARIANCE_MISMATCH", 4071, 27576, 29576],
    ]);
  });
  it("finds Vestre Aker line 330: 10 436 / −16 915 in the summary against 10 413 / −16 892 in the FO4 tables", () => {
    const r = fixtureReport("vestre-aker-2024");
    const errors = checkSplits(r.varianceSplits, r.budgetTables).filter((f) => f.severity === "error");
    expect(errors.map((f) => [f.line, f.column, f.stated, f.computed])).toEqual([
      [330, "earmarkedVariance", 10436, 10413],
      [330, "ordinaryVariance", -16915, -16892],
    ]);
  });
});

describe("checkIndicator", () => {
  it("trusts the report's own reading of a four-digit target: a count «< 2085», or a year «> 2022»", () => {
    const base: Indicator = {
      line: 10, area: "FO3", label: "Antall liggedøgn", unit: "count",
      target: { raw: "< 2085", operator: "<", value: 2085, unit: "number" },
      result: { raw: "2 100", value: 2100 }, statedDeviation: { raw: "-15", value: -15 },
      deviation: 15, higherIsBetter: false, met: false,
    };
    // A count: 2 100 − 2 085 = +15, so the printed −15 has the wrong sign.
    expect(checkIndicator(base)).toMatchObject({ severity: "error", code: "INDICATOR_DEVIATION_MISMATCH", computed: 15 });
    // Marked as a year's result, there is nothing to compute against.
    expect(checkIndicator({ ...base, target: { ...base.target!, unit: "year" } })).toBeNull();
    // Without the import's mark, the text decides (a 4-digit value after a comparator reads as a year).
    expect(checkIndicator({ ...base, target: { raw: "< 2085", operator: "<", value: 2085 } })).toBeNull();
  });
  const ind = (target: number, result: number, raw: string, value: number, unit: Indicator["unit"] = "count"): Indicator => ({
    line: 2298,
    area: "FO3",
    label: "Liggedøgn",
    unit,
    target: { raw: String(target), operator: null, value: target },
    result: { raw: String(result), value: result },
    statedDeviation: { raw, value },
    deviation: null,
    higherIsBetter: false,
    met: null,
  });
  it("Sagene FO3 prints 30 where result − target is −30: unsigned is an error", () => {
    const f = checkIndicator(ind(40, 10, "30", 30));
    expect(f).toMatchObject({ severity: "error", code: "INDICATOR_DEVIATION_MISMATCH", line: 2298, stated: 30, computed: -30 });
    expect(f?.message).toContain("uten fortegn");
  });
  it("a printed sign that is wrong is an error too", () => {
    expect(checkIndicator(ind(40, 50, "-10", -10))?.message).toContain("feil fortegn");
  });
  it("within half a unit of the last printed decimal is fine; beyond it is not", () => {
    expect(checkIndicator(ind(90, 87.79, "-2,2 pp", -2.2, "percent"))).toBeNull();
    expect(checkIndicator(ind(100, 99.4, "-0,6pp", -0.6, "percent"))).toBeNull();
    expect(checkIndicator(ind(67, 38.89, "-28,11pp", -28.11, "percent"))).toBeNull();
    expect(checkIndicator(ind(90, 87.4, "-2,5", -2.5, "percent"))).toMatchObject({ severity: "error", computed: -2.6 });
  });
  it("no printed deviation, or no result, gives null", () => {
    expect(checkIndicator({ ...ind(40, 10, "30", 30), statedDeviation: null })).toBeNull();
    expect(checkIndicator({ ...ind(40, 10, "30", 30), result: { raw: "*", value: null } })).toBeNull();
  });
});

describe("checkReport on the fixtures", () => {
  it("Sagene: exactly the known errors (line 248, FO1 and FO3 cross-table, three unsigned deviations)", () => {
    const findings = checkReport(fixtureReport("sagene-2024"));
    expect(reportSchema.shape.findings.safeParse(findings).success).toBe(true);
    const errors = findings.filter((f) => f.severity === "error");
    expect(errors.map((f) => [f.code, f.line])).toEqual([
      ["SUM_MISMATCH", 248],
      ["CROSS_TABLE_MISMATCH", 1057],
      ["CROSS_TABLE_MISMATCH", 2119],
      ["INDICATOR_DEVIATION_MISMATCH", 2298],
      ["INDICATOR_DEVIATION_MISMATCH", 2309],
      ["INDICATOR_DEVIATION_MISMATCH", 2318],
    ]);
    const lines = findings.map((f) => f.line ?? 0);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
  });
  it("Vestre Aker: only line 330 is an error; the many ±1 differences are info", () => {
    const findings = checkReport(fixtureReport("vestre-aker-2024"));
    expect(findings.filter((f) => f.severity === "error").map((f) => f.line)).toEqual([330, 330]);
    expect(findings.filter((f) => f.severity === "info").length).toBeGreaterThan(10);
  });
  it("a table whose sums leave core's range (10^15) stops no other check, and nothing throws", () => {
    const r = fixtureReport("vestre-aker-2024");
    const before = checkReport(r).filter((f) => f.table !== r.budgetTables[0]!.id);
    const huge = structuredClone(r);
    for (const row of huge.budgetTables[0]!.rows) row.actual = 9e14;
    expect(reportSchema.safeParse(huge).success).toBe(true);
    const after = checkReport(huge).filter((f) => f.table !== r.budgetTables[0]!.id && f.code !== "CROSS_TABLE_MISMATCH");
    expect(after).toEqual(before.filter((f) => f.code !== "CROSS_TABLE_MISMATCH"));
  });
  it("Grünerløkka: only FO3 Regnskap 2023", () => {
    const errors = checkReport(fixtureReport("grunerlokka-2024")).filter((f) => f.severity === "error");
    expect(errors.map((f) => [f.code, f.line])).toEqual([["CROSS_TABLE_MISMATCH", 2295]]);
  });
});

describe("serviceAreaOf", () => {
  it.each([
    ["Funksjonsområde 2A", "FO2A"],
    ["Funk.omr. 4, Sosiale tjenester og ytelser (netto utg.)", "FO4"],
    ["Sum FO4A *)", "FO4A"],
    ["F02C", "FO2C"],
    ["Funksjonsområde 4, Sosiale tjenester", "FO4"],
    ["Sum netto utgifter, drift", null],
    ["120 Administrasjon", null],
  ])("%s → %s", (label, area) => expect(serviceAreaOf(label)).toBe(area));
});
