import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Report } from "@bydel/core";
import { importReport } from "@bydel/import";
// @ts-expect-error plain ES module shared with scripts/score-prose.mjs
import { fixtures, score, share } from "../fixtures/analysis/score.mjs";

// The report's own words against its tables, scored against the prose analysis of each fixture
// (tests/fixtures/analysis, copied from the shared analysis). Categories are in
// tests/fixtures/analysis/categories.json; the goal is on the restatements.
const root = fileURLToPath(new URL("../fixtures/reports/", import.meta.url));
const reports = new Map<string, Report>(fixtures.map((n: string) => [n, importReport(readFileSync(`${root}${n}.txt`, "utf8"))]));
const report = (name: string): Report => reports.get(name)!;

interface Row {
  index: number;
  category: string;
  ok: boolean;
  found: boolean;
  sameVerdict: boolean;
}

describe.each(fixtures as string[])("prose statements of %s", (name) => {
  const result = score(name, report(name)) as { rows: Row[]; falseErrors: unknown[]; errors: unknown[] };

  it("finds ≥ 85 % of the restatements the analysis lists, with the same verdict (≥ 90 % over the three, below)", () => {
    expect(share(result, ["restatement"]).percent).toBeGreaterThanOrEqual(85);
  });

  it("reports every contradiction the analysis lists among them", () => {
    const listed = result.rows.filter((r) => r.category === "restatement" && !r.ok);
    expect(listed.filter((r) => !r.sameVerdict).map((r) => r.index)).toEqual([]);
  });

  it("raises no error the analysis does not list", () => {
    expect(result.falseErrors).toEqual([]);
  });

  it("reads the pdftotext -layout text to no finding the text does not give, and to the same errors", () => {
    const layout = importReport(readFileSync(`${root}../layout/${name}.txt`, "utf8"));
    const summary = (r: Report) => ({
      findings: r.findings.filter((f) => f.code === "PROSE_MISMATCH").map((f) => `${f.severity} ${f.stated} ${f.computed}`).sort(),
      verdicts: r.statements.map((s) => `${s.subject} ${s.stated.value} ${s.verdict}`).sort(),
    });
    // a list of parts whose last line ran into a table header is left out there: fewer, never other findings
    const text = summary(report(name)).findings;
    expect(summary(layout).findings.filter((f) => !text.includes(f))).toEqual([]);
    expect(summary(layout).findings.filter((f) => f.startsWith("error"))).toEqual(text.filter((f) => f.startsWith("error")));
  });

  it("validates: every statement with a reference has its difference, every unmatched none", () => {
    for (const s of report(name).statements) {
      if (s.reference === null) expect([s.verdict, s.difference]).toEqual(["unmatched", null]);
      else {
        // signed: stated − reference; a figure stated without direction is compared by magnitude
        const d = Math.abs(s.difference!);
        const signed = Math.abs(s.stated.value - s.reference.value);
        const magnitude = Math.abs(Math.abs(s.stated.value) - Math.abs(s.reference.value));
        expect(Math.min(Math.abs(d - signed), Math.abs(d - magnitude))).toBeLessThan(1e-6);
        expect(s.verdict === "agrees").toBe(d <= s.stated.precision + 1e-6);
      }
    }
  });
});

it("finds ≥ 90 % of the restatements over the three fixtures", () => {
  const all = (fixtures as string[]).map((n) => share(score(n, report(n)), ["restatement"]) as { good: number; total: number });
  const good = all.reduce((a, x) => a + x.good, 0);
  const total = all.reduce((a, x) => a + x.total, 0);
  expect(good / total).toBeGreaterThanOrEqual(0.9);
});

// Every correction the analysis files name in a prose calculation's inputs (earmarked funds carried
// over, last year's overspend, a planned overspend, a released risk reserve), as line, kind, 1000 kr.
const statedCorrections: Record<string, [number, string, number][]> = {
  "sagene-2024": [[257, "earmarked", 10370], [4251, "earmarked", 10400]],
  "grunerlokka-2024": [
    [198, "earmarked", 20900], [619, "earmarked", 7200], [622, "earmarked", 6200], [628, "earmarked", 1000], [1095, "earmarked", 1950],
    [1693, "earmarked", 7100], [1697, "earmarked", 4900], [1701, "earmarked", 2200], [2301, "earmarked", 1400], [3042, "earmarked", 3300],
    [3054, "earmarked", 2300],
  ],
  "vestre-aker-2024": [
    [76, "earmarked", 20000], [78, "priorYearOverspend", 36000], [253, "earmarked", 20000], [257, "plannedOverspend", 41000],
    [259, "priorYearOverspend", 36000], [334, "plannedOverspend", 41000], [335, "riskReserveRelease", 11000], [732, "earmarked", 2700],
    [1617, "earmarked", 3400], [2237, "earmarked", 3600], [2280, "plannedOverspend", 41000], [2789, "earmarked", 10400], [2875, "earmarked", 6800],
  ],
};

