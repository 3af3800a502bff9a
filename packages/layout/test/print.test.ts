import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { buildLayout, economyColumns, economyHeaders, ECONOMY_HEADER_ROW, parseRangeAddress, type Cell, type SheetLayout, type WorkbookLayout } from "@bydel/layout";
import { fitSheet } from "../src/fit.js";
import { CELL_PADDING, displayText, longestWord, textWidth, wrapLines } from "../src/measure.js";
import { MIN_PRINT_SCALE, printSetup, sheetWidthPoints } from "../src/print.js";
import { reportFromExpected } from "../../../tests/workbook/report-from-expected.js";

const sagene = buildLayout(reportFromExpected("sagene-2024"));
const vestreAker = buildLayout(reportFromExpected("vestre-aker-2024"));
const sheet = (layout: WorkbookLayout, name: string) => layout.sheets.find((s) => s.name === name)!;
const t = (value: string, style?: Cell["style"]): Cell => (style ? { kind: "text", value, style } : { kind: "text", value });

describe("measuring text", () => {
  it("is wider for wide letters, bold and larger type; a digit is one unit", () => {
    expect(textWidth("0000000000")).toBeCloseTo(10, 9);
    expect(textWidth("mmmm")).toBeGreaterThan(textWidth("iiii") * 3);
    expect(textWidth("Regnskap", { bold: true })).toBeGreaterThan(textWidth("Regnskap"));
    expect(textWidth("Regnskap", { fontSize: 14 })).toBeCloseTo((textWidth("Regnskap") * 14) / 11, 9);
  });

  it("shows numbers as their format does", () => {
    expect(displayText({ kind: "number", value: -1234567, format: "#,##0" })).toBe("-1 234 567");
    expect(displayText({ kind: "formula", formula: "=A1", expected: 0.1326, format: "0.0%" })).toBe("13.3%");
    expect(displayText({ kind: "formula", formula: "=A1", expected: "", format: "0.0%" })).toBe("");
    expect(displayText({ kind: "number", value: 5, format: ";;;" })).toBe("");
  });

  it("wraps at spaces into lines that each fit", () => {
    const lines = wrapLines("Oppgitt sum: opprinnelig budsjett", 12, { bold: true });
    expect(lines.join(" ")).toBe("Oppgitt sum: opprinnelig budsjett");
    for (const line of lines) expect(line.includes(" ") ? textWidth(line, { bold: true }) + CELL_PADDING : 0).toBeLessThanOrEqual(12);
  });
});

