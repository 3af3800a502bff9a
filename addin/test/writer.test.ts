import { readFileSync } from "node:fs";
import { importReport } from "@bydel/import";
import { buildLayout, type Cell, type SheetLayout, type WorkbookLayout } from "@bydel/layout";
import { describe, expect, it } from "vitest";
import { renameReferences } from "../src/excel/names.js";
import { areasOf, ImportWriteError, widthToPoints, writeWorkbook, type WriteResult } from "../src/excel/writer.js";
import { FakeWorkbook, officeError, REQUEST_LIMIT_BYTES, type FakeWorkbookSeed } from "./fake-excel.js";

const fixtures = ["sagene-2024", "vestre-aker-2024", "grunerlokka-2024"] as const;
const reportText = (name: string) => readFileSync(new URL(`../../tests/fixtures/reports/${name}.txt`, import.meta.url), "utf8");
/** The layout as the task pane writes it. */
const layoutOf = (text: string) => buildLayout(importReport(text));

async function importInto(seed: FakeWorkbookSeed, layout: WorkbookLayout, options: Parameters<typeof writeWorkbook>[2] = {}) {
  const fake = new FakeWorkbook(seed);
  const before = fake.snapshotPreexisting();
  const result = await writeWorkbook(fake.run, layout, options);
  return { fake, before, result, layout };
}

