// pdfkit has no bundled types and this repo has no @types/pdfkit; vitest does not type-check tests
import PDFDocument from "pdfkit";
import { Rng } from "../import/generator.js";
import { AREAS, makeTable, TEXT_CELLS, type Cell, type GenRow, type GenTable, type Style as NumberStyle } from "../import/indicatorModel.js";
import { BOTTOM, DEJAVU, fontsOf, LEFT, PAGE_W, PROSE, wrapText, Writer, type PDFKit, type Style } from "./generator.js";

/**
 * Test-only PDF generator of indicator tables: the text test's table model
 * (tests/import/indicatorModel.ts: columns, cells, targets, deviations) drawn as a real PDF in a
 * PDF style of ./generator.ts. Header cells wrap over two or three lines (a year on its own line
 * in some styles), numbers are right-aligned (centred in one style), a text cell
 * («Ingen måling i år») wraps within its column, a row's numbers stand at the top, middle or
 * bottom of its wrapped label, a table breaks over a page with its header repeated, one table has
 * no caption, and runs are split inside numbers and labels.
 */

export interface PdfIndicatorTable {
  readonly table: GenTable;
  /** The table's service area as the import names it (FO2A), HR for sick leave. */
  readonly area: string;
  /** The line of its section heading «3.n.5 Mål, tiltak …» (the table follows it). */
  readonly heading: string;
  readonly captioned: boolean;
}

export interface IndicatorPdf {
  readonly bytes: Uint8Array;
  readonly year: number;
  readonly tables: PdfIndicatorTable[];
  readonly pages: number;
}

/** Styles whose producers centre the numbers in their columns rather than right-align them. */
const CENTRED = new Set(["courier-8-middle-nbsp"]);

/** The number style of the model's cells: the PDF style's thousands space and minus, a decimal comma. */
function numberStyle(style: Style, rng: Rng): NumberStyle {
  return {
    point: "comma",
    percentSpace: rng.pick(["space", "glued", "mixed"] as const),
    group: style.thousands === "\u00A0" ? "nbsp" : style.thousands === " " ? "space" : "thin",
    padded: false,
    unicodeMinus: style.minus !== "-",
    minus: style.minus,
  };
}

/** Characters a standard 14 font (WinAnsi) cannot show: drawn in an embedded font, as word processors do. */
const NOT_WIN_ANSI = /[^\u0020-\u007E\u00A0-\u00FF\u2013\u2014\u2018-\u201E\u2020-\u2022\u2026\u2030\u20AC]/u;

function fontFor(w: Writer, s: string, font: string): string {
  if (w.base.font === "DejaVu" || !NOT_WIN_ANSI.test(s)) return font;
  w.doc.registerFont("Fallback", DEJAVU);
  return "Fallback";
}

export function columnTitles(rng: Rng, t: GenTable, year: number, area: string, captioned: boolean): string[] {
  const titles = t.columns.map((c) => {
    if (t.shape === "monthly") return c.kind === "target" ? "Mål sykefravær" : `Sykefraværsprosent ${c.year}`;
    if (t.shape === "sickLeave") return c.kind === "target" ? `Mål ${c.year}` : `Resultat ${c.year}`;
    if (c.kind === "result") return t.shape === "targets" && rng.chance(0.5) ? `Resultat bydel ${c.year}` : `Resultat ${c.year}`;
    if (c.kind === "target") return `Måltall ${c.year}`;
    return rng.chance(0.5) ? `Avvik ${c.year} (Resultat- måltall)` : `Avvik ${c.year}`;
  });
  const first =
    t.shape === "monthly"
      ? "Måned"
      : t.shape === "sickLeave"
        ? "Sykefravær i %"
        : t.shape === "keyFigure" || !captioned
          ? ""
          : t.shape === "targets"
            ? rng.pick(["Resultatindikatorer", `Obligatoriske sentrale måltall ${area}`])
            : rng.pick(["Resultatindikatorer", "Resultatindikator", `Resultatindikatorer ${area}`]);
  void year;
  return [first, ...titles];
}

interface Geometry {
  readonly labelWidth: number;
  readonly colWidth: number;
  /** The header's size: smaller than the body's where a column title's word would not fit its column, as producers shrink it. */
  readonly headerSize: number;
}

function geometry(w: Writer, t: GenTable, titles: string[]): Geometry {
  const { style } = w;
  const n = t.columns.length;
  let widest = 0;
  for (const r of t.rows) for (const c of r.cells) if (c && !TEXT_CELLS.includes(c.raw)) widest = Math.max(widest, w.width(c.raw, fontFor(w, c.raw, w.fonts.regular)));
  for (const title of titles.slice(1)) for (const word of title.split(" ")) widest = Math.max(widest, w.width(word, w.fonts.bold));
  // the table fits the page (into the right margin at most): the label column gives way, then the columns' slack
  const room = PAGE_W - LEFT - 30;
  const labelWidth = Math.max(100, Math.min(style.labelWidth + (5 - n) * 30, room - n * Math.max(style.numberWidth, widest + 0.8 * style.size + 3)));
  const colWidth = Math.min(Math.max(style.numberWidth, widest + 0.8 * style.size + 3), (room - labelWidth) / n);
  let word = 0;
  for (const title of titles.slice(1)) for (const w1 of title.split(" ")) word = Math.max(word, w.width(w1, w.fonts.bold));
  const headerSize = Math.max(6, Math.min(style.size, (style.size * (colWidth - 4)) / word));
  return { labelWidth, colWidth, headerSize };
}

