import type { Finding, Report } from "@bydel/core";
import { importReport, type ImportOptions } from "./importReport.js";
import { controlsFinding } from "./source/text/controls.js";
import { readPdf, type PdfReadOptions } from "./source/pdf/readPdf.js";

export type PdfImportOptions = ImportOptions & PdfReadOptions;

function pageList(pages: readonly number[]): string {
  const shown = pages.slice(0, 20).join(", ");
  return pages.length > 20 ? `${shown} og ${pages.length - 20} til` : shown;
}

/**
 * A report's PDF → the report JSON: the PDF source lays each page out as text by the positions of
 * its words, and the text stages read it as they read any extraction. Line numbers in findings
 * are lines of that laid-out text; findings name the page where it helps the controller.
 */
export async function importPdf(bytes: Uint8Array, options: PdfImportOptions): Promise<Report> {
  const pdf = await readPdf(bytes, options);
  const sourceFindings: Finding[] = [...(options.sourceFindings ?? [])];
  if (pdf.pagesWithoutText.length > 0) {
    sourceFindings.push({
      severity: "warning",
      code: "PAGES_WITHOUT_TEXT",
      line: null,
      message: `${pdf.pagesWithoutText.length === 1 ? "Side" : "Sidene"} ${pageList(pdf.pagesWithoutText)} i PDF-en har ingen tekst (trolig bilder eller skannet); tabeller der er ikke lest.`,
    });
  }
  if (pdf.droppedControls > 0) sourceFindings.push(controlsFinding(pdf.droppedControls));
  const report = importReport(pdf.text, { ...options, sourceFindings });
  // a finding on a line names its page too: the controller looks in the PDF, not in its text
  for (const f of report.findings) {
    const page = f.line !== null ? pdf.pageOfLine[f.line - 1] : undefined;
    if (page === undefined) continue;
    f.page = page;
    if (!f.message.includes("(side ")) f.message = `${f.message} (side ${page})`;
  }
  return report;
}

export { readPdf, isPdfBytes, DEFAULT_MAX_PAGES, DEFAULT_MAX_PDF_BYTES, type PdfText, type PdfReadOptions } from "./source/pdf/readPdf.js";
export type { PdfJs } from "./source/pdf/pdfjs.js";
