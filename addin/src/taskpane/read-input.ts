import { decodeReportBytes } from "@bydel/import";

// The chosen file as report text. Decoding and screening (PDF, binary, empty, wrong encoding) are
// the importer's: the pane only refuses to read a file far too big to be a report's text.

/** Reports are well under 1 MB as text; the importer's own limit is 20 million characters. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

export function tooLarge(size: number): string | null {
  return size > MAX_FILE_BYTES
    ? `Filen er ${Math.round(size / 1024 / 1024)} MB: for stor til å være teksten fra en årsberetning (vanligvis under 1 MB).`
    : null;
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
