/** One line of the input text, with its 1-based line number. */
export interface Line {
  readonly no: number;
  readonly text: string;
}

/**
 * Splits text into lines numbered as an editor numbers them: LF, CRLF, lone CR and the Unicode line
 * and paragraph separators (U+2028, U+2029, which some word processors save) end a line. A form
 * feed (pdftotext's page break) is not a line end there, so line numbers agree; it stays in its
 * line for page assembly (`source/text/pages.ts`), which turns it into a space.
 */
export function splitLines(text: string): Line[] {
  const parts = /[\r\u2028\u2029]/.test(text) ? text.split(/\r\n|[\r\n\u2028\u2029]/) : text.split("\n");
  if (parts.length > 1 && parts[parts.length - 1] === "") parts.pop();
  return parts.map((t, i) => ({ no: i + 1, text: t }));
}

/** Case- and accent-tolerant form of a line for heading matching (NBSP and runs of space become one space). */
export function normalizeForMatch(text: string): string {
  return text.replace(/[\u00A0\u202F\u2007\t]/g, " ").replace(/\s+/g, " ").trim().toLowerCase();
}

/** Whether a UTF-16 code unit is one that `\s` matches (white space and line terminators). */
export function isSpaceCode(c: number): boolean {
  if (c === 32 || (c >= 9 && c <= 13)) return true;
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** The code of a text's last character that `\s` does not match, or -1: a precheck for patterns anchored at a line's end. */
export function lastVisibleCode(text: string): number {
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (!isSpaceCode(c)) return c;
  }
  return -1;
}

export function isBlank(text: string): boolean {
  return /^[\s\u00A0\u202F]*$/.test(text);
}

/**
 * The index of the first item that is not `before` (items.length when all are), in a list where every
 * item `before` comes ahead of every other: binary search, the one the line and offset lookups share.
 */
export function firstIndex<T>(items: readonly T[], before: (item: T) => boolean): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(items[mid]!)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The line numbered `no` in a list that may lack some numbers (page furniture dropped). */
export function lineByNo(lines: readonly Line[], no: number): Line | undefined {
  const line = lines[firstIndex(lines, (l) => l.no < no)];
  return line?.no === no ? line : undefined;
}
