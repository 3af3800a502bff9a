import { describe, expect, it } from "vitest";
import { Decimal } from "decimal.js";
import {
  InvalidArgumentError,
  NumberParseError,
  correctionBridge,
  indicatorDeviation,
  ordinaryVariance,
  realChange,
  round,
  sum,
  variance,
  variancePercent,
} from "@bydel/core";

describe("variance (regulert budsjett − regnskap)", () => {
  it("Sagene Tabell 0.1 B FO1: 50 560 − 38 774 = 11 786", () => {
    expect(variance(50560, 38774)).toBe(11786);
  });
  it("is exact for short decimals", () => {
    expect(variance(0.3, 0.1)).toBe(0.2);
    expect(variance(1.1, 0.2)).toBe(0.9);
    expect(variance(-40.342, -5.8)).toBe(-34.542);
  });
  it("reads strings and Decimals", () => {
    expect(variance("50 560", "38\u00A0774")).toBe(11786);
    expect(variance(new Decimal("0.3"), "0,1")).toBe(0.2);
    expect(variance("\u22122 642", 0)).toBe(-2642);
  });
  it("is null when a cell is blank, never 0 or NaN", () => {
    expect(variance(null, 5)).toBeNull();
    expect(variance(5, "*")).toBeNull();
  });
  it("never returns −0", () => {
    expect(Object.is(variance(-0, 0), 0)).toBe(true);
    expect(Object.is(variance(0.1, 0.1), 0)).toBe(true);
  });
  it("throws a typed error for NaN, Infinity, undefined, objects and non-numbers", () => {
    expect(() => variance(Number.NaN, 1)).toThrow(InvalidArgumentError);
    expect(() => variance(1, Number.POSITIVE_INFINITY)).toThrow(/endelig/);
    expect(() => variance(undefined as unknown as number, 1)).toThrow(InvalidArgumentError);
    expect(() => variance({} as unknown as number, 1)).toThrow(InvalidArgumentError);
    expect(() => variance("tolv", 1)).toThrow(NumberParseError);
    expect(() => variance(new Decimal(Number.NaN), 1)).toThrow(InvalidArgumentError);
  });
  it("falls back to decimal.js beyond the native range and stays exact", () => {
    expect(variance(1e15 - 1, -(1e15 - 1))).toBe(Number(new Decimal(1e15 - 1).times(2).toString()));
    expect(variance(0.1 + 0.2, 0.3)).toBe(Number(new Decimal(0.1 + 0.2).minus(0.3).toString()));
    expect(variance("123456789012345.1", "0.1")).toBe(123456789012345);
    expect(variance("0," + "0".repeat(29) + "1", "0")).toBe(1e-30);
  });
});

describe("variancePercent (§2)", () => {
  it("St. Hanshaugen: 3,23 % of the revised budget", () => {
    expect(variancePercent(100, 96.77)).toBe(3.23);
    expect(variancePercent(50560, 38774)).toBe(Number(new Decimal(11786).times(100).div(50560).toString()));
  });
  it("is the double nearest the exact quotient", () => {
    expect(variancePercent(3, 2)).toBe(100 / 3);
    expect(variancePercent(0.3, 0.1)).toBe(200 / 3);
  });
  it("is null for a zero budget, never Infinity", () => {
    expect(variancePercent(0, 5)).toBeNull();
    expect(variancePercent("0,0", 5)).toBeNull();
    expect(variancePercent(null, 5)).toBeNull();
  });
});

describe("ordinaryVariance (§3)", () => {
  it("Sagene: 28 682 − 10 373 = 18 309", () => expect(ordinaryVariance(28682, 10373)).toBe(18309));
  it("Vestre Aker: −85 141 − 20 039 = −105 180", () => expect(ordinaryVariance(-85141, 20039)).toBe(-105180));
  it("Grünerløkka: 2 667 − 20 900 = −18 233", () => expect(ordinaryVariance(2667, 20900)).toBe(-18233));
  it("Alna: 39,1 − 66,1 = −27,0 mill.", () => expect(ordinaryVariance(39.1, 66.1)).toBe(-27));
});

