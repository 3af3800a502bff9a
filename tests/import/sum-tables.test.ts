import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Report, Statement } from "@bydel/core";
import { importReport } from "@bydel/import";

// A table in millions whose last row sums the rows above it, one column per year (Sagene's
// «Økonomiplan (i mill kr) 2023 … 2028»): the sum row against its columns, rows that print fewer
// figures than there are years placed by the sums, and withheld when the sums cannot place them.
const root = fileURLToPath(new URL("../fixtures/reports/", import.meta.url));
const sagene = importReport(readFileSync(`${root}sagene-2024.txt`, "utf8"));
const HEAD = "Årsberetning 2024 for Bydel Testbyen\n\nDersom man legger til effektene, blir økonomiplanen følgende:\n\n";

const tableStatements = (r: Report, line: number): Statement[] => r.statements.filter((s) => s.line === line && s.subject === "arithmetic" && s.reference?.table === "text");

describe("Sagene's economic plan", () => {
  const rows = tableStatements(sagene, 4179);

  it("holds each year's «Stipulert reelt årsresultat» against its column's sum", () => {
    expect(rows.map((s) => [s.reference!.column, s.stated.value, s.reference!.value, s.verdict])).toEqual([
      ["2023", -2100, -2100, "agrees"],
      ["2024", 18300, 18300, "agrees"],
      ["2025", 37800, 37800, "agrees"],
      ["2026", 25600, 25700, "withinRounding"],
      ["2027", 13000, 13000, "agrees"],
      ["2028", 0, -100, "withinRounding"],
    ]);
  });

  it("places «Rammekutt konkrete reduksjoner -0,6 0,0 0,0» in 2026–2028 and «Effekt … 6,8» in 2025, as only those sums allow", () => {
    expect(rows.find((s) => s.reference!.column === "2025")!.reference!.note).toContain("6,8");
    expect(rows.find((s) => s.reference!.column === "2026")!.reference!.note).toBe("summen av radene over: 37,8 + 37,8 − 18,3 − 40,1 − 0,6 + 9,1");
    for (const year of ["2023", "2024", "2025"]) expect(rows.find((s) => s.reference!.column === year)!.reference!.note).not.toContain("0,6");
  });

  it("notes the two rounding differences, and nothing above info", () => {
    const found = sagene.findings.filter((f) => f.line === 4179);
    expect(found.map((f) => [f.code, f.severity])).toEqual([
      ["PROSE_MISMATCH", "info"],
      ["PROSE_MISMATCH", "info"],
    ]);
  });
});

const mill = (tenths: number): string => (tenths / 10).toFixed(1).replace(".", ",");
const LABELS = ["Forbruksnivå ifht budsjettramme", "Forrige års justering pga regnskap", "Rammekutt i budsjettramme", "Effekt av budsjettforlik", "Justering handlingsrom", "Nye tiltak"];

/** A table of `years` columns; each row's cells are tenths of millions, null where the row prints none. */
function table(years: number, rows: (number | null)[][], totals: number[], totalLabel = "Stipulert reelt årsresultat"): string {
  const head = `Økonomiplan (i mill kr) ${Array.from({ length: years }, (_, k) => 2024 + k).join(" ")}\n`;
  const body = rows.map((r, k) => `${LABELS[k]} ${r.filter((v) => v !== null).map((v) => mill(v!)).join(" ")}\n`).join("");
  return `${HEAD}${head}${body}${totalLabel} ${totals.map(mill).join(" ")}\nTeksten fortsetter her.\n`;
}

const shape = fc.integer({ min: 2, max: 5 }).chain((years) =>
  fc.record({
    years: fc.constant(years),
    rows: fc.array(
      fc.array(fc.option(fc.integer({ min: -500, max: 500 }), { freq: 4 }), { minLength: years, maxLength: years }).filter((r) => r.some((v) => v !== null)),
      { minLength: 2, maxLength: 5 },
    ),
  }),
);
const sums = (years: number, rows: (number | null)[][]): number[] => Array.from({ length: years }, (_, c) => rows.reduce((a, r) => a + (r[c] ?? 0), 0));
// HEAD is four lines, the header the fifth, then the rows and the sum row
const totalLine = (_years: number, rows: unknown[]): number => 6 + rows.length;

