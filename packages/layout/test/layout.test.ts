import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Report } from "@bydel/core";
import {
  buildCombinedLayout,
  buildLayout,
  columnLetter,
  columnRuns,
  economyColumns,
  economyHeaders,
  ECONOMY_HEADER_ROW,
  indicatorHeaders,
  overviewRows,
  parseCellAddress,
  parseRangeAddress,
  severityNames,
  sheetName,
  tableName,
  type Cell,
  type SheetLayout,
  type WorkbookLayout,
} from "@bydel/layout";
import { reportFromExpected } from "../../../tests/workbook/report-from-expected.js";

const sagene = reportFromExpected("sagene-2024");
const vestreAker = reportFromExpected("vestre-aker-2024");

const sheet = (layout: WorkbookLayout, name: string): SheetLayout => {
  const s = layout.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
};
const cells = (layout: WorkbookLayout): Cell[] => layout.sheets.flatMap((s) => s.rows.flat().filter((c): c is Cell => c !== null && c !== undefined));
const economyRowOf = (s: SheetLayout, tableId: string, line: number) =>
  s.rows.find((r) => r[economyColumns.table]?.kind === "text" && (r[economyColumns.table] as { value: string }).value === tableId && r[economyColumns.line]?.kind === "number" && (r[economyColumns.line] as { value: number }).value === line)!;

describe("A1 addressing", () => {
  it("names columns like Excel", () => {
    expect([0, 25, 26, 51, 701, 702].map(columnLetter)).toEqual(["A", "Z", "AA", "AZ", "ZZ", "AAA"]);
    expect(parseCellAddress("$AA$10")).toEqual({ row: 9, col: 26 });
    expect(() => columnLetter(-1)).toThrow(/non-negative/);
  });
  it("parses a range from either corner, or a single cell, and refuses anything else", () => {
    expect(parseRangeAddress("P40:A3")).toEqual({ top: 2, left: 0, bottom: 39, right: 15 });
    expect(parseRangeAddress("$B$3")).toEqual({ top: 2, left: 1, bottom: 2, right: 1 });
    expect(() => parseRangeAddress("A1:B2:C3")).toThrow(/not an A1 range/);
    expect(() => parseRangeAddress("A:B")).toThrow(/not an A1 cell address/);
  });
  it("compacts consecutive rows into ranges", () => {
    expect(columnRuns(7, [4, 5, 6, 9])).toBe("H5:H7,H10");
    expect(columnRuns(0, [3], " ")).toBe("A4");
  });
});

describe("Excel names", () => {
  it("makes valid, unique sheet names of at most 31 characters", () => {
    const taken = new Set<string>();
    expect(sheetName("Økonomi [2024]: a/b*c?", taken)).toBe("Økonomi -2024-- a-b-c-");
    expect(sheetName("Oversikt\fSt.\u0001Hanshaugen", taken)).toBe("Oversikt St. Hanshaugen");
    expect(sheetName("'Sagene'", taken)).toBe("Sagene");
    expect(sheetName("History", taken)).toBe("Ark");
    const long = "Indikatorer Søndre Nordstrand og noe mer";
    const a = sheetName(long, taken);
    const b = sheetName(long, taken);
    expect(a.length).toBeLessThanOrEqual(31);
    expect(b.length).toBeLessThanOrEqual(31);
    expect(a.toLowerCase()).not.toBe(b.toLowerCase());
  });
  it("makes valid, unique table names", () => {
    const taken = new Set<string>();
    expect(tableName("Okonomi_Grünerløkka", taken)).toBe("Okonomi_Grunerlokka");
    expect(tableName("Okonomi_St. Hanshaugen", taken)).toBe("Okonomi_St_Hanshaugen");
    expect(tableName("A1", taken)).toBe("T_A1");
    expect(tableName("2024", taken)).toBe("T_2024");
    expect(tableName("okonomi_grunerlokka", taken)).toBe("okonomi_grunerlokka_2");
  });
});

