import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

// PDFs for the tests, made here from a fixture, by hand, or with pdfkit (a devDependency of the
// repository): no tool beyond what the repository has.

/** A PDF from object bodies (object n is `objects[n - 1]`), with a correct cross-reference table. */
export function handWrittenPdf(objects: readonly string[], trailerExtra = ""): Buffer {
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, "latin1"));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

const catalog = "<< /Type /Catalog /Pages 2 0 R >>";
const emptyPage = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>";

/** A catalog whose page tree has no pages. */
export const zeroPages = (): Buffer => handWrittenPdf([catalog, "<< /Type /Pages /Kids [] /Count 0 >>"]);

const stream = (content: string) => `<< /Length ${Buffer.byteLength(content, "latin1")} >>\nstream\n${content}\nendstream`;

/** One page that only paints a grey rectangle: what a scan looks like to a text reader. */
export const scanWithoutText = (): Buffer =>
  handWrittenPdf([
    catalog,
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
    stream("0.5 g 40 40 515 762 re f"),
  ]);

/** `n` empty pages. */
export function manyPages(n: number): Buffer {
  const kids = Array.from({ length: n }, (_, i) => `${i + 3} 0 R`).join(" ");
  return handWrittenPdf([catalog, `<< /Type /Pages /Kids [${kids}] /Count ${n} >>`, ...Array.from({ length: n }, () => emptyPage)]);
}

/**
 * A PDF whose trailer names a standard security handler (/Encrypt): its owner and user keys do not
 * match the empty password, so a reader must ask for one.
 */
export const encryptedByHand = (): Buffer =>
  handWrittenPdf(
    [catalog, "<< /Type /Pages /Kids [] /Count 0 >>", `<< /Filter /Standard /V 1 /R 2 /O <${"ab".repeat(32)}> /U <${"cd".repeat(32)}> /P -4 >>`],
    `/Encrypt 3 0 R /ID [<${"01".repeat(16)}> <${"01".repeat(16)}>] `,
  );

interface PdfKitDocument {
  on(event: string, f: (chunk?: Buffer) => void): void;
  text(t: string, x?: number, y?: number, options?: { lineBreak?: boolean }): PdfKitDocument;
  fontSize(size: number): PdfKitDocument;
  addPage(): PdfKitDocument;
  end(): void;
}

/** A PDF written by pdfkit: `draw` writes the pages. */
function pdfkit(options: object, draw: (doc: PdfKitDocument) => void): Promise<Buffer> {
  const PDFDocument = createRequire(import.meta.url)("pdfkit") as new (o: object) => PdfKitDocument;
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument(options);
    const parts: Buffer[] = [];
    doc.on("data", (c) => parts.push(c!));
    doc.on("end", () => resolve(Buffer.concat(parts)));
    doc.on("error", reject as (c?: Buffer) => void);
    draw(doc);
    doc.end();
  });
}

/** A real encrypted PDF with text, from pdfkit, with a user password. */
export const encryptedByPdfkit = (): Promise<Buffer> =>
  pdfkit({ userPassword: "hemmelig", ownerPassword: "eier" }, (doc) => doc.text("Bydel Sagene – årsberetning 2024. Tabell 0.1 Brutto driftsutgifter i 1000 kr"));

/**
 * A short report: a title page, Tabell 0.1 with two rows and a Sum row (its arithmetic right), and
 * the pages in `blank` (1-based) left without text, as scanned pages are to a text reader.
 */
export function shortReportPdf(blank: readonly number[] = []): Promise<Buffer> {
  const pages: ((doc: PdfKitDocument) => void)[] = [
    (doc) => doc.fontSize(20).text("Bydel Sagene", 72, 100).text("Årsberetning 2024", 72, 130),
    (doc) => {
      doc.fontSize(12).text("Tabell 0.1 Brutto driftsutgifter i 1000 kr", 50, 80);
      const columns = [200, 265, 330, 395, 460, 525];
      const row = (y: number, cells: string[]) => cells.forEach((c, i) => doc.text(c, i === 0 ? 50 : columns[i - 1]!, y, { lineBreak: false }));
      doc.fontSize(9);
      row(110, ["Beløp i 1000 kr", "Regnskap 2023", "Opprinnelig", "Regulert", "Regnskap 2024", "Avvik"]);
      row(130, ["Funksjonsområde 1", "49 377", "88 800", "57 750", "50 122", "7 628"]);
      row(145, ["Funksjonsområde 3", "120 500", "130 000", "131 000", "129 000", "2 000"]);
      row(160, ["Sum brutto utgifter", "169 877", "218 800", "188 750", "179 122", "9 628"]);
    },
  ];
  const total = pages.length + blank.length;
  return pdfkit({ autoFirstPage: true, size: "A4" }, (doc) => {
    let next = 0;
    for (let n = 1; n <= total; n++) {
      if (n > 1) doc.addPage();
      if (!blank.includes(n)) pages[next++]!(doc);
    }
  });
}

/** «%PDF-» and then bytes that are no PDF (a fixed pseudo-random sequence, the same every run). */
export function damaged(length = 8000): Buffer {
  let x = 0x2545f491;
  const noise = Buffer.alloc(length);
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    noise[i] = x & 0xff;
  }
  return Buffer.concat([Buffer.from("%PDF-1.7\n"), noise]);
}

/** The first `fraction` of a PDF file, as a broken download leaves it. */
export function truncated(file: string, fraction = 0.3): Buffer {
  const whole = readFileSync(file);
  return whole.subarray(0, Math.floor(whole.length * fraction));
}
