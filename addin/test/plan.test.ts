import type { Cell, SheetLayout } from "@bydel/layout";
import { describe, expect, it } from "vitest";
import { renameReferences } from "../src/excel/names.js";
import { cellOps, columnOps, defaultLimits, opBytes, rowHeightOps, sheetOps, styleOps, toRequests, type Op } from "../src/excel/plan.js";
import { areasOf } from "../src/excel/writer.js";

const sheet = (rows: (Cell | null)[][], extra: Partial<SheetLayout> = {}): SheetLayout => ({
  name: "Ark",
  rows,
  columns: [],
  tables: [],
  conditionalFormats: [],
  freeze: null,
  ...extra,
});
const t = (value: string, style?: Cell["style"]): Cell => ({ kind: "text", value, ...(style ? { style } : {}) });
const n = (value: number, format?: string): Cell => ({ kind: "number", value, ...(format ? { format } : {}) });

describe("renameReferences", () => {
  const renames = {
    sheets: new Map([["økonomi", "Økonomi (2)"], ["kontroll", "Kontroll"]]),
    tables: new Map([["okonomi", "Okonomi_2"]]),
  };

  it("follows renamed sheets in quoted and bare references", () => {
    expect(renameReferences("='Økonomi'!I7-'økonomi'!$J$8", renames)).toBe("='Økonomi (2)'!I7-'Økonomi (2)'!$J$8");
    expect(renameReferences("=SUM(Økonomi!A1:A3)", renames)).toBe("=SUM('Økonomi (2)'!A1:A3)");
    expect(renameReferences("=COUNTIF('Kontroll'!A5:A9,\"Feil\")", renames)).toBe("=COUNTIF('Kontroll'!A5:A9,\"Feil\")");
  });

  it("follows renamed tables in structured references, and leaves string literals alone", () => {
    expect(renameReferences("=SUM(Okonomi[Avvik])", renames)).toBe("=SUM(Okonomi_2[Avvik])");
    expect(renameReferences("=Okonomi[[#This Row],[Avvik]]", renames)).toBe("=Okonomi_2[[#This Row],[Avvik]]");
    expect(renameReferences("=\"'Økonomi'!A1 Okonomi[x]\"&'Økonomi'!A1", renames)).toBe("=\"'Økonomi'!A1 Okonomi[x]\"&'Økonomi (2)'!A1");
    expect(renameReferences("=MinOkonomi[x]", renames)).toBe("=MinOkonomi[x]");
  });
});

describe("planning the requests", () => {
  it("writes text with the text format, blanks as \"\" and leaves null cells alone", () => {
    const [op] = cellOps(sheet([[t("=1+1"), null, { kind: "blank", format: "#,##0" }, n(5, "#,##0"), { kind: "formula", formula: "=D1*2" }]]));
    expect(op).toEqual({
      kind: "cells",
      sheet: "Ark",
      row: 0,
      col: 0,
      numberFormat: [["@", null, "#,##0", "#,##0", null]],
      formulas: [["=1+1", null, "", 5, "=D1*2"]],
    });
  });

  it("splits a tall sheet into row blocks within the row and byte limits", () => {
    const rows = Array.from({ length: 1000 }, (_, i) => [t(`rad ${i}`), n(i)]);
    const byRows = cellOps(sheet(rows), { ...defaultLimits, blockRows: 300 });
    expect(byRows.map((o) => (o.kind === "cells" ? [o.row, o.formulas.length] : null))).toEqual([
      [0, 300],
      [300, 300],
      [600, 300],
      [900, 100],
    ]);
    const byBytes = cellOps(sheet(rows), { ...defaultLimits, blockBytes: 5_000 });
    expect(byBytes.length).toBeGreaterThan(5);
    for (const o of byBytes) expect(opBytes(o)).toBeLessThan(5_000 + 1_000);
    expect(byBytes.reduce((s, o) => s + (o.kind === "cells" ? o.formulas.length : 0), 0)).toBe(1000);
  });

  it("applies each style once, over merged rectangles, keeping bottom borders per row", () => {
    const bold = { bold: true };
    const line = { bold: true, bottomBorder: true };
    const ops = styleOps(
      sheet([
        [t("a", bold), t("b", bold), t("c")],
        [t("d", bold), t("e", bold), t("f")],
        [null, null, t("k", bold)],
        [t("g", line), t("h", line)],
        [t("i", line), t("j", line)],
      ]),
    );
    expect(ops).toEqual([
      { kind: "style", sheet: "Ark", addresses: "A1:B2,C3", style: bold },
      { kind: "style", sheet: "Ark", addresses: "A4:B4,A5:B5", style: line },
    ]);
  });

  it("sets equal adjacent column widths in one call", () => {
    expect(columnOps(sheet([], { columns: [{ width: 10 }, { width: 10 }, { width: 20 }, { width: 10, hidden: true }] }))).toEqual([
      { kind: "columns", sheet: "Ark", address: "A:B", width: 10, hidden: false },
      { kind: "columns", sheet: "Ark", address: "C:C", width: 20, hidden: false },
      { kind: "columns", sheet: "Ark", address: "D:D", width: 10, hidden: true },
    ]);
  });

  it("groups ops into requests within the byte budget, in order", () => {
    const ops: Op[] = Array.from({ length: 10 }, (_, i) => ({ kind: "note", sheet: "Ark", address: `A${i + 1}`, text: "x".repeat(400) }));
    const requests = toRequests(ops, { ...defaultLimits, requestBytes: 2_500 });
    expect(requests.map((r) => r.ops.length)).toEqual([2, 2, 2, 2, 2]);
    expect(requests[0]!.sheets).toEqual(["Ark"]);
    expect(requests.flatMap((r) => r.ops)).toEqual(ops);
    for (const r of requests) expect(r.bytes).toBeLessThanOrEqual(2_500);
  });

  it("reads a conditional format's areas in either notation", () => {
    expect(areasOf("I9 I11:I14")).toEqual(["I9", "I11:I14"]);
    expect(areasOf("I9,I11")).toEqual(["I9", "I11"]);
  });
});

describe("row heights and page setup", () => {
  it("merges consecutive rows of one height into one whole-row range, in row order", () => {
    const s = sheet([], { rowHeights: [{ row: 6, height: 45 }, { row: 3, height: 30 }, { row: 4, height: 30 }, { row: 5, height: 45 }, { row: 9, height: 30 }] });
    expect(rowHeightOps(s).map((o) => (o.kind === "rowHeight" ? `${o.address}=${o.height}` : o.kind))).toEqual(["4:5=30", "6:7=45", "10:10=30"]);
    expect(rowHeightOps(sheet([]))).toEqual([]);
  });

  it("plans the page setup once per sheet that has one", () => {
    const print = {
      paperSize: "A4",
      orientation: "landscape",
      fitToWidth: true,
      scale: 100,
      footer: { right: "Side &P av &N" },
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.75, header: 0.3, footer: 0.3 },
    } as const;
    expect(sheetOps(sheet([[t("x")]], { print })).filter((o) => o.kind === "print")).toEqual([{ kind: "print", sheet: "Ark", print }]);
    expect(sheetOps(sheet([[t("x")]])).some((o) => o.kind === "print")).toBe(false);
  });
});
