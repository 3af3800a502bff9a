import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
// pdfkit has no bundled types and this repo has no @types/pdfkit; vitest does not type-check tests
import PDFDocument from "pdfkit";
import { Rng } from "../import/generator.js";
import { tablePicture } from "./png.js";

/**
 * Test-only PDF generator: renders a report's economy tables (from tests/fixtures/pdf/*.truth.json)
 * as a real PDF with positioned text, the way word processors and report tools lay tables out:
 * label left in the first column, numbers right-aligned in theirs, a header row whose cells wrap,
 * a running header and a page number on every page, tables broken by pages with the header
 * repeated. Each style varies the fonts, sizes, column widths, vertical alignment of the numbers
 * against a wrapped label, header wording, runs split inside numbers and labels, the thousands
 * separator and the minus sign; one table per report is a picture with no text.
 */

const fixtures = fileURLToPath(new URL("../fixtures/", import.meta.url));
export const DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
const DEJAVU_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";

export type Values = (number | null)[];

export interface TruthRow {
  readonly label: string;
  readonly kostra: string | null;
  readonly isTotal: boolean;
  readonly values: Values;
  readonly printed: string[];
}

export interface TruthTable {
  readonly table: string;
  readonly captions: string[];
  readonly header: string[];
  readonly rows: TruthRow[];
}

export interface Truth {
  readonly report: string;
  readonly district: string;
  readonly year: number;
  readonly budgetTables: TruthTable[];
}

export function loadTruth(name: string): Truth {
  return JSON.parse(readFileSync(join(fixtures, "pdf", `${name}.truth.json`), "utf8")) as Truth;
}

/** The import's id of a truth table: 0.1, 0.1B, FO1 … FO4C (the last FO name in the title wins: "FO4 – …, FO4A"). */
export function tableId(t: TruthTable): string {
  const text = `${t.table} ${t.captions.join(" ")}`;
  const fo = [...t.table.matchAll(/F[O0]\s?(\d[ABC]?)\b/giu)].pop();
  if (fo) return `FO${fo[1]!.toUpperCase()}`;
  if (/0[.,]1\s*B\b/u.test(text)) return "0.1B";
  if (/0[.,]1/u.test(text)) return "0.1";
  throw new Error(`no table id in «${t.table}»`);
}

export type Font = "Helvetica" | "Times" | "Courier" | "DejaVu";
export type VAlign = "top" | "middle" | "bottom" | "mixed";

export interface Style {
  readonly name: string;
  readonly seed: number;
  readonly font: Font;
  /** Body size of the tables (8–11); prose is a point larger. */
  readonly size: number;
  /** First column width in points; the five number columns share the rest up to `tableWidth`. */
  readonly labelWidth: number;
  readonly numberWidth: number;
  /** Where a row's numbers stand against a label wrapped over 2–3 lines. */
  readonly valign: VAlign;
  /** The header's first cell. */
  readonly headerWord: "Beløp i 1000 kr" | "Netto driftsutgifter" | "Funksjonsområde" | "";
  /** Header cells broken by hand after each word ("Opprinnelig / budsjett / 2024"), else wrapped by width. */
  readonly headerBreaks: "words" | "width" | "year";
  readonly headerVAlign: "top" | "bottom";
  /** Thousands separator inside a number. */
  readonly thousands: "\u00A0" | "\u2009" | " ";
  readonly minus: "-" | "\u2212";
  /** Share of grouped numbers drawn as two runs split at a digit group, with a gap under 0.3 × size. */
  readonly splitNumbers: number;
  /** Share of labels drawn word by word. */
  readonly splitLabels: number;
  /** Break a page inside each table of at least this many rows (after a random row), header repeated. */
  readonly breakTables: number | null;
  /** Leading as a multiple of the size. */
  readonly leading: number;
  /** Prose paragraphs between tables. */
  readonly prose: [number, number];
  readonly pageNumber: "bare" | "side" | "av";
  /** Header words abbreviated as reports print them («Oppr. budsjett», «Reg. budsjett») where the column is narrow; else the column is widened to fit them. */
  readonly abbreviate: boolean;
}