describe("fitting columns to their content", () => {
  const cellText = (fc_: fc.Arbitrary<string>) => fc_.map((s) => s.replace(/\s+/g, " ").trim());
  const words = cellText(fc.array(fc.constantFrom("Funksjonsområde", "2A", "Sum", "netto", "utgift", "+", "sosialhjelp", "Barneverntiltak", "når", "barnet", "(f.251)", "ikke"), { minLength: 1, maxLength: 14 }).map((w) => w.join(" ")));
  const number = fc.integer({ min: -99_999_999, max: 99_999_999 });

  it("never clips: every word of a table cell and every number fits its column; wrapped rows are as tall as their lines", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(words, number, words), { minLength: 1, maxLength: 12 }), fc.tuple(words, words, words), (body, headers) => {
        const rows: (Cell | null)[][] = [
          headers.map((h) => t(h, { bold: true, wrapText: true })),
          ...body.map(([a, n, b]) => [t(a), { kind: "number", value: n, format: "#,##0" } as Cell, t(b)]),
        ];
        const input: SheetLayout = { name: "A", rows, columns: [], tables: [{ name: "T", range: `A1:C${rows.length}`, style: "TableStyleMedium2", showRowStripes: true }], conditionalFormats: [], freeze: null };
        const fitted = fitSheet(input, { maxWidths: { 0: 20, 2: 15 } });
        fitted.rows.forEach((cells, r) =>
          cells.forEach((cell, c) => {
            const width = fitted.columns[c]!.width;
            const shown = displayText(cell);
            if (!cell || shown === "") return;
            if (cell.kind === "number") expect(textWidth(shown) + CELL_PADDING).toBeLessThanOrEqual(width);
            else expect(longestWord(shown, cell.style) + CELL_PADDING).toBeLessThanOrEqual(width);
            if (cell.kind === "text" && textWidth(shown, cell.style) + CELL_PADDING > width) {
              expect(cell.style?.wrapText).toBe(true);
              const lines = wrapLines(shown, width, cell.style).length;
              expect(fitted.rowHeights?.find((h) => h.row === r)?.height ?? 15).toBeGreaterThanOrEqual(lines * 15);
            }
          }),
        );
        // A text column stays within its widest, unless a word or a header of at most three lines needs more.
        const header = fitted.rows[0]![0]!;
        const bound = Math.max(20, textWidth(displayText(header), header.style) / 3 + CELL_PADDING, ...fitted.rows.map((r) => longestWord(displayText(r[0]), r[0]?.style) + CELL_PADDING));
        expect(fitted.columns[0]!.width).toBeLessThanOrEqual(bound + 0.5);
      }),
      { numRuns: 150 },
    );
  });

  it("merges text outside a table over the empty cells to its right when it would run past them, and wraps it", () => {
    const long = "Tall i 1000 kr. Avvik og Avvik i % er formler; sumrader summerer radene sine, og de oppgitte summene står lengst til høyre.";
    const fitted = fitSheet({ name: "A", rows: [[t(long)], [t("x"), t("y"), t("z")]], columns: [{ width: 10 }, { width: 10 }, { width: 10 }], tables: [], conditionalFormats: [], freeze: null });
    expect(fitted.merges).toEqual(["A1:C1"]);
    expect(fitted.rows[0]![0]!.style?.wrapText).toBe(true);
    expect(fitted.rowHeights![0]!.height).toBeGreaterThanOrEqual(wrapLines(long, 30).length * 15);
  });
});