it.each(fixtures as string[])("%s: every correction the analysis names is found, and no other", (name) => {
  expect(report(name).corrections.map((c) => [c.line, c.kind, c.amount.value])).toEqual(statedCorrections[name]);
});

describe("the corrections the text states fill the bridge", () => {
  it("Sagene: 28 682 − 10 373 = 18 309 against «18,30 millioner» (a rounding note), and against the per-unit table's 18 306", () => {
    const r = report("sagene-2024");
    const correction = r.corrections.find((c) => c.line === 257);
    expect(correction).toMatchObject({ kind: "earmarked", amount: { value: 10370, precision: 5, unit: "kNOK" }, scope: { level: "district" } });
    expect(correction!.quote).toContain("øremerkede midler på 10,37 millioner kroner");
    const at258 = r.statements.filter((s) => s.line === 258);
    const byRef = (table: string) => at258.find((s) => s.reference?.table === table);
    expect(byRef("bridge")).toMatchObject({ subject: "ordinaryResult", stated: { value: 18300, precision: 5 }, reference: { value: 18309, line: 252 }, difference: -9, verdict: "withinRounding" });
    expect(byRef("enhet")).toMatchObject({ reference: { value: 18306, line: 4079, column: "ordinaryVariance" }, difference: -6, verdict: "withinRounding" });
    expect(byRef("text")).toMatchObject({ subject: "arithmetic", reference: { value: 18310 }, verdict: "withinRounding" });
    const net = r.statements.find((s) => s.line === 256 && s.subject === "netVariance");
    expect(net).toMatchObject({ reference: { table: "0.1B", line: 252, value: 28682 }, verdict: "agrees" });
    const notes = r.findings.filter((f) => f.code === "PROSE_MISMATCH" && f.line === 258);
    expect(notes.length).toBeGreaterThan(0);
    expect(notes.every((f) => f.severity === "info")).toBe(true);
  });

  it("Sagene: the unit whose percent deviation is copied from the district's (+1,0 % for 4,8 %) is an error naming both lines", () => {
    const f = report("sagene-2024").findings.find((x) => x.code === "PROSE_MISMATCH" && x.line === 4650);
    expect(f).toMatchObject({ severity: "error", referenceLine: 4077, table: "enhet" });
    expect(f!.message).toContain("4650");
    expect(f!.message).toContain("4077");
  });

  it("Grünerløkka: 2 667 − 20 900 = −18 233 agrees with «et merforbruk på 18,2 millioner»; the text's 20,9 has no table to match", () => {
    const r = report("grunerlokka-2024");
    expect(r.corrections.find((c) => c.line === 198)).toMatchObject({ kind: "earmarked", amount: { value: 20900, precision: 50 } });
    expect(r.statements.find((s) => s.line === 200 && s.reference?.table === "bridge")).toMatchObject({ stated: { value: -18200 }, reference: { value: -18233 }, verdict: "agrees" });
    expect(r.statements.find((s) => s.line === 198 && s.subject === "earmarked")).toMatchObject({ reference: null, verdict: "unmatched" });
  });

  it("Vestre Aker: −85 141 − 20 039 = −105 180, and the planned overspend of 41 mill. gives −64 180 («64 mill.»)", () => {
    const r = report("vestre-aker-2024");
    expect(r.statements.find((s) => s.line === 77 && s.reference?.table === "bridge")).toMatchObject({ reference: { value: -105180 }, verdict: "agrees" });
    expect(r.corrections.map((c) => [c.line, c.kind])).toEqual(expect.arrayContaining([[78, "priorYearOverspend"], [257, "plannedOverspend"], [335, "riskReserveRelease"]]));
    expect(r.statements.find((s) => s.line === 258 && s.reference?.table === "bridge")).toMatchObject({ reference: { value: -64180 }, verdict: "agrees" });
    expect(r.statements.find((s) => s.line === 2246)).toMatchObject({ verdict: "contradicts", reference: { value: -24130 } });
    expect(r.findings.find((f) => f.code === "PROSE_MISMATCH" && f.line === 2246)?.severity).toBe("warning");
  });
});
