import { describe, expect, it } from "vitest";
// pdfkit has no bundled types and this repo has no @types/pdfkit; vitest does not type-check tests
import PDFDocument from "pdfkit";
import { importPdf } from "@bydel/import";
import { loadNodePdfjs } from "@bydel/import/node";
import { loadTruth, tableId, type TruthTable } from "./generator.js";
import { sameValues, valuesOf } from "./check.js";

/**
 * What some producers do that ours do not: a landscape table printed on a portrait page (the page's
 * text runs up it, turned a quarter counter-clockwise as a driver that prints landscape on portrait
 * paper writes it, or down it), read as if the page were turned to it; and bold made by drawing a
 * run twice a hair's breadth apart, read once. Every row as printed, none lost.
 */

const PORTRAIT: [number, number] = [595.28, 841.89];

async function render(table: TruthTable, turn: 0 | 90 | 270, overprint = false): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: PORTRAIT, margin: 0 });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise((r) => doc.on("end", r));
  // an upright page before, so the document is no all-turned oddity
  doc.font("Helvetica").fontSize(10).text("Årsberetning 2024 for Bydel Sagene", 62, 100, { lineBreak: false });
  doc.addPage({ size: turn === 0 ? [PORTRAIT[1], PORTRAIT[0]] : PORTRAIT, margin: 0 });
  doc.save();
  // landscape coordinates (842 wide, 595 high) onto the portrait page
  if (turn === 90) doc.rotate(-90, { origin: [0, 0] }).translate(-PORTRAIT[1], 0);
  else if (turn === 270) doc.rotate(90, { origin: [0, 0] }).translate(0, -PORTRAIT[0]);
  const cols = [380, 470, 560, 650, 740];
  let y = 60;
  doc.font("Helvetica-Bold").fontSize(10).text(table.table, 60, y, { lineBreak: false });
  y += 24;
  table.header.slice(1).forEach((h, j) => doc.font("Helvetica").fontSize(9).text(h, cols[j]! - 80, y, { width: 80, align: "right", lineBreak: false }));
  doc.text(table.header[0] ?? "", 60, y, { lineBreak: false });
  y += 18;
  for (const row of table.rows) {
    // a total in bold, or drawn twice 0.3 pt apart as producers without a bold font do
    for (const dx of overprint && row.isTotal ? [0, 0.3] : [0]) {
      doc.font(row.isTotal && !overprint ? "Helvetica-Bold" : "Helvetica").fontSize(9).text(row.label, 60 + dx, y + dx, { lineBreak: false });
      row.printed.slice(1).forEach((p, j) => {
        if (p !== "") doc.text(p, cols[j]! - 80 + dx, y + dx, { width: 80, align: "right", lineBreak: false });
      });
    }
    y += 14;
  }
  doc.restore();
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

describe("producers' quirks", () => {
  const truth = loadTruth("sagene-2024");
  const table = truth.budgetTables.find((t) => tableId(t) === "0.1B")!;

  it.each([
    ["a landscape table on a portrait page, turned 90°", 90, false],
    ["a landscape table on a portrait page, turned 270°", 270, false],
    ["its totals bold by overprinting", 0, true],
  ] as const)("%s: every row read as printed", async (_, turn, overprint) => {
    const report = await importPdf(await render(table, turn, overprint), { pdfjs: await loadNodePdfjs() });
    const got = report.budgetTables.find((t) => t.id === "0.1B");
    expect(got?.rows.map((r) => r.label)).toEqual(table.rows.map((r) => r.label));
    got!.rows.forEach((r, k) => expect(sameValues(table.rows[k]!.values, valuesOf(r)), r.label).toBe(true));
  });
});
