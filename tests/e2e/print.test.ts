import { describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildCombinedLayout, buildLayout, type WorkbookLayout } from "@bydel/layout";
import { renderXlsx } from "@bydel/xlsx";
import { fixtureNames } from "../workbook/report-from-expected.js";
import { loadReport } from "../workbook/load-report.js";
import { pdfPagePixels, pdfPages, toPdf } from "../workbook/libreoffice.js";

/**
 * The printed workbook, as LibreOffice renders every sheet to PDF. LibreOffice cuts a cell's text
 * where the cell clips it and prints ### for a number that does not fit, so the PDF's text shows
 * both: every text of every visible cell must be there whole, and no ### anywhere.
 */

// LibreOffice may break a wrapped line after a hyphen («KOSTRA-» / «funksjon»): a hyphen before a space reads the same on both sides
const collapse = (s: string) =>
  s
    .normalize("NFC")
    .replace(/\uFB01/g, "fi")
    .replace(/\uFB02/g, "fl")
    .replace(/\s+/g, " ")
    .replace(/(\S)- /g, "$1-")
    .trim();

async function printed(layout: WorkbookLayout): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), "bydel-print-"));
  try {
    const xlsx = join(dir, "workbook.xlsx");
    writeFileSync(xlsx, await renderXlsx(layout));
    return await pdfPages(await toPdf(xlsx, dir));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every text a visible cell shows (text cells, and formulas that give text), by sheet. */
function shownTexts(layout: WorkbookLayout): { sheet: string; text: string }[] {
  const out: { sheet: string; text: string }[] = [];
  for (const sheet of layout.sheets) {
    sheet.rows.forEach((cells) =>
      cells.forEach((cell, c) => {
        if (!cell || sheet.columns[c]?.hidden) return;
        const text = cell.kind === "text" ? cell.value : cell.kind === "formula" && typeof cell.expected === "string" ? cell.expected : "";
        if (collapse(text) !== "") out.push({ sheet: sheet.name, text: collapse(text) });
      }),
    );
  }
  return out;
}

function expectPrintedWhole(layout: WorkbookLayout, pages: string[]): void {
  const all = collapse(pages.join(" "));
  expect(all).not.toContain("###");
  const texts = shownTexts(layout);
  expect(texts.length).toBeGreaterThan(300);
  const missing = texts.filter((t) => !all.includes(t.text));
  expect(missing).toEqual([]);
  // Every page says which sheet it is and its number; a table's header row is on every page of its sheet.
  pages.forEach((page, i) => expect(collapse(page)).toContain(`Side ${i + 1} av ${pages.length}`));
  for (const sheet of layout.sheets) {
    const own = pages.filter((p) => collapse(p).includes(`${sheet.name} Side`));
    expect(own.length, sheet.name).toBeGreaterThan(0);
    const titles = sheet.print?.titleRows;
    if (!titles) continue;
    const header = sheet.rows[titles.first]!.filter((c, col) => c?.kind === "text" && !sheet.columns[col]?.hidden).map((c) => collapse((c as { value: string }).value));
    // At least the first visible header repeats on every page of the sheet (the label columns repeat when it is more than one page wide).
    for (const page of own) expect(collapse(page), `${sheet.name}: header row on every page`).toContain(header[0]!);
  }
}

describe("the printed workbook (LibreOffice → PDF)", () => {
  for (const name of fixtureNames) {
    it(`${name}: every sheet prints every text whole, no ###, numbered pages with the header row on each`, async () => {
      const layout = buildLayout((await loadReport(name)).report);
      const pages = await printed(layout);
      expectPrintedWhole(layout, pages);
      // Nothing is squeezed below 8 pt: a sheet that does not fit one page wide at 73 % prints wider.
      for (const sheet of layout.sheets) expect(sheet.print!.fitToWidth || sheet.print!.scale >= 73, sheet.name).toBe(true);
    });
  }

  it("the combined workbook prints whole too", async () => {
    const reports = await Promise.all(fixtureNames.map(async (n) => (await loadReport(n)).report));
    const layout = buildCombinedLayout(reports);
    expectPrintedWhole(layout, await printed(layout));
  });

  it("draws the overview's chart: its title and axis on the page, green bars above zero and red below", async () => {
    const layout = buildLayout((await loadReport("sagene-2024")).report);
    const chart = layout.sheets[0]!.charts![0]!;
    const dir = mkdtempSync(join(tmpdir(), "bydel-chart-"));
    try {
      const xlsx = join(dir, "workbook.xlsx");
      writeFileSync(xlsx, await renderXlsx(layout));
      const pdf = await toPdf(xlsx, dir);
      const pages = await pdfPages(pdf);
      // The chart's title is no cell's text: only the drawn chart puts it on a page.
      const at = pages.findIndex((p) => collapse(p).includes(collapse(chart.title)));
      expect(at).toBeGreaterThanOrEqual(0);
      const { rgb } = await pdfPagePixels(pdf, at + 1);
      const near = (hex: string) => {
        const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
        let n = 0;
        for (let i = 0; i + 2 < rgb.length; i += 3) if (Math.abs(rgb[i]! - r!) + Math.abs(rgb[i + 1]! - g!) + Math.abs(rgb[i + 2]! - b!) < 30) n++;
        return n;
      };
      const series = chart.series[0]!;
      const green = near(series.color!);
      const red = near(series.negativeColor!);
      console.info(`chart page ${at + 1}: ${green} green and ${red} red pixels`);
      expect(green).toBeGreaterThan(300);
      expect(red).toBeGreaterThan(300);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
