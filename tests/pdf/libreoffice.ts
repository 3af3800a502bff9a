import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
// pdfkit measures the header words in the fonts LibreOffice sets them in (no @types/pdfkit here)
import PDFDocument from "pdfkit";
import { Rng } from "../import/generator.js";
import { TEXT_CELLS, type Style as NumberStyle } from "../import/indicatorModel.js";
import { findSoffice } from "../workbook/libreoffice.js";
import { formatNumber, headings, PROSE, tableId, type Truth, type TruthTable } from "./generator.js";
import { chapterTable, columnTitles, reportShapes, type PdfIndicatorTable } from "./indicators.js";

/**
 * Test-only PDFs from another producer: LibreOffice (Calc, the LibreOffice CI installs) lays out a
 * report written as a flat OpenDocument spreadsheet and prints it to PDF. Its layout differs from
 * pdfkit's (tests/pdf/generator.ts): text items per cell line, cells with padding and borders drawn
 * as paths, header cells that wrap by width (or by hand, a line per word), a table's header row
 * repeated on every page it crosses, a page header with the district and a footer with «Side n av m»,
 * prose as wrapped text in a merged cell, bulleted lines. Each chapter is a sheet, which opens a page.
 * The same data as the pdfkit generator: the fixture reports' economy tables (*.truth.json) and the
 * indicator tables of tests/import/indicatorModel.ts.
 */

const run = promisify(execFile);

export interface LoStyle {
  readonly name: string;
  readonly seed: number;
  /** Fonts of fonts-dejavu-core, which CI installs (LibreOffice would substitute a missing one). */
  readonly font: "DejaVu Sans" | "DejaVu Serif";
  readonly size: number;
  /** The header row's size (producers set it smaller so that «Opprinnelig» fits its column). */
  readonly headerSize: number;
  /** Column widths in mm: the label column and each number column (the page's text width is 170 mm; a wider table prints its last columns on a page of their own). */
  readonly labelMm: number;
  readonly numberMm: number;
  readonly thousands: "\u00A0" | " ";
  readonly minus: "-" | "\u2212";
  readonly borders: boolean;
  /** Cell padding in mm. */
  readonly padding: number;
  /** Where a row's numbers stand against its wrapped label. */
  readonly valign: "top" | "middle" | "bottom";
  /** Header cells broken by hand, a line per word, else wrapped by the cell's width. */
  readonly headerByWord: boolean;
  readonly footer: "side" | "av" | "bare";
  /** Break the page by hand inside tables of at least this many rows (the header row repeats). */
  readonly breakTables: number | null;
}

export const LO_STYLES: readonly LoStyle[] = [
  { name: "lo-sans-9-borders-nbsp", seed: 101, font: "DejaVu Sans", size: 9, headerSize: 8, labelMm: 52, numberMm: 23, thousands: "\u00A0", minus: "-", borders: true, padding: 1, valign: "bottom", headerByWord: false, footer: "av", breakTables: 10 },
  { name: "lo-serif-10-space-minus", seed: 202, font: "DejaVu Serif", size: 10, headerSize: 9, labelMm: 57, numberMm: 22, thousands: " ", minus: "\u2212", borders: false, padding: 0.5, valign: "top", headerByWord: true, footer: "side", breakTables: 7 },
  { name: "lo-serif-11-narrow-bottom-space", seed: 404, font: "DejaVu Serif", size: 11, headerSize: 10, labelMm: 45, numberMm: 22, thousands: " ", minus: "-", borders: false, padding: 0.3, valign: "bottom", headerByWord: false, footer: "side", breakTables: 5 },
  { name: "lo-sans-8-middle-nbsp-minus", seed: 303, font: "DejaVu Sans", size: 8, headerSize: 8, labelMm: 52, numberMm: 23, thousands: "\u00A0", minus: "\u2212", borders: true, padding: 1.5, valign: "middle", headerByWord: false, footer: "bare", breakTables: null },
];