export const STYLES: readonly Style[] = [
  {
    name: "helvetica-9-bottom-nbsp",
    seed: 11,
    font: "Helvetica",
    size: 9,
    labelWidth: 190,
    numberWidth: 58,
    valign: "bottom",
    headerWord: "Beløp i 1000 kr",
    headerBreaks: "width",
    headerVAlign: "bottom",
    thousands: "\u00A0",
    minus: "-",
    splitNumbers: 0,
    splitLabels: 0,
    breakTables: null,
    leading: 1.25,
    prose: [1, 3],
    pageNumber: "bare",
    abbreviate: false,
  },
  {
    name: "times-10-top-space-splitruns",
    seed: 22,
    font: "Times",
    size: 10,
    labelWidth: 170,
    numberWidth: 60,
    valign: "top",
    headerWord: "Netto driftsutgifter",
    headerBreaks: "words",
    headerVAlign: "top",
    thousands: " ",
    minus: "-",
    splitNumbers: 0.4,
    splitLabels: 0.4,
    breakTables: 12,
    leading: 1.2,
    prose: [1, 2],
    pageNumber: "side",
    abbreviate: false,
  },
  {
    name: "courier-8-middle-nbsp",
    seed: 33,
    font: "Courier",
    size: 8,
    labelWidth: 200,
    numberWidth: 56,
    valign: "middle",
    headerWord: "Funksjonsområde",
    headerBreaks: "year",
    headerVAlign: "bottom",
    thousands: "\u00A0",
    minus: "-",
    splitNumbers: 0.3,
    splitLabels: 0,
    breakTables: null,
    leading: 1.3,
    prose: [2, 3],
    pageNumber: "av",
    abbreviate: false,
  },
  {
    name: "dejavu-8.5-middle-thinspace-minus",
    seed: 44,
    font: "DejaVu",
    size: 8.5,
    labelWidth: 160,
    numberWidth: 62,
    valign: "middle",
    headerWord: "",
    headerBreaks: "width",
    headerVAlign: "top",
    thousands: "\u2009",
    minus: "\u2212",
    splitNumbers: 0.3,
    splitLabels: 0.3,
    breakTables: 9,
    leading: 1.25,
    prose: [1, 2],
    pageNumber: "bare",
    abbreviate: false,
  },
  {
    name: "dejavu-11-mixed-space-minus",
    seed: 55,
    font: "DejaVu",
    size: 11,
    labelWidth: 175,
    numberWidth: 61,
    valign: "mixed",
    headerWord: "Beløp i 1000 kr",
    headerBreaks: "words",
    headerVAlign: "bottom",
    thousands: " ",
    minus: "\u2212",
    splitNumbers: 0.5,
    splitLabels: 0.5,
    breakTables: 6,
    leading: 1.2,
    prose: [0, 2],
    pageNumber: "side",
    abbreviate: true,
  },
  {
    name: "helvetica-8-narrow-3line-breaks",
    seed: 66,
    font: "Helvetica",
    size: 8,
    labelWidth: 120,
    numberWidth: 52,
    valign: "mixed",
    headerWord: "Netto driftsutgifter",
    headerBreaks: "width",
    headerVAlign: "top",
    thousands: "\u00A0",
    minus: "-",
    splitNumbers: 0.25,
    splitLabels: 0.6,
    breakTables: 5,
    leading: 1.2,
    prose: [1, 3],
    pageNumber: "av",
    abbreviate: false,
  },
];

export interface GeneratedPdf {
  /** A Uint8Array, not a Buffer: pdf.js refuses a Node Buffer (readPdf copies with slice(), which keeps a Buffer a Buffer). */
  readonly bytes: Uint8Array;
  /** The table drawn as a picture (its caption in text, no numbers). */
  readonly imageTable: string;
  /** Ids of the tables drawn as text. */
  readonly textTables: string[];
  readonly pages: number;
}

export const PAGE_W = 595.28;
export const PAGE_H = 841.89;
export const LEFT = 62;
/** Content starts below the furniture band (10 % of the page) and ends above it. */
export const TOP = 104;
export const BOTTOM = PAGE_H - 96;

