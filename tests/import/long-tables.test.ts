import { describe, expect, it } from "vitest";
import { importReport } from "@bydel/import";

/** No limit drops rows: a table of 150 rows is read whole, its Sum row included. */
describe("a long table", () => {
  it("is read to its last row", () => {
    const n = 150;
    const nb = (v: number) => v.toLocaleString("nb-NO").replace(/\s/gu, "\u00A0");
    const rows = Array.from({ length: n }, (_, i) => {
      const budget = 1000 + i * 7;
      const actual = 900 + i * 5;
      return `${100 + i} Funksjon ${"abcdefghij"[i % 10]}${"klmnopqrst"[Math.floor(i / 10) % 10]}   ${nb(1000 + i)}   ${nb(budget)}   ${nb(budget)}   ${nb(actual)}   ${nb(budget - actual)}`;
    });
    const sum = (f: (i: number) => number) => Array.from({ length: n }, (_, i) => f(i)).reduce((a, b) => a + b, 0);
    const total = `Sum netto utgifter   ${nb(sum((i) => 1000 + i))}   ${nb(sum((i) => 1000 + i * 7))}   ${nb(sum((i) => 1000 + i * 7))}   ${nb(sum((i) => 900 + i * 5))}   ${nb(sum((i) => 100 + i * 2))}`;
    const text = [
      "Årsberetning 2024 Bydel Sagene",
      "",
      "3.2.4 Hovedoversikt økonomi FO1 – netto driftsutgifter",
      "",
      "Netto driftsutgifter pr. KOSTRA-funksjon   Regnskap 2023   Opprinnelig budsjett 2024   Regulert budsjett 2024   Regnskap 2024   Avvik",
      ...rows,
      total,
      "",
      "Tekst etter tabellen.",
    ].join("\n");
    const r = importReport(text);
    const table = r.budgetTables.find((t) => t.id === "FO1");
    expect(table?.rows).toHaveLength(n + 1);
    expect(table!.rows[n - 1]!.variance).toBe(100 + (n - 1) * 2);
    expect(r.findings.filter((f) => f.severity !== "info")).toEqual([]);
  });
});