const esc = (s: string): string => s.replace(/&/gu, "&amp;").replace(/</gu, "&lt;").replace(/>/gu, "&gt;").replace(/"/gu, "&quot;");

interface Cell {
  readonly lines: string[];
  readonly style: "label" | "labelBold" | "num" | "numBold" | "head" | "headLeft" | "prose" | "heading" | "title";
  readonly span?: number;
}

interface Sheet {
  readonly head: Cell[] | null;
  /** Rows before the header (headings, prose), then the table's rows; a row of null is a page break. */
  readonly before: Cell[][];
  readonly rows: (Cell[] | null)[];
  readonly after: Cell[][];
  readonly columns: number;
  /** Column widths in mm: the label column's and each number column's. */
  readonly widths: { readonly label: number; readonly number: number };
}

function cellXml(c: Cell, columns: number): string {
  const span = c.span ?? 1;
  const attrs = span > 1 ? ` table:number-columns-spanned="${span}"` : "";
  const ps = c.lines.map((l) => `<text:p>${esc(l)}</text:p>`).join("");
  const covered = span > 1 ? `<table:covered-table-cell table:number-columns-repeated="${span - 1}"/>` : "";
  void columns;
  return `<table:table-cell table:style-name="${c.style}" office:value-type="string"${attrs}>${ps}</table:table-cell>${covered}`;
}

function rowXml(cells: Cell[], columns: number, breakBefore = false): string {
  const used = cells.reduce((n, c) => n + (c.span ?? 1), 0);
  const pad = used < columns ? `<table:table-cell table:number-columns-repeated="${columns - used}"/>` : "";
  return `<table:table-row${breakBefore ? ' table:style-name="rowBreak"' : ""}>${cells.map((c) => cellXml(c, columns)).join("")}${pad}</table:table-row>`;
}

function sheetXml(s: Sheet, k: number, style: LoStyle): string {
  const cols = `<table:table-column table:style-name="colLabel${k}"/><table:table-column table:style-name="colNumber${k}" table:number-columns-repeated="${s.columns - 1}"/>`;
  const out: string[] = [`<table:table table:name="Kapittel${k + 1}" table:style-name="sheet">`, cols];
  for (const r of s.before) out.push(rowXml(r, s.columns));
  if (s.head) out.push(`<table:table-header-rows>${rowXml(s.head, s.columns)}</table:table-header-rows>`);
  let pendingBreak = false;
  for (const r of s.rows) {
    if (r === null) pendingBreak = true;
    else {
      out.push(rowXml(r, s.columns, pendingBreak));
      pendingBreak = false;
    }
  }
  for (const r of s.after) out.push(rowXml(r, s.columns));
  out.push("</table:table>");
  void style;
  return out.join("\n");
}

function documentXml(sheets: Sheet[], style: LoStyle, runningHead: string): string {
  const border = style.borders ? ' fo:border="0.5pt solid #000000"' : "";
  const pad = ` fo:padding="${style.padding}mm"`;
  const valign = style.valign === "middle" ? "middle" : style.valign;
  const cellStyle = (name: string, props: string, para: string, text = "") =>
    `<style:style style:name="${name}" style:family="table-cell" style:parent-style-name="Default"><style:table-cell-properties${props}/><style:paragraph-properties${para}/><style:text-properties${text}/></style:style>`;
  const bold = ' fo:font-weight="bold"';
  const footer =
    style.footer === "side"
      ? "Side <text:page-number>1</text:page-number>"
      : style.footer === "av"
        ? "<text:page-number>1</text:page-number> av <text:page-count>1</text:page-count>"
        : "<text:page-number>1</text:page-number>";
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:font-face-decls><style:font-face style:name="${style.font}" svg:font-family="'${style.font}'"/></office:font-face-decls>
<office:styles>
<style:style style:name="Default" style:family="table-cell"><style:text-properties style:font-name="${style.font}" fo:font-size="${style.size}pt" fo:language="nb" fo:country="NO"/></style:style>
</office:styles>
<office:automatic-styles>
${sheets
  .map(
    (s, k) =>
      `<style:style style:name="colLabel${k}" style:family="table-column"><style:table-column-properties style:column-width="${s.widths.label.toFixed(1)}mm"/></style:style><style:style style:name="colNumber${k}" style:family="table-column"><style:table-column-properties style:column-width="${s.widths.number.toFixed(1)}mm"/></style:style>`,
  )
  .join("\n")}
<style:style style:name="rowBreak" style:family="table-row"><style:table-row-properties fo:break-before="page" style:use-optimal-row-height="true"/></style:style>
<style:style style:name="sheet" style:family="table" style:master-page-name="Report"><style:table-properties table:display="true"/></style:style>
${cellStyle("label", `${border}${pad} fo:wrap-option="wrap" style:vertical-align="top"`, ' fo:text-align="start"')}
${cellStyle("labelBold", `${border}${pad} fo:wrap-option="wrap" style:vertical-align="top"`, ' fo:text-align="start"', bold)}
${cellStyle("num", `${border}${pad} fo:wrap-option="wrap" style:vertical-align="${valign}"`, ' fo:text-align="end"')}
${cellStyle("numBold", `${border}${pad} fo:wrap-option="wrap" style:vertical-align="${valign}"`, ' fo:text-align="end"', bold)}
${cellStyle("head", `${border}${pad} fo:wrap-option="wrap" style:vertical-align="bottom"${style.borders ? ' fo:background-color="#d9e2f3"' : ""}`, ' fo:text-align="end"', `${bold} fo:font-size="${style.headerSize}pt"`)}
${cellStyle("headLeft", `${border}${pad} fo:wrap-option="wrap" style:vertical-align="bottom"${style.borders ? ' fo:background-color="#d9e2f3"' : ""}`, ' fo:text-align="start"', `${bold} fo:font-size="${style.headerSize}pt"`)}
${cellStyle("prose", ` fo:wrap-option="wrap" style:vertical-align="top" fo:padding-bottom="2mm"`, ' fo:text-align="start"', ` fo:font-size="${style.size + 1}pt"`)}
${cellStyle("heading", ` fo:wrap-option="wrap" fo:padding-top="3mm"`, ' fo:text-align="start"', `${bold} fo:font-size="${style.size + 2}pt"`)}
${cellStyle("title", "", ' fo:text-align="start"', `${bold} fo:font-size="22pt"`)}
<style:page-layout style:name="page"><style:page-layout-properties fo:page-width="210mm" fo:page-height="297mm" style:print-orientation="portrait" fo:margin-top="12mm" fo:margin-bottom="12mm" fo:margin-left="20mm" fo:margin-right="20mm" style:print="objects charts drawings" style:print-page-order="ttb"/><style:header-style><style:header-footer-properties fo:min-height="10mm" fo:margin-bottom="4mm"/></style:header-style><style:footer-style><style:header-footer-properties fo:min-height="10mm" fo:margin-top="4mm"/></style:footer-style></style:page-layout>
</office:automatic-styles>
<office:master-styles>
<style:master-page style:name="Report" style:page-layout-name="page">
<style:header><style:region-left><text:p>${esc(runningHead)}</text:p></style:region-left></style:header>
<style:footer><style:region-right><text:p>${footer}</text:p></style:region-right></style:footer>
</style:master-page>
</office:master-styles>
<office:body><office:spreadsheet>
${sheets.map((s, k) => sheetXml(s, k, style)).join("\n")}
</office:spreadsheet></office:body></office:document>
`;
}

const span = (lines: string[], style: Cell["style"], columns: number): Cell[] => [{ lines, style, span: columns }];

/** The page's text width in mm, less a little: a table wider than the page prints its last columns on a page of their own. */
const TEXT_MM = 167;
const MM_PER_PT = 25.4 / 72;
const FONT_FILES: Record<LoStyle["font"], { regular: string; bold: string }> = {
  "DejaVu Sans": { regular: "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", bold: "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf" },
  "DejaVu Serif": { regular: "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf", bold: "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf" },
};
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let measurer: any = null;

/** A word's width in mm: bold at the header's size, or regular at the body's. */
function wordWidth(style: LoStyle, word: string, bold: boolean): number {
  measurer ??= new PDFDocument({ autoFirstPage: false });
  const f = FONT_FILES[style.font];
  return measurer.font(bold ? f.bold : f.regular).fontSize(bold ? style.headerSize : style.size).widthOfString(word) * MM_PER_PT;
}

/**
 * The columns of a table: the style's widths, a number column widened so that its header's longest
 * word fits and the label column so that its labels' longest word does (an author widens a column
 * rather than let a word break), the label column giving way to the numbers where the page is too narrow.
 */
function widths(style: LoStyle, header: readonly string[], labels: readonly string[], numbers: number): { label: number; number: number } {
  const words = (texts: readonly string[]) => texts.flatMap((h) => h.split(/\s+/u)).filter((w) => w !== "");
  const widest = Math.max(0, ...words(header.slice(1)).map((w) => wordWidth(style, w, true)));
  const number = Math.max(style.numberMm, widest + 2 * style.padding + 1.5);
  const longest = Math.max(0, ...words(labels).map((w) => wordWidth(style, w, false))) + 2 * style.padding + 1.5;
  // never wider than the page: a word longer than the room left breaks, as in any producer
  return { label: Math.min(TEXT_MM - numbers * number, Math.max(longest, style.labelMm)), number };
}

/** Prose paragraphs, sometimes a bulleted list (a line per point, «•» first, as a list pasted into a cell prints). */
function prose(rng: Rng, n: number, columns: number): Cell[][] {
  const out: Cell[][] = [];
  for (let i = 0; i < n; i++) {
    if (rng.chance(0.25)) out.push(span(Array.from({ length: rng.int(2, 3) }, () => `• ${rng.pick(PROSE).split(",")[0]!}.`), "prose", columns));
    else out.push(span([rng.pick(PROSE)], "prose", columns));
  }
  return out;
}

function headerCell(title: string, style: LoStyle, left: boolean): Cell {
  const lines = style.headerByWord && !left ? title.split(" ") : [title];
  return { lines, style: left ? "headLeft" : "head" };
}

export interface LoBudgetDoc {
  readonly kind: "budget";
  readonly truth: Truth;
  readonly style: LoStyle;
  readonly textTables: string[];
  readonly fods: string;
}

/** A number column too wide for five to fit the page beside the label column: Calc prints the last ones on a later page. */
const WIDE_NUMBER_MM = 36;

/**
 * A report's economy tables as a LibreOffice document: a title page, then a sheet per table with its
 * headings and prose. `wide` names a budget table (its index) printed wider than the page, so that
 * Calc prints its last columns after its rows, on a page of their own (page order: down, then across).
 */
export function budgetDocument(truth: Truth, style: LoStyle, wide: number | null = null): LoBudgetDoc {
  const rng = new Rng(style.seed * 7919 + truth.report.length * 31 + truth.district.charCodeAt(6));
  const columns = 6;
  const sheets: Sheet[] = [
    {
      head: null,
      before: [span([`Årsberetning ${truth.year}`], "title", columns), span([truth.district], "heading", columns), span(["1 Innledning"], "heading", columns), ...prose(rng, 3, columns)],
      rows: [],
      after: [],
      columns,
      widths: { label: style.labelMm, number: style.numberMm },
    },
  ];
  let previousId: string | null = null;
  const ids: string[] = [];
  truth.budgetTables.forEach((t, k) => {
    const id = tableId(t);
    ids.push(id);
    const before = [...prose(rng, rng.int(0, 2), columns), ...headings(t, id, previousId).map((h, k) => span([h], k === 0 && !/^tall i/iu.test(h) ? "heading" : "prose", columns))];
    const fit = widths(style, t.header, t.rows.map((r) => r.printed[0] ?? r.label), columns - 1);
    sheets.push({ head: t.header.map((h, i) => headerCell(h, style, i === 0)), before, rows: budgetRows(t, style, rng), after: prose(rng, 1, columns), columns, widths: k === wide ? { label: Math.max(fit.label, style.labelMm), number: WIDE_NUMBER_MM } : fit });
    previousId = id;
  });
  return { kind: "budget", truth, style, textTables: ids, fods: documentXml(sheets, style, `${truth.district} – Årsberetning ${truth.year}`) };
}

function budgetRows(t: TruthTable, style: LoStyle, rng: Rng): (Cell[] | null)[] {
  const out: (Cell[] | null)[] = [];
  const breakAfter = style.breakTables !== null && t.rows.length >= style.breakTables ? rng.int(1, t.rows.length - 2) : -1;
  t.rows.forEach((row, r) => {
    if (r === breakAfter + 1 && breakAfter >= 0) out.push(null);
    const b = row.isTotal;
    out.push([{ lines: [row.printed[0] ?? row.label], style: b ? "labelBold" : "label" }, ...row.values.map((v): Cell => ({ lines: v === null ? [] : [formatNumber(v, style)], style: b ? "numBold" : "num" }))]);
  });
  return out;
}

export interface LoIndicatorDoc {
  readonly kind: "indicators";
  readonly style: LoStyle;
  readonly seed: number;
  readonly year: number;
  readonly tables: PdfIndicatorTable[];
  readonly fods: string;
}

function numberStyle(style: LoStyle, rng: Rng): NumberStyle {
  return { point: "comma", percentSpace: rng.pick(["space", "glued", "mixed"] as const), group: style.thousands === "\u00A0" ? "nbsp" : "space", padded: false, unicodeMinus: style.minus !== "-", minus: style.minus };
}

/** A report of 2–4 indicator tables, each under its «3.n.5» heading in a chapter of its own, as tests/pdf/indicators.ts lays them out. */
export function indicatorDocument(style: LoStyle, seed: number): LoIndicatorDoc {
  const rng = new Rng(style.seed * 104_729 + seed * 7_919);
  const year = rng.int(2019, 2025);
  const district = rng.pick(["Sagene", "Alna", "Frogner", "Vestre Aker", "Grünerløkka", "Søndre Nordstrand"]);
  const nums = numberStyle(style, rng);
  const { shapes, uncaptioned } = reportShapes(rng);
  const sheets: Sheet[] = [{ head: null, before: [span([`Årsberetning ${year} Bydel ${district}`], "title", 6), span(["1 Innledning"], "heading", 6), ...prose(rng, 3, 6)], rows: [], after: [], columns: 6, widths: { label: style.labelMm, number: style.numberMm } }];
  const tables: PdfIndicatorTable[] = [];
  shapes.forEach((shape, t) => {
    const { area, table, code, heading } = chapterTable(rng, shape, t, year, nums);
    const columns = table.columns.length + 1;
    const captioned = t !== uncaptioned;
    const titles = columnTitles(rng, table, year, area, captioned);
    const before = [span([`3.${t + 2} Funksjonsområde ${code.slice(2)}: Tjenester`], "heading", columns), ...prose(rng, rng.int(0, 2), columns), span([heading], "heading", columns)];
    if (shape === "keyFigure") before.push(span([`Nøkkeltall for: Funksjonsområde ${code.slice(2)} – Tjenester`], "prose", columns));
    if (shape === "monthly") before.push(span(["Sykefravær"], "prose", columns));
    const breakAfter = style.breakTables !== null && table.rows.length >= 3 ? rng.int(0, table.rows.length - 2) : -1;
    const rows: (Cell[] | null)[] = [];
    table.rows.forEach((row, r) => {
      if (breakAfter >= 0 && r === breakAfter + 1) rows.push(null);
      rows.push([{ lines: [row.labelLines.join(" ").replace(/\s+/gu, " ").trim()], style: "label" }, ...row.cells.map((c): Cell => ({ lines: c === null ? [] : [c.raw], style: c !== null && TEXT_CELLS.includes(c.raw) ? "label" : "num" }))]);
    });
    const after = [span([`3.${t + 2}.6 Økonomi`], "heading", columns), ...prose(rng, 1, columns)];
    sheets.push({ head: titles.map((title, i) => headerCell(title, style, i === 0)), before, rows, after, columns, widths: widths(style, titles, table.rows.map((r) => r.labelLines.join(" ")), columns - 1) });
    tables.push({ table, area: shape === "sickLeave" || shape === "monthly" ? "HR" : code, heading, captioned });
  });
  return { kind: "indicators", style, seed, year, tables, fods: documentXml(sheets, style, `Bydel ${district} – Årsberetning ${year}`) };
}

/**
 * Prints documents to PDF with one soffice run (its start-up is most of the time), in a private
 * profile so that parallel runs do not clash; bounded by a timeout. Throws (never skips) when
 * soffice is missing or a PDF is not made.
 */
export async function printWithLibreOffice(docs: readonly { readonly fods: string }[], timeoutMs = 240_000): Promise<Uint8Array[]> {
  const soffice = findSoffice();
  const dir = mkdtempSync(join(tmpdir(), "bydel-lo-pdf-"));
  try {
    const files = docs.map((d, i) => {
      const f = join(dir, `doc${i}.fods`);
      writeFileSync(f, d.fods);
      return f;
    });
    mkdirSync(join(dir, "out"));
    await run(soffice, [`-env:UserInstallation=file://${join(dir, "profile")}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", join(dir, "out"), ...files], { timeout: timeoutMs, maxBuffer: 16 << 20 });
    return docs.map((_, i) => {
      try {
        return new Uint8Array(readFileSync(join(dir, "out", `doc${i}.pdf`)));
      } catch {
        throw new Error(`LibreOffice laget ingen PDF av dokument ${i}`);
      }
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of a PDF as `pdftotext -layout` lays it out (poppler-utils). */
export async function pdftotextLayout(bytes: Uint8Array): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "bydel-pdftotext-"));
  try {
    const f = join(dir, "in.pdf");
    writeFileSync(f, bytes);
    const { stdout } = await run("pdftotext", ["-layout", "-enc", "UTF-8", f, "-"], { timeout: 60_000, maxBuffer: 64 << 20 });
    return stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
