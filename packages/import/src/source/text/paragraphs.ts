import { NotAReportError } from "../../errors.js";
import { lastVisibleCode } from "../lines.js";

const LONE_NUMBER = /^\s*[-\u2212(]?\d{1,3}(?:[ \u00A0]\d{3})*\)?\s*$/u;
const ROW = /\d{1,3}(?:[ \u00A0]\d{3})*\s+[-\u2212]?\d{1,3}(?:[ \u00A0]\d{3})*\s+[-\u2212]?\d{1,3}(?:[ \u00A0]\d{3})*\s*$/u;

const isDigitCode = (c: number): boolean => c >= 48 && c <= 57;

/**
 * Refuses text in which every table cell stands in its own paragraph (plain `pdftotext` without
 * `-layout`): a cell no longer says which row or column it belongs to, so rows cannot be rebuilt.
 * Recognised by many amounts alone on their lines and almost no line that holds a row.
 */
export function refuseCellsAsParagraphs(lines: readonly string[]): void {
  let alone = 0;
  let rows = 0;
  for (const l of lines) {
    if (!/\d/u.test(l)) continue;
    if (LONE_NUMBER.test(l)) alone++;
    // the numbers at a line's end, after some letters: only its tail is searched, so the cost stays linear
    // a row ends in a digit: checked first, as the pattern costs more
    else if (l.length < 300 && isDigitCode(lastVisibleCode(l)) && ROW.test(l.slice(-90)) && /\p{L}/u.test(l)) rows++;
  }
  if (alone >= 60 && rows * 3 < alone) {
    throw new NotAReportError(
      "cells-as-paragraphs",
      "Teksten har hver tabellcelle i sitt eget avsnitt (som «pdftotext» uten «-layout» gir), så radene i tabellene kan ikke settes sammen igjen. Importer PDF-en direkte, eller trekk ut teksten med «pdftotext -layout».",
    );
  }
}
