import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { importReport } from "../src/importReport.js";

/** A report cut off inside a budget table: every cut between its first row and its Sum row is reported, never silent. */
const sagene = readFileSync(new URL("../../../tests/fixtures/reports/sagene-2024.txt", import.meta.url), "utf8").split("\n");
const first = sagene.findIndex((l) => l.startsWith("Funksjonsområde 1 38 444")) + 1;
const sum = sagene.findIndex((l) => l.startsWith("Sum netto utgifter, drift")) + 1;

describe("a report that ends mid-table", () => {
  it("has Tabell 0.1 B's rows where the fixture has them", () => {
    expect(first).toBeGreaterThan(200);
    expect(sum).toBeGreaterThan(first);
  });

  for (let cut = first; cut < sum; cut++) {
    it(`cut after line ${cut}: Tabell 0.1 B is reported incomplete, its rows read so far kept`, () => {
      const report = importReport(sagene.slice(0, cut).join("\n"));
      const net = report.budgetTables.find((t) => t.id === "0.1B");
      expect(net?.rows.length ?? 0).toBeGreaterThan(0);
      const incomplete = report.findings.filter((f) => f.code === "TABLE_INCOMPLETE" && f.table === "0.1B");
      expect(incomplete).toHaveLength(1);
      expect(incomplete[0]!.message).toMatch(/teksten slutter midt i tabellen/u);
    });
  }

  it("a table with its Sum row gets no such finding", () => {
    const report = importReport(sagene.join("\n"));
    expect(report.findings.filter((f) => f.code === "TABLE_INCOMPLETE")).toEqual([]);
  });
});
