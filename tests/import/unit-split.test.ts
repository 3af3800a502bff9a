import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { importReport } from "@bydel/import";

const dir = fileURLToPath(new URL("../fixtures/reports/", import.meta.url));
const text = (n: string) => readFileSync(`${dir}${n}.txt`, "utf8");
const CAPTION = "Per enhet fremstår resultat med og uten særskilt øremerkede midler slik (i tusen kroner):";

// Sagene 2024, lines 4045–4079, read by hand from the text: Opprinnelig budsjett, Justert budsjett,
// Regnskap 2024, Avvik, Særskilt øremerkede midler, Resultat 2024.
const printed: [number, string, number, number, number, number, number, number][] = [
  [4069, "Psykisk helse, avh.og mestring", 91397, 92387, 107398, -15012, 330, -15342],
  [4070, "Helsestasjon og legesenter", 38700, 45759, 47365, -1606, 0, -1606],
  [4071, "Nav", 271583, 309851, 282275, 27576, 1124, 26453],
  [4072, "Barnehager", 573110, 604624, 603865, 759, 4679, -3920],
  [4073, "Ungdomstiltakene", 17372, 20480, 20036, 444, 1163, -719],
  [4074, "Barneverntjenesten", 134197, 135736, 134049, 1687, 0, 1687],
  [4075, "Hjemmebaserte tjenester", 469243, 477056, 465188, 11868, 42, 11826],
  [4076, "Tilrettelagte tjenester", 115181, 119293, 123975, -4682, 0, -4682],
  [4077, "Administrasjon og felles", 123813, 96707, 89062, 7644, 3035, 4609],
  [4079, "Sum", 1834595, 1901892, 1873212, 28680, 10373, 18306],
];
const asPrinted = (rows: { line: number; label: string; [k: string]: unknown }[]) =>
  rows.map((r) => [r.line, r.label, r.originalBudget, r.revisedBudget, r.actual, r.variance, r.earmarkedVariance, r.ordinaryVariance]);

describe("the result per unit with and without earmarked funds (split id enhet)", () => {
  const sagene = importReport(text("sagene-2024"));
  const split = sagene.varianceSplits.find((s) => s.id === "enhet")!;

  it("reads Sagene's table: the 9 units (one label wrapped over two lines) and the Sum, every column as printed", () => {
    expect(split).toMatchObject({ id: "enhet", line: 4045, title: CAPTION });
    expect(asPrinted(split.rows)).toEqual(printed);
    // the Sum row is the district: 10 373 earmarked, 18 306 ordinary ("reelt mindreforbruk på 18,30 millioner")
    const sum = split.rows.at(-1)!;
    expect(sum).toMatchObject({ isTotal: true, earmarkedVariance: 10373, ordinaryVariance: 18306, sumOf: printed.slice(0, -1).map((r) => r[0]) });
    expect(split.rows.filter((r) => r.needsReview || r.candidates)).toEqual([]);
    expect(split.rows.every((r) => r.kostra === null && r.area === null)).toBe(true);
  });

  it("checks it without false errors: only rounding (±1–2) as info", () => {
    const own = sagene.findings.filter((f) => f.line !== null && f.line >= 4045 && f.line <= 4079);
    expect(own.length).toBeGreaterThan(0); // Nav 27 576 against 1 124 + 26 453, and the Sum's 28 680 against its rows' 28 678
    expect(own.every((f) => f.severity === "info")).toBe(true);
  });

  it("is found by its caption wherever it is, with the caption wrapped, and the columns come from the header", () => {
    const lines = text("sagene-2024").split("\n");
    const table = lines.slice(4044, 4079);
    table.splice(0, 1, "Per enhet fremstår resultat med og uten særskilt", "øremerkede midler slik (i tusen kroner):");
    const moved = [...text("grunerlokka-2024").split("\n"), "", ...table, "", "Teksten går videre etter tabellen."].join("\n");
    const r = importReport(moved);
    const found = r.varianceSplits.find((s) => s.id === "enhet")!;
    expect(found.title).toBe(CAPTION);
    expect(found.rows.map((row) => [row.label, row.variance, row.earmarkedVariance, row.ordinaryVariance])).toEqual(
      printed.map((p) => [p[1], p[5], p[6], p[7]]),
    );
  });

  it("decides rows of many readings by the identities and sums, and a misprinted total is an error, not a different reading", () => {
    // "Barnehager 573 110 604 624 603 865 759 4 679 -3 920" has several readings into six columns (759 | 4 679 or
    // 759 4 679 as one …); only one keeps both avvik = justert − regnskap and resultat = avvik − øremerkede
    const misprinted = text("sagene-2024").replace("Sum 1 834 595 1 901 892 1 873 212 28 680 10 373 18 306", "Sum 1 834 595 1 901 892 1 873 212 28 680 10 973 17 706");
    const r = importReport(misprinted);
    const rows = r.varianceSplits.find((s) => s.id === "enhet")!.rows;
    expect(rows.find((row) => row.label === "Barnehager")).toMatchObject({ originalBudget: 573110, revisedBudget: 604624, actual: 603865, variance: 759, earmarkedVariance: 4679, ordinaryVariance: -3920 });
    expect(rows.at(-1)).toMatchObject({ earmarkedVariance: 10973, ordinaryVariance: 17706 });
    const errors = r.findings.filter((f) => f.severity === "error" && f.line === 4079);
    expect(errors.map((f) => f.code)).toContain("SUM_MISMATCH");
  });

  it("is absent where the report has no such table", () => {
    for (const n of ["vestre-aker-2024", "grunerlokka-2024"]) expect(importReport(text(n)).varianceSplits.some((s) => s.id === "enhet")).toBe(false);
  });
});

