import { pdfLayout } from "@bydel/core";
import { NotAReportError } from "../../errors.js";
import { DEFAULT_MAX_PAGES } from "../pageNumbers.js";
import { dropFurniture, type PageLines } from "./furniture.js";
import { positionedItems } from "./items.js";
import { layoutLines } from "./layout.js";
import { groupLines } from "./lines.js";
import type { PdfDocument, PdfJs } from "./pdfjs.js";

export interface PdfReadOptions {
  /** pdf.js, injected: the legacy build in Node (`loadNodePdfjs`), the browser build in the task pane. */
  readonly pdfjs: PdfJs;
  /** Called after each page is read. */
  readonly onPage?: (page: number, pages: number) => void;
  /** Most pages read (default 1 000; a district's report has about 100). */
  readonly maxPages?: number;
  /** Largest file accepted, in bytes (default 100 MB). */
  readonly maxBytes?: number;
  readonly settings?: typeof pdfLayout;
}

export interface PdfText {
  /** The pages laid out as text, one form feed between pages: what the text stages read. */
  readonly text: string;
  readonly pages: number;
  /** 1-based pages with no text at all (scans or images). */
  readonly pagesWithoutText: number[];
  /** The page each line of `text` comes from (index: line number − 1). */
  readonly pageOfLine: number[];
  /** Control characters dropped (U+0000 for glyphs without a Unicode mapping). */
  readonly droppedControls: number;
}

export { DEFAULT_MAX_PAGES };
export const DEFAULT_MAX_PDF_BYTES = 100 * 1024 * 1024;

function fail(reason: "pdf-encrypted" | "pdf-damaged" | "pdf-empty" | "too-large", message: string): never {
  throw new NotAReportError(reason, message);
}

async function open(options: PdfReadOptions, data: Uint8Array): Promise<PdfDocument> {
  const task = options.pdfjs.getDocument({
    data,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  try {
    return await task.promise;
  } catch (e) {
    await task.destroy().catch(() => undefined);
    const name = (e as { name?: string } | null)?.name ?? "";
    if (name === "PasswordException") fail("pdf-encrypted", "PDF-en er passordbeskyttet. Lagre en kopi uten passord og importer den.");
    fail("pdf-damaged", "PDF-en er skadet eller avkortet og kan ikke leses. Last ned filen på nytt, eller eksporter den som PDF igjen.");
  }
}

/**
 * Reads a PDF's text with positions and lays each page out as text whose character columns follow
 * the positions (words → lines → cells). Running headers, footers and page numbers are dropped by
 * position; pages are separated by a form feed.
 */
export async function readPdf(bytes: Uint8Array, options: PdfReadOptions): Promise<PdfText> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_PDF_BYTES;
  if (bytes.length > maxBytes) {
    fail("too-large", `PDF-en er for stor (${(bytes.length / 1048576).toFixed(1)} MB; grensen er ${(maxBytes / 1048576).toFixed(1)} MB).`);
  }
  const settings = options.settings ?? pdfLayout;
  // pdf.js takes ownership of the buffer it is given: read from a copy so the caller keeps its bytes
  const doc = await open(options, new Uint8Array(bytes));
  try {
    const total = doc.numPages;
    if (total === 0) fail("pdf-empty", "PDF-en har ingen sider.");
    const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
    if (total > maxPages) fail("too-large", `PDF-en har ${total} sider; grensen er ${maxPages}. En årsberetning har vanligvis rundt 100 sider.`);
    const pages: PageLines[] = [];
    const lefts: number[] = [];
    const pagesWithoutText: number[] = [];
    let dropped = 0;
    for (let n = 1; n <= total; n++) {
      let page;
      try {
        page = await doc.getPage(n);
      } catch {
        fail("pdf-damaged", `Side ${n} i PDF-en er skadet og kan ikke leses.`);
      }
      const content = await page.getTextContent({ includeMarkedContent: false });
      const { items, dropped: d, height } = positionedItems(content.items, page.view, settings);
      page.cleanup();
      dropped += d;
      if (items.length === 0) pagesWithoutText.push(n);
      // a loop, not Math.min(...items): a page may hold more runs than a call takes arguments
      let pageLeft = Infinity;
      for (const it of items) if (it.x0 < pageLeft) pageLeft = it.x0;
      lefts.push(pageLeft);
      pages.push({ height, lines: groupLines(items, settings) });
      options.onPage?.(n, total);
    }
    if (pagesWithoutText.length === total) {
      fail("pdf-empty", "PDF-en har ingen tekst, bare bilder (trolig skannet). Importer den tekstbaserte PDF-en fra bydelen, eller en tekstversjon.");
    }
    const left = lefts.reduce((a, b) => (b < a ? b : a), Infinity);
    const kept = dropFurniture(pages, settings);
    const out: string[] = [];
    const pageOfLine: number[] = [];
    kept.forEach((lines, i) => {
      const laid = layoutLines(lines, left, settings);
      if (i > 0) {
        // the form feed opens the page's first line, as pdftotext writes it
        laid[0] = `\f${laid[0] ?? ""}`;
      }
      for (const l of laid) {
        out.push(l);
        pageOfLine.push(i + 1);
      }
    });
    return { text: out.join("\n") + "\n", pages: total, pagesWithoutText, pageOfLine, droppedControls: dropped };
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}

/** Bytes that open a PDF file (after a byte-order mark or leading whitespace, as some servers send them). */
export function isPdfBytes(bytes: Uint8Array): boolean {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 1024));
  return /^[\s\uFEFF\u00EF\u00BB\u00BF]*%PDF-/u.test(head);
}
