export { importReport, DEFAULT_MAX_CHARS, type ImportOptions } from "./importReport.js";
export { NotAReportError, isNotAReportError, notAReportReasons, type NotAReportReason } from "./errors.js";
export { decodeReportBytes, repairMojibake, type DecodedText } from "./source/decode.js";
export { importPdf, readPdf, isPdfBytes, DEFAULT_MAX_PAGES, DEFAULT_MAX_PDF_BYTES, type PdfImportOptions, type PdfText, type PdfReadOptions, type PdfJs } from "./importPdf.js";
