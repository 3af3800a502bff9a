import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { importReport } from "@bydel/import";

const root = fileURLToPath(new URL("../fixtures/", import.meta.url));
const expected = JSON.parse(readFileSync(`${root}expected/vestre-aker-2024.json`, "utf8")) as {
  budgetRows: { table: string; label: string; line: number; values: (number | null)[] }[];
};
// "Tabell 0.1 B " with the space: "Tabell 0.1 Brutto" is the gross table, and its rows would break the sums of this one
const net = expected.budgetRows.filter((r) => r.table.startsWith("Tabell 0.1 B "));

const headerLines = ["Netto driftsutgifter", "Regnskap 2023", "Oppr. Budsjett 2024", "Regulert budsjett 2024", "Regnskap 2024", "Avvik reg.bud/regnskap 2024"];

/** Tabell 0.1 B of Vestre Aker, re-typeset with `format` for the numbers and `sep` between columns. */
function table(format: (v: number) => string, sep: string, eol = "\n", header = headerLines, flip = false): string {
  const rows = net.map((r) => `${r.label} ${r.values.map((v, i) => format(flip && i === 4 ? -v! : v!)).join(sep)}`);
  return ["Årsberetning 2024 Bydel Vestre Aker", "", "Tabell 0.1 B Netto driftsutgifter i 1000 kr", "", ...header, ...rows, "", "Tekst etter tabellen."].join(eol);
}

function values(text: string) {
  const t = importReport(text).budgetTables.find((x) => x.id === "0.1B")!;
  return t.rows.map((r) => [r.previousActual, r.originalBudget, r.revisedBudget, r.actual, r.variance]);
}

describe("number formats beyond the fixtures", () => {
  const want = net.map((r) => r.values);

  it("reads nb-NO formatting: no-break spaces between groups and U+2212 as minus", () => {
    const nb = new Intl.NumberFormat("nb-NO");
    expect(values(table((v) => nb.format(v), " "))).toEqual(want);
  });

  it("reads parentheses as negative", () => {
    const paren = (v: number) => (v < 0 ? `(${Math.abs(v).toLocaleString("en-US").replace(/,/g, " ")})` : v.toLocaleString("en-US").replace(/,/g, " "));
    expect(values(table(paren, " "))).toEqual(want);
  });

  it("reads columns padded with runs of spaces (pdftotext -layout) and CRLF line ends", () => {
    const plain = (v: number) => v.toLocaleString("en-US").replace(/,/g, " ");
    expect(values(table(plain, "     ", "\r\n"))).toEqual(want);
  });

  it("reads numbers printed without thousands separators", () => {
    expect(values(table((v) => String(v), " "))).toEqual(want);
  });

  it("reads a table that prints avvik as regnskap − budsjett by its own sign, and the checks report the sign", () => {
    const plain = (v: number) => v.toLocaleString("en-US").replace(/,/g, " ");
    const text = table(plain, " ", "\n", headerLines, true);
    expect(values(text)).toEqual(want.map((v) => [...v.slice(0, 4), -v[4]!]));
    const errors = importReport(text).findings.filter((f) => f.severity === "error");
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((f) => f.code === "ROW_VARIANCE_MISMATCH" || f.code === "SUM_MISMATCH")).toBe(true);
  });

  it("reads a header printed on one line, with or without the 'Netto driftsutgifter' cell", () => {
    const plain = (v: number) => v.toLocaleString("en-US").replace(/,/g, " ");
    const oneLine = ["Netto driftsutgifter   Regnskap 2023   Oppr. budsjett 2024   Regulert budsjett 2024   Regnskap 2024   Avvik 2024"];
    expect(values(table(plain, "   ", "\n", oneLine))).toEqual(want);
    const areaHeader = ["Funksjonsområde   Regnskap 2023   Oppr. budsjett 2024   Regulert budsjett 2024   Regnskap 2024   Avvik 2024"];
    expect(values(table(plain, "   ", "\n", areaHeader))).toEqual(want);
  });
});
