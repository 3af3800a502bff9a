import { describe, expect, it } from "vitest";
import { proseContradictions, proseScopeWords, proseVerdict, statementSubjects, statementSubjectWords, statementVerdictWords, statementVerdicts, type Finding } from "@bydel/core";

describe("the text's verdicts in Norwegian", () => {
  it("rates Sagene's line 256 with the core's proseVerdict: «18,30» for 18 309 is rounding, «28,68» for 28 682 agrees", () => {
    expect(proseVerdict(28680, 28682, 5, true).verdict).toBe("agrees");
    expect(proseVerdict(10370, 10373, 5, true).verdict).toBe("agrees");
    expect(proseVerdict(18300, 18309, 5, true)).toMatchObject({ verdict: "withinRounding", severity: "info" });
    expect(statementVerdictWords[proseVerdict(18300, 18330, 5, true).verdict]).toBe("motstrid");
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
    // several areas at once (no table of their own): their names
    expect(proseScopeWords({ level: "serviceArea", table: null, name: "FO2A, FO2B og FO2C" })).toBe("FO2A, FO2B og FO2C");
    expect(proseScopeWords({ level: "serviceArea", table: null, name: null })).toBe("et funksjonsområde");
    expect(proseScopeWords({ level: "unit", table: null, name: "Nav" })).toBe("enhet Nav");
    // a KOSTRA function, as a newer import states it (passthrough)
    expect(proseScopeWords({ level: "function", table: "FO2A", name: null, kostra: "201" } as never)).toBe("FO2A, funksjon 201");
  });
});
