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
