import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { findingCodes, indicatorSchema, reportSchema } from "@bydel/core";
import { importReport } from "../src/index.js";

const repo = (p: string) => fileURLToPath(new URL(`../../../${p}`, import.meta.url));
const sources = ["packages/import/src", "core/src/checks"].flatMap((dir) =>
  readdirSync(repo(dir), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts"))
    .map((f) => readFileSync(`${repo(dir)}/${f}`, "utf8")),
);

describe("finding codes", () => {
  it("lists every code the import and the checks emit", () => {
    const emitted = new Set(sources.flatMap((s) => [...s.matchAll(/code: "([A-Z_]+)"/g)].map((m) => m[1]!)));
    expect(emitted.size).toBeGreaterThan(8);
    for (const code of emitted) expect(findingCodes, code).toContain(code);
  });

  it("covers every finding of the fixture reports", () => {
    for (const name of ["sagene-2024", "vestre-aker-2024", "grunerlokka-2024"]) {
      const report = importReport(readFileSync(repo(`tests/fixtures/reports/${name}.txt`), "utf8"));
      for (const f of report.findings) expect(findingCodes, `${name} line ${f.line}`).toContain(f.code);
    }
  });
});

describe("schema fields the import emits", () => {
  const prose = {
    line: 2023, area: "FO3", label: "Sykefravær", unit: "percent",
    target: { raw: "7 %", operator: null, value: 7 }, result: { raw: "ca. 11,8 %", value: 11.8 },
    statedDeviation: null, deviation: 4.8, higherIsBetter: false, met: false, kind: "prose", needsReview: true,
  };

  it("accepts a prose indicator and rejects an unknown kind or a non-boolean needsReview", () => {
    expect(indicatorSchema.safeParse(prose).success).toBe(true);
    expect(indicatorSchema.safeParse({ ...prose, kind: "guess" }).success).toBe(false);
    expect(indicatorSchema.safeParse({ ...prose, needsReview: "ja" }).success).toBe(false);
  });

  it("types a split's title and a split row's needsReview", () => {
    const report = importReport(readFileSync(repo("tests/fixtures/reports/vestre-aker-2024.txt"), "utf8"));
    expect(report.varianceSplits.every((s) => typeof s.title === "string")).toBe(true);
    const bad = structuredClone(report);
    (bad.varianceSplits[0]!.rows[0] as { needsReview?: unknown }).needsReview = "ja";
    expect(reportSchema.safeParse(bad).success).toBe(false);
  });
});
