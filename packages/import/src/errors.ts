/** Why an input is not read as a report. The CLI maps every reason to exit code 2. */
export const notAReportReasons = [
  "empty",
  "binary",
  "pdf",
  "too-large",
  "not-a-report",
  "mojibake",
  /** A PDF that needs a password. */
  "pdf-encrypted",
  /** A PDF that pdf.js cannot open or read (damaged, truncated, not a PDF after all). */
  "pdf-damaged",
  /** A PDF with no pages, or with no text on any page (a scan). */
  "pdf-empty",
  /** Text from an extractor that puts every cell in its own paragraph (plain pdftotext): its rows cannot be rebuilt. */
  "cells-as-paragraphs",
] as const;
export type NotAReportReason = (typeof notAReportReasons)[number];

/** The input is not the text of an annual report; `message` is Norwegian, for the controller. */
export class NotAReportError extends Error {
  override readonly name = "NotAReportError";
  constructor(
    readonly reason: NotAReportReason,
    message: string,
  ) {
    super(message);
  }
}

export function isNotAReportError(e: unknown): e is NotAReportError {
  return e instanceof NotAReportError;
}
