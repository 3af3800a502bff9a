/** Why an input is not read as a report. The CLI maps every reason to exit code 2. */
export const notAReportReasons = ["empty", "binary", "pdf", "too-large", "not-a-report", "mojibake"] as const;
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