describe("generated sum tables", () => {
  it("a correct table is never contradicted; when it is checked, each reference is the true column sum", () => {
    fc.assert(
      fc.property(shape, ({ years, rows }) => {
        const truth = sums(years, rows);
        const r = importReport(table(years, rows, truth));
        const line = totalLine(years, rows);
        const found = tableStatements(r, line);
        // the text holds no economy table (NOTHING_FOUND); a table left unchecked is said below
        expect(r.findings.filter((f) => f.severity !== "info" && f.code !== "NOTHING_FOUND" && f.code !== "AMBIGUOUS_NUMBERS")).toEqual([]);
        if (found.length === 0) {
          // left unchecked only when the short rows leave the sums undecided, and then said
          expect(rows.some((row) => row.includes(null))).toBe(true);
          expect(r.findings.some((f) => f.code === "AMBIGUOUS_NUMBERS" && f.line === line)).toBe(true);
          return;
        }
        expect(found.map((s) => s.reference!.value)).toEqual(truth.map((t) => t * 100));
        for (const s of found) expect(s.verdict).toBe("agrees");
      }),
      { numRuns: 150 },
    );
  });

  it("a full table whose Sum is off by more than its rows' rounding contradicts in that column", () => {
    fc.assert(
      fc.property(shape, fc.integer({ min: 0, max: 4 }), fc.integer({ min: 10, max: 300 }), fc.boolean(), ({ years, rows }, at, off, up) => {
        const full = rows.map((r) => r.map((v) => v ?? 0));
        const column = at % years;
        const totals = sums(years, full);
        // the rows' rounding (half a tenth each) plus the Sum's own and one unit is within rounding: beyond it contradicts
        const beyond = Math.ceil((full.length + 3) / 2) + off;
        totals[column] = totals[column]! + (up ? beyond : -beyond);
        const r = importReport(table(years, full, totals, "Sum"));
        const found = tableStatements(r, totalLine(years, full));
        expect(found.map((s) => s.reference!.column)).toEqual(Array.from({ length: years }, (_, k) => String(2024 + k)));
        found.forEach((s, c) => expect(s.verdict === "contradicts").toBe(c === column));
      }),
      { numRuns: 100 },
    );
  });

  it("a result row that is no sum of the rows above (a difference, say) is left unchecked, with no contradiction", () => {
    const text = table(3, [[1000, 1100, 1200], [900, 1000, 1300]], [100, 100, -100], "Resultat");
    const r = importReport(text);
    expect(tableStatements(r, 8)).toEqual([]);
    expect(r.findings.filter((f) => f.line === 8).map((f) => [f.code, f.severity])).toEqual([["AMBIGUOUS_NUMBERS", "info"]]);
  });

  it("a row with more figures than years leaves the table unchecked, said", () => {
    const text = `${HEAD}Økonomiplan (i mill kr) 2024 2025\nForbruksnivå 1,0 2,0 3,0\nRammekutt 1,0 1,0\nSum 2,0 3,0\n`;
    const r = importReport(text);
    expect(r.statements.filter((s) => s.reference?.table === "text")).toEqual([]);
    expect(r.findings.some((f) => f.code === "UNREADABLE_ROW" && f.severity === "warning" && f.line === 4 + 2 && /flere tall enn tabellen har år/u.test(f.message))).toBe(true);
  });
});

describe("a last row that is a difference, not a sum", () => {
  const read = (table: string) => importReport(`Årsberetning 2024 for Bydel Testbyen\n\n${table}\nDette er en setning om planen.\n`);
  it.each([
    ["Totalt resultat", "Økonomiplan (i mill kr) 2025 2026 2027\nInntekter 120,0 125,0 130,0\nKostnader 118,0 124,0 131,0\nTotalt resultat 2,0 1,0 -1,0\n"],
    ["Sum avvik", "Budsjettbalanse (mill. kr) 2025 2026\nRamme 520,4 530,1\nForbruk 515,2 528,0\nSum avvik 5,2 2,1\n"],
    ["Samlet mindreforbruk", "Prognose (mill. kr) 2024 2025\nBudsjett 520,4 530,1\nRegnskap 515,2 528,0\nSamlet mindreforbruk 5,2 2,1\n"],
  ])("«%s» that the rows do not sum to is reported unchecked, not a contradiction", (_label, table) => {
    const r = read(table);
    expect(r.findings.filter((f) => f.code === "PROSE_MISMATCH")).toEqual([]);
    expect(r.statements.filter((s) => s.verdict === "contradicts")).toEqual([]);
    expect(r.findings.some((f) => f.code === "AMBIGUOUS_NUMBERS" && f.line === 6)).toBe(true);
  });

  it("a «Totalt resultat» the rows do sum to is checked, and one off is still a contradiction", () => {
    const ok = read("Økonomiplan (i mill kr) 2025 2026\nInntekter 120,0 125,0\nKostnader -118,0 -124,0\nTotalt resultat 2,0 1,0\n");
    expect(ok.statements.filter((s) => s.inTable).map((s) => s.verdict)).toEqual(["agrees", "agrees"]);
    const off = read("Økonomiplan (i mill kr) 2025 2026\nInntekter 120,0 125,0\nKostnader -118,0 -124,0\nSum 2,0 4,0\n");
    expect(off.statements.filter((s) => s.inTable).map((s) => s.verdict)).toEqual(["agrees", "contradicts"]);
  });
});

describe("rows that are no addends", () => {
  const read = (table: string) => importReport(`Årsberetning 2024 for Bydel Testbyen\n\n${table}\nDette er en setning om planen.\n`);
  it.each([
    ["a «herav» row (a part of the row above)", "Økonomiplan (i mill kr) 2025 2026\nLønn 100,0 102,0\nherav vikarer 10,0 11,0\nAndre driftsutgifter 50,0 51,0\nSum 150,0 153,0\n"],
    ["a percent row", "Økonomiplan (i mill kr) 2025 2026\nLønn 100,0 102,0\nAndre driftsutgifter 50,0 51,0\nEndring i prosent 2,0 2,0\nSum 150,0 153,0\n"],
  ])("%s is left out of the sum: the Sum agrees", (_what, table) => {
    const r = read(table);
    expect(r.findings.filter((f) => f.code === "PROSE_MISMATCH")).toEqual([]);
    expect(r.statements.filter((s) => s.inTable).map((s) => [s.stated.value, s.reference!.value, s.verdict])).toEqual([
      [150000, 150000, "agrees"],
      [153000, 153000, "agrees"],
    ]);
  });
});