/** An amount as the reports print it: thousands and columns both one space apart, a hyphen for minus. */
const print = (n: number) => `${n < 0 ? "-" : ""}${Math.abs(n).toLocaleString("en-US").replace(/,/g, " ")}`;

describe("generated tables of results per unit", () => {
  const units = ["Psykisk helse og rus", "Helsestasjon", "Nav", "Barnehager", "Ungdomstiltakene", "Barnevern", "Hjemmetjenester", "Tilrettelagte tjenester", "Administrasjon og felles", "Bydelsutvalg"];
  const row = fc.record({
    original: fc.integer({ min: 0, max: 700_000 }),
    revised: fc.integer({ min: 0, max: 700_000 }),
    actual: fc.integer({ min: 0, max: 700_000 }),
    earmarked: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 6_000 }), fc.integer({ min: -500, max: 500 })),
  });
  const base = text("grunerlokka-2024");

  it("reads every row exactly or withholds it with its readings, never a wrong amount, and finds no error in a correct table", () => {
    let exact = 0;
    let total = 0;
    fc.assert(
      fc.property(fc.array(row, { minLength: 3, maxLength: units.length }), fc.boolean(), (rows, wrapped) => {
        const values = rows.map((r) => {
          const variance = r.revised - r.actual;
          return [r.original, r.revised, r.actual, variance, r.earmarked, variance - r.earmarked];
        });
        const sum = values[0]!.map((_, c) => values.reduce((a, v) => a + v[c]!, 0));
        const header = ["Enhet", "Opprinnelig", "", "budsjett", "Justert", "", "budsjett", "Regnskap", "", "2024", "Avvik", "", "Særskilt", "øremerkede", "", "midler", "", "Resultat", "2024", ""];
        const body = values.map((v, i) => (wrapped && i === 0 ? `Psykisk helse, avh.og\nmestring ${v.map(print).join(" ")}` : `${units[i]} ${v.map(print).join(" ")}`));
        const table = [CAPTION, "", ...header, ...body, "", `Sum ${sum.map(print).join(" ")}`, " Resultatet er endelig avvik mellom årsbudsjett og forbruk."];
        const start = base.split("\n").length + 2;
        const r = importReport(`${base}\n\n${table.join("\n")}\n`);
        const split = r.varianceSplits.find((s) => s.id === "enhet");
        expect(split).toBeDefined();
        const got = split!.rows;
        expect(got.map((g) => g.isTotal)).toEqual([...values.map(() => false), true]);
        [...values, sum].forEach((v, i) => {
          const g = got[i]!;
          const read = [g.originalBudget, g.revisedBudget, g.actual, g.variance, g.earmarkedVariance, g.ordinaryVariance];
          total++;
          if (read.every((x) => x === null)) {
            expect(g.needsReview).toBe(true);
            expect(g.candidates).toContainEqual(v);
          } else {
            expect(read).toEqual(v);
            exact++;
          }
        });
        expect(r.findings.filter((f) => f.severity === "error" && f.line !== null && f.line >= start)).toEqual([]);
      }),
      { numRuns: 150, seed: 20261122 },
    );
    // the identities and sums decide nearly every row; a withheld row is the rare exception
    expect(exact / total).toBeGreaterThan(0.95);
  });
});
