import { describe, expect, it } from "vitest";
import { findSoffice, parseCsv, SOFFICE_HINT } from "./libreoffice.js";
import { csvValue, sameValue } from "./compare.js";
import { fixtureNames, reportFromExpected } from "./report-from-expected.js";

describe("workbook test helpers", () => {
  it("builds a valid report from each fixture's expected values", () => {
    for (const name of fixtureNames) {
      const r = reportFromExpected(name);
      expect(r.budgetTables.map((t) => t.id).slice(0, 3)).toEqual(["0.1", "0.1B", "FO1"]);
      for (const t of r.budgetTables) for (const row of t.rows) if (row.isTotal) expect(row.sumOf!.length).toBeGreaterThan(0);
    }
    expect(reportFromExpected("vestre-aker-2024").varianceSplits[0]!.id).toBe("0.1B");
    expect(reportFromExpected("sagene-2024").findings.map((f) => f.line)).toContain(248);
  });

  it("fails loudly with an install hint when LibreOffice is missing (never skips)", () => {
    expect(() => findSoffice(["/finnes/ikke/soffice", undefined])).toThrow(SOFFICE_HINT);
    expect(SOFFICE_HINT).toMatch(/apt-get install -y libreoffice-calc-nogui/);
  });

  it("reads LibreOffice's CSV: quotes, doubled quotes, commas and newlines in fields", () => {
    expect(parseCsv('a,"b,c","say ""hi""",\n"x\ny",2\n')).toEqual([["a", "b,c", 'say "hi"', ""], ["x\ny", "2"]]);
  });

  it("compares values as a spreadsheet shows them", () => {
    expect(csvValue("13.5%")).toBeCloseTo(0.135, 12);
    expect(csvValue("-1654")).toBe(-1654);
    expect(sameValue(-0.6, "-0.599999999999994")).toBe(true);
    expect(sameValue(-1654, "-1655")).toBe(false);
    expect(sameValue("", "")).toBe(true);
    expect(sameValue("", "0")).toBe(false);
    expect(sameValue("Ja", "Ja")).toBe(true);
  });
});