/** Every cell, format, style, table and conditional format of the layout arrived as the layout says. */
function expectFaithful(fake: FakeWorkbook, layout: WorkbookLayout, result: WriteResult): number {
  const renames = {
    sheets: new Map(result.sheets.map((s) => [s.wanted.toLowerCase(), s.name])),
    tables: new Map(result.tables.map((t) => [t.wanted.toLowerCase(), t.name])),
  };
  let cells = 0;
  for (const sheet of layout.sheets) {
    const name = renames.sheets.get(sheet.name.toLowerCase())!;
    const model = fake.sheet(name)!;
    expect(model, name).toBeDefined();
    expect(model.preexisting).toBe(false);
    sheet.rows.forEach((row, r) =>
      row.forEach((c, col) => {
        if (!c) return;
        const at = `${name}!R${r + 1}C${col + 1}`;
        const got = model.cells.get(`${r},${col}`);
        const format = model.formats.get(`${r},${col}`) ?? {};
        cells++;
        switch (c.kind) {
          case "text":
            // Writing "" leaves the cell empty, as in Excel.
            expect(got, at).toEqual(c.value === "" ? undefined : { kind: "text", value: c.value });
            break;
          case "number":
          case "boolean":
            expect(got, at).toEqual({ kind: c.kind, value: c.value });
            break;
          case "formula":
            expect(got?.kind, at).toBe("formula");
            expect(got?.converted, at).toBeUndefined();
            expect(got?.formula, at).toBe(renameReferences(c.formula, renames));
            break;
          case "blank":
            expect(got, at).toBeUndefined();
            break;
        }
        if (c.kind !== "text") expect(format.numberFormat, at).toBe(c.format);
        if (c.style?.bold !== undefined) expect(format.bold, at).toBe(c.style.bold);
        if (c.style?.fill !== undefined) expect(format.fill, at).toBe(`#${c.style.fill}`);
        if (c.style?.fontColor !== undefined) expect(format.fontColor, at).toBe(`#${c.style.fontColor}`);
        if (c.style?.wrapText !== undefined) expect(format.wrapText, at).toBe(c.style.wrapText);
        if (c.style?.verticalAlignment !== undefined) expect(format.verticalAlignment, at).toBe({ top: "Top", center: "Center", bottom: "Bottom" }[c.style.verticalAlignment]);
        if (c.style?.bottomBorder) expect(format.borders?.EdgeBottom, at).toBe("Continuous");
      }),
    );
    for (const t of sheet.tables) {
      const table = fake.tables.find((x) => x.name === renames.tables.get(t.name.toLowerCase()));
      expect(table, t.name).toBeDefined();
      expect(table!.sheet).toBe(model);
      expect(table!.address).toBe(t.range);
      expect(table!.style).toBe(t.style);
      expect(table!.showBandedRows).toBe(t.showRowStripes);
    }
    expect(model.conditionalFormats.map((f) => f.address)).toEqual(
      sheet.conditionalFormats.map((f) => areasOf(f.range).map((a) => (a.includes(":") ? a : `${a}:${a}`)).join(",")),
    );
    sheet.conditionalFormats.forEach((f, i) => {
      const got = model.conditionalFormats[i]!;
      if (f.type === "dataBar") expect([got.type, got.positiveColor, got.negativeColor]).toEqual(["DataBar", `#${f.color}`, `#${f.negativeColor}`]);
      else expect([got.type, got.fontColor, got.rule]).toEqual(["CellValue", `#${f.fontColor}`, { formula1: `=${f.value}`, operator: "LessThan" }]);
    });
    expect(model.freeze).toEqual(sheet.freeze && (sheet.freeze.rows || sheet.freeze.columns) ? sheet.freeze : null);
    sheet.columns.forEach((c, i) => expect(model.columns.get(i)?.width, `${name} column ${i}`).toBe(widthToPoints(c.width)));
    if (sheet.tabColor) expect(model.tabColor).toBe(`#${sheet.tabColor}`);
    expect(model.merges, `${name} merges`).toEqual(sheet.merges ?? []);
    expect(new Map(model.rowHeights), `${name} row heights`).toEqual(new Map((sheet.rowHeights ?? []).map((h) => [h.row, h.height])));
    expect(model.pageLayout, `${name} page layout`).toEqual(
      sheet.print
        ? {
            orientation: sheet.print.orientation === "landscape" ? "Landscape" : "Portrait",
            zoom: sheet.print.fitToWidth ? { horizontalFitToPages: 1, verticalFitToPages: 0 } : { scale: sheet.print.scale },
            paperSize: "A4",
            margins: Object.fromEntries(Object.entries(sheet.print.margins).map(([k, v]) => [`${k}Margin`, v * 72])),
            ...(sheet.print.titleRows ? { printTitleRows: `$${sheet.print.titleRows.first + 1}:$${sheet.print.titleRows.last + 1}` } : {}),
            ...(sheet.print.titleColumns ? { printTitleColumns: `$A:$${String.fromCharCode(65 + sheet.print.titleColumns.last)}` } : {}),
            ...(sheet.print.pageBreaksBefore ? { pageBreaks: sheet.print.pageBreaksBefore.map((r) => `A${r + 1}`) } : {}),
            footer: { left: sheet.print.footer.left ?? "", center: sheet.print.footer.center ?? "", right: sheet.print.footer.right ?? "" },
          }
        : {},
    );
    expect(model.charts, `${name} charts`).toEqual(
      (sheet.charts ?? []).map((c) => ({
        type: { barClustered: "BarClustered", columnClustered: "ColumnClustered" }[c.type],
        source: c.series[0]!.values,
        seriesBy: "Columns",
        title: c.title,
        legendVisible: c.legend,
        ...(c.categoriesTopDown ? { categoriesReversed: true } : {}),
        series: c.series.map((x) => ({ name: x.name, values: x.values, categories: c.categories })),
        anchor: c.anchor,
        width: c.width,
        height: c.height,
      })),
    );
  }
  return cells;
}