export const PROSE = [
  "Bydelen har i året arbeidet videre med å styrke tjenestene til innbyggerne, og samarbeidet med frivillige organisasjoner og andre etater har vært godt.",
  "Arbeidet med å rekruttere og beholde kvalifiserte medarbeidere har hatt høy prioritet, og bydelen har gjennomført flere tiltak for et godt arbeidsmiljø.",
  "Tjenestene er levert innenfor de rammene bystyret har vedtatt, men presset på enkelte områder har vært større enn forutsatt ved inngangen til året.",
  "Bydelsutvalget har fulgt utviklingen tett gjennom året, og administrasjonen har rapportert jevnlig om status og tiltak på de ulike områdene.",
  "Brukerundersøkelser viser at innbyggerne i hovedsak er godt fornøyd med tjenestene, og bydelen følger opp de innspillene som er kommet fram.",
  "Det er lagt vekt på tidlig innsats og forebygging, og tverrfaglig samarbeid mellom tjenestene er videreført i tråd med bydelens planer.",
  "Digitalisering av arbeidsprosesser har gitt bedre oversikt og frigjort tid til direkte brukerarbeid i flere av bydelens avdelinger.",
];

const AREA_NAMES: Record<string, string> = { FO4A: "Sosiale tjenester", FO4B: "Kvalifiseringsprogram", FO4C: "Økonomisk sosialhjelp" };
const CHAPTER: Record<string, number> = { FO1: 2, FO2A: 3, FO2B: 4, FO2C: 5, FO3: 6, FO4: 7 };

export interface Fonts {
  regular: string;
  bold: string;
}

export function fontsOf(doc: PDFKit, font: Font): Fonts {
  if (font === "DejaVu") {
    doc.registerFont("DejaVu", DEJAVU);
    doc.registerFont("DejaVu-Bold", existsSync(DEJAVU_BOLD) ? DEJAVU_BOLD : DEJAVU);
    return { regular: "DejaVu", bold: "DejaVu-Bold" };
  }
  if (font === "Times") return { regular: "Times-Roman", bold: "Times-Bold" };
  if (font === "Courier") return { regular: "Courier", bold: "Courier-Bold" };
  return { regular: "Helvetica", bold: "Helvetica-Bold" };
}

// the pdfkit document, loosely typed (no @types/pdfkit here)
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type PDFKit = any;

/** "1234567" → "1 234 567" with the style's separator and minus. */
export function formatNumber(v: number, style: Pick<Style, "thousands" | "minus">): string {
  const digits = String(Math.abs(v)).replace(/\B(?=(\d{3})+(?!\d))/gu, style.thousands);
  return v < 0 ? `${style.minus}${digits}` : digits;
}

/** Greedy word wrap to a width; "\n" forces a break. */
export function wrapText(doc: PDFKit, text: string, width: number): string[] {
  const out: string[] = [];
  for (const para of text.split("\n")) {
    let line = "";
    for (const word of para.split(/ +/u).filter((w) => w !== "")) {
      const next = line === "" ? word : `${line} ${word}`;
      if (line !== "" && doc.widthOfString(next) > width) {
        out.push(line);
        line = word;
      } else line = next;
    }
    out.push(line);
  }
  return out;
}

export class Writer {
  page = 0;
  y = TOP;
  /** The style of the table being drawn (its column widths fitted to its numbers). */
  style: Style;
  constructor(
    readonly doc: PDFKit,
    readonly base: Style,
    readonly fonts: Fonts,
    readonly truth: Pick<Truth, "district" | "year">,
  ) {
    this.style = base;
  }

  /** Text with its baseline at y. */
  text(s: string, x: number, y: number, font = this.fonts.regular, size = this.style.size): void {
    this.doc.font(font).fontSize(size).text(s, x, y, { lineBreak: false, baseline: "alphabetic" });
  }

  width(s: string, font = this.fonts.regular, size = this.style.size): number {
    return this.doc.font(font).fontSize(size).widthOfString(s);
  }