describe("buildLayout", () => {
  const layout = buildLayout(sagene);

  it("has the five sheets with Norwegian names and Excel tables (none on the overview, two on Tekstkontroll)", () => {
    expect(layout.sheets.map((s) => s.name)).toEqual(["Oversikt", "Økonomi", "Indikatorer", "Kontroll", "Tekstkontroll"]);
    expect(layout.sheets.map((s) => s.tables.map((t) => t.name))).toEqual([[], ["Okonomi"], ["Indikatorer"], ["Kontroll"], ["Tekstkontroll", "Tekstkorreksjoner"]]);
  });

  it("writes the economy table with Norwegian headers and one row per report row", () => {
    const s = sheet(layout, "Økonomi");
    const header = s.rows[ECONOMY_HEADER_ROW]!.map((c) => (c?.kind === "text" ? c.value : null));
    expect(header).toEqual([...economyHeaders]);
    const rowCount = sagene.budgetTables.reduce((n, t) => n + t.rows.length, 0);
    expect(s.tables[0]!.range).toBe(`A4:T${4 + rowCount}`);
    expect(s.freeze).toEqual({ rows: 4, columns: 3 });
  });

  it("makes Sum rows SUM formulas over their addends and keeps the printed sums beside them", () => {
    const s = sheet(layout, "Økonomi");
    const sum = economyRowOf(s, "0.1B", 248); // Sum netto utgifter, drift (printed avvik −10 410, rows give −1 654)
    expect(sum[economyColumns.actual]).toMatchObject({ kind: "formula", formula: "=SUM(H13:H17)", expected: 1569095 });
    expect(sum[economyColumns.variance]).toMatchObject({ kind: "formula", expected: -1654 });
    expect(sum[economyColumns.statedVariance]).toMatchObject({ kind: "number", value: -10410 });
    expect(sum[economyColumns.printedActual]).toMatchObject({ kind: "number", value: 1569095 });
    const grand = economyRowOf(s, "0.1B", 252);
    expect(grand[economyColumns.actual]).toMatchObject({ kind: "formula", formula: "=SUM(H18:H19)", expected: 1873212 });
  });

  it("leaves Avvik i % blank when the budget is 0 and makes it a fraction otherwise", () => {
    const s = sheet(layout, "Økonomi");
    const zero = economyRowOf(s, "FO1", 1000); // Kontroll og revisjon: regulert 0
    expect(zero[economyColumns.variancePercent]).toMatchObject({ kind: "formula", expected: "", format: "0.0%" });
    expect((zero[economyColumns.variancePercent] as { formula: string }).formula).toMatch(/^=IF\(N\(G\d+\)=0,"",I\d+\/G\d+\)$/);
    const fo1 = economyRowOf(s, "0.1B", 243);
    expect((fo1[economyColumns.variancePercent] as { expected: number }).expected).toBeCloseTo(11786 / 50560, 12);
  });

  it("marks rows the import could not confirm", () => {
    const t = sagene.budgetTables[1]!;
    const flagged: Report = { ...sagene, budgetTables: [{ ...t, rows: t.rows.map((r, i) => (i === 0 ? { ...r, needsReview: true } : r)) }] };
    const s = sheet(buildLayout(flagged), "Økonomi");
    expect(s.rows[ECONOMY_HEADER_ROW + 1]![economyColumns.needsReview]).toMatchObject({ kind: "text", value: "Ja" });
    expect(s.rows[ECONOMY_HEADER_ROW + 2]![economyColumns.needsReview]).toMatchObject({ kind: "blank" });
  });

  it("keeps blank report cells blank, never 0", () => {
    const s = sheet(layout, "Økonomi");
    const blankRow = economyRowOf(s, "FO1", 1013); // a row without numbers
    expect(blankRow[economyColumns.actual]).toMatchObject({ kind: "blank" });
    expect(blankRow[economyColumns.variance]).toMatchObject({ kind: "formula", expected: "" });
  });

  it("uses invariant formula syntax and number formats, and gives every formula the core's value", () => {
    const formulas = cells(layout).filter((c) => c.kind === "formula");
    expect(formulas.length).toBeGreaterThan(200);
    for (const f of formulas) {
      expect(f.formula.startsWith("=")).toBe(true);
      expect(f.formula).not.toMatch(/;/);
      expect(f.expected).not.toBeUndefined();
    }
    for (const c of cells(layout)) if (c.format) expect(c.format).not.toMatch(/# ##0|0,0/);
  });

  it("computes the net result: without any split table, earmarked is a blank input cell", () => {
    const o = sheet(layout, "Oversikt");
    expect(o.rows[overviewRows.variance]![1]).toMatchObject({ kind: "formula", formula: "=N('Økonomi'!I20)", expected: 28682 });
    expect(o.rows[overviewRows.earmarked]![1]).toMatchObject({ kind: "blank", style: { fill: "FFF2CC" } });
    expect(o.rows[overviewRows.ordinary]![1]).toMatchObject({ kind: "formula", formula: "=B8-B9", expected: 28682 });
  });

  // Sagene's result per unit with and without earmarked funds (report lines 4069–4079), as the import reads it.
  const unitRows: [number, string, number, number, number][] = [
    [4069, "Psykisk helse, avh.og mestring", -15012, 330, -15342],
    [4070, "Helsestasjon og legesenter", -1606, 0, -1606],
    [4071, "Nav", 27576, 1124, 26453],
    [4072, "Barnehager", 759, 4679, -3920],
    [4073, "Ungdomstiltakene", 444, 1163, -719],
    [4074, "Barneverntjenesten", 1687, 0, 1687],
    [4075, "Hjemmebaserte tjenester", 11868, 42, 11826],
    [4076, "Tilrettelagte tjenester", -4682, 0, -4682],
    [4077, "Administrasjon og felles", 7644, 3035, 4609],
    [4079, "Sum", 28680, 10373, 18306],
  ];
  const unitSplit = (earmarkedTotal: number | null): Report["varianceSplits"][number] => ({
    id: "enhet",
    line: 4045,
    title: "Per enhet fremstår resultat med og uten særskilt øremerkede midler slik (i tusen kroner):",
    rows: unitRows.map(([line, label, variance, earmarkedVariance, ordinaryVariance]) => {
      const isTotal = label === "Sum";
      return {
        line,
        label,
        kostra: null,
        isTotal,
        variance,
        earmarkedVariance: isTotal ? earmarkedTotal : earmarkedVariance,
        ordinaryVariance,
        area: null,
        ...(isTotal ? { sumOf: unitRows.slice(0, -1).map((r) => r[0]) } : {}),
      };
    }),
  });

  it("takes earmarked funds from the result per unit when no split by service area exists: Sagene 28 682 − 10 373 = 18 309", () => {
    const l = buildLayout({ ...sagene, varianceSplits: [unitSplit(10373)] });
    const o = sheet(l, "Oversikt");
    // the printed figure in an input cell: the controller may correct it, and the formulas follow
    expect(o.rows[overviewRows.earmarked]![1]).toMatchObject({ kind: "number", value: 10373, style: { fill: "FFF2CC" } });
    expect((o.rows[overviewRows.earmarked]![1] as { note: string }).note).toMatch(/linje 4079/);
    expect(o.rows[overviewRows.earmarked]![2]).toMatchObject({ kind: "text", value: "Oppgitt i rapporten: 10\u00a0373 (resultat per enhet, linje 4079)" });
    expect(o.rows[overviewRows.ordinary]![1]).toMatchObject({ kind: "formula", formula: "=B8-B9", expected: 18309 });
    expect(o.rows[overviewRows.ordinary]![2]).toMatchObject({ kind: "text", value: "Oppgitt i rapporten: 18\u00a0306 (resultat per enhet, linje 4079)" });
    const steps = o.rows.slice(overviewRows.bridgeStart, overviewRows.bridgeStart + 7).map((r) => r[3]);
    expect(steps.map((c) => (c?.kind === "formula" ? c.expected : null))).toEqual([28682, 18309, 18309, 18309, 18309, 18309, 18309]);
    // units are not service areas or KOSTRA functions: no economy row takes an earmarked figure from them
    const eco = sheet(l, "Økonomi");
    const earmarkedCells = eco.rows.slice(ECONOMY_HEADER_ROW + 1).map((r) => r[economyColumns.earmarked]);
    expect(earmarkedCells.filter((c) => c && c.kind !== "blank")).toEqual([]);
  });

  it("prefers the split by service area to the result per unit, and leaves the input blank when the unit total is withheld", () => {
    const both = sheet(buildLayout({ ...vestreAker, varianceSplits: [...vestreAker.varianceSplits, unitSplit(99999)] }), "Oversikt");
    expect(both.rows[overviewRows.earmarked]![1]).toMatchObject({ kind: "formula", formula: "='Økonomi'!M20", expected: 20040 });
    expect(both.rows[overviewRows.earmarked]![2]).toMatchObject({ kind: "text", value: "Oppgitt i rapporten: 20\u00a0039" });
    const withheld = sheet(buildLayout({ ...sagene, varianceSplits: [unitSplit(null)] }), "Oversikt");
    expect(withheld.rows[overviewRows.earmarked]![1]).toMatchObject({ kind: "blank", style: { fill: "FFF2CC" } });
    expect(withheld.rows[overviewRows.ordinary]![1]).toMatchObject({ expected: 28682 });
  });

  it("takes earmarked funds from the split table: Vestre Aker −85 142 − 20 040 = −105 182 (printed −85 141 − 20 039 = −105 180)", () => {
    // Sum rows are SUM formulas over their rows; the rounded printed totals differ by 1–2.
    const l = buildLayout(vestreAker);
    const o = sheet(l, "Oversikt");
    expect(o.rows[overviewRows.variance]![1]).toMatchObject({ expected: -85142 });
    expect(o.rows[overviewRows.variance]![2]).toMatchObject({ kind: "text", value: "Oppgitt i rapporten: −85\u00a0141" });
    expect(o.rows[overviewRows.earmarked]![1]).toMatchObject({ kind: "formula", formula: "='Økonomi'!M20", expected: 20040 });
    expect(o.rows[overviewRows.earmarked]![2]).toMatchObject({ kind: "text", value: "Oppgitt i rapporten: 20\u00a0039" });
    expect(o.rows[overviewRows.ordinary]![1]).toMatchObject({ expected: -105182 });
    expect(o.rows[overviewRows.ordinary]![2]).toMatchObject({ kind: "text", value: "Oppgitt i rapporten: −105\u00a0180" });
    // In the economy table: each FO row has its earmarked figure, and ordinary operations as a formula.
    const eco = sheet(l, "Økonomi");
    const fo3 = economyRowOf(eco, "0.1B", 295);
    expect(fo3[economyColumns.earmarked]).toMatchObject({ kind: "number", value: 3568 });
    expect(fo3[economyColumns.ordinary]).toMatchObject({ kind: "formula", formula: "=IF(M17=\"\",\"\",N(I17)-M17)", expected: -93149 - 3568 });
    const fo4a = economyRowOf(eco, "FO4A", 2839);
    expect(fo4a[economyColumns.earmarked]).toMatchObject({ kind: "formula", expected: 10413 });
    const steps = o.rows.slice(overviewRows.bridgeStart, overviewRows.bridgeStart + 7).map((r) => r[3]);
    expect(steps.map((c) => (c?.kind === "formula" ? c.expected : null))).toEqual([-85142, -105182, -105182, -105182, -105182, -105182, -105182]);
    // Sign rules from the core: earmarked and risk reserve subtract, the others add.
    expect(o.rows.slice(overviewRows.bridgeStart + 1, overviewRows.bridgeStart + 6).map((r) => (r[1] as { value: number }).value)).toEqual([-1, 1, 1, -1, 1]);
  });

  it("counts findings by severity with COUNTIF on the findings sheet", () => {
    const o = sheet(layout, "Oversikt");
    const feil = o.rows.find((r) => r[0]?.kind === "text" && r[0].value === "Feil")!;
    expect(feil[1]).toMatchObject({ kind: "formula", formula: `=COUNTIF('Kontroll'!$A$5:$A$${4 + sagene.findings.length},"Feil")`, expected: sagene.findings.filter((f) => f.severity === "error").length });
  });

  it("lists findings by severity (errors, warnings, info), then by line", () => {
    const base = sagene.findings[0]!;
    const findings: Report["findings"] = [
      { ...base, severity: "info", line: 40, code: "A" },
      { ...base, severity: "error", line: 90, code: "B" },
      { ...base, severity: "warning", line: 12, code: "C" },
      { ...base, severity: "info", line: 3, code: "D" },
      { ...base, severity: "error", line: 7, code: "E" },
      { ...base, severity: "warning", line: null, code: "F" },
      { ...base, severity: "warning", line: 5, code: "G" },
    ] as Report["findings"];
    const k = sheet(buildLayout({ ...sagene, findings }), "Kontroll");
    const body = k.rows.slice(4, 4 + findings.length);
    expect(body.map((r) => (r[1] as { value: string }).value)).toEqual(["E", "B", "G", "C", "F", "D", "A"]);
    const rank = Object.fromEntries(Object.entries(severityNames).map(([sev, name]) => [name, { error: 0, warning: 1, info: 2 }[sev]])) as Record<string, number>;
    const keys = body.map((r) => [rank[(r[0] as { value: string }).value]!, r[2]?.kind === "number" ? r[2].value : Infinity] as const);
    expect(new Set(keys.map((k) => k[0])).size).toBeGreaterThan(1);
    for (let i = 1; i < keys.length; i++) {
      const [a, b] = [keys[i - 1]!, keys[i]!];
      expect(a[0] < b[0] || (a[0] === b[0] && a[1] <= b[1]), `row ${i}`).toBe(true);
    }
    // The same findings, none lost or doubled.
    expect(body.map((r) => (r[1] as { value: string }).value).sort()).toEqual(findings.map((f) => f.code).sort());
  });

  it("charts the variance per service area over live formulas on the overview, Sum rows left out", () => {
    const o = sheet(layout, "Oversikt");
    expect(o.charts).toHaveLength(1);
    const chart = o.charts![0]!;
    expect(chart).toMatchObject({ type: "barClustered", legend: false, series: [{ name: "Avvik" }] });
    const rowsOf = (range: string) => {
      const [a, b] = range.split(":").map((x) => parseCellAddress(x)) as [{ row: number; col: number }, { row: number; col: number }];
      expect(a.col).toBe(b.col); // one column
      return Array.from({ length: b.row - a.row + 1 }, (_, i) => ({ row: a.row + i, col: a.col }));
    };
    const categories = rowsOf(chart.categories);
    const values = rowsOf(chart.series[0]!.values);
    expect(values.map((v) => v.row)).toEqual(categories.map((c) => c.row));
    const net = sagene.budgetTables.find((t) => t.id === "0.1B")!;
    const areas = net.rows.filter((r) => !r.isTotal);
    expect(categories.map(({ row, col }) => (o.rows[row]![col] as { expected: unknown }).expected)).toEqual(areas.map((r) => r.label));
    // Each data cell points at the service-area block above (label in A, Avvik in D), so it follows edits.
    categories.forEach(({ row, col }, i) => {
      const label = o.rows[row]![col] as { kind: string; formula: string };
      const target = parseCellAddress(/^=T\((\w+)\)$/.exec(label.formula)![1]!);
      expect(o.rows[target.row]![0]).toMatchObject({ kind: "text", value: areas[i]!.label });
      const value = o.rows[values[i]!.row]![values[i]!.col] as { kind: string; formula: string; expected: unknown };
      expect(value.formula).toBe(`=D${target.row + 1}`);
      expect(value.expected).toEqual((o.rows[target.row]![3] as { expected: unknown }).expected);
    });
    // Anchored to the right of its data, below everything else.
    const anchor = parseCellAddress(chart.anchor);
    expect(anchor.col).toBeGreaterThan(values[0]!.col);
    expect(anchor.row).toBeLessThan(values[0]!.row);
    expect(chart.width).toBeGreaterThan(0);
    expect(chart.height).toBeGreaterThanOrEqual(22 * areas.length);
  });

  it("has no chart without a Tabell 0.1 B", () => {
    const none: Report = { ...sagene, budgetTables: sagene.budgetTables.filter((t) => t.id !== "0.1B") };
    expect(sheet(buildLayout(none), "Oversikt").charts).toBeUndefined();
  });

  it("writes indicators with deviation and met as formulas (pp for percentages)", () => {
    const s = sheet(layout, "Indikatorer");
    expect(s.rows[3]!.map((c) => (c?.kind === "text" ? c.value : null))).toEqual([...indicatorHeaders]);
    const i = sagene.indicators.findIndex((x) => x.line === 1195); // 51 % against 50 %: +1,0 pp
    const row = s.rows[4 + i]!;
    expect(row[8]).toMatchObject({ kind: "formula", expected: 1, format: '+0.0#" pp";-0.0#" pp";0.0" pp"' });
    expect(row[11]).toMatchObject({ kind: "formula", expected: "Ja" });
    const wrongSign = s.rows[4 + sagene.indicators.findIndex((x) => x.line === 2298)]!; // prints 30, is −30, lower is better
    expect(wrongSign[8]).toMatchObject({ expected: -30 });
    expect(wrongSign[9]).toMatchObject({ kind: "number", value: 30 });
    expect(wrongSign[11]).toMatchObject({ expected: "Ja" });
  });

  it("shows the report's own judgement where a result is stated in words, and a formula where it is a number", () => {
    const worded: Report["indicators"][number] = {
      line: 4034, area: null, label: "Saksbehandlingsfrist innsynsbegjæringer", unit: "days", kind: "prose",
      target: { raw: "3 dager", operator: null, value: 3 }, result: { raw: "overholder i hovedsak", value: null },
      statedDeviation: null, deviation: null, higherIsBetter: false, met: true,
    };
    const numeric = { ...worded, line: 4035, result: { raw: "4 dager", value: 4 }, met: false };
    const s = sheet(buildLayout({ ...sagene, indicators: [worded, numeric] }), "Indikatorer");
    expect(s.rows[4]![11]).toEqual({ kind: "text", value: "Ja", style: { horizontalAlignment: "center" } });
    expect(s.rows[5]![11]).toMatchObject({ kind: "formula", expected: "Nei" });
  });

  it("writes a label that starts with =, +, - or @ as a text cell", () => {
    const t = sagene.budgetTables[0]!;
    const hostile: Report = { ...sagene, budgetTables: [{ ...t, rows: [{ ...t.rows[0]!, label: "=SUM(A1:A9)" }, { ...t.rows[1]!, label: "-herav" }, ...t.rows.slice(2)] }] };
    const s = sheet(buildLayout(hostile), "Økonomi");
    expect(s.rows[ECONOMY_HEADER_ROW + 1]![economyColumns.label]).toEqual({ kind: "text", value: "=SUM(A1:A9)" });
    expect(s.rows[ECONOMY_HEADER_ROW + 2]![economyColumns.label]).toEqual({ kind: "text", value: "-herav" });
  });

  it("keeps words apart where report text has characters a workbook cannot hold, and respects the cell limit", () => {
    const t = sagene.budgetTables[0]!;
    const odd: Report = { ...sagene, budgetTables: [{ ...t, rows: [{ ...t.rows[0]!, label: "Sum\fnetto\u0001drift\tx" }, { ...t.rows[1]!, label: "x".repeat(40000) }] }] };
    const s = sheet(buildLayout(odd), "Økonomi");
    expect(s.rows[ECONOMY_HEADER_ROW + 1]![economyColumns.label]).toEqual({ kind: "text", value: "Sum netto drift\tx" });
    const long = s.rows[ECONOMY_HEADER_ROW + 2]![economyColumns.label] as { value: string };
    expect(long.value.length).toBe(32767);
    expect(long.value.endsWith("…")).toBe(true);
  });

  it("says so, and invents nothing, when the report has no tables (economy tables only as images)", () => {
    const empty: Report = { schemaVersion: 1, district: "St. Hanshaugen", year: 2023, budgetTables: [], varianceSplits: [], indicators: [], findings: [] };
    const l = buildLayout(empty);
    const eco = sheet(l, "Økonomi");
    expect(eco.tables[0]!.range).toBe("A4:T5");
    expect(eco.rows[4]![economyColumns.label]).toMatchObject({ kind: "text", value: expect.stringMatching(/ingen økonomitabeller/) });
    expect(cells(l).some((c) => c.kind === "number" && c.value !== 2023 && c.value !== 1 && c.value !== -1)).toBe(false);
    expect(sheet(l, "Oversikt").rows[overviewRows.variance]![1]).toMatchObject({ kind: "blank" });
  });

  it("refers to sheets through quoted names", () => {
    const refs = cells(layout).filter((c) => c.kind === "formula" && c.formula.includes("!"));
    expect(refs.length).toBeGreaterThan(10);
    for (const f of refs) expect((f as { formula: string }).formula).toMatch(/'[^']+'!/);
  });
});

describe("buildCombinedLayout", () => {
  const grunerlokka = reportFromExpected("grunerlokka-2024");
  const layout = buildCombinedLayout([sagene, vestreAker, grunerlokka]);

  it("puts the comparison first and one suffixed sheet set per report", () => {
    expect(layout.sheets[0]!.name).toBe("Sammenligning");
    expect(layout.sheets.map((s) => s.name)).toContain("Indikatorer Grünerløkka");
    expect(layout.sheets).toHaveLength(16);
    const tables = layout.sheets.flatMap((s) => s.tables.map((t) => t.name.toLowerCase()));
    expect(new Set(tables).size).toBe(tables.length);
    for (const t of tables) expect(t).toMatch(/^[a-z][a-z0-9_]*$/);
  });

  it("compares the net variance per service area with formulas into each district's sheet", () => {
    const c = layout.sheets[0]!;
    const fo1 = c.rows.find((r) => r[0]?.kind === "text" && r[0].value === "Funksjonsområde 1")!;
    expect(fo1[1]).toMatchObject({ kind: "formula", formula: "='Økonomi Sagene'!I13", expected: 11786 });
    expect(fo1[2]).toMatchObject({ kind: "formula", expected: -1337 });
  });

  it("tells two reports of one district apart by year and keeps names ≤ 31 characters", () => {
    const older = { ...sagene, year: 2023 };
    const l = buildCombinedLayout([{ ...sagene, district: "Søndre Nordstrand" }, { ...older, district: "Søndre Nordstrand" }]);
    const names = l.sheets.map((s) => s.name);
    expect(names).toContain("Økonomi Søndre Nordstrand 2024");
    expect(names).toContain("Økonomi Søndre Nordstrand 2023");
    for (const n of names) expect(n.length).toBeLessThanOrEqual(31);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
  });

  it("keeps the comparison's column headers unique when the same report comes twice", () => {
    const l = buildCombinedLayout([sagene, sagene]);
    const header = l.sheets[0]!.rows[3]!.map((c) => (c?.kind === "text" ? c.value : null));
    expect(header).toEqual(["Funksjonsområde", "Sagene 2024", "Sagene 2024 (2)"]);
    expect(l.sheets.map((s) => s.name)).toContain("Økonomi Sagene 2024 (2)");
  });

  it("refuses an empty list", () => {
    expect(() => buildCombinedLayout([])).toThrow(/minst én rapport/);
  });
});

describe("the layout package", () => {
  it("imports neither exceljs nor Office.js", () => {
    const dir = fileURLToPath(new URL("../src/", import.meta.url));
    for (const f of readdirSync(dir)) {
      const src = readFileSync(dir + f, "utf8");
      expect(src, f).not.toMatch(/from\s+["'](exceljs|office|@microsoft\/office-js)/);
      expect(src, f).not.toMatch(/\bExcel\.run\b/);
    }
  });
});