describe("writeWorkbook against a recording fake Excel", () => {
  it("imports Sagene in three syncs, each request far under 5 MB, with calculation suspended, then recalculates", async () => {
    const layout = layoutOf(reportText("sagene-2024"));
    const progress: string[] = [];
    const { fake, before, result } = await importInto({ sheets: [{ name: "Ark1", cells: { A1: "Mine tall", B2: 42 } }] }, layout, {
      onProgress: (p) => progress.push(`${p.done}/${p.total} ${p.text}`),
    });
    expect(result.syncs).toBe(fake.syncs.length);
    expect(result.syncs).toBe(3); // read the names in use, write, recalculate
    expect(fake.syncs[0]!.calls).toBeLessThan(10); // the first sync only reads the names in use
    for (const s of fake.syncs) expect(s.bytes).toBeLessThan(REQUEST_LIMIT_BYTES / 2);
    expect(fake.syncs.slice(1, -1).every((s) => s.suspended)).toBe(true);
    expect(fake.calculations).toEqual([{ type: "Recalculate", suspended: false }]);
    expect(expectFaithful(fake, layout, result)).toBeGreaterThan(1000);
    expect(fake.sheets.map((s) => s.name)).toEqual(["Ark1", "Oversikt", "Økonomi", "Indikatorer", "Kontroll", "Tekstkontroll"]);
    expect(fake.activeSheet).toBe("Oversikt");
    expect(fake.violations).toEqual([]);
    expect(fake.snapshotPreexisting()).toBe(before);
    expect(progress.at(-1)).toMatch(/Ferdig$/);
    expect(progress).toEqual([
      "0/1 Leser navnene på arkene og tabellene i arbeidsboken …",
      "0/1 Skriver «Oversikt», «Økonomi», «Indikatorer», «Kontroll», «Tekstkontroll» …",
      "1/1 Ferdig",
    ]);
  });

  it("draws the layout's chart: variance per service area, over the overview's live formulas", async () => {
    const { fake, layout } = await importInto({}, layoutOf(reportText("sagene-2024")));
    const overview = fake.sheet("Oversikt")!;
    expect(overview.charts).toHaveLength(1);
    const chart = overview.charts[0]!;
    expect([chart.type, chart.title, chart.legendVisible]).toEqual(["BarClustered", layout.sheets[0]!.charts![0]!.title, false]);
    const rowsOf = (range: string) => {
      const [a, b] = range.split(":").map((x) => Number(x.replace(/^[A-Z]+/, "")));
      return Array.from({ length: b! - a! + 1 }, (_, i) => a! + i);
    };
    // Each category is a formula pointing at a label of the service-area table; each value at its Avvik.
    const series = chart.series[0]!;
    const labelRows = rowsOf(series.categories!).map((r) => Number(/^=T\(A(\d+)\)$/.exec(overview.cell(`A${r}`)!.formula!)![1]));
    expect(labelRows.map((r) => overview.cell(`A${r}`)!.value)).toEqual([
      "Funksjonsområde 1",
      "Funksjonsområde 2A",
      "Funksjonsområde 2B",
      "Funksjonsområde 2C",
      "Funksjonsområde 3",
      expect.stringMatching(/^Funk\.omr\. 4/),
    ]);
    expect(rowsOf(series.values).map((r) => overview.cell(`B${r}`)!.formula)).toEqual(labelRows.map((r) => `=D${r}`));
    expect(overview.cell(`D${labelRows[0]! - 1}`)?.value).toBe("Avvik");
  });

  it("never overwrites: taken sheet names get (2), taken table names _2, and formulas follow", async () => {
    const layout = layoutOf(reportText("vestre-aker-2024"));
    const seed: FakeWorkbookSeed = {
      sheets: [
        { name: "Oversikt", cells: { A1: "Budsjett 2025", C3: "=SUM(A1:A2)" } },
        { name: "økonomi", cells: { B2: 7 } },
        { name: "Kontroll" },
      ],
      tables: [{ name: "Okonomi", sheet: "økonomi", address: "A1:B2" }],
      names: ["Indikatorer"],
    };
    const { fake, before, result } = await importInto(seed, layout);
    expect(result.sheets.map((s) => s.name)).toEqual(["Oversikt (2)", "Økonomi (2)", "Indikatorer", "Kontroll (2)", "Tekstkontroll"]);
    expect(result.tables.map((t) => t.name)).toEqual(["Okonomi_2", "Indikatorer_2", "Kontroll", "Tekstkontroll", "Tekstkorreksjoner"]);
    expect(fake.violations).toEqual([]);
    expect(fake.snapshotPreexisting()).toBe(before);
    expectFaithful(fake, layout, result);
    // The overview's formulas point at the new economy sheet, not at the one that was there.
    const formulas = [...fake.sheet("Oversikt (2)")!.cells.values()].flatMap((c) => (c.formula ? [c.formula] : []));
    expect(formulas.some((f) => f.includes("'Økonomi (2)'!"))).toBe(true);
    expect(formulas.some((f) => /'Økonomi'!/i.test(f))).toBe(false);
    expect(fake.sheet("Oversikt (2)")!.charts).toHaveLength(1);

    // And once more: the third copy gets (3).
    const again = await writeWorkbook(fake.run, layout);
    expect(again.sheets.map((s) => s.name)).toEqual(["Oversikt (3)", "Økonomi (3)", "Indikatorer (2)", "Kontroll (3)", "Tekstkontroll (2)"]);
    expect(fake.violations).toEqual([]);
  });

  it("keeps every report's import within few syncs and bytes", async () => {
    for (const name of fixtures) {
      const { fake, result, layout } = await importInto({}, layoutOf(reportText(name)));
      expect(result.syncs, name).toBeLessThanOrEqual(3);
      expect(Math.max(...fake.syncs.map((s) => s.bytes)), name).toBeLessThan(REQUEST_LIMIT_BYTES / 2);
      expectFaithful(fake, layout, result);
    }
  });

  it("splits into more, smaller requests under tight limits and writes the same workbook", async () => {
    const layout = layoutOf(reportText("sagene-2024"));
    const normal = await importInto({}, layout);
    const tight = new FakeWorkbook({});
    tight.requestLimit = 60_000; // as if Excel's limit were 60 kB
    const result = await writeWorkbook(tight.run, layout, { limits: { requestBytes: 20_000, blockBytes: 8_000, blockRows: 25 } });
    expect(result.syncs).toBeGreaterThan(normal.result.syncs + 5);
    for (const s of tight.syncs) expect(s.bytes).toBeLessThan(60_000);
    expect(tight.syncs.slice(1, -1).every((s) => s.suspended)).toBe(true);
    expect(tight.calculations).toEqual([{ type: "Recalculate", suspended: false }]);
    for (const sheet of normal.fake.sheets) {
      expect(tight.sheet(sheet.name)!.grid()).toEqual(sheet.grid());
      expect([...tight.sheet(sheet.name)!.formats]).toEqual([...sheet.formats]);
    }
    expectFaithful(tight, layout, result);
  });
});

