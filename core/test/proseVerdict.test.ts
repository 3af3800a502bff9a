import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { proseVerdict, tolerances } from "../src/index.js";

describe("proseVerdict", () => {
  it("Sagene: «18,30 millioner» (18 300 ± 5) against 18 309 is one unit off in the last digit: a rounding note", () => {
    expect(proseVerdict(18300, 18309, 5, true)).toEqual({ verdict: "withinRounding", difference: -9, severity: "info" });
    expect(proseVerdict(28680, 28682, 5, true)).toEqual({ verdict: "agrees", difference: -2, severity: null });
  });

  it("the wrong direction is an error however small the amounts", () => {
    expect(proseVerdict(600, -547, 50, true).severity).toBe("error");
    // without a direction word the magnitudes are compared
    expect(proseVerdict(600, -547, 50, false).verdict).toBe("withinRounding");
  });

  it("bands in units of the last stated digit: ≤ ½ agrees, ≤ 1½ rounding (info), ≤ errorUnits + ½ warning, beyond error", () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.constantFrom(0.5, 5, 50, 500), fc.integer({ min: -40, max: 40 }), (reference, precision, halfUnits) => {
        fc.pre(Math.abs(reference) > 50 * precision);
        const stated = reference + halfUnits * precision; // moved by halfUnits halves of a unit
        const v = proseVerdict(stated, reference, precision, true);
        const units = Math.abs(halfUnits) / 2;
        if (Math.sign(stated) !== Math.sign(reference)) return;
        if (units <= 0.5) expect(v.verdict).toBe("agrees");
        else if (units <= 0.5 + tolerances.prose.roundingUnits) expect([v.verdict, v.severity]).toEqual(["withinRounding", "info"]);
        else if (units <= 0.5 + tolerances.prose.errorUnits) expect([v.verdict, v.severity]).toEqual(["contradicts", "warning"]);
        else expect([v.verdict, v.severity]).toEqual(["contradicts", "error"]);
        expect(v.difference).toBeCloseTo(stated - reference, 9);
      }),
    );
  });
});

describe("tolerances.prose.approximate: an approximate figure's precision", () => {
  it("half a unit of the last significant digit, a whole number's trailing zeros not counted", () => {
    const p = tolerances.prose.approximate;
    expect([p("20"), p("300"), p("126"), p("0"), p("5,1"), p("18,30"), p("12 045"), p("1.050")]).toEqual([5, 50, 0.5, 0.5, 0.05, 0.005, 0.5, 5]);
    // in 1000 kr: «ca. 10 mill.» → 10 000 ± 5 000, «ca. 5,1 mill.» → 5 100 ± 50
    expect([p("10", 1000), p("5,1", 1000), p("85", 1000)]).toEqual([5000, 50, 500]);
  });

  it("the fixtures' approximate figures agree: «ca. 20» with 22, «300» with 304, «ca. 10 mill.» with 9 729", () => {
    const p = tolerances.prose.approximate;
    expect(proseVerdict(20, 22, p("20"), true).verdict).toBe("agrees");
    expect(proseVerdict(300, 304, p("300"), true).verdict).toBe("agrees");
    expect(proseVerdict(10_000, 9_729, p("10", 1000), true).verdict).toBe("agrees");
  });

  it("a round figure agrees with every reference it rounds from, and contradicts none within a unit; far off it contradicts, an error only beyond errorUnits", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 0, max: 5 }), fc.integer({ min: -100_000, max: 100_000 }), (lead, zeros, offset) => {
        const stated = lead * 10 ** zeros;
        const raw = String(stated);
        const precision = tolerances.prose.approximate(raw);
        expect(precision).toBe(0.5 * 10 ** zeros);
        const reference = stated + offset;
        fc.pre(reference > 0);
        const v = proseVerdict(stated, reference, precision, true);
        const d = Math.abs(offset);
        if (d <= precision) expect(v.verdict).toBe("agrees");
        else expect(v.verdict).not.toBe("agrees");
        if (d <= 3 * precision) expect(v.verdict).not.toBe("contradicts");
        if (v.severity === "error") expect(d).toBeGreaterThan(precision * (1 + 2 * tolerances.prose.errorUnits));
      }),
    );
  });
});
