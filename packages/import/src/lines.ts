/** One line of the input text, with its 1-based line number. */
export interface Line {
  readonly no: number;
  readonly text: string;
}

/**
 * Splits text into lines numbered as an editor numbers them: LF, CRLF and lone CR end a line. A form
 * feed (pdftotext's page break) is not a line end there, so it becomes a space and line numbers agree.
 */
export function splitLines(text: string): Line[] {
  const parts = text.includes("\r") ? text.split(/\r\n|\r|\n/) : text.split("\n");
  if (parts.length > 1 && parts[parts.length - 1] === "") parts.pop();
  const pages = text.includes("\f");
  return parts.map((t, i) => ({ no: i + 1, text: pages && t.includes("\f") ? t.replace(/\f/g, " ") : t }));
}

/** Case- and accent-tolerant form of a line for heading matching (NBSP and runs of space become one space). */
export function normalizeForMatch(text: string): string {
  return text.replace(/[\u00A0\u202F\u2007\t]/g, " ").replace(/\s+/g, " ").trim().toLowerCase();
}

export function isBlank(text: string): boolean {
  return /^[\s\u00A0\u202F]*$/.test(text);
}