describe("a workbook far larger than a report", () => {
  it("is written in row blocks, no request over Excel's 5 MB, every cell in place", async () => {
    const rows = 30_000;
    const big: SheetLayout = {
      name: "Stor",
      rows: Array.from({ length: rows }, (_, r): Cell[] =>
        r === 0
          ? Array.from({ length: 12 }, (_, c) => ({ kind: "text", value: `Kolonne ${c + 1}` }))
          : [
              { kind: "text", value: `- rad ${r} med en lang tekst fra rapporten` },
              ...Array.from({ length: 10 }, (_, c): Cell => ({ kind: "number", value: r * 10 + c + 0.5, format: "#,##0.0" })),
              { kind: "formula", formula: `=SUM(B${r + 1}:K${r + 1})`, format: "#,##0" },
            ],
      ),
      columns: [],
      tables: [{ name: "Stor", range: `A1:L${rows}`, style: "TableStyleLight1", showRowStripes: true }],
      conditionalFormats: [],
      freeze: { rows: 1, columns: 0 },
    };
    const { fake, result } = await importInto({}, { title: "stor", sheets: [big] });
    expect(result.requests).toBeGreaterThan(3);
    for (const s of fake.syncs) expect(s.bytes).toBeLessThan(REQUEST_LIMIT_BYTES);
    expect(fake.totalBytes).toBeGreaterThan(REQUEST_LIMIT_BYTES); // it would not have fitted in one
    const sheet = fake.sheet("Stor")!;
    expect(sheet.cells.size).toBe(rows * 12);
    expect(sheet.cell(`A${rows}`)).toEqual({ kind: "text", value: `- rad ${rows - 1} med en lang tekst fra rapporten` });
    expect(sheet.cell(`L${rows}`)?.formula).toBe(`=SUM(B${rows}:K${rows})`);
    expect(fake.tables.map((t) => t.address)).toEqual([`A1:L${rows}`]);
    expect(fake.violations).toEqual([]);
  });
});

