import { decodeReportBytes, DEFAULT_MAX_PDF_BYTES, isPdfBytes } from "@bydel/import";

// The chosen file: a PDF (known by its first bytes, not its name) or a report's text. Decoding,
// screening (binary, empty, wrong encoding) and reading the PDF are the importer's: the pane only
// refuses to read a file far too big to be a report.

/** Reports are well under 1 MB as text; the importer's own limit is 10 million characters. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;
/** A report's PDF is 1–5 MB (more with photos); the PDF import's own limit. */
export const MAX_PDF_BYTES = DEFAULT_MAX_PDF_BYTES;

export function tooLarge(size: number, pdf = false): string | null {
  if (pdf) {
    return size > MAX_PDF_BYTES
      ? `PDF-en er ${Math.round(size / 1024 / 1024)} MB; grensen er ${Math.round(MAX_PDF_BYTES / 1024 / 1024)} MB. En årsberetning som PDF er vanligvis under 10 MB.`
      : null;
  }
  return size > MAX_FILE_BYTES
    ? `Filen er ${Math.round(size / 1024 / 1024)} MB: for stor til å være teksten fra en årsberetning (vanligvis under 1 MB).`
    : null;
}

/** Whether a file is a PDF, from its first kilobyte (a PDF called .txt is still a PDF). */
export async function isPdfFile(file: Blob): Promise<boolean> {
  return isPdfBytes(new Uint8Array(await file.slice(0, 1024).arrayBuffer()));
}

export function textOfBytes(bytes: Uint8Array): { text: string; note: string | null } {
  const decoded = decodeReportBytes(bytes);
  return {
    text: decoded.text,
    note:
      decoded.encoding === "windows-1252"
        ? "Filen var ikke UTF-8 og ble lest som Windows-1252 (ANSI). Kontroller æ, ø og å i forhåndsvisningen."
        : null,
  };
}

/** What the pane says after a PDF is read: how many pages, and those without text (named by the import's finding). */
export function pdfNote(pages: number, findings: readonly { code: string; message: string }[]): string {
  const read = `Lest ${pages} ${pages === 1 ? "side" : "sider"} fra PDF-en.`;
  const withoutText = findings.find((f) => f.code === "PAGES_WITHOUT_TEXT");
  return withoutText ? `${read}\n${withoutText.message}` : read;
}