describe("correctionBridge (§4)", () => {
  it("St. Hanshaugen 2023: −40,342 + 5,8 = −34,542 mill.", () => {
    const b = correctionBridge(-40.342, [{ kind: "priorYearOverspend", amount: 5.8 }]);
    expect(b.result).toBe(-34.542);
    expect(b.steps).toEqual([
      { kind: "priorYearOverspend", label: "Inndekning av fjorårets merforbruk", amount: 5.8, signedAmount: 5.8, total: -34.542 },
    ]);
  });
  it("Vestre Aker: −105 + 41 planned overspend = −64 mill.", () => {
    expect(correctionBridge(-105, [{ kind: "plannedOverspend", amount: 41 }]).result).toBe(-64);
  });
  it("Vestre Aker FO3: −96,7 + 41 − 11 = −66,7 mill., with every intermediate total", () => {
    const b = correctionBridge("-96,7", [
      { kind: "plannedOverspend", amount: 41 },
      { kind: "riskReserveRelease", amount: 11, label: "Risikoavsetning FO3" },
    ]);
    expect(b.steps.map((s) => s.total)).toEqual([-55.7, -66.7]);
    expect(b.steps.map((s) => s.signedAmount)).toEqual([41, -11]);
    expect(b.steps[1]?.label).toBe("Risikoavsetning FO3");
    expect(b.result).toBe(-66.7);
  });
  it("earmarked is subtracted and other keeps its own sign (Vestre Aker district chain)", () => {
    const b = correctionBridge(-85141, [
      { kind: "earmarked", amount: 20039 },
      { kind: "other", amount: -5000, label: "Refusjon 5 mill. lavere enn bokført" },
    ]);
    expect(b.steps.map((s) => [s.label, s.signedAmount, s.total])).toEqual([
      ["Øremerkede midler", -20039, -105180],
      ["Refusjon 5 mill. lavere enn bokført", -5000, -110180],
    ]);
  });
  it("rejects an unknown kind and a missing amount with a typed error", () => {
    expect(() => correctionBridge(1, [{ kind: "bonus" as "other", amount: 1 }])).toThrow(InvalidArgumentError);
    expect(() => correctionBridge(1, [{ kind: "toString" as "other", amount: 1 }])).toThrow(InvalidArgumentError);
    expect(() => correctionBridge(1, [{ kind: "other", amount: null as unknown as number }])).toThrow(InvalidArgumentError);
    expect(() => correctionBridge(1, null as unknown as [])).toThrow(InvalidArgumentError);
  });
});

describe("realChange (§5)", () => {
  it("St. Hanshaugen FO2B: activity up 3,3 mill., price growth 3,9 mill. → about the same level (−0,6)", () => {
    expect(realChange(120.5, 123.8, { priceGrowth: 3.9 })).toBe(-0.6);
  });
  it("with a deflator rate: actual − previousActual × (1 + d)", () => {
    expect(realChange(1000, 1050, { deflator: 0.043 })).toBe(7);
    expect(realChange(123.8, 130.1, { deflator: 0.0415 })).toBe(Number(new Decimal(130.1).minus(new Decimal(123.8).times(1.0415)).toString()));
  });
  it("null years give null; growth must name exactly one of the two", () => {
    expect(realChange(null, 5, { priceGrowth: 1 })).toBeNull();
    expect(realChange(1, 5, { priceGrowth: null, deflator: 0.1 } as never)).toBe(5 - 1.1);
    expect(() => realChange(1, 2, {} as never)).toThrow(InvalidArgumentError);
    expect(() => realChange(1, 2, { priceGrowth: 1, deflator: 0.1 } as never)).toThrow(InvalidArgumentError);
  });
});

