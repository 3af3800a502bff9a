import { NotAReportError } from "../errors.js";

/** Mojibake from UTF-8 read as Latin-1 / Windows-1252: "Ã¸" for ø, "Ã¥" for å, "Ã¦" for æ, "Ã˜" for Ø … */
const MOJIBAKE = /Ã[\u0080-\u00BF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013-\u203A\u20AC\u2122]/gu;

/** Counts mojibake sequences; more than a stray one means the text was decoded with the wrong encoding. */
export function countMojibake(text: string): number {
  return text.match(MOJIBAKE)?.length ?? 0;
}

/**
 * Rejects what is not report text before any parsing: oversized input, a PDF file passed as text,
 * empty text and binary data (NUL bytes).
 */
export function screenText(text: string, maxChars: number): void {
  if (text.length > maxChars) {
    throw new NotAReportError(
      "too-large",
      `Teksten er for stor (${Math.round(text.length / 1e6)} millioner tegn; grensen er ${Math.round(maxChars / 1e6)} millioner). En årsberetning som tekst er vanligvis under 1 MB.`,
    );
  }
  if (text.startsWith("%PDF-") || text.startsWith("\uFEFF%PDF-")) {
    throw new NotAReportError(
      "pdf",
      "Filen er en PDF, men den ble gitt som tekst. Importer PDF-filen som fil (bydel import rapport.pdf), så leses den direkte.",
    );
  }
  if (text.trim() === "") throw new NotAReportError("empty", "Filen er tom: den inneholder ingen tekst.");
}

/** Rejects text whose Norwegian letters are mojibake that could not be repaired. */
export function rejectMojibake(text: string): void {
  if (countMojibake(text) > 3) {
    throw new NotAReportError(
      "mojibake",
      "Teksten har ødelagte norske tegn (f.eks. «Ã¸» for «ø»): den er lest med feil tegnkoding. Lagre filen som UTF-8 på nytt, eller importer originalfilen.",
    );
  }
}