  newPage(): void {
    if (this.page > 0) this.doc.addPage();
    this.page++;
    this.y = TOP;
    const size = 8;
    // running header in the top band, page number in the bottom band
    this.text(`${this.truth.district} – Årsberetning ${this.truth.year}`, LEFT, 40, this.fonts.regular, size);
    const n = this.style.pageNumber === "side" ? `Side ${this.page}` : this.style.pageNumber === "av" ? `${this.page} av ${this.page + 9}` : `${this.page}`;
    this.text(n, PAGE_W - LEFT - this.width(n, this.fonts.regular, size), PAGE_H - 36, this.fonts.regular, size);
  }

  ensure(height: number): boolean {
    if (this.y + height <= BOTTOM) return false;
    this.newPage();
    return true;
  }

  paragraph(text: string, size = this.style.size + 1, font = this.fonts.regular): void {
    const lead = size * 1.35;
    this.doc.font(font).fontSize(size);
    const lines = wrapText(this.doc, text, PAGE_W - 2 * LEFT);
    for (const l of lines) {
      this.ensure(lead);
      this.y += lead;
      this.text(l, LEFT, this.y, font, size);
    }
    this.y += lead * 0.8;
  }
}

/** Header cells of one table: the first cell's wording and the five column titles, each broken into lines. */
function headerCells(w: Writer, t: TruthTable, id: string, rng: Rng): string[][] {
  const { style } = w;
  const first = style.headerWord === "Netto driftsutgifter" && id === "0.1" ? "Brutto driftsutgifter" : style.headerWord;
  const cells: string[][] = [wrapText(w.doc.font(w.fonts.bold).fontSize(style.size), first, style.labelWidth - 8)];
  for (const h of t.header.slice(1)) {
    let text = h;
    if (style.headerBreaks === "words") text = h.replace(/ /gu, "\n");
    else if (style.headerBreaks === "year") text = h.replace(/ (20\d\d)$/u, "\n$1");
    // an odd cell keeps its own wording in a style that wraps by width
    if (style.headerBreaks === "width" && rng.chance(0.2)) text = h.replace(/ (20\d\d)$/u, "\n$1");
    // a header word wider than its column is abbreviated, as reports print «Oppr. budsjett»
    const fits = (word: string) => w.width(word, w.fonts.bold) <= style.numberWidth - style.size;
    if (style.abbreviate) text = text.replace(/Opprinnelig/gu, (m) => (fits(m) ? m : "Oppr.")).replace(/Regulert/gu, (m) => (fits(m) ? m : "Reg."));
    cells.push(wrapText(w.doc, text, style.numberWidth - style.size));
  }
  return cells;
}

function drawHeader(w: Writer, cells: string[][]): void {
  const { style } = w;
  const lead = style.size * style.leading;
  const lines = Math.max(...cells.map((c) => c.length));
  w.ensure(lines * lead + 4 * lead);
  const top = w.y + lead;
  cells.forEach((c, i) => {
    const shift = style.headerVAlign === "bottom" ? lines - c.length : 0;
    c.forEach((line, k) => {
      if (line === "") return;
      const y = top + (shift + k) * lead;
      if (i === 0) w.text(line, LEFT, y, w.fonts.bold);
      else {
        const right = LEFT + style.labelWidth + i * style.numberWidth - 3;
        w.text(line, right - w.width(line, w.fonts.bold), y, w.fonts.bold);
      }
    });
  });
  w.y = top + (lines - 1) * lead + lead * 0.5;
  const width = style.labelWidth + 5 * style.numberWidth;
  w.doc.moveTo(LEFT, w.y).lineTo(LEFT + width, w.y).lineWidth(0.5).stroke();
  w.y += lead * 0.2;
}

function drawNumber(w: Writer, v: number, right: number, y: number, font: string, rng: Rng): void {
  const s = formatNumber(v, w.style);
  const groups = s.split(w.style.thousands);
  if (groups.length > 1 && rng.chance(w.style.splitNumbers)) {
    // two runs split at a digit group: «649» and «876», a narrow gap between (no separator drawn)
    const at = rng.int(1, groups.length - 1);
    const head = groups.slice(0, at).join(w.style.thousands);
    const tail = groups.slice(at).join(w.style.thousands);
    const gap = rng.next() * 0.25 * w.style.size;
    const tailW = w.width(tail, font);
    w.text(tail, right - tailW, y, font);
    w.text(head, right - tailW - gap - w.width(head, font), y, font);
    return;
  }
  w.text(s, right - w.width(s, font), y, font);
}