describe("the whole layout", () => {
  it("renders row heights, vertical alignment and the page setup (Kontroll: wrapped findings, top-aligned)", async () => {
    const layout = layoutOf(reportText("sagene-2024"));
    const { fake, result } = await importInto({}, layout);
    expectFaithful(fake, layout, result);
    const kontroll = layout.sheets.find((s) => s.name === "Kontroll")!;
    expect(kontroll.rowHeights!.length).toBeGreaterThan(0);
    const model = fake.sheet("Kontroll")!;
    const { row, height } = kontroll.rowHeights![0]!;
    expect(model.rowHeights.get(row)).toBe(height);
    expect(height).toBeGreaterThan(15);
    expect(model.format(`A${row + 1}`).verticalAlignment).toBe("Top");
    for (const name of ["Oversikt", "Økonomi", "Indikatorer", "Kontroll"]) {
      const page = fake.sheet(name)!.pageLayout;
      expect(page.paperSize, name).toBe("A4");
      expect(page.footer?.right, name).toBe("Side &P av &N");
    }
    // The wide economy sheet: not squeezed below 8 pt, its header row and label columns on every page.
    expect(fake.sheet("Økonomi")!.pageLayout).toMatchObject({ orientation: "Landscape", zoom: { scale: 73 }, printTitleRows: "$4:$4", printTitleColumns: "$A:$C" });
    expect(fake.sheet("Kontroll")!.pageLayout).toMatchObject({ zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, printTitleRows: "$4:$4" });
    // The economy table's header row has room for its wrapped headers.
    expect(fake.sheet("Økonomi")!.rowHeights.get(3)).toBeGreaterThanOrEqual(30);
  });
});

describe("charts", () => {
  it("draws any chart the layout describes: column type, several series, legend, anchor and size", async () => {
    const t = (value: string): Cell => ({ kind: "text", value });
    const n = (value: number): Cell => ({ kind: "number", value });
    const sheet: SheetLayout = {
      name: "Diagram",
      rows: [
        [t("Område"), t("Budsjett"), t("Regnskap")],
        [t("FO1"), n(100), n(90)],
        [t("FO2"), n(200), n(230)],
      ],
      columns: [],
      tables: [],
      conditionalFormats: [],
      freeze: null,
      charts: [
        {
          type: "columnClustered",
          title: "Budsjett og regnskap",
          categories: "A2:A3",
          series: [
            { name: "Budsjett", values: "B2:B3" },
            { name: "Regnskap", values: "C2:C3" },
          ],
          legend: true,
          anchor: "E2",
          width: 360,
          height: 216,
        },
      ],
    };
    const layout: WorkbookLayout = { title: "d", sheets: [sheet] };
    const { fake, result } = await importInto({}, layout);
    expectFaithful(fake, layout, result);
    expect(fake.sheet("Diagram")!.charts[0]!.series).toEqual([
      { name: "Budsjett", values: "B2:B3", categories: "A2:A3" },
      { name: "Regnskap", values: "C2:C3", categories: "A2:A3" },
    ]);
  });
});

describe("cell notes", () => {
  it("are written where the host has notes (ExcelApi 1.18), and counted as left out where not", async () => {
    const layout = layoutOf(reportText("sagene-2024"));
    const expected = layout.sheets.flatMap((s) => s.rows.flat().filter((c) => c?.note)).length;
    expect(expected).toBeGreaterThan(0);
    const withNotes = await importInto({}, layout);
    expect(withNotes.fake.sheets.flatMap((s) => s.notes)).toHaveLength(expected);
    expect(withNotes.result.notesSkipped).toBe(0);
    const without = await importInto({}, layout, { notes: false });
    expect(without.fake.sheets.flatMap((s) => s.notes)).toHaveLength(0);
    expect(without.result.notesSkipped).toBe(expected);
  });
});

