import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { proseContradictions, proseScopeWords, statementSubjects, statementSubjectWords, statementVerdict, statementVerdictWords, statementVerdicts, tolerances, type Finding } from "@bydel/core";

describe("a stated amount against its figure", () => {
  it("agrees within the stated precision, is rounding within one unit of the last digit, else contradicts (Sagene line 256)", () => {
    // «28,68 millioner» (28 680 ± 5) against Tabell 0.1 B's 28 682
    expect(statementVerdict(28680 - 28682, 5)).toBe("agrees");
    // «10,37 millioner» against the result per unit's 10 373
    expect(statementVerdict(10370 - 10373, 5)).toBe("agrees");
    // «18,30 millioner» against 28 682 − 10 373 = 18 309: a truncation, one unit in the last digit
    expect(statementVerdict(18300 - 18309, 5)).toBe("withinRounding");
    expect(statementVerdict(18300 - 18311, 5)).toBe("contradicts");
    expect(statementVerdict(null, 5)).toBe("unmatched");
    expect(statementVerdict(0, 0)).toBe("agrees");
    expect(statementVerdict(1, 0)).toBe("contradicts");
  });

  it("is symmetric in the sign and monotone in the size of the difference", () => {
    const rank = { agrees: 0, withinRounding: 1, contradicts: 2, unmatched: 3 } as const;
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1e6, noNaN: true }), fc.constantFrom(0, 0.5, 5, 50, 500, 0.05), (a, b, p) => {
        expect(statementVerdict(a, p)).toBe(statementVerdict(-a, p));
        const [small, large] = Math.abs(a) <= b ? [a, b] : [b, a];
        expect(rank[statementVerdict(small, p)]).toBeLessThanOrEqual(rank[statementVerdict(large, p)]);
        expect(statementVerdict(a, p) === "agrees").toBe(Math.abs(a) <= tolerances.prose(p).agrees);
      }),
    );
  });

  it("has one Norwegian word per verdict", () => {
    expect(statementVerdicts.map((v) => statementVerdictWords[v])).toEqual(["stemmer", "stemmer innen avrunding", "motstrid", "ikke funnet"]);
  });

  it("counts as contradictions the PROSE_MISMATCH findings beyond info (an info one is a rounding note)", () => {
    const f = (code: string, severity: Finding["severity"]): Finding => ({ code, severity, line: 1, message: "x" });
    const findings = [f("PROSE_MISMATCH", "error"), f("PROSE_MISMATCH", "info"), f("SUM_MISMATCH", "error"), f("PROSE_MISMATCH", "warning")];
    expect(proseContradictions(findings)).toEqual([findings[0], findings[3]]);
  });
});

describe("the words for statements", () => {
  it("names every subject and scope in Norwegian", () => {
    for (const s of statementSubjects) expect(statementSubjectWords[s]).toMatch(/^[A-ZÆØÅ]/);
    expect(proseScopeWords({ level: "district", table: null, name: null })).toBe("bydelen");
    expect(proseScopeWords({ level: "serviceArea", table: "FO3", name: null })).toBe("FO3");
    expect(proseScopeWords({ level: "unit", table: null, name: "Nav" })).toBe("enhet Nav");
  });
});