function drawLabelLine(w: Writer, line: string, y: number, font: string, byWord: boolean): void {
  if (!byWord) {
    w.text(line, LEFT, y, font);
    return;
  }
  let x = LEFT;
  const space = w.width(" ", font);
  for (const word of line.split(" ")) {
    w.text(word, x, y, font);
    x += w.width(word, font) + space;
  }
}

/**
 * The table's columns: the style's widths, widened so that the widest number (bold, in a Sum row)
 * and the widest header word fit with a gap of most of an em, the label column giving way.
 */
function geometry(w: Writer, t: TruthTable): { labelWidth: number; numberWidth: number } {
  const { style } = w;
  let widest = 0;
  for (const r of t.rows) for (const v of r.values) if (v !== null) widest = Math.max(widest, w.width(formatNumber(v, style), w.fonts.bold));
  // header words that cannot be abbreviated («Regnskap», «budsjett») fit too, an em from the next column
  for (const word of style.abbreviate ? ["Regnskap", "budsjett", "Avvik"] : ["Regnskap", "budsjett", "Avvik", "Opprinnelig", "Regulert"]) widest = Math.max(widest, w.width(word, w.fonts.bold) + 0.4 * style.size);
  const numberWidth = Math.max(style.numberWidth, widest + 0.6 * style.size + 3);
  // a wide table may reach into the right margin
  const labelWidth = Math.min(style.labelWidth, PAGE_W - LEFT - 30 - 5 * numberWidth);
  return { labelWidth, numberWidth };
}

function drawTable(w: Writer, t: TruthTable, id: string, rng: Rng): void {
  const { labelWidth, numberWidth } = geometry(w, t);
  const style: Style = { ...w.style, labelWidth, numberWidth };
  w.style = style;
  const lead = style.size * style.leading;
  const cells = headerCells(w, t, id, rng);
  drawHeader(w, cells);
  const breakAfter = style.breakTables !== null && t.rows.length >= style.breakTables ? rng.int(1, t.rows.length - 2) : -1;
  t.rows.forEach((row, r) => {
    const font = row.isTotal ? w.fonts.bold : w.fonts.regular;
    w.doc.font(font).fontSize(style.size);
    const labelLines = wrapText(w.doc, row.printed[0] ?? row.label, style.labelWidth - 8);
    const height = labelLines.length * lead + lead * 0.35;
    if ((breakAfter >= 0 && r === breakAfter + 1) || w.y + height > BOTTOM) {
      w.newPage();
      drawHeader(w, cells);
    }
    const first = w.y + lead;
    const last = first + (labelLines.length - 1) * lead;
    const valign = style.valign === "mixed" ? rng.pick(["top", "middle", "bottom"] as const) : style.valign;
    const numbersY = valign === "top" ? first : valign === "bottom" ? last : (first + last) / 2;
    const byWord = rng.chance(style.splitLabels);
    labelLines.forEach((l, k) => drawLabelLine(w, l, first + k * lead, font, byWord));
    row.values.forEach((v, c) => {
      if (v === null) return;
      drawNumber(w, v, LEFT + style.labelWidth + (c + 1) * style.numberWidth - 3, numbersY, font, rng);
    });
    w.y = last + lead * 0.35;
    if (row.isTotal) {
      w.doc.moveTo(LEFT, w.y + 1).lineTo(LEFT + style.labelWidth + 5 * style.numberWidth, w.y + 1).lineWidth(0.3).stroke();
    }
  });
  w.y += lead;
  w.style = w.base;
}

function drawPicture(w: Writer, t: TruthTable): void {
  const height = 24 + t.rows.length * 14;
  const width = w.style.labelWidth + 5 * w.style.numberWidth;
  w.ensure(height + 10);
  const png = tablePicture(Math.round(width), Math.round(height), t.rows.length, 5);
  w.doc.image(png, LEFT, w.y + 4, { width, height });
  w.y += height + 14;
}