describe("the workbook's sheets, fitted", () => {
  it("hides the columns this report leaves empty: Sagene has no earmarked split, Vestre Aker has", () => {
    const cols = (l: WorkbookLayout) => sheet(l, "Økonomi").columns;
    expect(cols(sagene)[economyColumns.earmarked]!.hidden).toBe(true);
    expect(cols(sagene)[economyColumns.ordinary]!.hidden).toBe(true);
    expect(cols(vestreAker)[economyColumns.earmarked]!.hidden).toBeFalsy();
    expect(cols(vestreAker)[economyColumns.ordinary]!.hidden).toBeFalsy();
    // Never a column that has something in it.
    for (const layout of [sagene, vestreAker])
      for (const s of layout.sheets)
        s.columns.forEach((col, c) => {
          if (!col.hidden) return;
          const top = s.tables[0] ? parseRangeAddress(s.tables[0].range).top : 0;
          for (const row of s.rows.slice(top + 1)) expect(displayText(row[c]), `${s.name} column ${c}`).toBe("");
        });
  });

  it("right-aligns the headers of numeric columns, and only those", () => {
    const eco = sheet(sagene, "Økonomi");
    const header = eco.rows[ECONOMY_HEADER_ROW]!;
    const numeric = ["previousActual", "originalBudget", "revisedBudget", "actual", "variance", "statedVariance", "variancePercent", "line"] as const;
    for (const key of numeric) expect(header[economyColumns[key]]!.style?.horizontalAlignment, economyHeaders[economyColumns[key]]).toBe("right");
    for (const key of ["table", "kostra", "label", "isTotal"] as const) expect(header[economyColumns[key]]!.style?.horizontalAlignment).toBeUndefined();
  });

  it("draws the variance bar in a column of its own, where the number is hidden and the bar is the only rule", () => {
    const eco = sheet(sagene, "Økonomi");
    const bars = eco.conditionalFormats.filter((f) => f.type === "dataBar");
    expect(bars.length).toBeGreaterThan(3);
    for (const bar of bars)
      for (const area of bar.range.split(" ")) {
        const { left, right } = parseRangeAddress(area);
        expect([left, right]).toEqual([economyColumns.varianceBar, economyColumns.varianceBar]);
      }
    expect(eco.conditionalFormats.filter((f) => f.type === "lessThan").every((f) => parseRangeAddress(f.range).left !== economyColumns.varianceBar)).toBe(true);
  });

  it("prints A4: the wide economy sheet at 73 % (8 pt) over more pages wide with its labels and header repeated; the findings one page wide", () => {
    for (const s of sagene.sheets) {
      expect(s.print).toMatchObject({ paperSize: "A4", footer: { right: "Side &P av &N" } });
      expect(s.print!.fitToWidth || s.print!.scale >= MIN_PRINT_SCALE).toBe(true);
    }
    expect(MIN_PRINT_SCALE).toBe(73);
    expect(sheet(sagene, "Økonomi").print).toMatchObject({ orientation: "landscape", fitToWidth: false, scale: 73, titleRows: { first: 3, last: 3 }, titleColumns: { first: 0, last: 2 } });
    expect(sheet(sagene, "Kontroll").print).toMatchObject({ orientation: "landscape", fitToWidth: true, titleRows: { first: 3, last: 3 } });
    expect(sheet(sagene, "Kontroll").print!.titleColumns).toBeUndefined();
  });

  it("chooses the orientation and scale from the column widths", () => {
    const of = (widths: number[]) => printSetup({ name: "A", rows: [], columns: widths.map((width) => ({ width })), tables: [], conditionalFormats: [], freeze: { rows: 1, columns: 1 } });
    expect(of([20, 20, 20])).toMatchObject({ orientation: "portrait", fitToWidth: true });
    expect(of([40, 40, 20])).toMatchObject({ orientation: "landscape", fitToWidth: true });
    const wide = Array.from({ length: 20 }, () => 12);
    expect(of(wide)).toMatchObject({ orientation: "landscape", fitToWidth: false, scale: 73, titleColumns: { first: 0, last: 0 } });
    // Hidden columns take no room.
    const hidden = printSetup({ name: "A", rows: [], columns: wide.map((width, i) => ({ width, hidden: i > 4 })), tables: [], conditionalFormats: [], freeze: null });
    expect(hidden).toMatchObject({ orientation: "portrait", fitToWidth: true });
    // The boundary: one page wide exactly while the scale stays at 73 % or more.
    const page = (11.69 - 1) * 72;
    const sheetOf = (n: number) => ({ name: "A", rows: [], columns: Array.from({ length: n }, () => ({ width: 10 })), tables: [], conditionalFormats: [], freeze: null }) as SheetLayout;
    for (let n = 5; n < 40; n++) {
      const s = sheetOf(n);
      expect(printSetup(s).fitToWidth, `${n} columns`).toBe((page / sheetWidthPoints(s)) * 100 >= 73);
    }
  });

  it("starts the chart's section on a new page, and the chart spans the sheet's columns right of its anchor", () => {
    const o = sheet(sagene, "Oversikt");
    const chart = o.charts![0]!;
    const [row] = o.print!.pageBreaksBefore!;
    expect((o.rows[row!]![0] as { value: string }).value).toMatch(/^Diagram/);
    expect(chart.width).toBeGreaterThan(300);
    expect(chart.width).toBeLessThanOrEqual(o.columns.slice(2).reduce((sum, c) => sum + Math.round(c.width * 7 + 5) * 0.75, 0));
  });
});

describe("the comparison sheet", () => {
  it("keeps the column of a district whose report has no Tabell 0.1 B (empty is the finding)", async () => {
    const { buildCombinedLayout } = await import("@bydel/layout");
    const a = reportFromExpected("sagene-2024");
    const b = { ...reportFromExpected("vestre-aker-2024"), budgetTables: [] };
    const comparison = buildCombinedLayout([a, b]).sheets[0]!;
    expect(comparison.columns.length).toBe(3);
    expect(comparison.columns.every((c) => !c.hidden)).toBe(true);
    expect(comparison.rows.slice(4).every((r) => r[2]?.kind === "blank")).toBe(true);
  });
});