describe("text from a report stays text", () => {
  const risky = ["=HYPERLINK(\"http://x\")", "+47 22 00 00 00", "- herav sykefravær", "-12", "@SUM(A1)", "1/2", "0012", "12,5", "<img src=x onerror=alert(1)>"];

  it("writes formula-, number- and date-shaped labels as text (number format @ first)", async () => {
    const sheet: SheetLayout = {
      name: "Tekst",
      rows: [risky.map((value) => ({ kind: "text" as const, value }))],
      columns: [],
      tables: [],
      conditionalFormats: [],
      freeze: null,
    };
    const { fake } = await importInto({}, { title: "t", sheets: [sheet] });
    const model = fake.sheet("Tekst")!;
    risky.forEach((value, c) => {
      expect(model.cells.get(`0,${c}`)).toEqual({ kind: "text", value });
      expect(model.formats.get(`0,${c}`)?.numberFormat).toBe("@");
    });
  });

  it("the fake would have turned them into formulas and numbers without the text format", async () => {
    const fake = new FakeWorkbook({});
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.add("Rå");
      ws.getRangeByIndexes(0, 0, 1, risky.length).values = [risky];
      await context.sync();
    });
    const converted = risky.map((_, c) => {
      const cell = fake.sheet("Rå")!.cells.get(`0,${c}`)!;
      return cell.kind === "text" ? null : (cell.converted ?? cell.kind);
    });
    expect(converted).toEqual(["formula", "formula", "formula", "number", "formula", "date", "number", "number", null]);
  });

  it("keeps injected labels in a real report import as plain text cells", async () => {
    const text = reportText("sagene-2024")
      .replace("Andel fast ansatte i heltidsstillinger 71 %", '=HYPERLINK("http://x") 71 %')
      .replace("Foreldreundersøkelse: Barns trivsel 4,7", "<img src=x onerror=alert(1)> 4,7");
    const { fake, result, layout } = await importInto({}, layoutOf(text));
    expectFaithful(fake, layout, result);
    const values = fake.sheets.flatMap((s) => [...s.cells.values()]);
    const hyperlink = values.filter((c) => String(c.value).startsWith('=HYPERLINK("http://x")'));
    expect(hyperlink.length).toBeGreaterThan(0);
    for (const c of hyperlink) expect(c).toEqual({ kind: "text", value: c.value });
    expect(values.some((c) => c.kind === "text" && c.value === "<img src=x onerror=alert(1)>")).toBe(true);
    expect(values.filter((c) => c.converted)).toEqual([]);
  });
});

describe("a failed import", () => {
  const layout = () => layoutOf(reportText("grunerlokka-2024"));

  it("removes the sheets it added, leaves the rest alone and says so in Norwegian", async () => {
    const fake = new FakeWorkbook({ sheets: [{ name: "Ark1", cells: { A1: 1 } }] });
    const before = fake.snapshotPreexisting();
    fake.failAtSync = { sync: 2, error: officeError("GeneralException", "An internal error has occurred.") };
    const error = await writeWorkbook(fake.run, layout()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportWriteError);
    expect((error as Error).message).toBe(
      "Excel meldte en intern feil under importen. Ingenting som var i arbeidsboken fra før er endret. De nye arkene er fjernet igjen.",
    );
    expect(fake.sheets.map((s) => s.name)).toEqual(["Ark1"]);
    expect(fake.violations).toEqual([]);
    expect(fake.snapshotPreexisting()).toBe(before);
  });

  it("removes what earlier requests wrote when a later one fails", async () => {
    const fake = new FakeWorkbook({});
    fake.failAtSync = { sync: 5, error: officeError("GeneralException", "boom") };
    const error = await writeWorkbook(fake.run, layout(), { limits: { requestBytes: 20_000 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportWriteError);
    expect(fake.sheets.map((s) => s.name)).toEqual(["Ark1"]);
  });

  it("explains Excel's 5 MB limit and cell edit mode", async () => {
    const big = new FakeWorkbook({});
    big.requestLimit = 10_000;
    const e1 = (await writeWorkbook(big.run, layout()).catch((e: unknown) => e)) as ImportWriteError;
    expect(e1.message).toMatch(/^Excel avviste importen fordi en forespørsel ble for stor\./);
    expect((e1.cause as { code: string }).code).toBe("RequestPayloadSizeLimitExceeded");
    expect(big.sheets.map((s) => s.name)).toEqual(["Ark1"]);

    const editing = new FakeWorkbook({});
    editing.failAtSync = { sync: 1, error: officeError("InvalidOperationInCellEditMode", "cell edit mode") };
    const e2 = (await writeWorkbook(editing.run, layout()).catch((e: unknown) => e)) as ImportWriteError;
    expect(e2.message).toBe(
      "Excel er i redigeringsmodus. Trykk Enter eller Esc i cellen du redigerer, og prøv igjen. Ingenting som var i arbeidsboken fra før er endret.",
    );
  });
});