function headerCells(w: Writer, titles: string[], g: Geometry): string[][] {
  const { style } = w;
  w.doc.font(w.fonts.bold).fontSize(g.headerSize);
  return titles.map((title, i) => {
    if (i === 0) return title === "" ? [] : wrapText(w.doc, title, g.labelWidth - 8);
    let text = title;
    if (style.headerBreaks === "words") text = title.replace(/ (?!\()/gu, "\n");
    else if (style.headerBreaks === "year") text = title.replace(/ (20\d\d)/u, "\n$1");
    return wrapText(w.doc, text, g.colWidth - 4);
  });
}

function drawHeader(w: Writer, cells: string[][], g: Geometry, centred: boolean): void {
  const { style } = w;
  const size = g.headerSize;
  const lead = size * style.leading;
  const lines = Math.max(1, ...cells.map((c) => c.length));
  w.ensure(lines * lead + 4 * style.size * style.leading);
  const top = w.y + lead;
  cells.forEach((c, i) => {
    const shift = style.headerVAlign === "bottom" ? lines - c.length : 0;
    c.forEach((line, k) => {
      const y = top + (shift + k) * lead;
      if (i === 0) {
        w.text(line, LEFT, y, w.fonts.bold, size);
        return;
      }
      const right = LEFT + g.labelWidth + i * g.colWidth - 3;
      const width = w.width(line, w.fonts.bold, size);
      w.text(line, centred ? right - (g.colWidth - 3) / 2 - width / 2 : right - width, y, w.fonts.bold, size);
    });
  });
  w.y = top + (lines - 1) * lead + lead * 0.5;
  w.doc.moveTo(LEFT, w.y).lineTo(LEFT + g.labelWidth + (cells.length - 1) * g.colWidth, w.y).lineWidth(0.5).stroke();
  w.y += lead * 0.2;
}

/** A number cell, right-aligned at `right` or centred on `centre`, sometimes as two runs split inside it. */
function drawNumber(w: Writer, raw: string, right: number, centre: number | null, y: number, rng: Rng): void {
  const font = fontFor(w, raw, w.fonts.regular);
  const width = w.width(raw, font);
  const x = centre === null ? right - width : centre - width / 2;
  // split at a thousands space (no separator drawn, a gap under a quarter em) or before the decimal mark (touching)
  const group = /^(.*\d)[\u00A0\u2009\u202F\u2007 ](\d{3}\D*)$/u.exec(raw);
  const decimal = /^(.*\d)([,.]\d.*)$/u.exec(raw);
  if ((group || decimal) && rng.chance(w.style.splitNumbers)) {
    const [head, tail] = group ? [group[1]!, group[2]!] : [decimal![1]!, decimal![2]!];
    const gap = group ? w.width(" ", font) * (0.5 + rng.next() * 0.5) : rng.next() * 0.05 * w.style.size;
    const tailW = w.width(tail, font);
    const end = x + width;
    w.text(tail, end - tailW, y, font);
    w.text(head, end - tailW - gap - w.width(head, font), y, font);
    return;
  }
  w.text(raw, x, y, font);
}

function drawRow(w: Writer, row: GenRow, g: Geometry, centred: boolean, rng: Rng): void {
  const { style } = w;
  const lead = style.size * style.leading;
  w.doc.font(w.fonts.regular).fontSize(style.size);
  const labelLines = wrapText(w.doc, row.labelLines.join(" "), g.labelWidth - 8);
  // a text cell wraps within its column
  const cellLines = row.cells.map((c) => (c && TEXT_CELLS.includes(c.raw) ? wrapText(w.doc, c.raw, g.colWidth - style.size) : null));
  const textLines = Math.max(1, ...cellLines.map((l) => l?.length ?? 1));
  const rowLines = Math.max(labelLines.length, textLines);
  const first = w.y + lead;
  const last = first + (labelLines.length - 1) * lead;
  const valign = style.valign === "mixed" ? rng.pick(["top", "middle", "bottom"] as const) : style.valign;
  const numbersY = textLines > 1 ? first : valign === "top" ? first : valign === "bottom" ? last : (first + last) / 2;
  const byWord = rng.chance(style.splitLabels);
  labelLines.forEach((l, k) => {
    const y = first + k * lead;
    if (!byWord) return w.text(l, LEFT, y);
    let x = LEFT;
    for (const word of l.split(" ")) {
      w.text(word, x, y);
      x += w.width(`${word} `);
    }
  });
  row.cells.forEach((c: Cell | null, j) => {
    if (c === null) return;
    const right = LEFT + g.labelWidth + (j + 1) * g.colWidth - 3;
    const centre = centred ? right - (g.colWidth - 3) / 2 : null;
    const lines = cellLines[j];
    if (lines) {
      lines.forEach((l, k) => {
        const width = w.width(l);
        w.text(l, centre === null ? right - width : centre - width / 2, numbersY + k * lead);
      });
    } else drawNumber(w, c.raw, right, centre, numbersY, rng);
  });
  w.y = first + (rowLines - 1) * lead + lead * 0.35;
}

function rowHeight(w: Writer, row: GenRow, g: Geometry): number {
  const lead = w.style.size * w.style.leading;
  w.doc.font(w.fonts.regular).fontSize(w.style.size);
  return wrapText(w.doc, row.labelLines.join(" "), g.labelWidth - 8).length * lead + lead * 0.35;
}

/** A report's 2–4 table shapes; one table in each report has no caption (its header starts with the first column title). */
export function reportShapes(rng: Rng): { shapes: GenTable["shape"][]; uncaptioned: number } {
  const shapes = Array.from({ length: rng.int(2, 4) }, () => rng.pick(["full", "full", "targets", "keyFigure", "sickLeave", "monthly"] as const));
  return { shapes, uncaptioned: shapes.indexOf("full") };
}

/** The `t`th table of a report: its service area, its model and the «3.n.5» heading it follows. */
export function chapterTable(rng: Rng, shape: GenTable["shape"], t: number, year: number, nums: NumberStyle): { area: string; table: GenTable; code: string; heading: string } {
  const area = rng.pick(AREAS);
  const table = makeTable(rng, shape, year, nums, area);
  const code = area.split(" ")[0]!;
  return { area, table, code, heading: `3.${t + 2}.5 Mål, tiltak og resultatindikatorer, samt nøkkeltall for tjenesteproduksjon` };
}

/** Renders a report of 2–4 indicator tables in one style; `seed` varies the tables. */
export async function generateIndicatorPdf(style: Style, seed: number): Promise<IndicatorPdf> {
  const rng = new Rng(style.seed * 104_729 + seed * 7_919);
  const year = rng.int(2019, 2025);
  const district = rng.pick(["Sagene", "Alna", "Frogner", "Vestre Aker", "Grünerløkka", "Søndre Nordstrand"]);
  const nums = numberStyle(style, rng);
  const doc: PDFKit = new PDFDocument({ size: "A4", margin: 0, autoFirstPage: true, compress: true, info: { Title: `Årsberetning ${year}`, CreationDate: new Date(Date.UTC(2025, 0, 1)) } });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on("end", () => resolve()));
  const fonts = fontsOf(doc, style.font);
  const w = new Writer(doc, style, fonts, { district: `Bydel ${district}`, year });
  const centred = CENTRED.has(style.name);

  // a title page and an introduction: a report is long enough that its running header is furniture
  w.newPage();
  w.paragraph(`Årsberetning ${year} Bydel ${district}`, style.size + 6, fonts.bold);
  w.paragraph(rng.pick(PROSE));
  w.newPage();
  w.paragraph("1 Innledning", style.size + 4, fonts.bold);
  for (let i = 0; i < 3; i++) w.paragraph(rng.pick(PROSE));
  const { shapes, uncaptioned } = reportShapes(rng);
  const tables: PdfIndicatorTable[] = [];
  shapes.forEach((shape, t) => {
    const { area, table, code, heading } = chapterTable(rng, shape, t, year, nums);
    // each chapter opens a page
    w.newPage();
    w.paragraph(`3.${t + 2} Funksjonsområde ${code.slice(2)}: Tjenester`, style.size + 3, fonts.bold);
    for (let i = rng.int(style.prose[0], style.prose[1]); i > 0; i--) w.paragraph(rng.pick(PROSE));
    w.paragraph(heading, style.size + 2, fonts.bold);
    if (shape === "keyFigure") w.paragraph(`Nøkkeltall for: Funksjonsområde ${code.slice(2)} – Tjenester`, style.size, fonts.bold);
    if (shape === "monthly") w.paragraph("Sykefravær", style.size, fonts.bold);
    const captioned = t !== uncaptioned;
    const titles = columnTitles(rng, table, year, area, captioned);
    const g = geometry(w, table, titles);
    const cells = headerCells(w, titles, g);
    drawHeader(w, cells, g, centred);
    const breakAfter = style.breakTables !== null && table.rows.length >= 3 ? rng.int(0, table.rows.length - 2) : -1;
    table.rows.forEach((row, r) => {
      if ((breakAfter >= 0 && r === breakAfter + 1) || w.y + rowHeight(w, row, g) + 3 * style.size > BOTTOM) {
        w.newPage();
        drawHeader(w, cells, g, centred);
      }
      drawRow(w, row, g, centred, rng);
    });
    w.y += style.size * style.leading;
    tables.push({ table, area: shape === "sickLeave" || shape === "monthly" ? "HR" : code, heading, captioned });
    w.paragraph(`3.${t + 2}.6 Økonomi`, style.size + 2, fonts.bold);
    w.paragraph(rng.pick(PROSE));
  });
  doc.end();
  await done;
  return { bytes: new Uint8Array(Buffer.concat(chunks)), year, tables, pages: w.page };
}