describe("indicatorDeviation (§6)", () => {
  it("Sagene FO2A: 51 % against 50 % is +1 pp, met", () => {
    expect(indicatorDeviation(51, "50 %", { higherIsBetter: true })).toEqual({ deviation: 1, unit: "pp", higherIsBetter: true, met: true });
  });
  it("90 % target, 87,4 % result: −2,6 pp exactly (not −2.6000000000000023)", () => {
    expect(indicatorDeviation(87.4, "≥ 90 %")).toEqual({ deviation: -2.6, unit: "pp", higherIsBetter: true, met: false });
  });
  it("direction from the operator wins over the option", () => {
    expect(indicatorDeviation(6.5, "maks 8 %", { higherIsBetter: true })).toMatchObject({ deviation: -1.5, higherIsBetter: false, met: true });
    expect(indicatorDeviation(63, ">74")).toMatchObject({ deviation: -11, unit: "number", met: false });
  });
  it("strict operators: reaching a > target is not enough", () => {
    expect(indicatorDeviation(74, ">74").met).toBe(false);
    expect(indicatorDeviation(74, ">=74").met).toBe(true);
    expect(indicatorDeviation(5, "<5").met).toBe(false);
  });
  it("a bare target is met when reached, in the known direction; unknown direction gives met null", () => {
    expect(indicatorDeviation(12.5, "8 %", { higherIsBetter: false })).toMatchObject({ deviation: 4.5, met: false });
    expect(indicatorDeviation(8, "8 %", { higherIsBetter: false }).met).toBe(true);
    expect(indicatorDeviation(4.8, "4,7")).toEqual({ deviation: 0.1, unit: "number", higherIsBetter: null, met: null });
  });
  it("no result, no target, or a year reference gives a null deviation", () => {
    expect(indicatorDeviation("*", "90 %").deviation).toBeNull();
    expect(indicatorDeviation(null, "90 %").met).toBeNull();
    expect(indicatorDeviation(80, "måltall for antall deltakere")).toEqual({ deviation: null, unit: null, higherIsBetter: null, met: null });
    expect(indicatorDeviation(80, "> 2022", { yearsAllowed: true })).toEqual({ deviation: null, unit: "year", higherIsBetter: true, met: null });
    // without yearsAllowed a four-digit target is a number, as «minst 2000» (plasser) is
    expect(indicatorDeviation(2100, "minst 2000")).toEqual({ deviation: 100, unit: "number", higherIsBetter: true, met: true });
  });
  it("accepts the report's target object, whose value may be null", () => {
    expect(indicatorDeviation(63, { raw: ">74", operator: ">", value: 74 })).toEqual({ deviation: -11, unit: "number", higherIsBetter: true, met: false });
    expect(indicatorDeviation(63, { raw: "?", operator: ">", value: null })).toEqual({ deviation: null, unit: "number", higherIsBetter: true, met: null });
  });
  it("accepts a parsed target and a printed result", () => {
    expect(indicatorDeviation("87,79%", { operator: null, value: 90, unit: "percent" }, { higherIsBetter: true }).deviation).toBe(-2.21);
  });
});

describe("round (Excel ROUND, half away from zero)", () => {
  it.each([
    [1.005, 2, 1.01],
    [-1.005, 2, -1.01],
    [2.675, 2, 2.68],
    [-2.5, 0, -3],
    [2.5, 0, 3],
    [0.285, 2, 0.29],
    [-0.05, 1, -0.1],
    [1234.5678, 2, 1234.57],
    [1250, -2, 1300],
    [-1250, -2, -1300],
    [87.4, 3, 87.4],
    [0.1 + 0.2, 2, 0.3],
  ])("round(%d, %d) = %d", (x, d, want) => expect(round(x, d)).toBe(want));
  it("never −0, null stays null, bad decimals throw", () => {
    expect(Object.is(round(-0.04, 1), 0)).toBe(true);
    expect(round(null, 1)).toBeNull();
    expect(round(2.5, null)).toBe(3);
    expect(() => round(1, 1.5)).toThrow(InvalidArgumentError);
  });
});

describe("sum", () => {
  it("adds exactly and skips blank cells", () => {
    expect(sum([0.1, 0.2, null, "0,3"])).toBe(0.6);
    expect(sum([38444, 577407, 140864, 57483, 654340])).toBe(1468538);
    expect(sum([])).toBe(0);
  });
});