/** The heading lines a table is printed under (numbered section heading, sub-area caption, unit caption). */
export function headings(t: TruthTable, id: string, previousId: string | null): string[] {
  const caption = t.captions[0];
  if (id === "0.1" || id === "0.1B") {
    if (caption && /tabell\s+0[.,]1/iu.test(caption)) return [caption];
    return [`Tabell 0.1${id === "0.1B" ? " B Netto" : " Brutto"} driftsutgifter i 1000 kr`];
  }
  const unit = caption ?? "Tall i 1000 kr";
  if (id.startsWith("FO4") && id !== "FO4") {
    const main = `3.7.4 Hovedoversikt økonomi FO4 – netto driftsutgifter`;
    const sub = `${id} ${AREA_NAMES[id] ?? ""}`.trim();
    return previousId?.startsWith("FO4") ? [sub, unit] : [main, sub, unit];
  }
  const title = /hovedoversikt\s+økonomi/iu.test(t.table) ? t.table.replace(/\s*\(1000 kr\)\s*$/u, "") : `3.${CHAPTER[id] ?? 9}.4 Hovedoversikt økonomi ${id} – netto driftsutgifter`;
  return [title, unit];
}

/** Renders one report in one style. */
export async function generatePdf(truth: Truth, style: Style): Promise<GeneratedPdf> {
  const rng = new Rng(style.seed * 7919 + truth.report.length * 31 + truth.district.charCodeAt(6));
  const doc: PDFKit = new PDFDocument({
    size: "A4",
    margin: 0,
    autoFirstPage: true,
    compress: true,
    info: { Title: `Årsberetning ${truth.year} ${truth.district}`, CreationDate: new Date(Date.UTC(2025, 0, 1)) },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on("end", () => resolve()));
  const fonts = fontsOf(doc, style.font);
  const w = new Writer(doc, style, fonts, truth);

  // title page
  w.newPage();
  w.y = 260;
  w.text(`Årsberetning ${truth.year}`, LEFT, w.y, fonts.bold, 28);
  w.y += 40;
  w.text(truth.district, LEFT, w.y, fonts.regular, 20);
  w.y += 60;
  w.paragraph(rng.pick(PROSE));

  // the chapters: prose, then each table under its headings
  w.newPage();
  w.paragraph("1 Innledning", style.size + 4, fonts.bold);
  for (let i = 0; i < 3; i++) w.paragraph(rng.pick(PROSE));
  const tables = truth.budgetTables.map((t) => ({ t, id: tableId(t) }));
  const pictureChoices = tables.filter((x) => ["FO2A", "FO2B", "FO2C"].includes(x.id)).map((x) => x.id);
  const imageTable = rng.pick(pictureChoices);
  let previousId: string | null = null;
  for (const { t, id } of tables) {
    const n = rng.int(style.prose[0], style.prose[1]);
    for (let i = 0; i < n; i++) w.paragraph(rng.pick(PROSE));
    const lines = headings(t, id, previousId);
    w.ensure(lines.length * style.size * 2 + 6 * style.size * style.leading);
    lines.forEach((h, k) => w.paragraph(h, k === 0 && !/^tall i/iu.test(h) ? style.size + 2 : style.size, k === 0 ? fonts.bold : fonts.regular));
    if (id === imageTable) {
      drawPicture(w, t);
      // prose after a picture: the caption stands alone before the next table's headings
      for (let i = 0; i < 2; i++) w.paragraph(rng.pick(PROSE));
    } else drawTable(w, t, id, rng);
    previousId = id;
  }
  w.paragraph("Bydelen vil i kommende år videreføre arbeidet med gode og effektive tjenester.");
  doc.end();
  await done;
  const bytes = new Uint8Array(Buffer.concat(chunks));
  const dir = process.env.GENERATED_PDF_DIR;
  if (dir) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${truth.report}-${style.name}.pdf`), bytes);
  }
  return { bytes, imageTable, textTables: tables.map((x) => x.id).filter((x) => x !== imageTable), pages: w.page };
}
